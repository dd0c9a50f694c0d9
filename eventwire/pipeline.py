"""The ingest pipeline: sources → pages → nlp → actors → events → store, in bounded batches.

Memory stays bounded by the batch size; each batch is one store transaction. A document that
breaks a stage is reported as an InputError and the rest of its batch still lands. Site-line
counts (pages/repetition.py) come from the store plus the batch itself, and go back with it.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Span

from eventwire.actors import ArticleActors, Resolver, day_of, registry_with
from eventwire.events import EventExtractor, load_lexicon
from eventwire.model import Article, ArticleSignals, Document, Event, ProcessedDocument, Quote
from eventwire.nlp import AnnotatedArticle, annotate
from eventwire.pages import SiteLines, extract_articles, fingerprint
from eventwire.quotes import find_quotes
from eventwire.signals import article_signals
from eventwire.when import date_events
from eventwire.where import place_events
from eventwire.sources import InputError, read_inputs
from eventwire.store import Store

BATCH_DOCUMENTS = 16
PARSE_PROCESSES = 2  # the parse is most of the time; a laptop has at least two cores
MIN_WORDS_PER_PROCESS = 4000  # below this, starting a worker costs more than it saves


@dataclass
class IngestReport:
    documents: int = 0  # new documents stored
    unchanged: int = 0  # already in the database (same bytes), skipped
    articles: int = 0
    events: int = 0
    errors: list[InputError] = field(default_factory=list)



@dataclass(slots=True)
class ArticleFindings:
    """What one article yields; made in a worker process and sent back whole."""

    sentence_count: int  # all sentences, parsed or not
    quotes: list[Quote]
    events: list[Event]
    signals: ArticleSignals


class Pipeline:
    """The stages from a Document to its articles and events, with nothing stored."""

    def __init__(self, actor_files: Iterable[Path] = (), processes: int | None = None) -> None:
        self.processes = processes or min(PARSE_PROCESSES, os.cpu_count() or 1)
        self.lexicon = load_lexicon()
        self.registry = registry_with(actor_files)
        self.resolver = Resolver(self.registry)
        self.extractor = EventExtractor(self.lexicon, self.resolver)

    def is_candidate(self, sentence: Span) -> bool:
        """Worth a full parse: it holds a trigger word and something that may name a party."""
        return self.lexicon.is_candidate(sentence) and self.registry.may_name_a_party(sentence)

    def process(self, documents: list[Document], site_lines: SiteLines | None = None) -> list[ProcessedDocument]:
        articles = {d.id: extract_articles(d, site_lines) for d in documents}
        flat = [a for d in documents for a in articles[d.id]]
        findings = dict(zip((a.id for a in flat), self.read_articles(flat), strict=True))
        out: list[ProcessedDocument] = []
        for document in documents:
            counts = {a.id: findings[a.id].sentence_count for a in articles[document.id]}
            processed = ProcessedDocument(document, articles[document.id], counts)
            for article in articles[document.id]:
                found = findings[article.id]
                processed.quotes += found.quotes
                processed.events += found.events
                processed.signals[article.id] = found.signals
            out.append(processed)
        return out

    def read_articles(self, articles: list[Article]) -> Iterator[ArticleFindings]:
        """Each article's findings, in order. On Linux, with enough text to repay starting them,
        forked workers take whole articles: the parse and everything after it, so the main
        process only cuts pages and writes (the stages after the parse are a fifth of the time)."""
        words = sum(len(p.text.split()) for a in articles for p in a.paragraphs)
        workers = self.processes if words >= MIN_WORDS_PER_PROCESS * self.processes else 1
        if workers > 1 and sys.platform == "linux":
            yield from read_in_processes(self, articles, workers)
            return
        # fork is unsafe on macOS and absent on Windows: spaCy's own spawned workers parse there
        for annotated in annotate(articles, self.is_candidate, workers):
            yield self.read_article(annotated)

    def read_article(self, annotated: AnnotatedArticle) -> ArticleFindings:
        """quotes → events (told in them) → dates and places → signals, for one article."""
        article = annotated.article
        actors = ArticleActors(self.resolver, day_of(article.published, article.published_precision))
        actors.meet(sentence.doc for sentence in annotated.sentences)
        quotes = find_quotes(article, actors.resolve)
        events = place_events(annotated, date_events(article, self.extractor.extract(annotated, quotes, actors)))
        return ArticleFindings(annotated.sentence_count, quotes, events, article_signals(article, events, quotes))

    def process_isolated(self, documents: list[Document],
                         site_lines: SiteLines | None = None) -> Iterator[ProcessedDocument | InputError]:
        """The batch at once; if it fails, each document alone so one bad page costs only itself."""
        try:
            yield from self.process(documents, site_lines)
            return
        except Exception:  # noqa: BLE001 - retried one by one below to name the culprit
            pass
        for document in documents:
            try:
                yield from self.process([document], site_lines)
            except Exception as exc:  # noqa: BLE001 - reported, the run goes on
                where = document.locator
                yield InputError(document.source, f"processing failed: {type(exc).__name__}: {exc}", where)


# The pipeline a forked worker reads with: set before the fork, so the workers share the parent's
# model, registry and lexicon instead of each receiving a pickled copy.
_WORKER_PIPELINE: Pipeline | None = None


def read_in_processes(pipeline: Pipeline, articles: list[Article], processes: int) -> list[ArticleFindings]:
    """Longest articles first, so that no worker is left alone with a long one at the end."""
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = pipeline
    by_length = sorted(enumerate(articles), key=lambda item: -sum(len(p.text) for p in item[1].paragraphs))
    found: dict[int, ArticleFindings] = {}
    try:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            found.update(pool.imap_unordered(read_in_worker, by_length))
    finally:
        _WORKER_PIPELINE = None
    return [found[i] for i in range(len(articles))]


def read_in_worker(item: tuple[int, Article]) -> tuple[int, ArticleFindings]:
    assert _WORKER_PIPELINE is not None, "read_in_worker runs only in a worker forked by read_in_processes"
    index, article = item
    (annotated,) = annotate([article], _WORKER_PIPELINE.is_candidate)
    return index, _WORKER_PIPELINE.read_article(annotated)


def batched_documents(paths: Iterable[str], size: int) -> Iterator[list[Document | InputError]]:
    batch: list[Document | InputError] = []
    for item in read_inputs(paths):
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(paths: Iterable[str], store: Store, *, pipeline: Pipeline | None = None,
           batch_size: int = BATCH_DOCUMENTS,
           on_error: Callable[[InputError], None] | None = None,
           on_progress: Callable[[int], None] | None = None) -> IngestReport:
    """Store what the paths hold; `on_error` hears of each bad input, `on_progress` of each batch."""
    pipeline = pipeline or Pipeline()
    report = IngestReport()
    for batch in batched_documents(paths, batch_size):
        errors = [item for item in batch if isinstance(item, InputError)]
        documents = [item for item in batch if isinstance(item, Document)]
        known = store.known_documents(d.id for d in documents)
        fresh: dict[str, Document] = {}
        for document in documents:
            if document.id in known or document.id in fresh:
                report.unchanged += 1
            else:
                fresh[document.id] = document
        prints = {d.id: p for d in fresh.values() if (p := fingerprint(d)) is not None}
        site_lines = SiteLines(store.site_line_pages(prints.values()))
        site_lines.add(prints.values())
        processed: list[ProcessedDocument] = []
        for result in pipeline.process_isolated(list(fresh.values()), site_lines):
            if isinstance(result, InputError):
                errors.append(result)
            else:
                processed.append(result)
        added = SiteLines()
        added.add(prints[p.document.id] for p in processed if p.document.id in prints)
        store.write_batch(processed, added.counts)
        for item in processed:
            report.documents += 1
            report.articles += len(item.articles)
            report.events += len(item.events)
        report.errors += errors
        if on_error:
            for error in errors:
                on_error(error)
        if on_progress:
            on_progress(len(batch))
    return report
