"""A fake coder with ``Coder.pipe``'s contract, for batch tests that must not load spaCy.

It finds "<Word> attacked <Word>" and "<Word> met <Word>" and makes one event for each, with the
event id built from the article id and the trigger offsets, as the real coder does. An article
containing "EXPLODE" makes it raise. ``EVENTCODER_FAKE_DELAY`` (seconds per article) slows it
down so a test can kill a run midway.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventcoder.records import Actor, Article, CodingResult, Event, Evidence

_PATTERN = re.compile(r"\b([A-Z]\w+) (attacked|met) ([A-Z]\w+)")
_CODES = {"attacked": ("ASSAULT", "190", "19", 4, -10.0), "met": ("CONSULT", "040", "04", 1, 1.0)}


def _actor(text: str, start: int) -> Actor:
    return Actor(
        name=text, text=text, start=start, end=start + len(text), country=None, sectors=("GOV",)
    )


class FakeCoder:
    """Codes "X attacked Y" and "X met Y"; one sentence per full stop."""

    def __init__(self, *, dictionaries: Iterable[str] = ()):
        self.dictionaries = list(dictionaries)
        self.delay = float(os.environ.get("EVENTCODER_FAKE_DELAY", "0"))
        self.pid = os.getpid()

    def pipe(self, articles: Iterable[Article], *, batch_size: int = 32) -> Iterator[CodingResult]:
        for article in articles:
            if "EXPLODE" in article.text:
                raise RuntimeError(f"fake coder cannot code article {article.id}")
            if self.delay:
                time.sleep(self.delay)
            events = []
            for m in _PATTERN.finditer(article.text):
                event_type, cameo, root, quad, goldstein = _CODES[m.group(2)]
                events.append(
                    Event(
                        id=f"{article.id}:{m.start(2)}-{m.end(2)}",
                        article_id=article.id,
                        event_type=event_type,
                        mode=None,
                        negated=False,
                        tense_mode="asserted",
                        cameo=cameo,
                        cameo_root=root,
                        quad_class=quad,
                        goldstein=goldstein,
                        source=_actor(m.group(1), m.start(1)),
                        target=_actor(m.group(3), m.start(3)),
                        evidence=Evidence(
                            sentence=m.group(0),
                            sentence_index=article.text.count(".", 0, m.start()),
                            sentence_start=m.start(),
                            trigger=m.group(2),
                            trigger_start=m.start(2),
                            trigger_end=m.end(2),
                        ),
                        why="fake",
                        confidence=0.5,
                        date=article.published,
                        context=("fake",),
                    )
                )
            yield CodingResult(
                article=article, events=events, n_sentences=max(article.text.count("."), 1)
            )


_NAMES = ("Israel", "Gaza", "Russia", "Ukraine", "France", "Mali", "Egypt", "Sudan")
_DATES = ("2023-01-05", "2023-02-11", "2023-03-20", "")


def write_corpus(folder: Path, *, n_articles: int = 40) -> Path:
    """A small corpus: a JSON Lines feed (some articles without events), two text files, a CSV."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "feed.jsonl").open("w", encoding="utf-8") as fh:
        for i in range(n_articles):
            a, b = _NAMES[i % len(_NAMES)], _NAMES[(i * 3 + 1) % len(_NAMES)]
            text = (
                f"{a} attacked {b}. Later {b} met {a} in the capital."
                if i % 3
                else "Markets were calm today."
            )
            fh.write(
                json.dumps({"id": f"feed-{i}", "text": text, "published": _DATES[i % len(_DATES)]})
                + "\n"
            )
    (folder / "report.txt").write_text("Egypt met Sudan. Talks went on.", encoding="utf-8")
    (folder / "quiet.txt").write_text("Nothing to report.", encoding="utf-8")
    (folder / "wire.csv").write_text(
        'id,text,published\nw1,"Mali attacked France. Then, quiet.",2023-04-01\nw2,"Russia met Ukraine.",\n',
        encoding="utf-8",
    )
    return folder


def read_output(out: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """(events, articles) of an output folder's DuckDB store, every column, sorted by id."""
    import duckdb

    con = duckdb.connect(str(out / "eventcoder.duckdb"), read_only=True)
    try:
        events = con.execute("SELECT * FROM events ORDER BY id").fetchall()
        articles = con.execute("SELECT * FROM articles ORDER BY id, path").fetchall()
    finally:
        con.close()
    return events, articles


#: A real Coder a test lends to the batch runner (see ``shared_coder``).
SHARED_CODER: object | None = None


def shared_coder(*, dictionaries: Iterable[str] = ()) -> object:
    """Coder factory that returns the test session's loaded Coder (in-process runs only)."""
    if SHARED_CODER is None:
        raise RuntimeError("set scale_fakes.SHARED_CODER first")
    return SHARED_CODER
