"""Plain-text anatomy: every line gets a label and a reason; comments never reach the body."""

from __future__ import annotations

import textwrap
from pathlib import Path

from eventwire.model import Document
from eventwire.pages import extract_articles, label_lines
from eventwire.pages.text import articles_from_text, physical_units, wrap_width


def page(fixtures: Path) -> Document:
    path = fixtures / "ceasefire_page.txt"
    data = path.read_bytes()
    return Document.from_bytes(data, data.decode(), source=str(path), format="txt")


def test_each_line_is_labelled_with_a_reason(fixtures: Path) -> None:
    labels = {line.number: (line.label, line.reason) for line in label_lines(page(fixtures).content)}
    assert labels[1] == ("boiler", "call to action")
    assert labels[3] == ("boiler", "navigation")
    assert labels[5][0] == "title"
    assert labels[7][0] == "standfirst"
    assert labels[9][0] == "byline"
    assert labels[11][0] == "body"
    assert labels[21] == ("boiler", "share widget")
    assert labels[27] == ("boiler", "start of a reader-comment thread")
    assert labels[29][0] == "comment_author"
    assert labels[31] == ("boiler", "comment-thread furniture")
    assert labels[33][0] == "comment"
    assert all(reason for _, reason in labels.values())


def test_article_has_metadata_body_and_comments_apart(fixtures: Path) -> None:
    [article] = extract_articles(page(fixtures))
    assert article.title == "Geneva deal on Syria unravels within a fortnight"
    assert article.standfirst.startswith("Fighting resumed around Aleppo")
    assert article.authors == ["Maria Lindqvist"]
    assert [p.line for p in article.paragraphs] == [11, 13, 15, 17, 19]
    bodies = " ".join(p.text for p in article.paragraphs)
    assert "bankers" not in bodies and "Britain bombed the convoy" not in bodies
    assert [(c.author, c.line) for c in article.comments] == [("FreedomFan88", 33), ("quietobserver", 39)]
    assert "Copyright" not in bodies


def test_paragraph_text_is_verbatim_at_its_line(fixtures: Path) -> None:
    document = page(fixtures)
    lines = document.content.split("\n")
    [article] = extract_articles(document)
    for paragraph in article.paragraphs:
        assert lines[paragraph.line - 1][paragraph.column:].startswith(paragraph.text)


def test_hard_wrapped_paragraph_is_joined_verbatim() -> None:
    content = ("Title of a wrapped story\n\n"
               "  The foreign ministers of both countries met on Friday and\n"
               "agreed to resume the talks in Vienna next month, officials said.\n")
    units = physical_units(content)
    assert units[1] == (3, 2, "The foreign ministers of both countries met on Friday and\n"
                              "agreed to resume the talks in Vienna next month, officials said.")


def test_page_without_body_gives_no_article() -> None:
    content = "Home\n\nSubscribe\n\nShare this:\n"
    doc = Document.from_bytes(content.encode(), content, source="x.txt", format="txt")
    assert extract_articles(doc) == []


def load(path: Path) -> Document:
    data = path.read_bytes()
    return Document.from_bytes(data, data.decode("utf-8"), source=str(path), format="txt")


def test_concatenated_articles_are_split_with_their_own_metadata(fixtures: Path) -> None:
    first, second = extract_articles(load(fixtures / "multi_article_page.txt"))
    assert first.title == "Ankara and Moscow agree on patrols in northern Syria"
    assert first.standfirst.startswith("Joint Russian and Turkish patrols")
    assert first.authors == ["Imogen Varga"] and first.syndicated_from == "Reuters"
    assert [p.line for p in first.paragraphs] == [17, 19, 21]
    assert [(c.author, c.line) for c in first.comments] == [("plainspeaker", 35), ("nightowl77", 43)]
    assert second.title == "Kurdish leaders say they were not consulted over border deal"
    assert second.standfirst.startswith("Officials in Qamishli complain")
    assert second.authors == ["Tomas Reyes"] and second.syndicated_from == "Agence France-Presse"
    assert [p.line for p in second.paragraphs] == [53, 55]
    assert second.comments == []
    assert first.site == second.site == "The Harbour Ledger"


def test_lines_after_a_separator_are_not_body(fixtures: Path) -> None:
    labels = {line.number: (line.label, line.reason) for line in label_lines(load(fixtures / "multi_article_page.txt").content)}
    assert labels[61][0] == "boiler"
    assert labels[45] == ("boiler", "article separator")
    assert labels[11][0] == "dateline" and labels[13][0] == "dateline"
    assert labels[15] == ("boiler", "views or counters")


