"""Score event extraction against two kinds of gold, told apart by their content.

- PLOVER gold standard records (GSR, a JSON array from openeventdata/PLOVER): one sentence each,
  with its event type and source/target actors. Scored on the event type (per-type P/R/F1 and
  macro-F1) and, where the type is right, on actor and recipient codes.
- Our labelled pages (gold/events/FORMAT.md): every event of a page by line, type and trigger.
  Scored on finding the events and on the fields (codes, stance, modality, …) of those found.

Gold names sentences by record id or line number; nothing here prints or stores their text.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from eventwire.evaluation.pages import GoldError, find_source
from eventwire.model import Actor, Article, ArticleSignals, Document, Event, Paragraph, Quote, stable_id
from eventwire.pipeline import Pipeline
from eventwire.sources import read_file

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
# Type names of the PLOVER draft the GSR was coded with -> (current type, mode it implies).
OLD_TYPE_NAMES = {"DEMAND": ("REQUEST", None), "DISAPPROVE": ("ACCUSE", None),
                  "INVESTIGATE": ("ACCUSE", "investigate"), "FIGHT": ("ASSAULT", None)}
# Mode names of that draft -> the mode names we use (DESIGN §3): the draft split demonstrations
# and riots by organised/spontaneous and named strikes and killings by kind.
OLD_MODE_NAMES = {"demo-org": "demo", "demo-spon": "demo", "riot-org": "riot", "riot-spon": "riot",
                  "strike-hun": "hunger", "strike-gen": "strike", "assassinate": "targeted",
                  "confiscate": "seize", "curfew": "restrict"}
# GSR actor codes in our scheme (DESIGN §4). The GSR is ISO alpha-3 except for a few CAMEO
# leftovers; Hong Kong falls under China since we code states only; "ISM" (a religion) is no
# state or organisation, so those actors have no code.
GSR_CODES: dict[str, str | None] = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "HKG": "CHN", "ISM": None}
# The GSR codes UN bodies as IGO like any intergovernmental body; we keep them apart as UNO.
PREDICTED_AS_GSR = {"UNO": "IGO"}
# The GSR sets every date to this placeholder (its readme): no date to read titles by.
GSR_PLACEHOLDER_DATE = "2000-01-01"
NO_TYPE = "none"  # what a record was predicted as when eventwire found no event in it
WORD = re.compile(r"[\w-]+")


def scores(matched: int, gold: int, predicted: int) -> dict[str, float | int]:
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1,
            "gold": gold, "predicted": predicted, "matched": matched}


@dataclass
class Agreement:
    """How often one field of the found events agrees with the gold, where the gold gives it."""

    correct: int = 0
    scored: int = 0

    def add(self, agrees: bool) -> None:
        self.scored += 1
        self.correct += agrees

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "scored": self.scored,
                "accuracy": self.correct / self.scored if self.scored else None}


def codes_of(participants: list[Actor], rename: dict[str, str] | None = None) -> frozenset[str]:
    rename = rename or {}
    return frozenset(rename.get(p.code, p.code) for p in participants if p.code)


def gold_codes(value: list[str] | str) -> frozenset[str]:
    """A gold file's codes: a list, or one code written bare."""
    return frozenset([value] if isinstance(value, str) else value)


def show_codes(codes: Iterable[str]) -> str:
    return "[" + " ".join(sorted(codes)) + "]"


def words(text: str | None) -> set[str]:
    return set(WORD.findall(text.lower())) if text else set()


def describe(event: Event | None) -> str:
    """An event by eventwire's own short fields: type, trigger and codes."""
    if event is None:
        return NO_TYPE
    return (f"{event.type} '{event.trigger or ''}' {show_codes(codes_of(event.actor))} -> "
            f"{show_codes(codes_of(event.recipient))}")


# --- PLOVER gold standard records ---------------------------------------------------------------


@dataclass(frozen=True)
class GsrRecord:
    id: str
    text: str
    type: str
    mode: str | None
    actor: frozenset[str]
    recipient: frozenset[str]
    event_words: frozenset[str]  # the words the GSR marks as the event ("agreed cooperate")
    date: str | None
    reciprocal: bool  # "X and Y agreed": the GSR lists both as source (SRC/TAR) and has no target


