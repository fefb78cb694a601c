"""End-to-end event coding on sentences written for these tests: type, actors, modality, evidence."""

from __future__ import annotations

import datetime as dt

import pytest

WHEN = dt.date(2024, 3, 15)


def _events(coder, text):
    return coder.code_text(text, date=WHEN)


def _find(events, event_type, source_country=None, target_country=None):
    for e in events:
        if e.event_type != event_type:
            continue
        if source_country and (e.source is None or e.source.country != source_country):
            continue
        if target_country and (e.target is None or e.target.country != target_country):
            continue
        return e
    return None


def _pairs(events, event_type, field="cameo_code"):
    """(source, target) codes of the events of one type that have both actors."""
    return {
        (getattr(e.source, field), getattr(e.target, field))
        for e in events
        if e.event_type == event_type and e.source and e.target
    }


def _assert_coded(events, cameo, source=None, target=None):
    """Some event has this CAMEO code and these source and target countries (None: any)."""
    assert any(
        e.cameo == cameo
        and (source is None or (e.source and e.source.country == source))
        and (target is None or (e.target and e.target.country == target))
        for e in events
    ), [(e.cameo, e.source and e.source.cameo_code, e.target and e.target.cameo_code) for e in events]


@pytest.mark.parametrize(
    ("text", "event_type", "source", "target"),
    [
        ("Turkish police arrested twelve opposition activists in Ankara on Tuesday.", "COERCE", "TUR", None),
        ("Kenya and Ethiopia signed a trade agreement in Nairobi.", "SUPPORT", "KEN", None),
        ("Japan's foreign minister met his Chinese counterpart in Beijing.", "CONSULT", "JPN", "CHN"),
        ("The European Union imposed new sanctions on Belarus.", "SANCTION", None, "BLR"),
        ("Colombia urged Venezuela to release the detained soldiers.", "REQUEST", "COL", "VEN"),
        ("India rejected Pakistan's proposal for talks.", "REJECT", "IND", "PAK"),
        ("The United States sent humanitarian aid to Haiti.", "AID", "USA", "HTI"),
        ("France condemned the Russian strikes on Kyiv.", "ACCUSE", "FRA", "RUS"),
        ("Egypt hosted talks between Israel and Hamas in Cairo.", "CONSULT", "EGY", "ISR"),
        ("Nigeria accused Cameroon of harbouring separatist fighters.", "ACCUSE", "NGA", "CMR"),
        ("Germany recalled its ambassador from Moscow.", "SANCTION", "DEU", "RUS"),
        ("Thousands of students protested against the government in Dhaka.", "PROTEST", None, None),
    ],
)
def test_coder_types_and_actors(coder, text, event_type, source, target):
    events = _events(coder, text)
    found = _find(events, event_type, source, target)
    assert found is not None, [(e.event_type, e.source and e.source.country, e.target and e.target.country) for e in events]


def test_coder_passive_voice_swaps_roles(coder):
    events = _events(coder, "Two opposition leaders were detained by Ugandan police in Kampala.")
    e = _find(events, "COERCE", "UGA")
    assert e is not None
    assert e.source is not None and "COP" in e.source.sectors


def test_coder_coordinated_sources_give_one_event_each(coder):
    events = _events(coder, "Brazil and Argentina signed a defence agreement on Monday.")
    countries = {e.source.country for e in events if e.event_type == "SUPPORT" and e.source}
    assert {"BRA", "ARG"} <= countries


def test_coder_embedded_action_is_coded_by_governing_verb(coder):
    events = _events(coder, "Iran threatened to close the Strait of Hormuz.")
    types = {e.event_type for e in events}
    assert "THREATEN" in types
    assert "COERCE" not in types  # "close" is what is threatened, not an act


def test_coder_marks_negation_and_future(coder):
    neg = _find(_events(coder, "Ghana did not expel the Togolese diplomats."), "SANCTION", "GHA")
    assert neg is not None and neg.negated
    # a future material action is a stated intent: AGREE (CAMEO 033), tense future
    fut = _find(_events(coder, "The United States will send humanitarian aid to Haiti."), "AGREE", "USA")
    assert fut is not None and fut.tense_mode == "future" and fut.cameo == "033"
    threat = _find(_events(coder, "Iran said it would strike Israel."), "THREATEN", "IRN", "ISR")
    assert threat is not None and threat.cameo == "138"


def test_coder_reported_speech_keeps_embedded_actor(coder):
    events = _events(coder, "Officials said Israeli troops raided the town of Jenin.")
    e = _find(events, "ASSAULT", "ISR")
    assert e is not None
    assert e.tense_mode == "reported"


def test_coder_evidence_offsets_slice_the_text(coder):
    text = "Rebels ambushed a Malian army convoy near Gao.\nLater, Mali's army shelled rebel positions."
    events = _events(coder, text)
    assert events
    for e in events:
        ev = e.evidence
        assert text[ev.trigger_start : ev.trigger_end] == ev.trigger
        assert text[ev.sentence_start : ev.sentence_start + len(ev.sentence)] == ev.sentence
        for actor in (e.source, e.target):
            if actor is not None:
                assert text[actor.start : actor.end] == actor.text


