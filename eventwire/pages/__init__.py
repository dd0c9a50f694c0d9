"""Pages: a Document in, its articles out (boilerplate and reader comments kept apart)."""

from __future__ import annotations

from eventwire.model import Article, Document
from eventwire.pages.html import article_from_html
from eventwire.pages.repetition import Fingerprint, SiteLines, fingerprint, site_of
from eventwire.pages.text import articles_from_text, label_lines

__all__ = ["Fingerprint", "SiteLines", "extract_articles", "fingerprint", "label_lines", "site_of"]


def extract_articles(document: Document, site_lines: SiteLines | None = None) -> list[Article]:
    """The page's articles; `site_lines` (counts from other pages of its site) drops site furniture."""
    if document.format == "html":
        return article_from_html(document)
    site = site_of(document) if site_lines is not None else None
    return articles_from_text(document, site_lines.furniture_for(site) if site else None)
