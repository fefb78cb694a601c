"""The batch runner with the real Coder: same events as Coder.pipe, same ids on every run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import scale_fakes
from scale_fakes import read_output

from eventcoder.ingest import read_articles
from eventcoder.records import Article
from eventcoder.scale.runner import run_batch

ARTICLES = [
    (
        "r1",
        "Israeli troops raided the West Bank city of Jenin on Monday. Residents said the raid lasted hours.",
        "2023-07-03",
    ),
    (
        "r2",
        "Egypt hosted talks between Hamas and Fatah officials in Cairo. The markets were calm.",
        "2023-08-14",
    ),
    ("r3", "Weather was mild across the region. Farmers expect a good harvest.", "2023-08-15"),
    (
        "r4",
        "Russian forces shelled Kharkiv overnight, killing three civilians, Ukrainian officials said.",
        "2023-09-01",
    ),
]


@pytest.fixture
def real_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    with (folder / "news.jsonl").open("w", encoding="utf-8") as fh:
        for ident, text, day in ARTICLES:
            fh.write(json.dumps({"id": ident, "text": text, "published": day}) + "\n")
    return folder


def test_run_batch_with_the_real_coder_matches_coder_pipe(
    coder, real_corpus: Path, tmp_path: Path
) -> None:  # noqa: ANN001
    scale_fakes.SHARED_CODER = coder
    try:
        summary = run_batch(
            [str(real_corpus)],
            tmp_path / "a",
            chunk_size=2,
            coder_factory="scale_fakes:shared_coder",
        )
        run_batch(
            [str(real_corpus)],
            tmp_path / "b",
            chunk_size=3,
            coder_factory="scale_fakes:shared_coder",
        )
    finally:
        scale_fakes.SHARED_CODER = None
    articles = [
        a for a in read_articles([str(real_corpus / "news.jsonl")]) if isinstance(a, Article)
    ]
    expected = sorted(e.id for r in coder.pipe(articles) for e in r.events)
    events, rows = read_output(tmp_path / "a")
    assert [e[0] for e in events] == expected
    assert summary.events == len(expected) > 0
    assert summary.articles == len(ARTICLES) and summary.rejected == summary.failed == 0
    assert read_output(tmp_path / "b") == (events, rows)  # chunking does not change ids or rows
