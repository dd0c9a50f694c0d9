"""Sourcing signals: how an article backs what it says, as facts for the analyst to weigh.

How many of its events the article only attributes to someone, and the phrases that mark
anonymous sourcing, an opinion disclaimer or the author's own guessing. Phrases are looked for in
the body paragraphs alone: reader comments say nothing about how the article sources its news.
The phrase patterns live in data/signals.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

import yaml

from eventwire.model import Article, ArticleSignals, Event, Quote

# <word> and <modifier>, the placeholders data/signals.yaml gets without listing them.
WORD = r"\w[\w'’.-]*"
APOSTROPHE = "['’]"
FUNCTION_WORDS = ("a", "an", "the", "to", "of", "in", "on", "at", "by", "for", "from", "with", "and", "or",
                  "but", "that", "who", "which", "as", "is", "are", "was", "were")
MODIFIER = rf"(?!(?:{'|'.join(FUNCTION_WORDS)})\b){WORD}"
PLACEHOLDER = re.compile(r"<(\w+)>")
SPACES = re.compile(r" +")
BARE_GROUP = re.compile(r"(?<!\\)\((?!\?)")
ESCAPE_OR_LITERAL = re.compile(r"\\.|[^\\]+")
FAMILIES = ("anonymous_sources", "opinion_disclaimers", "speculation")  # as ArticleSignals names them
# Direct speech: between double marks (one left open runs to the paragraph's end), or between
# single curly marks, where a closing ’ is told from an apostrophe ("He’s") by the letter after it.
QUOTED = re.compile(r"[“«\"][^”»\"]*(?:[”»\"]|$)|‘(?=\w)(?:[^’]|’(?=\w))*(?:’|$)")


def phrase_regex(phrase: str) -> str:
    return r"\s+".join(re.escape(word) for word in phrase.split()).replace("'", APOSTROPHE)


def expand(pattern: str, words: dict[str, list[str]]) -> str:
    """A data-file pattern as a regular expression (the conveniences are described in the file)."""
    def placeholder(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "word":
            return WORD
        if name == "modifier":
            return MODIFIER
        if name not in words:
            raise ValueError(f"signals.yaml: pattern {pattern!r} names <{name}>, which is not under `words`")
        return "(?:" + "|".join(phrase_regex(p) for p in sorted(words[name], key=len, reverse=True)) + ")"

    pattern = BARE_GROUP.sub("(?:", SPACES.sub(r"\\s+", pattern).replace("'", APOSTROPHE))  # capturing is slower
    return PLACEHOLDER.sub(placeholder, pattern)


def lower_literals(pattern: str) -> str:
    """The pattern for lower-cased text, its escapes (\\s, \\W) left as they are."""
    return ESCAPE_OR_LITERAL.sub(lambda m: m.group() if m.group().startswith("\\") else m.group().lower(), pattern)


def family_regex(patterns: list[str], words: dict[str, list[str]]) -> str:
    return "|".join(lower_literals(expand(pattern, words)) for pattern in patterns)


@cache
def load_patterns() -> re.Pattern[str]:
    """All phrase families in one pattern, a named group each, so a paragraph is scanned once. Text is
    lower-cased before matching rather than matched with re.IGNORECASE, which is several times slower."""
    raw = yaml.safe_load(resources.files("eventwire").joinpath("data/signals.yaml").read_text("utf-8"))
    families = "|".join(f"(?P<{family}>{family_regex(raw[family], raw['words'])})" for family in FAMILIES)
    return re.compile(rf"(?<![\w-])(?:{families})\b")  # never the tail of a hyphenated word: "third-party"


def quoted_spans(text: str, quote_texts: list[str]) -> list[tuple[int, int]]:
    """Where `text` gives someone else's words: between quotation marks, or a known quote's words."""
    spans = [match.span() for match in QUOTED.finditer(text)]
    for quote_text in quote_texts:
        start = text.find(quote_text)
        while start != -1:
            spans.append((start, start + len(quote_text)))
            start = text.find(quote_text, start + 1)
    return spans


def matched_words(match: re.Match[str]) -> str:
    return " ".join(match.group().replace("’", "'").split())


def article_signals(article: Article, events: list[Event], quotes: list[Quote]) -> ArticleSignals:
    """The article's signals; `events` and `quotes` are those extracted from it. Each phrase list
    holds the matched words, lower-cased, once each, in the order they first appear."""
    patterns = load_patterns()
    quote_texts = [quote.text.lower() for quote in quotes if quote.text]
    found: dict[str, dict[str, None]] = {family: {} for family in FAMILIES}  # dicts keep order, drop repeats
    # The anatomy lifts a disclaimer line out of the body; it is read here with the paragraphs.
    texts = [p.text for p in article.paragraphs] + article.disclaimers
    for original in texts:
        text = original.lower()
        spans: list[tuple[int, int]] | None = None
        for match in patterns.finditer(text):
            if match.lastgroup == "speculation":  # a guess inside a quotation is the speaker's, not the author's
                spans = quoted_spans(text, quote_texts) if spans is None else spans
                if any(start <= match.start() < end for start, end in spans):
                    continue
            found[match.lastgroup][matched_words(match)] = None
    return ArticleSignals(
        events=len(events),
        claims=sum(1 for event in events if event.attribution.stance != "asserted"),
        anonymous_sources=list(found["anonymous_sources"]),
        opinion_disclaimers=list(found["opinion_disclaimers"]),
        speculation=list(found["speculation"]),
        syndicated_from=article.syndicated_from,
        quotes=len(quotes),
    )


def share(count: int, total: int) -> float | None:
    return round(count / total, 3) if total else None


def site_signals(signals: Iterable[tuple[str | None, ArticleSignals]]) -> dict[str | None, dict]:
    """Signals summed per site (None for articles whose site is unknown), to compare sites' habits.

    Each site's dict holds:
      articles: how many articles;
      events, claims: totals over them; claim_share: claims / events (None without events);
      anonymous_sources_share, opinion_disclaimers_share, speculation_share: the share of the
        articles where at least one such phrase was found;
      syndicated_share: the share of the articles taken from another outlet.
    Shares are rounded to 3 places, as ArticleSignals.claim_share is.
    """
    by_site: dict[str | None, list[ArticleSignals]] = {}
    for site, article in signals:
        by_site.setdefault(site, []).append(article)
    summaries = {}
    for site, articles in by_site.items():
        count = len(articles)
        events = sum(a.events for a in articles)
        claims = sum(a.claims for a in articles)
        summaries[site] = {
            "articles": count, "events": events, "claims": claims, "claim_share": share(claims, events),
            "anonymous_sources_share": share(sum(1 for a in articles if a.anonymous_sources), count),
            "opinion_disclaimers_share": share(sum(1 for a in articles if a.opinion_disclaimers), count),
            "speculation_share": share(sum(1 for a in articles if a.speculation), count),
            "syndicated_share": share(sum(1 for a in articles if a.syndicated_from), count),
        }
    return summaries
