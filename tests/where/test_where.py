"""Places from the event's own sentence, on the gazetteer, over real parses of sentences written
for these tests."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from eventwire.actors import Resolver, default_registry
from eventwire.events import EventExtractor, load_lexicon
from eventwire.model import Article, Paragraph
from eventwire.nlp import annotate
from eventwire.where import gazetteer, key, place_events

pytestmark = pytest.mark.slow


def placed(*paragraphs: str) -> list[dict]:
    article = Article(id="a-where", document_id="d-where", source="w.txt", evidence_source="w.txt",
                      paragraphs=[Paragraph(text, 1 + 2 * i) for i, text in enumerate(paragraphs)])
    lexicon = load_lexicon()
    [annotated] = annotate([article], lexicon.is_candidate)
    events = EventExtractor(lexicon, Resolver(default_registry())).extract(annotated)
    return [e.to_dict() for e in place_events(annotated, events)]


def location_of(events: list[dict], trigger: str) -> dict | None:
    [event] = [e for e in events if e["trigger"] == trigger]
    return event["location"]


def test_a_locative_phrase_places_the_event_with_coordinates() -> None:
    where = location_of(placed("Russian jets struck rebel positions near Khan Sheikhoun on Tuesday."), "struck")
    assert where["text"] == "Khan Sheikhoun" and where["country"] == "SYR"
    assert where["precision"] in ("city", "point") and where["lat"] is not None


def test_a_country_only_place_says_so_and_gets_no_pin() -> None:
    where = location_of(placed("Turkish troops and tanks attacked Kurdish fighters in Syria."), "attacked")
    assert (where["country"], where["precision"], where["lat"], where["lon"]) == ("SYR", "country", None, None)


def test_the_actor_is_not_the_place_and_a_party_is_not_a_place() -> None:
    events = placed("Moscow denied the report.", "Washington accused Iran of sabotage.")
    assert location_of(events, "denied") is None and location_of(events, "accused") is None


def test_a_town_the_tagger_mislabels_is_still_found_after_a_preposition() -> None:
    where = location_of(placed("The jihadis used the lull to launch more attacks on Aleppo."), "attacks")
    assert where is not None and where["name"] == "Aleppo" and where["country"] == "SYR"


def test_a_noun_trigger_takes_its_own_place_before_the_sentences() -> None:
    where = location_of(placed("After the capture of Rusafa in Raqqa province, the army moved east."), "capture")
    assert where["text"] == "Rusafa" and where["country"] == "SYR"


def test_the_article_decides_between_places_of_one_name() -> None:
    lebanon = placed("The Lebanese army arrested ten gunmen.", "Gunmen attacked an army post in Tripoli.")
    libya = placed("The Libyan army arrested ten gunmen.", "Gunmen attacked an army post in Tripoli.")
    assert location_of(lebanon, "attacked")["country"] == "LBN"
    assert location_of(libya, "attacked")["country"] == "LBY"


def test_a_sentence_without_a_place_takes_none_from_its_neighbours() -> None:
    events = placed("Syrian jets bombed a market in Idlib.", "The United States condemned the bombing.")
    assert location_of(events, "bombed")["text"] == "Idlib"
    assert location_of(events, "condemned") is None


def test_our_place_file_is_well_formed_and_its_names_are_unambiguous() -> None:
    with resources.files("eventwire").joinpath("data/places.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) >= 150
    owner: dict[str, str] = {}
    for row in rows:
        assert row["precision"] in ("point", "city", "region") and len(row["country"]) == 3
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180
        for name in [row["name"], *row["aliases"].split("|")]:
            if name.strip():
                assert owner.setdefault(key(name), row["name"]) == row["name"], name
    assert any(p.ours and p.country == "SYR" for p in gazetteer().lookup("Al-Tanf"))


def test_part_of_a_place_falls_back_to_the_place_at_its_own_precision() -> None:
    places = gazetteer()
    assert [p.country for p in places.lookup("north-east Syria")] == ["SYR"]
    assert places.lookup("western Syria")[0].precision == "country"  # no pin for a part we hold no shape of
    assert places.lookup("northern Aleppo")[0].name == "Aleppo"
    assert [p.country for p in places.lookup("Northern Ireland")] == ["GBR"]  # a name, held as ours, not a part


def test_a_kind_word_after_a_name_falls_back_to_the_name_as_wide_as_the_word() -> None:
    places = gazetteer()
    assert places.lookup("Ramousseh district")[0].name == "Ramouseh"
    province = places.lookup("Idlib province")[0]
    assert province.country == "SYR" and province.precision == "region"


def test_a_physical_deed_takes_its_own_object_and_troops_land_where_they_are_sent() -> None:
    events = placed("Government troops recaptured the Castello road north of Aleppo.",
                    "In Nairobi, the Kenyan army sent troops to Mombasa.")
    assert location_of(events, "recaptured")["name"] == "Castello road"
    assert location_of(events, "sent")["name"] == "Mombasa"
    talks = placed("Iranian and Iraqi envoys held talks in Geneva about the siege of Basra.")
    assert location_of(talks, "talks")["name"] == "Geneva"  # a topic is not where talks are


def test_a_town_the_tagger_takes_for_a_person_is_found_after_against() -> None:
    events = placed("Simultaneously the rebels launched a major offensive against Aleppo.")
    assert location_of(events, "offensive")["name"] == "Aleppo"


def test_a_group_of_no_state_takes_the_state_where_its_event_is_placed() -> None:
    events = placed("Jihadist fighters launched an offensive against Kidal.",
                    "French soldiers patrolled near Gao.")
    offensive = next(e for e in events if e["trigger"] == "offensive")
    assert offensive["actor"][0]["code"] == "MLI" and offensive["actor"][0]["sector"] == "REB"
    assert all(a["code"] == "FRA" for e in events if e["trigger"] == "patrolled" for a in e["actor"])


def test_a_deed_with_no_target_named_is_aimed_at_the_state_where_it_happens() -> None:
    events = placed("Turkish jets struck targets near Dohuk overnight.",
                    "Ugandan troops withdrew from Kisangani.")
    assert [r["code"] for r in next(e for e in events if e["trigger"] == "struck")["recipient"]] == ["IRQ"]
    assert [r["code"] for r in next(e for e in events if e["trigger"] == "withdrew")["recipient"]] == ["COD"]


def test_a_retreat_on_the_actors_own_soil_is_aimed_at_no_one() -> None:
    events = placed("Colombian guerrillas surrendered in Cali on Friday.",
                    "Ugandan troops withdrew from Kisangani.")
    assert next(e for e in events if e["trigger"] == "surrendered")["recipient"] == []
    assert [r["code"] for r in next(e for e in events if e["trigger"] == "withdrew")["recipient"]] == ["COD"]
