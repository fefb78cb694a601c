"""Shared fixtures of the date tests: one spaCy pipeline per session."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventcoder.nlp import load_pipeline


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()