def test_coder_ids_are_stable(coder):
    text = "Sudan's army launched an attack on the Rapid Support Forces in Khartoum."
    first = [e.id for e in _events(coder, text)]
    second = [e.id for e in _events(coder, text)]
    assert first and first == second


def test_coder_every_event_is_explained(coder):
    events = _events(coder, "Mali expelled the French ambassador.")
    e = _find(events, "SANCTION", "MLI", "FRA")
    assert e is not None
    assert e.cameo == "166" and e.quad_class == 4 and e.goldstein < 0
    assert "expel" in e.why


@pytest.mark.parametrize(
    "text",
    [
        "Nigeria accused Cameroon of attacking its border posts.",
        "Russia denied shelling the city.",
        "Russia denied that its troops had attacked Kyiv.",
    ],
)
def test_coder_alleged_or_denied_acts_are_not_events(coder, text):
    events = _events(coder, text)
    assert not [e for e in events if e.event_type == "ASSAULT"], [e.why for e in events]


def test_coder_subject_of_adjective_governor_acts(coder):
    events = _events(coder, "Iran is ready to negotiate with the United States.")
    e = _find(events, "AGREE", "IRN", "USA")  # readiness to negotiate is a stated intent (CAMEO 036)
    assert e is not None and e.cameo == "036"


def test_coder_multiword_trigger_words_must_be_connected(coder):
    # "on" (Wednesday) and "to" (share) sit near "signed" but do not make the phrase "sign on to"
    events = _events(coder, "Kenya and Somalia signed an agreement in Nairobi on Wednesday to share intelligence.")
    assert events
    assert all("sign on to" not in e.why for e in events)
    for e in events:
        assert len(e.evidence.trigger.split()) <= 4


def test_coder_bare_nominal_without_both_actors_is_not_an_event(coder):
    events = _events(coder, "The talks were the third attempt this year.")
    assert not events


def test_coder_obstruction_by_civilians_is_protest(coder):
    events = _events(coder, "Polish farmers blocked the main border crossing with Ukraine.")
    e = _find(events, "PROTEST", "POL")
    assert e is not None and e.cameo == "144" and "protest" in e.why
    army = _find(_events(coder, "Israeli troops blockaded the town of Jenin."), "COERCE", "ISR")
    assert army is not None  # the same act by the state stays coercion


def test_target_found_deeper_in_the_governed_phrase(coder):
    # no object or preposition of 'fired' names an actor; the rebels sit inside its object phrase
    events = _events(coder, "The army fired artillery shells into areas held by Ethiopian rebels.")
    e = _find(events, "ASSAULT")
    assert e is not None and e.target is not None
    assert e.target.text == "Ethiopian rebels" and "REB" in e.target.sectors
    assert "governs" in e.why


def test_target_nearest_in_the_same_clause_is_a_weaker_reading(coder):
    # 'for the Yemeni government' hangs on 'renewed', not on the trigger 'pledge'
    events = _events(coder, "Saudi Arabia renewed its pledge of support on Monday for the Yemeni government.")
    e = _find(events, "AGREE", "SAU", "YEM")
    assert e is not None and "no direct syntactic link" in e.why
    assert e.confidence < 0.7


def test_no_target_taken_from_another_clause(coder):
    # the summit's attendees are in an adverbial clause: they are not what Tanzania boycotted
    events = _events(coder, "While Kenya and Uganda attended the summit, Tanzania boycotted the gathering.")
    e = _find(events, "REJECT", "TZA")
    assert e is not None and e.target is None


def test_coordinated_nationalities_before_one_noun_are_both_actors(coder):
    events = _events(coder, "Iranian and Turkish officials discussed the gas pipeline in Ankara on Saturday.")
    assert _pairs(events, "CONSULT") == {("IRNGOV", "TURGOV"), ("TURGOV", "IRNGOV")}


def test_briefing_a_body_is_a_consultation(coder):
    events = _events(coder, "The Kenyan foreign minister briefed the African Union on the talks.")
    e = _find(events, "CONSULT", "KEN")
    assert e is not None and e.target is not None and e.target.cameo_code.startswith("IGO")


def test_coordinated_signatories_sign_with_each_other(coder):
    events = _events(coder, "The Malian government and Tuareg rebels signed a peace accord in Bamako.")
    pairs = {(e.source.cameo_code, e.target.cameo_code) for e in events if e.cameo == "057" and e.source and e.target}
    assert pairs == {("MLIGOV", "MLIREB"), ("MLIREB", "MLIGOV")}  # 'Tuareg' is no actor of its own


def test_place_of_a_signing_is_not_its_target(coder):
    events = _events(coder, "The Malian government and Tuareg rebels signed a peace accord in Algiers.")
    assert events and all(e.target is None or e.target.text != "Algiers" for e in events)


