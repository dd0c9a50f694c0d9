"""The page-anatomy scorer: perfect on a page it gets right, and it notices mistakes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.evaluation.pages import GoldError, expand, score_pages
from tests.conftest import REPO

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "gold_multi_article_page.yaml"


def test_expand_ranges() -> None:
    assert expand([5, "7-9", "12"]) == [5, 7, 8, 9, 12]
    assert expand(None) == [] and expand(3) == [3]


def test_scores_a_correct_page_perfectly() -> None:
    summary = score_pages([GOLD]).summary()
    assert summary["pages"] == 1
    assert summary["labels"]["body"]["f1"] == 1.0
    assert summary["labels"]["comment"]["f1"] == 1.0
    assert summary["comment_lines_in_bodies"] == 0
    assert summary["headlines_kept"] == 1.0 and summary["boundaries_exact"] == 1.0


def test_wrong_gold_lowers_the_scores(tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(f"source: {REPO / 'tests/fixtures/multi_article_page.txt'}\n"
                     "articles:\n  - title: 5\n    body: ['17-21', '31-43', '53-55']\n", encoding="utf-8")
    summary = score_pages([wrong]).summary()
    assert summary["labels"]["body"]["recall"] < 0.6
    assert summary["boundaries_exact"] == 0.0
    assert summary["labels"]["title"]["precision"] == 0.5


def test_missing_page_is_skipped_and_bad_gold_is_an_error(tmp_path: Path) -> None:
    absent = tmp_path / "absent.yaml"
    absent.write_text("source: no/such/page.txt\narticles: []\n")
    report = score_pages([absent])
    assert report.pages == [] and "not found" in report.skipped[0]
    bad = tmp_path / "bad.yaml"
    bad.write_text(f"source: {REPO / 'tests/fixtures/multi_article_page.txt'}\narticles:\n  - title: 5\n")
    with pytest.raises(GoldError, match="without body"):
        score_pages([bad])


def test_cli_json_report() -> None:
    result = CliRunner().invoke(app, ["eval", "pages", str(GOLD), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["labels"]["body"]["f1"] == 1.0


def test_show_errors_names_each_wrong_line(tmp_path: Path) -> None:
    spec = GOLD.read_text(encoding="utf-8") + "boiler: [17]\n"  # a body line the gold now calls boiler
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(spec.replace("source: tests/fixtures/", f"source: {REPO}/tests/fixtures/"), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "pages", str(wrong), "--show-errors"])
    assert result.exit_code == 0, result.output
    assert "multi_article_page.txt:17: gold boiler, predicted body" in result.output
    assert "article body spans gold [(19, 21)" in result.output


def test_publication_dates_are_scored_by_month(tmp_path: Path) -> None:
    page = tmp_path / "dated.txt"
    page.write_text("The Harbour Ledger\n\nPatrols begin on the border strip\n\nBy Imogen Varga, 23 October 2019\n\n"
                    "Russian and Turkish officials agreed in Sochi to run joint patrols along the Syrian border.\n\n"
                    "The deal gives Kurdish fighters five days to withdraw from the area.\n", encoding="utf-8")
    gold = tmp_path / "dated.yaml"
    gold.write_text(f"source: {page}\narticles:\n  - title: 3\n    published: '2019-10'\n    byline: [5]\n"
                    "    body: ['7-9']\n", encoding="utf-8")
    assert score_pages([gold]).summary()["published_month_right"] == {"correct": 1, "scored": 1, "accuracy": 1.0}
    gold.write_text(gold.read_text(encoding="utf-8").replace("2019-10", "2019-11"), encoding="utf-8")
    assert score_pages([gold]).summary()["published_month_right"]["correct"] == 0
    assert score_pages([GOLD]).summary()["published_month_right"]["scored"] == 0  # no date labelled
