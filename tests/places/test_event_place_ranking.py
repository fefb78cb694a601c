"""Which place of a sentence is the event's: the most specific one, not its container or reference point."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc, Token

from eventcoder.places import DocumentPlaces, Gazetteer
from eventcoder.records import Location


def _token(doc: Doc, word: str) -> Token:
    return next(t for t in doc if t.text == word)


def _locate(
    parse: Callable[[str], Doc],
    gazetteer: Gazetteer,
    text: str,
    trigger: str,
    *,
    args: tuple[str, ...] = (),
) -> Location | None:
    doc = parse(text)
    places = DocumentPlaces.from_doc(doc, gazetteer)
    return places.locate_event(_token(doc, trigger), arg_tokens=[_token(doc, a) for a in args])


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # the town inside a province, region or country named beside it
        (
            "Gunmen killed four farmers in the village of Kafr Rumman in northern Syria.",
            "killed",
            "Kafr Rumman",
        ),
        ("Rebels seized Lubumbashi in Katanga province on Sunday.", "seized", "Lubumbashi"),
        ("Troops were attacked in Kandahar, in southern Afghanistan.", "attacked", "Kandahar"),
        # a reference point measures a distance; the event is elsewhere
        ("A bomb killed three soldiers in Tarmiyah, 50 km north of Baghdad.", "killed", "Tarmiyah"),
        # the name of a place noun, even one the gazetteer lacks
        (
            "Two men were shot in the Zawiyat Hamdan neighbourhood of Homs.",
            "shot",
            "Zawiyat Hamdan",
        ),
    ],
)
def test_most_specific_place_of_the_sentence_wins(parse, gazetteer, text, trigger, place) -> None:
    loc = _locate(parse, gazetteer, text, trigger)
    assert loc is not None and loc.extracted_place == place


@pytest.mark.issue(5)
def test_doer_country_is_not_the_place_of_its_action(parse, gazetteer) -> None:
    text = "Ethiopia captured Zalambessa after two days of fighting."
    loc = _locate(parse, gazetteer, text, "captured", args=("Ethiopia", "Zalambessa"))
    assert loc is not None and loc.extracted_place == "Zalambessa"


@pytest.mark.issue(5)
def test_country_modifying_a_person_noun_is_not_a_place(parse, gazetteer) -> None:
    loc = _locate(parse, gazetteer, "A US soldier was killed in Fallujah on Monday.", "killed")
    assert loc is not None and loc.extracted_place == "Fallujah"
    assert _locate(parse, gazetteer, "Two US soldiers were wounded.", "wounded") is None


@pytest.mark.issue(5)
def test_country_in_possessive_stays_the_place(parse, gazetteer) -> None:
    loc = _locate(parse, gazetteer, "Thousands have died in Yemen's long war.", "died")
    assert loc is not None and loc.country_code == "YEM"


@pytest.mark.issue(5)
def test_a_lower_case_description_is_not_an_unknown_place(parse, gazetteer) -> None:
    loc = _locate(parse, gazetteer, "Pirates seized a tanker on the eastern coast.", "seized")
    assert loc is None or any(c.isupper() for c in loc.extracted_place)


@pytest.mark.issue(5)
def test_main_place_needs_two_sentences(parse, gazetteer) -> None:
    # "US" modifies "soldier": no place of the sentence. One sentence alone gives no main place
    # (see test_country_modifying_a_person_noun_is_not_a_place); an article of two does.
    text = "Protests spread across Tunisia on Friday.\nTwo US soldiers were wounded."
    loc = _locate(parse, gazetteer, text, "wounded")
    assert loc is not None and loc.resolution == "document" and loc.country_code == "TUN"


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # a name the gazetteer lacks, in a place slot
        ("Jets bombed Kafr Zeita before dawn.", "bombed", "Kafr Zeita"),
        ("Protesters gathered outside Dolmabahce Palace.", "gathered", "Dolmabahce Palace"),
        ("Two guards were killed near the Tal Rifaat checkpoint.", "killed", "Tal Rifaat"),
        # reference points: "not far from", "north of"
        ("He was arrested in Beit Ummar, not far from Hebron.", "arrested", "Beit Ummar"),
        # the conjoined verb shares the trigger's subject and its place
        ("Gunmen shot and killed a driver in Tikrit.", "shot", "Tikrit"),
    ],
)
def test_unknown_names_in_place_slots_are_event_places(
    parse, gazetteer, text, trigger, place
) -> None:
    loc = _locate(parse, gazetteer, text, trigger)
    assert loc is not None and loc.extracted_place == place


@pytest.mark.issue(5)
def test_an_acronym_is_not_an_unknown_place(parse, gazetteer) -> None:
    loc = _locate(parse, gazetteer, "A bomb exploded near the MFO base in Rafah.", "exploded")
    assert loc is not None and loc.extracted_place == "Rafah"


@pytest.mark.issue(5)
def test_a_person_as_object_of_capture_is_not_a_place(parse, gazetteer) -> None:
    loc = _locate(parse, gazetteer, "Soldiers captured John Smith in Kirkuk.", "captured")
    assert loc is not None and loc.extracted_place == "Kirkuk"


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # the passive subject of a verb whose object is a place
        ("Gibraltar was seized by a naval force.", "seized", "Gibraltar"),
        # a site "of" a town names the town
        ("Troops captured the airport of Tobruk on Friday.", "captured", "Tobruk"),
        # "from" gives where someone came or spoke from
        ("Reporters from Nairobi said rebels attacked a convoy in Kismayo.", "attacked", "Kismayo"),
        # "the Kabul base, Darulaman Palace": the palace named is more specific than the town
        (
            "The southern Kabul base, Darulaman Palace, was captured by rebels.",
            "captured",
            "Darulaman Palace",
        ),
    ],
)
def test_place_slots_of_passives_sites_and_origins(parse, gazetteer, text, trigger, place) -> None:
    loc = _locate(parse, gazetteer, text, trigger)
    assert loc is not None and loc.extracted_place == place


@pytest.mark.issue(5)
def test_an_unknown_name_modifying_a_common_noun_is_not_a_place(parse, gazetteer) -> None:
    loc = _locate(parse, gazetteer, "Many soldiers died in the Zorbian war.", "died")
    assert loc is None or "Zorbian" not in loc.extracted_place


@pytest.mark.issue(5)
def test_a_person_captured_is_not_the_place_of_the_capture(parse, gazetteer) -> None:
    loc = _locate(parse, gazetteer, "Montoya was captured in Peru in May.", "captured")
    assert loc is not None and loc.extracted_place == "Peru"


@pytest.mark.issue(5)
def test_border_named_by_two_nationalities_is_a_place(parse, gazetteer) -> None:
    text = "Smugglers were arrested near the Turkish-Syrian border on Sunday."
    loc = _locate(parse, gazetteer, text, "arrested")
    assert loc is not None and loc.extracted_place == "Turkish-Syrian border"
    assert loc.lat is None and text[loc.start : loc.end] == loc.extracted_place


@pytest.mark.issue(5)
def test_the_country_an_act_is_aimed_against_is_not_its_place(parse, gazetteer) -> None:
    text = "Students in Tehran protested against Britain on Monday."
    loc = _locate(parse, gazetteer, text, "protested")
    assert loc is not None and loc.extracted_place == "Tehran"


@pytest.mark.issue(5)
def test_a_captured_person_described_by_an_apposition_is_not_a_place(parse, gazetteer) -> None:
    text = "Police captured Abu Hamza, the cell's leader, in Karachi."
    loc = _locate(parse, gazetteer, text, "captured")
    assert loc is not None and loc.extracted_place == "Karachi"


@pytest.mark.issue(5)
def test_a_place_of_another_clause_yields_to_the_events_own(parse) -> None:
    from eventcoder.places.attachment import in_another_clause

    doc = parse(
        "Militants shot and wounded a settler in the Jordan Valley, and troops went to the town of Tubas."
    )
    shot = _token(doc, "shot")
    assert in_another_clause(_token(doc, "Tubas"), shot)  # the going has its own subject
    assert not in_another_clause(_token(doc, "Valley"), shot)  # "wounded" shares the shooters


@pytest.mark.issue(5)
def test_unknown_name_after_on_is_a_place_only_after_a_noun(parse, gazetteer) -> None:
    loc = _locate(parse, gazetteer, "Five men died in the attack on Kafr Zeita.", "died")
    assert loc is not None and loc.extracted_place == "Kafr Zeita"
    loc = _locate(parse, gazetteer, "The ministers agreed on Zorbex Accord terms.", "agreed")
    assert loc is None or "Zorbex" not in loc.extracted_place
