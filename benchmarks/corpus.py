"""Deterministic synthetic news corpus for speed benchmarks.

Sentences are drawn from the templates in ``corpus_templates.yaml`` (about 40% describe a
political event, 60% are background), grouped into paragraphs of 1-3 sentences and articles of
8-16 sentences. The same ``seed`` and size always give the same corpus.

Usage: python benchmarks/corpus.py --mb 2 > corpus.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

TEMPLATES = Path(__file__).resolve().with_name("corpus_templates.yaml")
EVENT_SHARE = 0.4
_SLOT = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True, slots=True)
class CorpusArticle:
    id: str
    text: str
    published: dt.date
    n_sentences: int
    n_event_sentences: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "published": self.published.isoformat(),
            "n_sentences": self.n_sentences,
            "n_event_sentences": self.n_event_sentences,
        }


def _load_templates(path: Path = TEMPLATES) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in ("events", "background", "slots"):
        if key not in data:
            raise ValueError(f"{path}: missing '{key}'")
    return data


def _fill(template: str, slots: dict[str, list[str]], rng: random.Random) -> str:
    chosen: dict[str, str] = {}

    def value(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in ("n", "n2"):
            return str(rng.randint(2, 60))
        if name == "pct":
            return f"{rng.randint(1, 9)}.{rng.randint(0, 9)}"
        if name == "year":
            return str(rng.randint(1995, 2022))
        base = name.rstrip("0123456789")  # {actor2}: another actor than {actor}
        options = [v for v in slots[base] if v != chosen.get(base)]
        picked = rng.choice(options)
        chosen.setdefault(base, picked)
        return picked

    text = _SLOT.sub(value, template)
    return text[0].upper() + text[1:]


def generate(mb: float, *, seed: int = 13) -> Iterator[CorpusArticle]:
    """Articles until their text adds up to ``mb`` megabytes (10**6 bytes of UTF-8)."""
    data = _load_templates()
    slots: dict[str, list[str]] = data["slots"]
    rng = random.Random(seed)
    target = int(mb * 1_000_000)
    size = 0
    start = dt.date(2023, 1, 1)
    i = 0
    while size < target:
        i += 1
        n = rng.randint(8, 16)
        n_events = 0
        paragraphs: list[str] = []
        current: list[str] = []
        for _ in range(n):
            if rng.random() < EVENT_SHARE:
                template = rng.choice(data["events"])
                n_events += 1
            else:
                template = rng.choice(data["background"])
            current.append(_fill(template, slots, rng))
            if len(current) >= rng.randint(1, 3):
                paragraphs.append(" ".join(current))
                current = []
        if current:
            paragraphs.append(" ".join(current))
        text = "\n\n".join(paragraphs)
        size += len(text.encode("utf-8"))
        yield CorpusArticle(
            id=f"bench-{i:05d}",
            text=text,
            published=start + dt.timedelta(days=rng.randint(0, 700)),
            n_sentences=n,
            n_event_sentences=n_events,
        )


def write_corpus(path: Path, mb: float, *, seed: int = 13) -> dict[str, int]:
    """Write the corpus as JSONL; returns counts (articles, sentences, bytes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    counts = {"articles": 0, "sentences": 0, "event_sentences": 0, "bytes": 0}
    with path.open("w", encoding="utf-8") as fh:
        for article in generate(mb, seed=seed):
            fh.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
            counts["articles"] += 1
            counts["sentences"] += article.n_sentences
            counts["event_sentences"] += article.n_event_sentences
            counts["bytes"] += len(article.text.encode("utf-8"))
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="corpus size in MB of text")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    for article in generate(args.mb, seed=args.seed):
        sys.stdout.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