def is_gsr_record(item: Any) -> bool:
    return isinstance(item, dict) and {"id", "event", "text"} <= item.keys()


def gsr_codes(participants: Any) -> frozenset[str]:
    """A source/target field (a list of actors; "" or a stray word where there is none) as codes."""
    if not isinstance(participants, list):
        return frozenset()
    mapped = (GSR_CODES.get(p["code"], p["code"]) for p in participants if p.get("code"))
    return frozenset(code for code in mapped if code)


def read_gsr(items: list[Any], origin: Path) -> list[GsrRecord]:
    records = []
    for item in items:
        if not is_gsr_record(item) or item["event"] == "DOCUMENT":
            continue
        type_, mode = OLD_TYPE_NAMES.get(item["event"], (item["event"], None))
        if type_ not in PLOVER_TYPES:
            raise GoldError(f"{origin}: {item['id']}: unknown event type {item['event']!r}")
        markup = item.get("textInfo")
        markup = markup.get("markup", "") if isinstance(markup, dict) else str(markup or "")
        recipient = gsr_codes(item.get("target"))
        records.append(GsrRecord(
            id=item["id"], text=item["text"], type=type_,
            mode=mode or OLD_MODE_NAMES.get(item.get("mode"), item.get("mode")) or None,
            actor=gsr_codes(item.get("source")), recipient=recipient,
            event_words=frozenset(words(item.get("eventText"))),
            date=None if item.get("date") == GSR_PLACEHOLDER_DATE else item.get("date"),
            reciprocal="SRC/TAR" in markup and not recipient))
    return records


def gsr_article(record: GsrRecord) -> Article:
    """The record's sentence as a one-paragraph article; evidence then names the record id."""
    return Article(id=stable_id("a", record.id), document_id=stable_id("d", record.id), source=record.id,
                   paragraphs=[Paragraph(record.text, 1)], published=record.date,
                   published_precision="day" if record.date else None)


def best_event(record: GsrRecord, events: list[Event]) -> Event | None:
    """The event a record is scored on, when its sentence gave several: first one of the gold type
    (the record counts as that type if eventwire emits it at all), then one whose trigger is among
    the words the GSR marks as the event, then the one sharing most codes with the gold actor and
    recipient, then the first in the sentence."""
    def rank(event: Event) -> tuple[bool, bool, int]:
        shared = (len(codes_of(event.actor, PREDICTED_AS_GSR) & record.actor)
                  + len(codes_of(event.recipient, PREDICTED_AS_GSR) & record.recipient))
        return event.type == record.type, bool(words(event.trigger) & record.event_words), shared
    return max(events, key=rank, default=None)


@dataclass
class GsrResult:
    record: GsrRecord
    event: Event | None  # the event it is scored on (best_event)
    events: int  # how many eventwire emitted for the sentence

    @property
    def predicted_type(self) -> str:
        return self.event.type if self.event else NO_TYPE

    @property
    def type_right(self) -> bool:
        return self.predicted_type == self.record.type

    def actor(self) -> frozenset[str]:
        return codes_of(self.event.actor, PREDICTED_AS_GSR) if self.event else frozenset()

    def recipient(self) -> frozenset[str]:
        return codes_of(self.event.recipient, PREDICTED_AS_GSR) if self.event else frozenset()

    def actor_right(self) -> bool:
        """The exact set of gold codes; a reciprocal record's codes may sit on either side."""
        if self.record.reciprocal:
            return self.actor() | self.recipient() == self.record.actor
        return self.actor() == self.record.actor

    def recipient_right(self) -> bool:
        return self.record.reciprocal or self.recipient() == self.record.recipient

    def swapped(self) -> bool:
        """Both roles wrong, and the actor has the gold recipient's codes or the recipient the
        gold actor's."""
        if self.actor_right() or self.recipient_right():
            return False
        gold = self.record
        return (bool(self.actor()) and self.actor() == gold.recipient) or \
            (bool(self.recipient()) and self.recipient() == gold.actor)