def test_publication_date_from_dateline_then_latest_date_in_text() -> None:
    dated = ("Talks resume in Geneva\n\nPublished on 3 March 2017\n\n"
             "Diplomats returned to Geneva for a new round of talks on the constitution.\n")
    [article] = extract_articles(Document.from_bytes(dated.encode(), dated, source="d.txt", format="txt"))
    assert (article.published, article.published_precision, article.published_basis) == ("2017-03-03", "day", "byline")
    undated = ("A headline about history\n\n"
               "In a call on 8 September 1999 the two presidents discussed the succession at length.\n\n"
               "The papers were released in December 2018 by the presidential library in Arkansas.\n")
    [article] = extract_articles(Document.from_bytes(undated.encode(), undated, source="u.txt", format="txt"))
    assert (article.published, article.published_precision, article.published_basis) == ("2018-12", "month", "text")


def test_a_header_of_segments_with_a_date_is_a_dateline_not_the_headline() -> None:
    text = ("Kenya to send police unit to Haiti after court ruling\n\n"
            "Our correspondent, Mombasa | Friday, 5 July 2024 | Updated 09:40 EAT\n\n"
            "The interior ministry said the first officers would leave within weeks of the ruling.\n")
    [article] = extract_articles(Document.from_bytes(text.encode(), text, source="p.txt", format="txt"))
    assert article.title == "Kenya to send police unit to Haiti after court ruling"
    assert (article.published, article.published_basis) == ("2024-07-05", "byline")
    city = ("Ceasefire holds in Tigray\n\nBy Jane Roe\nMEKELLE, Monday 7 November 2022\n\n"
            "Fighters on both sides stayed in their positions for a fourth day, aid officials said.\n")
    [article] = extract_articles(Document.from_bytes(city.encode(), city, source="c.txt", format="txt"))
    assert (article.published, article.published_basis) == ("2022-11-07", "byline")


def test_a_historical_date_is_not_the_publication_date() -> None:
    for later in ("Critics say the calls explain much of the 2016 election debate.",
                  "Bond spreads are the widest since May 2017, traders said."):
        text = ("A headline about history\n\n"
                "In a call on 8 September 1999 the two presidents discussed the succession at length.\n\n"
                f"{later}\n")
        [article] = extract_articles(Document.from_bytes(text.encode(), text, source="h.txt", format="txt"))
        assert (article.published, article.published_basis) == (None, "unknown"), later
    future = ("Budget plan\n\nThe cabinet approved the budget on 4 October 2018 after a long night.\n\n"
              "The deficit will fall below three per cent in 2020, the minister said.\n")
    [article] = extract_articles(Document.from_bytes(future.encode(), future, source="f.txt", format="txt"))
    assert article.published == "2018-10-04"


def test_opinion_from_disclaimer_or_first_person_but_not_quotes() -> None:
    quoted = ("Minister speaks\n\n"
              "\"I will never accept this and I told my colleagues so,\" the minister said on Monday in Paris.\n\n"
              "The government has not changed its position on the fuel tax, officials said later.\n")
    [article] = extract_articles(Document.from_bytes(quoted.encode(), quoted, source="q.txt", format="txt"))
    assert article.kind == "news"
    opinion = quoted + "\nThe views expressed in this article are solely those of the author.\n"
    [article] = extract_articles(Document.from_bytes(opinion.encode(), opinion, source="o.txt", format="txt"))
    assert article.kind == "opinion"


def labels_of(text: str) -> dict[int, tuple[str, str]]:
    return {line.number: (line.label, line.reason) for line in label_lines(text)}


HEADER = """Ministers agree to reopen the border crossing

By Anna Petrova

Published 3 March 2019

The two governments agreed on Tuesday to reopen the crossing after four months of closure.

"""


def test_subheadings_and_a_short_closing_sentence_stay_in_the_body() -> None:
    text = HEADER + """Trade is expected to resume within a week, officials from both ministries said.

What happens to the customs posts

Customs officers will return to the posts under a new joint inspection plan agreed in Geneva.

It will not last.

Continue Reading
"""
    labels = labels_of(text)
    assert labels[11] == ("body", "short paragraph or subheading between body paragraphs")
    assert labels[15] == ("body", "short sentence closing the article")
    assert labels[17] == ("boiler", "article separator")


