"""Quotes: an article's direct quotations, located verbatim, and who said them.

Quotation marks are found with string rules, and only the text next to them is tokenized; just
the dozen words around a verb of saying outside the quotations ("…,” the minister told reporters)
get the full spaCy parse, in one batch, so a page costs a few short parses however long it is.
Where those words leave the speaker out of reach, the paragraphs in question are tokenized to
find where their sentences begin, and the first dozen words of a sentence nearby are parsed for
its subject, in a second batch.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from itertools import pairwise

import yaml
from spacy.tokens import Doc, Span, Token

from eventwire.model import Actor, Article, Evidence, Paragraph, Quote, stable_id
from eventwire.nlp import PARSE_BATCH, STRAIGHT_QUOTES, inflections, load_pipeline

Resolve = Callable[[Span], Actor | None]  # one article's actor resolution (ArticleActors.resolve)
Position = tuple[int, int]  # (paragraph index, offset in its text): orders mentions through an article

MIN_QUOTE_WORDS = 4  # shorter ones are scare quotes: a “solid man”
MARKS = re.compile("[“”\"‘’]")
BLANK_MARKS = str.maketrans("“”\"", "   ")  # the tokenizer glues a mark to a word: ,”Ushakov
WORD = re.compile(r"[A-Za-z]+")
SPACE = re.compile(r"\s")
OPENS_AFTER = "([{—–-/"  # a mark right after one of these opens a quotation
SENTENCE_ENDS = {".", "!", "?"}  # tokens that end the clause an attribution is in
# tokens from the closing mark to the verb: "…,” Wilbert Paulissen, head of the Dutch national police, told"
TRAILING_REACH = 18
LEADING_REACH = 16  # tokens from the verb to the opening mark: "telling reporters that the loss was due to “…”"
TRAILING_CHARS = 160  # text tokenized after a closing mark: the reach and the snippet, with a long title
LEADING_CHARS = 240  # … and before an opening mark
INDIRECT_CHARS = 120  # … and either side of a verb of indirect speech
WORDS_BEFORE_VERB = 8  # the snippet parsed: a dozen words or so around the verb
WORDS_AFTER_VERB = 6
SUBJECT_WORDS = 14  # the words parsed from a sentence's start to find its subject
ANTECEDENT_SNIPPETS = 4  # indirect speech and sentences parsed, nearest first, to find whom a "he" points back to
INTRODUCING_ENDS = (":", "…", "….", "...")  # a paragraph ending so hands over to the next ("Yeltsin told Clinton:")
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
CLAUSE_DEPS = {"advcl", "xcomp", "conj"}  # "refused the offer, saying": the subject is the head clause's
INVERTED_DEPS = {"dobj", "attr", "npadvmod", "nsubj", "appos"}  # "…,” said Giovanni Orsina
NOT_IN_PHRASE = {"appos", "relcl", "acl", "punct", "cc", "conj", "advcl", "parataxis", "prep"}
KEPT_PREPS = {"of", "for", "at", "from", "in"}  # "a spokesman for the Kremlin" keeps its prepositional phrase
RELATIVE_PRONOUNS = {"who", "which", "that"}
PERSON_PRONOUNS = {"he", "she"}
GROUP_PRONOUNS = {"they", "it"}
SPEAKER_PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | {"i", "we", "you"}
NOMINAL_POS = {"NOUN", "PROPN", "PRON", "NUM"}  # "according to the 302" (a report)
NAME_POS = {"NOUN", "PROPN"}
NOT_IN_NAME_POS = {"VERB", "AUX", "SCONJ", "ADP", "PART"}  # "that it was" after "adding" names no one


@dataclass(frozen=True, slots=True)
class SpeechWords:
    verbs: frozenset[str]  # lemmas of verbs that attribute a quotation
    forms: frozenset[str]  # their written forms: a token among them is worth a parse
    person_nouns: frozenset[str]  # "the minister" is someone a later "he" can mean


@cache
def load_speech_words() -> SpeechWords:
    raw = yaml.safe_load(resources.files("eventwire").joinpath("data/speech_verbs.yaml").read_text("utf-8"))
    forms = {form for verb, irregular in raw["verbs"].items() for form in inflections(verb) | set(irregular)}
    return SpeechWords(verbs=frozenset(raw["verbs"]), forms=frozenset(forms),
                       person_nouns=frozenset(raw["person_nouns"]))


@dataclass(slots=True)
class Mention:
    """A speaker phrase found in a parsed snippet."""

    position: Position
    span: Span  # in the snippet's parse, for `resolve`
    text: str  # as written in the paragraph
    person: bool
    actor: Actor | None = None
    # phrases that give a state when the name gives none: its apposition ("…, head of the Dutch
    # police") and the source it cites ("the Post reported, citing a Chinese official")
    clues: tuple[Span, ...] = ()

    @property
    def pronoun(self) -> str | None:
        return self.span[0].lower_ if len(self.span) == 1 and self.span[0].lower_ in SPEAKER_PRONOUNS else None


@dataclass(slots=True)
class Quotation:
    """The quoted words of one paragraph; offsets count in its text. `close_mark` is the text's
    length when the paragraph ends with the quotation still open."""

    paragraph: int
    open_mark: int
    close_mark: int
    start: int
    end: int
    speaker: Mention | None = None
    speaker_after: bool = False  # the speaker comes after the closing mark: "…,” he said


@dataclass(slots=True)
class Stretch:
    """The tokens of part of a paragraph, from `offset` in its text."""

    paragraph: int
    offset: int
    doc: Doc
    clipped: bool  # begins where the character budget cut, not where the text does


@dataclass(slots=True)
class Snippet:
    """Words outside the quotations around one verb of saying, parsed to find who speaks."""

    paragraph: int
    start: int  # offset in the paragraph text
    text: str  # as written
    verb: int | None  # the verb's offset in `text`; None for a sentence's opening words, parsed for its subject
    inverted: bool  # nothing but punctuation before the verb: "…,” said the minister
    clipped: bool  # cut short before the verb, so a phrase at its start may be cut too


def find_quotes(article: Article, resolve: Resolve) -> list[Quote]:
    """The direct quotations of the article's paragraphs in order, each with its speaker when the
    words around it name one. `resolve` is the article's actor resolution (ArticleActors.resolve)."""
    return QuoteFinder(article, resolve).quotes()


