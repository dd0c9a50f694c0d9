"""Readers: every supported format, and every kind of bad input reported, not raised."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.model import Document
from eventwire.sources import InputError, read_inputs

PAGE = "A headline here\n\nRussia and Turkey agreed on a ceasefire in the north of the country on Thursday.\n"
HTML = ("<html><head><title>Talks</title></head><body><article><h1>Talks</h1>"
        "<p>Iranian and Turkish diplomats met in Astana to prepare a new round of negotiations on Syria.</p>"
        "</article></body></html>")


def read(*paths: Path | str) -> tuple[list[Document], list[InputError]]:
    items = list(read_inputs([str(p) for p in paths]))
    return ([i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputError)])


def write_warc(path: Path, records: list[tuple[str, str, bytes]], request: bool = True) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        for uri, ctype, body in records:
            if request:
                writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))


def test_text_page_is_one_document_with_content_hash(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    docs, errors = read(page)
    assert errors == []
    assert len(docs) == 1
    assert docs[0].format == "txt" and docs[0].content == PAGE
    assert docs[0].id.startswith("d-") and len(docs[0].content_hash) == 64


def test_identical_bytes_give_identical_ids(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PAGE)
    (tmp_path / "b.txt").write_text(PAGE)
    (tmp_path / "c.txt").write_text(PAGE + "More.\n")
    docs, _ = read(tmp_path)
    assert docs[0].id == docs[1].id != docs[2].id


def test_crlf_and_latin1_are_normalised(tmp_path: Path) -> None:
    page = tmp_path / "old.txt"
    page.write_bytes("Caf\xe9 talks in Gen\xe8ve ended without a deal between the two ministers.\r\nSecond line.\r\n".encode("latin-1"))
    docs, errors = read(page)
    assert errors == []
    assert "\r" not in docs[0].content
    assert docs[0].content.splitlines()[1] == "Second line."


def test_html_file(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(HTML)
    docs, errors = read(page)
    assert errors == [] and docs[0].format == "html"


def test_folder_and_glob_expand_to_supported_files_only(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_text(PAGE)
    (tmp_path / "y.htm").write_text(HTML)
    (tmp_path / "notes.md").write_text("# not a page")
    docs, errors = read(tmp_path)
    assert sorted(Path(d.source).name for d in docs) == ["x.txt", "y.htm"] and errors == []
    docs, errors = read(str(tmp_path / "**" / "*.txt"))
    assert [Path(d.source).name for d in docs] == ["x.txt"]


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": PAGE, "url": "https://example.org/a", "title": "T", "published": "2016-09-20"}),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no body"}),
        "",
        json.dumps({"html": HTML}),
    ]
    path.write_text("\n".join(lines) + "\n")
    docs, errors = read(path)
    assert [d.format for d in docs] == ["txt", "html"]
    assert docs[0].url == "https://example.org/a" and docs[0].published == "2016-09-20"
    assert docs[0].locator == "line 1" and docs[1].locator == "line 6"
    assert [e.where for e in errors] == ["line 2", "line 3", "line 4"]
    assert "malformed JSON" in errors[0].reason
    assert str(errors[0]).startswith(f"{path} (line 2): ")


def test_warc_keeps_html_responses_only(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [("https://example.org/a", "text/html; charset=utf-8", HTML.encode()),
                      ("https://example.org/s.css", "text/css", b"body{}")])
    docs, errors = read(path)
    assert errors == []
    assert [d.url for d in docs] == ["https://example.org/a"]
    assert docs[0].format == "html" and docs[0].locator.startswith("record ")


def test_bad_files_are_reported_one_line_each_and_the_rest_is_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(PAGE)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text("\n \n")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    truncated = tmp_path / "cut.warc.gz"
    write_warc(truncated, [("https://example.org/a", "text/html", HTML.encode() * 50)])
    truncated.write_bytes(truncated.read_bytes()[:-40])
    notwarc = tmp_path / "fake.warc"
    notwarc.write_bytes(b"this is not a warc file at all\n")
    unsupported = tmp_path / "doc.pdf"
    unsupported.write_bytes(b"%PDF-1.4")
    missing = tmp_path / "missing.txt"
    docs, errors = read(empty, blank, binary, good, truncated, notwarc, unsupported, missing)
    assert [Path(d.source).name for d in docs] == ["good.txt"]
    reasons = {Path(e.path).name: e.reason for e in errors}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.txt"] == "empty file"
    assert reasons["image.txt"].startswith("binary content")
    assert reasons["cut.warc.gz"].startswith("truncated record")
    assert reasons["fake.warc"].startswith("broken WARC")
    assert "unsupported file type '.pdf'" in reasons["doc.pdf"]
    assert reasons["missing.txt"] == "no such file or folder"
    assert all("\n" not in str(e) for e in errors)


def test_control_character_soup_is_binary(tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 11, 14, 15]) * 100)
    docs, errors = read(junk)
    assert docs == [] and errors[0].reason.startswith("binary content")


def test_oversized_page_is_refused(tmp_path: Path, monkeypatch) -> None:
    import eventwire.sources as sources
    monkeypatch.setattr(sources, "MAX_DOCUMENT_BYTES", 100)
    big = tmp_path / "big.txt"
    big.write_text("word " * 100)
    docs, errors = read(big)
    assert docs == [] and errors[0].reason.startswith("too large")


def test_gzip_warc_with_no_html(tmp_path: Path) -> None:
    path = tmp_path / "css.warc.gz"
    write_warc(path, [("https://example.org/s.css", "text/css", b"body{}")], request=False)
    docs, errors = read(path)
    assert docs == [] and errors[0].reason == "no HTML response records"
    assert gzip.decompress(path.read_bytes())  # a valid gzip, so the reason is the content
