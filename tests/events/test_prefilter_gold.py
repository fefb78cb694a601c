"""Issue 6: the cheap sentence pre-filter must not drop a sentence that holds a gold event."""

from __future__ import annotations

import json

import pytest

from eventcoder.events import EventExtractor


def _is_plover_event(event: dict) -> bool:
    """A gold event with a PLOVER type (statements, CAMEO 01 or penta class 0, have none)."""
    if "penta" in event:
        return event["penta"] not in (0, None)
    cameo = event.get("cameo") or ""
    return bool(event.get("plover")) or (bool(cameo) and not cameo.startswith("01"))


@pytest.mark.issue(6)
@pytest.mark.parametrize("name", ["plover_gsr", "petr2_gsr_validation", "plv_dev", "penta_dev"])
def test_prefilter_keeps_every_gold_event_sentence(shared_dir, name):
    extractor = EventExtractor()
    dropped = []
    with open(shared_dir / "eval" / f"{name}.jsonl", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record.get("text") and any(_is_plover_event(e) for e in record.get("events") or []):
                if not extractor.sentence_may_have_event(record["text"]):
                    dropped.append(record["id"])
    assert dropped == []
