"""Event dates from their own sentences, and background told apart by the article's date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from eventwire.model import Article, Attribution, Event, Evidence, Paragraph
from eventwire.when import article_date, date_events


def article(*paragraphs: str, published: str | None = None) -> Article:
    return Article(id="a-when", document_id="d-when", source="w.txt",
                   paragraphs=[Paragraph(text, 1 + 2 * i) for i, text in enumerate(paragraphs)],
                   published=published, published_precision="day" if published else None)


def event(text: str, trigger: str, line: int = 1, modality: str = "actual") -> Event:
    return Event(id=f"e-{line}-{trigger}", article_id="a-when", type="ASSAULT", trigger=trigger, modality=modality,
                 evidence=Evidence(text, "w.txt", line, 0, len(text)))


def test_an_explicit_date_dates_the_event_nearest_it() -> None:
    text = "On 9th September 2016 the envoys met, and a week later jets struck the convoy."
    [met] = date_events(article(text, published="2016-09-20"), [event(text, "met")])
    assert (met.date, met.date_precision, met.modality) == ("2016-09-09", "day", "actual")


def test_a_month_named_alone_is_in_the_articles_year_or_the_one_before() -> None:
    text = "The offensive began in February and the rebels were encircled by late July."
    page = article(text, published="2016-09-09")
    began, encircled = date_events(page, [event(text, "began"), event(text, "encircled")])
    assert (began.date, began.modality) == ("2016-02", "historical")
    assert (encircled.date, encircled.modality) == ("2016-07", "historical")
    later = article(text, published="2017-01-10")  # February is then last year's
    [again] = date_events(later, [event(text, "began")])
    assert again.date == "2016-02"


def test_a_recent_date_is_not_background() -> None:
    text = "Turkish jets struck a village on 2 September 2016."
    [struck] = date_events(article(text, published="2016-09-09"), [event(text, "struck")])
    assert struck.modality == "actual" and struck.date == "2016-09-02"


def test_a_year_dates_at_year_precision_and_an_undated_article_takes_its_latest_year() -> None:
    first = "In 1995 the two presidents met in Moscow."
    page = article(first, "The transcripts were published in 2018.")
    assert article_date(page)[0].year == 2018
    [met] = date_events(page, [event(first, "met")])
    assert (met.date, met.date_precision, met.modality) == ("1995", "year", "historical")


def test_a_dated_past_carries_through_its_paragraph_only() -> None:
    first, second = "In May the envoy made threats.", "He then held talks with the minister."
    after = "The army now shells the town."
    page = article(f"{first} {second}", after, published="2016-09-09")
    threats, talks, shells = date_events(page, [event(first, "threats"), event(second, "talks"),
                                                event(after, "shells", line=3)])
    assert (threats.modality, talks.modality, shells.modality) == ("historical", "historical", "actual")
    assert talks.date is None  # background, but not dated by another sentence


def test_a_guess_or_a_denial_keeps_its_modality() -> None:
    text = "In 2014 the rebels may have shot down the airliner."
    [guess] = date_events(article(text, published="2016-09-09"), [event(text, "shot", modality="hypothetical")])
    assert guess.modality == "hypothetical" and guess.date == "2014"


def test_an_undated_story_of_the_past_makes_its_past_tense_events_background() -> None:
    lines = ["In 1993 the two presidents met in Vancouver.", "In 1995 they argued over Bosnia.",
             "In 1999 Moscow condemned the bombing of Belgrade.", "The transcripts were released in 2018.",
             "He then promised to help."]
    page = article(*lines)  # no date of its own: its latest year, 2018, is the reference
    events = [event(text, trigger, line=1 + 2 * i) for i, (text, trigger) in
              enumerate(zip(lines, ["met", "argued", "condemned", "released", "promised"]))]
    for e in events:
        e.past = True
    *_, released, promised = date_events(page, events)
    assert released.modality == "actual" and promised.modality == "historical"
    dated_page = article(*lines, published="2018-06-01")  # a dated news story told in the past is news
    *_, promised_again = date_events(dated_page, [event(lines[-1], "promised", line=9)])
    assert promised_again.modality == "actual"


def test_relative_dates_resolve_against_the_articles_day() -> None:
    page = article("x", published="2016-12-15")  # a Thursday
    cases = [("On Monday Turkish jets struck a village.", "struck", "2016-12-12", "weekday"),
             ("Yesterday the envoy met the minister.", "met", "2016-12-14", "yesterday"),
             ("Earlier this month the army retook the town.", "retook", "2016-12", "earlier this month"),
             ("Last year the talks failed in Geneva.", "failed", "2015", "last year"),
             ("Shortly after noon on Dec. 2 the two men met.", "met", "2016-12-02", "day and month")]
    for text, trigger, iso, rule in cases:
        [found] = date_events(page, [event(text, trigger)])
        assert (found.date, found.date_rule) == (iso, rule), text


def test_a_weekday_that_disagrees_with_its_date_is_flagged_and_the_date_stands() -> None:
    text = "Erdogan called Putin on Tuesday 14th December 2016."  # the 14th was a Wednesday
    [call] = date_events(article(text, published="2016-12-15"), [event(text, "called")])
    assert (call.date, call.date_rule) == ("2016-12-14", "explicit; weekday disagrees")
    right = "Erdogan called Putin on Wednesday 14th December 2016."
    [call] = date_events(article(right, published="2016-12-15"), [event(right, "called")])
    assert call.date_rule == "explicit"


def test_a_weekday_in_a_report_dates_the_saying_not_the_deed() -> None:
    text = "Prosecutors said on Wednesday that the missile was fired from rebel-held ground."
    fired = event(text, "fired")
    fired.attribution = Attribution("prosecutors", "claimed")
    [found] = date_events(article(text, published="2016-09-29"), [fired])
    assert found.date is None


def test_no_article_date_leaves_relative_dates_alone() -> None:
    text = "On Monday Turkish jets struck a village."
    [found] = date_events(article(text), [event(text, "struck")])
    assert found.date is None


def test_a_day_told_from_the_day_before() -> None:
    first = "On 17 July 2014 a missile brought down the airliner over Hrabove."
    second = "The next day rebels blocked the monitors from the crash site."
    third = "Two days later the bodies were moved by train."
    page = article(f"{first} {second} {third}", published="2014-07-25")
    events = date_events(page, [event(first, "brought"), event(second, "blocked"), event(third, "moved")])
    assert [(e.date, e.date_rule) for e in events] == [
        ("2014-07-17", "explicit"), ("2014-07-18", "days after"), ("2014-07-20", "days after")]


def test_a_story_that_goes_on_carries_its_past_into_the_next_paragraph() -> None:
    first = "In May the envoy made threats over the talks."
    then = "Kerry then held a series of meetings with Lavrov."
    now = "Kerry holds talks with Lavrov today."
    page = article(first, then, now, published="2016-09-20")
    events = [event(first, "threats"), event(then, "meetings", line=3), event(now, "talks", line=5)]
    for e in events[:2]:
        e.past = True
    threats, meetings, talks = date_events(page, events)
    assert (threats.modality, meetings.modality, talks.modality) == ("historical", "historical", "actual")


def test_at_the_time_takes_the_date_told_before_and_its_background() -> None:
    first = "An inquiry concluded in 2016 that two agents had poisoned him."
    second = "Moscow dismissed the finding at the time."
    page = article(f"{first} {second}", published="2018-03-14")
    _, dismissed = date_events(page, [event(first, "concluded"), event(second, "dismissed")])
    assert (dismissed.date, dismissed.date_precision, dismissed.date_rule) == ("2016", "year", "same time")
    assert dismissed.modality == "historical"


def test_a_past_event_later_in_the_paragraph_takes_the_time_it_last_named() -> None:
    first = "Shortly after noon on 24 January 2017 the envoy called the minister."
    second = "The two men discussed the prisoner exchange briefly."
    page = article(f"{first} {second}", published="2018-12-12")
    called, discussed = event(first, "called"), event(second, "discussed")
    discussed.evidence = Evidence(second, "w.txt", 1, len(first) + 1, len(first) + 1 + len(second))
    discussed.past = True
    _, discussed = date_events(page, [called, discussed])
    assert (discussed.date, discussed.date_rule) == ("2017-01-24", "paragraph")
    elsewhere = event(second, "discussed", line=3)  # another paragraph: no date carried
    elsewhere.past = True
    _, elsewhere = date_events(article(first, second, published="2018-12-12"), [called, elsewhere])
    assert elsewhere.date is None


def test_simultaneously_is_the_time_told_before() -> None:
    first = "By late July 2016 the army had cut the road north of the city."
    second = "Simultaneously the rebels launched their offensive on the southern districts."
    page = article(f"{first} {second}", published="2016-09-20")
    _, offensive = date_events(page, [event(first, "cut"), event(second, "offensive")])
    assert (offensive.date, offensive.date_rule) == ("2016-07", "same time")


def test_a_byline_taken_for_the_title_dates_the_article() -> None:
    text = "Coalition jets struck the port on Thursday."
    guessed = replace(article(text, published="2015-03"), published_precision="month", published_basis="text",
                      title="By Wire staff | Published June 14, 2018 18:05 GMT")
    assert article_date(guessed) == (date(2018, 6, 14), "day")
    [struck] = date_events(guessed, [event(text, "struck")])
    assert (struck.date, struck.date_rule) == ("2018-06-14", "weekday")
    headline = replace(guessed, title="Twenty years on from the 9 September 1999 blasts")
    assert article_date(headline) == (date(2015, 3, 1), "month")  # a headline's date is no byline


def claimed(text: str, trigger: str) -> Event:
    found = event(text, trigger)
    found.attribution = Attribution("a spokesman", "claimed")
    return found


def test_a_date_told_with_the_saying_dates_the_saying_wherever_the_verb_stands() -> None:
    page = article("x", published="2014-07-19")  # a Saturday
    undated = [("Kyiv accused the rebels on Friday of shooting down the airliner.", "shooting"),
               ("An inquiry concluded in 2006 that two agents had poisoned the defector.", "poisoned"),
               ("Rebels shelled the airport, the army said on Friday.", "shelled")]
    for text, trigger in undated:
        [found] = date_events(page, [claimed(text, trigger)])
        assert found.date is None, text
    own = "The two presidents spoke by telephone on Tuesday, a spokesman said."
    [spoke] = date_events(page, [claimed(own, "spoke")])
    assert (spoke.date, spoke.date_rule) == ("2014-07-15", "weekday")


def test_the_same_day_and_a_day_later_each_date_the_deed_nearest_them() -> None:
    first = "On 26 March 2018 Washington expelled 60 diplomats."
    second = "Twenty other states expelled envoys the same day, and a day later the alliance withdrew passes."
    page = article(f"{first} {second}", published="2018-03-30")
    events = date_events(page, [event(first, "expelled"), event(second, "expelled"), event(second, "withdrew")])
    assert [(e.date, e.date_rule) for e in events] == [
        ("2018-03-26", "explicit"), ("2018-03-26", "same time"), ("2018-03-27", "days after")]


def test_a_sentence_with_a_date_of_its_own_takes_none_from_before() -> None:
    first = "On 4 March 2018 the defector was poisoned in Salisbury."
    second = ("The premier told parliament on 12 March that Moscow was behind the attack and had until the "
              "following day to answer.")
    page = article(first, second, published="2018-03-30")
    _, attack = date_events(page, [event(first, "poisoned"), claimed(second, "attack")])
    assert attack.date is None


def test_a_weekday_told_of_what_is_to_come_is_the_next_one() -> None:
    page = article("x", published="2018-06-14")  # a Thursday
    ahead = "The UN envoy is expected to travel to Sanaa on Saturday for talks."
    [talks] = date_events(page, [event(ahead, "talks")])
    assert (talks.date, talks.date_rule) == ("2018-06-16", "weekday ahead")
    both = "The minister met his counterpart on Tuesday, and was due to see the premier on Friday."
    met, see = date_events(page, [event(both, "met"), event(both, "see")])
    assert (met.date, see.date) == ("2018-06-12", "2018-06-15")


def test_since_a_date_is_when_what_goes_before_began() -> None:
    page = article("x", published="2019-09-05")
    ongoing = "Police have detained more than 900 people since June."
    [detained] = date_events(page, [event(ongoing, "detained")])
    assert (detained.date, detained.modality) == (None, "actual")
    told = "It was the worst such strike since August 2013, when a gas attack killed hundreds."
    [killed] = date_events(page, [event(told, "killed")])
    assert killed.date == "2013-08"


def test_a_past_told_between_two_dated_events_of_the_background_is_background() -> None:
    first = "In February the two sides agreed on a truce."
    middle = "The truce was never respected and the militias attacked the port."
    last = "In April the militias launched a new offensive."
    now = "Today the militias attacked the airport."
    page = article(first, middle, last, now, published="2016-09-20")
    events = [event(first, "agreed"), event(middle, "attacked", line=3), event(last, "offensive", line=5),
              event(now, "attacked", line=7)]
    events[1].past = True
    events[3].past = True
    _, attacked, _, today = date_events(page, events)
    assert attacked.modality == "historical" and today.modality == "actual"


def test_what_was_said_at_a_dated_call_is_told_in_the_paragraphs_after_it() -> None:
    first = "President Ruto called Prime Minister Abiy on 3 March 2023."
    second = "In particular, they discussed the border and the dam."
    third = "Rebels attacked a convoy near the border."
    page = article(first, second, third, published="2023-03-05")
    called, discussed, attacked = event(first, "called"), event(second, "discussed", line=3), event(third, "attacked", line=5)
    called.type = discussed.type = "CONSULT"
    discussed.past = attacked.past = True
    _, discussed, attacked = date_events(page, [called, discussed, attacked])
    assert (discussed.date, discussed.date_rule) == ("2023-03-03", "same meeting")
    assert attacked.date is None  # another kind of event: no date carried