@dataclass
class GsrReport:
    results: list[GsrResult] = field(default_factory=list)

    def confusion(self) -> Counter[tuple[str, str]]:
        return Counter((r.record.type, r.predicted_type) for r in self.results)

    def fields(self) -> dict[str, Agreement]:
        """Actor and recipient codes and mode on records typed right, where the gold gives them."""
        agreements = {"actor": Agreement(), "recipient": Agreement(), "mode": Agreement()}
        for result in self.results:
            gold = result.record
            if not result.type_right:
                continue
            if gold.actor:
                agreements["actor"].add(result.actor_right())
            if gold.recipient:
                agreements["recipient"].add(result.recipient_right())
            if gold.mode:
                agreements["mode"].add(result.event is not None and result.event.mode == gold.mode)
        return agreements

    def summary(self) -> dict[str, Any]:
        confusion = self.confusion()
        gold_types = [t for t in PLOVER_TYPES if any(g == t for g, _ in confusion)]
        seen_types = gold_types + [t for t in PLOVER_TYPES if t not in gold_types and any(p == t for _, p in confusion)]
        types = {t: scores(confusion[(t, t)], sum(n for (g, _), n in confusion.items() if g == t),
                           sum(n for (_, p), n in confusion.items() if p == t)) for t in seen_types}
        right = [r for r in self.results if r.type_right]
        return {
            "records": len(self.results),
            "events_emitted": sum(r.events for r in self.results),
            "records_without_event": sum(r.event is None for r in self.results),
            "type_accuracy": len(right) / len(self.results) if self.results else 0.0,
            "macro_f1": sum(types[t]["f1"] for t in gold_types) / len(gold_types) if gold_types else 0.0,
            "types": types,
            "confusion": {t: {p: n for (g, p), n in sorted(confusion.items()) if g == t} for t in gold_types},
            "fields": {name: a.to_dict() for name, a in self.fields().items()},
            "swapped": sum(r.swapped() for r in right),
        }

    def error_lines(self) -> list[str]:
        lines = []
        for result in self.results:
            gold = result.record
            if result.type_right and result.actor_right() and result.recipient_right():
                continue
            swapped = " (swapped)" if result.type_right and result.swapped() else ""
            lines.append(f"{gold.id}: gold {gold.type} {show_codes(gold.actor)} -> {show_codes(gold.recipient)}, "
                         f"predicted {describe(result.event)}{swapped}")
        return lines


def score_gsr(records: list[GsrRecord], pipeline: Pipeline) -> GsrReport:
    """Each record's sentence as an article through the whole pipeline (the events as stored,
    after quotes, dates and places), in one batch so spaCy parses them together."""
    report = GsrReport()
    for record, found in zip(records, pipeline.read_articles([gsr_article(r) for r in records]), strict=True):
        report.results.append(GsrResult(record, best_event(record, found.events), len(found.events)))
    return report


# --- labelled pages (gold/events/FORMAT.md) -----------------------------------------------------


@dataclass(frozen=True)
class FieldCheck:
    """How to compare one gold field with a found event: the event's value, and the gold value
    made comparable to it."""

    predicted: Callable[[Event], Any]
    gold: Callable[[Any], Any] = str


# Fields scored on matched events wherever the gold gives them; dates and places go here too.
FIELD_CHECKS = {
    "actor": FieldCheck(lambda e: codes_of(e.actor), gold_codes),
    "recipient": FieldCheck(lambda e: codes_of(e.recipient), gold_codes),
    "actor_sector": FieldCheck(lambda e: e.actor[0].sector if e.actor else None),
    "recipient_sector": FieldCheck(lambda e: e.recipient[0].sector if e.recipient else None),
    "mode": FieldCheck(lambda e: e.mode),
    "stance": FieldCheck(lambda e: e.attribution.stance),
    "claimant": FieldCheck(lambda e: e.attribution.speaker.code if e.attribution.speaker else None),
    "denied_by": FieldCheck(lambda e: codes_of(e.attribution.denied_by), gold_codes),
    "modality": FieldCheck(lambda e: e.modality),
}
# Page signals in the gold (FORMAT.md) -> whether an article of the page shows it.
SIGNAL_CHECKS: dict[str, Callable[[ArticleSignals], bool]] = {
    "anonymous_sources": lambda s: bool(s.anonymous_sources),
    "opinion_disclaimer": lambda s: bool(s.opinion_disclaimers),
    "first_person_speculation": lambda s: bool(s.speculation),
    "syndicated": lambda s: bool(s.syndicated_from),
}


