"""Shared fixtures of the place tests: one spaCy pipeline and one gazetteer per session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventcoder.nlp import load_pipeline
from eventcoder.places import Gazetteer

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.default()


@pytest.fixture(scope="session")
def parse(nlp: Language) -> Callable[[str], Doc]:
    """Parse a text paragraph by paragraph (sentences never cross a newline), as the pipeline does."""

    def _parse(text: str) -> Doc:
        paragraphs = text.splitlines(keepends=True) or [text]
        doc = Doc.from_docs(list(nlp.pipe(paragraphs)), ensure_whitespace=False)
        assert doc.text == text
        return doc

    return _parse


@pytest.fixture(scope="session")
def seed_article() -> str:
    path = SHARED / "seed" / "factions-meeting-article.txt"
    if not path.exists():
        pytest.skip(f"../shared is absent: {path} is needed for the seed-article check")
    return path.read_text(encoding="utf-8")
