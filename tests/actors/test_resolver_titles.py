"""Titles, dates, spellings and nationality forms added to the resolver (sentences of our own)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.actors import ActorEntry, ActorResolver, Role, load_actor_kb


def _codes(found):
    return {m.actor.text: m.actor.cameo_code for m in found}


@pytest.mark.parametrize(
    ("text", "when", "surface", "code"),
    [
        # no role covers the date (or there is none): the written title names the office
        ("President Obama spoke by phone.", dt.date(2000, 1, 1), "President Obama", "USAGOV"),
        ("President Obama spoke by phone.", None, "President Obama", "USAGOV"),
        (
            "Prime Minister Ismail Haniyeh addressed the crowd.",
            None,
            "Prime Minister Ismail Haniyeh",
            "PSEGOV",
        ),
        # a role that covers the date still wins over the written title
        (
            "Prime Minister Ismail Haniyeh addressed the crowd.",
            dt.date(2012, 5, 1),
            "Prime Minister Ismail Haniyeh",
            "PSEREBHMS",
        ),
    ],
)
def test_titles_written_title_names_the_role(mentions, text, when, surface, code) -> None:
    assert _codes(mentions(text, when))[surface] == code


def test_titles_former_title_is_not_a_current_role(mentions) -> None:
    found = mentions("Former President Obama praised the volunteers.", dt.date(2021, 3, 1))
    obama = next(m for m in found if "Obama" in m.actor.text)
    assert obama.actor.cameo_code == "USAELI"


def test_titles_role_with_qualifier_is_not_the_plain_office() -> None:
    from eventcoder.actors._actors import role_titled

    vp = Role(
        "USAGOV", "USA", ("GOV",), "Vice President", dt.date(1981, 1, 20), dt.date(1989, 1, 20)
    )
    fm = Role("USAGOV", "USA", ("GOV",), "Minister of Foreign Affairs", dt.date(1990, 1, 1))
    entry = ActorEntry("x", "X", "person", "USA", ("ELI",), "USAELI", roles=(vp, fm))
    assert role_titled(entry, "President") is None
    assert role_titled(entry, "Vice-President") == vp
    assert role_titled(entry, "Foreign Minister") == fm


@pytest.mark.parametrize(
    ("when", "name"),
    [(dt.date(1990, 6, 1), "George H. W. Bush"), (dt.date(2005, 6, 1), "George W. Bush")],
)
def test_titles_shared_name_goes_to_the_holder_on_the_date(mentions, when, name) -> None:
    found = mentions("George Bush met the Polish prime minister.", when)
    assert next(m for m in found if m.actor.text == "George Bush").actor.name == name


def test_titles_person_known_by_title_and_surname(mentions) -> None:
    found = mentions("President Reagan vetoed the bill.", dt.date(1986, 2, 1))
    assert _codes(found)["President Reagan"] == "USAGOV"


def test_titles_nationality_then_modifiers_then_title(mentions) -> None:
    found = mentions("Kenyan Trade Minister Joseph Mwangi opened the fair.")
    assert _codes(found)["Kenyan Trade Minister Joseph Mwangi"] == "KENGOV"


@pytest.mark.parametrize(
    ("text", "surface", "code"),
    [
        ("The rebel leader rejected the offer.", "rebel leader", "REB"),
        ("Chile's army chief resigned on Friday.", "Chile's army chief", "CHLMIL"),
        ("Peruvian students marched to the ministry.", "Peruvian students", "PEREDU"),
    ],
)
def test_titles_multiword_titles_and_sector_nouns(mentions, text, surface, code) -> None:
    assert _codes(mentions(text))[surface] == code


def test_titles_lowercase_nationality_adjective(mentions) -> None:
    found = mentions("Witnesses said tunisian police fired tear gas.")
    assert _codes(found)["tunisian police"] == "TUNCOP"


def test_titles_verb_homonym_of_a_nationality_is_not_a_country(mentions) -> None:
    found = mentions("Workers polish the brass rails every morning.")
    assert all(m.actor.country != "POL" for m in found)


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        (
            "The International Labor Office published the survey.",
            "International Labor Office",
            "International Labour Organization",
        ),
        (
            "The International Labour Organisation published the survey.",
            "International Labour Organisation",
            "International Labour Organization",
        ),
        (
            "The European Community lifted the embargo.",
            "European Community",
            "European Communities",
        ),
        (
            "The Security Council met in closed session.",
            "Security Council",
            "United Nations Security Council",
        ),
    ],
)
def test_titles_organisation_spellings_and_short_forms(mentions, text, surface, name) -> None:
    found = {m.actor.text: m.actor for m in mentions(text)}
    assert found[surface].name == name


def test_titles_possessive_of_dictionary_country_gives_its_country(tmp_path, nlp) -> None:
    (tmp_path / "tiny.actors.txt").write_text("QUUXLAND_  [QXL]\nBARONIA [BRN]\n", encoding="utf-8")
    resolver = ActorResolver(load_actor_kb(extra_dictionaries=[tmp_path]), nlp)
    found = resolver.find_mentions(nlp("Quuxland's foreign minister flew to Baronia."), when=None)
    minister = next(m.actor for m in found if m.actor.text.startswith("Quuxland"))
    assert minister.country == "QXL"
    assert minister.cameo_code.startswith("QXLGOV")


def test_titles_coreference_in_a_long_document_finds_each_local_antecedent(nlp, resolver) -> None:
    paragraph = (
        "Hamas rejected the truce proposal on Tuesday. The movement said talks would continue. "
        "Egyptian police detained three men. Their lawyers said they were students.\n\n"
    )
    doc = nlp(paragraph * 40)
    found = resolver.find_mentions(doc, when=None)
    movements = [m for m in found if m.actor.text == "The movement"]
    assert len(movements) == 40
    assert all(m.actor.cameo_code == "PSEREBHMS" for m in movements)
    # each one names the Hamas of its own paragraph, in the sentence just before it
    sentence_of = {s.start: n for n, s in enumerate(doc.sents, start=1)}
    for movement in movements:
        here = sentence_of[doc[movement.start].sent.start]
        assert movement.actor.why.endswith(f"(sentence {here - 1})")


def test_titles_title_gives_its_sector_to_a_dictionary_name(tmp_path, nlp) -> None:
    (tmp_path / "tiny.actors.txt").write_text(
        "QUUXLAND_  [QXL]\nZANTHOR_OBERWICK_ [QXL]\nFLOB_THE_ELDER_ [QXLMIL]\n", encoding="utf-8"
    )
    resolver = ActorResolver(load_actor_kb(extra_dictionaries=[tmp_path]), nlp)
    found = resolver.find_mentions(
        nlp("Quuxland Prime Minister Zanthor Oberwick met General Flob the Elder."), when=None
    )
    by_text = {m.actor.text: m.actor for m in found}
    minister = by_text["Quuxland Prime Minister Zanthor Oberwick"]
    assert (minister.cameo_code, minister.country, minister.sectors) == ("QXLGOV", "QXL", ("GOV",))
    assert "title" in minister.why
    # a dictionary code with its own sector keeps it
    general = next(a for t, a in by_text.items() if "Flob" in t)
    assert general.cameo_code == "QXLMIL"


def test_titles_dictionary_defined_countries_are_the_country_of_their_codes(tmp_path) -> None:
    (tmp_path / "tiny.actors.txt").write_text(
        "QUUXLAND_  [QXL]\nQUUX_ARMY_ [QXLMIL]\nRANDO_PERSON_\n  [QXLGOV 20200101-20201231]\n",
        encoding="utf-8",
    )
    kb = load_actor_kb(extra_dictionaries=[tmp_path])
    army = next(e for e in kb.entries if e.imported and e.code == "QXLMIL")
    assert (army.country, army.sectors) == ("QXL", ("MIL",))
    person = next(e for e in kb.entries if e.imported and e.roles)
    assert person.role_on(dt.date(2020, 6, 1)).country == "QXL"


def test_titles_coordinated_nationalities_share_the_sector_noun(mentions) -> None:
    found = _codes(mentions("Danish and Norwegian diplomats left the summit early."))
    assert found["Danish"] == "DNKGOV"
    assert found["Norwegian diplomats"] == "NORGOV"


def test_titles_country_subject_does_not_take_a_later_sector_noun(mentions) -> None:
    found = _codes(mentions("Chile, Peru and Bolivian rebels signed the pact."))
    assert found["Chile"] == "CHL"
    assert found["Peru"] == "PER"
    assert found["Bolivian rebels"] == "BOLREB"


def test_titles_organisation_name_before_sector_noun_names_its_members(mentions) -> None:
    found = {m.actor.text: m for m in mentions("Hezbollah guerrillas fired rockets at dawn.")}
    members = found["Hezbollah guerrillas"]
    assert members.actor.cameo_code == "LBNREBHEZ"
    assert "members" in members.actor.why
    # the event stage meets the noun, the head of the phrase
    assert members.head == members.end - 1


def test_titles_person_name_before_sector_noun_is_not_membership(mentions) -> None:
    found = {m.actor.text for m in mentions("Netanyahu supporters rallied outside the court.")}
    assert "Netanyahu supporters" not in found


def test_titles_possessive_of_people_keeps_the_noun_sector(mentions) -> None:
    found = _codes(mentions("Croats left the valley on Monday. Their troops blew up the bridge."))
    assert found["Their troops"] == "HRVMIL"


@pytest.mark.parametrize(
    ("text", "surface", "code"),
    [
        ("Kenyan security forces raided the camp.", "Kenyan security forces", "KENCOP"),
        ("Somali pirates seized the tanker.", "Somali pirates", "SOMCRM"),
        ("Malian farmers blocked the road.", "Malian farmers", "MLIAGR"),
    ],
)
def test_titles_cameo_agent_sectors(mentions, text, surface, code) -> None:
    assert _codes(mentions(text))[surface] == code


def test_titles_sector_noun_named_alone_as_an_entity_is_an_actor(mentions) -> None:
    found = {m.actor.text: m.actor for m in mentions("Parliament rejected the budget on Friday.")}
    assert found["Parliament"].sectors == ("LEG",)
    assert found["Parliament"].resolution == "sector-noun"


def test_titles_other_spelling_never_takes_over_a_name_spelt_that_way(nlp) -> None:
    labor = ActorEntry(
        "labor-party-test", "Labor Party", "organisation", "AUS", ("PTY",), "AUSPTY",
        names=("Labor Party",), source="test",
    )  # fmt: skip
    resolver = ActorResolver(load_actor_kb().extended(entries=[labor]), nlp)
    assert [a.cameo_code for a in resolver.lookup("Labor Party", when=None)] == ["AUSPTY"]
    assert resolver.lookup("Labour Party", when=None)[0].country == "GBR"
