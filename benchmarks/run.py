"""Speed benchmark: per-stage throughput and end-to-end ingest, with floors measured in the same run.

Corpus: the bundled sample pages plus ../shared/seeds where present (anatomy rows: also gold/pages). Each measurement is
repeated and the median reported; ratios compare medians from this one run. Writes a Markdown
table to stdout and to benchmarks/results.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eventwire.model import Document  # noqa: E402
from eventwire.nlp import load_pipeline  # noqa: E402
from eventwire.pages import SiteLines, extract_articles, fingerprint  # noqa: E402
from eventwire.pages.text import clear_line_caches  # noqa: E402
from eventwire.pipeline import Pipeline, ingest  # noqa: E402
from eventwire.sources import read_inputs  # noqa: E402
from eventwire.store import Store  # noqa: E402


def corpus_paths() -> list[str]:
    paths = [str(REPO / "examples" / "pages")]
    seeds = REPO.parent / "shared" / "seeds"
    if seeds.is_dir():
        paths.append(str(seeds))
    return paths


def anatomy_paths() -> list[str]:
    gold = REPO / "gold" / "pages"
    return corpus_paths() + [str(folder) for folder in sorted(gold.iterdir()) if folder.is_dir()]


def median_seconds(work: Callable[[], object], repeats: int) -> float:
    return interleaved_medians({"work": work}, repeats)["work"]


def interleaved_medians(works: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """Each work once per round, round after round: a machine that slows down or speeds up during
    the run then weighs on every row alike, so the ratios between rows hold."""
    times: dict[str, list[float]] = {name: [] for name in works}
    for _ in range(repeats):
        for name, work in works.items():
            start = time.perf_counter()
            work()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(found) for name, found in times.items()}


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results.md")
    args = parser.parse_args()

    paths = corpus_paths()
    documents = [d for d in read_inputs(paths) if isinstance(d, Document)]
    text_docs = [d for d in documents if d.format == "txt"]
    articles = [a for d in documents for a in extract_articles(d)]
    paragraphs = [p.text for a in articles for p in a.paragraphs]
    words = sum(len(p.split()) for p in paragraphs)
    nlp = load_pipeline()
    pipeline = Pipeline()
    pipeline.process(documents[:1])  # warm caches: model, lexicon, registry
    # Anatomy is timed on every plain-text page we hold (samples, seeds, gold page sets), five
    # passes, line caches cleared before each page so repeats do not flatter it.
    anatomy_docs = [d for d in read_inputs(anatomy_paths()) if isinstance(d, Document) and d.format == "txt"]
    site_lines = SiteLines()
    site_lines.add(p for d in anatomy_docs if (p := fingerprint(d)) is not None)

    def anatomy(docs: list[Document], lines: SiteLines | None) -> None:
        for document in docs * 5:
            clear_line_caches()
            extract_articles(document, lines)

    def ingest_fresh() -> None:
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
            ingest(paths, store, pipeline=pipeline)

    parsing = interleaved_medians({
        "bare full spaCy parse": lambda: list(nlp.pipe(paragraphs, batch_size=64)),
        f"bare full spaCy parse, {pipeline.processes} processes":
            lambda: list(nlp.pipe(paragraphs, batch_size=64, n_process=pipeline.processes)),
        "pipeline: pages → events (no store)": lambda: pipeline.process(documents),
        "end to end: ingest into DuckDB": ingest_fresh,
    }, args.repeats)
    timings = {
        "anatomy (plain-text pages)": (median_seconds(lambda: anatomy(anatomy_docs, None), args.repeats) / 5, len(anatomy_docs), "pages"),
        "anatomy with site repetition": (median_seconds(lambda: anatomy(anatomy_docs, site_lines), args.repeats) / 5, len(anatomy_docs), "pages"),
        "site fingerprints only": (median_seconds(lambda: [fingerprint(d) for d in anatomy_docs * 5], args.repeats) / 5, len(anatomy_docs), "pages"),
        "tokenizer only (floor)": (median_seconds(lambda: [nlp.tokenizer(p) for p in paragraphs], args.repeats), len(articles), "articles"),
        **{name: (seconds, len(articles), "articles") for name, seconds in parsing.items()},
    }
    parse = timings["bare full spaCy parse"][0]
    rows = [f"| {name} | {count / seconds:,.1f} {unit}/s | {seconds * 1000:,.0f} ms | {seconds / parse:.2f}× |"
            for name, (seconds, count, unit) in timings.items()]
    report = "\n".join([
        "# eventwire benchmark",
        "",
        f"Machine: {os.cpu_count()} cores, {cpu_name()}, Python {platform.python_version()}. The pipeline and "
        f"ingest rows use {pipeline.processes} worker processes (the default); the bare parse is shown on one "
        f"process and on {pipeline.processes} (spaCy's n_process).",
        f"Corpus: {len(documents)} documents ({len(text_docs)} plain-text pages), {len(articles)} articles, "
        f"{len(paragraphs)} paragraphs, {words:,} words; from {', '.join(Path(p).name for p in paths)}. "
        f"Anatomy rows: {len(anatomy_docs)} plain-text pages (also the gold page sets), line caches cleared per page.",
        f"Each figure is the median of {args.repeats} runs in this one process; the parse, pipeline and "
        "ingest rows take turns, one run each per round, so a machine that changes speed mid-run "
        "weighs on them alike. The ratio column is time relative to a bare full spaCy parse "
        "(en_core_web_sm) of the same paragraphs.",
        "",
        "| stage | throughput | median time | time vs bare parse |",
        "|---|---|---|---|",
        *rows,
        "",
    ])
    print(report)
    args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