@pytest.mark.parametrize(
    ("text", "cameo", "source", "target"),
    [
        # a state's protest is an official complaint, a crowd's is a demonstration
        ("Algeria protested the expulsion of its diplomats by Morocco.", "114", "DZA", None),
        ("Farmers protested against the new tax outside the ministry in Nairobi.", "141", "KEN", None),
        # stepping up an attack codes the attack itself
        ("Azerbaijan stepped up its shelling of Armenian positions on Friday.", "194", "AZE", None),
        # people freed are not only 'prisoners' and 'hostages'
        ("Gunmen in Nigeria freed two Chinese engineers abducted last month.", "0841", None, "CHN"),
    ],
)
def test_code_depends_on_who_acts_and_on_the_object(coder, text, cameo, source, target):
    _assert_coded(_events(coder, text), cameo, source, target)


def test_coordinated_states_restore_ties_with_each_other(coder):
    events = _events(coder, "Bahrain and Qatar restored diplomatic ties on Wednesday.")
    pairs = {(e.source.country, e.target.country) for e in events if e.source and e.target}
    assert pairs == {("BHR", "QAT"), ("QAT", "BHR")}


def test_participle_describing_a_noun_makes_it_the_target(coder):
    events = _events(coder, "Police released four Kurdish journalists detained during the election.")
    detained = [e for e in events if e.evidence.trigger == "detained"]
    assert detained and detained[0].source is None
    assert detained[0].target is not None and detained[0].target.text.endswith("journalists")


def test_ordering_a_diplomat_to_leave_is_an_expulsion(coder):
    e = _find(_events(coder, "Niger ordered the Nigerian ambassador to leave within 48 hours."), "SANCTION", "NER", "NGA")
    assert e is not None and e.cameo == "166"


def test_forces_deployed_in_the_passive_are_the_actor(coder):
    e = _find(_events(coder, "Ecuadorian troops were deployed along the border on Monday."), "MOBILIZE", "ECU")
    assert e is not None and "MIL" in e.source.sectors


def test_robbers_are_criminals(coder):
    e = _find(_events(coder, "Ghanaian police shot dead two armed robbers in Kumasi."), "ASSAULT", "GHA")
    assert e is not None and e.target is not None and "CRM" in e.target.sectors


def test_target_inside_an_embedded_clause_of_a_governing_verb(coder):
    e = _find(_events(coder, "Syria agreed to allow UN chemical weapons inspectors to enter the country."), "AGREE", "SYR")
    assert e is not None and e.target is not None and e.target.cameo_code == "IGOUNO"


def test_pair_joined_only_by_a_speech_verb_is_no_event(coder):
    text = "The Chilean minister told Peruvian reporters that the talks would resume after the attack."
    src = (text.index("The Chilean"), text.index(" told"))
    tgt = (text.index("Peruvian"), text.index(" that"))
    assert coder.code_pair(text, src, tgt) is None
    # a trigger that joins the pair still gives its event
    text2 = "The Chilean minister accused Peruvian officials of spying."
    e = coder.code_pair(text2, (0, text2.index(" accused")), (text2.index("Peruvian"), text2.index(" of")))
    assert e is not None and e.event_type == "ACCUSE"


def test_a_pair_known_to_take_part_in_an_event_gets_a_type(coder):
    # the caller knows there is an event (a pair set): the speech-verb rule does not answer "none"
    text = "The Chilean minister told Peruvian reporters that the talks would resume after the attack."
    src = (text.index("The Chilean"), text.index(" told"))
    tgt = (text.index("Peruvian"), text.index(" that"))
    e = coder.code_pair(text, src, tgt, event_known=True)
    assert e is not None and e.event_type in coder.ontology.plover


@pytest.mark.parametrize(
    ("text", "cameo", "source", "target"),
    [
        ("Japan shipped 800 tonnes of rice to Malagasy flood victims.", "073", "JPN", "MDG"),
        ("The rebels vowed to attack Congolese army positions around Goma.", "138", None, "COD"),
        ("Serbia agreed to withdraw its police from northern Kosovo.", "035", "SRB", None),
        ("India massed troops near the Chinese border.", "152", "IND", "CHN"),
    ],
)
def test_promises_aid_goods_and_trigger_words(coder, text, cameo, source, target):
    _assert_coded(_events(coder, text), cameo, source, target)


def test_shared_intelligence_is_information_not_a_spy_agency(coder):
    events = _events(coder, "Kenya and Uganda agreed to share intelligence on smugglers.")
    assert all(e.target is None or "SPY" not in e.target.sectors for e in events)


@pytest.mark.parametrize(
    ("text", "event_type", "source", "target"),
    [
        # the agent of an act named by the subject or by "in clashes with"
        ("The ambush, claimed by al-Shabaab, killed nine Kenyan soldiers near Mandera.", "ASSAULT", "SOM", "KEN"),
        ("Three Turkish soldiers were killed in clashes with PKK militants.", "ASSAULT", "TUR", "TUR"),
        # rescue is humanitarian aid by the rescuer
        ("Dozens of migrants were rescued off Lampedusa by the Italian coast guard.", "AID", "ITA", None),
    ],
)
def test_agents_of_acts_and_rescues(coder, text, event_type, source, target):
    e = _find(_events(coder, text), event_type, source, target)
    assert e is not None, [(x.event_type, x.source and x.source.cameo_code, x.target and x.target.cameo_code) for x in _events(coder, text)]


