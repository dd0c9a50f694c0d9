"""Store: an embedded DuckDB file with a versioned schema.

Nested parts of the record (participants, paragraphs, evidence) are kept as JSON next to flat
columns for filtering, so every record reads back exactly as the contract says. Each batch is
written in one transaction together with its documents, so a killed run leaves whole documents
or nothing, and re-ingesting the same bytes is a no-op.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import duckdb

from eventwire.model import Article, ArticleSignals, Event, ProcessedDocument, Quote
from eventwire.pages.repetition import Fingerprint

DEFAULT_DB = "eventwire.duckdb"
SCHEMA_VERSION = 3
READABLE_VERSIONS = (1, 2, 3)  # readers of an old file see no quotes, signals or denial links

SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER NOT NULL,
    applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY, source VARCHAR NOT NULL, locator VARCHAR, format VARCHAR NOT NULL,
    url VARCHAR, content_hash VARCHAR NOT NULL, content VARCHAR NOT NULL,
    article_count INTEGER NOT NULL, ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, document_id VARCHAR NOT NULL, source VARCHAR NOT NULL, site VARCHAR,
    title VARCHAR, standfirst VARCHAR, authors VARCHAR[], syndicated_from VARCHAR,
    published VARCHAR, published_precision VARCHAR, published_basis VARCHAR, kind VARCHAR,
    language VARCHAR, paragraphs JSON, comments JSON, sentence_count INTEGER,
    signals JSON
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, type VARCHAR NOT NULL, mode VARCHAR,
    actor JSON, recipient JSON, actor_codes VARCHAR[], recipient_codes VARCHAR[],
    date VARCHAR, date_precision VARCHAR, location JSON,
    attribution_source VARCHAR, stance VARCHAR, modality VARCHAR,
    evidence JSON, evidence_text VARCHAR, confidence DOUBLE, cluster_id VARCHAR, trigger VARCHAR,
    attribution JSON, date_rule VARCHAR
);

-- version 2: on how many pages of a site each short line occurs (pages/repetition.py)
CREATE TABLE IF NOT EXISTS site_lines (
    site VARCHAR NOT NULL, line_key BIGINT NOT NULL, pages INTEGER NOT NULL,
    PRIMARY KEY (site, line_key)
);

-- version 3: direct quotations with their speakers (quotes.py)
CREATE TABLE IF NOT EXISTS quotes (
    id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL, text VARCHAR NOT NULL, speaker JSON,
    speaker_code VARCHAR, speaker_text VARCHAR, evidence JSON
);
"""

# What each version adds to a file of the version before it (new tables come from SCHEMA).
MIGRATIONS = {
    3: """
ALTER TABLE articles ADD COLUMN IF NOT EXISTS signals JSON;
ALTER TABLE events ADD COLUMN IF NOT EXISTS attribution JSON;
ALTER TABLE events ADD COLUMN IF NOT EXISTS date_rule VARCHAR;
""",
}


class StoreError(RuntimeError):
    pass


def resolve_db_path(db: str | os.PathLike[str] | None) -> Path:
    return Path(db or os.environ.get("EVENTWIRE_DB") or DEFAULT_DB)