def test_opinion_disclaimer_of_any_length_is_boilerplate_and_marks_opinion() -> None:
    disclaimer = ("Opinions in this piece belong solely to the writer, who is a guest contributor, and "
                  "they do not necessarily reflect the editorial position of this website or its staff.")
    text = HEADER + disclaimer + "\n"
    labels = labels_of(text)
    assert labels[9] == ("boiler", "opinion disclaimer")
    [article] = articles_from_text(Document.from_bytes(text.encode(), text, source="x.txt", format="txt"))
    assert article.kind == "opinion"


def test_news_sentence_about_views_is_not_a_disclaimer() -> None:
    sentence = ("The minister said the views of the opposition do not necessarily reflect those of voters, "
                "who backed the plan in a referendum last year.")
    assert labels_of(HEADER + sentence + "\n")[9][0] == "body"


def test_credit_and_author_role_lines_are_not_authors() -> None:
    text = """Sanctions on oil exports take effect at midnight

By Daniel Okafor

Energy correspondent

The measures bar the purchase of crude from the state company and freeze the assets of its directors.

Reuters contributed to this report.
"""
    labels = labels_of(text)
    assert labels[5] == ("credit", "the author's role")
    assert labels[9][0] == "credit"
    [article] = articles_from_text(Document.from_bytes(text.encode(), text, source="x.txt", format="txt"))
    assert article.authors == ["Daniel Okafor"]


def test_comment_thread_header_furniture_and_authors() -> None:
    text = HEADER + """Leave a Reply

Notify of

Newest | Oldest | Most voted

Petra K.
Guest

This deal will not survive the summer, mark my words.

2 days ago

Reply
"""
    labels = labels_of(text)
    assert labels[9] == ("boiler", "start of a reader-comment thread")
    assert labels[11] == ("boiler", "comment-thread header")
    assert labels[13] == ("boiler", "comment-thread header")
    assert labels[15][0] == "comment_author"  # a name ending in a full stop, above "Guest"
    assert labels[16] == ("boiler", "comment-thread furniture")
    assert labels[18][0] == "comment"
    assert labels[20] == ("boiler", "comment-thread furniture")
    assert labels[22] == ("boiler", "comment-thread furniture")


def test_an_empty_comment_thread_ends_at_zero_comments() -> None:
    text = HEADER + """0 Comments

Rebels and government trade blame for shelling of the convoy route

Opposition figures meet in Riyadh ahead of new round of talks
"""
    labels = labels_of(text)
    assert labels[9] == ("boiler", "start of a reader-comment thread")
    assert labels[11] == ("boiler", "short line without terminal punctuation")
    assert labels[13] == ("boiler", "short line without terminal punctuation")


def test_a_headline_with_no_body_is_a_link_list_entry_not_an_article() -> None:
    text = HEADER + """Latest

Parliament votes to extend the state of emergency

12 March 2019

Coalition talks resume after a week of silence

11 March 2019

Support Harbour Review

Donate
"""
    labels = labels_of(text)
    assert labels[11] == ("boiler", "headline with no body of its own: a link-list entry")
    assert labels[13] == ("boiler", "headline with no body of its own: a link-list entry")  # its date
    assert labels[15][0] == labels[17][0] == labels[19][0] == "boiler"
    assert len(articles_from_text(Document.from_bytes(text.encode(), text, source="x.txt", format="txt"))) == 1


def test_a_long_cookie_banner_is_boilerplate() -> None:
    banner = ("We use cookies to understand how readers use this site and to show relevant content; by "
              "continuing to browse you accept their use as described in our policy.")
    assert labels_of(HEADER + banner + "\n")[9] == ("boiler", "cookie banner")


def test_first_headline_above_a_longer_standfirst_without_a_byline() -> None:
    text = """Envoy races to save the truce before the new administration arrives

Moscow says calls from the departing envoy have multiplied in recent weeks as the deadline nears

The envoy has spoken to his counterpart four times this week, according to the foreign ministry.

Officials on both sides described the calls as businesslike and said no agreement was close.
"""
    labels = labels_of(text)
    assert labels[1][0] == "title"
    assert labels[3] == ("standfirst", "longer line between headline and body")


