"""Casualty and arrest counts, on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventcoder.events.casualties import extract_size
from eventcoder.nlp import load_pipeline
from eventcoder.records import Size


@pytest.fixture(scope="session")
def casualty_nlp() -> Language:
    return load_pipeline()


def _size(nlp: Language, text: str, trigger: str) -> Size | None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return extract_size(token.sent, token)


@pytest.mark.parametrize(
    ("text", "trigger", "killed", "injured", "arrested", "approximate"),
    [
        ("A car bomb killed at least 40 people in the market.", "bomb", 40, None, None, True),
        ("The raid caused the loss of 13 Palestinian lives.", "raid", 13, None, None, False),
        ("The shelling left over 100 others injured.", "shelling", None, 100, None, True),
        ("Three soldiers were killed in the ambush.", "ambush", 3, None, None, False),
        (
            "Troops raided the village, killing five and wounding dozens.",
            "raided",
            5,
            None,
            None,
            True,
        ),
        ("Police detained dozens of protesters.", "detained", None, None, None, True),
        ("Police arrested a dozen men near the border.", "arrested", None, None, 12, False),
        ("The blast left 40 people dead and 12 wounded.", "blast", 40, 12, None, False),
        (
            "At least 12 people died and 30 were wounded in the attack.",
            "attack",
            12,
            30,
            None,
            True,
        ),
        ("The death toll from the explosion rose to 52.", "explosion", 52, None, None, False),
        ("Gunmen shot dead twenty-five villagers.", "shot", 25, None, None, False),
        (
            "Security forces arrested 1,200 people during the unrest.",
            "arrested",
            None,
            None,
            1200,
            False,
        ),
    ],
)
def test_extract_size_reads_casualty_phrases(
    casualty_nlp, text, trigger, killed, injured, arrested, approximate
) -> None:
    size = _size(casualty_nlp, text, trigger)
    assert size is not None
    assert (size.killed, size.injured, size.arrested, size.approximate) == (
        killed,
        injured,
        arrested,
        approximate,
    )
    assert size.text is not None and size.text in text


def test_vague_amount_flags_approximate_without_count(casualty_nlp) -> None:
    size = _size(casualty_nlp, "Police detained dozens of protesters.", "detained")
    assert size == Size(approximate=True, text="detained dozens")


def test_counts_go_to_the_event_they_belong_to(casualty_nlp) -> None:
    text = "Police arrested five protesters after clashes killed three people."
    arrest = _size(casualty_nlp, text, "arrested")
    clash = _size(casualty_nlp, text, "clashes")
    assert arrest is not None and (arrest.arrested, arrest.killed) == (5, None)
    assert clash is not None and (clash.killed, clash.arrested) == (3, None)


def test_sentence_with_one_violent_event_gives_it_the_numbers(casualty_nlp) -> None:
    text = "Leaders met after the incursion into the camp, which resulted in the loss of 13 lives."
    size = _size(casualty_nlp, text, "incursion")
    assert size is not None and size.killed == 13


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "Leaders met after the incursion into the camp, which resulted in the loss of 13 lives.",
            "met",
        ),
        ("The minister said 200 delegates attended the talks.", "said"),
        ("Troops raided the camp at dawn.", "raided"),
    ],
)
def test_no_size_where_none_is_stated_for_the_event(casualty_nlp, text, trigger) -> None:
    assert _size(casualty_nlp, text, trigger) is None


@pytest.mark.issue(5)
def test_seed_article_incursion_counts(casualty_nlp, shared_dir: Path) -> None:
    text = (shared_dir / "seed" / "factions-meeting-article.txt").read_text(encoding="utf-8")
    doc = Doc.from_docs(
        list(casualty_nlp.pipe(text.splitlines(keepends=True))), ensure_whitespace=False
    )
    incursion = next(t for t in doc if t.text == "incursion")
    size = extract_size(incursion.sent, incursion)
    assert size is not None and size.killed == 13
    assert size.injured is not None and size.injured >= 100 and size.approximate
