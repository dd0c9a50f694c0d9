"""Actors: resolve a mention ("the US air force", "Moscow", "Lavrov") to a canonical actor.

The registry lives in `data/` (countries with names, adjectives and capitals; metonyms such as
"the Kremlin"; organisations and armed groups; sector nouns; people, the offices they held and
when) and can be extended with a user file of the same shape as `organizations.csv`. Titles
resolve by the article's date ("the Russian foreign minister" in 2016 is Sergei Lavrov), and
within one article a surname resolves to the full name met earlier.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path

import spacy
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token

from eventwire.model import Actor

MAX_ALIAS_TOKENS = 8
PERSONAL_PRONOUNS = {"he", "she"}
PRONOUNS = {"i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "this",
            "that", "these", "those", "who", "which", "what", "whom", "itself", "themselves"}
# Entities whose own name may contain a place name that then means nothing ("Washington Post").
NAME_ENTITY_TYPES = {"ORG", "PERSON", "WORK_OF_ART", "FAC", "PRODUCT", "EVENT", "LAW"}


@dataclass(frozen=True, slots=True)
class Entry:
    """One registry entry an alias points to."""

    code: str | None  # None for an organisation of no one state (an outlet such as The Duran)
    name: str
    kind: str  # state | adjective | capital | region | metonym | organization | person
    sector: str | None = None
    actor_id: str | None = None


@dataclass(frozen=True, slots=True)
class Role:
    """An office held from `start` to `end` (ISO dates; `end` None while still held)."""

    actor_id: str
    start: str
    end: str | None


def split_aliases(field: str) -> list[str]:
    return [a.strip() for a in field.split("|") if a.strip()]


@cache
def alias_tokenizer() -> Tokenizer:
    """English tokenizer rules, so "al-Nusra" and "People's" split as they do in parsed text."""
    return spacy.blank("en").tokenizer


def normalise(word: str) -> str:
    """Proper nouns match by case; only shouted headline words (ALEPPO) are title-cased."""
    word = word.replace("\u2019", "'")
    return word.title() if word.isupper() and len(word) > 5 else word


def alias_key(alias: str) -> tuple[str, ...]:
    words = [normalise(t.text) for t in alias_tokenizer()(alias.strip())]
    if words and words[0].lower() == "the":
        words = words[1:]
    return tuple(words)


class Registry:
    """Aliases and sector terms; longest alias wins."""

    def __init__(self) -> None:
        self.aliases: dict[tuple[str, ...], Entry] = {}
        self.sector_terms: dict[tuple[str, ...], str] = {}
        self.people: dict[str, Entry] = {}  # actor_id -> the person
        self.offices: dict[tuple[str, ...], str] = {}  # lower-case title words -> office
        self.office_sectors: dict[str, str] = {}
        self.holders: dict[tuple[str, str], list[Role]] = {}  # (office, country) -> who held it when

    def add(self, alias: str, entry: Entry) -> None:
        key = alias_key(alias)
        if key and key not in self.aliases:
            self.aliases[key] = entry

    def load_package_data(self) -> None:
        data = resources.files("eventwire.actors").joinpath("data")
        # Most specific first: an organisation's alias beats a country's of the same spelling.
        self.load_organizations(data.joinpath("organizations.csv").read_text("utf-8").splitlines())
        for row in csv.DictReader(data.joinpath("metonyms.csv").read_text("utf-8").splitlines()):
            self.add(row["alias"], Entry(row["code"], row["name"], "metonym", row["sector"] or None))
        for row in csv.DictReader(data.joinpath("countries.csv").read_text("utf-8").splitlines()):
            state = Entry(row["code"], row["name"], "state")
            for alias in [row["name"], *split_aliases(row["aliases"])]:
                self.add(alias, state)
            for alias in split_aliases(row["capital"]):
                self.add(alias, Entry(row["code"], row["name"], "capital", "GOV"))
            for alias in split_aliases(row["adjectives"]):
                self.add(alias, Entry(row["code"], row["name"], "adjective"))
        for row in csv.DictReader(data.joinpath("regions.csv").read_text("utf-8").splitlines()):
            self.add(row["alias"], Entry(row["code"], row["name"], "region"))
        for row in csv.DictReader(data.joinpath("sector_terms.csv").read_text("utf-8").splitlines()):
            self.sector_terms.setdefault(tuple(row["term"].lower().split()), row["sector"])
        self.load_people(*(data.joinpath(name).read_text("utf-8").splitlines()
                           for name in ("people.csv", "offices.csv", "roles.csv")))

    def load_people(self, people: Iterable[str], offices: Iterable[str], roles: Iterable[str]) -> None:
        for row in csv.DictReader(people):
            person = Entry(row["code"], row["name"], "person", row["sector"] or None, row["actor_id"])
            self.people[person.actor_id] = person
            for alias in [row["name"], *split_aliases(row["aliases"])]:
                self.add(alias, person)
        for row in csv.DictReader(offices):
            self.office_sectors[row["office"]] = row["sector"]
            for alias in split_aliases(row["aliases"]):
                self.offices.setdefault(tuple(alias.lower().split()), row["office"])
        for row in csv.DictReader(roles):
            if row["actor_id"] in self.people:
                self.holders.setdefault((row["office"], row["country"]), []).append(
                    Role(row["actor_id"], row["start"], row["end"] or None))

    def may_name_a_party(self, sentence: Span) -> bool:
        """Cheap test on tokenizer output: a capitalised word after the first, a registry alias
        word or a sector noun ("rebels", "troops"). A sentence without one yields no event, so
        it need not be parsed."""
        words = self.party_words
        return any((token.i > sentence.start and token.text[:1].isupper()) or token.text in words
                   or token.lower_ in words for token in sentence)

    @cached_property
    def party_words(self) -> frozenset[str]:
        """First words of aliases and words of sector nouns; read once all files are loaded."""
        return frozenset([key[0] for key in self.aliases] + [word for key in self.sector_terms for word in key])

    def holder(self, office: str, country: str, on: str) -> Entry | None:
        """Who held `office` for `country` on the ISO day `on`."""
        for role in self.holders.get((office, country), ()):
            if role.start <= on and (role.end is None or on < role.end):
                return self.people[role.actor_id]
        return None

    def office_in(self, words: list[str]) -> str | None:
        """The longest office title among the lower-case words ("foreign minister")."""
        for length in (4, 3, 2, 1):
            for end in range(len(words), length - 1, -1):
                office = self.offices.get(tuple(words[end - length:end]))
                if office:
                    return office
        return None

    def load_organizations(self, lines: Iterable[str]) -> None:
        for row in csv.DictReader(lines):
            entry = Entry(row["code"] or None, row["name"], "organization", row.get("sector") or None,
                          row.get("actor_id") or None)
            for alias in [row["name"], *split_aliases(row.get("aliases", ""))]:
                self.add(alias, entry)


def opposed(span: Span, start: int) -> bool:
    """"an anti-Syria journalist" stands against Syria and is not Syria's."""
    return start >= 2 and span[start - 1].text == "-" and span[start - 2].lower_ == "anti"


