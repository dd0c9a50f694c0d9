"""Metadata helpers shared by the text and HTML anatomy."""

from __future__ import annotations

import re

ISO_PREFIX = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def published_fields(value: str | None, basis: str = "metadata") -> dict[str, str | None]:
    """Article date fields from a metadata date string such as '2016-12-14T09:00:00Z'."""
    match = ISO_PREFIX.match(value.strip()) if value else None
    if not match:
        return {"published": None, "published_precision": None, "published_basis": "unknown"}
    year, month, day = match.groups()
    precision = "day" if day else "month" if month else "year"
    return {"published": "-".join(p for p in (year, month, day) if p),
            "published_precision": precision, "published_basis": basis}