def test_noun_inside_another_events_phrase_is_not_that_events_act(coder):
    # the police arrested someone; they did not do the killing
    events = _events(coder, "Police said they had arrested a suspect in the killing of the journalist.")
    killing = [e for e in events if e.evidence.trigger == "killing"]
    assert all(e.source is None for e in killing)


def test_attribution_is_not_a_target(coder):
    events = _events(coder, "According to the Kenyan Red Cross, Somali militants attacked the village overnight.")
    e = _find(events, "ASSAULT")
    assert e is not None and (e.target is None or e.target.country != "KEN" or "Red Cross" not in e.target.text)


def test_joint_drills_are_cooperation_between_the_partners(coder):
    events = _events(coder, "Japan and India began joint naval drills in the Bay of Bengal.")
    assert _pairs(events, "COOPERATE", "country") == {("JPN", "IND"), ("IND", "JPN")}


def test_coordinated_parties_agree_with_each_other(coder):
    events = _events(coder, "Colombia's government and the ELN agreed to a six-month truce.")
    assert {(e.source.country, e.target and e.target.cameo_code) for e in events if e.source} >= {("COL", "COLREBELN")}


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # what was discussed is a topic, the coordinated speakers are the parties
        ("Lavrov and Kerry discussed Syria on the sidelines of the summit.", "RUSGOV", "USAGOV"),
        # an envoy named by the body it serves acts for that body
        ("The UN envoy held a meeting with Houthi leaders in Sanaa.", "IGOUNO", "YEMREBHTH"),
        # the traveller takes part in the talks he travels for
        ("Kerry is due in Cairo on Sunday for talks with Egyptian officials.", "USAGOV", "EGYGOV"),
    ],
)
def test_consultation_parties(coder, text, source, target):
    events = coder.code_text(text, date=dt.date(2015, 6, 1))
    pairs = {(e.source.cameo_code, e.target.cameo_code) for e in events if e.event_type == "CONSULT" and e.source and e.target}
    assert (source, target) in pairs, pairs


def test_request_target_is_the_addressee_not_words_of_the_requested_action(coder):
    text = "The envoys urged the international community to act on the Kenyan refugee crisis."
    e = _find(_events(coder, text), "REQUEST")
    assert e is not None and (e.target is None or e.target.country != "KEN")


def test_armed_groups_that_block_impose_a_blockade_and_civilians_protest(coder):
    gangs = _find(_events(coder, "Haitian gangs blocked the main fuel terminal in Port-au-Prince."), "COERCE", "HTI")
    assert gangs is not None and gangs.cameo == "191"
    farmers = _find(_events(coder, "Farmers blocked the main highway to Lima."), "PROTEST", "PER")
    assert farmers is not None and farmers.cameo == "144"


def test_fallback_target_keeps_its_coordinated_partner(coder):
    events = _events(coder, "Qatar hosted a new round of talks between the Afghan government and the Taliban in Doha.")
    hosted = [e for e in events if e.evidence.trigger == "hosted" and e.target]
    targets = {e.target.cameo_code for e in hosted if e.source and e.source.country == "QAT"}
    assert targets == {"AFGGOV", "AFGINSTAL"}, targets
    # the visit is coded from the guests' side too (CAMEO 042 against the host's 043)
    guests = {(e.source.cameo_code, e.cameo) for e in hosted if e.target.country == "QAT"}
    assert guests == {("AFGGOV", "042"), ("AFGINSTAL", "042")}, guests


def test_a_meeting_is_coded_from_both_sides(coder):
    events = _events(coder, "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Friday.")
    met = {(e.source.cameo_code, e.target.cameo_code, e.cameo) for e in events if e.source and e.target}
    assert met == {("KENGOV", "ETHGOV", "040"), ("ETHGOV", "KENGOV", "040")}, met
    visit = _events(coder, "Indian Prime Minister Narendra Modi visited Japan.")
    sides = {(e.source.country, e.target.country, e.cameo) for e in visit if e.source and e.target}
    assert sides == {("IND", "JPN", "042"), ("JPN", "IND", "043")}, sides
    # mediation is not mutual: the mediator is not mediated by the parties
    mediated = _events(coder, "Norway mediated between the Colombian government and the ELN rebels.")
    assert not any(e.target and e.target.country == "NOR" for e in mediated)


def test_traveller_attends_not_the_destination(coder):
    # the parser reads "for Addis Ababa to attend" as a for-to clause with the city as its subject
    text = "Nigerian President Goodluck Jonathan left Abuja for Addis Ababa to attend the African Union summit."
    e = _find(_events(coder, text), "CONSULT")
    assert e is not None and e.source is not None and e.source.country == "NGA"
    assert e.source.name == "Goodluck Jonathan"


def test_purpose_of_a_meeting_is_not_a_second_meeting(coder):
    events = _events(coder, "The US envoy met officials in Khartoum to discuss the peace process.")
    assert {(e.event_type, e.evidence.trigger) for e in events} == {("CONSULT", "met")}
    # a purpose with its own partner is its own meeting
    events = _events(coder, "The Kenyan foreign minister flew to Kampala on Sunday to meet President Museveni.")
    assert _find(events, "CONSULT", "KEN", "UGA") is not None
    assert any(e.evidence.trigger == "meet" and e.target is not None for e in events)