def parse_snippets(snippets: list[Snippet]) -> list[Doc]:
    """The full parse, batched, of the snippets alone."""
    texts = [s.text.translate(STRAIGHT_QUOTES) for s in snippets]
    return list(load_pipeline().pipe(texts, batch_size=PARSE_BATCH))


def mark_pairs(text: str) -> list[tuple[int, int]]:
    """(opening mark, closing mark) of each double-quoted stretch. A mark's neighbours decide what
    it does where its glyph does not (straight marks, sites that type ” for both); a quotation
    still open at the end closes at len(text), as newspapers continue one into the next paragraph."""
    pairs: list[tuple[int, int]] = []
    opened: int | None = None
    inner_singles = 0  # ‘…’ open inside the quotation
    for match in MARKS.finditer(text):
        at, mark = match.start(), match.group()
        before = text[at - 1] if at else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        opening = (before.isspace() or before in OPENS_AFTER) and not after.isspace()
        closing = not before.isspace() and not after.isalnum()
        if mark in "‘’":
            if opened is None or (before.isalnum() and after.isalnum()):  # outside, or an apostrophe
                continue
            if mark == "‘" and opening:
                inner_singles += 1
            elif mark == "’" and inner_singles:
                inner_singles -= 1
            elif mark == "’" and before in ".!?," and after.isspace():  # “… in Syria.’ typed for ”
                pairs.append((opened, at))
                opened = None
        elif opened is None:
            if mark == "“" or opening or (mark == '"' and not closing):
                opened, inner_singles = at, 0
        elif opening:  # a new quotation begins: the last one was left open
            pairs.append((opened, at))
            opened, inner_singles = at, 0
        elif mark != "“" or closing:
            pairs.append((opened, at))
            opened = None
    if opened is not None:
        pairs.append((opened, len(text)))
    return pairs


def quotations_in(text: str, paragraph: int) -> list[Quotation]:
    """The paragraph's quotations of at least MIN_QUOTE_WORDS words, trimmed of outer spaces."""
    found = []
    for open_mark, close_mark in mark_pairs(text):
        start, end = open_mark + 1, close_mark
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if sum(any(c.isalnum() for c in word) for word in text[start:end].split()) >= MIN_QUOTE_WORDS:
            found.append(Quotation(paragraph, open_mark, close_mark, start, end))
    return found


def evidence_at(source: str, paragraph: Paragraph, start: int, end: int) -> Evidence:
    """Paragraph offsets as a source location, as nlp.evidence_for gives a sentence's."""
    before = paragraph.text[:start]
    newlines = before.count("\n")
    column = start - (before.rfind("\n") + 1) if newlines else paragraph.column + start
    return Evidence(text=paragraph.text[start:end], source=source, line=paragraph.line + newlines,
                    start=column, end=column + end - start)