@dataclass(frozen=True)
class GoldEvent:
    line: int
    type: str
    trigger: str | None
    labels: dict[str, Any]  # the entry as written: actor, recipient, stance, modality, …

    def describe(self) -> str:
        return (f"{self.type} '{self.trigger or ''}' {show_codes(gold_codes(self.labels.get('actor') or []))} -> "
                f"{show_codes(gold_codes(self.labels.get('recipient') or []))}")


@dataclass(frozen=True)
class GoldQuote:
    line: int
    opens: str  # the quotation's first words as written
    speaker: frozenset[str]


def read_gold_quotes(spec: dict[str, Any], origin: Path) -> list[GoldQuote]:
    quotes = []
    for number, entry in enumerate(spec.get("quotes") or [], start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("line"), int) or not entry.get("opens"):
            raise GoldError(f"{origin}: quote {number} needs an integer 'line' and its first words in 'opens'")
        quotes.append(GoldQuote(entry["line"], str(entry["opens"]), gold_codes(entry.get("speaker") or [])))
    return quotes


def match_quotes(gold: list[GoldQuote], predicted: list[Quote]) -> list[tuple[GoldQuote, Quote]]:
    """One-to-one pairs on the same line whose first words agree (marks and case aside)."""
    pairs: list[tuple[GoldQuote, Quote]] = []
    free = list(predicted)
    for wanted in gold:
        opening = [w.lower() for w in WORD.findall(wanted.opens)]
        for quote in free:
            words = [w.lower() for w in WORD.findall(quote.text)][:len(opening)]
            if quote.evidence.line == wanted.line and words == opening:
                pairs.append((wanted, quote))
                free.remove(quote)
                break
    return pairs


def date_agrees(expected: str, found: str | None) -> bool:
    return found is not None and len(found) >= len(expected) and found[:len(expected)] == expected


def place_agrees(expected: str, found: str | None) -> bool:
    """The same place named: a word in common, small words aside ("eastern Aleppo" and "Aleppo";
    "Khmeimim air base" and "Khmeimim")."""
    if found is None:
        return False
    small = {"the", "of", "al", "el", "district", "province", "city", "town", "eastern", "western", "northern",
             "southern", "central", "air", "base", "road", "region", "governorate"}
    words = lambda text: {w.lower() for w in WORD.findall(text)} - small  # noqa: E731
    return bool(words(expected) & words(found))


def read_gold_events(spec: dict[str, Any], origin: Path) -> list[GoldEvent]:
    events = []
    for number, entry in enumerate(spec.get("events") or [], start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("line"), int) or "type" not in entry:
            raise GoldError(f"{origin}: event {number} needs an integer 'line' and a 'type'")
        if entry["type"] not in PLOVER_TYPES:
            raise GoldError(f"{origin}: event {number}: unknown type {entry['type']!r}")
        events.append(GoldEvent(entry["line"], entry["type"], entry.get("trigger"), entry))
    return events


def covers(event: Event, line: int) -> bool:
    """True when the event's sentence spans the line."""
    first = event.evidence.line
    return first <= line <= first + event.evidence.text.count("\n")


def match_events(gold: list[GoldEvent], predicted: list[Event]) -> list[tuple[GoldEvent, Event]]:
    """One-to-one pairs of the same type whose predicted sentence covers the gold line. Pairs
    whose trigger words also overlap are made first, so two events on one line pair correctly."""
    pairs: list[tuple[GoldEvent, Event]] = []
    free = list(predicted)
    for trigger_needed in (True, False):
        for wanted in gold:
            if any(g is wanted for g, _ in pairs):
                continue
            for event in free:
                if (event.type == wanted.type and covers(event, wanted.line)
                        and (not trigger_needed or words(event.trigger) & words(wanted.trigger))):
                    pairs.append((wanted, event))
                    free.remove(event)
                    break
    return pairs


