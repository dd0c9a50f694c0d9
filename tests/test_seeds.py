"""Integration on the real scraped seed pages in ../shared/seeds (skipped where absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from tests.contract import assert_article_record, assert_event_record

pytestmark = [pytest.mark.slow, pytest.mark.seeds]
runner = CliRunner()


def records(command: str, db: Path) -> list[dict]:
    result = runner.invoke(app, [command, "--db", str(db)], catch_exceptions=False)
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_seeds_end_to_end(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "seeds.duckdb"
    first = runner.invoke(app, ["ingest", str(seeds_dir), "--db", str(db)], catch_exceptions=False)
    assert first.exit_code == 0, first.stderr
    articles = records("articles", db)
    events = records("events", db)
    for article in articles:
        assert_article_record(article)
    assert {Path(a["source"]).name for a in articles} == {p.name for p in seeds_dir.glob("*.txt")}
    assert events, "the seeds report many political events"
    for event in events:
        assert_event_record(event)
        evidence = event["evidence"]
        lines = Path(evidence["source"]).read_text(encoding="utf-8").split("\n")
        assert "\n".join(lines[evidence["line"] - 1:])[evidence["start"]:evidence["end"]] == evidence["text"]
    comment_lines = {(a["source"], c["line"]) for a in articles for c in a["comments"]}
    assert comment_lines, "the seeds carry reader-comment threads"
    article_by_id = {a["id"]: a for a in articles}
    assert not any((article_by_id[e["article_id"]]["source"], e["evidence"]["line"]) in comment_lines for e in events)

    second = runner.invoke(app, ["ingest", str(seeds_dir), "--db", str(db)], catch_exceptions=False)
    assert "ingested 0 new documents" in second.stderr
    assert records("articles", db) == articles
    assert records("events", db) == events
