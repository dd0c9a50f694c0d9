"""Sourcing signals on paragraphs written for these tests, per site, and on the real seed pages."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from eventwire.model import Article, ArticleSignals, Attribution, Comment, Document, Event, Evidence, Paragraph, Quote
from eventwire.pages import extract_articles
from eventwire.signals import article_signals, expand, site_signals
from eventwire.sources import read_file


def article(*paragraphs: str, comments: tuple[str, ...] = (), syndicated_from: str | None = None) -> Article:
    return Article(id="a-test", document_id="d-test", source="test.txt",
                   paragraphs=[Paragraph(text, line) for line, text in enumerate(paragraphs, start=1)],
                   comments=[Comment("reader", text, 100 + i) for i, text in enumerate(comments)],
                   syndicated_from=syndicated_from)


def evidence(text: str) -> Evidence:
    return Evidence(text=text, source="test.txt", line=1, start=0, end=len(text))


def event(stance: str) -> Event:
    return Event(id=f"e-{stance}", article_id="a-test", type="ASSAULT", evidence=evidence("Troops shelled the town."),
                 attribution=Attribution(source=None if stance == "asserted" else "the ministry", stance=stance))


def quote(text: str) -> Quote:
    return Quote(id="q-test", article_id="a-test", text=text, evidence=evidence(text))


def signals(*paragraphs: str, quotes: tuple[str, ...] = ()) -> ArticleSignals:
    return article_signals(article(*paragraphs), [], [quote(text) for text in quotes])


@pytest.mark.parametrize("paragraph, found", [
    ("Two unnamed Western diplomats described the talks as tense.", ["unnamed western diplomats"]),
    ("An aide, speaking on condition of anonymity, said the minister would resign.", ["on condition of anonymity"]),
    ("Sources close to the presidency say the decree is ready.", ["sources close to"]),
    ("Sources said the convoy had turned back before dawn.", ["sources said"]),
    ("A person familiar with the matter said the vote was delayed.", ["person familiar with the matter"]),
    ("According to people briefed on the talks, the offer was withdrawn.", ["people briefed on the talks"]),
    ("A senior official, who asked not to be named, confirmed the redeployment.", ["asked not to be named"]),
    ("Diplomatic sources in Vienna expect a second round.", ["diplomatic sources"]),
    ("The adviser was not authorised to speak publicly about the plan.", ["not authorised to speak publicly"]),
])
def test_anonymous_sourcing_is_found(paragraph: str, found: list[str]) -> None:
    assert signals(paragraph).anonymous_sources == found


@pytest.mark.parametrize("paragraph", [
    "Officials said on Monday that Defence Minister Ana Petrova had ordered the withdrawal.",
    "Farmers in the valley depend on water sources that dried up in July.",
    "Government sources of funding for the clinics were cut last year.",
    "An anonymous letter to officials demanded the mayor's resignation.",
    "Unidentified gunmen attacked the checkpoint overnight.",
    "The official named in the indictment declined to comment.",
    "Officials briefed on Tuesday that the bridge would reopen.",
    "The claim rests on third-party sources that the court has not seen.",
])
def test_named_or_ordinary_wording_is_not_anonymous_sourcing(paragraph: str) -> None:
    assert signals(paragraph).anonymous_sources == []


@pytest.mark.parametrize("paragraph, found", [
    ("The views expressed in this article are solely those of the author.",
     ["views expressed in this article are solely those of the author"]),
    ("The opinions in this column are the author’s own.", ["opinions in this column are the author's own"]),
    ("This commentary does not necessarily reflect the editorial policy of the Daily Ledger.",
     ["does not necessarily reflect the editorial policy"]),
    ("Opinion pieces do not necessarily represent the position of this outlet.",
     ["opinion pieces do not necessarily represent"]),
    ("The opinions in this essay belong solely to the writer and do not reflect the editorial line of the Gazette.",
     ["opinions in this essay belong solely to the writer", "do not reflect the editorial line"]),
])
def test_opinion_disclaimers_are_found(paragraph: str, found: list[str]) -> None:
    assert signals(paragraph).opinion_disclaimers == found


@pytest.mark.parametrize("paragraph", [
    "The minister said his views on the treaty had not changed.",
    "The ruling does not reflect the views of the court's majority, the judge wrote.",
    "Her opinions on the blockade are her own business, the spokesman said.",
])
def test_ordinary_talk_of_views_is_no_disclaimer(paragraph: str) -> None:
    assert signals(paragraph).opinion_disclaimers == []


@pytest.mark.parametrize("paragraph, found", [
    ("I suspect the talks will collapse before spring.", ["i suspect"]),
    ("In my view, the sanctions have backfired.", ["in my view"]),
    ("It seems to me that neither side wants a truce.", ["it seems to me"]),
    ("My guess is that the vote will be postponed.", ["my guess is"]),
    ("I would guess the ministry knew in advance.", ["i would guess"]),
    ("We suspect the casualty figures were revised downwards.", ["we suspect"]),
    ("I don’t think the embargo will hold.", ["i don't think"]),
    ("I still believe the deal can be saved.", ["i still believe"]),
    ("“We will not retreat,” the general said. I doubt his troops agree.", ["i doubt"]),
])
def test_speculation_in_the_authors_voice_is_found(paragraph: str, found: list[str]) -> None:
    assert signals(paragraph).speculation == found


@pytest.mark.parametrize("paragraph", [
    "“I think we can reach an agreement,” the foreign minister said.",
    'The envoy said: "In my opinion the border must stay closed."',
    "‘I expect a long winter,’ she told reporters.",
    "“He’s wrong, and I believe the court will say so,” the lawyer said.",
    "“I believe the offensive will stall. The troops are exhausted and the roads are mined.",
    "I thought the briefing went well, the spokesman admitted later.",
    "The think tank expects growth to slow, and no one suspects a recession.",
])
def test_quoted_or_past_or_impersonal_guesses_are_not_the_authors(paragraph: str) -> None:
    assert signals(paragraph).speculation == []


def test_a_known_quotation_without_marks_is_not_the_authors_guess() -> None:
    paragraph = "In his memo he wrote that I suspect nothing will change this year, and he left it there."
    assert signals(paragraph).speculation == ["i suspect"]
    assert signals(paragraph, quotes=("I suspect nothing will change this year",)).speculation == []


def test_phrases_are_lower_cased_normalised_deduplicated_in_order() -> None:
    found = signals("I SUSPECT the pact is dead, and UNNAMED\n   officials agree.",
                    "In my view the army is exhausted. I suspect the rebels know it.",
                    "Unnamed officials said the same on Friday.")
    assert found.speculation == ["i suspect", "in my view"]
    assert found.anonymous_sources == ["unnamed officials"]


def test_comments_are_never_read() -> None:
    commented = article("The ceasefire began at noon.",
                        comments=("My sources say the ceasefire is a sham.", "I think you are wrong.",
                                  "The views expressed here are those of the author, not mine."))
    found = article_signals(commented, [], [])
    assert found.anonymous_sources == found.opinion_disclaimers == found.speculation == []


def test_counts_claims_quotes_and_syndication() -> None:
    found = article_signals(article("Troops shelled the town.", syndicated_from="Wire Agency"),
                            [event("asserted"), event("claimed"), event("denied")], [quote("We hold the town")])
    assert (found.events, found.claims, found.claim_share, found.quotes) == (3, 2, 0.667, 1)
    assert found.syndicated_from == "Wire Agency"
    assert found.to_dict()["claim_share"] == 0.667


def test_claim_share_without_events_is_none() -> None:
    found = article_signals(article("Nothing happened today."), [], [])
    assert (found.events, found.claims, found.claim_share) == (0, 0, None)
    assert found.to_dict()["claim_share"] is None


def test_site_signals_sums_and_shares_per_site() -> None:
    rows = [
        ("herald", ArticleSignals(events=4, claims=1, anonymous_sources=["sources said"], speculation=["i think"])),
        ("herald", ArticleSignals(events=0, claims=0, syndicated_from="Wire Agency")),
        ("herald", ArticleSignals(events=2, claims=2, opinion_disclaimers=["views expressed are those of the author"])),
        (None, ArticleSignals()),
    ]
    assert site_signals(rows) == {
        "herald": {"articles": 3, "events": 6, "claims": 3, "claim_share": 0.5,
                   "anonymous_sources_share": 0.333, "opinion_disclaimers_share": 0.333,
                   "speculation_share": 0.333, "syndicated_share": 0.333},
        None: {"articles": 1, "events": 0, "claims": 0, "claim_share": None,
               "anonymous_sources_share": 0.0, "opinion_disclaimers_share": 0.0,
               "speculation_share": 0.0, "syndicated_share": 0.0},
    }
    assert site_signals([]) == {}


def test_unknown_word_list_in_a_pattern_is_reported() -> None:
    with pytest.raises(ValueError, match="<missing>"):
        expand("according to <missing>", {})


def test_a_thousand_word_article_takes_well_under_ten_milliseconds() -> None:
    paragraphs = [("The envoy met the foreign minister in Geneva on Tuesday, and the two sides agreed to meet again "
                   "next month, officials from both delegations told reporters after the session ended."),
                  ("“We are making progress,” the minister said, adding that sanctions would stay in place until "
                   "the troops withdrew from the border districts they had occupied since the spring."),
                  ("Aid agencies warned that the water sources in the region were running low as the fighting "
                   "continued, and that convoys had been held up for days at the crossing.")] * 12
    body = article(*paragraphs)
    assert 900 <= sum(len(p.text.split()) for p in body.paragraphs) <= 1100
    article_signals(body, [], [])  # loads and compiles the patterns
    runs = 50
    start = time.perf_counter()
    for _ in range(runs):
        article_signals(body, [], [])
    assert (time.perf_counter() - start) / runs < 0.010


def load(path: Path) -> list[Article]:
    return [a for document in read_file(path) if isinstance(document, Document)
            for a in extract_articles(document)]


def body_text(item: Article) -> str:
    return " ".join(" ".join(p.text.lower().replace("’", "'").split()) for p in item.paragraphs)


@pytest.mark.seeds
def test_seed_pages(seeds_dir: Path) -> None:
    pages = {path.name[:3]: load(path) for path in sorted(seeds_dir.glob("*.txt"))}
    found = {(page, i): article_signals(a, [], []) for page, articles in pages.items() for i, a in enumerate(articles)}

    for (page, i), signal in found.items():  # every phrase is the article's own body text
        text = body_text(pages[page][i])
        assert all(phrase in text for phrase in signal.anonymous_sources + signal.speculation), (page, i)
        assert bool(signal.opinion_disclaimers) == ((page, i) == ("004", 0)), (page, i)  # its footer column note

    # The first Duran article is the author's analysis, guesses in the first person included.
    assert {"i suspect", "i still think", "i do not believe"} <= set(found["000", 0].speculation)
    # Anonymous sourcing: a report citing unnamed officials, an opinion piece citing one side's sources.
    assert found["002", 0].anonymous_sources == ["unnamed us officials"]
    assert "jihadi sources" in found["004", 0].anonymous_sources
    # First-person words that are only quoted are nobody's guess but the speaker's.
    quoted_page = pages["003"][0]
    assert any("“I think" in p.text for p in quoted_page.paragraphs)
    assert found["003", 0].speculation == []

    # The comment thread holds sourcing and guessing words of its own; none of them is counted.
    commented = pages["001"][0]
    thread = article(*(c.text for c in commented.comments))
    assert article_signals(thread, [], []).anonymous_sources and article_signals(thread, [], []).speculation
    assert found["001", 0].anonymous_sources == found["001", 0].speculation == []

    by_site = site_signals((a.site, found[page, i]) for page, articles in pages.items() for i, a in enumerate(articles))
    duran = by_site["The Duran"]
    assert duran["articles"] == 8 and duran["speculation_share"] == 0.125 and duran["syndicated_share"] > 0.5
    assert by_site[None]["anonymous_sources_share"] == 0.667


def test_a_disclaimer_the_anatomy_took_out_of_the_body_still_counts() -> None:
    text = ("The Ledger\n\nWhy the summit will fail\n\nBy Ann Carter\n\n"
            "I suspect the talks in Geneva will end without a deal, whatever the envoys promise this week.\n\n"
            "The views expressed in this article are solely those of the author.\n")
    document = Document.from_bytes(text.encode(), text, source="opinion.txt", format="txt")
    [article] = extract_articles(document)
    assert article.kind == "opinion"
    assert article.disclaimers and not any("views expressed" in p.text for p in article.paragraphs)
    assert article_signals(article, [], []).opinion_disclaimers
