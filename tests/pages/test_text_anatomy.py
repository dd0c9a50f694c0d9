"""Plain-text anatomy: every line gets a label and a reason; comments never reach the body."""

from __future__ import annotations

from pathlib import Path

from eventwire.model import Document
from eventwire.pages import extract_articles, label_lines
from eventwire.pages.text import physical_units


def page(fixtures: Path) -> Document:
    path = fixtures / "ceasefire_page.txt"
    data = path.read_bytes()
    return Document.from_bytes(data, data.decode(), source=str(path), format="txt")


def test_each_line_is_labelled_with_a_reason(fixtures: Path) -> None:
    labels = {line.number: (line.label, line.reason) for line in label_lines(page(fixtures).content)}
    assert labels[1] == ("boiler", "call to action")
    assert labels[3] == ("boiler", "navigation")
    assert labels[5][0] == "title"
    assert labels[7][0] == "standfirst"
    assert labels[9][0] == "byline"
    assert labels[11][0] == "body"
    assert labels[21] == ("boiler", "share widget")
    assert labels[27] == ("boiler", "start of a reader-comment thread")
    assert labels[29][0] == "comment_author"
    assert labels[31] == ("boiler", "comment-thread furniture")
    assert labels[33][0] == "comment"
    assert all(reason for _, reason in labels.values())


def test_article_has_metadata_body_and_comments_apart(fixtures: Path) -> None:
    [article] = extract_articles(page(fixtures))
    assert article.title == "Geneva deal on Syria unravels within a fortnight"
    assert article.standfirst.startswith("Fighting resumed around Aleppo")
    assert article.authors == ["Maria Lindqvist"]
    assert [p.line for p in article.paragraphs] == [11, 13, 15, 17, 19]
    bodies = " ".join(p.text for p in article.paragraphs)
    assert "bankers" not in bodies and "Britain bombed the convoy" not in bodies
    assert [(c.author, c.line) for c in article.comments] == [("FreedomFan88", 33), ("quietobserver", 39)]
    assert "Copyright" not in bodies


def test_paragraph_text_is_verbatim_at_its_line(fixtures: Path) -> None:
    document = page(fixtures)
    lines = document.content.split("\n")
    [article] = extract_articles(document)
    for paragraph in article.paragraphs:
        assert lines[paragraph.line - 1][paragraph.column:].startswith(paragraph.text)


def test_hard_wrapped_paragraph_is_joined_verbatim() -> None:
    content = ("Title of a wrapped story\n\n"
               "  The foreign ministers of both countries met on Friday and\n"
               "agreed to resume the talks in Vienna next month, officials said.\n")
    units = physical_units(content)
    assert units[1] == (3, 2, "The foreign ministers of both countries met on Friday and\n"
                              "agreed to resume the talks in Vienna next month, officials said.")


def test_page_without_body_gives_no_article() -> None:
    content = "Home\n\nSubscribe\n\nShare this:\n"
    doc = Document.from_bytes(content.encode(), content, source="x.txt", format="txt")
    assert extract_articles(doc) == []
