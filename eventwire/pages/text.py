"""Page anatomy for plain-text pages: label every line, keep why, and build the article.

No extractor serves scraped text (they keep every line), so this is hand-written: line shape
(word count, terminal punctuation) in the spirit of the C4/FineWeb line filters, plus the
pattern rules in `data/line_rules.yaml`. Every dropped line keeps its reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from eventwire.model import Article, Comment, Document, Paragraph, stable_id
from eventwire.pages.metadata import published_fields

TERMINAL = ('.', '!', '?', '"', '\u201d', "'", '\u2019', ')', '\u2026', ':')
WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
MIN_BODY_WORDS = 6  # a sentence-shaped line at least this long is body
LONG_LINE_WORDS = 20  # this long is body even without terminal punctuation
MAX_TITLE_WORDS = 25


@dataclass(slots=True)
class LabeledLine:
    number: int  # 1-based line in the document
    text: str  # the stripped line; several lines when a hard-wrapped paragraph was joined
    column: int  # offset of `text` within its first line
    label: str  # title | standfirst | byline | body | comment | comment_author | syndication | boiler
    reason: str


@dataclass(frozen=True, slots=True)
class LineRules:
    boilerplate: tuple[tuple[str, re.Pattern[str]], ...]
    comment_thread_start: re.Pattern[str]
    comment_furniture: re.Pattern[str]
    syndication: re.Pattern[str]
    byline: re.Pattern[str]


@cache
def line_rules() -> LineRules:
    raw = yaml.safe_load(resources.files("eventwire.pages").joinpath("data/line_rules.yaml").read_text("utf-8"))

    def compile_rule(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
        return re.compile(pattern, flags)

    return LineRules(
        boilerplate=tuple((name, compile_rule(p)) for name, p in raw["boilerplate"].items()),
        comment_thread_start=compile_rule(raw["comment_thread_start"]),
        comment_furniture=compile_rule(raw["comment_furniture"]),
        syndication=compile_rule(raw["syndication"]),
        byline=compile_rule(raw["byline"], 0),
    )


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def is_sentence_shaped(text: str) -> bool:
    words = word_count(text)
    return words >= LONG_LINE_WORDS or (words >= MIN_BODY_WORDS and text.rstrip().endswith(TERMINAL))


def physical_units(content: str) -> list[tuple[int, int, str]]:
    """(line number, column, text) per paragraph; hard-wrapped lines are joined verbatim."""
    units: list[tuple[int, int, str]] = []
    lines = content.split("\n")
    i = 0
    while i < len(lines):
        raw = lines[i]
        stripped = raw.strip()
        if not stripped:
            i += 1
            continue
        column = len(raw) - len(raw.lstrip())
        parts = [raw[column:]]
        start = i
        # A line that stops mid-sentence and runs on into a lower-case line is hard-wrapped.
        while (i + 1 < len(lines) and lines[i + 1].strip() and not parts[-1].rstrip().endswith(TERMINAL)
               and word_count(lines[i]) >= 6 and lines[i + 1].strip()[0].islower()):
            i += 1
            parts.append(lines[i])
        units.append((start + 1, column, "\n".join(parts).rstrip()))
        i += 1
    return units


def label_lines(content: str) -> list[LabeledLine]:
    """Label each paragraph-sized unit of a plain-text page, with the reason for the label."""
    rules = line_rules()
    labeled: list[LabeledLine] = []
    in_comments = False
    seen_body = False
    for number, column, text in physical_units(content):
        def add(label: str, reason: str) -> None:
            labeled.append(LabeledLine(number, text, column, label, reason))

        flat = " ".join(text.split())
        if seen_body and not in_comments and rules.comment_thread_start.fullmatch(flat):
            in_comments = True
            add("boiler", "start of a reader-comment thread")
            continue
        rule = next((name for name, pattern in rules.boilerplate if pattern.fullmatch(flat)), None)
        if rule:
            add("boiler", rule)
            continue
        if in_comments:
            if rules.comment_furniture.fullmatch(flat):
                add("boiler", "comment-thread furniture")
            elif is_sentence_shaped(flat) or word_count(flat) >= MIN_BODY_WORDS:
                add("comment", "inside a reader-comment thread")
            elif 1 <= word_count(flat) <= 4 and not flat.endswith(TERMINAL):
                add("comment_author", "short name-like line inside a comment thread")
            else:
                add("boiler", "comment-thread furniture")
            continue
        if rules.syndication.fullmatch(flat) and word_count(flat) <= 14:
            add("syndication", "syndication line")
        elif rules.byline.fullmatch(flat):
            add("byline", "byline pattern")
        elif is_sentence_shaped(flat):
            add("body", "sentence-shaped line")
            seen_body = True
        else:
            add("boiler", SHORT)
    label_header(labeled)
    return labeled


SHORT = "short line without terminal punctuation"


def label_header(labeled: list[LabeledLine]) -> None:
    """Headline, standfirst and name-only byline around the first body line.

    The headline is the last short line before the body that is not a bare name (site names
    and section labels come earlier). A sentence-shaped line followed by a byline, a counter or
    a bare name is the standfirst, and the body starts after it.
    """
    first_body = next((i for i, line in enumerate(labeled) if line.label == "body"), None)
    if first_body is None:
        return
    after = labeled[first_body + 1:first_body + 3]
    if any(line.label in ("byline", "syndication") or line.reason == "views or counters"
           or (line.reason == SHORT and is_name_like(line.text)) for line in after):
        labeled[first_body].label = "standfirst"
        labeled[first_body].reason = "sentence-shaped line between headline and byline"
        header_end = next((i for i in range(first_body + 1, len(labeled)) if labeled[i].label == "body"), len(labeled))
    else:
        header_end = first_body
    short = [i for i in range(first_body) if labeled[i].reason == SHORT
             and 2 <= word_count(labeled[i].text) <= MAX_TITLE_WORDS]
    if not short:
        return
    title_at = next((i for i in reversed(short) if not is_name_like(labeled[i].text)), short[-1])
    labeled[title_at].label, labeled[title_at].reason = "title", "last short line before the body"
    for line in labeled[title_at + 1:header_end]:
        if line.reason == SHORT and is_name_like(line.text):
            line.label, line.reason = "byline", "name-shaped line under the headline"


def is_name_like(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not text.endswith(TERMINAL)


def article_from_text(document: Document) -> list[Article]:
    """The article of a plain-text page (one per page in this version)."""
    labeled = label_lines(document.content)
    body = [Paragraph(line.text, line.number, line.column) for line in labeled if line.label == "body"]
    if not body:
        return []
    rules = line_rules()
    authors: list[str] = []
    syndicated_from = None
    comments: list[Comment] = []
    author = None
    for line in labeled:
        if line.label == "byline":
            match = rules.byline.fullmatch(line.text)
            authors.append(match.group("author") if match else line.text)
            if match and match.group("via"):
                syndicated_from = syndicated_from or match.group("via").strip()
        elif line.label == "syndication" and syndicated_from is None:
            match = rules.syndication.fullmatch(line.text)
            syndicated_from = match.group("source").strip() if match else None
        elif line.label == "comment_author":
            author = line.text
        elif line.label == "comment":
            comments.append(Comment(author, line.text, line.number))
    title = next((line.text for line in labeled if line.label == "title"), document.title)
    standfirst = next((line.text for line in labeled if line.label == "standfirst"), None)
    return [Article(
        id=stable_id("a", document.id, 0), document_id=document.id,
        source=document.url or document.source, evidence_source=document.source,
        paragraphs=body, title=title, standfirst=standfirst, authors=authors,
        syndicated_from=syndicated_from, comments=comments,
        **published_fields(document.published),
    )]
