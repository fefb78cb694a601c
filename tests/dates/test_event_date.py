from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.dates import EventDate, resolve_event_date

PUBLISHED = dt.date(2023, 7, 30)  # a Sunday


def _date(nlp, text: str, trigger: str, published: dt.date = PUBLISHED) -> EventDate:
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return resolve_event_date(token.sent, token, published)


@pytest.mark.parametrize(
    ("text", "trigger", "date", "precision", "words"),
    [
        ("Police arrested five men on Monday.", "arrested", dt.date(2023, 7, 24), "day", "Monday"),
        (
            "Rockets were fired at the town yesterday.",
            "fired",
            dt.date(2023, 7, 29),
            "day",
            "yesterday",
        ),
        (
            "Police detained dozens of protesters two days ago.",
            "detained",
            dt.date(2023, 7, 28),
            "day",
            "two days ago",
        ),
        (
            "Gunmen attacked the convoy last Friday.",
            "attacked",
            dt.date(2023, 7, 28),
            "day",
            "last Friday",
        ),
        (
            "Troops clashed with militants last week.",
            "clashed",
            dt.date(2023, 7, 23),
            "week",
            "last week",
        ),
        (
            "Protesters marched on the parliament on July 3.",
            "marched",
            dt.date(2023, 7, 3),
            "day",
            "July 3",
        ),
        (
            "The army raided the camp earlier in July.",
            "raided",
            dt.date(2023, 7, 1),
            "month",
            "earlier in July",
        ),
        (
            "Clashes broke out earlier this month in Gaza.",
            "Clashes",
            dt.date(2023, 7, 1),
            "month",
            "earlier this month",
        ),
        ("The split began in 2007.", "began", dt.date(2007, 1, 1), "year", "2007"),
    ],
)
def test_resolve_event_date_reads_each_expression(
    nlp, text, trigger, date, precision, words
) -> None:
    found = _date(nlp, text, trigger)
    assert (found.date, found.precision) == (date, precision)
    assert found.text is not None and words in found.text


def test_reported_speech_date_does_not_override_event_date(nlp) -> None:
    found = _date(nlp, "Hamas said on Monday that Israeli troops raided Jenin on Sunday.", "raided")
    assert found.date == dt.date(2023, 7, 30) and found.text == "Sunday"


def test_reported_speech_date_alone_is_not_the_event_date(nlp) -> None:
    found = _date(
        nlp,
        "The ministry announced on Tuesday that troops had withdrawn from the town.",
        "withdrawn",
    )
    assert found.text is None and found.date == PUBLISHED


def test_speech_verb_keeps_its_own_date(nlp) -> None:
    found = _date(nlp, "The ministry announced on Tuesday that troops had withdrawn.", "announced")
    assert found.date == dt.date(2023, 7, 25)


def test_day_after_a_dated_event_is_counted_from_it(nlp) -> None:
    found = _date(nlp, "Talks resumed a day after the July 3 meeting.", "resumed")
    assert found.date == dt.date(2023, 7, 4) and found.precision == "day"


def test_day_after_an_undated_event_falls_back_with_reason(nlp) -> None:
    found = _date(nlp, "The summit opened a day after the meeting of the ministers.", "opened")
    assert found.date == PUBLISHED and found.text is not None and "a day after" in found.text
    assert "not known" in found.why


def test_no_date_in_sentence_gives_publication_date(nlp) -> None:
    found = _date(nlp, "The army said it would withdraw.", "withdraw")
    assert found == EventDate(PUBLISHED, "day", None, "no date in the sentence; publication date")


def test_duration_is_not_a_date(nlp) -> None:
    found = _date(nlp, "The two-day incursion ended.", "incursion")
    assert found.text is None


@pytest.mark.issue(5)
def test_seed_article_incursion_is_dated_early_july(nlp, shared_dir) -> None:
    from spacy.tokens import Doc

    text = (shared_dir / "seed" / "factions-meeting-article.txt").read_text(encoding="utf-8")
    doc = Doc.from_docs(list(nlp.pipe(text.splitlines(keepends=True))), ensure_whitespace=False)
    incursion = next(t for t in doc if t.text == "incursion")
    found = resolve_event_date(incursion.sent, incursion, PUBLISHED)
    assert found.date is not None and (found.date.year, found.date.month) == (2023, 7)
    assert found.date.day <= 10 and found.precision in ("day", "week", "month")


@pytest.mark.issue(5)
def test_day_after_an_event_dated_elsewhere_in_the_article_is_counted_from_it(nlp) -> None:
    doc = nlp("The summit opened two days after the meeting of the ministers.")
    token = next(t for t in doc if t.text == "opened")
    found = resolve_event_date(
        token.sent, token, PUBLISHED, dated_events={"meeting": dt.date(2023, 7, 3)}
    )
    assert found.date == dt.date(2023, 7, 5) and found.precision == "day"
    assert "meeting" in found.why


@pytest.mark.issue(5)
def test_dated_events_of_another_kind_do_not_date_the_anchor(nlp) -> None:
    doc = nlp("The summit opened two days after the meeting of the ministers.")
    token = next(t for t in doc if t.text == "opened")
    found = resolve_event_date(
        token.sent, token, PUBLISHED, dated_events={"raid": dt.date(2023, 7, 3)}
    )
    assert found.date == PUBLISHED and "not known" in found.why
