"""Score page anatomy against gold line labels (format: gold/pages/FORMAT.md).

Every non-blank line of a page has one gold label (title, standfirst, byline, body, comment,
boiler) and one predicted label; articles are compared by the first and last line of their
body. Gold files name their page by path and lines by number, never by text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from eventwire.model import Document
from eventwire.pages import extract_articles, label_lines
from eventwire.pages.text import THREAD_FURNITURE
from eventwire.sources import decode_page

LABELS = ("title", "standfirst", "byline", "body", "comment", "boiler")
# The anatomy's finer labels, folded into the gold label set.
PREDICTED_AS_GOLD = {"comment_author": "comment", "dateline": "byline", "syndication": "byline", "credit": "byline"}


class GoldError(ValueError):
    pass


@dataclass
class PageResult:
    gold_file: str
    source: str
    gold: dict[int, str]
    predicted: dict[int, str]
    gold_articles: list[tuple[int, int]]
    predicted_articles: list[tuple[int, int]]
    # (gold article body span, gold publication date, the date found for the article there)
    published: list[tuple[tuple[int, int], str, str | None]] = field(default_factory=list)

    @property
    def boundaries_exact(self) -> bool:
        return self.gold_articles == self.predicted_articles

    def disagreements(self) -> list[tuple[int, str, str]]:
        """(line, gold label, predicted label) for every line the anatomy got wrong."""
        return [(n, gold, self.predicted.get(n, "boiler")) for n, gold in sorted(self.gold.items())
                if self.predicted.get(n, "boiler") != gold]


@dataclass
class PagesReport:
    pages: list[PageResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def confusion(self) -> Counter[tuple[str, str]]:
        counts: Counter[tuple[str, str]] = Counter()
        for page in self.pages:
            for line, gold in page.gold.items():
                counts[(gold, page.predicted.get(line, "boiler"))] += 1
        return counts

    def label_scores(self, label: str) -> dict[str, float]:
        counts = self.confusion()
        tp = counts[(label, label)]
        gold = sum(n for (g, _), n in counts.items() if g == label)
        predicted = sum(n for (_, p), n in counts.items() if p == label)
        precision = tp / predicted if predicted else 0.0
        recall = tp / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": precision, "recall": recall, "f1": f1, "gold": gold, "predicted": predicted}

    def summary(self) -> dict[str, Any]:
        counts = self.confusion()
        titles = sum(n for (g, _), n in counts.items() if g == "title")
        return {
            "pages": len(self.pages),
            "skipped": self.skipped,
            "lines": sum(counts.values()),
            "labels": {label: self.label_scores(label) for label in LABELS},
            "comment_lines_in_bodies": counts[("comment", "body")],
            "headlines_kept": counts[("title", "title")] / titles if titles else 1.0,
            "boundaries_exact": sum(p.boundaries_exact for p in self.pages) / len(self.pages) if self.pages else 0.0,
            "published_month_right": month_agreement(self.pages),
            "per_page": [{"gold": p.gold_file, "source": p.source, "gold_articles": len(p.gold_articles),
                          "predicted_articles": len(p.predicted_articles),
                          "boundaries_exact": p.boundaries_exact} for p in self.pages],
        }


def month_agreement(pages: list[PageResult]) -> dict[str, Any]:
    """Articles whose publication date, where the gold gives one, is found within the right month."""
    checks = [(gold, found) for page in pages for _, gold, found in page.published]
    right = sum(found is not None and found[:7] == gold[:7] for gold, found in checks)
    return {"correct": right, "scored": len(checks), "accuracy": right / len(checks) if checks else None}


def published_checks(spec: dict[str, Any], spans: list[tuple[int, int]],
                     document: Document) -> list[tuple[tuple[int, int], str, str | None]]:
    """Each gold article's publication date against that of the article found over its body."""
    found = extract_articles(document)
    checks = []
    for article, span in zip(spec.get("articles", []), spans):
        if not article.get("published"):
            continue
        over = [a for a in found if any(span[0] <= p.line <= span[1] for p in a.paragraphs)]
        checks.append((span, str(article["published"]), over[0].published if over else None))
    return checks