def test_a_verb_of_the_same_type_that_continues_an_act_is_not_a_second_event(coder):
    events = _events(coder, "Thousands of people marched through Nairobi on Saturday to protest against rising fuel prices.")
    assert [e.evidence.trigger for e in events if e.event_type == "PROTEST"] == ["marched"]


def test_what_an_accusation_alleges_is_not_an_event(coder):
    events = _events(coder, "Iran rejected accusations by Saudi Arabia that it armed the Houthis.")
    assert _find(events, "REJECT", "IRN", "SAU") is not None
    assert _find(events, "AID") is None


def test_deployed_forces_are_not_the_target(coder):
    e = _find(_events(coder, "The Kenyan government deployed troops to the Somali border."), "MOBILIZE", "KEN")
    assert e is not None and e.target is not None and e.target.country == "SOM"


def test_the_subject_of_a_demanded_clause_is_the_target(coder):
    e = _find(_events(coder, "The opposition insisted that President Kabila step down before the elections."), "REQUEST")
    assert e is not None and e.target is not None and e.target.text == "President Kabila"


@pytest.mark.parametrize(
    ("text", "event_type", "cameo", "source", "target"),
    [
        ("Syrian state media said Turkey was responsible for the attack on the border post.", "ACCUSE", "112", "SYR", "TUR"),
        ("Kenya's interior minister said al-Shabaab was to blame for the attack on the bus.", "ACCUSE", "112", "KEN", "SOM"),
        ("Human rights groups said Sri Lankan forces committed war crimes against Tamil civilians.", "ACCUSE", "112", "LKA", "LKA"),
        ("Moscow said Kiev was responsible for the deaths of civilians in Donetsk.", "ACCUSE", "112", "RUS", "UKR"),
        ("Hamas said Israel would pay a heavy price for the killing of its commander.", "THREATEN", "130", "PSE", "ISR"),
        ("North Korea said South Korea would face grave consequences if it continued the drills.", "THREATEN", "130", "PRK", "KOR"),
    ],
)  # fmt: skip
def test_reported_blame_or_warning_is_an_act_of_the_speaker(coder, text, event_type, cameo, source, target):
    events = _events(coder, text)
    e = _find(events, event_type, source, target)
    assert e is not None and e.cameo == cameo and ("blame" in e.why or "warning" in e.why)
    # the blamed deed, or what the price is for, is not an event of its own
    assert [x.event_type for x in events] == [event_type]


def test_blame_denied_in_the_clause_is_negated(coder):
    e = _find(_events(coder, "Police said the Taliban was not responsible for the bombing."), "ACCUSE")
    assert e is not None and e.negated


def test_committing_crimes_is_no_pledge(coder):
    events = _events(coder, "Rebel fighters committed atrocities in the villages, the report found.")
    assert _find(events, "AGREE") is None
    assert _find(_events(coder, "Japan committed $50 million to the reconstruction of Haiti."), "AGREE", "JPN", "HTI")


def test_what_is_alleged_in_a_that_clause_is_the_accusation(coder):
    events = _events(coder, "Amnesty International alleged that Egyptian security forces tortured detainees.")
    e = _find(events, "ACCUSE")
    assert e is not None and e.target is not None and e.target.country == "EGY" and "COP" in e.target.sectors
    assert _find(events, "ASSAULT") is None


def test_the_author_of_a_report_acts_through_it(coder):
    text = "A report released by Human Rights Watch on Monday accused Ethiopian troops of abusing civilians."
    e = _find(_events(coder, text), "ACCUSE", target_country="ETH")
    assert e is not None and e.source is not None and e.source.cameo_code == "NGOHRW"


def test_a_protest_without_a_named_target_addresses_its_own_government(coder):
    text = "Hundreds of Chilean students went on strike on Monday."
    e = _find(_events(coder, text), "PROTEST", "CHL", "CHL")
    assert e is not None and e.target.cameo_code == "CHLGOV" and e.target.resolution == "implicit"
    # an implied actor names no words: its offsets are the trigger's and slice to its empty text
    assert e.target.text == "" and text[e.target.start : e.target.end] == ""
    assert "own government" in e.target.why


def test_paying_compensation_is_no_warning(coder):
    assert _events(coder, "The Kenyan minister said the company would pay compensation to the families.") == []


def test_the_raid_that_wounded_is_shared_by_coordinated_passives(coder):
    events = _events(coder, "A Palestinian was killed and three wounded in an Israeli air raid on Gaza.")
    killed = _find(events, "ASSAULT", "ISR", "PSE")
    assert killed is not None and killed.evidence.trigger == "killed"
    wounded = [e for e in events if e.evidence.trigger == "wounded"]
    # the raid's author wounds; "Israeli" is not who was wounded (Gaza, where it happened, may be)
    assert wounded and all(e.source and e.source.country == "ISR" for e in wounded)
    assert all(e.target is None or e.target.country == "PSE" for e in wounded)


