from __future__ import annotations

import pycountry
import pytest

from eventcoder.analysis.actorcodes import (
    ActorKey,
    load_country_aliases,
    parse_actor_code,
    predicted_key,
    sector_matches,
)
from eventcoder.analysis.labels import count_label, gold_type
from eventcoder.ontology import load_ontology
from eventcoder.records import Actor


@pytest.mark.parametrize(
    ("code", "sector", "expected"),
    [
        ("PSEREB", None, ActorKey("PSE", "REB")),
        ("IGOUNOMIL", None, ActorKey("IGO", "MIL")),
        ("IGOEUREEC", None, ActorKey("IGO", None)),
        ("---GOV", None, ActorKey(None, "GOV")),
        ("---", None, ActorKey(None, None)),
        ("JAP", None, ActorKey("JPN", None)),
        ("GMY", None, ActorKey("DEU", None)),
        ("UK", None, ActorKey("GBR", None)),
        ("HUN-GOV", None, ActorKey("HUN", "GOV")),
        ("PSE-***", None, ActorKey("PSE", None)),
        ("ALB", "CVLalb", ActorKey("ALB", "CVL")),
        ("USA", "***", ActorKey("USA", None)),
    ],
)
def test_parse_actor_code(code, sector, expected):
    assert parse_actor_code(code, sector=sector) == expected


def test_country_aliases_never_shadow_iso3_codes():
    iso3 = {c.alpha_3 for c in pycountry.countries}
    aliases = load_country_aliases()
    assert "JAP" in aliases and "GMY" in aliases
    assert sorted(code for code in aliases if code in iso3) == []
    assert sorted(v for v in aliases.values() if v not in iso3 and v != "XKX") == []


def test_predicted_key_falls_back_to_cameo_code():
    fictional = Actor(name="Arnor", text="Arnor", start=0, end=5, country=None, cameo_code="ARNGOV")
    assert predicted_key(fictional) == ActorKey("ARN", "GOV")
    ministers = Actor(
        name="ministers", text="ministers", start=0, end=9, country=None, cameo_code="GOV"
    )
    assert predicted_key(ministers) == ActorKey(None, "GOV")
    real = Actor(
        name="Israel", text="Israeli troops", start=0, end=14, country="ISR", sectors=("MIL",)
    )
    assert predicted_key(real) == ActorKey("ISR", "MIL")


@pytest.mark.parametrize(
    ("event", "label", "accepts"),
    [
        ({"plover": "YIELD"}, "YIELD", {"CONCEDE", "RETREAT"}),
        ({"plover": "DISAPPROVE"}, "DISAPPROVE", {"ACCUSE", "REJECT"}),
        ({"plover": "FIGHT"}, "FIGHT", {"ASSAULT"}),
        ({"plover": "CONCEDE|RETREAT"}, "CONCEDE|RETREAT", {"CONCEDE", "RETREAT"}),
        ({"cameo": "190"}, "ASSAULT", {"ASSAULT"}),
        ({"cameo": "0231", "plover": None, "plover_derived": True}, "REQUEST", {"REQUEST"}),
    ],
)
def test_gold_type_maps_old_and_cameo_labels(event, label, accepts):
    gt = gold_type(event, load_ontology())
    assert gt is not None
    assert gt.label == label
    assert set(gt.accepts) == accepts


@pytest.mark.parametrize(
    "event",
    [
        {"cameo": "010", "cameo_root": "01"},
        {"cameo": "903", "cameo_nonstandard": True, "plover": None},
        {"plover": None, "cameo": None},
    ],
)
def test_gold_type_statements_and_untyped_are_no_event(event):
    assert gold_type(event, load_ontology()) is None


def test_count_label_files_wrong_predictions_under_old_labels():
    ontology = load_ontology()
    assert count_label("RETREAT", {"YIELD", "AGREE"}, ontology) == "YIELD"
    assert count_label("AGREE", {"YIELD", "AGREE"}, ontology) == "AGREE"
    assert count_label("SANCTION", {"YIELD"}, ontology) == "SANCTION"


def test_sector_codes_of_other_versions_match_ours():
    reporter = Actor("journalists", "journalists", 0, 11, "EGY", sectors=("MED",), cameo_code="EGYMED")
    assert sector_matches(ActorKey("EGY", "JRN"), reporter)  # PLOVER 2023 JRN is CAMEO MED
    assert sector_matches(ActorKey("EGY", "MED"), reporter)
    assert not sector_matches(ActorKey("EGY", "GOV"), reporter)
    villagers = Actor("villagers", "villagers", 0, 9, "LBY", sectors=("CVL",), cameo_code="LBYCVL")
    assert sector_matches(ActorKey("LBY", "CIV"), villagers)  # CIV, written for civilians in plover_gsr


@pytest.mark.parametrize(
    ("root", "penta"),
    [("01", 0), ("02", 0), ("04", 1), ("07", 2), ("09", 3), ("12", 3), ("14", 4), ("16", 3), ("19", 4), (None, 0)],
)
def test_penta_classes_follow_the_phoenix_pentaclass(root, penta):
    # statements and appeals are 0, investigations and reducing relations verbal conflict, protest material
    assert load_ontology().penta_of(root) == penta
