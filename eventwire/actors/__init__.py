"""Actors: resolve a mention ("the US air force", "Moscow", "Syrian rebels") to a canonical actor.

The registry lives in `data/*.csv` (countries with names, adjectives and capitals; metonyms
such as "the Kremlin"; organisations and armed groups; sector nouns) and can be extended with
a user file of the same shape as `organizations.csv`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.tokenizer import Tokenizer
from spacy.tokens import Span

from eventwire.model import Actor

MAX_ALIAS_TOKENS = 8
PRONOUNS = {"i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "this",
            "that", "these", "those", "who", "which", "what", "whom", "itself", "themselves"}
# Entities whose own name may contain a place name that then means nothing ("Washington Post").
NAME_ENTITY_TYPES = {"ORG", "PERSON", "WORK_OF_ART", "FAC", "PRODUCT", "EVENT", "LAW"}


@dataclass(frozen=True, slots=True)
class Entry:
    """One registry entry an alias points to."""

    code: str
    name: str
    kind: str  # state | adjective | capital | metonym | organization
    sector: str | None = None
    actor_id: str | None = None


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
        for row in csv.DictReader(data.joinpath("sector_terms.csv").read_text("utf-8").splitlines()):
            self.sector_terms.setdefault(tuple(row["term"].lower().split()), row["sector"])

    def load_organizations(self, lines: Iterable[str]) -> None:
        for row in csv.DictReader(lines):
            entry = Entry(row["code"], row["name"], "organization", row.get("sector") or None,
                          row.get("actor_id") or None)
            for alias in [row["name"], *split_aliases(row.get("aliases", ""))]:
                self.add(alias, entry)


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
                if entry and not self.inside_other_name(span, i, i + length, entry):
                    found.append((i, i + length, entry))
                    i += length
                    break
            else:
                i += 1
        return found

    @staticmethod
    def inside_other_name(span: Span, start: int, end: int, entry: Entry) -> bool:
        """A state or capital name that is only part of a longer named entity is not an actor."""
        if entry.kind not in ("state", "capital"):
            return False
        for token in span[start:end]:
            if token.ent_type_ in NAME_ENTITY_TYPES:
                ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
                if ent is not None and (ent.end - ent.start) > (end - start) + (1 if ent[0].lower_ == "the" else 0):
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

    def resolve(self, span: Span) -> Actor | None:
        """None for pronouns and empty spans; otherwise an Actor, resolved as far as it goes."""
        text = span.text.strip()
        if not text or (len(span) == 1 and span[0].lower_ in PRONOUNS and not span[0].text.isupper()):
            return None
        matches = self.find_aliases(span)
        specific = next((m for m in matches if m[2].kind in ("organization", "metonym")), None)
        if specific:
            entry = specific[2]
            actor_id = entry.actor_id or (f"{entry.code}-{entry.sector}" if entry.sector else entry.code)
            return Actor(text, entry.code, entry.sector, entry.name, actor_id)
        country = next((m[2] for m in matches), None)
        sector = self.sector_of(span)
        person = next((e for e in span.ents if e.label_ == "PERSON"), None)
        if country is None and sector is None and person is None:
            named = next((e for e in span.ents if e.label_ in ("ORG", "NORP", "GPE")), None)
            return Actor(text, name=named.text if named else None)
        if country is not None and sector is None and country.kind == "capital":
            sector = "GOV"
        name = person.text if person is not None else country.name if country is not None else None
        code = country.code if country is not None else None
        actor_id = f"{code}-{sector}" if code and sector else code
        return Actor(text, code, sector, name, actor_id)