def test_hard_wrapped_text_dump_is_reflowed_and_link_lines_dropped() -> None:
    paragraph = ("Warships from three navies gathered off the coast on Monday as the talks in the capital "
                 "entered their fourth day without agreement on the corridor. Officials on both sides said "
                 "the gap had narrowed but that the question of inspections remained open, and that no "
                 "signing ceremony had been scheduled.")
    wrapped = textwrap.fill(paragraph, width=72, initial_indent="   ", subsequent_indent="   ")
    text = "\n".join([
        "   [1]Skip to main content", "", "   [2]Home [3]World [4]Politics [5]Opinion", "",
        "Talks on the sea corridor stall for a fourth day", "", "   By Lena Ostrova", "",
        "   4 June 2018", "", wrapped, "", "   [6]Related: the corridor explained", "", wrapped, "",
        wrapped, "", "References", "", "   1. https://example.org/", "   2. https://example.org/world", ""])
    labeled = label_lines(text)
    bodies = [line for line in labeled if line.label == "body"]
    assert len(bodies) == 3 and all(line.text.count("\n") == wrapped.count("\n") for line in bodies)
    reasons = {line.text.strip(): line.reason for line in labeled}
    assert reasons["[1]Skip to main content"] == "link line of a text-browser dump"
    assert reasons["[6]Related: the corridor explained"] == "link line of a text-browser dump"
    assert reasons["1. https://example.org/"] in ("after the end of the article", "short line without terminal punctuation")
    assert [line.label for line in labeled if line.text.startswith("Talks")] == ["title"]


def test_lines_are_not_reflowed_on_a_page_of_whole_paragraphs(fixtures: Path) -> None:
    assert wrap_width(page(fixtures).content.split("\n")) is None


def test_masthead_tagline_and_section_label_above_the_headline() -> None:
    text = """NORTHERN LEDGER

Reporting from the Baltic since 1994

Monday, 14 May 2018

News | Politics | Business | What's On

Politics > Elections

Coalition deal gives the centre-right a fourth term

By Kaja Mets

The three parties signed the agreement on Sunday evening after eleven days of negotiations.

The new cabinet is expected to be sworn in before parliament breaks for the summer.
"""
    labeled = {line.number: line for line in label_lines(text)}
    assert labeled[11].label == "title" and labeled[13].label == "byline"
    assert labeled[1].label == labeled[3].label == "boiler"
    assert labeled[5].article is None  # the page's date, above the menus: not this article's


def test_a_thread_after_a_related_list_belongs_to_the_article_above() -> None:
    text = HEADER + """The agreement still needs the approval of both parliaments before it can enter into force.

Related

Earlier talks on the crossing collapsed in November

2 November 2018

12 thoughts on "Ministers agree to reopen the border crossing"

Sort by: Oldest | Newest

nadia_k

3 March 2019 at 10:02 am

Finally some good news for the traders on both sides of the river.

Reply

Load more comments

Archives

January 2019
"""
    labeled = label_lines(text)
    labels = {line.number: (line.label, line.reason) for line in labeled}
    assert labels[13] == ("boiler", "headline with no body of its own: a link-list entry")
    assert labels[17] == ("boiler", "start of a reader-comment thread")
    assert labels[21][0] == "comment_author" and labels[25][0] == "comment"
    assert labels[29] == ("boiler", "end of the comment thread")
    assert labels[33][0] == "boiler"  # an archive month after the thread is no commenter
    [article] = articles_from_text(Document.from_bytes(text.encode(), text, source="x.txt", format="txt"))
    assert [(c.author, c.line) for c in article.comments] == [("nadia_k", 25)]


def test_ticker_reading_time_caption_and_wire_dateline() -> None:
    text = """BREAKING: Parliament dissolved, elections called for June

Premier resigns after losing confidence vote

March 3, 2019 / 6:10 PM / Updated an hour ago

3 Min Read

VILNIUS (Wire) —

The prime minister lost the vote by four ballots on Tuesday and said he would step down.

Members of the coalition gather outside the chamber after the vote on Tuesday evening.

Photo: Tomas Varnas / Wire

Opposition leaders called for an early election and said they were ready to govern.
"""
    labels = labels_of(text)
    assert labels[1] == ("boiler", "breaking ticker")
    assert labels[3][0] == "title"
    assert labels[5][0] == "dateline" and labels[9][0] == "dateline"
    assert labels[7] == ("boiler", "reading time")
    assert labels[13] == ("boiler", "image caption: the line above a photo credit")
    assert labels[17][0] == "body"


