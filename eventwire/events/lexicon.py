"""The trigger lexicon (data/triggers.yaml) and the cheap candidate-sentence test built from it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from spacy.tokens import Span

VOWELS = set("aeiou")


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    mode: str | None
    words: tuple[str, ...]  # verb + particle, or the noun phrase


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, tuple[Trigger, ...]]  # verb lemma -> triggers, particle ones first
    nouns: dict[str, tuple[Trigger, ...]]  # head word -> noun phrases ending in it, longest first
    light_verbs: frozenset[str]
    reporting: dict[str, str]  # verb lemma -> stance
    modality: dict[str, str]  # auxiliary -> modality
    forms: frozenset[str]  # every surface form that can start a candidate sentence

    def is_candidate(self, sentence: Span) -> bool:
        """True when a token could be a trigger; tokenizer output only, no parse needed."""
        forms = self.forms
        return any(token.lower_ in forms for token in sentence)


def inflections(word: str) -> set[str]:
    """Regular English inflections, generous on purpose: a superset only costs a parse."""
    forms = {word, word + "s", word + "ed", word + "ing"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(word + "es")
    if len(word) >= 3 and word[-1] not in VOWELS | {"w", "x", "y"} and word[-2] in VOWELS and word[-3] not in VOWELS:
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


@cache
def load_lexicon() -> Lexicon:
    raw = yaml.safe_load(resources.files("eventwire.events").joinpath("data/triggers.yaml").read_text("utf-8"))
    verbs: dict[str, list[Trigger]] = {}
    forms: set[str] = set()
    for key, (type_, mode) in raw["verbs"].items():
        words = tuple(key.split())
        verbs.setdefault(words[0], []).append(Trigger(type_, mode, words))
        forms |= inflections(words[0])
    nouns: dict[str, list[Trigger]] = {}
    for key, (type_, mode) in raw["nouns"].items():
        words = tuple(key.split())
        nouns.setdefault(words[-1], []).append(Trigger(type_, mode, words))
        forms |= inflections(words[-1])
    for irregular in raw["irregular"].values():
        forms |= set(irregular)
    reporting = {verb: stance for stance, items in raw["reporting_verbs"].items() for verb in items}
    modality = {word: kind for kind, items in raw["modality"].items() for word in items}
    return Lexicon(
        verbs={k: tuple(sorted(v, key=lambda t: -len(t.words))) for k, v in verbs.items()},
        nouns={k: tuple(sorted(v, key=lambda t: -len(t.words))) for k, v in nouns.items()},
        light_verbs=frozenset(raw["light_verbs"]), reporting=reporting, modality=modality,
        forms=frozenset(forms))
