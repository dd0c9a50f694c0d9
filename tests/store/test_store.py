"""DuckDB store: records read back as the contract, batches are atomic, re-ingest adds nothing."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from eventwire.model import (Actor, Article, ArticleSignals, Attribution, Comment, Document, Event, Evidence,
                             Paragraph, ProcessedDocument, Quote)
from eventwire.store import SCHEMA_VERSION, Store, StoreError, resolve_db_path
from tests.contract import assert_article_record, assert_event_record, assert_quote_record


def sample(n: int = 0) -> ProcessedDocument:
    text = f"Headline {n}\n\nTurkey shelled Kurdish positions near Afrin on Sunday, officials said.\n"
    doc = Document.from_bytes(text.encode(), text, source=f"page{n}.txt", format="txt")
    article = Article(id=f"a-{n:016d}", document_id=doc.id, source=doc.source, title=f"Headline {n}",
                      paragraphs=[Paragraph(text.splitlines()[2], 3)], authors=["A. Writer"],
                      comments=[Comment("reader", "Nonsense.", 9)])
    event = Event(id=f"e-{n:016d}", article_id=article.id, type="ASSAULT", mode="heavy-weapons",
                  actor=[Actor("Turkey", "TUR", None, "Turkey", "TUR")],
                  recipient=[Actor("Kurdish positions")],
                  evidence=Evidence(text.splitlines()[2], doc.source, 3, 0, len(text.splitlines()[2])),
                  confidence=0.8)
    return ProcessedDocument(doc, [article], {article.id: 1}, [event])


def test_round_trip_follows_the_contract(db_path: Path) -> None:
    processed = sample()
    line = processed.articles[0].paragraphs[0].text
    quote = Quote(id="q-0000000000000000", article_id=processed.articles[0].id, text="Turkey shelled Kurdish positions",
                  evidence=Evidence("Turkey shelled Kurdish positions", "page0.txt", 3, 0, 32),
                  speaker=Actor("officials", None, "GOV"), speaker_text="officials")
    claim = processed.events[0]
    claim.attribution = Attribution("officials", "denied", Actor("officials", None, "GOV"),
                                    denied_by=[Actor("Ankara", "TUR", "GOV", "Turkey", "TUR")], quote_id=quote.id)
    denial = Event(id="e-denial", article_id=claim.article_id, type="REJECT", evidence=Evidence(line, "page0.txt", 3, 0, len(line)),
                   attribution=Attribution(denies=claim.id))
    processed.events.append(denial)
    processed.quotes.append(quote)
    processed.signals[processed.articles[0].id] = ArticleSignals(events=2, claims=1, anonymous_sources=["officials said"])
    with Store(db_path) as store:
        store.write_batch([processed])
        [article] = list(store.articles())
        events = list(store.events())
        [stored_quote] = list(store.quotes())
    assert_article_record(article)
    for event in events:
        assert_event_record(event)
    assert_quote_record(stored_quote)
    assert article == processed.articles[0].to_dict() | {"signals": processed.signals[processed.articles[0].id].to_dict()}
    assert events == [e.to_dict() for e in processed.events]
    assert stored_quote == quote.to_dict() | {"events": [claim.id]}


def test_a_version_2_file_is_migrated_and_keeps_its_records(tmp_path: Path) -> None:
    old = tmp_path / "v2.duckdb"
    con = duckdb.connect(str(old))
    con.execute("""
        CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp);
        INSERT INTO schema_version (version) VALUES (2);
        CREATE TABLE documents (id VARCHAR PRIMARY KEY, source VARCHAR NOT NULL, locator VARCHAR, format VARCHAR NOT NULL,
            url VARCHAR, content_hash VARCHAR NOT NULL, content VARCHAR NOT NULL, article_count INTEGER NOT NULL,
            ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp);
        CREATE TABLE articles (id VARCHAR PRIMARY KEY, document_id VARCHAR NOT NULL, source VARCHAR NOT NULL,
            site VARCHAR, title VARCHAR, standfirst VARCHAR, authors VARCHAR[], syndicated_from VARCHAR,
            published VARCHAR, published_precision VARCHAR, published_basis VARCHAR, kind VARCHAR,
            language VARCHAR, paragraphs JSON, comments JSON, sentence_count INTEGER);
        CREATE TABLE events (id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, type VARCHAR NOT NULL, mode VARCHAR,
            actor JSON, recipient JSON, actor_codes VARCHAR[], recipient_codes VARCHAR[], date VARCHAR,
            date_precision VARCHAR, location JSON, attribution_source VARCHAR, stance VARCHAR, modality VARCHAR,
            evidence JSON, evidence_text VARCHAR, confidence DOUBLE, cluster_id VARCHAR, trigger VARCHAR);
        CREATE TABLE site_lines (site VARCHAR NOT NULL, line_key BIGINT NOT NULL, pages INTEGER NOT NULL,
            PRIMARY KEY (site, line_key));
        INSERT INTO events VALUES ('e-old', 'a-old', 'ASSAULT', NULL, '[]', '[]', [], [], NULL, NULL, NULL,
            'Reuters', 'reported', 'actual', '{"text": "x", "source": "p.txt", "line": 1, "start": 0, "end": 1}',
            'x', 0.5, NULL, 'shelled');
    """)
    con.close()
    with Store(old, read_only=True) as reader:  # an old file reads as it is, without quotes
        assert [e["attribution"] for e in reader.events()] == [{"source": "Reuters", "stance": "reported"}]
        assert list(reader.quotes()) == []
    with Store(old) as store:
        assert store.version() == SCHEMA_VERSION
        assert [e["attribution"] for e in store.events()] == [{"source": "Reuters", "stance": "reported"}]
        store.write_batch([sample(0)])
        assert len(list(store.events())) == 2 and store.stats()["quotes"] == 0


def test_filters_by_type_and_actor_code(db_path: Path) -> None:
    with Store(db_path) as store:
        store.write_batch([sample(0), sample(1)])
        assert len(list(store.events(type="assault"))) == 2
        assert len(list(store.events(actor="tur"))) == 2
        assert list(store.events(actor="RUS")) == []
        assert len(list(store.events(limit=1))) == 1


def test_writing_the_same_batch_twice_adds_nothing(db_path: Path) -> None:
    with Store(db_path) as store:
        store.write_batch([sample(0)])
        store.write_batch([sample(0)])
        stats = store.stats()
        assert store.known_documents([sample(0).document.id, "d-unknown"]) == {sample(0).document.id}
    assert (stats["documents"], stats["articles"], stats["events"]) == (1, 1, 1)


def test_a_failing_batch_leaves_nothing_behind(db_path: Path) -> None:
    processed = sample(2)
    broken = Event(id="e-broken", article_id=None, type="ASSAULT",  # type: ignore[arg-type]
                   evidence=processed.events[0].evidence)
    processed.events.append(broken)
    with Store(db_path) as store:
        store.write_batch([sample(0)])
        with pytest.raises(duckdb.Error):
            store.write_batch([processed])
        stats = store.stats()
    assert (stats["documents"], stats["articles"], stats["events"]) == (1, 1, 1)


def test_schema_version_is_recorded_and_checked(db_path: Path) -> None:
    Store(db_path).close()
    con = duckdb.connect(str(db_path))
    assert con.execute("SELECT max(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    con.execute("INSERT INTO schema_version (version) VALUES (?)", [SCHEMA_VERSION + 1])
    con.close()
    with pytest.raises(StoreError, match="newer than this eventwire"):
        Store(db_path)
    with pytest.raises(StoreError, match="schema version"):
        Store(db_path, read_only=True)


def test_read_only_needs_an_existing_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "absent.duckdb", read_only=True)


def test_db_path_from_option_then_environment(monkeypatch) -> None:
    monkeypatch.delenv("EVENTWIRE_DB", raising=False)
    assert resolve_db_path(None) == Path("eventwire.duckdb")
    monkeypatch.setenv("EVENTWIRE_DB", "/tmp/x.duckdb")
    assert resolve_db_path(None) == Path("/tmp/x.duckdb")
    assert resolve_db_path("y.duckdb") == Path("y.duckdb")
