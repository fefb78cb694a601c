"""Places: the offline gazetteer and event location picking.

Example:
    >>> from eventcoder.nlp import load_pipeline
    >>> doc = load_pipeline()("Israeli troops raided Jenin on Monday.")
    >>> places = DocumentPlaces.from_doc(doc, Gazetteer.default())
    >>> places.locate_event(doc[2]).resolution
    'exact'
"""

from __future__ import annotations

from eventcoder.places.document import DocumentPlaces
from eventcoder.places.gazetteer import Gazetteer, NameMatch, Place
from eventcoder.places.mentions import PlaceMention

__all__ = ["DocumentPlaces", "Gazetteer", "NameMatch", "Place", "PlaceMention"]