def test_a_sector_noun_before_an_act_is_its_author(coder):
    e = _find(_events(coder, "Dozens were arrested during a police crackdown in Nairobi."), "COERCE")
    assert e is not None and e.source is not None and e.source.cameo_code == "KENCOP"
    attack = _find(_events(coder, "Three people died in a rebel attack on Beni."), "ASSAULT")
    # the dead are the victims, not the attackers
    assert attack is not None and attack.source is not None and "REB" in attack.source.sectors
    # before a noun that is no act, a sector noun names no actor
    assert _events(coder, "The police station in Beni was renovated.") == []


def test_with_no_actor_as_target_the_place_of_the_act_stands_for_its_country(coder):
    e = _find(_events(coder, "The Algerian interior minister threatened a harsh response in Algiers."), "THREATEN")
    assert e is not None and e.target is not None and e.target.country == "DZA"
    assert e.target.resolution == "place" and "no actor named as target" in e.why


def test_a_finding_that_another_committed_crimes_is_an_accusation(coder):
    text = "Washington concluded that Russia committed crimes against humanity."
    e = _find(_events(coder, text), "ACCUSE", "USA", "RUS")
    assert e is not None and e.cameo == "112"


def test_one_visit_named_by_city_and_country_is_one_event(coder):
    events = _events(coder, "Kenyan President William Ruto arrived in Beijing on Sunday for a visit to China.")
    guest = [e for e in events if e.cameo == "042" and e.source and e.source.country == "KEN"]
    assert len(guest) == 1, [(e.evidence.trigger, e.target and e.target.text) for e in guest]
    assert guest[0].target is not None and guest[0].target.country == "CHN"


@pytest.mark.parametrize(
    ("text", "event_type", "source"),
    [
        ("Washington is expected to accuse Russia of war crimes.", "ACCUSE", "USA"),
        ("The rebels were forced to withdraw from the town.", "RETREAT", None),
        ("Kenya's president is scheduled to meet Ethiopian Prime Minister Abiy Ahmed.", "AGREE", "KEN"),
    ],
)
def test_the_subject_of_a_passive_raising_verb_acts(coder, text, event_type, source):
    e = _find(_events(coder, text), event_type)
    assert e is not None and e.source is not None
    assert source is None and "REB" in e.source.sectors or e.source.country == source


def test_who_speaks_is_the_actor_the_subject_phrase_names(coder):
    text = "The findings of an inquiry ordered by the Rwandan government accused France of complicity."
    e = _find(_events(coder, text), "ACCUSE")
    assert e is not None and e.source is not None and e.source.cameo_code == "RWAGOV"
    assert "subject phrase" in e.why
    # an act is not a speech act: the victims in its subject phrase did not attack
    events = _events(coder, "The killing of three Kenyan soldiers angered Nairobi.")
    assert not any(e.event_type == "ASSAULT" and e.source and e.source.country == "KEN" for e in events)


def test_a_gerund_after_a_preposition_shares_the_main_subject(coder):
    events = _events(coder, "Before visiting China, the Kenyan president stopped in Dubai.")
    e = _find(events, "CONSULT", "KEN", "CHN")
    assert e is not None and e.cameo == "042"


def test_forces_withdrawn_are_the_means_the_place_left_is_the_target(coder):
    e = _find(_events(coder, "Russia withdrew its troops from Syria."), "RETREAT", "RUS")
    assert e is not None and e.target is not None and e.target.cameo_code == "SYR"
    # released soldiers are who the release is for
    e = _find(_events(coder, "Hamas released two Israeli soldiers."), "RETREAT")
    assert e is not None and e.target is not None and e.target.cameo_code == "ISRMIL"


def test_envoys_from_several_countries_meet_each_other_not_the_city(coder):
    events = _events(coder, "Diplomats from Kenya, Uganda and Tanzania met in Nairobi.")
    pairs = {(e.source.country, e.target.country) for e in events if e.source and e.target}
    assert {("KEN", "UGA"), ("UGA", "TZA"), ("TZA", "KEN")} <= pairs, pairs
    assert not any(e.target and e.target.resolution == "place" for e in events)


def test_a_counterpart_is_the_government_of_its_country(coder):
    e = _find(_events(coder, "The Kenyan president met his Ugandan counterpart in Nairobi."), "CONSULT", "KEN")
    assert e is not None and e.target is not None and e.target.cameo_code == "UGAGOV"


