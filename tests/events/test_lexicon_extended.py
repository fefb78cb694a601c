"""The extended trigger lexicon (data/lexicon/triggers_extended.yaml): it loads, merges cleanly with
triggers.yaml, covers every PLOVER type, and finds the trigger in typical news phrasings."""

from __future__ import annotations

from collections import Counter, defaultdict
from importlib import resources

import pytest
import yaml

from eventcoder.events import find_triggers, load_lexicon
from eventcoder.events.lexicon import Lexicon

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT",
)


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.fixture(scope="session")
def nlp():
    from eventcoder.nlp import load_pipeline

    return load_pipeline()


def _extended_groups() -> list[dict]:
    text = resources.files("eventcoder.data.lexicon").joinpath("triggers_extended.yaml").read_text("utf-8")
    return yaml.safe_load(text)["groups"]


def test_lexicon_extended_file_is_loaded(lexicon: Lexicon) -> None:
    phrases = {t.phrase for entries in lexicon.by_head.values() for t in entries}
    assert "verb 'fire tear gas' -> CAMEO 175" in phrases
    assert "noun 'hunger striker' -> CAMEO 142" in phrases


def test_lexicon_extended_has_no_duplicate_entries(lexicon: Lexicon) -> None:
    keys = Counter(
        (t.head, t.pos, t.extra, t.cameo) for entries in lexicon.by_head.values() for t in entries
    )
    duplicates = sorted(key for key, n in keys.items() if n > 1)
    assert duplicates == []


def test_lexicon_extended_covers_roots_02_to_20() -> None:
    roots = {str(group["cameo"])[:2] for group in _extended_groups()}
    assert roots >= {f"{n:02d}" for n in range(2, 21)}


def test_lexicon_extended_objects_are_single_lemmas() -> None:
    bad = [
        (group["cameo"], obj)
        for group in _extended_groups()
        for obj in group.get("objects") or ()
        if not isinstance(obj, str) or " " in obj or obj != obj.lower()
    ]
    assert bad == []


@pytest.mark.parametrize("plover_type", PLOVER_TYPES)
def test_lexicon_has_at_least_30_heads_per_plover_type(lexicon: Lexicon, plover_type: str) -> None:
    heads: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for entries in lexicon.by_head.values():
        for t in entries:
            heads[t.event_type].add((t.head, t.pos))
    assert len(heads[plover_type]) >= 30


CASES = [
    # (sentence, trigger word as written, PLOVER type)
    ("Both sides agreed to a ceasefire on Sunday night.", "agreed", "AGREE"),  # CAMEO 0356: agreeing to a truce
    ("The rebels said they would observe a ceasefire from Sunday night.", "observe", "RETREAT"),
    ("The prime minister resigned after the vote.", "resigned", "RETREAT"),  # PLOVER 2023: resign
    ("Norway offered help to the flood victims.", "offered", "AGREE"),  # an offer of aid is a commitment
    ("Seoul offered talks to Pyongyang on family reunions.", "offered", "AGREE"),
    ("Tehran pledged $20 million to rebuild the damaged hospitals.", "pledged", "AGREE"),
    ("The two foreign ministers spoke by phone on Tuesday.", "spoke", "CONSULT"),
    ("Delegations from both parties resumed negotiations in Geneva.", "resumed", "CONSULT"),
    ("Kenya and Ethiopia agreed to establish diplomatic relations.", "establish", "SUPPORT"),
    ("The prime minister threw his weight behind the peace plan.", "threw", "SUPPORT"),
    ("Colombia and Ecuador joined forces against drug smugglers.", "joined", "COOPERATE"),
    ("The two navies held joint patrols in the strait.", "patrols", "COOPERATE"),
    ("Germany sent tanks and ammunition to the Ukrainian army.", "sent", "AID"),
    ("Relief agencies airdropped food to the besieged villages.", "airdropped", "AID"),
    ("The government bowed to pressure and scrapped the fuel tax.", "scrapped", "CONCEDE"),
    ("The military lifted the siege of the northern city.", "lifted", "RETREAT"),
    ("Rebel fighters handed in their weapons at a UN camp.", "handed", "RETREAT"),
    ("Brazil urged both governments to release the detained fishermen.", "urged", "REQUEST"),
    ("Opposition leaders demanded the lifting of the curfew.", "demanded", "REQUEST"),
    ("The ministry summoned the Turkish ambassador over the remarks.", "summoned", "ACCUSE"),
    ("Prosecutors opened an investigation into the corruption scandal.", "opened", "ACCUSE"),
    ("The senator lambasted the administration over the border policy.", "lambasted", "ACCUSE"),
    ("The junta rejected calls for elections this year.", "rejected", "REJECT"),
    ("Militia leaders refused to withdraw from the oil fields.", "refused", "REJECT"),
    ("The rebels walked away from the peace deal.", "walked", "REJECT"),
    ("Pyongyang threatened to impose sanctions on Seoul.", "threatened", "THREATEN"),
    ("The general warned of retaliation if the drone flights continued.", "warned", "THREATEN"),
    ("Dockworkers downed tools at three ports on Monday.", "downed", "PROTEST"),
    ("Students staged a sit-in outside the education ministry.", "staged", "PROTEST"),
    ("Angry crowds pelted the convoy with stones.", "pelted", "PROTEST"),
    ("Japan scrambled fighter jets after Chinese bombers approached.", "scrambled", "MOBILIZE"),
    ("Armenia called up reservists after the border incident.", "called", "MOBILIZE"),
    ("Police stepped up security around the embassy.", "stepped", "MOBILIZE"),
    ("Lithuania expelled three Belarusian diplomats.", "expelled", "SANCTION"),
    ("Washington froze military aid to the junta.", "froze", "SANCTION"),
    ("Ottawa imposed tariffs on steel from the region.", "imposed", "SANCTION"),
    ("The regime shut down the internet in the capital.", "shut", "COERCE"),
    ("Authorities banned the main opposition party last year.", "banned", "COERCE"),
    ("Insurgents seized the airport after heavy fighting.", "seized", "COERCE"),
    ("Security forces fired tear gas at the marchers.", "fired", "ASSAULT"),
    ("Warplanes carried out airstrikes on the rebel stronghold.", "carried", "ASSAULT"),
    ("Gunmen kidnapped five aid workers near the border.", "kidnapped", "ASSAULT"),
    ("Guards tortured the detainees at the prison.", "tortured", "ASSAULT"),
    ("A roadside bomb killed two soldiers on patrol.", "bomb", "ASSAULT"),
    ("Militants stormed the parliament building in the capital.", "stormed", "PROTEST"),
]


@pytest.mark.parametrize("sentence, word, plover_type", CASES)
def test_find_triggers_codes_extended_phrasings(
    nlp, lexicon: Lexicon, sentence: str, word: str, plover_type: str
) -> None:
    doc = nlp(sentence)
    found = [(m.token.text, m.entry.event_type) for sent in doc.sents for m in find_triggers(sent, lexicon)]
    assert (word, plover_type) in found, found
