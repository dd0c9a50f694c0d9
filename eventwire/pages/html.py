"""Page anatomy for HTML: trafilatura finds the main text and the comments."""

from __future__ import annotations

import trafilatura

from eventwire.model import Article, Comment, Document, Paragraph, stable_id
from eventwire.pages.metadata import published_fields
from eventwire.pages.text import furniture_reason


def article_from_html(document: Document) -> list[Article]:
    extracted = trafilatura.bare_extraction(
        document.content, url=document.url, include_comments=True, with_metadata=True,
        include_tables=False)
    if extracted is None or not (extracted.text or "").strip():
        return []
    title = extracted.title or document.title
    # The same line rules as for text pages: furniture trafilatura kept (share rows, appeals,
    # cookie notices) is dropped; short lines stay, HTML structure already vouched for them.
    lines = [line.strip() for line in extracted.text.split("\n") if line.strip() and not furniture_reason(line.strip())]
    if lines and title and lines[0] == title.strip():
        lines = lines[1:]  # trafilatura repeats the headline as the first line
    if not lines:
        return []
    comments = [Comment(None, line.strip(), number)
                for number, line in enumerate((extracted.comments or "").split("\n"), start=1)
                if line.strip()]
    authors = [a.strip() for a in (extracted.author or "").split(";") if a.strip()]
    return [Article(
        id=stable_id("a", document.id, 0), document_id=document.id,
        source=document.url or document.source, evidence_source=document.source,
        paragraphs=[Paragraph(text, number) for number, text in enumerate(lines, start=1)],
        site=extracted.sitename or extracted.hostname, title=title,
        standfirst=extracted.description, authors=authors, comments=comments,
        **published_fields(document.published or extracted.date),
    )]