@pytest.mark.parametrize(
    ("text", "event_type", "side", "code"),
    [
        # a counted passive subject is the group counted
        ("The Philippines said two of its soldiers were abducted by Syrian rebels.", "ASSAULT", "target", "PHLMIL"),
        # a minister with a portfolio is government
        ("Rwanda's justice minister accused France of arming the killers.", "ACCUSE", "source", "RWAGOV"),
        # a body set up by an actor acts for it
        ("A commission set up by the Rwandan government accused France of complicity.", "ACCUSE", "source", "RWAGOV"),
        # a sector noun from a country is that country's
        ("Rebels in Syria opened fire on peacekeepers from the Philippines.", "ASSAULT", "target", "PHLIGO"),
        # surrounding troops restricts their movement (CAMEO 191); nationals serving the UN are their country's
        ("Syrian rebels surrounded 75 Filipino UN troops in the Golan Heights.", "COERCE", "target", "PHLMIL"),
        # spaCy's small model reads "Niger" here as a date; a whole-entity country name is still a country
        ("The UN Security Council condemned the coup in Niger.", "ACCUSE", "target", "NER"),
        # ordering foreign troops out is an expulsion (CAMEO 166)
        ("Mali's junta ordered French troops to leave the country.", "SANCTION", "target", "FRAMIL"),
        # what is sent is the means; the receiver is the target
        ("Germany will send 14 Leopard tanks to Ukraine.", "AGREE", "target", "UKR"),
        # another country's forces are no means but who receives
        ("The United States sent Ukrainian soldiers new rifles.", "AID", "target", "UKRMIL"),
        # revoking an agreement rejects it (CAMEO 127), with the partner as the target
        ("Niger's junta revoked a military agreement with the United States.", "REJECT", "target", "USA"),
        # calling someone a criminal is an accusation
        ("Turkish President Erdogan called the Israeli prime minister a terrorist.", "ACCUSE", "target", "ISRGOV"),
        # who is drawn into a fight or talks is the other side
        ("Hezbollah engaged Israeli commandos in a firefight near the border.", "ASSAULT", "target", "ISRMIL"),
        ("Norway engaged Iran in talks on the nuclear issue.", "CONSULT", "target", "IRN"),
        ("Islamist militants engaged Nigerian soldiers near Maiduguri.", "ASSAULT", "target", "NGAMIL"),
        # a participle describing the victims takes its author from the attack it names
        ("Two Russian soldiers killed in Ukrainian drone strike, officials said.", "ASSAULT", "source", "UKRMIL"),
        ("Five civilians killed in Israeli air strike on Gaza", "ASSAULT", "source", "ISR"),
    ],
)
def test_who_an_event_codes(coder, text, event_type, side, code):
    e = _find(_events(coder, text), event_type)
    assert e is not None, [(x.event_type, x.cameo) for x in _events(coder, text)]
    actor = getattr(e, side)
    assert actor is not None and actor.cameo_code == code, actor


def test_talks_between_two_sides_are_held_by_each_with_the_other(coder):
    events = _events(coder, "Talks between Kenya and Somalia are expected to resume in Nairobi next week.")
    pairs = {(e.source.country, e.target.country) for e in events if e.source and e.target and e.event_type == "CONSULT"}
    assert pairs == {("KEN", "SOM"), ("SOM", "KEN")}, pairs


def test_a_mediator_brokers_between_the_parties(coder):
    events = _events(coder, "Qatar brokered a ceasefire between Israel and Hamas on Tuesday.")
    got = {(e.event_type, e.cameo, e.source.country, e.target.cameo_code) for e in events if e.source and e.target}
    assert got == {("CONSULT", "045", "QAT", "ISR"), ("CONSULT", "045", "QAT", "PSEREBHMS")}, got


def test_the_words_of_the_trigger_are_not_its_target(coder):
    e = _find(_events(coder, "The United States sent troops after the attack on Monday."), "MOBILIZE", "USA")
    assert e is not None and e.target is None


def test_trading_accusations_is_mutual(coder):
    events = _events(coder, "Armenia and Azerbaijan traded accusations on Sunday.")
    assert {(e.source.country, e.target.country) for e in events if e.event_type == "ACCUSE"} == {
        ("ARM", "AZE"),
        ("AZE", "ARM"),
    }


def test_who_judges_talks_is_no_party_to_them(coder):
    assert _events(coder, "Kenya called the talks a success.") == []
    e = _find(_events(coder, "Kenya held talks with Somalia in Nairobi."), "CONSULT", "KEN", "SOM")
    assert e is not None


def test_a_country_is_not_the_fallback_target_of_its_own_act(coder):
    e = _find(_events(coder, "Egypt offered to host the next round of talks in Cairo."), "AGREE", "EGY")
    assert e is not None and e.target is None


def test_an_official_of_an_international_body_takes_no_country_from_the_context(coder):
    e = _find(_events(coder, "UN Secretary-General Antonio Guterres urged Israel to allow aid into Gaza."), "REQUEST")
    assert e is not None and e.source.cameo_code == "IGOUNO" and e.source.country is None, e.source


@pytest.mark.parametrize(
    ("text", "event_type", "code"),
    [
        ("Russian forces shelled Kharkiv overnight.", "ASSAULT", "UKRCVL"),
        ("The army imposed a curfew in Gao.", "COERCE", "MLICVL"),
    ],
)
def test_a_place_under_force_stands_for_its_people(coder, text, event_type, code):
    e = _find(_events(coder, text), event_type)
    assert e is not None and e.target is not None and e.target.resolution == "place", e
    assert e.target.cameo_code == code and "its people" in e.target.why


def test_a_place_of_cooperation_keeps_no_sector(coder):
    e = _find(_events(coder, "Qatar sent humanitarian aid to Kabul."), "AID")
    assert e is not None and e.target is not None and e.target.country == "AFG" and "CVL" not in e.target.sectors


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Israel will not release the prisoners, the minister said.", "1243"),
        ("Iran will not lift the ban on foreign journalists.", "1241"),
        ("The rebels said they would not meet government negotiators.", "125"),
        ("The opposition vowed not to end its boycott of parliament.", "1242"),
    ],
)
def test_a_negated_stated_intent_is_a_refusal(coder, text, cameo):
    e = _find(_events(coder, text), "REJECT")
    assert e is not None and e.cameo == cameo and not e.negated and "refusal" in e.why, _events(coder, text)


