"""Who says so (DESIGN §3): the frame an event is told in, and denials linked to their claims.

An event in a clause that a verb of saying governs ("Moscow said its jets struck …"), after
"according to", inside an accusation ("accused Russia of striking …"), under "reportedly", or in
a direct quotation rests on someone's word, not the article's. A party's word makes it `claimed`,
the press's or nobody's `reported`, a denial's `denied`. A denial that answers a claim told
earlier ("Moscow denies this") is linked to it: the claim keeps its claimant, becomes `denied`
and names the deniers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import yaml
from spacy.tokens import Token

from eventwire.model import Actor, Attribution, Event, Paragraph, Quote

Resolve = Callable[[Token], Actor | None]  # a speaker's token (head of its phrase) to an actor
SUBJECTS = ("nsubj", "nsubjpass")
ASIDE_MARKS = {",", "—", "–", "("}  # what sets a relative clause off as an aside


@dataclass(frozen=True, slots=True)
class Frames:
    speech: dict[str, str]  # verb of saying -> stance of what it governs (triggers.yaml)
    accusations: dict[str, frozenset[str]]  # "accuse" -> {"of"}: the deed follows the preposition
    claim_nouns: dict[str, str]  # "claim" -> claimed, "report" -> reported
    hearsay: dict[str, str]  # "reportedly" -> reported
    said_to: dict[str, str]  # "is said to have": passive verb -> stance
    press_sectors: frozenset[str]
    press_words: frozenset[str]
    denial_verbs: frozenset[str]
    denied_objects: frozenset[str]
    denial_reach: int
    blame_words: frozenset[str]
    blame_preps: frozenset[str]
    as_said: frozenset[str]


@cache
def load_frames(speech: tuple[tuple[str, str], ...]) -> Frames:
    raw = yaml.safe_load(resources.files("eventwire.events").joinpath("data/attribution.yaml").read_text("utf-8"))
    by_stance = lambda table: {word: stance for stance, words in table.items() for word in words}  # noqa: E731
    return Frames(
        speech=dict(speech),
        accusations={verb: frozenset(preps) for verb, preps in raw["accusations"].items()},
        claim_nouns=by_stance(raw["claim_nouns"]), hearsay=by_stance(raw["hearsay"]),
        said_to=by_stance(raw["said_to"]), press_sectors=frozenset(raw["press_sectors"]),
        press_words=frozenset(raw["press_words"]), denial_verbs=frozenset(raw["denial_verbs"]),
        denied_objects=frozenset(raw["denied_objects"]), denial_reach=raw["denial_reach"],
        blame_words=frozenset(raw["blame"]["words"]), blame_preps=frozenset(raw["blame"]["prepositions"]),
        as_said=frozenset(raw["as_said"]))


@dataclass(frozen=True, slots=True)
class Frame:
    stance: str
    speaker: Token | None  # None: "reportedly", "it is said", a report with no named source
    neutral: bool  # a plain verb of saying: claimed when a party speaks, reported when the press does


class Attributor:
    """Who says so, from an event's clause and the quotation it may be told in."""

    def __init__(self, frames: Frames) -> None:
        self.frames = frames

    def attribution(self, frame: Frame | None, resolve: Resolve, quote: Quote | None,
                    performed: bool = False, actors: list[Actor] | tuple[()] = ()) -> Attribution:
        """Who says so: the frame the event's clause is told in (`frame_of`), else the quotation it
        is told in, else the article's own word. `performed`: the event is a verbal act (a threat,
        demand, accusation …), which a quotation of its own actor performs rather than claims."""
        if frame is None:
            if quote is None:
                return Attribution()
            if performed and performs(actors, quote.speaker):
                return Attribution(quote_id=quote.id)  # “we reserve the right to respond”: the quote is the threat
            return Attribution(source=quote_source(quote), stance="claimed", speaker=quote.speaker,
                               quote_id=quote.id)
        speaker = resolve(frame.speaker) if frame.speaker is not None else None
        stance = frame.stance
        if frame.neutral:
            stance = "reported" if frame.speaker is None or self.is_press(frame.speaker, speaker) else "claimed"
        if frame.speaker is not None and frame.speaker.pos_ == "PRON" and not (
                speaker and (speaker.code or speaker.name or speaker.sector)):
            speaker = None  # an "it" or "they" the article leaves unresolved names no one
        elif speaker is None and frame.speaker is not None:
            speaker = Actor(frame.speaker.text)  # "a lawyer said": a speaker the registry does not know
        if performed and frame.neutral and stance != "reported" and speaker is not None and speaker.code and \
                performs(actors, speaker):  # the press reports a party's demand, it does not make it
            return Attribution(quote_id=quote.id if quote else None)  # "Shoigu said Russia reserves the right to respond"
        source = (speaker.name or speaker.text) if speaker else None
        return Attribution(source=source, stance=stance, speaker=speaker,
                           quote_id=quote.id if quote else None)

    def frame_of(self, clause: Token) -> Frame | None:
        """Up from the event's clause to the nearest frame that governs it, within its sentence."""
        node = clause
        while True:
            frame = self.own_frame(node)
            if frame is not None:
                return frame
            if node.head.i == node.i or told_in_passing(node):
                return None
            node = node.head

    def own_frame(self, node: Token) -> Frame | None:
        frames = self.frames
        head = node.head
        for child in node.children:
            if child.dep_ == "advmod" and child.lower_ in frames.hearsay:
                return Frame(frames.hearsay[child.lower_], None, False)
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as" for m in child.children) and (
                    child.lemma_.lower() in frames.speech or child.lemma_.lower() in frames.as_said):
                # "as one columnist pointed out, the protesters forced Macron to …"
                stance = frames.speech.get(child.lemma_.lower(), "reported")
                return Frame(stance, subject_of(child), stance == "reported")
            if child.dep_ == "prep" and child.lower_ == "according":
                sources = [g for to in child.children for g in to.children if g.dep_ == "pobj"]
                return Frame("reported", sources[0] if sources else None, True)
        if head.i == node.i:
            return None
        lemma = head.lemma_.lower()
        if node.dep_ == "ccomp" and head.pos_ in ("VERB", "AUX"):
            if lemma in frames.denial_verbs:
                return Frame("denied", subject_of(head), False)
            if lemma in frames.speech:
                stance = frames.speech[lemma]
                return Frame(stance, subject_of(head), stance == "reported")
        if node.dep_ == "xcomp" and lemma in frames.said_to and any(c.dep_ == "auxpass" for c in head.children):
            return Frame(frames.said_to[lemma], agent_of(head), False)
        if node.dep_ in ("pcomp", "pobj") and head.dep_ == "prep":
            accuser = head.head
            if head.lower_ in frames.accusations.get(accuser.lemma_.lower(), ()):
                return Frame("claimed", agent_of(accuser) or subject_of(accuser), False)
            if accuser.lemma_.lower() in frames.denial_verbs:  # "denied involvement in the attack"
                return Frame("denied", subject_of(accuser), False)
            if head.lower_ == "of" and accuser.pos_ in ("NOUN", "PROPN") and accuser.lemma_.lower() in frames.claim_nouns:
                # "reports of an attack on the convoy", "allegations of torture by the police"
                return Frame(frames.claim_nouns[accuser.lemma_.lower()], claim_holder(accuser), False)
        if node.dep_ in ("ccomp", "advcl", "prep") and head.pos_ in ("VERB", "AUX") and (
                node.dep_ != "prep" or node.lower_ == "of"):
            subject = subject_of(head)  # through "began to circulate": the subject of the verb it completes
            said = subject if subject is not None and subject.lemma_.lower() in frames.claim_nouns else None
            if said is not None:  # "reports have been circulating that …", "reports have appeared of an attack"
                return Frame(frames.claim_nouns[said.lemma_.lower()], claim_holder(said), False)
        if node.dep_ in ("acl", "ccomp") and head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in frames.claim_nouns:
            stance = frames.claim_nouns[head.lemma_.lower()]
            return Frame(stance, claim_holder(head), False)
        if node.dep_ in ("dobj", "pcomp") and lemma in frames.denial_verbs and node.pos_ == "VERB":
            return Frame("denied", subject_of(head), False)  # "denied launching the strike"
        return None

    def accused(self, prep: Token) -> list[Token]:
        """Whom an accusation's preposition puts the deed on: "accused Russia of striking" (the
        object), "Russia was accused of striking" (the passive subject)."""
        accuser = prep.head
        if prep.lower_ not in self.frames.accusations.get(accuser.lemma_.lower(), ()):
            return []
        return [c for c in accuser.children if c.dep_ in ("dobj", "nsubjpass")]

    def blamed_for(self, prep: Token) -> bool:
        """"was responsible for", "is to blame for": a deed put on the clause's subject."""
        head = prep.head
        return prep.lower_ in self.frames.blame_preps and head.lower_ in self.frames.blame_words and \
            head.dep_ in ("acomp", "xcomp") and head.head.i != head.i

    def is_press(self, token: Token, speaker: Actor | None) -> bool:
        if speaker is not None and speaker.sector in self.frames.press_sectors:
            return True
        if speaker is not None and speaker.code and speaker.sector and speaker.sector not in self.frames.press_sectors:
            return False  # "the Russian defence ministry": a party, whatever words its name holds
        words = {t.lower_ for t in token.subtree} if token.dep_ != "ROOT" else {token.lower_}
        return not words.isdisjoint(self.frames.press_words)

    # --- denials ------------------------------------------------------------------------

    def denies_a_claim(self, token: Token) -> bool:
        """"Moscow denies this", "dismissed the allegations": a denial verb whose object points
        back to something said before (its that-clause, if any, is handled as a frame)."""
        if token.lemma_.lower() not in self.frames.denial_verbs:
            return False
        objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        if not objects:  # "Moscow denies.", "Tehran denied that its boats were involved"
            return not any(c.dep_ == "xcomp" for c in token.children)
        return any(o.lower_ in self.frames.denied_objects or o.lemma_.lower() in self.frames.denied_objects
                   for o in objects)


