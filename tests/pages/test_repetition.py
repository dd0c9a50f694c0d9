"""Site-level repetition: lines a site prints on every page are furniture, headlines never are."""

from __future__ import annotations

from pathlib import Path

import duckdb

from eventwire.model import Document
from eventwire.pages import SiteLines, extract_articles, fingerprint, label_lines
from eventwire.pages.repetition import MIN_PAGES, line_key, site_of
from eventwire.pages.text import REPEATED
from eventwire.pipeline import ingest
from eventwire.store import SCHEMA_VERSION, Store

TAGLINE = "Independent reporting from the Black Sea region since 2011, written by people who live there."
PROMO = "Harbour Review is read in forty countries and owned by the journalists who write it."
STOCK = "The ministry did not respond to a request for comment."

STORIES = [
    ("Port strike enters second week as talks stall", "Dockworkers in the port kept the gates shut on Monday, "
     "demanding the wage rise the government promised last spring."),
    ("Parliament approves new border agreement", "Lawmakers ratified the agreement by a wide margin after a "
     "debate that ran late into the night on Thursday."),
    ("Coastguard detains two fishing vessels", "Two trawlers were escorted to harbour after crossing the "
     "disputed line, the coastguard said in a short statement."),
    ("Opposition calls rally over election law", "Opposition parties called supporters to the central square "
     "to protest a change to the electoral threshold."),
]


def site_page(i: int) -> str:
    title, lead = STORIES[i]
    latest = "\n\n".join(t for k, (t, _) in enumerate(STORIES) if k != i)
    return f"""{TAGLINE}

{title}

By Elena Marin

Published 1{i} May 2019

{lead}

{STOCK}

Officials said a further round of talks on the {title.lower()} dispute was planned but had no date.

{PROMO}

Latest

{latest}

© 2019 Harbour Review
"""


def documents() -> list[Document]:
    return [Document.from_bytes(text.encode(), text, source=f"page{i}.txt", format="txt")
            for i, text in enumerate(map(site_page, range(len(STORIES))))]


def site_folder(tmp_path: Path) -> Path:
    """The site's pages as text files, as a user would hold them."""
    folder = tmp_path / "site"
    folder.mkdir()
    for i, text in enumerate(map(site_page, range(len(STORIES)))):
        (folder / f"page{i}.txt").write_text(text, encoding="utf-8")
    return folder


def test_line_key_ignores_case_digits_and_punctuation() -> None:
    assert line_key("Read our 2019 report!") == line_key("read our 2020 REPORT")
    assert line_key("Read our report") != line_key("Read your report")


def test_site_comes_from_the_url_or_a_copyright_line() -> None:
    [page, *_] = documents()
    assert site_of(page) == "Harbour Review"
    assert site_of(Document.from_bytes(b"x", "x", source="a.jsonl", format="jsonl",
                                       url="https://www.harbour.example/a/1")) == "harbour.example"
    html = Document.from_bytes(b"<p>x</p>", "<p>x</p>", source="a.html", format="html")
    assert fingerprint(html) is None


def test_site_furniture_dropped_headlines_and_stock_phrases_kept() -> None:
    pages = documents()
    lines = SiteLines()
    lines.add(fingerprint(page) for page in pages)
    assert lines.pages("Harbour Review", PROMO) == len(pages) >= MIN_PAGES
    alone = extract_articles(pages[0])[0]
    assert PROMO in [p.text for p in alone.paragraphs]  # one page alone cannot tell
    for i, page in enumerate(pages):
        [article] = extract_articles(page, lines)
        assert article.title == STORIES[i][0]  # also listed under "Latest" on every other page
        texts = [p.text for p in article.paragraphs]
        assert PROMO not in texts and TAGLINE not in texts
        assert STOCK in texts  # repeated, but amid the body: a real paragraph
    labels = {line.text: line.reason for line in label_lines(pages[0].content, lines.furniture_for("Harbour Review"))}
    assert labels[PROMO] == REPEATED and labels[TAGLINE] == REPEATED


def test_a_copy_of_a_whole_article_is_not_furniture() -> None:
    text = site_page(0)
    copies = [Document.from_bytes(f"{text}\n{n}".encode(), f"{text}\n{n}", source=f"c{n}.txt", format="txt")
              for n in range(4)]
    lines = SiteLines()
    lines.add(fingerprint(page) for page in copies)
    [article] = extract_articles(copies[0], lines)
    assert [p.text for p in article.paragraphs][0] == STORIES[0][1]
    assert len(article.paragraphs) == 4


def test_counts_persist_across_batches_and_are_not_doubled(tmp_path: Path) -> None:
    folder = site_folder(tmp_path)
    db = tmp_path / "e.duckdb"
    with Store(db) as store:
        ingest([str(folder)], store, batch_size=2)
        ingest([str(folder)], store, batch_size=2)  # the same bytes again: nothing counted twice
        bodies = {a["source"]: [p["text"] for p in a["paragraphs"]] for a in store.articles()}
        pages = store.con.execute("SELECT max(pages) FROM site_lines WHERE site = 'Harbour Review'").fetchone()[0]
    assert pages == len(STORIES)
    # The first batch saw the promo on 2 pages only; from the third page on it is known.
    assert PROMO in bodies[str(folder / "page0.txt")]
    assert PROMO not in bodies[str(folder / "page2.txt")] and PROMO not in bodies[str(folder / "page3.txt")]


def test_a_version_1_database_is_upgraded_in_place(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE site_lines")
    con.execute("DELETE FROM schema_version")
    con.execute("INSERT INTO schema_version (version) VALUES (1)")
    con.close()
    with Store(db, read_only=True) as old:
        assert old.version() == 1
    with Store(db) as store:
        assert store.version() == SCHEMA_VERSION
        assert store.con.execute("SELECT count(*) FROM site_lines").fetchone()[0] == 0


def test_explain_uses_the_sites_stored_counts(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from eventwire.cli import app

    folder = site_folder(tmp_path)
    db = tmp_path / "e.duckdb"
    runner = CliRunner()
    alone = runner.invoke(app, ["articles", "--explain", str(folder / "page0.txt"), "--db", str(tmp_path / "none.duckdb")])
    assert alone.exit_code == 0 and REPEATED not in alone.output
    assert runner.invoke(app, ["ingest", str(folder), "--db", str(db)]).exit_code == 0
    result = runner.invoke(app, ["articles", "--explain", str(folder / "page0.txt"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    promo = next(line for line in result.output.splitlines() if "forty countries" in line)
    assert REPEATED in promo and " body " not in promo
