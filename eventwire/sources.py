"""Sources: turn paths (files, folders, globs) into Documents.

Readers never raise on bad input: each problem becomes an `InputError` naming the file (and
line or record) and the reason, yielded in the stream so the run goes on with other inputs.
"""

from __future__ import annotations

import glob
import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from eventwire.model import Document

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024  # one page or record; larger ones are refused, not cut
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".jsonl", ".warc", ".warc.gz"}
HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class InputError:
    """A bad input, reported and skipped."""

    path: str
    reason: str
    where: str | None = None

    def __str__(self) -> str:
        place = f"{self.path} ({self.where})" if self.where else self.path
        return f"{place}: {self.reason}"


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def expand_paths(paths: Iterable[str]) -> Iterator[Path | InputError]:
    """Files as given; folders walked (supported files only, sorted); globs expanded."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if suffix_of(child) in SUPPORTED_SUFFIXES and not child.name.startswith("."):
                    yield child
        elif path.exists():
            yield path
        elif glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield InputError(raw, "no file matches this pattern")
            yield from expand_paths(matches)
        else:
            yield InputError(raw, "no such file or folder")


def read_inputs(paths: Iterable[str]) -> Iterator[Document | InputError]:
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_file(item)


def read_file(path: Path) -> Iterator[Document | InputError]:
    suffix = suffix_of(path)
    source = str(path)
    if suffix not in SUPPORTED_SUFFIXES:
        yield InputError(source, f"unsupported file type {suffix or '(no suffix)'!r}; "
                                 f"expected one of {', '.join(sorted(SUPPORTED_SUFFIXES))}")
        return
    try:
        if suffix in (".warc", ".warc.gz"):
            yield from read_warc(path)
            return
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES and suffix != ".jsonl":
            yield InputError(source, f"too large ({size:,} bytes; the limit is {MAX_DOCUMENT_BYTES:,})")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
        return
    if suffix == ".jsonl":
        yield from read_jsonl(data, source)
        return
    fmt = "html" if suffix in HTML_SUFFIXES else "txt"
    try:
        yield Document.from_bytes(data, decode_page(data), source=source, format=fmt)
    except NotAPage as exc:
        yield InputError(source, str(exc))


class NotAPage(ValueError):
    """Bytes that cannot be read as a text or HTML page; the message says why."""


def decode_page(data: bytes) -> str:
    """Decoded text with newlines normalised to \\n."""
    if not data.strip():
        raise NotAPage("empty file")
    sample = data[:65536]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise NotAPage("binary content (NUL bytes), not a text page")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            raise NotAPage("undecodable: not UTF-8 and no other text encoding fits") from None
        text = str(best)
    controls = sum(1 for ch in text[:65536] if ch < " " and ch not in "\t\n\r\f")
    if controls > 0.05 * min(len(text), 65536):
        raise NotAPage("binary content (control characters), not a text page")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_jsonl(data: bytes, source: str) -> Iterator[Document | InputError]:
    """One Document per object with `text` or `html`; bad lines are reported one by one."""
    if not data.strip():
        yield InputError(source, "empty file")
        return
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        where = f"line {number}"
        if len(raw) > MAX_DOCUMENT_BYTES:
            yield InputError(source, f"record too large ({len(raw):,} bytes)", where)
            continue
        try:
            record = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield InputError(source, f"malformed JSON: {exc}", where)
            continue
        if not isinstance(record, dict):
            yield InputError(source, "not a JSON object", where)
            continue
        body, fmt = (record.get("text"), "txt") if record.get("text") else (record.get("html"), "html")
        if not isinstance(body, str) or not body.strip():
            yield InputError(source, "no non-empty 'text' or 'html' string field", where)
            continue
        meta = {k: record[k] for k in ("url", "title", "published") if isinstance(record.get(k), str)}
        yield Document.from_bytes(raw, body.replace("\r\n", "\n"), source=source, format=fmt,
                                  locator=where, **meta)


def read_warc(path: Path) -> Iterator[Document | InputError]:
    """HTML responses from a WARC file. A record is handed on only once the reader has moved past
    it cleanly, so a truncated last record is reported rather than stored cut short."""
    source = str(path)
    number = 0
    found = 0
    pending: Document | None = None
    try:
        with path.open("rb") as stream:
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                if not record.format.startswith("warc"):
                    raise ValueError("no WARC/1.x record header")
                if pending is not None:
                    yield pending
                    pending = None
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                if not ctype.startswith(HTML_CONTENT_TYPES):
                    continue
                where = f"record {number}"
                payload = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
                found += 1
                if len(payload) > MAX_DOCUMENT_BYTES:
                    yield InputError(source, "record too large", where)
                    continue
                missing = getattr(record.raw_stream, "limit", 0)
                if missing:
                    yield InputError(source, f"truncated record: {missing:,} bytes of its block missing", where)
                    continue
                try:
                    text = decode_page(payload)
                except NotAPage as exc:
                    yield InputError(source, str(exc), where)
                    continue
                pending = Document.from_bytes(payload, text, source=source, format="html", locator=where,
                                              url=record.rec_headers.get_header("WARC-Target-URI"))
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        yield InputError(source, f"broken WARC: {reason}", f"record {number if pending else number + 1}")
        return
    if pending is not None:
        yield pending
    if number == 0:
        yield InputError(source, "no WARC records")
    elif found == 0:
        yield InputError(source, "no HTML response records")
