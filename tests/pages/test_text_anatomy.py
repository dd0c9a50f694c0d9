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


def load(path: Path) -> Document:
    data = path.read_bytes()
    return Document.from_bytes(data, data.decode("utf-8"), source=str(path), format="txt")


def test_concatenated_articles_are_split_with_their_own_metadata(fixtures: Path) -> None:
    first, second = extract_articles(load(fixtures / "multi_article_page.txt"))
    assert first.title == "Ankara and Moscow agree on patrols in northern Syria"
    assert first.standfirst.startswith("Joint Russian and Turkish patrols")
    assert first.authors == ["Imogen Varga"] and first.syndicated_from == "Reuters"
    assert [p.line for p in first.paragraphs] == [17, 19, 21]
    assert [(c.author, c.line) for c in first.comments] == [("plainspeaker", 35), ("nightowl77", 43)]
    assert second.title == "Kurdish leaders say they were not consulted over border deal"
    assert second.standfirst.startswith("Officials in Qamishli complain")
    assert second.authors == ["Tomas Reyes"] and second.syndicated_from == "Agence France-Presse"
    assert [p.line for p in second.paragraphs] == [53, 55]
    assert second.comments == []
    assert first.site == second.site == "The Harbour Ledger"


def test_lines_after_a_separator_are_not_body(fixtures: Path) -> None:
    labels = {line.number: (line.label, line.reason) for line in label_lines(load(fixtures / "multi_article_page.txt").content)}
    assert labels[61][0] == "boiler"
    assert labels[45] == ("boiler", "article separator")
    assert labels[11][0] == "dateline" and labels[13][0] == "dateline"
    assert labels[15] == ("boiler", "views or counters")


def test_publication_date_from_dateline_then_latest_date_in_text() -> None:
    dated = ("Talks resume in Geneva\n\nPublished on 3 March 2017\n\n"
             "Diplomats returned to Geneva for a new round of talks on the constitution.\n")
    [article] = extract_articles(Document.from_bytes(dated.encode(), dated, source="d.txt", format="txt"))
    assert (article.published, article.published_precision, article.published_basis) == ("2017-03-03", "day", "byline")
    undated = ("A headline about history\n\n"
               "In a call on 8 September 1999 the two presidents discussed the succession at length.\n\n"
               "The papers were released in December 2018 by the presidential library in Arkansas.\n")
    [article] = extract_articles(Document.from_bytes(undated.encode(), undated, source="u.txt", format="txt"))
    assert (article.published, article.published_precision, article.published_basis) == ("2018-12", "month", "text")


def test_opinion_from_disclaimer_or_first_person_but_not_quotes() -> None:
    quoted = ("Minister speaks\n\n"
              "\"I will never accept this and I told my colleagues so,\" the minister said on Monday in Paris.\n\n"
              "The government has not changed its position on the fuel tax, officials said later.\n")
    [article] = extract_articles(Document.from_bytes(quoted.encode(), quoted, source="q.txt", format="txt"))
    assert article.kind == "news"
    opinion = quoted + "\nThe views expressed in this article are solely those of the author.\n"
    [article] = extract_articles(Document.from_bytes(opinion.encode(), opinion, source="o.txt", format="txt"))
    assert article.kind == "opinion"
