"""Site-level repetition, CCNet-style: a line carried by several pages of one site is its furniture.

Navigation, appeals, taglines and promos that no line rule knows recur on every page of a site;
an article's own lines do not. Each page gets a fingerprint (its site and the hashes of its short
lines, normalised as CCNet does: lower case, digits zeroed, punctuation dropped); `SiteLines`
counts on how many pages of a site each hash occurs. The counts persist in the store, so the
furniture of a site is known from its third page on, across runs.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from eventwire.model import Document
from eventwire.pages.text import physical_units, site_from_lines, word_count

MIN_PAGES = 3  # a line on this many pages of a site is that site's furniture
MAX_WORDS = 40  # longer lines are paragraphs: copies of an article are fusion's business
NOT_WORD = re.compile(r"[^\w\s]|_")
DIGIT = re.compile(r"\d")


def line_key(text: str) -> int:
    """A signed 64-bit hash of the normalised line."""
    folded = (text if text.isascii() else unicodedata.normalize("NFKD", text)).lower()
    normal = " ".join(DIGIT.sub("0", NOT_WORD.sub(" ", folded)).split())
    return int.from_bytes(hashlib.blake2b(normal.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def site_of(document: Document) -> str | None:
    """The URL's host, else the site named by a copyright or support line on the page."""
    if document.url:
        host = (urlsplit(document.url).hostname or "").lower().removeprefix("www.")
        if host:
            return host
    if document.format == "html":
        return None
    return site_from_lines(line.strip() for line in document.content.split("\n"))


@dataclass(frozen=True, slots=True)
class Fingerprint:
    document_id: str
    site: str
    keys: frozenset[int]


def fingerprint(document: Document) -> Fingerprint | None:
    """The site and short-line hashes of a plain-text page; None when the site is unknown."""
    if document.format == "html":
        return None  # trafilatura already strips an HTML page's furniture by its markup
    site = site_of(document)
    if site is None:
        return None
    keys = frozenset(line_key(text) for _, _, text in physical_units(document.content)
                     if word_count(text) <= MAX_WORDS)
    return Fingerprint(document.id, site, keys)


class SiteLines:
    """On how many pages of each site each line hash occurs."""

    def __init__(self, counts: dict[tuple[str, int], int] | None = None) -> None:
        self.counts: Counter[tuple[str, int]] = Counter(counts or {})

    def add(self, prints: Iterable[Fingerprint]) -> None:
        for page in prints:
            self.counts.update((page.site, key) for key in page.keys)

    def pages(self, site: str, text: str) -> int:
        return self.counts.get((site, line_key(text)), 0)

    def furniture_for(self, site: str) -> Callable[[str], bool]:
        """For one site: whether a line is on enough of its pages to be furniture."""
        return lambda text: word_count(text) <= MAX_WORDS and self.pages(site, text) >= MIN_PAGES