class Store:
    def __init__(self, path: str | os.PathLike[str], read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such database; run `eventwire ingest` first")
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open database: {exc}") from exc
        if not read_only:
            self.migrate()
        else:
            self.check_version()
        version = self.version() or 0
        self.has_site_lines = version >= 2  # a v1 file opened read-only has none
        self.has_who_says_so = version >= 3  # … and a v1 or v2 file no quotes, signals or full attribution

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- schema -------------------------------------------------------------------------

    def version(self) -> int | None:
        has_table = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'").fetchone()[0]
        if not has_table:
            return None
        return self.con.execute("SELECT max(version) FROM schema_version").fetchone()[0]

    def check_version(self) -> None:
        version = self.version()
        if version not in READABLE_VERSIONS:
            raise StoreError(f"{self.path}: schema version {version}, this eventwire reads "
                             f"{', '.join(map(str, READABLE_VERSIONS))}")

    def migrate(self) -> None:
        version = self.version()
        if version is not None and version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema version {version} is newer than this eventwire "
                             f"({SCHEMA_VERSION}); upgrade eventwire")
        if version is None or version < SCHEMA_VERSION:
            self.con.execute("BEGIN")
            try:
                self.con.execute(SCHEMA)  # creates what is missing, new tables included
                for step in range(version + 1 if version else SCHEMA_VERSION + 1, SCHEMA_VERSION + 1):
                    self.con.execute(MIGRATIONS.get(step, ""))
                self.con.execute("INSERT INTO schema_version (version) VALUES (?)", [SCHEMA_VERSION])
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise

    # --- writing ------------------------------------------------------------------------

    def known_documents(self, ids: Iterable[str]) -> set[str]:
        ids = list(set(ids))
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM documents WHERE list_contains(?, id)", [ids]).fetchall()
        return {row[0] for row in rows}

    def site_line_pages(self, prints: Iterable[Fingerprint]) -> dict[tuple[str, int], int]:
        """Stored page counts of these fingerprints' lines, per (site, line hash)."""
        if not self.has_site_lines:
            return {}
        keys: dict[str, set[int]] = {}
        for page in prints:
            keys.setdefault(page.site, set()).update(page.keys)
        counts: dict[tuple[str, int], int] = {}
        for site, wanted in keys.items():
            rows = self.con.execute(
                "SELECT s.line_key, s.pages FROM site_lines s JOIN unnest(?::BIGINT[]) AS k(line_key)"
                " ON s.line_key = k.line_key WHERE s.site = ?", [sorted(wanted), site]).fetchall()
            counts.update(((site, key), pages) for key, pages in rows)
        return counts

    def write_batch(self, batch: list[ProcessedDocument],
                    site_lines: dict[tuple[str, int], int] | None = None) -> None:
        """Documents with their articles, events and quotes, and the site-line counts they add,
        all or nothing."""
        documents = [[p.document.id, p.document.source, p.document.locator, p.document.format, p.document.url,
                      p.document.content_hash, p.document.content, len(p.articles)] for p in batch]
        articles = [article_row(a, p.sentence_counts.get(a.id, 0), p.signals.get(a.id))
                    for p in batch for a in p.articles]
        events = [event_row(e) for p in batch for e in p.events]
        quotes = [quote_row(q) for p in batch for q in p.quotes]
        con = self.con
        con.execute("BEGIN")
        try:
            insert_rows(con, "documents (id, source, locator, format, url, content_hash, content, article_count)",
                        documents)
            insert_rows(con, "articles", articles)
            insert_rows(con, "events", events)
            insert_rows(con, "quotes", quotes)
            add_site_lines(con, site_lines or {})
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    # --- reading ------------------------------------------------------------------------

    def articles(self, source: str | None = None) -> Iterator[dict[str, Any]]:
        sql = ("SELECT id, document_id, source, site, title, standfirst, authors, syndicated_from, published,"
               " published_precision, published_basis, kind, language, paragraphs, comments, "
               + ("signals" if self.has_who_says_so else "NULL AS signals") + " FROM articles")
        params: list[Any] = []
        if source:
            sql += " WHERE source = ?"
            params.append(source)
        sql += " ORDER BY source, id"
        cursor = self.con.execute(sql, params)
        names = [d[0] for d in cursor.description]
        while rows := cursor.fetchmany(1000):
            for row in rows:
                record = dict(zip(names, row))
                record["authors"] = list(record["authors"] or [])
                record["paragraphs"] = json.loads(record["paragraphs"])
                record["comments"] = json.loads(record["comments"])
                record["signals"] = json.loads(record["signals"]) if record["signals"] else None
                yield record

    def events(self, type: str | None = None, actor: str | None = None,
               limit: int | None = None) -> Iterator[dict[str, Any]]:
        sql = ("SELECT id, article_id, type, mode, actor, recipient, date, date_precision, location,"
               " attribution_source, stance, modality, evidence, confidence, cluster_id, trigger, "
               + ("attribution, date_rule" if self.has_who_says_so else "NULL, NULL") + " FROM events")
        where: list[str] = []
        params: list[Any] = []
        if type:
            where.append("type = ?")
            params.append(type.upper())
        if actor:
            where.append("list_contains(actor_codes, ?)")
            params.append(actor.upper())
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY article_id, json_extract(evidence, '$.line')::INTEGER, json_extract(evidence, '$.start')::INTEGER, id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        cursor = self.con.execute(sql, params)
        while rows := cursor.fetchmany(1000):
            for (id_, article_id, type_, mode, actor_json, recipient_json, date, date_precision, location,
                 attribution_source, stance, modality, evidence, confidence, cluster_id, trigger, attribution,
                 date_rule) in rows:
                yield {
                    "id": id_, "article_id": article_id, "type": type_, "mode": mode,
                    "actor": json.loads(actor_json), "recipient": json.loads(recipient_json),
                    "date": date, "date_precision": date_precision, "date_rule": date_rule,
                    "location": json.loads(location) if location else None,
                    "attribution": json.loads(attribution) if attribution else
                    {"source": attribution_source, "stance": stance},
                    "modality": modality, "evidence": json.loads(evidence),
                    "confidence": confidence, "cluster_id": cluster_id, "trigger": trigger,
                }

    def quotes(self, speaker: str | None = None, article_id: str | None = None,
               limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Direct quotations in text order, each with the ids of the events told inside it."""
        if not self.has_who_says_so:
            return
        sql = ("SELECT q.id, q.article_id, q.text, q.speaker, q.speaker_text, q.evidence,"
               " (SELECT list(e.id ORDER BY e.id) FROM events e"
               "  WHERE json_extract_string(e.attribution, '$.quote_id') = q.id) AS events FROM quotes q")
        where: list[str] = []
        params: list[Any] = []
        if speaker:
            where.append("(q.speaker_code = ? OR q.speaker_text ILIKE ? OR"
                         " json_extract_string(q.speaker, '$.name') ILIKE ?)")
            params += [speaker.upper(), f"%{speaker}%", f"%{speaker}%"]
        if article_id:
            where.append("q.article_id = ?")
            params.append(article_id)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += (" ORDER BY q.article_id, json_extract(q.evidence, '$.line')::INTEGER,"
                " json_extract(q.evidence, '$.start')::INTEGER")
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        cursor = self.con.execute(sql, params)
        while rows := cursor.fetchmany(1000):
            for id_, article_id_, text, speaker_json, speaker_text, evidence, events in rows:
                yield {"id": id_, "article_id": article_id_, "text": text,
                       "speaker": json.loads(speaker_json) if speaker_json else None,
                       "speaker_text": speaker_text, "evidence": json.loads(evidence), "events": list(events or [])}

    def places(self, country: str | None = None, limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Resolved places with how many events each holds, most first."""
        sql = ("SELECT json_extract_string(location, '$.name') AS name,"
               " json_extract_string(location, '$.country') AS country,"
               " json_extract_string(location, '$.precision') AS precision,"
               " json_extract(location, '$.lat')::DOUBLE AS lat, json_extract(location, '$.lon')::DOUBLE AS lon,"
               " count(*) AS events, list(DISTINCT json_extract_string(location, '$.text')) AS written"
               " FROM events WHERE location IS NOT NULL")
        params: list[Any] = []
        if country:
            sql += " AND json_extract_string(location, '$.country') = ?"
            params.append(country.upper())
        sql += " GROUP BY ALL ORDER BY events DESC, name"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        cursor = self.con.execute(sql, params)
        names = [d[0] for d in cursor.description]
        for row in cursor.fetchall():
            record = dict(zip(names, row))
            record["written"] = sorted(record["written"])
            yield record

    def article_headers(self) -> dict[str, dict[str, Any]]:
        """Per article id what an export cites and dates events by, without the article's text."""
        cursor = self.con.execute(
            "SELECT id, source, site, title, published, published_precision, language FROM articles")
        names = [d[0] for d in cursor.description]
        return {row[0]: dict(zip(names[1:], row[1:])) for row in cursor.fetchall()}

    def stats(self) -> dict[str, Any]:
        con = self.con
        return {
            "documents": con.execute("SELECT count(*) FROM documents").fetchone()[0],
            "articles": con.execute("SELECT count(*) FROM articles").fetchone()[0],
            "events": con.execute("SELECT count(*) FROM events").fetchone()[0],
            "comments": con.execute("SELECT coalesce(sum(json_array_length(comments)), 0) FROM articles").fetchone()[0],
            "quotes": con.execute("SELECT count(*) FROM quotes").fetchone()[0] if self.has_who_says_so else 0,
            "events_by_stance": dict(con.execute(
                "SELECT stance, count(*) AS n FROM events GROUP BY stance ORDER BY n DESC, stance").fetchall()),
            "events_by_type": dict(con.execute(
                "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type").fetchall()),
            "articles_by_source": dict(con.execute(
                "SELECT source, count(*) FROM articles GROUP BY source ORDER BY source").fetchall()),
            "events_by_source": dict(con.execute(
                "SELECT a.source, count(*) FROM events e JOIN articles a ON e.article_id = a.id"
                " GROUP BY a.source ORDER BY a.source").fetchall()),
        }


INSERT_CHUNK_ROWS = 256


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[list[Any]]) -> None:
    """Multi-row parameterised INSERTs: far faster in DuckDB than executemany's row-at-a-time."""
    for start in range(0, len(rows), INSERT_CHUNK_ROWS):
        chunk = rows[start:start + INSERT_CHUNK_ROWS]
        placeholders = "(" + ", ".join("?" * len(chunk[0])) + ")"
        con.execute(f"INSERT OR IGNORE INTO {table} VALUES " + ", ".join([placeholders] * len(chunk)),
                    [value for row in chunk for value in row])