class QuoteFinder:
    """One article: its quotations, the snippets parsed for their speakers, and the speakers
    named so far, which a later "he" or "they" points back to."""

    def __init__(self, article: Article, resolve: Resolve) -> None:
        self.article = article
        self.resolve = resolve
        self.words = load_speech_words()
        self.by_paragraph = [quotations_in(p.text, i) for i, p in enumerate(article.paragraphs)]
        self.used_verbs: set[Position] = set()
        self.starts: dict[int, list[int]] = {}  # sentence_starts, by paragraph

    def quotes(self) -> list[Quote]:
        quotations = [q for found in self.by_paragraph for q in found]
        if not quotations:
            return []
        self.attribute(quotations)
        self.inherit_within_paragraphs()
        self.attribute_from_context(quotations)
        self.inherit_along_chains()
        self.continue_quoted_paragraphs()
        mentions = {id(q.speaker): q.speaker for q in quotations if q.speaker is not None}
        antecedents = self.antecedent_mentions(list(mentions.values()))
        self.resolve_in_order(sorted([*mentions.values(), *antecedents], key=lambda m: m.position))
        source = self.article.evidence_source or self.article.source
        quotes = []
        for q in quotations:
            evidence = evidence_at(source, self.article.paragraphs[q.paragraph], q.start, q.end)
            speaker = q.speaker
            quotes.append(Quote(id=stable_id("q", self.article.id, evidence.line, evidence.start),
                                article_id=self.article.id, text=evidence.text, evidence=evidence,
                                speaker=speaker.actor if speaker else None,
                                speaker_text=speaker.text if speaker else None))
        return quotes

    # --- snippets ------------------------------------------------------------------------

    def stretch(self, paragraph: int, start: int, end: int, low: int, high: int) -> Stretch:
        """Tokens of text[start:end] (tokenizer only, a fortieth of a parse), cut to whole words
        where the window is narrower than [low, high), double quotation marks blanked so that none
        is glued to a word (,”Ushakov) and offsets stay those of the text."""
        text = self.article.paragraphs[paragraph].text
        if start > low:
            space = SPACE.search(text, start, end)
            start = space.end() if space else end
        if end < high:
            end = max([start] + [space.start() for space in SPACE.finditer(text, start, end)])
        return Stretch(paragraph, start, load_pipeline().tokenizer(text[start:end].translate(BLANK_MARKS)),
                       clipped=start > low)

    def is_speech_form(self, token: Token) -> bool:
        """A lower-case verb form of saying ("State" is a name), or "According to"."""
        if token.lower_ == "according":
            return token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "to"
        return token.text.islower() and token.text in self.words.forms

    def is_speech_word(self, text: str, word: re.Match[str]) -> bool:
        """`is_speech_form` on the text, before it is tokenized."""
        if word.group().lower() == "according":
            return text.startswith(" to ", word.end())
        return word.group().islower() and word.group() in self.words.forms

    def speaks(self, text: str) -> bool:
        return any(self.is_speech_word(text, word) for word in WORD.finditer(text))

    def attribute(self, quotations: list[Quotation]) -> None:
        """Each quotation's speaker: after the closing mark when the quotation leaves its sentence
        open ("…,” he said), else before the opening mark in the same sentence (Shoigu said: “…”)."""
        candidates: list[tuple[Quotation, Snippet, bool]] = []
        for found in self.by_paragraph:
            for i, q in enumerate(found):
                low = found[i - 1].close_mark + 1 if i else 0
                text = self.article.paragraphs[q.paragraph].text
                high = found[i + 1].open_mark if i + 1 < len(found) else len(text)
                trailing = self.trailing_snippet(q, high) if self.leaves_sentence_open(q) else None
                if trailing is not None:
                    candidates.append((q, trailing, True))
                leading = self.leading_snippet(q, low)
                if leading is not None:
                    candidates.append((q, leading, False))
        speakers = self.speakers_of([snippet for _, snippet, _ in candidates])
        for (q, _, after), speaker in zip(candidates, speakers, strict=True):
            if q.speaker is None:
                q.speaker, q.speaker_after = speaker, after

    def leaves_sentence_open(self, q: Quotation) -> bool:
        """“…,” or “…?” (or “…” without punctuation) goes on to its attribution; “….” does not."""
        text = self.article.paragraphs[q.paragraph].text
        return not text[q.start:q.end].rstrip("’'‘ ").endswith((".", ";")) or \
            text[q.close_mark + 1:].lstrip().startswith(",")

    def trailing_snippet(self, q: Quotation, high: int) -> Snippet | None:
        start = q.close_mark + 1
        end = min(high, start + TRAILING_CHARS)
        if not self.speaks(self.article.paragraphs[q.paragraph].text[start:end]):
            return None
        stretch = self.stretch(q.paragraph, start, end, start, high)
        doc = stretch.doc
        for token in doc[:TRAILING_REACH]:
            if token.text in SENTENCE_ENDS:
                return None
            if self.is_speech_form(token):
                last = next((t.i for t in doc[token.i:] if t.text in SENTENCE_ENDS), len(doc))
                return self.snippet(stretch, token, 0, last, before_verb=TRAILING_REACH)
        return None

    def leading_snippet(self, q: Quotation, low: int) -> Snippet | None:
        start = max(low, q.open_mark - LEADING_CHARS)
        if not self.speaks(self.article.paragraphs[q.paragraph].text[start:q.open_mark]):
            return None
        stretch = self.stretch(q.paragraph, start, q.open_mark, low, q.open_mark)
        doc = stretch.doc
        first = next((t.i + 1 for t in reversed(doc) if t.text in SENTENCE_ENDS), 0)
        for token in reversed(doc[max(first, len(doc) - LEADING_REACH):]):
            if self.is_speech_form(token):
                return self.snippet(stretch, token, first, len(doc))
        return None

    def snippet(self, stretch: Stretch, verb: Token, first: int, end: int,
                before_verb: int = WORDS_BEFORE_VERB) -> Snippet:
        """The words around `verb` within tokens [first, end) of the stretch, at most `before_verb`
        words before it (after a closing mark, all of them: the speaker and a long title)."""
        doc = stretch.doc
        before = [t.i for t in doc[first:verb.i] if not (t.is_punct or t.is_space)]
        after = [t.i for t in doc[verb.i + 1:end] if not (t.is_punct or t.is_space)]
        # after an inverted verb the name and its title take the words the subject would have:
        # "…,” said Giovanni Orsina, head of a school of government in Rome
        after_verb = WORDS_AFTER_VERB if before else WORDS_AFTER_VERB + WORDS_BEFORE_VERB
        start = before[-before_verb] if len(before) > before_verb else first
        stop = after[after_verb] if len(after) > after_verb else end
        words = trimmed(doc[start:stop])
        offset = stretch.offset + words.start_char
        self.used_verbs.add((stretch.paragraph, stretch.offset + verb.idx))
        text = self.article.paragraphs[stretch.paragraph].text[offset:offset + len(words.text)]
        return Snippet(stretch.paragraph, offset, text, verb.idx - words.start_char,
                       inverted=not before, clipped=start > first or (first == 0 and stretch.clipped))

    # --- speakers ------------------------------------------------------------------------

    def speakers_of(self, snippets: list[Snippet]) -> list[Mention | None]:
        """Who each snippet's verb says speaks. Where the snippet's cut left the verb without its
        subject ("Putin, …, took pains to calm things, telling reporters that “…”"), the subject
        of the verb's sentence, from a second batch of its opening words."""
        speakers = [self.speaker_in(s, doc) for s, doc in zip(snippets, parse_snippets(snippets), strict=True)]
        openings = {i: self.subject_snippet(s.paragraph, self.sentence_start(s.paragraph, s.start + s.verb))
                    for i, s in enumerate(snippets) if speakers[i] is None and s.clipped and s.verb is not None}
        retried = {i: s for i, s in openings.items() if s is not None}
        for i, doc in zip(retried, parse_snippets(list(retried.values())), strict=True):
            speakers[i] = self.speaker_in(retried[i], doc)
        return speakers

    def speaker_in(self, snippet: Snippet, doc: Doc) -> Mention | None:
        """Who the snippet's verb says speaks, from the snippet's parse `doc`; for a sentence's
        opening words, its subject."""
        if snippet.verb is None:
            verb = doc[0].sent.root if len(doc) else None
            span = opening_subject(verb) if verb is not None else None
        else:
            verb = next((t for t in doc if t.idx == snippet.verb), None)
            if verb is None:
                return None
            if verb.lower_ == "according" and verb.i + 1 < len(verb.doc):
                to = verb.nbor(1)
                obj = next((c for c in to.children if c.dep_ == "pobj"), None)
                span = noun_phrase(obj) if obj is not None else phrase_after(to)
            elif verb.lemma_.lower() in self.words.verbs and verb.pos_ in ("VERB", "AUX"):
                span = subject_phrase(verb, snippet.inverted) or adjacent_phrase(verb, snippet.inverted)
            else:
                span = adjacent_phrase(verb, snippet.inverted)
        if verb is None or span is None or not any(t.pos_ in NOMINAL_POS for t in span) or \
                (snippet.clipped and span.start == 0):
            return None  # no noun, or a phrase the snippet's cut may have cut too
        person = any(e.label_ == "PERSON" for e in span.ents) or \
            span.root.lemma_.lower() in self.words.person_nouns
        text = self.article.paragraphs[snippet.paragraph].text[
            snippet.start + span.start_char:snippet.start + span.end_char]
        appositions = [trimmed(doc[c.left_edge.i:c.right_edge.i + 1])
                       for c in span.root.children if c.dep_ == "appos"]
        return Mention((snippet.paragraph, snippet.start + span.start_char), span, text, person,
                       clues=(*appositions[:1], *cited_sources(verb)))

    def inherit_within_paragraphs(self) -> None:
        """“…,” McCabe wrote. “…”: a quotation with no speaker of its own, right after an
        attribution of the one before, is the same speaker going on."""
        for found in self.by_paragraph:
            for previous, q in pairwise(found):
                if q.speaker is None and previous.speaker is not None and previous.speaker_after and \
                        self.one_clause_between(previous, q):
                    q.speaker = previous.speaker

    def one_clause_between(self, previous: Quotation, q: Quotation) -> bool:
        start = previous.close_mark + 1
        if q.open_mark - start > TRAILING_CHARS:
            return False
        between = list(self.stretch(q.paragraph, start, q.open_mark, start, q.open_mark).doc)
        ends = [i for i, t in enumerate(between) if t.text in SENTENCE_ENDS]
        return not ends or all(t.is_punct or t.is_space for t in between[ends[0]:])

    def inherit_along_chains(self) -> None:
        """A quotation left open at the end of a paragraph and reopened at the start of the next
        is one quotation, told in pieces that share a speaker."""
        chain: list[Quotation] = []
        for index, found in enumerate(self.by_paragraph):
            text = self.article.paragraphs[index].text
            continues = bool(chain and found) and found[0].open_mark == len(text) - len(text.lstrip())
            if continues:
                chain.append(found[0])
            if found and found[-1].close_mark == len(text):  # left open: the next paragraph may go on
                if not (continues and len(found) == 1):
                    self.share_speaker(chain)
                    chain = [found[-1]]
            else:
                self.share_speaker(chain)
                chain = []
        self.share_speaker(chain)

    @staticmethod
    def share_speaker(chain: list[Quotation]) -> None:
        speaker = next((q.speaker for q in chain if q.speaker is not None), None)
        for q in chain:
            q.speaker = q.speaker or speaker

    def attribute_from_context(self, quotations: list[Quotation]) -> None:
        """A quotation whose own sentence has no verb of saying takes the speaker of the sentence
        before it in the paragraph: a quotation's speaker there, or whom its first verb of saying
        names ("Giorgetti said Italy broke no rule. “…”"); a paragraph opening with one takes
        whom the paragraph before ends by introducing ("Yeltsin told Clinton:")."""
        found: list[tuple[Quotation, Snippet]] = []
        for q in quotations:
            if q.speaker is not None:
                continue
            text = self.article.paragraphs[q.paragraph].text
            start = self.sentence_start(q.paragraph, q.open_mark)
            if any(self.speech_verbs_between((q.paragraph, start - 1), (q.paragraph, q.open_mark))):
                continue  # its own sentence's attribution names no one
            if start == 0:
                snippet = self.introduction(q.paragraph) if not text[:q.open_mark].strip() else None
            else:
                since = self.sentence_start(q.paragraph, start - 1)
                attributed = [p for p in self.by_paragraph[q.paragraph]
                              if since <= p.open_mark and p.close_mark < q.open_mark and p.speaker is not None]
                if attributed:
                    q.speaker = attributed[-1].speaker
                    continue
                said = next(self.speech_verbs_between((q.paragraph, since - 1), (q.paragraph, start)), None)
                snippet = self.indirect_snippet(*said) if said else None
            if snippet is not None:
                found.append((q, snippet))
        for (q, _), speaker in zip(found, self.speakers_of([snippet for _, snippet in found]), strict=True):
            q.speaker = speaker

    def introduction(self, paragraph: int) -> Snippet | None:
        """The first verb of saying in the last sentence of the paragraph before (the main one:
        "X told Y that Z announced"), when that paragraph ends by handing over to this one, with
        a colon or an ellipsis."""
        if paragraph == 0:
            return None
        before = self.article.paragraphs[paragraph - 1].text
        if not before.rstrip().endswith(INTRODUCING_ENDS):
            return None
        start = self.sentence_start(paragraph - 1, len(before))
        said = next(self.speech_verbs_between((paragraph - 1, start - 1), (paragraph - 1, len(before))), None)
        return self.indirect_snippet(*said) if said else None

    def continue_quoted_paragraphs(self) -> None:
        """A paragraph that is a quotation and nothing else, with no speaker of its own, goes on
        with the speaker of the last quotation of the paragraph before: long quotes run over
        several paragraphs."""
        for index in range(1, len(self.by_paragraph)):
            found, before = self.by_paragraph[index], self.by_paragraph[index - 1]
            if len(found) == 1 and found[0].speaker is None and before and before[-1].speaker is not None and \
                    self.is_whole_paragraph(found[0]):
                found[0].speaker = before[-1].speaker

    def is_whole_paragraph(self, q: Quotation) -> bool:
        text = self.article.paragraphs[q.paragraph].text
        return not text[:q.open_mark].strip() and not any(c.isalnum() for c in text[q.close_mark + 1:])

    def sentence_starts(self, paragraph: int) -> list[int]:
        """Offsets of the first words (or opening marks) of the paragraph's sentences, read off
        the tokens outside its quotations: a sentence ends at a stop, or with a quotation that
        closes it (“….” Then …)."""
        if paragraph not in self.starts:
            text = self.article.paragraphs[paragraph].text
            starts: list[int] = []
            ended, low = True, 0
            for q in [*self.by_paragraph[paragraph], None]:
                high = q.open_mark if q is not None else len(text)
                stretch = self.stretch(paragraph, low, high, low, high)
                for token in stretch.doc:
                    if ended and any(c.isalnum() for c in token.text):
                        starts.append(stretch.offset + token.idx)
                        ended = False
                    ended = ended or token.text in SENTENCE_ENDS
                if q is None:
                    break
                if ended:
                    starts.append(q.open_mark)
                ended, low = not self.leaves_sentence_open(q), q.close_mark + 1
            self.starts[paragraph] = starts
        return self.starts[paragraph]

    def sentence_start(self, paragraph: int, offset: int) -> int:
        """Where the sentence holding `offset` begins."""
        return max((s for s in self.sentence_starts(paragraph) if s <= offset), default=0)

    def subject_snippet(self, paragraph: int, start: int) -> Snippet | None:
        """The first words of the sentence beginning at `start`, up to its first quotation; None
        when it begins with one."""
        text = self.article.paragraphs[paragraph].text
        high = min((q.open_mark for q in self.by_paragraph[paragraph] if q.open_mark >= start), default=len(text))
        stretch = self.stretch(paragraph, start, min(high, start + LEADING_CHARS), start, high)
        doc = stretch.doc
        end = next((t.i for t in doc if t.text in SENTENCE_ENDS), len(doc))
        words = [t.i for t in doc[:end] if not (t.is_punct or t.is_space)]
        if not words:
            return None
        span = trimmed(doc[:words[SUBJECT_WORDS] if len(words) > SUBJECT_WORDS else end])
        offset = stretch.offset + span.start_char
        return Snippet(paragraph, offset, text[offset:offset + len(span.text)], None, inverted=False, clipped=False)

    def antecedent_mentions(self, mentions: list[Mention]) -> list[Mention]:
        """Speakers of indirect speech ("Ushakov confirmed that …") between a pronoun speaker and
        the last speaker of its kind named before it, and for "he" or "she" the people who are
        the subjects of the sentences there ("Zakharova accused the investigators of bias."),
        parsed only when a pronoun needs them."""
        verbs: set[Position] = set()
        openings: set[Position] = set()
        for mention in mentions:
            pronoun = mention.pronoun
            if pronoun not in PERSON_PRONOUNS | GROUP_PRONOUNS:
                continue
            person = pronoun in PERSON_PRONOUNS
            since = max((m.position for m in mentions if m.pronoun is None and m.person == person
                         and m.position < mention.position), default=(0, -1))
            gap = [p for p in self.speech_verbs_between(since, mention.position) if p not in self.used_verbs]
            verbs.update(gap[-ANTECEDENT_SNIPPETS:])
            if person:
                openings.update(list(self.sentences_between(since, mention.position))[-ANTECEDENT_SNIPPETS:])
        said = [s for s in (self.indirect_snippet(*position) for position in sorted(verbs)) if s]
        subjects = [s for s in (self.subject_snippet(*position) for position in sorted(openings)) if s]
        found = self.speakers_of(said + subjects)
        return [m for i, m in enumerate(found)
                if m is not None and m.pronoun is None and (i < len(said) or m.person)]

    def sentences_between(self, since: Position, until: Position) -> Iterator[Position]:
        """Starts of the sentences outside quotations, in article order."""
        for index in range(since[0], until[0] + 1):
            text = self.article.paragraphs[index].text
            for start in self.sentence_starts(index):
                if since < (index, start) < until and not MARKS.match(text, start):
                    yield index, start

    def speech_verbs_between(self, since: Position, until: Position) -> Iterator[Position]:
        """Verbs of saying outside the quotations, in article order."""
        for index in range(since[0], until[0] + 1):
            text = self.article.paragraphs[index].text
            quoted = [(q.open_mark, q.close_mark) for q in self.by_paragraph[index]]
            for word in WORD.finditer(text):
                position = (index, word.start())
                if since < position < until and self.is_speech_word(text, word) and \
                        not any(start <= word.start() <= end for start, end in quoted):
                    yield position

    def indirect_snippet(self, paragraph: int, offset: int) -> Snippet | None:
        """The snippet around a verb of indirect speech, within its sentence."""
        text = self.article.paragraphs[paragraph].text
        quoted = self.by_paragraph[paragraph]
        low = max((q.close_mark + 1 for q in quoted if q.close_mark < offset), default=0)
        high = min((q.open_mark for q in quoted if q.open_mark > offset), default=len(text))
        stretch = self.stretch(paragraph, max(low, offset - INDIRECT_CHARS), min(high, offset + INDIRECT_CHARS),
                               low, high)
        doc = stretch.doc
        verb = next((t for t in doc if stretch.offset + t.idx == offset), None)
        if verb is None:
            return None
        first = next((t.i + 1 for t in reversed(doc[:verb.i]) if t.text in SENTENCE_ENDS), 0)
        end = next((t.i for t in doc[verb.i:] if t.text in SENTENCE_ENDS), len(doc))
        return self.snippet(stretch, verb, first, end)

    def resolve_in_order(self, mentions: list[Mention]) -> None:
        """Actors in article order, so `resolve` meets a full name before its surname, and a
        pronoun takes the latest speaker of its kind (a person for "he", a body for "they")."""
        named: list[Mention] = []
        for mention in mentions:
            actor = self.resolve(mention.span)
            pronoun = mention.pronoun
            if pronoun is None:
                mention.actor = replace(actor, text=mention.text) if actor else Actor(mention.text)
                if mention.actor.code is None:
                    mention.actor = self.coded(mention, mention.actor, named)
                named.append(mention)
                continue
            if actor is None or (actor.code is None and actor.name is None):
                person = pronoun in PERSON_PRONOUNS
                actor = next((m.actor for m in reversed(named) if m.person == person), None) \
                    if pronoun in PERSON_PRONOUNS | GROUP_PRONOUNS else None
            mention.actor = Actor(mention.text, actor.code, actor.sector, actor.name, actor.actor_id) \
                if actor else Actor(mention.text)

    def coded(self, mention: Mention, uncoded: Actor, named: list[Mention]) -> Actor:
        """A speaker whose words resolve to no state (`uncoded`), given one by the name it is built
        on ("a concerned Clinton"), by the last speaker named with its head noun ("the memo" after
        "the Flynn memo"), or by its clues (its apposition, the source it cites)."""
        span = mention.span
        name = next((e for e in span.ents if e.label_ == "PERSON" and e.root == span.root and len(e) < len(span)),
                    None)
        actor = self.resolve(name) if name is not None else None
        if actor is not None and actor.code:
            return replace(actor, text=mention.text)
        if len(span) == 2 and span[0].lower_ == "the" and span.root.pos_ == "NOUN":
            earlier = next((m.actor for m in reversed(named) if m.actor is not None and m.actor.code
                            and m.span.root.lemma_ == span.root.lemma_), None)
            if earlier is not None:
                return replace(earlier, text=mention.text)
        for clue in mention.clues:
            actor = self.resolve(clue)  # "Paulissen, head of the Dutch police": NLD
            if actor is not None and actor.code:
                return replace(uncoded, code=actor.code, sector=uncoded.sector or actor.sector)
        return uncoded


