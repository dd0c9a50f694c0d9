"""The trigger lexicon (data/triggers.yaml) and the cheap candidate-sentence test built from it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from spacy.tokens import Span

from eventwire.nlp import inflections

INNER_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    mode: str | None
    words: tuple[str, ...]  # verb + particle, or the noun phrase


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, tuple[Trigger, ...]]  # verb lemma -> triggers, particle ones first
    verb_objects: dict[str, tuple[Trigger, ...]]  # verb lemma -> (verb, object lemma) triggers
    nouns: dict[str, tuple[Trigger, ...]]  # head word -> noun phrases ending in it, longest first
    light_verbs: frozenset[str]  # lemmas and their forms (the lemmatizer reads "staged" as "stag")
    reporting: dict[str, str]  # verb lemma -> stance
    modality: dict[str, str]  # auxiliary -> modality
    forms: frozenset[str]  # every surface form that makes a sentence a candidate
    pair_verbs: frozenset[str]  # forms of verb+object triggers' verbs …
    pair_objects: frozenset[str]  # … and objects: a sentence with one of each is a candidate
    intent: dict[str, tuple[str, str | None]]  # deed type -> (type, mode) of announcing it
    intent_heads: frozenset[str]  # "prepared", "vow": an infinitive under them is announced
    future_heads: frozenset[str]  # "preparing to", "the plan to": an infinitive under them is to come
    refusal_heads: frozenset[str]  # "refuse", "reluctant": an infinitive under them is negated
    speculation: frozenset[str]  # "I suspect …": the author's guess, so hypothetical
    appearances: frozenset[str]  # "what looks like a plea": a deed named as a reading, so hypothetical
    possibilities: frozenset[str]  # "the options included strikes": a deed weighed, so hypothetical
    hedges: frozenset[str]  # "probably", "is likely to": a guess at what may happen, so hypothetical
    questions: frozenset[str]  # "asked if", "wondered whether": an if-clause that is a question, not a condition
    wishes: frozenset[str]  # "hopes to", "is considering" (all forms: "hopes" lemmatizes as "hop"): hypothetical
    stance_participles: frozenset[str]  # "is opposed to": a passive form whose subject acts
    permissions: frozenset[str]  # "allowed X to": an authority's concession to its own people
    carried_by: dict[tuple[str, ...], dict[str, Trigger]]  # noun key -> light verb -> its trigger there
    idioms: frozenset[tuple[str, str]]  # (word before, trigger word) that is no event: ("in", "protest")
    joint: dict[str, tuple[str, str | None]]  # type -> (type, mode) when several states do it together
    back_references: frozenset[str]  # "this offensive": a determiner that points back to a told event
    partaking: frozenset[str]  # "engaged in", "took part in" a deed: whose subject does it
    grievances: dict[str, frozenset[str]]  # verb -> prepositions naming what it is about, before "to"
    calling: frozenset[str]  # "called Putin": a phone call when a named party is called
    call_media: frozenset[str]  # "called him on a secure phone": how, not "call on"
    home_targets: frozenset[str]  # types a state's organs do at home when the sentence names no one else
    armed_only: frozenset[str]  # trigger words that are events only when an armed force does them
    commands: frozenset[str]  # verbs whose object does the deed for the subject: "ordered X to"
    topic_verbs: frozenset[str]  # verbs whose object is what is talked about, not a party
    topic_preps: dict[str, frozenset[str]]  # type -> prepositions that name its topic, not a party
    armed_sectors: frozenset[str]
    reciprocal: frozenset[str]  # types that parties do with each other: the first named acts, the rest receive
    means: dict[str, dict[str, frozenset[str]]]  # type -> mode -> words that name it in the clause
    negation_flips: frozenset[str]  # types whose negated verb is a REJECT ("did not agree")
    refusable: frozenset[str]  # types whose deed declined ("declined to resign") is a REJECT
    place_targets: frozenset[str]  # types aimed at the state where they happen, unless told
    noun_preps: dict[str, dict[str, str]]  # "of"/"from" -> type -> the role its phrase plays
    obligation: frozenset[str]  # "must": a that-clause with it under a verb of saying is a demand
    unattributed: frozenset[str]  # types that are events even when no party is named
    verbal: frozenset[str]  # types done by saying: a quotation of their actor performs them
    statement_nouns: frozenset[str]  # "a statement demanding …" speaks for whoever issued it
    recipient_preps: dict[str, frozenset[str]]  # type -> more prepositions that name its recipient
    complements: dict[str, frozenset[str]]  # verb -> what it needs to be an event (deps, prepositions)

    def is_candidate(self, sentence: Span) -> bool:
        """True when a token could be a trigger, or a verb and an object of verb+object triggers
        are both there ("lift" alone, or "curfew" alone, is no reason to parse); tokenizer output
        only, no parse needed."""
        words = {token.lower_ for token in sentence}
        return not words.isdisjoint(self.forms) or (
            not words.isdisjoint(self.pair_verbs) and not words.isdisjoint(self.pair_objects))


def key_words(key: str) -> tuple[str, ...]:
    """A lexicon key as the tokenizer splits its text: "no-fly zone" -> ("no", "-", "fly", "zone")."""
    return tuple(INNER_HYPHEN.sub(" - ", key).split())


def phrase_forms(words: tuple[str, ...], forms: set[str]) -> set[str]:
    """What a candidate sentence must hold for a noun phrase: one of its words. None more when
    one already picks the sentence ("peace talks", "pull-out"); else the head in any inflection,
    or a longer word as written when the head is short and common ("missile test")."""
    if any(word in forms for word in words):
        return set()
    head = words[-1]
    pick = head if len(head) >= 6 else max(reversed([w for w in words if w != "-"]), key=len)
    return inflections(pick) if pick == head else {pick}


@cache
def load_lexicon() -> Lexicon:
    raw = yaml.safe_load(resources.files("eventwire.events").joinpath("data/triggers.yaml").read_text("utf-8"))
    verbs: dict[str, list[Trigger]] = {}
    forms: set[str] = set()
    for key, (type_, mode) in raw["verbs"].items():
        words = key_words(key)
        verbs.setdefault(words[0], []).append(Trigger(type_, mode, words))
        forms |= inflections(words[0])
    verb_objects: dict[str, list[Trigger]] = {}
    pair_verbs: set[str] = set()
    pair_objects: set[str] = set()
    for key, (type_, mode) in raw["verb_objects"].items():
        verb, obj = key.split()
        verb_objects.setdefault(verb, []).append(Trigger(type_, mode, (verb, obj)))
        pair_verbs |= inflections(verb)
        pair_objects |= inflections(obj)
    nouns: dict[str, list[Trigger]] = {}
    phrases: list[tuple[str, ...]] = []
    for key, (type_, mode) in raw["nouns"].items():
        words = key_words(key)
        nouns.setdefault(words[-1], []).append(Trigger(type_, mode, words))
        if len(words) == 1:
            forms |= inflections(words[0])
        else:
            phrases.append(words)
    for words in phrases:  # after single words, which make most phrases candidates already
        forms |= phrase_forms(words, forms)
    for verb, irregular in raw["irregular"].items():
        if verb in verb_objects:
            pair_verbs |= set(irregular)
        if verb not in verbs and verb not in nouns:
            continue  # a form only verb+object triggers need
        forms |= set(irregular)
        for form in irregular:  # a form the lemmatizer leaves as it is ("retook") reads as the verb
            if verb in verbs and form not in verbs:
                verbs[form] = verbs[verb]
    for verb in raw["permissions"]:
        forms |= inflections(verb)
    reporting = {verb: stance for stance, items in raw["reporting_verbs"].items() for verb in items}
    modality = {word: kind for kind, items in raw["modality"].items() for word in items}
    return Lexicon(
        verbs={k: tuple(sorted(v, key=lambda t: -len(t.words))) for k, v in verbs.items()},
        verb_objects={k: tuple(v) for k, v in verb_objects.items()},
        nouns={k: tuple(sorted(v, key=lambda t: -len(t.words))) for k, v in nouns.items()},
        light_verbs=frozenset(form for verb in raw["light_verbs"]
                              for form in inflections(verb) | set(raw["irregular"].get(verb, ()))),
        reporting=reporting, modality=modality,
        forms=frozenset(forms), pair_verbs=frozenset(pair_verbs), pair_objects=frozenset(pair_objects),
        intent={deed: (type_, mode) for type_, rows in raw["intent"].items() for deed, mode in rows.items()},
        intent_heads=frozenset(raw["intent_heads"]), future_heads=frozenset(raw["future_heads"]),
        refusal_heads=frozenset(raw["refusal_heads"]),
        speculation=frozenset(raw["speculation"]), hedges=frozenset(raw["hedges"]),
        appearances=frozenset(raw["appearances"]), possibilities=frozenset(raw["possibilities"]),
        questions=frozenset(raw["questions"]),
        wishes=frozenset(form for verb in raw["wishes"] for form in inflections(verb)), negation_flips=frozenset(raw["negation_flips"]),
        refusable=frozenset(raw["refusable"]),
        stance_participles=frozenset(raw["stance_participles"]), permissions=frozenset(raw["permissions"]),
        idioms=frozenset(tuple(idiom.split()) for idiom in raw["idioms"]),
        joint={deed: tuple(together) for deed, together in raw["joint"].items()},
        back_references=frozenset(raw["back_references"]),
        reciprocal=frozenset(raw["reciprocal"]),
        home_targets=frozenset(raw["home_targets"]),
        armed_only=frozenset(raw["armed_only"]), armed_sectors=frozenset(raw["armed_sectors"]),
        commands=frozenset(raw["commands"]), topic_verbs=frozenset(raw["topic_verbs"]),
        topic_preps={t: frozenset(preps) for t, preps in raw["topic_preps"].items()},
        partaking=frozenset(raw["partaking"]), calling=frozenset(raw["calling"]),
        grievances={verb: frozenset(preps) for verb, preps in raw["grievances"].items()},
        call_media=frozenset(raw["call_media"]),
        carried_by={key_words(noun): {verb: Trigger(t, m, key_words(noun)) for verb, (t, m) in by_verb.items()}
                    for noun, by_verb in raw["carried_by"].items()},
        means={t: {mode: frozenset(words) for mode, words in modes.items()} for t, modes in raw["means"].items()},
        place_targets=frozenset(raw["place_targets"]),
        noun_preps={prep: dict(roles) for prep, roles in raw["noun_preps"].items()},
        obligation=frozenset(raw["obligation"]), unattributed=frozenset(raw["unattributed"]),
        verbal=frozenset(raw["verbal"]),
        statement_nouns=frozenset(raw["statement_nouns"]),
        recipient_preps={t: frozenset(words) for t, words in raw["recipient_preps"].items()},
        complements={verb: frozenset(deps) for verb, deps in raw["complements"].items()})