def test_a_stated_intent_without_negation_stays_an_intent(coder):
    e = _find(_events(coder, "Israel will release the prisoners next week."), "AGREE")
    assert e is not None and e.cameo == "035"


def test_a_measure_on_a_whole_population_bears_on_the_imposers_civilians(coder):
    e = _find(_events(coder, "Thailand declared a state of emergency on Friday."), "COERCE")
    assert e is not None and e.cameo == "1724", e
    assert e.target is not None and e.target.cameo_code == "THACVL" and e.target.resolution == "implicit"
    assert "no target named" in e.target.why
    # a named target is kept
    e = _find(_events(coder, "Police imposed a curfew on the Muslim quarter's residents in Mombasa."), "COERCE")
    assert e is not None and e.target is not None and e.target.resolution != "implicit"


@pytest.mark.parametrize(
    ("text", "event_type", "cameo"),
    [
        # PLOVER's SUPPORT covers finalizing an agreement; failing to reach one is a rejection
        ("Israel and Hamas reached an agreement on the hostages.", "SUPPORT", "057"),
        ("Israel and Hamas failed to reach an agreement on the hostages.", "REJECT", "127"),
        ("Sudan's army and the RSF failed to agree on a truce.", "REJECT", "127"),
        # pledging support expresses it; pledging recognition promises a later act
        ("France pledged its support for Ukraine's bid to join the EU.", "SUPPORT", "051"),
    ],
)
def test_agreements_reached_failed_and_support_pledged(coder, text, event_type, cameo):
    events = _events(coder, text)
    assert events and all(e.event_type == event_type and e.cameo == cameo for e in events), [
        (e.event_type, e.cameo) for e in events
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Egyptian foreign ministry declined to comment on the report.",
        "The ministry declined to say whether troops had crossed the border.",
    ],
)
def test_declining_to_comment_rejects_nothing(coder, text):
    assert _events(coder, text) == []


@pytest.mark.parametrize(
    ("text", "event_type", "cameo", "quad"),
    [
        # CAMEO's verb dictionary codes these as comments (01x); PLOVER has no statements
        ("Israel rejected the accusations of war crimes.", "REJECT", "016", 3),
        ("The UN expressed concern over the fighting in Darfur.", "ACCUSE", "012", 3),
    ],
)
def test_denials_and_concern_carry_both_codes(coder, text, event_type, cameo, quad):
    e = _find(_events(coder, text), event_type)
    assert e is not None and e.cameo == cameo and e.quad_class == quad, e


def test_an_indictment_is_cameo_173_and_plover_accuse_allege(coder):
    e = _find(_events(coder, "Prosecutors indicted the former Egyptian president on Sunday."), "ACCUSE")
    assert e is not None and (e.cameo, e.mode) == ("173", "allege"), e
    e = _find(_events(coder, "Palestinian activists sued the Israeli government."), "ACCUSE")
    assert e is not None and e.cameo == "115"


def test_talking_with_no_partner_is_no_consultation(coder):
    assert _events(coder, "Obama talked about the economy in a speech on Monday.") == []
    pairs = {(e.source.country, e.target.country) for e in _events(coder, "Kenya and Somalia discussed border security.")}
    assert pairs == {("KEN", "SOM"), ("SOM", "KEN")}


@pytest.mark.parametrize(
    ("text", "event_type", "cameo", "target"),
    [
        ("The United States sent troops to help the Iraqi army.", "AID", "074", "IRQMIL"),
        ("Russia will send troops to help Syria.", "AGREE", "033", "SYR"),
        ("Russia deployed troops to the border with Ukraine.", "MOBILIZE", "152", "UKR"),
    ],
)
def test_troops_sent_to_help_are_military_aid(coder, text, event_type, cameo, target):
    events = _events(coder, text)
    assert [(e.event_type, e.cameo, e.target.cameo_code) for e in events] == [(event_type, cameo, target)]


@pytest.mark.parametrize(
    ("text", "event_type", "cameo"),
    [
        # PLOVER: formal pardons and amnesties are CONCEDE
        ("The king granted amnesty to the rebels.", "CONCEDE", "056"),
        ("The IMF granted Egypt a loan of 3 billion dollars.", "AID", "071"),
        ("Britain granted independence to Kenya in 1963.", "CONCEDE", "0833"),
    ],
)
def test_what_is_granted_decides_the_type(coder, text, event_type, cameo):
    e = _find(_events(coder, text), event_type)
    assert e is not None and e.cameo == cameo, _events(coder, text)


def test_seeking_asylum_asks_for_it_and_giving_refuge_aids(coder):
    e = _find(_events(coder, "Hundreds of Syrians sought asylum in Turkey."), "REQUEST")
    assert e is not None and e.cameo == "0233" and e.target.country == "TUR"
    e = _find(_events(coder, "Kenya gave refuge to Somali refugees."), "AID")
    assert e is not None and e.cameo == "075"
