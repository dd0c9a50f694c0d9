"""Metadata helpers shared by the text and HTML anatomy: dates from metadata, bylines and text."""

from __future__ import annotations

import re
from datetime import date

ISO_PREFIX = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
MONTHS = {name: number for number, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
     ("nov", "november"), ("dec", "december")], start=1) for name in names}
MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:19|20)\d{2})"
EXPLICIT_DATES = [
    re.compile(rf"\b{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{MONTH}\s+{DAY},?\s+{YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    re.compile(rf"\b(?:in\s+|of\s+)?{MONTH}\s+{YEAR}\b", re.IGNORECASE),
]
# A year used as a date: "in 2016", "the 2016 election", "since 2014" (not "2000 troops").
YEAR_IN_TEXT = re.compile(r"\b(?:in|since|of|the|during|from|after|before|until|early|late|mid-?)\s+(?P<year>(?:19|20)\d{2})\b(?!\s*(?:%|per ?cent))",
                          re.IGNORECASE)
BOUND_BEFORE = re.compile(r"\b(since|after|until|before|from)\s+$", re.IGNORECASE)
YEAR_NUMBER = re.compile(r"\b(?:19|20)\d{2}\b")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# A year in a sentence about the future ("the deficit will reach 3% in 2019") dates nothing.
FUTURE = re.compile(r"\b(will|would|shall|expected|expects?|forecast|projected|planned|plans?|scheduled|"
                    r"due|next|target|aims?|by|until|upcoming|coming)\b", re.IGNORECASE)
YEAR_HINT = re.compile(r"(?:19|20)\d\d")  # every explicit date has one; most paragraphs none
DATE_REACH = 40  # an explicit date starts at most this many characters before its year


def published_fields(value: str | None, basis: str = "metadata") -> dict[str, str | None]:
    """Article date fields from a metadata date string such as '2016-12-14T09:00:00Z'."""
    match = ISO_PREFIX.match(value.strip()) if value else None
    if not match:
        return {"published": None, "published_precision": None, "published_basis": "unknown"}
    year, month, day = match.groups()
    precision = "day" if day else "month" if month else "year"
    return {"published": "-".join(p for p in (year, month, day) if p),
            "published_precision": precision, "published_basis": basis}


def explicit_dates(text: str) -> list[tuple[str, str]]:
    """(ISO date, precision) for every explicit calendar date in the text, in order of appearance."""
    return [(iso, precision) for _, iso, precision in dates_at(text)]


def dates_at(text: str) -> list[tuple[int, str, str]]:
    """(offset, ISO date, precision) for every explicit calendar date in the text."""
    first = YEAR_HINT.search(text)
    if not first:
        return []
    # Every explicit date holds a year and is short: scan only from just before the first year
    # to just after the last ("2016-12-14"), starting at a space so that no word is cut in two.
    start = text.rfind(" ", 0, max(0, first.start() - DATE_REACH)) + 1
    end = max(m.end() for m in YEAR_HINT.finditer(text, first.start())) + len("-12-14") + 1
    found: list[tuple[int, str, str]] = []
    taken: list[range] = []
    for pattern in EXPLICIT_DATES:
        for match in pattern.finditer(text, start, end):
            if any(match.start() in span for span in taken):
                continue
            parts = match.groupdict()
            month = int(parts["mnum"]) if parts.get("mnum") else MONTHS.get((parts.get("month") or "").lower().rstrip("."))
            year = int(parts["year"])
            if not month:
                continue
            try:
                if parts.get("day"):
                    iso, precision = date(year, month, int(parts["day"])).isoformat(), "day"
                else:
                    iso, precision = f"{year:04d}-{month:02d}", "month"
            except ValueError:
                continue
            taken.append(range(match.start(), match.end()))
            found.append((match.start(), iso, precision))
    return sorted(found)


def mentions_later_year(text: str, year: int) -> bool:
    """Whether the text speaks of a year after `year` as past ("the 2016 election"), not future."""
    if not any(int(y) > year for y in YEAR_NUMBER.findall(text)):
        return False
    return any(int(m.group("year")) > year for sentence in SENTENCE_END.split(text)
               if not FUTURE.search(sentence) for m in YEAR_IN_TEXT.finditer(sentence))


def date_fields(text: str | None, basis: str) -> dict[str, str | None] | None:
    """Date fields from the first explicit date in a byline or dateline, or None."""
    dates = explicit_dates(text or "")
    if not dates:
        return None
    iso, precision = dates[0]
    return {"published": iso, "published_precision": precision, "published_basis": basis}


def latest_date_in(texts: list[str]) -> dict[str, str | None] | None:
    """The latest date an article mentions: the one it treats as recent (DESIGN §5). When the
    text mentions a later year than that date ("the 2016 election" in a piece quoting a
    December 1999 call), the date is background, and the article's own date is unknown."""
    dates: list[tuple[str, str]] = []
    bounds: list[str] = []  # "since May 2017": the article is later than that, date unknown
    for text in texts:
        for at, iso, precision in dates_at(text):
            (bounds if BOUND_BEFORE.search(text[max(0, at - 12):at]) else dates).append((iso, precision))
    if not dates:
        return None
    iso, precision = max(dates, key=lambda d: d[0])
    if any(bound >= iso for bound, _ in bounds):
        return None
    if any(mentions_later_year(text, int(iso[:4])) for text in texts):
        return None
    return {"published": iso, "published_precision": precision, "published_basis": "text"}
