"""The anatomy meets the issue's targets on our labelled pages (gold/pages, see FORMAT.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.evaluation.pages import score_pages
from tests.conftest import REPO, SHARED

GOLD = REPO / "gold" / "pages"


def assert_meets_targets(folder: Path) -> None:
    report = score_pages([folder])
    assert report.pages and not report.skipped, report.skipped
    summary = report.summary()
    assert summary["labels"]["body"]["f1"] >= 0.98
    assert summary["comment_lines_in_bodies"] == 0
    assert summary["headlines_kept"] == 1.0
    assert [p["source"] for p in summary["per_page"] if not p["boundaries_exact"]] == []


def test_sample_pages_meet_the_targets() -> None:
    assert_meets_targets(GOLD / "examples")


def test_seed_pages_meet_the_targets() -> None:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared/seeds is not present")
    assert_meets_targets(GOLD / "seeds")


def test_development_pages_meet_the_targets() -> None:
    assert_meets_targets(GOLD / "dev")
    assert_meets_targets(GOLD / "dev2")


def test_every_sample_page_has_gold() -> None:
    pages = {p.stem for p in (REPO / "examples" / "pages").glob("*.txt")}
    assert pages == {p.stem for p in (GOLD / "examples").glob("*.yaml")}
