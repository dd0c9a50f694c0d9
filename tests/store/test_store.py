"""DuckDB store: records read back as the contract, batches are atomic, re-ingest adds nothing."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from eventwire.model import Actor, Article, Comment, Document, Event, Evidence, Paragraph
from eventwire.store import SCHEMA_VERSION, Store, StoreError, resolve_db_path
from tests.contract import assert_article_record, assert_event_record


def sample(n: int = 0) -> tuple[Document, list[Article], dict[str, int], list[Event]]:
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
    return doc, [article], {article.id: 1}, [event]


def test_round_trip_follows_the_contract(db_path: Path) -> None:
    doc, articles, counts, events = sample()
    with Store(db_path) as store:
        store.write_batch([(doc, articles, counts, events)])
        [article] = list(store.articles())
        [event] = list(store.events())
    assert_article_record(article)
    assert_event_record(event)
    assert article == articles[0].to_dict()
    assert event == events[0].to_dict()


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
        assert store.known_documents([sample(0)[0].id, "d-unknown"]) == {sample(0)[0].id}
    assert (stats["documents"], stats["articles"], stats["events"]) == (1, 1, 1)


def test_a_failing_batch_leaves_nothing_behind(db_path: Path) -> None:
    doc, articles, counts, events = sample(2)
    broken = Event(id="e-broken", article_id=None, type="ASSAULT",  # type: ignore[arg-type]
                   evidence=events[0].evidence)
    with Store(db_path) as store:
        store.write_batch([sample(0)])
        with pytest.raises(duckdb.Error):
            store.write_batch([(doc, articles, counts, events + [broken])])
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
