"""HTML main-text quality on the ScrapingHub article-extraction benchmark (../shared/data/scrapinghub-aeb).

Metric as the benchmark defines it: per page, precision and recall over multisets of 4-token
(\\w+) shingles of the extracted text against the gold articleBody; both averaged over pages;
F1 of the two averages. eventwire's HTML path and plain `trafilatura.extract` run in the same
process on the same pages.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from eventwire.model import Document  # noqa: E402
from eventwire.pages import extract_articles  # noqa: E402

DATA = REPO.parent / "shared" / "data" / "scrapinghub-aeb"
TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text)
    return Counter(tuple(tokens[i:i + n]) for i in range(max(len(tokens) - n + 1, 0)))


def precision_recall(predicted: str, gold: str) -> tuple[float, float]:
    p, g = shingles(predicted), shingles(gold)
    overlap = sum((p & g).values())
    if not p and not g:
        return 1.0, 1.0
    return (overlap / sum(p.values()) if p else 0.0), (overlap / sum(g.values()) if g else 0.0)


def eventwire_text(html: str, url: str) -> str:
    document = Document.from_bytes(html.encode("utf-8", "replace"), html, source=url, format="html", url=url)
    return "\n".join(p.text for a in extract_articles(document) for p in a.paragraphs)


def plain_trafilatura(html: str, url: str) -> str:
    return trafilatura.extract(html, url=url) or ""


def evaluate(extract: Callable[[str, str], str], pages: list[tuple[str, str, str]]) -> dict[str, float]:
    precisions, recalls = [], []
    start = time.perf_counter()
    for html, url, gold in pages:
        p, r = precision_recall(extract(html, url), gold)
        precisions.append(p)
        recalls.append(r)
    seconds = time.perf_counter() - start
    precision, recall = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    return {"precision": precision, "recall": recall, "f1": 2 * precision * recall / (precision + recall),
            "pages_per_s": len(pages) / seconds}


def load_pages() -> list[tuple[str, str, str]]:
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, record in sorted(truth.items()):
        raw = gzip.decompress((DATA / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append((raw.decode("utf-8", "replace"), record.get("url") or "", record["articleBody"]))
    return pages


def main() -> None:
    if not DATA.is_dir():
        print(f"skipped: {DATA} not present")
        return
    pages = load_pages()
    rows = {"eventwire (trafilatura + anatomy)": evaluate(eventwire_text, pages),
            "plain trafilatura.extract": evaluate(plain_trafilatura, pages)}
    print(f"ScrapingHub article-extraction benchmark, {len(pages)} pages (published: trafilatura 2.0.0 F1 0.958)\n")
    print("| extractor | precision | recall | F1 | pages/s |")
    print("|---|---|---|---|---|")
    for name, r in rows.items():
        print(f"| {name} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {r['pages_per_s']:.1f} |")


if __name__ == "__main__":
    main()