def day_of(published: str | None, precision: str | None) -> str | None:
    """An ISO day to date titles by: mid-month or mid-year when only those are known."""
    if not published:
        return None
    if precision == "year" or len(published) == 4:
        return f"{published[:4]}-07-01"
    if precision == "month" or len(published) == 7:
        return f"{published[:7]}-15"
    return published[:10]


@cache
def default_registry() -> Registry:
    registry = Registry()
    registry.load_package_data()
    return registry


def registry_with(extra_files: Iterable[Path] = ()) -> Registry:
    """The package registry plus user files (same columns as organizations.csv), which win."""
    extra = list(extra_files)
    if not extra:
        return default_registry()
    registry = Registry()
    for path in extra:
        registry.load_organizations(path.read_text("utf-8").splitlines())
    registry.load_package_data()
    return registry


class Resolver:
    """Turns a span of a parsed sentence into an Actor."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    def find_aliases(self, span: Span) -> list[tuple[int, int, Entry]]:
        """Non-overlapping (start, end, entry) alias matches in the span, longest first."""
        keys = [normalise(t.text) for t in span]
        found: list[tuple[int, int, Entry]] = []
        i = 0
        while i < len(keys):
            for length in range(min(MAX_ALIAS_TOKENS, len(keys) - i), 0, -1):
                entry = self.registry.aliases.get(tuple(keys[i:i + length]))
                if entry and not self.inside_other_name(span, i, i + length, entry) and not opposed(span, i):
                    found.append((i, i + length, entry))
                    i += length
                    break
            else:
                i += 1
        return found

    def inside_other_name(self, span: Span, start: int, end: int, entry: Entry) -> bool:
        """A state or capital name that is only part of a longer named entity ("the Moscow
        Times") is not an actor, unless it opens the name of a body of a sector: "the Montenegro
        Assembly", "Baghdad University" are that state's. ("Malawi 12 million dollars" is no name.)"""
        if entry.kind not in ("state", "capital", "region"):
            return False
        for token in span[start:end]:
            if token.ent_type_ in NAME_ENTITY_TYPES:
                ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
                if ent is not None and (ent.end - ent.start) > (end - start) + (1 if ent[0].lower_ == "the" else 0) \
                        and not any(t.like_num for t in ent) \
                        and not (ent.label_ == "ORG" and span[start].i == ent.start + (ent[0].lower_ == "the")
                                 and self.sector_of(ent) is not None):
                    return True
        return False

    def sector_of(self, span: Span) -> str | None:
        """Sector from the head noun and the words before it ("air force", "foreign minister")."""
        words = [t.lower_ for t in span if not t.is_punct]
        lemmas = [t.lemma_.lower() for t in span if not t.is_punct]
        for length in (3, 2, 1):
            for seq in (words, lemmas):
                for end in range(len(seq), length - 1, -1):
                    sector = self.registry.sector_terms.get(tuple(seq[end - length:end]))
                    if sector:
                        return sector
        return None

    def resolve(self, span: Span, on: str | None = None) -> Actor | None:
        """None for pronouns and empty spans; otherwise an Actor, resolved as far as it goes.
        `on` (an ISO day) lets a title without a name resolve to whoever held it then."""
        text = span.text.strip()
        if not text or (len(span) == 1 and span[0].lower_ in PRONOUNS and not span[0].text.isupper()):
            return None
        matches = self.find_aliases(span)
        specific = next((m for m in matches if m[2].kind == "person"), None) or next(
            (m for m in matches if m[2].kind in ("organization", "metonym")), None)
        person = next((e for e in span.ents if e.label_ == "PERSON"), None)
        if specific:
            start, end, entry = specific
            actor_id = entry.actor_id or (f"{entry.code}-{entry.sector}" if entry.sector else entry.code)
            if entry.kind != "person" and person is not None and person.start >= span.start + end:
                # "Syrian army general Nadim Haddad": a person of that organisation
                return Actor(text, entry.code, entry.sector, person.text,
                             f"{entry.code}-{entry.sector}" if entry.sector else entry.code)
            return Actor(text, entry.code, entry.sector, entry.name, actor_id)
        if matches and matches[0][0] > 0 and span[matches[0][0] - 1].lower_ == "ethnic":
            # "ethnic Albanians in Serbia": a people, not the state of that name
            return Actor(text, None, self.sector_of(span) or "CVL", None)
        country = next((m[2] for m in matches), None)
        office = self.registry.office_in([t.lower_ for t in span if not t.is_punct])
        if office and country is not None and person is None:
            holder = self.registry.holder(office, country.code, on) if on else None
            if holder is not None:  # "the Russian foreign minister" -> who held the post that day
                return Actor(text, holder.code, holder.sector, holder.name, holder.actor_id)
        sector = self.sector_of(span) or (self.registry.office_sectors.get(office) if office else None)
        if country is None and sector is None and person is None:
            named = next((e for e in span.ents if e.label_ in ("ORG", "NORP", "GPE")), None)
            return Actor(text, name=named.text if named else None)
        if country is not None and sector is None and country.kind == "capital":
            sector = "GOV"
        name = person.text if person is not None else country.name if country is not None else None
        code = country.code if country is not None else None
        actor_id = f"{code}-{sector}" if code and sector else code
        return Actor(text, code, sector, name, actor_id)


class ArticleActors:
    """Resolution within one article: its date for titles, and the people it has named so far,
    so that a later "Lavrov" or a "he" the parse ties to one person lands on the same actor."""

    def __init__(self, resolver: Resolver, on: str | None) -> None:
        self.resolver = resolver
        self.on = on
        self.by_surname: dict[str, Actor] = {}

    def resolve(self, span: Span) -> Actor | None:
        if len(span) == 1 and span[0].lower_ in PERSONAL_PRONOUNS:
            return self.antecedent_of(span[0])
        if len(span) == 1 or (len(span) == 2 and span[0].lower_ == "the"):
            known = self.by_surname.get(span[-1].text)
            if known is not None and span[-1].pos_ == "PROPN":
                return Actor(span.text.strip(), known.code, known.sector, known.name, known.actor_id)
        actor = self.resolver.resolve(span, self.on)
        if actor is not None and actor.name and (actor.actor_id in self.resolver.registry.people or any(
                e.label_ == "PERSON" and len(e) > 1 for e in span.ents)):
            self.learn(actor)
        return actor

    def learn(self, person: Actor) -> None:
        assert person.name
        surname = person.name.split()[-1]
        known = self.by_surname.get(surname)
        if known is None or (known.code is None and person.code):  # "Andrew McCabe", then "FBI Deputy Director Andrew McCabe"
            self.by_surname[surname] = person

    def meet(self, docs: Iterable[Doc]) -> None:
        """Learn the people the article names in full, before resolving anything in it: a later
        stage may meet "May" or "he" before the sentence that says "Theresa May". A person named
        under a title that gives a state ("Russian presidential aide Yury Ushakov", "FBI Deputy
        Director Andrew McCabe") is learnt with that state's code, even where the tagger finds only the
        surname ("Ushakov" in "aide Yury Ushakov"); a bare surname alone teaches nothing."""
        for doc in docs:
            for entity in doc.ents:
                if entity.label_ != "PERSON":
                    continue
                titled = titled_name(entity)
                actor = self.resolver.resolve(titled, self.on) if titled is not None else None
                if actor is not None and actor.code and actor.name == entity.text:
                    self.learn(actor)
                elif len(entity) > 1:
                    self.resolve(entity)

    def antecedent_of(self, pronoun: Token) -> Actor | None:
        """"he"/"she" when exactly one person is named before it in its sentence."""
        people = {e.text: e for e in pronoun.sent.ents if e.label_ == "PERSON" and e.end <= pronoun.i}
        if len(people) != 1:
            return None
        actor = self.resolve(next(iter(people.values())))
        if actor is None:
            return None
        return Actor(pronoun.text, actor.code, actor.sector, actor.name, actor.actor_id)


TITLE_DEPENDENCIES = ("compound", "amod", "nmod")


def titled_name(entity: Span) -> Span | None:
    """A person's name with the title words parsed as modifying it; None when there are none."""
    titles = [c for c in entity.root.lefts if c.dep_ in TITLE_DEPENDENCIES and c.i < entity.start]
    if not titles:
        return None
    return entity.doc[min(t.left_edge.i for t in titles):entity.end]
