"""HTML pages go through trafilatura; reader comments stay out of the body."""

from __future__ import annotations

from eventwire.model import Document
from eventwire.pages import extract_articles

HTML = """<html><head><title>Britain expels Russian diplomats | Example Times</title>
<meta name="author" content="Tom Archer">
<meta property="article:published_time" content="2018-03-14T12:00:00Z">
<meta property="og:site_name" content="Example Times"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Britain expels Russian diplomats</h1>
<p>Britain ordered twenty-three Russian diplomats to leave the country within a week, the prime minister told parliament.</p>
<p>Moscow called the decision a provocation and promised to respond in kind very soon.</p>
<p>Officials in London said the measures were a response to the poisoning in Salisbury earlier this month.</p>
</article>
<section id="comments"><div class="comment"><p>I do not believe a single word the government says about any of this.</p></div></section>
<footer>Copyright 2018 Example Times</footer></body></html>"""


def test_html_article_with_metadata_and_comments() -> None:
    doc = Document.from_bytes(HTML.encode(), HTML, source="page.html", format="html")
    [article] = extract_articles(doc)
    assert article.title.startswith("Britain expels Russian diplomats")
    assert article.authors == ["Tom Archer"]
    assert (article.published, article.published_precision, article.published_basis) == ("2018-03-14", "day", "metadata")
    texts = [p.text for p in article.paragraphs]
    assert texts[0].startswith("Britain ordered twenty-three Russian diplomats")
    assert [p.line for p in article.paragraphs] == list(range(1, len(texts) + 1))
    assert not any("single word the government" in t for t in texts)
    assert any("single word the government" in c.text for c in article.comments)
    assert not any("Copyright" in t for t in texts)