def told_in_passing(node: Token) -> bool:
    """An aside set off from its sentence ("McCabe, who arranged the interview, suggested …",
    "the interview — the one that led to his plea —"): the writer's background, not part of what
    the sentence's speaker says."""
    if node.dep_ == "appos":
        return True
    if node.dep_ != "relcl":
        return False
    before = node.left_edge.i - 1
    return before >= 0 and node.doc[before].text in ASIDE_MARKS


def performs(actors: list[Actor] | tuple[()], speaker: Actor | None) -> bool:
    """A verbal act its speaker does by saying it: the speaker is its actor, or it names none ("we")."""
    codes = {a.code for a in actors if a.code}
    return not codes or (speaker is not None and speaker.code in codes)


def subject_of(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if subjects:
        return subjects[0]
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return subject_of(verb.head)  # "stressed … and said that …"
    return None


def agent_of(verb: Token) -> Token | None:
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return agents[0] if agents else None


def claim_holder(noun: Token) -> Token | None:
    """Whose claim: "Washington's claim", "claims by Kiev", "a report from Reuters", "Reuters report"."""
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            for g in child.children:
                if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN") and g.ent_type_ in ("ORG", "GPE", "NORP", "PERSON"):
                    return g
    return None


def quote_source(quote: Quote) -> str | None:
    if quote.speaker is None:
        return quote.speaker_text
    return quote.speaker.name or quote.speaker.text


def quote_at(quotes: list[Quote], paragraph: Paragraph, offset: int) -> Quote | None:
    """The quotation that holds the character at `offset` of the paragraph."""
    line, column = source_position(paragraph, offset)
    for quote in quotes:
        start = (quote.evidence.line, quote.evidence.start)
        end_line = quote.evidence.line + quote.text.count("\n")
        last = quote.text.rsplit("\n", 1)
        end_column = (quote.evidence.start if len(last) == 1 else 0) + len(last[-1])
        if start <= (line, column) < (end_line, end_column):
            return quote
    return None


def source_position(paragraph: Paragraph, offset: int) -> tuple[int, int]:
    """(line, column) in the source file of a paragraph's character, as Evidence counts them."""
    before = paragraph.text[:offset]
    newlines = before.count("\n")
    if newlines:
        return paragraph.line + newlines, offset - (before.rfind("\n") + 1)
    return paragraph.line, paragraph.column + offset


def link_denials(events: list[Event], denials: set[str], reach: int,
                 clause_denials: set[str] | frozenset[str] = frozenset(),
                 verbal: frozenset[str] = frozenset()) -> list[Event]:
    """Each denial (the ids of REJECT events that deny something said before) linked to the
    latest claim before it, at most `reach` event-bearing sentences back, that the deniers did not
    make themselves: one whose actors include a denier (the accused denies), a deed before a word
    (`verbal` types: "rejected the accusation" answers the poisoning, not the "ignored her
    deadline" told since), else the latest. An
    accusation stands for its claim when no claimed event was found in it. The claim becomes
    `denied` and names the deniers; a denial whose text names no recipient answers the claimant.
    A denial with a clause of its own (`clause_denials`: "denied that its boats attacked …")
    denies the deed that clause tells, and touches no earlier claim."""
    sentence_of = dict(zip((e.id for e in events), sentence_numbers(events)))
    position_of = {e.id: i for i, e in enumerate(events)}
    linked = {e.id: e for e in events}
    for position, event in enumerate(events):
        if event.id not in denials:
            continue
        denial = linked[event.id]
        if event.id in clause_denials:  # "Tehran denied that its boats attacked the tankers": the deed it tells
            told = [e for e in events[position + 1:] if sentence_of[e.id] == sentence_of[event.id]
                    and e.attribution.stance == "denied" and not e.attribution.denied_by]
            if told:
                denial = linked[event.id]
                linked[event.id] = replace(denial, attribution=replace(denial.attribution, denies=told[0].id))
            continue
        earlier = [linked[e.id] for e in events[:position]
                   if sentence_of[event.id] - sentence_of[e.id] <= reach and e.id not in denials]
        deniers = {a.code for a in denial.actor if a.code}
        # claims, and accusations (whose recipient is the accused), that the deniers did not make themselves
        claims = [e for e in earlier if not (e.attribution.speaker and e.attribution.speaker.code in deniers)
                  and (e.attribution.stance != "asserted" or e.type == "ACCUSE")]
        if not claims:
            continue
        on_deniers = [c for c in claims if deniers & accused(c)]
        claim = next((c for c in reversed(on_deniers) if c.type not in verbal),
                     on_deniers[-1] if on_deniers else claims[-1])
        if claim.type == "ACCUSE" and claim.attribution.stance == "asserted":
            # "accused Syria of dropping a nerve agent, … killed 80": the deed the accusation tells
            claim = next((c for c in claims if sentence_of[c.id] == sentence_of[claim.id]
                          and c.attribution.stance != "asserted" and position_of[c.id] > position_of[claim.id]), claim)
        denied_by = claim.attribution.denied_by + [a for a in denial.actor if a not in claim.attribution.denied_by]
        # a denied accusation was still made: it keeps its stance and lists who denies it
        stance = claim.attribution.stance if claim.attribution.stance == "asserted" else "denied"
        linked[claim.id] = replace(claim, attribution=replace(claim.attribution, stance=stance, denied_by=denied_by))
        claimant = [claim.attribution.speaker] if claim.attribution.speaker else \
            (claim.actor if claim.type == "ACCUSE" else [])
        named = any(r.code for r in denial.recipient)  # "denied the accusation" names no one it answers
        linked[event.id] = replace(denial, recipient=denial.recipient if named or not claimant else claimant,
                                   attribution=replace(denial.attribution, denies=claim.id))
    return [linked[e.id] for e in events]


def accused(claim: Event) -> set[str]:
    """Whom a claim puts the deed on: an accusation's recipient, another claim's actor."""
    parties = claim.recipient if claim.type == "ACCUSE" and claim.attribution.stance == "asserted" else claim.actor
    return {p.code for p in parties if p.code}


def sentence_numbers(events: list[Event]) -> list[int]:
    """A running sentence number per event (events come in text order, several per sentence)."""
    numbers, current, last = [], 0, None
    for event in events:
        key = (event.evidence.line, event.evidence.start)
        if key != last:
            current += 1
            last = key
        numbers.append(current)
    return numbers