def add_site_lines(con: duckdb.DuckDBPyConnection, counts: dict[tuple[str, int], int]) -> None:
    by_site: dict[str, list[tuple[int, int]]] = {}
    for (site, key), pages in counts.items():
        by_site.setdefault(site, []).append((key, pages))
    for site, rows in by_site.items():
        con.execute(
            "INSERT INTO site_lines SELECT ?, unnest(?::BIGINT[]), unnest(?::INTEGER[])"
            " ON CONFLICT (site, line_key) DO UPDATE SET pages = site_lines.pages + excluded.pages",
            [site, [key for key, _ in rows], [pages for _, pages in rows]])


def article_row(article: Article, sentence_count: int, signals: ArticleSignals | None) -> list[Any]:
    record = article.to_dict()
    return [record["id"], record["document_id"], record["source"], record["site"], record["title"],
            record["standfirst"], record["authors"], record["syndicated_from"], record["published"],
            record["published_precision"], record["published_basis"], record["kind"], record["language"],
            json.dumps(record["paragraphs"], ensure_ascii=False), json.dumps(record["comments"], ensure_ascii=False),
            sentence_count, json.dumps(signals.to_dict(), ensure_ascii=False) if signals else None]


def quote_row(quote: Quote) -> list[Any]:
    record = quote.to_dict()
    speaker = record["speaker"]
    return [record["id"], record["article_id"], record["text"],
            json.dumps(speaker, ensure_ascii=False) if speaker else None, speaker["code"] if speaker else None,
            record["speaker_text"], json.dumps(record["evidence"], ensure_ascii=False)]


def event_row(event: Event) -> list[Any]:
    record = event.to_dict()
    return [record["id"], record["article_id"], record["type"], record["mode"],
            json.dumps(record["actor"], ensure_ascii=False), json.dumps(record["recipient"], ensure_ascii=False),
            [a["code"] for a in record["actor"] if a["code"]], [r["code"] for r in record["recipient"] if r["code"]],
            record["date"], record["date_precision"],
            json.dumps(record["location"], ensure_ascii=False) if record["location"] else None,
            record["attribution"]["source"], record["attribution"]["stance"], record["modality"],
            json.dumps(record["evidence"], ensure_ascii=False), record["evidence"]["text"],
            record["confidence"], record["cluster_id"], record["trigger"],
            json.dumps(record["attribution"], ensure_ascii=False), record["date_rule"]]
