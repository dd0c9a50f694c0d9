"""Direct quotations and their speakers, over real spaCy parses of sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc

import eventwire.quotes
from eventwire.actors import ArticleActors, Resolver, day_of, default_registry
from eventwire.model import Article, Document, Paragraph, Quote
from eventwire.nlp import load_pipeline
from eventwire.pages import extract_articles
from eventwire.quotes import Snippet, find_quotes, mark_pairs, parse_snippets
from eventwire.sources import read_file

pytestmark = pytest.mark.slow


def article_of(paragraphs: list[Paragraph]) -> Article:
    return Article(id="a-test", document_id="d-test", source="test.txt", evidence_source="test.txt",
                   paragraphs=paragraphs)


def quotes_in(article: Article) -> list[Quote]:
    return find_quotes(article, ArticleActors(Resolver(default_registry()), None).resolve)


def quotes(*paragraphs: str) -> list[Quote]:
    return quotes_in(article_of([Paragraph(text, line) for line, text in enumerate(paragraphs, start=1)]))


def only(found: list[Quote]) -> Quote:
    assert len(found) == 1, found
    return found[0]


def test_trailing_attribution_resolves_a_registry_person() -> None:
    quote = only(quotes("“We will not accept any deal that ignores our security,” Sergei Lavrov said on Monday."))
    assert quote.text == "We will not accept any deal that ignores our security,"
    assert quote.speaker_text == "Sergei Lavrov"
    assert quote.speaker is not None and quote.speaker.code == "RUS" and quote.speaker.actor_id == "lavrov"


def test_inverted_trailing_attribution_drops_the_apposition() -> None:
    quote = only(quotes("“Voters are tired of waiting for the reforms they were promised,” said Marta Kowalczyk, "
                        "a lecturer in politics at a university in Krakow."))
    assert quote.speaker_text == "Marta Kowalczyk"
    assert quote.speaker is not None and quote.speaker.code is None


@pytest.mark.parametrize("text, speaker, code", [
    ("Shoigu said: “Our units will stay in the region until the work is finished.”", "Shoigu", "RUS"),
    ("The Turkish minister told Reuters that “the border crossing will stay shut for weeks.”",
     "The Turkish minister", "TUR"),
    ("According to Peskov, “the president has no plans to travel abroad this month.”", "Peskov", "RUS"),
])
def test_leading_attribution(text: str, speaker: str, code: str) -> None:
    quote = only(quotes(text))
    assert quote.speaker_text == speaker
    assert quote.speaker is not None and quote.speaker.code == code


def test_split_quotation_shares_its_speaker() -> None:
    first, second = quotes("“The talks in Vienna were useful,” said the Iranian foreign minister, "
                           "“but nothing has been signed and nothing will be this week.”")
    assert first.text == "The talks in Vienna were useful,"
    assert second.text == "but nothing has been signed and nothing will be this week."
    assert first.speaker_text == second.speaker_text == "the Iranian foreign minister"
    assert first.speaker is not None and first.speaker.code == "IRN"


def test_quotation_in_the_middle_of_a_paragraph() -> None:
    quote = only(quotes("The meeting in Geneva ran late into the night. Afterwards Kerry told reporters: "
                        "“We made real progress on the ceasefire and on aid deliveries.” He then flew to Rome."))
    assert quote.text == "We made real progress on the ceasefire and on aid deliveries."
    assert quote.speaker is not None and quote.speaker.actor_id == "kerry"


def test_a_speaker_goes_on_in_the_next_sentence() -> None:
    first, second = quotes("“We will not walk away from the negotiating table,” Erdogan said. "
                           "“The talks remain the only way out of this crisis.”")
    assert first.speaker_text == second.speaker_text == "Erdogan"
    assert second.speaker is not None and second.speaker.code == "TUR"


def test_two_speakers_in_one_paragraph() -> None:
    first, second = quotes("“We expect to sign the agreement within a week,” Lavrov said. But Kerry told "
                           "journalists that “no date has been fixed for any signing ceremony.”")
    assert first.speaker is not None and first.speaker.code == "RUS"
    assert second.speaker_text == "Kerry"
    assert second.speaker is not None and second.speaker.code == "USA"


def test_pronoun_points_back_to_the_last_person_who_spoke() -> None:
    first, second = quotes("“Nothing was agreed at today's meeting with the generals,” Shoigu said.",
                           "The two delegations will meet again in Ankara.",
                           "“Our troops will remain exactly where they are for now,” he added.")
    assert second.speaker_text == "he"
    assert second.speaker is not None and second.speaker.actor_id == "shoigu"


def test_pronoun_points_back_to_a_speaker_of_indirect_speech() -> None:
    quote = only(quotes("Sergei Lavrov said the talks with Washington would resume next week.",
                        "“We are ready to listen to every proposal that is put on the table,” he told reporters."))
    assert quote.speaker_text == "he"
    assert quote.speaker is not None and quote.speaker.code == "RUS" and quote.speaker.actor_id == "lavrov"


def test_it_points_back_to_a_body_not_a_person() -> None:
    first, second = quotes("“The strikes were aimed only at military depots,” the Russian defence ministry said.",
                           "Lavrov later met the Syrian envoy.",
                           "“No civilians were anywhere near the targets at that time,” it added.")
    assert first.speaker is not None and first.speaker.code == "RUS"
    assert second.speaker_text == "it"
    assert second.speaker is not None and second.speaker.code == "RUS" and second.speaker.actor_id != "lavrov"


def test_unnamed_official_keeps_its_text() -> None:
    quote = only(quotes("“There is no sign of a breakthrough in these talks,” a senior official said."))
    assert quote.speaker_text == "a senior official"
    assert quote.speaker is not None and quote.speaker.text == "a senior official"
    assert quote.speaker.code is None and quote.speaker.sector == "GOV"


def test_no_speaker_named() -> None:
    quote = only(quotes("“Nobody in the capital expected the talks to collapse so quickly.”"))
    assert quote.speaker is None and quote.speaker_text is None


def test_scare_quotes_are_not_quotations() -> None:
    assert quotes("Yeltsin called his successor a “reliable man” in the letter.",
                  "The army pressed on with its “special military operation” near the river.") == []
    assert only(quotes("Critics called it “a tax on the poor”.")).text == "a tax on the poor"


def test_straight_quotes() -> None:
    quote = only(quotes('"The ceasefire has to hold in every single province," Peskov told journalists.'))
    assert quote.text == "The ceasefire has to hold in every single province,"
    assert quote.speaker is not None and quote.speaker.code == "RUS"
    assert mark_pairs('The screen measured 12" across.') == []


def test_quotation_continued_in_the_next_paragraph() -> None:
    first, second = quotes("Peskov said: “The president will not attend the summit in Brussels this year.",
                           "“He has other commitments at home during that week.”")
    assert first.text == "The president will not attend the summit in Brussels this year."
    assert second.text == "He has other commitments at home during that week."
    assert first.speaker_text == second.speaker_text == "Peskov"


def test_evidence_is_verbatim_in_the_source_lines() -> None:
    lines = ["Moscow, Monday", "  “Talks with Kyiv are on hold for the moment,” Peskov said.",
             "", "The spokesman added that “no new round has been planned",
             "for the rest of the month,” and declined to say more.",
             "", 'Lavrov said: "We are still waiting for an answer from Washington."']
    article = article_of([Paragraph(lines[1][2:], 2, column=2), Paragraph("\n".join(lines[3:5]), 4),
                          Paragraph(lines[6], 7)])
    found = quotes_in(article)
    assert [q.text for q in found] == ["Talks with Kyiv are on hold for the moment,",
                                       "no new round has been planned\nfor the rest of the month,",
                                       "We are still waiting for an answer from Washington."]
    source = "\n".join(lines)
    for quote in found:
        evidence = quote.evidence
        assert evidence.source == "test.txt" and evidence.text == quote.text
        offset = sum(len(line) + 1 for line in lines[:evidence.line - 1]) + evidence.start
        assert source[offset:offset + len(quote.text)] == quote.text
        if "\n" not in quote.text:
            assert lines[evidence.line - 1][evidence.start:evidence.end] == quote.text
    assert (found[0].evidence.line, found[0].evidence.start) == (2, 3)
    assert len({q.id for q in found}) == 3 and all(q.id.startswith("q-") for q in found)


def test_only_short_snippets_are_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[str] = []

    def recording(snippets: list[Snippet]) -> list[Doc]:
        parsed.extend(s.text for s in snippets)
        return parse_snippets(snippets)

    monkeypatch.setattr(eventwire.quotes, "parse_snippets", recording)
    filler = "The delegations spent most of the day on questions of procedure and on the order of the agenda. "
    quote = only(quotes(filler * 5 + "Late in the evening Lavrov told reporters: “We are closer to an agreement "
                        "than we have been at any time this year.” " + filler * 5))
    assert quote.speaker is not None and quote.speaker.actor_id == "lavrov"
    assert parsed and all(len(text.split()) <= 20 for text in parsed)


@pytest.mark.seeds
def test_seed_pages(seeds_dir: Path) -> None:
    resolver = Resolver(default_registry())
    found: list[Quote] = []
    for path in sorted(seeds_dir.glob("*.txt")):
        documents = [d for d in read_file(path) if isinstance(d, Document)]
        lines = path.read_text(encoding="utf-8").split("\n")
        for article in (a for document in documents for a in extract_articles(document)):
            resolve = ArticleActors(resolver, day_of(article.published, article.published_precision)).resolve
            for quote in find_quotes(article, resolve):
                evidence = quote.evidence
                text = "\n".join(lines[evidence.line - 1:])
                assert text[evidence.start:evidence.start + len(quote.text)] == quote.text
                assert len(quote.text.split()) >= 4
                assert quote.text[:1] not in "“”\"" and quote.text[-1:] not in "“”\""
                found.append(quote)
    assert len(found) >= 40
    assert sum(1 for q in found if q.speaker is not None) >= 30
    assert sum(1 for q in found if q.speaker is not None and q.speaker.code) >= 15
    assert len({q.id for q in found}) == len(found)


def test_a_long_title_before_the_verb_and_a_state_from_the_apposition() -> None:
    quote = only(quotes("“The launcher came across the border and went back the same night,” Jan Verhoeven, "
                        "the head of the Dutch national crime squad, told a news conference."))
    assert quote.speaker_text == "Jan Verhoeven"
    assert quote.speaker is not None and quote.speaker.code == "NLD"


def test_a_surname_speaker_takes_the_person_the_article_named_in_full() -> None:
    paragraphs = [Paragraph("Prime Minister Theresa May told parliament that Britain would expel 23 diplomats.", 1),
                  Paragraph("May said: “We will not tolerate such an attack on our soil, and we will act.”", 3)]
    article = article_of(paragraphs)
    resolver = Resolver(default_registry())
    actors = ArticleActors(resolver, day_of("2018-03-14", "day"))
    actors.meet([load_pipeline()(paragraphs[0].text)])
    quote = only(find_quotes(article, actors.resolve))
    assert quote.speaker is not None and quote.speaker.code == "GBR"


@pytest.mark.parametrize("text, code", [
    ("Lavrov said on Friday that the talks would resume in Geneva next month. "
     "“We see no reason to stay away from the table any longer.”", "RUS"),
    ("“The convoy was stopped twice at the border,” according to the Turkish report. The second convoy, by "
     "contrast, “crossed without any delay and reached the camps before dark.”", "TUR"),
])
def test_a_quotation_with_no_attribution_takes_the_speaker_of_the_sentence_before(text: str, code: str) -> None:
    last = quotes(text)[-1]
    assert last.speaker is not None and last.speaker.code == code


def test_a_paragraph_ending_with_a_colon_introduces_the_quotation_after_it() -> None:
    quote = only(quotes("On the phone that evening, Putin told the German chancellor:",
                        "“We will do everything in our power to keep the gas flowing all winter.”"))
    assert quote.speaker_text == "Putin"
    assert quote.speaker is not None and quote.speaker.code == "RUS"


def test_a_paragraph_that_is_only_a_quotation_goes_on_with_the_speaker_before() -> None:
    first, second = quotes("“The ceasefire has to hold in every village of the province,” Erdogan said.",
                           "“Our soldiers will answer any attack on the observation posts without delay.”")
    assert second.speaker_text == first.speaker_text == "Erdogan"
    assert second.speaker is not None and second.speaker.code == "TUR"


def test_a_participle_far_from_its_subject_takes_the_subject_of_its_sentence() -> None:
    quote = only(quotes("Sergei Lavrov, after a long round of talks with his counterparts in Geneva that ran well "
                        "past midnight, sounded cautious, telling journalists that the plan was “a first step and "
                        "nothing more than that.”"))
    assert quote.speaker is not None and quote.speaker.actor_id == "lavrov"


def test_he_points_back_to_the_person_an_earlier_sentence_is_about() -> None:
    first, second = quotes("“The sanctions stay in place until the inspectors are let back in,” Kerry said.",
                           "Later that day Walid al-Muallem dismissed the new sanctions as theatre.",
                           "“Washington decided on its verdict long before any evidence existed,” he told a "
                           "news conference in Damascus.")
    assert first.speaker is not None and first.speaker.code == "USA"
    assert second.speaker_text == "he"
    assert second.speaker is not None and second.speaker.code == "SYR" and second.speaker.actor_id == "muallem"


@pytest.mark.parametrize("paragraphs, speaker, code", [
    (["“We will back the reforms with real money and real advice,” Bill Clinton said.",
      "“Is there anything at all we can still do for the eastern regions?” a visibly tired Clinton asked."],
     "a visibly tired Clinton", "USA"),
    (["“Nothing in the agreement limits our missile programme,” the Iranian statement said.",
      "“Any new demand from the other side will be turned down at once,” the statement added."],
     "the statement", "IRN"),
    (["“The naval drills will go ahead as planned whatever the warnings,” the newspaper reported, "
      "citing a Chinese defence ministry official."], "the newspaper", "CHN"),
    (["“Brussels will find it hard to say no to Rome after this,” said Marco Bellini, a professor of "
      "political science at a university in Rome."], "Marco Bellini", "ITA"),
])
def test_a_speaker_with_no_state_of_its_own_takes_one_from_its_context(
        paragraphs: list[str], speaker: str, code: str) -> None:
    quote = quotes(*paragraphs)[-1]
    assert quote.speaker_text == speaker
    assert quote.speaker is not None and quote.speaker.code == code


def test_a_surname_speaker_takes_the_state_of_the_title_it_was_named_under() -> None:
    paragraphs = [Paragraph("Kremlin aide Yury Ushakov confirmed that the two presidents would meet in Helsinki.", 1),
                  Paragraph("“The date is agreed and the agenda is nearly ready,” Ushakov said.", 3)]
    actors = ArticleActors(Resolver(default_registry()), day_of("2018-07-02", "day"))
    actors.meet([load_pipeline()(paragraphs[0].text)])  # the tagger finds only "Ushakov" for the name
    quote = only(find_quotes(article_of(paragraphs), actors.resolve))
    assert quote.speaker is not None and quote.speaker.code == "RUS"