def expand(items: list[int | str] | int | None) -> list[int]:
    """[5, "14-74"] -> [5, 14, 15, …, 74]."""
    if items is None:
        return []
    if isinstance(items, (int, str)):
        items = [items]
    lines: list[int] = []
    for item in items:
        if isinstance(item, int):
            lines.append(item)
        else:
            first, _, last = str(item).partition("-")
            lines.extend(range(int(first), int(last or first) + 1))
    return lines


def find_source(gold_file: Path, source: str) -> Path | None:
    """The page, relative to the first folder above the gold file in which it exists."""
    for folder in [Path.cwd(), *gold_file.resolve().parents]:
        candidate = (folder / source).resolve()
        if candidate.is_file():
            return candidate
    return None


def gold_labels(spec: dict[str, Any], lines: list[str]) -> tuple[dict[int, str], list[tuple[int, int]]]:
    def nonblank(numbers: list[int]) -> list[int]:
        return [n for n in numbers if 1 <= n <= len(lines) and lines[n - 1].strip()]

    labels = {n: "boiler" for n in range(1, len(lines) + 1) if lines[n - 1].strip()}
    articles = []
    for article in spec.get("articles", []):
        for field_name, label in (("body", "body"), ("comments", "comment"), ("title", "title"),
                                  ("standfirst", "standfirst"), ("byline", "byline")):
            for n in nonblank(expand(article.get(field_name))):
                labels[n] = label
        articles.append(nonblank(expand(article.get("body"))))
    for n in nonblank(expand(spec.get("boiler"))):
        labels[n] = "boiler"
    spans = []
    for body in articles:
        body = [n for n in body if labels[n] == "body"]  # a boiler override is not body
        if not body:
            raise GoldError("an article without body lines")
        spans.append((min(body), max(body)))
    return labels, spans


def predicted_labels(content: str) -> tuple[dict[int, str], list[tuple[int, int]]]:
    labels: dict[int, str] = {}
    bodies: dict[int, list[int]] = {}
    for unit in label_lines(content):
        label = PREDICTED_AS_GOLD.get(unit.label, unit.label)
        if unit.reason == THREAD_FURNITURE:
            label = "comment"  # "Guest", "Reply": part of the thread, as the gold format counts it
        for offset, line in enumerate(unit.text.split("\n")):
            if line.strip():
                labels[unit.number + offset] = label
        if unit.label == "body" and unit.article is not None:
            bodies.setdefault(unit.article, []).extend([unit.number, unit.number + unit.text.count("\n")])
    return labels, [(min(v), max(v)) for _, v in sorted(bodies.items())]


def gold_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.rglob("*.yaml")) if path.is_dir() else [path])
    return files


def score_pages(paths: list[Path]) -> PagesReport:
    report = PagesReport()
    for gold_file in gold_files(paths):
        spec = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        if not isinstance(spec, dict) or "source" not in spec:
            raise GoldError(f"{gold_file}: not a gold page file (no 'source')")
        source = find_source(gold_file, spec["source"])
        if source is None:
            report.skipped.append(f"{gold_file}: page {spec['source']} not found")
            continue
        content = decode_page(source.read_bytes())
        try:
            gold, gold_articles = gold_labels(spec, content.split("\n"))
        except GoldError as exc:
            raise GoldError(f"{gold_file}: {exc}") from exc
        predicted, predicted_articles = predicted_labels(content)
        published = []
        if any(a.get("published") for a in spec.get("articles", [])):
            document = Document.from_bytes(source.read_bytes(), content, source=str(source), format="txt")
            published = published_checks(spec, gold_articles, document)
        report.pages.append(PageResult(str(gold_file), spec["source"], gold, predicted,
                                       gold_articles, predicted_articles, published))
    return report
