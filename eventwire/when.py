"""When: each event dated from its own sentence, and told apart as background when that date lies
well before the article's own (DESIGN §5).

A sentence's dates give the event nearest them its date at their precision, with the rule that
set it (`date_rule`): explicit dates ("9th September 2016"; a weekday beside one must agree, or the
rule says so and the date stands), a month or year named alone ("in February", "in 1995"), and
dates relative to the article's own ("on Monday", "yesterday", "earlier this month", "last
year"). The article's date comes from the page when the anatomy found one, else from the latest
date the article mentions. An event dated more than a month before it (or in an earlier year, for
year dates) is `historical`. "Last week" and "over the next few weeks" name no day, month or year,
so they date nothing.

A weekday told of what is to come ("is expected to travel on Saturday") is the next one, not the
last. A title that is really a byline ("Published June 14, 2018") dates an article whose date was
only guessed from its text. A claim is not dated by the date of its saying ("said on Wednesday
that …", "accused them on Friday of …"), nor an event by a "since" date after it, which says when
something ongoing began. "The next day" and "the same day" count from the event told before only
in a sentence that names no date of its own, and the one nearest the trigger counts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date
from functools import cache

from eventwire.events.lexicon import load_lexicon
from eventwire.model import Article, Event
from eventwire.nlp import inflections
from eventwire.pages.metadata import MONTH, MONTHS, YEAR_IN_TEXT, dates_at
from eventwire.quotes import load_speech_words

# "in February", "by late July", "since May": a month named alone is in the article's year.
MONTH_ALONE = re.compile(rf"\b(?:in|by|since|during|from|until|early|late|mid-?|of|last)\s+(?:early\s+|late\s+|mid-?)?{MONTH}\b(?!\s*\d)",
                         re.IGNORECASE)
# "have arrested 1,100 people since June": a date after "since" is when what comes before it
# began, not when it happened ("the worst since August 2013, when a sarin attack …" dates what
# comes after it).
SINCE = re.compile(r"\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:the\s+)?$", re.IGNORECASE)
CARRY_PARAGRAPHS = 0  # how far a dated past carries to undated events after it
# A dated call or meeting whose content the next paragraphs tell (a readout): their undated
# consultations in the past tense are that one. Not attacks: the next one is another attack.
TOLD_ON_TYPES = {"CONSULT"}
TOLD_ON_PARAGRAPHS = 2
# … and a past-tense sentence that goes on with the story ("Kerry then met …", "Simultaneously the
# offensive was launched") carries it into the next paragraph.
NARRATIVE = re.compile(r"\b(?:then|later|subsequently|afterwards|simultaneously|meanwhile|thereafter)\b", re.IGNORECASE)
# An article of no known date whose dated events are mostly background is a story of the past: its
# undated events told in a past tense are background too ("Clinton then promised …" in a piece on
# 1990s talks). A dated news story told in the past tense is not.
MIN_DATED = 3
PAST_SHARE = 2 / 3
BACKGROUND_DAYS = 31  # "well before the article": more than a month before it
# A title that reads as a byline ("By staff | Published June 14, 2018", "Written by Jane Doe on 5
# September 2019") is the page's header misread: its date is the article's, not one the text names.
BYLINE_TITLE = re.compile(r"\s*(?:(?:written |posted |reported )?by|published|posted|updated)\b", re.IGNORECASE)
# Modalities a date does not override: a denial, a guess or a plan stays what it is.
DATED_MODALITIES = {"actual"}


def date_events(article: Article, events: list[Event]) -> list[Event]:
    """The events with `date` and `date_precision` from their sentences, and background ones
    marked historical."""
    reference = article_date(article)
    starts = sorted(p.line for p in article.paragraphs)
    paragraph_of = {e.id: bisect_right(starts, e.evidence.line) for e in events}  # ids outlive dating
    events = dated_after(events, reference, paragraph_of)
    return carried_back(article, events, paragraph_of)


def dated_after(events: list[Event], reference: tuple[date, str] | None,
                paragraph_of: dict[str, int]) -> list[Event]:
    """Each event dated from its sentence; one whose sentence names no date of its own is dated
    from the time told before ("the next day", "two days later" from the latest day-dated event;
    "at the time", "later that day" as the latest dated event, at its precision)."""
    out: list[Event] = []
    anchor: Event | None = None  # the latest dated event
    latest_of_type: dict[str, Event] = {}  # … and of each type
    for event in events:
        event = dated(event, reference)
        if event.date is None and anchor is not None and anchor.date and \
                not sentence_dates(event.evidence.text, reference):
            at = trigger_offset(event)
            match = min(DAYS_AFTER.finditer(event.evidence.text), key=lambda m: abs(m.start() - at), default=None)
            if match and match.group("same"):  # "dismissed the finding at the time": the same date
                event = replace(event, date=anchor.date, date_precision=anchor.date_precision,
                                date_rule="same time")
            elif match and anchor.date_precision == "day":
                days = COUNTS.get((match.group("count") or "one").lower(), 1)
                when = date.fromordinal(date.fromisoformat(anchor.date).toordinal() + days)
                event = replace(event, date=when.isoformat(), date_precision="day", date_rule="days after")
            elif event.past and event.modality in DATED_MODALITIES and event.evidence.line == anchor.evidence.line \
                    and event.evidence.start > anchor.evidence.start:
                # "… on Jan. 24 McCabe called Flynn. The two men discussed business briefly": the
                # paragraph's story goes on at the time it last named
                event = replace(event, date=anchor.date, date_precision=anchor.date_precision,
                                date_rule="paragraph")
            elif event.past and event.modality in DATED_MODALITIES and event.type in TOLD_ON_TYPES and \
                    (meeting := latest_of_type.get(event.type)) is not None and \
                    0 < paragraph_of[event.id] - paragraph_of[meeting.id] <= TOLD_ON_PARAGRAPHS:
                # "Erdogan called Putin on 14 December. … In particular, they discussed Aleppo": what
                # was said at a dated call or meeting is told in the paragraphs after it
                event = replace(event, date=meeting.date, date_precision=meeting.date_precision,
                                date_rule="same meeting")
            event = as_background(event, reference)
        if event.date:
            anchor = event
            latest_of_type[event.type] = event
        out.append(event)
    return out


# A day told from the one before: "the next day", "the following morning", "two days later",
# "later that day", "on the same day".
DAYS_AFTER = re.compile(
    r"\b(?:(?:the )?(?:next|following) (?:day|morning|evening|night)|a day later|"
    r"(?P<count>two|three|four|five|six|\d+) days later|(?P<same>later that day|that same day|(?:on )?the same day|"
    r"later the same day|that evening|that night|at the time|at that time|simultaneously|at the same time))\b",
    re.IGNORECASE)


def carried_back(article: Article, events: list[Event], paragraph_of: dict[str, int]) -> list[Event]:
    """A narrative of the past goes on past its dated sentence: an undated event later in the
    paragraph of a historical one is background too, and so is every undated past-tense event of
    an undated article that is mostly about the past. `paragraph_of`: event id -> paragraph."""
    dated = [e for e in events if e.date is not None]
    about_the_past = article.published is None and len(dated) >= MIN_DATED and \
        sum(e.modality == "historical" for e in dated) >= PAST_SHARE * len(dated)
    # whether the next dated event after each position is background
    next_historical: list[bool | None] = []
    following: bool | None = None
    for event in reversed(events):
        next_historical.append(following)
        if event.date is not None:
            following = event.modality == "historical"
    next_historical.reverse()
    out, last_dated = [], None  # (paragraph, historical) of the latest dated event
    for event, after_is_past in zip(events, next_historical):
        paragraph = paragraph_of[event.id]
        if event.date is not None:
            last_dated = (paragraph, event.modality == "historical")
        elif event.modality in DATED_MODALITIES and (
                (last_dated and last_dated[1] and paragraph - last_dated[0] <= CARRY_PARAGRAPHS)
                or (last_dated and last_dated[1] and event.past and paragraph - last_dated[0] <= 1
                    and NARRATIVE.search(event.evidence.text))
                # told in the past tense between two dated events of the background: the story
                # of the past runs on through it ("In February … The deal was never
                # implemented. … In April …")
                or (last_dated and last_dated[1] and after_is_past and event.past)
                or (about_the_past and event.past)):
            event = replace(event, modality="historical")
        out.append(event)
    return out


def article_date(article: Article) -> tuple[date, str] | None:
    """The article's own date: the anatomy's from the page or a byline, else a byline taken for
    the title, else the latest date its paragraphs mention."""
    if article.published and article.published_basis != "text":
        return parse_iso(article.published)
    byline = BYLINE_TITLE.match(article.title or "") and dates_at(article.title or "")
    if byline:
        return parse_iso(byline[0][1])
    if article.published:
        return parse_iso(article.published)
    found = [parse_iso(iso) for p in article.paragraphs for _, iso, _ in dates_at(p.text)]
    found += [(date(int(m.group("year")), 12, 31), "year") for p in article.paragraphs
              for m in YEAR_IN_TEXT.finditer(p.text)]
    return max(found, default=None, key=lambda d: d[0])


def dated(event: Event, reference: tuple[date, str] | None) -> Event:
    """The event dated by the date its sentence names nearest its trigger."""
    mentions = sentence_dates(event.evidence.text, reference)
    at = trigger_offset(event)
    mentions = [m for m in mentions if not (at < m[0] and SINCE.search(event.evidence.text, 0, m[0]))]
    if event.attribution.stance != "asserted":
        # "prosecutors said on Wednesday that the missile …", "Kyiv accused the rebels on Friday of
        # shooting down …", "… fired missiles, the army said on Monday": a date told with the
        # saying (before the deed and after the saying verb, or beyond a saying verb) is its date
        said = [v for v in saying_verbs_at(event.evidence.text) if v != at]
        mentions = [m for m in mentions if not any(v < at if m[0] < at else at < v < m[0] for v in said)]
    if not mentions:
        return event
    offset, when, precision, rule = min(mentions, key=lambda m: abs(m[0] - at))
    iso = when.isoformat() if precision == "day" else when.isoformat()[:7] if precision == "month" else str(when.year)
    return as_background(replace(event, date=iso, date_precision=precision, date_rule=rule), reference)


def as_background(event: Event, reference: tuple[date, str] | None) -> Event:
    """An actual event dated well before the article is historical background."""
    if event.date and reference is not None and event.modality in DATED_MODALITIES and \
            well_before(parse_iso(event.date)[0], event.date_precision, *reference):
        return replace(event, modality="historical")
    return event


def sentence_dates(text: str, reference: tuple[date, str] | None) -> list[tuple[int, date, str, str]]:
    """(offset, first day of the period, precision, rule) for each date the sentence names."""
    found = []
    for at, iso, precision in dates_at(text):
        when = parse_iso(iso)[0]
        weekday = WEEKDAY_BEFORE.search(text[max(0, at - 14):at])
        rule = "explicit"
        if weekday and precision == "day" and WEEKDAYS[weekday.group(1).lower()] != when.weekday():
            rule = "explicit; weekday disagrees"  # "Tuesday 14th December 2016" (a Wednesday)
        found.append((at, when, precision, rule))
    taken = [range(max(0, at - 14), at + 20) for at, *_ in found]
    for match in YEAR_IN_TEXT.finditer(text):
        if not any(match.start("year") in span or match.start() in span for span in taken):
            found.append((match.start("year"), date(int(match.group("year")), 1, 1), "year", "year"))
    if reference is None:
        return sorted(found)
    for match in MONTH_ALONE.finditer(text):
        if any(match.start("month") in span for span in taken):
            continue
        month = MONTHS[match.group("month").lower().rstrip(".")]
        year = reference[0].year - (1 if month > reference[0].month and reference[1] != "year" else 0)
        found.append((match.start("month"), date(year, month, 1), "month", "month"))
    day, reference_precision = reference
    for match in (m for pattern in DAYS_OF_MONTH for m in pattern.finditer(text)):
        if any(match.start() in span for span in taken) or reference_precision == "year":
            continue
        month = MONTHS[match.group("month").lower().rstrip(".")]
        year = day.year - (1 if month > day.month else 0)
        try:
            found.append((match.start(), date(year, month, int(match.group("day"))), "day", "day and month"))
        except ValueError:
            continue
        taken.append(range(match.start(), match.end()))
    for match in RELATIVE.finditer(text):
        if any(match.start() in span for span in taken):
            continue
        clause = CLAUSE_BREAK.split(text[:match.start()])[-1]
        resolved = relative_date(match, day, reference_precision, bool(AHEAD.search(clause)))
        if resolved is not None:
            found.append((match.start(), *resolved))
    return sorted(found)


# "on Jan. 24", "on 14 December": a day and month with no year are in the article's year.
DAYS_OF_MONTH = [
    re.compile(rf"\b{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{{4}})", re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b(?!\s*,?\s*\d{{4}})", re.IGNORECASE),
]


WEEKDAYS = {name: number for number, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
WEEKDAY = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
WEEKDAY_BEFORE = re.compile(rf"\b{WEEKDAY},?\s*(?:the\s+)?$", re.IGNORECASE)
# Dates relative to the article's own: a weekday ("on Monday", "late on Tuesday", "Monday's
# vote"), yesterday and today, and this or last month and year.
RELATIVE = re.compile(
    rf"\b(?:(?P<weekday>{WEEKDAY})(?!\s*,?\s*(?:the\s+)?\d)"
    r"|(?P<yesterday>yesterday|last night)|(?P<today>today|tonight|this (?:morning|afternoon|evening))"
    r"|(?P<this>(?:earlier |later )?this (?P<this_unit>month|year))"
    r"|(?P<last>last (?P<last_unit>month|year))"
    r"|(?P<ago>(?P<count>two|three|four|five|six|\d+) (?P<ago_unit>days|months|years) ago))\b",
    re.IGNORECASE)
# "is expected to travel to Sanaa on Saturday", "was due to see him on Monday": a weekday in a
# clause told of what is to come is the next one.
AHEAD = re.compile(r"\b(?:will|shall|(?:is|are|was|were) (?:expected |due |scheduled |set |going )?to|"
                   r"plans? to|next)\b", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r"[,;:.\u2014\u2013]")
COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def relative_date(match: re.Match[str], day: date, precision: str,
                  ahead: bool) -> tuple[date, str, str] | None:
    """(date, precision, rule) of a relative mention against the article's date at `precision`;
    None when the article's date is too coarse for it. A weekday is the last one, or with
    `ahead` (told of what is to come) the next."""
    exact = precision == "day"
    if match.group("weekday") and exact:
        weekday = WEEKDAYS[match.group("weekday").lower()]
        if ahead:
            return date.fromordinal(day.toordinal() + (weekday - day.weekday()) % 7), "day", "weekday ahead"
        return date.fromordinal(day.toordinal() - (day.weekday() - weekday) % 7), "day", "weekday"
    if match.group("yesterday") and exact:
        return date.fromordinal(day.toordinal() - 1), "day", "yesterday"
    if match.group("today") and exact:
        return day, "day", "today"
    unit = match.group("this_unit") or match.group("last_unit")
    if unit:
        shift = 1 if match.group("last_unit") else 0
        if unit == "year":
            return date(day.year - shift, 1, 1), "year", match.group(0).lower()
        if precision != "year":
            month = day.month - shift
            return (date(day.year, month, 1) if month else date(day.year - 1, 12, 1)), "month", match.group(0).lower()
    if match.group("ago"):
        count = COUNTS.get(match.group("count").lower()) or int(match.group("count"))
        unit = match.group("ago_unit").lower()
        if unit == "days" and exact:
            return date.fromordinal(day.toordinal() - count), "day", "days ago"
        if unit == "months" and precision != "year":
            months = day.year * 12 + day.month - 1 - count
            return date(months // 12, months % 12 + 1, 1), "month", "months ago"
        if unit == "years":
            return date(day.year - count, 1, 1), "year", "years ago"
    return None


def saying_verbs_at(text: str) -> list[int]:
    """Offsets of the verbs that report or claim in a sentence ("said", "told", "accused"), in
    lower case only, so that "the United States" says nothing."""
    forms = saying_forms()
    return [m.start() for m in WORD.finditer(text) if m.group() in forms]


@cache
def saying_forms() -> frozenset[str]:
    """The written forms of the verbs that quote a speaker or make an event a claim."""
    return load_speech_words().forms | {form for verb in load_lexicon().reporting for form in inflections(verb)}


WORD = re.compile(r"[a-z]+")


def well_before(when: date, precision: str, reference: date, reference_precision: str) -> bool:
    """More than a month before the article (an earlier year, when either is only a year)."""
    if precision == "year" or reference_precision == "year":
        return when.year < reference.year
    last_day = when if precision == "day" else end_of_month(when)
    return (reference - last_day).days > BACKGROUND_DAYS


def end_of_month(first: date) -> date:
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def trigger_offset(event: Event) -> int:
    if event.trigger_at is not None:
        return event.trigger_at
    at = event.evidence.text.find(event.trigger or "")
    return at if at >= 0 else 0


def parse_iso(iso: str) -> tuple[date, str]:
    parts = [int(p) for p in iso[:10].split("-")]
    precision = ("year", "month", "day")[len(parts) - 1]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1), precision
