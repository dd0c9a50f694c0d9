"""`eventwire export`: PLOVER and CAMEO JSONL from the sample pages, and the PLOVER -> CAMEO table."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.export import cameo_code, load_cameo_table
from eventwire.model import Actor, Article, Document, Event, Evidence, Paragraph, ProcessedDocument
from eventwire.store import Store
from tests.conftest import EXAMPLES
from tests.contract import PLOVER_TYPES

runner = CliRunner()
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
CONTEXT = {"actual": [], "historical": ["historical"], "future": ["future"], "hypothetical": ["hypothetical"],
           "negated": ["negation"]}
SAMPLE_PAGES = ("03_aleppo_evacuation_astana.txt", "04_khan_shaykhun_shayrat.txt", "08_archive.warc.gz")


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    """Three sample pages hold every case below (an air strike, a phone call, a WARC page with a URL,
    publication dates, future and negated events) at a third of the cost of ingesting them all."""
    db = tmp_path_factory.mktemp("export") / "examples.duckdb"
    pages = [str(EXAMPLES / name) for name in SAMPLE_PAGES]
    result = run("ingest", *pages, "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.slow
def test_plover_export_is_one_record_per_event_and_loses_nothing(sample_db: Path) -> None:
    result = run("export", "--db", str(sample_db), "--format", "plover")
    plover = records(result.stdout)
    stored = records(run("events", "--db", str(sample_db)).stdout)
    articles = {a["id"]: a for a in records(run("articles", "--db", str(sample_db)).stdout)}
    assert result.exit_code == 0 and len(plover) == len(stored) >= 20
    assert result.stderr.strip() == f"exported {len(plover)} PLOVER events"
    for record, event in zip(plover, stored):
        assert record["id"] == event["id"] and record["event"] == [event["type"]]
        assert set(record["event"]) <= PLOVER_TYPES
        assert record["mode"] == ([event["mode"]] if event["mode"] else [])
        assert record["context"] == CONTEXT[event["modality"]]
        assert record["date"] is None or DAY.fullmatch(record["date"])
        assert isinstance(record["source"], list) and isinstance(record["recipient"], list)
        assert record["source"] == [{"actor_text": p["text"], "code": p["code"], "sector": p["sector"],
                                     "identifier_text": p["name"]} for p in event["actor"]]
        assert len(record["recipient"]) == len(event["recipient"])
        assert record["text"] == event["evidence"]["text"] and record["coder"].startswith("eventwire ")
        ours = record["eventwire"]
        assert {"source", "line", "start", "end"} <= ours["evidence"].keys()
        assert ours["attribution"]["stance"] and ours["modality"] and "cluster_id" in ours
        article = articles[event["article_id"]]
        assert record["cite_info"]["citation"] == article["source"]
        if ours["date_basis"] == "published":
            assert record["date"] == article["published"]
        # PLOVER's fields and our namespace together give back the stored record exactly
        restored = {key: value for key, value in ours.items() if key != "date_basis"}
        restored |= {"id": record["id"], "type": record["event"][0], "mode": (record["mode"] or [None])[0],
                     "trigger": (record["event_text"] or [None])[0]}
        assert restored == event
    assert any(r["date"] and r["eventwire"]["date_basis"] == "published" for r in plover)
    assert any(r["context"] for r in plover), "the samples hold future, hypothetical or negated events"
    assert any(r["cite_info"]["url"] for r in plover), "WARC records cite their URL"


@pytest.mark.slow
def test_cameo_export_codes_known_sample_events(sample_db: Path) -> None:
    result = run("export", "--db", str(sample_db), "--format", "cameo")
    rows = records(result.stdout)
    table = load_cameo_table()
    assert result.exit_code == 0 and rows
    assert result.stderr.startswith(f"exported {len(rows)} CAMEO events; skipped ")
    assert len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert re.fullmatch(r"\d{3,4}", row["cameo_code"]) and row["root_code"] == row["cameo_code"][:2]
        assert row["cameo_code"] == cameo_code(table, row["plover_type"], row["plover_mode"])
        for actor in (row["source_actor"], row["target_actor"]):
            assert actor is None or re.fullmatch(r"[A-Z]{3}(?:[A-Z]{3})*", actor)
        assert row["text"] and row["source_file"] and isinstance(row["line"], int)
        assert row["date"] is None or DAY.fullmatch(row["date"])
    [bombing] = [r for r in rows if "aircraft had bombed a rebel warehouse" in r["text"]
                 and (r["plover_type"], r["plover_mode"]) == ("ASSAULT", "aerial")]
    # rebels a state's own aircraft bomb are that state's rebels
    assert (bombing["cameo_code"], bombing["root_code"], bombing["target_actor"]) == ("195", "19", "SYRREB")
    assert bombing["source_actor"].startswith("SYR") and bombing["source_file"].endswith("04_khan_shaykhun_shayrat.txt")
    phone = [r for r in rows if (r["plover_type"], r["plover_mode"]) == ("CONSULT", "phone")]
    assert phone and all(r["cameo_code"] == "041" for r in phone)


@pytest.mark.slow
def test_export_writes_a_file_and_honours_the_event_filters(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "assault.jsonl"
    result = run("export", "--db", str(sample_db), "-f", "cameo", "--type", "assault", "--actor", "SYR", "--out", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    rows = records(out.read_text(encoding="utf-8"))
    wanted = records(run("events", "--db", str(sample_db), "--type", "ASSAULT", "--actor", "SYR").stdout)
    assert rows and {r["event_id"] for r in rows} == {e["id"] for e in wanted}
    assert len(records(run("export", "--db", str(sample_db), "-f", "plover", "--limit", "3").stdout)) == 3


def test_cameo_export_pairs_actors_and_skips_what_cameo_cannot_code(tmp_path: Path) -> None:
    text = "Headline\n\nJets struck a UN convoy. The minister resigned. Rebels made demands.\n"
    sentence = text.splitlines()[2]
    doc = Document.from_bytes(text.encode(), text, source="page.txt", format="txt")
    article = Article(id="a-0000000000000001", document_id=doc.id, source=doc.source,
                      paragraphs=[Paragraph(sentence, 3)], published="2016-09-19", published_precision="day")

    def event(n: int, type_: str, mode: str | None, actor: list[Actor], recipient: list[Actor]) -> Event:
        return Event(id=f"e-{n:016d}", article_id=article.id, type=type_, mode=mode, actor=actor,
                     recipient=recipient, evidence=Evidence(sentence, doc.source, 3, 0, len(sentence)))

    events = [event(1, "ASSAULT", "aerial", [Actor("Russian jets", "RUS", "MIL"), Actor("Syrian jets", "SYR", "MIL")],
                    [Actor("a UN convoy", "UNO", "IGO"), Actor("the town")]),
              event(2, "RETREAT", "resign", [Actor("The minister", None, "GOV")], []),
              event(3, "DEMAND", None, [Actor("Rebels", None, "REB")], [])]  # a pre-2021 type name
    db = tmp_path / "tiny.duckdb"
    with Store(db) as store:
        store.write_batch([ProcessedDocument(doc, [article], {article.id: 1}, events)])
    result = run("export", "--db", str(db), "--format", "cameo")
    rows = records(result.stdout)
    assert [(r["id"], r["source_actor"], r["target_actor"], r["cameo_code"], r["date"]) for r in rows] == [
        ("e-0000000000000001-1", "RUSMIL", "IGOUNO", "195", "2016-09-19"),
        ("e-0000000000000001-2", "SYRMIL", "IGOUNO", "195", "2016-09-19")]
    assert result.stderr.strip() == "exported 2 CAMEO events; skipped 2 events with no CAMEO code (RETREAT resign 1, DEMAND 1)"


def test_cameo_table_covers_every_type_and_lets_the_mode_decide() -> None:
    table = load_cameo_table()
    assert {type_ for type_, mode in table if mode is None} == PLOVER_TYPES
    assert all(code is None or re.fullmatch(r"\d{3,4}", code) for code in table.values())
    assert cameo_code(table, "ASSAULT", "aerial") == "195"
    assert cameo_code(table, "ASSAULT", None) == "190"
    assert cameo_code(table, "ASSAULT", "sideAB") == "190", "a mode the table does not list takes the type's code"
    assert cameo_code(table, "CONSULT", "phone") == "041"
    assert cameo_code(table, "AGREE", None) == "030" and cameo_code(table, "RETREAT", "release") == "0841"
    assert cameo_code(table, "RETREAT", "resign") is None, "listed without a code: CAMEO has no such event"
    assert cameo_code(table, "DEMAND", None) is None


def test_cameo_table_rejects_repeated_rows_and_bad_codes(tmp_path: Path) -> None:
    header = "plover_type,mode,cameo_code,cameo_name\n"
    repeated, bad = tmp_path / "repeated.csv", tmp_path / "bad.csv"
    repeated.write_text(header + "ASSAULT,aerial,195,\nASSAULT,aerial,194,\n", encoding="utf-8")
    bad.write_text(header + "ASSAULT,,19x,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"repeated.csv:3: ASSAULT aerial is listed twice"):
        load_cameo_table(repeated)
    with pytest.raises(ValueError, match=r"bad.csv:2: '19x' is not a CAMEO event code"):
        load_cameo_table(bad)
