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
    re.compile(rf"\b(?:in\s+|of\s+|since\s+)?{MONTH}\s+{YEAR}\b", re.IGNORECASE),
]
YEAR_HINT = re.compile(r"(?:19|20)\d\d")  # every explicit date has one; most paragraphs none


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
    if not YEAR_HINT.search(text):
        return []
    found: list[tuple[int, str, str]] = []
    taken: list[range] = []
    for pattern in EXPLICIT_DATES:
        for match in pattern.finditer(text):
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
    return [(iso, precision) for _, iso, precision in sorted(found)]


def date_fields(text: str | None, basis: str) -> dict[str, str | None] | None:
    """Date fields from the first explicit date in a byline or dateline, or None."""
    dates = explicit_dates(text or "")
    if not dates:
        return None
    iso, precision = dates[0]
    return {"published": iso, "published_precision": precision, "published_basis": basis}


def latest_date_in(texts: list[str]) -> dict[str, str | None] | None:
    """The latest explicit date an article mentions: the one it treats as recent (DESIGN §5)."""
    dates = [d for text in texts for d in explicit_dates(text)]
    if not dates:
        return None
    iso, precision = max(dates, key=lambda d: d[0])
    return {"published": iso, "published_precision": precision, "published_basis": "text"}