@dataclass
class PageResult:
    gold_file: str
    source: str
    gold: list[GoldEvent]
    predicted: list[Event]
    pairs: list[tuple[GoldEvent, Event]]
    gold_quotes: list[GoldQuote] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    gold_signals: dict[str, bool] = field(default_factory=dict)
    signals: list[ArticleSignals] = field(default_factory=list)

    def quote_pairs(self) -> list[tuple[GoldQuote, Quote]]:
        return match_quotes(self.gold_quotes, self.quotes)

    def denial_links(self) -> list[tuple[GoldEvent, bool]]:
        """Each gold denial that names the claim it denies, and whether the denial found for it
        links to the event found for that claim."""
        found = {id(g): e for g, e in self.pairs}
        links = []
        for gold in self.gold:
            target = gold.labels.get("denies")
            if not target:
                continue
            line, _, trigger = str(target).partition(":")
            claims = [g for g in self.gold if str(g.line) == line.strip() and (g.trigger or "") == trigger.strip()]
            denial, claim = found.get(id(gold)), found.get(id(claims[0])) if claims else None
            links.append((gold, denial is not None and claim is not None and denial.attribution.denies == claim.id))
        return links

    def date_checks(self) -> list[tuple[GoldEvent, Event, str, str | None]]:
        """(gold, event, gold date, predicted date) for matched events the gold dates; a date is
        right when it agrees at the gold's precision ("2016-09-17" for a gold "2016-09")."""
        return [(g, e, str(g.labels["date"]), e.date) for g, e in self.pairs if g.labels.get("date")]

    def place_checks(self) -> list[tuple[GoldEvent, Event, str, str | None]]:
        """(gold, event, gold place, predicted place as written) for matched events the gold places."""
        return [(g, e, str(g.labels["place"]), e.location.text if e.location else None)
                for g, e in self.pairs if g.labels.get("place")]

    def placed_elsewhere(self) -> list[Event]:
        """Events whose place is not written in their own sentence (there should be none)."""
        return [e for e in self.predicted if e.location and e.location.text not in e.evidence.text]

    def signal_checks(self) -> list[tuple[str, bool, bool]]:
        """(signal, gold, predicted) for each signal the gold gives the page."""
        return [(name, bool(value), any(check(s) for s in self.signals))
                for name, value in self.gold_signals.items() if (check := SIGNAL_CHECKS.get(name))]

    def missed(self) -> list[GoldEvent]:
        return [g for g in self.gold if not any(g is m for m, _ in self.pairs)]

    def false(self) -> list[Event]:
        return [e for e in self.predicted if not any(e is p for _, p in self.pairs)]

    def checks(self) -> list[tuple[GoldEvent, Event, str, Any, Any]]:
        """(gold, event, field, gold value, predicted value) for each field the gold gives a matched event."""
        return [(gold, event, name, check.gold(gold.labels[name]), check.predicted(event))
                for gold, event in self.pairs for name, check in FIELD_CHECKS.items()
                if gold.labels.get(name) is not None]


