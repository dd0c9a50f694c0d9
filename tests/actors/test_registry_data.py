"""Integrity of the actor registry's data files (people, their offices and the dates they held them)."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from datetime import date
from functools import cache
from importlib import resources

import pytest

from eventwire.actors import Resolver, alias_key, default_registry, split_aliases
from eventwire.nlp import load_pipeline

# Offices of which a country has one holder at a time: their terms must not overlap.
SINGLE_HOLDER_OFFICES = ("head_of_state", "head_of_government", "foreign_minister", "supreme_leader")
NON_STATE_CODES = {"IGO", "UNO"}


@cache
def rows(name: str) -> list[dict[str, str]]:
    text = resources.files("eventwire.actors").joinpath("data", name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def codes() -> set[str]:
    return {row["code"] for row in rows("countries.csv")}


def country_terms() -> set[str]:
    """Every country name, alias, adjective and capital, lower-cased, as written and as matched."""
    terms: set[str] = set()
    for row in rows("countries.csv"):
        for field in ("name", "aliases", "adjectives", "capital"):
            for term in split_aliases(row[field]):
                terms.add(term.lower())
                terms.add(" ".join(alias_key(term)).lower())
    return terms


def test_actor_ids_are_unique_slugs() -> None:
    ids = [row["actor_id"] for row in rows("people.csv")]
    duplicates = [actor_id for actor_id, n in Counter(ids).items() if n > 1]
    assert not duplicates
    assert all(actor_id and actor_id == actor_id.lower() and " " not in actor_id for actor_id in ids)


def test_people_have_a_name_a_known_code_and_a_sector() -> None:
    known = codes() | NON_STATE_CODES
    for row in rows("people.csv"):
        assert row["name"].strip(), row
        assert row["code"] in known, row
        assert row["sector"], row


def test_roles_name_known_people_offices_and_countries() -> None:
    people = {row["actor_id"] for row in rows("people.csv")}
    offices = {row["office"] for row in rows("offices.csv")}
    known = codes() | NON_STATE_CODES
    for row in rows("roles.csv"):
        assert row["actor_id"] in people, row
        assert row["office"] in offices, row
        assert row["country"] in known, row


def test_role_dates_are_iso_days_and_start_before_end() -> None:
    for row in rows("roles.csv"):
        start = date.fromisoformat(row["start"])
        assert row["start"] == start.isoformat(), row
        if row["end"]:
            end = date.fromisoformat(row["end"])
            assert row["end"] == end.isoformat(), row
            assert start < end, row


def test_single_holder_offices_do_not_overlap() -> None:
    terms: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in rows("roles.csv"):
        if row["office"] in SINGLE_HOLDER_OFFICES:
            terms[(row["office"], row["country"])].append(row)
    overlaps = []
    for key, held in terms.items():
        held.sort(key=lambda row: row["start"])
        for before, after in zip(held, held[1:]):
            if (before["end"] or "9999-12-31") > after["start"]:
                overlaps.append((key, before["actor_id"], after["actor_id"]))
    assert not overlaps


def test_no_alias_is_a_country_name_capital_or_adjective() -> None:
    terms = country_terms()
    clashes = [(row["actor_id"], alias) for row in rows("people.csv")
               for alias in [row["name"], *split_aliases(row["aliases"])]
               if alias.lower() in terms or " ".join(alias_key(alias)).lower() in terms]
    assert not clashes


def test_no_alias_belongs_to_people_of_two_countries() -> None:
    owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for row in rows("people.csv"):
        for alias in {row["name"], *split_aliases(row["aliases"])}:
            owners[alias_key(alias)].add(row["code"])
    shared = {" ".join(key): sorted(found) for key, found in owners.items() if len(found) > 1}
    assert not shared


@pytest.mark.parametrize("alias", ["May", "Will", "Kim", "Lee", "Khan", "Ali", "Hussein", "Singh", "Bashir",
                                   "Sharif", "Rice", "Major", "Brown", "Banda", "Santos", "Jonathan",
                                   "Begin", "Sharon", "Abbas", "Muscat", "Lagos", "Toledo"])
def test_ambiguous_words_are_not_person_aliases(alias: str) -> None:
    entry = default_registry().aliases.get(alias_key(alias))
    assert entry is None or entry.kind != "person", (alias, entry)


@pytest.mark.parametrize("alias, actor_id, code", [
    ("Museveni", "museveni", "UGA"),
    ("Bouteflika", "bouteflika", "DZA"),
    ("Bouteflicka", "bouteflika", "DZA"),
    ("Qaddafi", "gaddafi", "LBY"),
    ("Omar al-Bashir", "bashir", "SDN"),
    ("Nawaz Sharif", "nawaz_sharif", "PAK"),
    ("Thatcher", "thatcher", "GBR"),
    ("Mugabe", "mugabe", "ZWE"),
    ("Lula", "lula", "BRA"),
    ("Theresa May", "theresa_may", "GBR"),
])
def test_aliases_find_their_person(alias: str, actor_id: str, code: str) -> None:
    entry = default_registry().aliases[alias_key(alias)]
    assert (entry.kind, entry.actor_id, entry.code) == ("person", actor_id, code)


@pytest.mark.parametrize("office, country, on, actor_id", [
    ("head_of_state", "UGA", "1999-06-01", "museveni"),
    ("head_of_state", "DZA", "2005-01-01", "bouteflika"),
    ("head_of_government", "PAK", "1998-01-01", "nawaz_sharif"),
    ("head_of_government", "GBR", "1985-06-01", "thatcher"),
    ("head_of_state", "USA", "1990-06-01", "bush_ghw"),
    ("head_of_state", "USA", "2005-06-01", "bush_gw"),
    ("head_of_state", "RUS", "2003-06-01", "putin"),
    ("head_of_government", "ISR", "1997-06-01", "netanyahu"),
    ("head_of_government", "POL", "2010-06-01", "tusk"),
    ("foreign_minister", "USA", "1998-06-01", "albright"),
    ("head_of_state", "FRA", "1990-06-01", "mitterrand"),
    ("head_of_government", "IND", "2010-06-01", "manmohan_singh"),
    ("head_of_state", "ZAF", "1996-06-01", "mandela"),
])
def test_offices_resolve_by_date(office: str, country: str, on: str, actor_id: str) -> None:
    holder = default_registry().holder(office, country, on)
    assert holder is not None and holder.actor_id == actor_id


@pytest.mark.slow
@pytest.mark.parametrize("text, code, actor_id", [
    ("President Museveni", "UGA", "museveni"),
    ("Museveni", "UGA", "museveni"),
    ("Bouteflika", "DZA", "bouteflika"),
    ("Prime Minister Nawaz Sharif", "PAK", "nawaz_sharif"),
    ("Kenyan President Mwai Kibaki", "KEN", "kibaki"),
])
def test_spans_resolve_to_the_person(text: str, code: str, actor_id: str) -> None:
    actor = Resolver(default_registry()).resolve(load_pipeline()(text)[:])
    assert (actor.code, actor.actor_id) == (code, actor_id)


@pytest.mark.slow
def test_titles_resolve_by_the_article_date() -> None:
    from eventwire.actors import Resolver
    from eventwire.nlp import load_pipeline

    resolver = Resolver(default_registry())
    ugandan = resolver.resolve(load_pipeline()("the Ugandan president")[:], "1999-06-01")
    assert ugandan.actor_id == "museveni"
    pakistani = resolver.resolve(load_pipeline()("Pakistan's prime minister")[:], "1998-01-01")
    assert pakistani.actor_id == "nawaz_sharif"
