"""Articles read on forked workers come out exactly as read in one process, in order."""

from __future__ import annotations

import sys

import pytest

from eventwire.model import Article, Paragraph
from eventwire.nlp import annotate
from eventwire.pipeline import Pipeline

pytestmark = pytest.mark.slow

PARAGRAPHS = [
    "Turkish jets struck Kurdish positions near Qandil on Sunday, the army said.",
    "The foreign ministers of Peru and Chile met in Lima to discuss the border.",
    "Protesters marched through Minsk demanding a new election.",
    '"We will not withdraw from the town," the rebel commander told reporters.',
]


def articles() -> list[Article]:
    return [Article(id=f"a-{i}", document_id="d", source="s.txt", paragraphs=[Paragraph(text, 1)])
            for i, text in enumerate(PARAGRAPHS * 10)]


@pytest.mark.skipif(sys.platform != "linux", reason="forked workers are used on Linux only")
def test_forked_workers_read_articles_exactly_as_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    alone = list(Pipeline(processes=1).read_articles(articles()))
    monkeypatch.setattr("eventwire.pipeline.MIN_WORDS_PER_PROCESS", 1)  # two workers even for a few
    forked = list(Pipeline(processes=2).read_articles(articles()))
    assert forked == alone
    assert all(found.events for found in forked[:3])
    assert forked[3].quotes and forked[3].quotes[0].speaker is not None


def test_annotate_keeps_article_order_and_offsets() -> None:
    annotated = list(annotate(articles(), lambda sent: True))
    assert [a.article.id for a in annotated] == [a.id for a in articles()]
    assert all(a.sentences[0].doc.text == a.article.paragraphs[0].text for a in annotated)


def test_sentences_are_parsed_with_straight_quotes_and_end_before_the_next_quotation() -> None:
    text = "Citing Kenya’s account, the memo says the talks failed. “We tried,” an aide said."
    [annotated] = annotate([Article(id="a-q", document_id="d", source="s.txt", paragraphs=[Paragraph(text, 1)])],
                           lambda sent: True)
    first, second = annotated.sentences
    assert first.doc.text.rstrip() == "Citing Kenya's account, the memo says the talks failed."
    assert text[second.start:].startswith("“We tried")


def test_a_crosshead_is_not_parsed_for_events() -> None:
    article = Article(id="a-x", document_id="d", source="s.txt", paragraphs=[
        Paragraph("Turkey bombs Kurdish positions in Iraq", 1, crosshead=True),
        Paragraph("Turkish jets bombed Kurdish positions near Dohuk on Sunday.", 3)])
    [annotated] = annotate([article], lambda sent: True)
    assert [s.paragraph.line for s in annotated.sentences] == [3] and annotated.sentence_count == 2
    assert article.paragraphs[0].to_dict()["crosshead"] is True and "crosshead" not in article.paragraphs[1].to_dict()
