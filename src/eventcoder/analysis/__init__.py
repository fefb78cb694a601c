"""Scoring the coder against gold data (``eventcoder eval``).

Which scorer runs is detected from the gold file's fields (``gold.detect_kind``):

* ``pairs`` (plv_dev): event type for a given source/target pair; with ``given_actors`` the
  ``<s>``/``<t>`` spans go to ``Coder.code_pair``. Per-type P/R/F1, macro-F1 over gold types
  present, micro-F1, accuracy, confusion.
* ``end2end`` (plover_gsr, petr2_gsr_validation, petr_unittest): sentences coded with
  ``Coder.pipe``; predicted events matched greedily to gold events per sentence at three levels
  (type; type+source; type+source+target), per-type F1, confusion, actor-match rates.
* ``multicoder``: CAMEO root of the coder's most confident event vs the human majority roots;
  relevance (event / no event) accuracy.
* ``penta`` (penta_dev): 5-class accuracy via ``Ontology.penta_of``.
* ``location`` (location_dev): share of gold events whose nearest predicted event has a location
  span overlapping the gold place.

Label rules (``labels``): older PLOVER labels map to 2023 types (YIELD -> CONCEDE or RETREAT,
DEMAND -> REQUEST, DISAPPROVE -> ACCUSE or REJECT, FIGHT -> ASSAULT, INVESTIGATE -> ACCUSE); a
prediction of any mapped type is correct and counted under the gold label. CAMEO-only gold maps
through ``Ontology.plover_of``; CAMEO root 01 or no PLOVER type is "no event". Actor rules
(``actorcodes``, ``endtoend``): countries compared as ISO3 after mapping old CAMEO/COW codes
(``data/ontology/country_code_aliases.csv``); compound sources match any member; a gold null
target also matches another member of a compound source; predicted events sharing trigger and
type count as one. Bad gold lines are counted, never fatal.

Example:
    >>> from eventcoder import Coder
    >>> from eventcoder.analysis import evaluate
    >>> print(evaluate("../shared/eval/plover_gsr.jsonl", Coder(), limit=20).summary)
"""

from __future__ import annotations

from eventcoder.analysis.evaluate import EvalReport, evaluate
from eventcoder.analysis.gold import KINDS, detect_kind, read_gold
from eventcoder.analysis.report import render_text

__all__ = ["KINDS", "EvalReport", "detect_kind", "evaluate", "read_gold", "render_text"]