def noun_phrase(head: Token) -> Span:
    """The phrase `head` heads, without appositions, clauses or most prepositional phrases:
    "Giovanni Orsina, head of the school" -> "Giovanni Orsina"; "a spokesman for the Kremlin" stays,
    and so does a hyphen inside a word ("Walid al-Muallem")."""
    dropped = {t.i for child in head.children if child.dep_ in NOT_IN_PHRASE
               and not (child.dep_ == "prep" and child.lower_ in KEPT_PREPS and child.i > head.i)
               and not (child.dep_ == "punct" and is_inside_word(child))
               for t in child.subtree}
    start = end = head.i
    while start > head.left_edge.i and start - 1 not in dropped:
        start -= 1
    while end < head.right_edge.i and end + 1 not in dropped:
        end += 1
    return trimmed(head.doc[start:end + 1])


def is_inside_word(token: Token) -> bool:
    """A mark with no space either side of it: the hyphen of "al-Muallem"."""
    return token.i > 0 and not token.whitespace_ and not token.doc[token.i - 1].whitespace_ and \
        token.i + 1 < len(token.doc)


def subject_phrase(verb: Token, inverted: bool) -> Span | None:
    """Who the verb's clause says speaks: its subject, the object of "quoted" ("TASS quoted Putin
    as saying"), a name after an inverted verb, or the subject of the clause it hangs from."""
    clause = verb
    for _ in range(3):
        if clause.lemma_.lower() == "quote":
            quoted = next((c for c in clause.children if c.dep_ == "dobj"), None)
            if quoted is not None:
                return noun_phrase(quoted)
        subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and subject.lower_ in RELATIVE_PRONOUNS:
            return noun_phrase(clause.head) if clause.dep_ == "relcl" else None
        if subject is not None:
            return noun_phrase(subject)
        if inverted and clause is verb:
            named = next((c for c in verb.rights if c.dep_ in INVERTED_DEPS and c.pos_ in NAME_POS), None)
            if named is not None:
                return noun_phrase(named)
        if clause.dep_ == "pcomp" and clause.head.head.lemma_.lower() == "quote":
            clause = clause.head.head  # "quoted Putin as saying"
        elif clause.dep_ in CLAUSE_DEPS and clause.head is not clause:
            clause = clause.head
        else:
            return None
    return None


