"""Article boundaries on the bundled sample pages (counts kept in step with their README) and
on the real seed pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventwire.model import Document
from eventwire.pages import extract_articles
from tests.conftest import EXAMPLES


def load(path: Path) -> Document:
    data = path.read_bytes()
    return Document.from_bytes(data, data.decode("utf-8"), source=str(path), format="txt")


def documented_counts() -> dict[str, tuple[int, bool]]:
    """The 'Summary for tests' table of examples/pages/README.md."""
    summary = (EXAMPLES / "README.md").read_text(encoding="utf-8").split("## Summary for tests", 1)[1]
    rows = re.findall(r"^\| `([^`]+\.txt)` \| (\d+) \| (yes|no) \|", summary, re.MULTILINE)
    return {name: (int(count), comments == "yes") for name, count, comments in rows}


def test_readme_lists_every_text_page() -> None:
    assert set(documented_counts()) == {p.name for p in EXAMPLES.glob("*.txt")}


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.txt")))
def test_sample_page_articles_and_comments(name: str) -> None:
    count, has_comments = documented_counts()[name]
    articles = extract_articles(load(EXAMPLES / name))
    assert len(articles) == count
    assert all(a.title for a in articles), "every headline kept"
    assert any(a.comments for a in articles) == has_comments
    for article in articles:
        comment_lines = {c.line for c in article.comments}
        assert not comment_lines & {p.line for p in article.paragraphs}


@pytest.mark.seeds
@pytest.mark.parametrize("seed, count", [("000_9a91aee2521291a8.txt", 4), ("001_ef2a571be3be2919.txt", 4),
                                         ("002_8b708500bf5a1301.txt", 1), ("003_41979cd62c4db0fe.txt", 1),
                                         ("004_4438be51077e72f1.txt", 1)])
def test_seed_article_counts(seeds_dir: Path, seed: str, count: int) -> None:
    articles = extract_articles(load(seeds_dir / seed))
    assert len(articles) == count
    assert all(a.title for a in articles)


@pytest.mark.seeds
def test_seed_comment_thread_is_kept_apart(seeds_dir: Path) -> None:
    first, *rest = extract_articles(load(seeds_dir / "001_ef2a571be3be2919.txt"))
    assert len(first.comments) >= 25
    assert len({c.author for c in first.comments}) >= 8
    assert all(not a.comments for a in rest)
    body_lines = {p.line for a in [first, *rest] for p in a.paragraphs}
    assert not body_lines & {c.line for c in first.comments}
