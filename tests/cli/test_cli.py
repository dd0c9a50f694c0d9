"""The command line end to end on the bundled sample pages and on bad input."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from tests.conftest import EXAMPLES
from tests.contract import assert_article_record, assert_event_record, assert_quote_record

pytestmark = pytest.mark.slow
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "examples.duckdb"
    result = run("ingest", str(EXAMPLES), "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


def test_ingest_examples_finds_articles_and_events(sample_db: Path) -> None:
    articles = [json.loads(line) for line in run("articles", "--db", str(sample_db)).stdout.splitlines()]
    events = [json.loads(line) for line in run("events", "--db", str(sample_db)).stdout.splitlines()]
    for record in articles:
        assert_article_record(record)
    for record in events:
        assert_event_record(record)
    sources = {Path(a["source"]).name for a in articles if not a["source"].startswith("http")}
    assert {p.name for p in EXAMPLES.glob("*.txt")} <= sources
    assert any(a["source"].startswith("http") for a in articles), "WARC records keep their URL"
    assert len(events) >= 20
    assert len({e["type"] for e in events}) >= 5


def test_event_evidence_is_verbatim_in_text_sources(sample_db: Path) -> None:
    events = [json.loads(line) for line in run("events", "--db", str(sample_db)).stdout.splitlines()]
    checked = 0
    for event in events:
        evidence = event["evidence"]
        if evidence["source"].endswith(".txt"):
            lines = Path(evidence["source"]).read_text(encoding="utf-8").split("\n")
            assert "\n".join(lines[evidence["line"] - 1:])[evidence["start"]:evidence["end"]] == evidence["text"]
            checked += 1
    assert checked >= 10


def test_second_ingest_adds_nothing(sample_db: Path) -> None:
    before = run("events", "--db", str(sample_db)).stdout
    result = run("ingest", str(EXAMPLES), "--db", str(sample_db))
    assert result.exit_code == 0
    assert "ingested 0 new documents" in result.stderr
    assert run("events", "--db", str(sample_db)).stdout == before


def test_filters_and_formats(sample_db: Path) -> None:
    assault = [json.loads(l) for l in run("events", "--db", str(sample_db), "--type", "ASSAULT").stdout.splitlines()]
    assert assault and all(e["type"] == "ASSAULT" for e in assault)
    russia = [json.loads(l) for l in run("events", "--db", str(sample_db), "--actor", "RUS").stdout.splitlines()]
    assert russia and all(any(a["code"] == "RUS" for a in e["actor"]) for e in russia)
    rows = list(csv.DictReader(io.StringIO(run("events", "--db", str(sample_db), "--format", "csv").stdout)))
    assert rows and rows[0]["evidence_text"]
    table = run("events", "--db", str(sample_db), "--format", "table", "--limit", "3").stdout
    assert "evidence" in table
    assert "Articles" in run("articles", "--db", str(sample_db), "--format", "table").stdout


def test_stats_summarises_pages_types_and_examples(sample_db: Path) -> None:
    out = run("stats", "--db", str(sample_db)).stdout
    assert "Articles and events per page" in out and "Events by type" in out
    assert "A few events with their evidence" in out


def test_bad_inputs_are_named_and_the_rest_is_stored(tmp_path: Path) -> None:
    db = tmp_path / "bad.duckdb"
    good = tmp_path / "good.txt"
    shutil.copy(EXAMPLES / "01_syria_ceasefire_collapse.txt", good)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "feed.jsonl").write_text('{"text": "Iran rejected the demand on Monday, its foreign ministry said."}\n{oops\n')
    result = run("ingest", str(tmp_path), "--db", str(db))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any("empty.txt: empty file" in l for l in lines)
    assert any("blob.txt: binary content" in l for l in lines)
    assert any("feed.jsonl (line 2): malformed JSON" in l for l in lines)
    stats_before = run("articles", "--db", str(db)).stdout
    assert "good.txt" in stats_before
    again = run("ingest", str(tmp_path), "--db", str(db))
    assert again.exit_code == 1 and "ingested 0 new documents" in again.stderr
    assert run("articles", "--db", str(db)).stdout == stats_before


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "a-rather-long-folder-name-so-that-a-wrapping-console-would-break-the-line" / "none.duckdb"
    result = runner.invoke(app, ["events", "--db", str(missing)])
    assert result.exit_code == 2
    assert f"error: {missing}: no such database" in result.stderr.splitlines()[0]


def test_explain_shows_every_line_with_label_and_reason(fixtures: Path, tmp_path: Path) -> None:
    result = run("articles", "--explain", str(fixtures / "multi_article_page.txt"), "--db", str(tmp_path / "none.duckdb"))
    lines = result.stdout.splitlines()
    assert result.exit_code == 0
    assert len(lines) == sum(1 for l in (fixtures / "multi_article_page.txt").read_text().splitlines() if l.strip())
    assert any(l.split()[:3] == ["47", "2", "title"] for l in lines)
    assert any("comment-thread furniture" in l for l in lines)


def test_quotes_list_speakers_and_the_events_told_in_them(sample_db: Path) -> None:
    quotes = [json.loads(line) for line in run("quotes", "--db", str(sample_db), "-f", "jsonl").stdout.splitlines()]
    assert len(quotes) >= 10
    for record in quotes:
        assert_quote_record(record)
    assert any(q["speaker"] and q["speaker"]["code"] for q in quotes)
    events = {json.loads(line)["id"]: json.loads(line) for line in run("events", "--db", str(sample_db)).stdout.splitlines()}
    for quote in quotes:
        for event_id in quote["events"]:
            assert events[event_id]["attribution"]["quote_id"] == quote["id"]
    coded = next(q["speaker"]["code"] for q in quotes if q["speaker"] and q["speaker"]["code"])
    only = [json.loads(line) for line in run("quotes", "--db", str(sample_db), "-f", "jsonl", "--speaker", coded).stdout.splitlines()]
    assert only and all(q["speaker"]["code"] == coded or coded.lower() in (q["speaker_text"] or "").lower() for q in only)
    assert "Quotes" in run("quotes", "--db", str(sample_db)).stdout


def test_places_are_listed_with_precision_and_no_pin_for_a_country(sample_db: Path) -> None:
    places = [json.loads(line) for line in run("places", "--db", str(sample_db), "-f", "jsonl").stdout.splitlines()]
    assert places and [p["events"] for p in places] == sorted((p["events"] for p in places), reverse=True)
    assert {"city", "country"} <= {p["precision"] for p in places}
    for place in places:
        if place["precision"] == "country":
            assert place["lat"] is None and place["lon"] is None
        elif place["precision"] in ("city", "point"):
            assert place["lat"] is not None and place["lon"] is not None
        assert place["events"] >= 1 and place["written"]
    syria = [json.loads(line) for line in run("places", "--db", str(sample_db), "-f", "jsonl", "--country", "syr").stdout.splitlines()]
    assert syria and all(p["country"] == "SYR" for p in syria)


def test_articles_carry_signals_and_sites_sum_them(sample_db: Path) -> None:
    articles = [json.loads(line) for line in run("articles", "--db", str(sample_db)).stdout.splitlines()]
    assert all(a["signals"] is not None and 0 <= (a["signals"]["claim_share"] or 0) <= 1 for a in articles)
    assert any(a["signals"]["anonymous_sources"] for a in articles)
    sites = [json.loads(line) for line in run("articles", "--db", str(sample_db), "--sites").stdout.splitlines()]
    assert sum(s["articles"] for s in sites) == len(articles)
    table = runner.invoke(app, ["articles", "--db", str(sample_db), "-f", "table"], env={"COLUMNS": "250"}).stdout
    assert "sourcing" in table and "anonymous:" in table


def test_events_carry_who_says_so_dates_and_places(sample_db: Path) -> None:
    events = [json.loads(line) for line in run("events", "--db", str(sample_db)).stdout.splitlines()]
    stances = {e["attribution"]["stance"] for e in events}
    assert {"asserted", "claimed", "denied"} <= stances
    ids = {e["id"] for e in events}
    denials = [e for e in events if e["attribution"]["denies"]]
    assert denials and all(e["type"] == "REJECT" and e["attribution"]["denies"] in ids for e in denials)
    assert any(e["date"] and e["date_rule"] for e in events)
    placed = [e for e in events if e["location"]]
    assert placed and all(e["location"]["text"] in e["evidence"]["text"] for e in placed)
