"""Candidate sentences are parsed the same on forked workers as in one process."""

from __future__ import annotations

import sys

import pytest

from eventwire.model import Article, Paragraph
from eventwire.nlp import annotate, load_pipeline, parse_in_processes

pytestmark = pytest.mark.slow

SENTENCES = [
    "Turkish jets struck Kurdish positions near Qandil on Sunday, the army said.",
    "The foreign ministers of Peru and Chile met in Lima to discuss the border.",
    "Protesters marched through Minsk demanding a new election.",
] * 30


def analysis(doc) -> list[tuple]:
    return [(t.text, t.lemma_, t.pos_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in doc]


@pytest.mark.skipif(sys.platform != "linux", reason="forked workers are used on Linux only")
def test_forked_workers_parse_exactly_as_one_process() -> None:
    nlp = load_pipeline()
    alone = [analysis(doc) for doc in nlp.pipe(SENTENCES)]
    forked = [analysis(doc) for doc in parse_in_processes(SENTENCES, 2)]
    assert forked == alone


def test_annotate_keeps_article_order_and_offsets_with_two_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("eventwire.nlp.MIN_SENTENCES_PER_PROCESS", 1)  # two workers even for a few
    articles = [Article(id=f"a-{i}", document_id="d", source="s.txt", paragraphs=[Paragraph(text, 1)])
                for i, text in enumerate(SENTENCES)]
    annotated = list(annotate(articles, lambda sent: True, processes=2))
    assert [a.article.id for a in annotated] == [a.id for a in articles]
    assert all(a.sentences[0].doc.text == a.article.paragraphs[0].text for a in annotated)