def test_news_briefs_live_blog_times_and_says_comments() -> None:
    briefs = """World in brief

Court annuls disputed mayoral vote in the capital
By Courier wire services

The electoral court ordered a rerun after finding irregularities at dozens of polling stations.
Officials said the new vote would be held within sixty days.
Via Associated Press

Strike shuts ports along the northern coast
Dock unions walked out on Monday over pension changes, halting container traffic at four ports.

The transport ministry said talks would resume on Thursday.

— Reuters
"""
    labels = labels_of(briefs)
    assert labels[3][0] == "title" and labels[10][0] == "title"
    assert labels[8][0] == "syndication" and labels[15][0] == "credit"
    [first, second] = articles_from_text(Document.from_bytes(briefs.encode(), briefs, source="b.txt", format="txt"))
    assert first.syndicated_from == "Associated Press" and second.title.startswith("Strike shuts")

    live = HEADER.replace("The two governments", "Live: the two governments") + """21:40 GMT

Crossing opens

The first lorries crossed shortly after nine in the evening, customs officers said.

19:05 GMT

Officials from both ministries signed the protocol at the border post this afternoon.

2 thoughts on "Ministers agree to reopen the border crossing"

Ilse K. says:

March 3, 2019 at 9:02 pm

Good news for the traders at last.
"""
    labels = labels_of(live)
    assert labels[7][0] == "body"  # "Live: …" as a sentence is no ticker
    assert labels[9] == ("body", "time of a live-blog entry") and labels[11][0] == "body"
    assert labels[21][0] == "comment_author" and labels[25][0] == "comment"
    [article] = articles_from_text(Document.from_bytes(live.encode(), live, source="l.txt", format="txt"))
    assert [(c.author, c.text) for c in article.comments] == [("Ilse K.", "Good news for the traders at last.")]


def test_end_of_article_furniture_author_bio_pull_quote_footer_and_wire_credit() -> None:
    text = """Harbour Weekly

Port strike ends after four days
Posted by Tomas Varga on March 3, 2019 at 8:10 am

Dock workers returned to the terminals on Sunday after the union accepted a revised pay offer from the port authority.
"We were never asking for the moon," the union's chair told members at a packed meeting in the old customs hall.
Never asking for the moon
The authority said container traffic would be back to normal within a week, though shipping lines warned of delays.
Reporting by Tomas Varga; Editing by Ana Ruiz
Our standards: the Harbour Weekly charter.
Tomas Varga is the ports correspondent of Harbour Weekly and has covered the docks since 2009.
Share
Tweet
Email
Topics
Shipping
Labour
Port of Varna
Advertise with us
Thanks for reading. Everything here is paid for by readers like you.
"""
    labels = labels_of(text)
    assert labels[4][0] == "byline"
    assert labels[6][0] == "body" and labels[7][0] == "body" and labels[9][0] == "body"
    assert labels[8] == ("boiler", "pull quote: repeats words of a paragraph")
    assert labels[10][0] == "credit"
    assert labels[11] == ("boiler", "after the credit line that closes the story")
    assert labels[12][0] == "boiler"
    bio = labels_of(HEADER + "Anna Petrova is the Balkans correspondent of the Courier and has reported from the region since 2012.\n")
    assert bio[9] == ("boiler", "the author's bio at the end of an article")
    assert labels[21] == ("boiler", "below a long run of furniture after the article")
    [article] = articles_from_text(Document.from_bytes(text.encode(), text, source="h.txt", format="txt"))
    assert article.authors == ["Tomas Varga"] and article.published == "2019-03-03"


def test_disqus_header_reply_markers_and_facebook_plugin_rows() -> None:
    disqus = HEADER + """42 Comments
The Harbour Weekly
Login
Recommend 3
Sort by Best
Join the discussion…

quay_watcher
• 2 days ago
About time the two sides met halfway on this one.
12 ▲ ▼ • Reply • Share ›

old_salt
quay_watcher • 2 days ago
Halfway for now, until the next contract comes round.
4 ▲ ▼ • Reply • Share ›
"""
    labels = labels_of(disqus)
    first = len(HEADER.splitlines())
    assert labels[first + 2] == ("boiler", "name-like line with no comment under it")
    assert labels[first + 3][1] == "navigation"  # "Login" above the first comment does not end the thread
    assert labels[first + 8][0] == "comment_author" and labels[first + 10][0] == "comment"
    assert labels[first + 11] == ("boiler", "comment-thread furniture")
    assert labels[first + 13][0] == "comment_author"
    assert labels[first + 14] == ("boiler", "comment-thread furniture")  # the reply marker: whom old_salt answers
    assert labels[first + 15][0] == "comment"
    [article] = articles_from_text(Document.from_bytes(disqus.encode(), disqus, source="d.txt", format="txt"))
    assert [c.author for c in article.comments] == ["quay_watcher", "old_salt"]


def test_a_heading_inside_the_body_is_marked_as_a_crosshead() -> None:
    from eventwire.pages.text import is_crosshead

    assert is_crosshead("Kenya questions the Ethiopian dam deal")
    assert is_crosshead("Ruto asks Abiy to ‘stop the dam’")
    assert not is_crosshead("Kenyan troops crossed the border on Friday.")
    assert not is_crosshead("Reply")  # too short to head anything