@dataclass
class PageEventsReport:
    pages: list[PageResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def fields(self) -> dict[str, Agreement]:
        agreements = {name: Agreement() for name in FIELD_CHECKS}
        for page in self.pages:
            for _, _, name, expected, found in page.checks():
                agreements[name].add(expected == found)
        return agreements

    def when_where(self) -> dict[str, Any]:
        """Dates right at the gold's precision, places right (the same place named), and events
        placed from outside their own sentence."""
        dates, places = Agreement(), Agreement()
        elsewhere = 0
        for page in self.pages:
            for _, _, expected, found in page.date_checks():
                dates.add(date_agrees(expected, found))
            for _, _, expected, found in page.place_checks():
                places.add(place_agrees(expected, found))
            elsewhere += len(page.placed_elsewhere())
        return {"dates": dates.to_dict(), "places": places.to_dict(), "placed_from_elsewhere": elsewhere}

    def attribution(self) -> dict[str, Any]:
        """Denial links, quotes found with their speakers, and page signals, where the gold gives
        them; and how many matched events the gold calls hypothetical (a guess) were stored as actual."""
        links, speakers, signals = Agreement(), Agreement(), Agreement()
        matched = gold_quotes = predicted_quotes = 0
        for page in self.pages:
            for _, right in page.denial_links():
                links.add(right)
            pairs = page.quote_pairs()
            matched += len(pairs)
            gold_quotes += len(page.gold_quotes)
            predicted_quotes += len(page.quotes) if page.gold_quotes else 0  # pages whose quotes are labelled
            for gold, quote in pairs:
                if gold.speaker:
                    speakers.add(gold.speaker == frozenset([quote.speaker.code]) if quote.speaker else False)
            for _, expected, found in page.signal_checks():
                signals.add(expected == found)
        guesses = [(g, e) for page in self.pages for g, e in page.pairs
                   if g.labels.get("modality") == "hypothetical" and e.modality == "actual"]
        return {"denial_links": links.to_dict(), "quotes": scores(matched, gold_quotes, predicted_quotes),
                "quote_speakers": speakers.to_dict(), "signals": signals.to_dict(),
                "guesses_stored_as_actual": len(guesses)}

    def summary(self) -> dict[str, Any]:
        gold = Counter(g.type for page in self.pages for g in page.gold)
        predicted = Counter(e.type for page in self.pages for e in page.predicted)
        matched = Counter(g.type for page in self.pages for g, _ in page.pairs)
        return {
            "pages": len(self.pages),
            "skipped": self.skipped,
            "events": scores(sum(matched.values()), sum(gold.values()), sum(predicted.values())),
            "types": {t: scores(matched[t], gold[t], predicted[t]) for t in PLOVER_TYPES if gold[t] or predicted[t]},
            "fields": {name: a.to_dict() for name, a in self.fields().items()},
            "attribution": self.attribution(),
            "when_where": self.when_where(),
            "per_page": [{"gold": p.gold_file, "source": p.source, "gold_events": len(p.gold),
                          "predicted": len(p.predicted), "matched": len(p.pairs)} for p in self.pages],
        }

    def error_lines(self) -> list[str]:
        lines = []
        for page in self.pages:
            lines += [f"{page.source}:{g.line}: missed {g.describe()}" for g in page.missed()]
            lines += [f"{page.source}:{e.evidence.line}: false {describe(e)}" for e in page.false()]
            for gold, event, name, expected, found in page.checks():
                if expected == found:
                    continue
                shown = [show_codes(v) if isinstance(v, frozenset) else v for v in (expected, found)]
                lines.append(f"{page.source}:{gold.line}: {gold.type} '{event.trigger or ''}': "
                             f"{name} gold {shown[0]}, predicted {shown[1]}")
            lines += [f"{page.source}:{gold.line}: denial '{gold.trigger or ''}' not linked to {gold.labels['denies']}"
                      for gold, right in page.denial_links() if not right]
            paired = page.quote_pairs()
            lines += [f"{page.source}:{g.line}: quote missed, opening '{g.opens}'" for g in page.gold_quotes
                      if not any(g is m for m, _ in paired)]
            lines += [f"{page.source}:{g.line}: quote speaker gold {show_codes(g.speaker)}, predicted "
                      f"{q.speaker.code if q.speaker else None}" for g, q in paired
                      if g.speaker and (q.speaker is None or g.speaker != frozenset([q.speaker.code]))]
            lines += [f"{page.source}: signal {name} gold {expected}, predicted {found}"
                      for name, expected, found in page.signal_checks() if expected != found]
            lines += [f"{page.source}:{g.line}: {g.type} '{e.trigger or ''}': date gold {expected}, predicted {found}"
                      for g, e, expected, found in page.date_checks() if not date_agrees(expected, found)]
            lines += [f"{page.source}:{g.line}: {g.type} '{e.trigger or ''}': place gold {expected}, predicted {found}"
                      for g, e, expected, found in page.place_checks() if not place_agrees(expected, found)]
        return lines


def score_pages_events(specs: list[tuple[Path, dict[str, Any]]], pipeline: Pipeline) -> PageEventsReport:
    report = PageEventsReport()
    pending: list[tuple[Path, str, list[GoldEvent], dict[str, Any], Document]] = []
    for gold_file, spec in specs:
        gold = read_gold_events(spec, gold_file)
        source = find_source(gold_file, spec["source"])
        if source is None:
            report.skipped.append(f"{gold_file}: page {spec['source']} not found")
            continue
        documents = list(read_file(source))
        if len(documents) != 1 or not isinstance(documents[0], Document):
            report.skipped.append(f"{gold_file}: page {spec['source']} is not one readable page")
            continue
        pending.append((gold_file, spec["source"], gold, spec, documents[0]))
    processed = pipeline.process([document for *_, document in pending]) if pending else []
    for (gold_file, source, gold, spec, _), item in zip(pending, processed):
        report.pages.append(PageResult(
            str(gold_file), source, gold, item.events, match_events(gold, item.events),
            gold_quotes=read_gold_quotes(spec, gold_file), quotes=item.quotes,
            gold_signals=dict(spec.get("signals") or {}), signals=list(item.signals.values())))
    return report


# --- both -------------------------------------------------------------------------------------


GOLD_SUFFIXES = {".json", ".txt", ".yaml", ".yml"}


def read_gold(path: Path) -> tuple[list[GsrRecord], dict[str, Any] | None]:
    """GSR records or a gold event file's spec, whichever the file holds; neither gives ([], None)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return [], None
    if text.lstrip().startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError:
            return [], None
        return read_gsr(items, path), None
    if re.search(r"^source:", text, re.M) and re.search(r"^events:", text, re.M):
        try:
            spec = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise GoldError(f"{path}: not valid YAML: {exc}") from exc
        if isinstance(spec, dict) and "source" in spec:
            return [], spec
    return [], None


@dataclass
class EventsReport:
    gsr: GsrReport | None
    pages: PageEventsReport | None

    def summary(self) -> dict[str, Any]:
        return {"plover_gsr": self.gsr.summary() if self.gsr else None,
                "pages": self.pages.summary() if self.pages else None}

    def error_lines(self) -> list[str]:
        return (self.gsr.error_lines() if self.gsr else []) + (self.pages.error_lines() if self.pages else [])


HALVES = ("even", "odd")


def half_of(records: list[GsrRecord], half: str | None) -> list[GsrRecord]:
    """One file's records at even or odd positions (0-based, its documentation record not
    counted), for a tuning half and a held-out half; None keeps them all."""
    if half is None:
        return records
    if half not in HALVES:
        raise ValueError(f"half must be one of {', '.join(HALVES)}, not {half!r}")
    return records[HALVES.index(half)::2]


def score_events(paths: list[Path], pipeline: Pipeline | None = None, half: str | None = None) -> EventsReport:
    """Files named are gold or an error; folders are searched for files that are gold. With
    `half`, only the PLOVER records at even or odd positions in each file (half_of)."""
    records: list[GsrRecord] = []
    specs: list[tuple[Path, dict[str, Any]]] = []
    for path in paths:
        if path.is_dir():
            candidates = [p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in GOLD_SUFFIXES]
        elif path.is_file():
            candidates = [path]
        else:
            raise GoldError(f"{path}: no such file or folder")
        for candidate in candidates:
            found, spec = read_gold(candidate)
            if not found and spec is None and candidate is path:
                raise GoldError(f"{path}: neither PLOVER GSR records nor a gold event file (gold/events/FORMAT.md)")
            records += half_of(found, half)
            if spec is not None:
                specs.append((candidate, spec))
    if not records and not specs:
        raise GoldError("no PLOVER GSR records or gold event files among the paths")
    pipeline = pipeline or Pipeline()
    return EventsReport(score_gsr(records, pipeline) if records else None,
                        score_pages_events(specs, pipeline) if specs else None)
