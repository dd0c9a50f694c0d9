"""Pages: a Document in, its articles out (boilerplate and reader comments kept apart)."""

from __future__ import annotations

from eventwire.model import Article, Document
from eventwire.pages.html import article_from_html
from eventwire.pages.text import articles_from_text, label_lines

__all__ = ["extract_articles", "label_lines"]


def extract_articles(document: Document) -> list[Article]:
    if document.format == "html":
        return article_from_html(document)
    return articles_from_text(document)