def opening_subject(root: Token) -> Span | None:
    """The subject of a sentence's opening words, parsed alone: its main verb's, or all of them
    when they hold no verb, a long subject cut before its verb ("A letter from the US envoy to
    the rebels, a copy of which …")."""
    if root.pos_ in ("VERB", "AUX"):
        return subject_phrase(root, inverted=False)
    return noun_phrase(root) if root.pos_ in NAME_POS else None


def cited_sources(verb: Token) -> list[Span]:
    """What a "citing …" on the verb names: the source behind a report ("the Post reported, citing
    a Chinese official")."""
    return [noun_phrase(source) for citing in verb.children if citing.lower_ == "citing"
            for source in citing.children if source.dep_ == "dobj"]


def adjacent_phrase(verb: Token, inverted: bool) -> Span | None:
    """When the parse of a fragment gives no subject ("Clinton remarks." read as a noun phrase):
    the words between the verb and the punctuation next to it, if they read as a name."""
    if inverted:
        return phrase_after(verb)
    doc = verb.doc
    start = next((t.i + 1 for t in reversed(doc[:verb.i]) if t.is_punct), 0)
    words = doc[start:verb.i]
    return words if len(words) <= WORDS_BEFORE_VERB and reads_as_name(words) else None


def phrase_after(token: Token) -> Span | None:
    doc = token.doc
    end = next((t.i for t in doc[token.i + 1:] if t.is_punct), len(doc))
    words = trimmed(doc[token.i + 1:end])
    return words if reads_as_name(words) else None


def reads_as_name(words: Span) -> bool:
    """A noun phrase: a noun, and no verb or conjunction unless as a modifier ("a concerned Clinton")."""
    return any(t.pos_ in NOMINAL_POS for t in words) and not any(
        t.pos_ in NOT_IN_NAME_POS and t.dep_ not in ("amod", "compound", "poss", "case") for t in words)


def trimmed(span: Span) -> Span:
    """The span without punctuation or spaces at either end."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].is_punct or span.doc[start].is_space):
        start += 1
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].is_space):
        end -= 1
    return span.doc[start:end]
