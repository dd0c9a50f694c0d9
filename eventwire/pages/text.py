"""Page anatomy for plain-text pages: label every line, keep why, split the page into articles.

No extractor serves scraped text (they keep every line and never split concatenated
articles), so this is hand-written, in passes over paragraph-sized units (hard-wrapped text is
reflowed first):

1. shape: each unit is labelled by the rules in `data/line_rules.yaml` (boilerplate, bylines,
   datelines, syndication, separators) and by its shape (word count, terminal punctuation), in
   the spirit of the C4/FineWeb line filters; lines the site repeats are marked (repetition.py);
2. segmentation: an article starts at a headline, a short line followed by header evidence (a
   byline, a dateline, a counter, a syndication line, a bare author name, a standfirst then one
   of those) — or, for the first article, at the last short line before the first body line;
3. within each article: headline, standfirst and byline are settled, and a reader-comment
   thread ("Leave a Reply", usernames, "Guest") runs until a separator or its end;
4. the page: the site's repeated lines and headlines without a body become furniture.

Every label keeps its reason, shown by `eventwire articles --explain`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

from eventwire.model import Article, Comment, Document, Paragraph, stable_id
from eventwire.pages.first_chars import first_characters
from eventwire.pages.metadata import date_fields, latest_date_in, published_fields

TERMINAL = ('.', '!', '?', '\u2026', ':')
CLOSERS = ')]"\'\u201d\u2019'  # a sentence may end inside quotes or brackets: '.."' or '.)' 
WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
QUOTED = re.compile(r'"[^"]*"|\u201c[^\u201d]*\u201d')
# "I", "my", "me" as whole words ("I'm" counts its "I"); written to open with a literal, so the
# regex engine skips straight to candidate letters in a long body.
FIRST_PERSON = re.compile(r"I(?!\w)(?<!\wI)|m[ye](?!\w)(?<!\wm[ye])")
MIN_BODY_WORDS = 6  # a sentence-shaped line at least this long is body
LONG_LINE_WORDS = 20  # this long is body even without terminal punctuation
MAX_TITLE_WORDS = 25
LONG_TEXT_CHARS = 200
MAX_BOILER_WORDS = 18  # pattern rules never fire on longer lines: those are sentences
MAX_SYNDICATION_WORDS = 24  # "This story first appeared in X. Additional reporting by Y."
MAX_NOTICE_WORDS = 90  # a cookie banner or disclaimer is never a paragraph this long
HEADER_REACH = 7  # units after a headline in which its header evidence must appear
NAME_REACH = 3  # a bare author name counts as header evidence this close to the headline
MAX_CAPTION_WORDS = 30
QUOTE_MARKS = '"\'\u201c\u201d\u2018\u2019'
MIN_PULL_QUOTE_WORDS = 4
MAX_PULL_QUOTE_WORDS = 30
INLINE_FURNITURE = {"photo caption", "image credit", "advertisement", "pull quote: repeats words of a paragraph"}
MIN_FOOTER_GAP = 6  # furniture lines between the article's last paragraph and a footer sentence
MAX_FOOTER_PARAGRAPHS = 2
BULLETS = ("•", "- ", "* ", "–", "▪", "‣")
MAX_STANDFIRST_WORDS = 45
MAX_AD_LINES = 5
MAX_WRAP_WIDTH = 120  # hard-wrapped text breaks between these columns
MIN_WRAP_WIDTH = 50
WRAP_SLACK = 12  # a wrapped line ends within this many columns of the wrap width
MAX_LABEL_WORDS = 4  # a section label or masthead above a headline
MAX_HEADER_UNITS = 9  # an article's first paragraph is at most this many units below its headline
MAX_STRAY_BODY = 2  # more paragraphs than this below a long header are the article after all
MAX_BRIEF_PARAGRAPHS = 6  # a news brief closed by "Via AP" is at most this long
ENTRY_TIME = re.compile(r"\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?|gmt|bst|cet|cest|est|edt|pst|utc|msk|ist)?", re.IGNORECASE)
MENU_ITEM = r"(?:\S+ ){0,2}\S*[^\s.!?]"  # one to three words, not ending a sentence
MENU_ROW = re.compile(rf"{MENU_ITEM}(?:(?: {{2,}}|\t+){MENU_ITEM}){{3,}}")
PARENTHETICAL = re.compile(r"\([^)]{1,20}\)")
REMOVED_COMMENT = re.compile(r"\[(removed|deleted)\]")
LINK_MARKER = re.compile(r"\[\d+\]")  # lynx and w3m number each link: "[12]Share"
LYNX_LINK = re.compile(r"\[\d+\](?=\S)")  # not a footnote: "[3] Report of the mission"
MAX_INNER_SHORT_RUN = 3  # this many short lines between body paragraphs are subheadings
SHORT = "short line without terminal punctuation"
SENTENCE = "sentence-shaped line"
THREAD_START = "start of a reader-comment thread"
THREAD_FURNITURE = "comment-thread furniture"  # "Guest", "Reply", timestamps between comments
THREAD_HEADER = "comment-thread header"  # "Notify of", "Sort by" before the first comment
NO_BODY = "headline with no body of its own: a link-list entry"
SENTENCE_HEADLINE = "sentence-shaped headline above the byline"
REPEATED = "repeated on other pages of this site"
AUTHOR_REPEATED = "commenter's name repeated under its tag"
NAME_WITH_TIME = "commenter's name with points or time"
SHORT_NAME = "short name-like line inside a comment thread"
BEFORE_FIRST = "before the first article"
AFTER_END = "after the end of the article"
BY_POSITION = (SHORT, BEFORE_FIRST, AFTER_END)  # boiler by shape or place, not by a named rule
HEADER_LABELS = {"byline", "dateline", "syndication"}
HEADER_OPENERS = ("by ", "authored", "written", "posted", "submitted", "published", "first published", "updated", "date")
IN_HEADER = {SHORT, "views or counters", "image credit", "advertisement", "reading time", "share widget"}
OPINION_FIRST_PERSON_PER_1000 = 4.0


@dataclass(slots=True)
class LabeledLine:
    number: int  # 1-based line in the document
    text: str  # the stripped line; several lines when a hard-wrapped paragraph was joined
    column: int  # offset of `text` within its first line
    label: str  # title | standfirst | byline | dateline | body | comment | comment_author | syndication | boiler
    reason: str
    article: int | None = None  # index of the article the line belongs to
    repeated: bool = False  # on enough pages of this site to be its furniture (repetition.py)


@dataclass(frozen=True, slots=True)
class LineRules:
    boilerplate: NamedRules
    boilerplate_any_length: NamedRules
    separators: NamedRules  # thread starts and article separators in one pass
    comment_furniture: re.Pattern[str]
    comment_author_tag: re.Pattern[str]
    comment_thread_end: re.Pattern[str]
    comment_author_line: re.Pattern[str]
    source_link: re.Pattern[str]
    section_words: frozenset[str]
    syndication: re.Pattern[str]
    byline: re.Pattern[str]
    dateline: NamedRules
    credit: re.Pattern[str]
    author_role: re.Pattern[str]
    author_line: re.Pattern[str]
    author_bio: re.Pattern[str]


class NamedRules:
    """Named patterns compiled into one alternation: one regex call per line, not one per rule.

    A rule given as {pattern, requires} runs only on lines holding one of its `requires` words:
    a substring test is far cheaper than a pattern that has to scan a long line.
    """

    def __init__(self, rules: dict[str, str | dict[str, Any]]) -> None:
        plain = {name: rule for name, rule in rules.items() if isinstance(rule, str)}
        self.names = list(plain)
        self.patterns = list(plain.values())
        self.starts = [first_characters(pattern) for pattern in self.patterns]
        self.by_first: dict[str, re.Pattern[str] | None] = {}  # a line's first character -> the rules it may match
        self.by_rules: dict[tuple[int, ...], re.Pattern[str] | None] = {}
        guarded = {name: rule for name, rule in rules.items() if not isinstance(rule, str)}
        self.guarded = [(name, tuple(rule["requires"]), re.compile(rule["pattern"], re.IGNORECASE))
                        for name, rule in guarded.items()]
        # One scan for any guard word: most lines hold none, and then no guarded rule is tried.
        words = sorted({word for _, requires, _ in self.guarded for word in requires}, key=len, reverse=True)
        self.any_guard_word = re.compile("|".join(map(re.escape, words))) if words else None

    def alternation(self, first: str) -> re.Pattern[str] | None:
        """The plain rules, in file order, that a line starting with `first` could match."""
        chosen = tuple(i for i, chars in enumerate(self.starts)
                       if chars is None or first in chars or not first.isascii())
        if chosen not in self.by_rules:
            self.by_rules[chosen] = re.compile("|".join(f"(?P<r{i}>{self.patterns[i]})" for i in chosen),
                                               re.IGNORECASE) if chosen else None
        return self.by_rules[chosen]

    def match(self, line: str, lower: str | None = None) -> str | None:
        """The name of a rule the whole line matches (plain rules first, in file order);
        `lower` is the line in lower case, when the caller has it already."""
        lower = line.lower() if lower is None else lower
        first = lower[:1]
        if first not in self.by_first:
            self.by_first[first] = self.alternation(first)
        pattern = self.by_first[first]
        found = pattern.fullmatch(line) if pattern else None
        if found:
            return self.names[int(found.lastgroup[1:])]
        if self.any_guard_word:
            if not self.any_guard_word.search(lower):
                return None
            for name, requires, pattern in self.guarded:
                for word in requires:
                    if word in lower:
                        if pattern.fullmatch(line):
                            return name
                        break
        return None


@cache
def line_rules() -> LineRules:
    raw = yaml.safe_load(resources.files("eventwire.pages").joinpath("data/line_rules.yaml").read_text("utf-8"))

    def rule(name: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
        return re.compile(raw[name], flags)

    def named(section: str) -> NamedRules:
        return NamedRules(raw[section])

    return LineRules(
        boilerplate=named("boilerplate"), boilerplate_any_length=named("boilerplate_any_length"),
        comment_furniture=rule("comment_furniture"),
        separators=NamedRules({THREAD_START: raw["comment_thread_start"], "article separator": raw["article_end"]}),
        comment_author_tag=rule("comment_author_tag"), comment_thread_end=rule("comment_thread_end"),
        comment_author_line=rule("comment_author_line"), source_link=rule("source_link"),
        section_words=frozenset(raw["section_words"]),
        syndication=rule("syndication"), byline=rule("byline", 0),
        dateline=named("dateline"), credit=rule("credit"), author_role=rule("author_role"),
        author_line=rule("author_line", 0), author_bio=rule("author_bio", 0))


def clear_line_caches() -> None:
    """Forget per-line caches, so a benchmark times each page as if seen for the first time."""
    word_count.cache_clear()
    is_name_like.cache_clear()
    is_author_role.cache_clear()
    is_comment_furniture.cache_clear()


@lru_cache(maxsize=16384)
def word_count(text: str) -> int:
    if len(text) > LONG_TEXT_CHARS:
        return len(text.split())  # past the thresholds that matter here: whitespace tokens will do
    return len(WORD.findall(text))


def ends_sentence(text: str) -> bool:
    """Terminal punctuation, looking through closing quotes and brackets ("(Video)" is not)."""
    return text.rstrip().rstrip(CLOSERS).endswith(TERMINAL)


def is_sentence_shaped(text: str) -> bool:
    words = word_count(text)
    return words >= LONG_LINE_WORDS or (words >= MIN_BODY_WORDS and ends_sentence(text))


@lru_cache(maxsize=16384)
def is_name_like(text: str) -> bool:
    """A bare author line: "Jane Doe", "Jane Doe and John Roe", "Jane Doe in Kyiv" — not a
    section label ("World News", "LIVE UPDATES")."""
    rules = line_rules()
    text = " ".join(PARENTHETICAL.sub("", text).split())  # "Jane Doe (now) and John Roe (earlier)"
    return (bool(rules.author_line.fullmatch(text)) and not ends_sentence(text) and not text.isupper()
            and rules.section_words.isdisjoint(text.split()))


def wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped page (a text-browser dump, a plain-text e-mail) breaks at, or
    None when its lines are whole paragraphs: many lines end just short of one width."""
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    near = [n for n in lengths if n <= MAX_WRAP_WIDTH]
    # Too few lines at any width, or too many past the widest one: whole paragraphs.
    if len(lengths) < 10 or len(near) < max(5, len(lengths) // 4) or (len(lengths) - len(near)) * 10 > len(lengths):
        return None
    # The width is the line length that the most lines end just short of (a stray long line,
    # such as a URL, is not it).
    widths = {w for w in near if w >= MIN_WRAP_WIDTH}
    if not widths:
        return None
    near.sort()
    at_width, width = max((bisect_right(near, w) - bisect_left(near, w - WRAP_SLACK), w) for w in widths)
    longer = sum(n > width for n in lengths)  # a wrapped page has almost none
    return width if at_width >= max(5, len(lengths) // 4) and longer * 10 <= len(lengths) else None


def physical_units(content: str) -> list[tuple[int, int, str]]:
    """(line number, column, text) per paragraph; hard-wrapped lines are joined verbatim."""
    units: list[tuple[int, int, str]] = []
    lines = content.split("\n")
    width = wrap_width(lines)

    def continues(i: int, text: str) -> bool:
        following = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if not following:
            return False
        if width:  # wrapped: this line is full, or the next line's first word would not have fitted
            length = len(lines[i].rstrip())
            return length >= width - WRAP_SLACK or length + 1 + len(following.split()[0]) > width
        # A line that stops mid-sentence and runs on into a lower-case line is hard-wrapped,
        # unless that line is a header line of its own ("via Reuters", "by Jane Doe").
        return (following[0].islower() and not ends_sentence(text) and word_count(lines[i]) >= 6
                and shape_label(" ".join(following.split()), line_rules())[0] in ("body", "boiler"))

    i = 0
    while i < len(lines):
        raw = lines[i]
        if not raw.strip():
            i += 1
            continue
        column = len(raw) - len(raw.lstrip())
        parts = [raw[column:]]
        start = i
        while continues(i, parts[-1]):
            i += 1
            parts.append(lines[i])
        units.append((start + 1, column, "\n".join(parts).rstrip()))
        i += 1
    return units


# --- pass 1: shape ---------------------------------------------------------------------------


def shape_label(flat: str, rules: LineRules) -> tuple[str, str]:
    words = word_count(flat)
    short = words <= MAX_BOILER_WORDS  # only the any-length rules can fire on longer lines
    lower = flat.lower()
    separator = rules.separators.match(flat, lower) if short else None
    if separator:
        return "boiler", separator
    # A dateline or byline never reads as a whole sentence: skip their patterns on those.
    sentence = words >= MIN_BODY_WORDS and ends_sentence(flat) and not lower.startswith(HEADER_OPENERS)
    if short and not sentence and rules.dateline.match(flat, lower):
        return "dateline", "dateline"
    rule = rules.boilerplate_any_length.match(flat, lower) if words <= MAX_NOTICE_WORDS else None
    if rule:
        return "boiler", rule
    if short:
        rule = rules.boilerplate.match(flat, lower)
        if rule:
            return "boiler", rule
    if words <= MAX_SYNDICATION_WORDS and rules.syndication.fullmatch(flat):
        return "syndication", "syndication line"
    link = flat.rstrip("↗→ ")
    if " " not in link and rules.source_link.fullmatch(link):
        return "syndication", "link to the story's source"
    if short and rules.credit.fullmatch(flat):
        return "credit", "credit line: contributors other than the author"
    if short and not sentence and rules.byline.fullmatch(flat):
        return "byline", "byline pattern"
    if is_sentence_shaped(flat):
        return "body", SENTENCE
    return "boiler", SHORT


def furniture_reason(line: str) -> str | None:
    """The boilerplate rule a line matches by pattern (not by shape), if any."""
    label, reason = shape_label(" ".join(line.split()), line_rules())
    return reason if label == "boiler" and reason != SHORT else None


# --- pass 2: segmentation --------------------------------------------------------------------


def is_headline_candidate(line: LabeledLine) -> bool:
    if line.reason == SENTENCE_HEADLINE:
        return True
    return (line.reason == SHORT and not line.text.startswith(BULLETS)
            and 2 <= word_count(line.text) <= MAX_TITLE_WORDS
            and not is_name_like(line.text) and not is_author_role(line.text))


@lru_cache(maxsize=16384)
def is_author_role(text: str) -> bool:
    return line_rules().author_role.fullmatch(text) is not None


@lru_cache(maxsize=16384)
def is_comment_furniture(text: str) -> bool:
    """"Reply", "Guest", "3 hours ago": asked of each line once per headline candidate above it."""
    return line_rules().comment_furniture.fullmatch(text) is not None


def header_evidence(labeled: list[LabeledLine], i: int, rules: LineRules) -> tuple[str, int] | None:
    """("strong", at) for a byline, dateline, counter or syndication line, ("weak", at) for a
    bare name, following the headline candidate at i before its body starts; else None."""
    window = labeled[i + 1:i + 1 + HEADER_REACH]
    for k, line in enumerate(window):
        following = window[k + 1] if k + 1 < len(window) else None
        if following is not None and following.label != "dateline" and is_comment_furniture(following.text):
            return None  # "username / Guest": a comment, not a byline
        if line.label == "syndication" and any(x.label == "body" for x in window[:k]):
            return None  # "Source: …" under a paragraph closes a section, it heads no article
        if line.label in HEADER_LABELS or line.reason == "views or counters":
            return "strong", i + 1 + k
        if line.reason == SHORT and is_name_like(line.text) and k < NAME_REACH:
            return "weak", i + 1 + k
        if line.label == "body" and k > 0:
            return None  # a second body line: this was a paragraph, not a header
        if line.label == "boiler" and line.reason not in IN_HEADER:
            return None  # menus, appeals, separators: the candidate is above the page furniture
    return None


def mark_sentence_headlines(labeled: list[LabeledLine]) -> None:
    """An opinion headline can be a sentence: a short body-shaped line, maybe a second as its
    standfirst, directly above a byline or dateline, is a headline and not a paragraph."""
    for i, line in enumerate(labeled):
        if line.label != "body" or word_count(line.text) > MAX_TITLE_WORDS:
            continue
        if i and (labeled[i - 1].label == "body" or is_headline_candidate(labeled[i - 1])):
            continue  # a paragraph, or the standfirst under a short headline
        following = labeled[i + 1:i + 3]
        if following and following[0].label == "body" and word_count(following[0].text) <= MAX_STANDFIRST_WORDS:
            standfirst, after = following[0], labeled[i + 2:i + 4]
        else:
            standfirst, after = None, following
        if any(line.label == "byline" for line in after[:2]) and all(
                line.label in HEADER_LABELS for line in after[:next((k for k, x in enumerate(after) if x.label == "byline"), 0)]):
            line.label, line.reason = "boiler", SENTENCE_HEADLINE
            if standfirst is not None:
                standfirst.label, standfirst.reason = "boiler", SHORT


def article_starts(labeled: list[LabeledLine], rules: LineRules) -> list[int]:
    starts: list[tuple[int, str]] = []
    header_end = -1  # no new headline inside the header of the article just started
    in_thread = False  # commenters' names and timestamps are not article headers
    seen_body = False
    for i, line in enumerate(labeled):
        seen_body = seen_body or line.label == "body"
        if line.reason == THREAD_START and seen_body:
            in_thread = True
        elif in_thread and (line.reason in ("article separator", "navigation")
                            or rules.comment_thread_end.fullmatch(line.text)):
            in_thread = False
        if i <= header_end or not is_headline_candidate(line):
            continue
        if in_thread and not any(later.reason in ("byline pattern", "syndication line")
                                 for later in labeled[i + 1:i + 1 + HEADER_REACH]):
            continue  # in a thread, only a "By …" or "Via …" line makes a new article
        if line.repeated and i + 1 < len(labeled) and is_headline_candidate(labeled[i + 1]) \
                and not labeled[i + 1].repeated:
            continue  # the site's tagline or section label above the real headline
        found = header_evidence(labeled, i, rules)
        previous_start = starts[-1][0] if starts else 0
        if found is None and closes_previous(labeled, i, previous_start):
            found = ("strong", i)
        if found is None:
            continue
        evidence, at = found
        bodies = (k for k in range(i + 1, len(labeled)) if labeled[k].label == "body")
        header_end = next(bodies, len(labeled))
        if header_end == i + 1:  # a standfirst: the header runs on to the next body line
            header_end = next(bodies, len(labeled))
        # A later candidate above the same body with header evidence of its own is the headline;
        # this one was a masthead, tagline or section label above it. Directly above, it is the
        # headline over a short standfirst, unless it is label-short.
        # Past this one's header evidence, only a headline set off from it by page furniture
        # (a menu, say) is; otherwise it is the next entry of a link list.
        for j in range(i + 1, header_end):
            if j == i + 1 and not is_label_above(labeled[i], labeled[j]):
                continue
            furniture_between = any(line.label == "boiler" and line.reason not in IN_HEADER
                                    for line in labeled[at + 1:j])
            title_under_byline = j == at + 1 and labeled[at].label == "byline"  # "Posted by u/x" first
            if j > at and not (furniture_between or title_under_byline):
                continue  # the next entry of a link list, not this one's headline
            later = header_evidence(labeled, j, rules) if is_headline_candidate(labeled[j]) else None
            if later:
                i, (evidence, at) = j, later
        starts.append((i, evidence))
    bodies_after = [sum(line.label == "body" for line in labeled[start:end])
                    for (start, _), (end, _) in zip(starts, starts[1:] + [(len(labeled), "")])]
    # A bare name is weak evidence: such an article needs two paragraphs of its own.
    kept = [start for (start, evidence), bodies in zip(starts, bodies_after)
            if evidence == "strong" or bodies >= 2]
    return with_first_article(labeled, kept)


def closes_previous(labeled: list[LabeledLine], i: int, previous_start: int) -> bool:
    """A news brief: "…paragraph / Via AP / Next headline / paragraph" — the credit line ends a
    short article, so the short line after it heads the next even without a byline. (After a
    long article, "Via X" more often opens a quoted section with subheadings.)"""
    if not 1 < i < len(labeled) - 1:
        return False
    closing = labeled[i - 1]  # "Source: X" rather attributes the excerpt above
    return (closing.label in ("syndication", "credit") and not closing.text.lower().startswith("source")
            and labeled[i - 2].label == "body" and labeled[i + 1].label == "body"
            and sum(line.label == "body" for line in labeled[previous_start:i]) <= MAX_BRIEF_PARAGRAPHS)


def with_first_article(labeled: list[LabeledLine], starts: list[int]) -> list[int]:
    """The first article may have no byline: its headline is the last short line before the
    body, or the one above it when that is followed directly by a longer standfirst."""
    first_body = next((i for i, line in enumerate(labeled) if line.label == "body" and not line.repeated), None)
    if first_body is None or (starts and starts[0] < first_body):
        return starts
    before = [i for i in range(first_body) if is_headline_candidate(labeled[i])]
    before = [i for i in before if not labeled[i].repeated] or before
    if not before and starts and sum(line.label == "body" for line in labeled[first_body:starts[0]]) < 2:
        return starts  # one sentence above the first headline: a tagline, not an article
    if len(before) >= 2 and before[-1] == before[-2] + 1 and is_headline_over_standfirst(
            labeled[before[-2]], labeled[before[-1]]):
        before.pop()
    return [before[-1] if before else first_body, *starts]


def is_label_above(label: LabeledLine, headline: LabeledLine) -> bool:
    """"Latin America, Sanctions" above the headline: a label is a few words, fewer than it."""
    words = word_count(label.text)
    return words <= MAX_LABEL_WORDS and word_count(headline.text) > words


def is_headline_over_standfirst(headline: LabeledLine, standfirst: LabeledLine) -> bool:
    """A headline-length line directly above a longer short line: headline and standfirst."""
    words = word_count(headline.text)
    return words >= 5 and word_count(standfirst.text) >= max(8, words + 2)


# --- pass 3: within an article ---------------------------------------------------------------


def settle_article(lines: list[LabeledLine], index: int, rules: LineRules) -> None:
    """Headline, standfirst, bylines, the comment thread and trailing furniture of one article."""
    for line in lines:
        line.article = index
    if lines[0].reason == SENTENCE_HEADLINE:
        lines[0].label = "title"
    elif lines[0].reason == SHORT or lines[0].label != "body":
        lines[0].label, lines[0].reason = "title", "headline: a short line followed by the article header"
    thread = next((k for k, line in enumerate(lines) if line.reason == THREAD_START), len(lines))
    first_body = next((k for k, line in enumerate(lines[:thread]) if line.label == "body"), None)
    far = first_body is not None and first_body > MAX_HEADER_UNITS and sum(
        line.label == "body" for line in lines[:thread]) <= MAX_STRAY_BODY
    if first_body is None or far:
        # A headline with no paragraphs of its own (a link-list entry): what follows is not its body.
        for line in lines[1:thread]:
            if line.label == "body":
                line.label, line.reason = "boiler", "far below a headline with no body of its own"
        if thread < len(lines):
            settle_tail(lines, thread - 1, rules)
        return
    settle_header(lines, first_body)
    first_body = next((k for k, line in enumerate(lines) if line.label == "body"), None)
    if first_body is None:
        return  # its only paragraph was a standfirst
    end = settle_tail(lines, first_body, rules)
    for back in (1, 2):  # a live blog's first entry: "23:05 GMT / Evening summary / paragraph"
        if first_body - back > 0 and ENTRY_TIME.fullmatch(lines[first_body - back].text.strip()) and all(
                line.reason == SHORT for line in lines[first_body - back:first_body]):
            first_body -= back
            break
    for line in lines[first_body:end]:
        if line.reason == SHORT and ENTRY_TIME.fullmatch(line.text.strip()):
            line.label, line.reason = "body", "time of a live-blog entry"
    drop_stray_footer(lines[first_body:end])
    keep_short_paragraphs(lines[first_body:end])
    drop_pull_quotes(lines[first_body:end])
    drop_after_credit(lines[first_body:end])


def drop_pull_quotes(lines: list[LabeledLine]) -> None:
    """A short line that repeats words from a longer paragraph of the article is a pull quote."""
    bodies = [line for line in lines if line.label == "body"]
    # A pull quote is set apart: a short unpunctuated line, or a quotation of its own.
    if not any(line.reason != SENTENCE or line.text.lstrip().startswith(tuple(QUOTE_MARKS)) for line in bodies):
        return
    flat = [" ".join(line.text.lower().split()) for line in bodies]
    for line, text in zip(bodies, flat):
        if line.reason == SENTENCE and not text.startswith(tuple(QUOTE_MARKS)):
            continue
        quote = text.strip(QUOTE_MARKS).rstrip(".").strip(QUOTE_MARKS)
        if not MIN_PULL_QUOTE_WORDS <= quote.count(" ") + 1 <= MAX_PULL_QUOTE_WORDS:
            continue
        if any(len(other) > len(text) and quote in other for other in flat):
            line.label, line.reason = "boiler", "pull quote: repeats words of a paragraph"


def drop_after_credit(lines: list[LabeledLine]) -> None:
    """"Reporting by …; Editing by …" closes a wire story: a short line or two after it ("Our
    Standards: …") is the wire's furniture."""
    credit = next((k for k in range(len(lines) - 1, -1, -1) if lines[k].label == "credit"), None)
    if credit is None:
        return
    after = [line for line in lines[credit + 1:] if line.label == "body"]
    if len(after) <= MAX_FOOTER_PARAGRAPHS and all(word_count(line.text) <= MAX_BOILER_WORDS for line in after):
        for line in after:
            line.label, line.reason = "boiler", "after the credit line that closes the story"


def drop_stray_footer(lines: list[LabeledLine]) -> None:
    """One or two paragraphs below a long run of furniture after the article's text ("Our work
    is funded by readers like you.") belong to the page footer, not to the article."""
    bodies = [k for k, line in enumerate(lines) if line.label == "body"]
    for n, (k, following) in enumerate(zip(bodies, bodies[1:])):
        if following - k > MIN_FOOTER_GAP and len(bodies) - n - 1 <= MAX_FOOTER_PARAGRAPHS:
            for j in bodies[n + 1:]:
                lines[j].label, lines[j].reason = "boiler", "below a long run of furniture after the article"
            return


def byline_authors(text: str, rules: LineRules) -> tuple[list[str], str | None]:
    """The names in a byline ("By Jane Doe and John Roe via X") and whom it was syndicated via."""
    match = rules.byline.fullmatch(text) or rules.author_line.fullmatch(text)
    groups = match.groupdict() if match else {}
    names = groups.get("author") or groups.get("handle") or groups.get("agency") or text
    via = groups.get("via")
    return re.split(r"\s+(?:and|&)\s+", names), via.strip() if via else None


def drop_author_bios(labeled: list[LabeledLine], rules: LineRules) -> None:
    """"Jane Doe is a senior fellow at …", by an author the page names in a byline, ending an
    article's body is the author's bio box."""
    authors = {name for line in labeled if line.label == "byline" for name in byline_authors(line.text, rules)[0]
               if " " in name}
    if not authors:
        return
    ended: set[int | None] = set()  # articles whose last body paragraph is not a bio
    for line in reversed(labeled):
        if line.label != "body" or line.article in ended:
            continue
        text = line.text.lstrip()
        name = next((name for name in authors if text.startswith(name + " ")), None)
        if name is None or not rules.author_bio.match(text[len(name) + 1:]):
            ended.add(line.article)
            continue
        line.label, line.reason = "boiler", "the author's bio at the end of an article"


def settle_header(lines: list[LabeledLine], first_body: int) -> None:
    """Bylines, the author's role and the standfirst between the headline and the body."""
    for line in lines[1:first_body]:
        if line.reason == SHORT and is_name_like(line.text):
            line.label, line.reason = "byline", "name-shaped line in the article header"
    for line in lines[1:first_body]:
        if line.reason == SHORT and line.text.startswith(BULLETS):
            line.label, line.reason = "standfirst", "bullet point under the headline"
    if first_body > 2 and lines[1].reason == SHORT and lines[2].label in HEADER_LABELS:
        lines[1].label, lines[1].reason = "standfirst", "line between headline and byline"
    elif first_body == 2 and lines[1].reason == SHORT and is_headline_over_standfirst(lines[0], lines[1]):
        lines[1].label, lines[1].reason = "standfirst", "longer line between headline and body"
    if first_body == 1 and lines[0].label == "title":
        settle_sentence_standfirst(lines)
    for previous, line in zip(lines, lines[1:]):
        if line.label == "body":
            break
        if line.reason == SHORT and previous.label == "byline" and is_author_role(line.text):
            line.label, line.reason = "credit", "the author's role"


def settle_sentence_standfirst(lines: list[LabeledLine]) -> None:
    """A sentence-shaped line right under the headline is a standfirst when header lines follow it."""
    after = []
    for line in lines[2:2 + 3]:
        if line.label == "body":
            break
        after.append(line)
    if any(line.label in HEADER_LABELS or line.reason == "views or counters" or
           (line.reason == SHORT and is_name_like(line.text)) for line in after):
        lines[1].label, lines[1].reason = "standfirst", "sentence-shaped line between headline and byline"
        for line in lines[2:]:
            if line.label == "body":
                break
            if line.reason == SHORT and is_name_like(line.text):
                line.label, line.reason = "byline", "name-shaped line in the article header"
    elif len(lines) > 3 and lines[2].reason == "advertisement" and lines[3].label == "body":
        lines[1].label, lines[1].reason = "standfirst", "sentence under the headline set off by an ad slot"


def settle_tail(lines: list[LabeledLine], first_body: int, rules: LineRules) -> int:
    """Separators and the comment thread; returns where the article's own text ends."""
    end = len(lines)
    closed = in_thread = seen_comment = commented = thread_done = False
    for k in range(first_body + 1, len(lines)):
        line = lines[k]
        if line.reason == "article separator":
            thread_done = thread_done or in_thread  # one thread per article: a later "Discussion" is a menu
            closed, in_thread = True, False
            end = min(end, k)
        elif line.reason == THREAD_START and not thread_done:
            end = min(end, k)
            empty = re.match(r"0\s", line.text) is not None  # "0 Comments": nothing follows
            closed, in_thread = closed or empty, not empty
        elif in_thread and ((line.reason == "navigation" and commented)  # "Login" above the first comment is its header
                            or rules.comment_thread_end.fullmatch(" ".join(line.text.split()))):
            closed, in_thread, thread_done = True, False, True
            line.label, line.reason = "boiler", "end of the comment thread"
        elif in_thread:
            following = lines[k + 1] if k + 1 < len(lines) else None
            seen_comment = comment_label(line, following, rules, seen_comment)
            commented = commented or line.label == "comment"
        elif closed and line.label in ("body", "dateline"):  # the dates of a related-links list too
            line.label, line.reason = "boiler", AFTER_END
    drop_silent_authors(lines[first_body:])
    for line in lines[first_body:]:  # furniture above the first real commenter heads the thread
        if line.label in ("comment", "comment_author"):
            break
        if line.reason == THREAD_FURNITURE:
            line.reason = THREAD_HEADER
    return end


def drop_silent_authors(lines: list[LabeledLine]) -> None:
    """A name in a thread with no comment under it (a site name, an archive month) is furniture.
    A name given twice around its tag ("jdoe / Guest / jdoe") is one header: the next line is
    the comment, however short ("lol", an image placeholder)."""
    pending: LabeledLine | None = None
    for previous, line in zip([None, *lines], lines):
        if (line.reason in (NAME_WITH_TIME, SHORT_NAME) and pending is not None and previous is pending
                and pending.reason == SHORT_NAME):
            # "jdoe / asmith • 3 years ago": a reply marker; "Jane Doe / Westfield High School": where she studied
            line.label, line.reason = "boiler", THREAD_FURNITURE
            continue
        if line.label == "comment_author":
            if pending is not None and pending.text == line.text:
                line.reason = AUTHOR_REPEATED
                pending = line
                continue
            if pending is not None and pending.reason == AUTHOR_REPEATED:
                line.label, line.reason = "comment", "the line under a commenter's name"
                pending = None
                continue
            if pending is not None:
                pending.label, pending.reason = "boiler", "name-like line with no comment under it"
            pending = line
        elif line.label == "comment":
            pending = None
    if pending is not None:
        pending.label, pending.reason = "boiler", "name-like line with no comment under it"


def keep_short_paragraphs(lines: list[LabeledLine]) -> None:
    """Short lines between body paragraphs are subheadings or short paragraphs; so is a short
    sentence right after the last paragraph ("Let the talks begin.")."""
    k = 0
    while k < len(lines):
        if lines[k].reason != SHORT:
            k += 1
            continue
        j = k
        while j < len(lines) and lines[j].reason == SHORT:
            j += 1
        run = lines[k:j]
        if any(line.repeated for line in run):
            k = j
            continue  # a promo the site prints on every page, not a subheading
        after_body = k > 0 and lines[k - 1].label in ("body", "syndication")
        below = next((line for line in lines[j:] if line.reason not in INLINE_FURNITURE), None)
        before_body = below is not None and below.label == "body"
        if after_body and before_body and len(run) <= MAX_INNER_SHORT_RUN:
            for line in run:
                line.label, line.reason = "body", "short paragraph or subheading between body paragraphs"
        elif after_body and len(run) == 1 and ends_sentence(run[0].text) and word_count(run[0].text) >= 2:
            run[0].label, run[0].reason = "body", "short sentence closing the article"
        k = j


def comment_label(line: LabeledLine, following: LabeledLine | None, rules: LineRules, seen_comment: bool) -> bool:
    """Label one line of a reader-comment thread; returns whether a comment has been seen."""
    flat = " ".join(line.text.split())
    if is_comment_furniture(flat) or line.label == "dateline":
        line.label, line.reason = "boiler", THREAD_FURNITURE if seen_comment else THREAD_HEADER
        return seen_comment
    if line.label == "boiler" and line.reason != SHORT:
        return seen_comment  # boilerplate stays boilerplate inside a thread too
    tagged = following is not None and (following.label == "dateline" or rules.comment_author_tag.fullmatch(
        " ".join(following.text.split())))
    if REMOVED_COMMENT.fullmatch(flat):
        line.label, line.reason = "comment", "a removed comment"
    elif rules.comment_author_line.fullmatch(flat):
        line.label, line.reason = "comment_author", NAME_WITH_TIME
    elif tagged and word_count(flat) <= 4:
        line.label, line.reason = "comment_author", "name above a commenter tag such as \"Guest\""
    elif is_sentence_shaped(flat) or word_count(flat) >= MIN_BODY_WORDS or line.label == "body":
        line.label, line.reason = "comment", "inside a reader-comment thread"
    elif 1 <= word_count(flat) <= 4 and not ends_sentence(flat):
        line.label, line.reason = "comment_author", SHORT_NAME
    else:
        line.label, line.reason = "comment", "inside a reader-comment thread"
    return True


def label_lines(content: str, is_site_furniture: Callable[[str], bool] | None = None) -> list[LabeledLine]:
    """Label each paragraph-sized unit of a plain-text page, with the reason for the label.

    `is_site_furniture` says whether a line recurs on other pages of the page's site.
    """
    rules = line_rules()
    labeled = []
    for number, column, text in physical_units(content):
        bracketed = "[" in text  # text-browser link markers are rare: skip their regexes otherwise
        label, reason = shape_label(" ".join((LINK_MARKER.sub("", text) if bracketed else text).split()), rules)
        if label != "boiler" or reason == SHORT:
            if "  " in text and word_count(text) <= MAX_BOILER_WORDS and MENU_ROW.fullmatch(text.strip()):
                label, reason = "boiler", "menu row: items set apart by wide spaces"
        links = len(LYNX_LINK.findall(text)) if bracketed else 0
        if links and word_count(text) <= MAX_BOILER_WORDS and (links >= 2 or LYNX_LINK.match(text)):
            label, reason = "boiler", "link line of a text-browser dump"
        repeated = is_site_furniture is not None and is_site_furniture(text)
        labeled.append(LabeledLine(number, text, column, label, reason, repeated=repeated))
    ad_lines = 0  # lines so far of an advertisement block: "Sponsored" and the lines under it
    for previous, line in zip(labeled, labeled[1:]):
        same_block = line.number == previous.number + previous.text.count("\n") + 1
        heads_ad = previous.reason == "advertisement" and previous.text.lower().startswith(("sponsored", "promoted"))
        ad_lines = ad_lines + 1 if same_block and (ad_lines or heads_ad) else 0
        if 0 < ad_lines <= MAX_AD_LINES:
            line.label, line.reason = "boiler", "inside an advertisement block"
    for line, following in zip(labeled, labeled[1:]):
        if following.reason == "image credit" and line.label == "body" and word_count(line.text) <= MAX_CAPTION_WORDS:
            line.label, line.reason = "boiler", "image caption: the line above a photo credit"
    mark_sentence_headlines(labeled)
    starts = article_starts(labeled, rules)
    for index, (start, end) in enumerate(zip(starts, starts[1:] + [len(labeled)])):
        settle_article(labeled[start:end], index, rules)
    drop_author_bios(labeled, rules)
    for line in labeled[:starts[0]] if starts else labeled:
        if line.label == "body":
            line.label, line.reason = "boiler", BEFORE_FIRST
    drop_site_furniture(labeled)
    for start in starts:
        above = labeled[start - 1] if start else None
        if above is not None and above.article is None and above.label == "byline":
            above.article = labeled[start].article  # "Posted by u/x" above a forum post's title
    for line in labeled:
        if line.article is None and line.label in HEADER_LABELS | {"credit"}:
            line.label, line.reason = "boiler", "header line outside any article"
    with_body = {line.article for line in labeled if line.label == "body"}
    owner = None  # the last article with a body: a thread under a link list is its thread
    for line in labeled:
        if line.article in with_body:
            owner = line.article
        elif line.article is not None:
            if line.label in ("comment", "comment_author") and owner is not None:
                line.article = owner
                continue
            line.article = None
            if line.label != "boiler":
                line.label, line.reason = "boiler", NO_BODY
    return labeled


def drop_site_furniture(labeled: list[LabeledLine]) -> None:
    """Repeated lines at the edges of an article's body, and repeated short lines anywhere, are
    the site's furniture. A repeated line amid the body is a stock phrase and stays; an article
    whose body is mostly repeated is a copy of one seen before, and stays whole."""
    for line in labeled:
        if line.repeated and line.label == "boiler" and line.reason in BY_POSITION:
            line.reason = REPEATED
    articles: dict[int, list[LabeledLine]] = {}
    for line in labeled:
        if line.label == "body" and line.article is not None:
            articles.setdefault(line.article, []).append(line)
    for body in articles.values():
        if 2 * sum(line.repeated for line in body) > len(body):
            continue
        for edge in (body, body[::-1]):
            for line in edge:
                if not line.repeated:
                    break
                line.label, line.reason = "boiler", REPEATED


# --- articles --------------------------------------------------------------------------------


CROSSHEAD_WORDS = (3, 14)
CLOSERS = "\"'”’)]"
SENTENCE_PUNCTUATION = ".?!:;,…"


def is_crosshead(text: str) -> bool:
    """A heading inside the body ("Yeltsin questions NATO expansion"): one short line, capitalised,
    that does not end as a sentence does."""
    words = text.split()
    stripped = text.rstrip().rstrip(CLOSERS)
    return "\n" not in text.strip() and CROSSHEAD_WORDS[0] <= len(words) <= CROSSHEAD_WORDS[1] \
        and words[0][:1].isupper() and not stripped.endswith(tuple(SENTENCE_PUNCTUATION))


def articles_from_text(document: Document, is_site_furniture: Callable[[str], bool] | None = None) -> list[Article]:
    """One Article per article found on the page."""
    labeled = label_lines(document.content, is_site_furniture)
    groups: dict[int, list[LabeledLine]] = {}
    for line in labeled:
        if line.article is not None:
            groups.setdefault(line.article, []).append(line)
    site = site_name(labeled)
    articles = []
    for index, lines in sorted(groups.items()):
        article = build_article(document, index, lines, site)
        if article is not None:
            articles.append(article)
    return articles


def build_article(document: Document, index: int, lines: list[LabeledLine], site: str | None) -> Article | None:
    rules = line_rules()
    body = [Paragraph(line.text, line.number, line.column, is_crosshead(line.text)) for line in lines
            if line.label == "body"]
    if not body:
        return None
    authors: list[str] = []
    syndicated_from = None
    comments: list[Comment] = []
    author = None
    dated = None
    for line in lines:
        if line.label == "byline":
            names, via = byline_authors(line.text, rules)
            authors.extend(name for name in names if name not in authors)
            syndicated_from = syndicated_from or via
            dated = dated or date_fields(line.text, "byline")  # "Posted by Jane Doe on May 2, 2018"
        elif line.label == "syndication" and syndicated_from is None:
            match = rules.syndication.fullmatch(" ".join(line.text.split()))
            syndicated_from = clean_source(match.group("source")) if match else None
        elif line.label == "dateline" and dated is None:
            dated = date_fields(line.text, "byline")
        elif line.label == "comment_author":
            match = rules.comment_author_line.fullmatch(" ".join(line.text.split()))
            author = (match.group("author") or match.group("user")) if match else line.text
        elif line.label == "comment":
            comments.append(Comment(author, line.text, line.number))
    authors = [name for name in authors if name != site]  # the masthead is not an author
    title = next((line.text for line in lines if line.label == "title"), None)
    standfirst = "\n".join(line.text for line in lines if line.label == "standfirst") or None
    if document.published:
        published = published_fields(document.published)
    else:
        published = dated or latest_date_in([p.text for p in body]) or published_fields(None)
    return Article(
        id=stable_id("a", document.id, index), document_id=document.id,
        source=document.url or document.source, evidence_source=document.source,
        paragraphs=body, site=site, title=title or (document.title if index == 0 else None), standfirst=standfirst,
        authors=authors, syndicated_from=syndicated_from, comments=comments,
        kind=article_kind(title, standfirst, body, lines, rules),
        disclaimers=[line.text.strip() for line in lines if line.reason == "opinion disclaimer"], **published)


def clean_source(text: str) -> str:
    """"The Cedar Review and is republished here with permission" -> "The Cedar Review"."""
    return re.split(r"\s+(?:and is|and was|which|with permission)\b|[;(\u2014]", text, maxsplit=1)[0].strip(" .:,\u2026")


def article_kind(title: str | None, standfirst: str | None, body: list[Paragraph],
                 lines: list[LabeledLine], rules: LineRules) -> str:
    """opinion (a disclaimer or first-person argument), video (a show or clip), otherwise news."""
    header = " ".join(t for t in (title, standfirst) if t)
    if re.search(r"\((video|watch)\)|\bepisode \d+|^watch:", header, re.IGNORECASE):
        return "video"
    if any(line.reason == "opinion disclaimer" for line in lines):
        return "opinion"
    text = QUOTED.sub(" ", " ".join(p.text for p in body))  # a quoted speaker's "I" is not the author's
    words = max(word_count(text), 1)
    if len(FIRST_PERSON.findall(text)) * 1000 / words >= OPINION_FIRST_PERSON_PER_1000:
        return "opinion"
    return "news"


SITE_HINT = re.compile(r"©|\(c\)|copyright|patreon|paypal", re.IGNORECASE)
SITE_PATTERNS = [
    re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]?\s*(?:\d{4})?\s*)?(?P<site>[A-Z][\w&.' -]{2,40}?)(?:,?\s+\d{4})?[.,]?(?:\s+all rights reserved.*)?$", re.IGNORECASE),
    re.compile(r".*\bsupport (?P<site>(?:The )?[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}) on (?:Patreon|PayPal).*"),
]


def site_name(labeled: list[LabeledLine]) -> str | None:
    """The site's own name, from a copyright or support line when the page has one."""
    return site_from_lines(line.text.strip() for line in labeled if line.label == "boiler")


def site_from_lines(lines: Iterable[str]) -> str | None:
    for line in lines:
        if not SITE_HINT.search(line):
            continue
        for pattern in SITE_PATTERNS:
            match = pattern.fullmatch(line)
            if match:
                return match.group("site").strip()
    return None
