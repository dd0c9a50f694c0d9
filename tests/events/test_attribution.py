"""Who says so: frames, stances, denials linked to their claims, events told in quotations."""

from __future__ import annotations

import pytest

from eventwire.actors import ArticleActors, Resolver, default_registry
from eventwire.events import EventExtractor, load_lexicon
from eventwire.model import Article, Paragraph
from eventwire.nlp import annotate
from eventwire.quotes import find_quotes
from tests.events.test_extract import codes, extract

pytestmark = pytest.mark.slow


def one(events: list[dict], trigger: str) -> dict:
    [event] = [e for e in events if e["trigger"] == trigger]
    return event


def stance(event: dict) -> tuple[str, str | None]:
    speaker = event["attribution"]["speaker"]
    return event["attribution"]["stance"], speaker["code"] if speaker else None


def test_a_party_claims_and_the_press_reports() -> None:
    assert stance(one(extract("Kiev said that separatist fighters shelled the airport."), "shelled")) == \
        ("claimed", "UKR")
    reported = one(extract("The Times reported that Turkish jets bombed a village near Afrin."), "bombed")
    assert reported["attribution"]["stance"] == "reported"


def test_hearsay_adverbs_and_according_to() -> None:
    assert stance(one(extract("Saudi jets reportedly struck a bus in Saada."), "struck")) == ("reported", None)
    according = one(extract("According to Damascus, Israeli jets hit an airbase near Homs."), "hit")
    assert stance(according) == ("claimed", "SYR")


def test_an_accusation_puts_the_deed_on_the_accused_as_the_accusers_claim() -> None:
    events = extract("Britain accused Russia of poisoning a former spy in Salisbury.")
    assert one(events, "accused")["attribution"]["stance"] == "asserted"
    deed = one(events, "poisoning")
    assert codes(deed["actor"]) == ["RUS"] and stance(deed) == ("claimed", "GBR")


def test_a_denial_links_to_the_claim_it_answers_and_the_claim_keeps_its_claimant() -> None:
    events = extract("Washington accused Tehran of attacking two tankers in the Gulf of Oman.",
                     "Local fishermen were questioned by the coast guard.",
                     "Iran denied the accusation on Friday.")
    claim, denial = one(events, "attacking"), one(events, "denied")
    assert denial["type"] == "REJECT" and denial["attribution"]["denies"] == claim["id"]
    assert codes(denial["recipient"]) == ["USA"]  # the denial answers the claimant
    assert stance(claim) == ("denied", "USA")
    assert [a["code"] for a in claim["attribution"]["denied_by"]] == ["IRN"]


def test_a_denial_answers_the_deed_claimed_before_a_word_claimed_since() -> None:
    events = extract("Washington accused Tehran of attacking two tankers in the Gulf of Oman.",
                     "The envoy said Tehran had ignored the deadline to explain itself.",
                     "Iran denied the accusation on Friday.")
    claim, denial = one(events, "attacking"), one(events, "denied")
    assert denial["attribution"]["denies"] == claim["id"]
    assert one(events, "ignored")["attribution"]["stance"] == "claimed"


def test_a_denial_with_its_own_clause_denies_that_event() -> None:
    deed = one(extract("Ankara denied that its jets had bombed a village in northern Iraq."), "bombed")
    assert deed["attribution"]["stance"] == "denied" and deed["attribution"]["speaker"]["code"] == "TUR"


def test_a_rejection_of_a_proposal_denies_no_claim() -> None:
    events = extract("Russia claimed that rebels shelled a school in Aleppo.", "Syria rejected the ceasefire proposal.")
    assert one(events, "rejected")["attribution"]["denies"] is None
    assert one(events, "shelled")["attribution"]["stance"] == "claimed"


def with_quotes(text: str) -> tuple[list[dict], list]:
    """Events of a one-paragraph article with its quotations found first, as the pipeline does."""
    article = Article(id="a-quote", document_id="d-quote", source="q.txt", evidence_source="q.txt",
                      paragraphs=[Paragraph(text, 1)])
    resolver = Resolver(default_registry())
    quotes = find_quotes(article, ArticleActors(resolver, None).resolve)
    lexicon = load_lexicon()
    [annotated] = annotate([article], lexicon.is_candidate)
    return [e.to_dict() for e in EventExtractor(lexicon, resolver).extract(annotated, quotes)], quotes


def test_an_event_told_in_a_quotation_is_the_speakers_claim() -> None:
    events, quotes = with_quotes("“Rebel fighters shelled the market this morning,” Sergei Lavrov told reporters in Moscow.")
    event = one(events, "shelled")
    assert event["attribution"]["quote_id"] == quotes[0].id
    assert stance(event) == ("claimed", "RUS")


def test_reported_speech_shifts_tenses_back() -> None:
    [veto] = [e for e in extract("Russia said it would veto the draft resolution.") if e["type"] == "REJECT"]
    assert veto["modality"] == "future"
    strike = one(extract("Two officials said a Syrian jet had carried out the strike."), "strike")
    assert strike["modality"] == "actual"  # "had" only because it is reported
    background = one(extract("Kurdish fighters had captured the dam before the talks began."), "captured")
    assert background["modality"] == "historical"


def test_a_warning_is_real_though_what_it_warns_of_is_conditional() -> None:
    events = extract("Haley warned that Washington could strike Syrian bases if the council failed to act.")
    assert one(events, "warned")["modality"] == "actual"
    assert one(events, "strike")["modality"] == "hypothetical"


def test_hedges_make_a_guess() -> None:
    assert one(extract("The Iraqi army will probably recapture Mosul."), "recapture")["modality"] == "hypothetical"
    assert one(extract("Israel is likely to strike Iranian sites in Syria."), "strike")["modality"] == "hypothetical"


def test_whom_a_claim_holds_responsible_did_the_deed() -> None:
    events = extract("London said that Moscow was responsible for the poisoning of a former spy.",
                     "Russia denies any role.")
    deed, denial = one(events, "poisoning"), one(events, "denies")
    assert codes(deed["actor"]) == ["RUS"] and deed["attribution"]["stance"] == "denied"
    assert denial["attribution"]["denies"] == deed["id"]


def test_bringing_down_an_aircraft_is_an_attack_and_a_government_is_not_shot() -> None:
    plane = one(extract("Investigators said a Russian missile brought down the Malaysian airliner."), "brought")
    assert plane["type"] == "ASSAULT" and plane["mode"] == "aerial"
    assert not [e for e in extract("Protests in Kiev brought down the Ukrainian government.") if e["type"] == "ASSAULT"]


def test_a_deed_that_will_bring_something_about_is_foreseen() -> None:
    capture = one(extract("The capture of Raqqa by Kurdish forces will end the jihadists' hold on the Euphrates."),
                  "capture")
    assert capture["modality"] == "hypothetical"
    clash = one(extract("Such steps would risk an armed clash with Russian forces in Syria."), "armed clash")
    assert clash["modality"] == "hypothetical"


def test_reports_that_circulate_or_appear_are_reported() -> None:
    circulating = one(extract("Reports have been circulating that the US is withdrawing its troops from Tanf."),
                      "withdrawing")
    assert circulating["attribution"]["stance"] == "reported"
    appeared = one(extract("Reports have appeared of an attack on a Red Crescent convoy near Aleppo."), "attack")
    assert appeared["attribution"]["stance"] == "reported"


def test_a_paper_is_the_press_and_a_ministry_a_party() -> None:
    paper = one(extract("According to the Post piece, Kerry hopes to seal a ceasefire with Russia."), "ceasefire")
    assert paper["attribution"]["stance"] == "reported"
    ministry = one(extract("According to the Russian defence ministry, Syrian jets struck a rebel depot."), "struck")
    assert stance(ministry) == ("claimed", "RUS")


def test_a_quotation_of_its_own_actor_performs_a_verbal_act() -> None:
    events, quotes = with_quotes("Sergei Shoigu told reporters in Moscow: “The Israeli military broke our "
                                 "partnership, so we reserve the right to respond.”")
    [threat] = [e for e in events if e["type"] == "THREATEN"]
    assert threat["attribution"]["stance"] == "asserted" and threat["attribution"]["quote_id"] == quotes[0].id


def test_a_verbal_act_reported_from_its_own_actor_is_done_not_claimed() -> None:
    threat = one(extract("Shoigu said Russia reserved the right to respond to the Israeli strike."), "reserved")
    assert threat["type"] == "THREATEN" and threat["attribution"]["stance"] == "asserted"
    claim = one(extract("Shoigu said Israeli jets struck a Syrian depot near Latakia."), "struck")
    assert claim["attribution"]["stance"] == "claimed"


def test_conditions_wishes_and_modal_heads_make_a_deed_hypothetical() -> None:
    condition = one(extract("If Washington withdraws its troops from Syria, Iran will gain ground."), "withdraws")
    assert condition["modality"] == "hypothetical"
    wish = one(extract("Kerry hopes to seal a ceasefire with Russia in Aleppo."), "ceasefire")
    assert wish["modality"] == "hypothetical"
    modal = one(extract("The Syrian army may try to retake Palmyra from ISIS."), "retake")
    assert modal["modality"] == "hypothetical"
    surrender = one(extract("Their surrender to the Syrian army would be negotiated quickly."), "surrender")
    assert surrender["modality"] == "hypothetical"
    done = one(extract("The Syrian army tried to retake Palmyra from ISIS."), "retake")
    assert done["modality"] == "actual"
    weighed = one(extract("France is considering withdrawing its troops from Mali."), "withdrawing")
    assert weighed["modality"] == "hypothetical"
    option = one(extract("Aides said the options included air strikes on Houthi ports."), "air strikes")
    assert option["modality"] == "hypothetical"
    possible = one(extract("Nobody ruled out the possibility of a withdrawal from Kabul."), "withdrawal")
    assert possible["modality"] == "hypothetical"
    tried = one(extract("Russia will try to retake Palmyra."), "retake")
    assert tried["modality"] == "future"
    assert one(extract("Russia tried to retake Palmyra."), "retake")["modality"] == "actual"


def test_a_guess_reaches_down_its_sentence_but_not_into_names_or_attributions() -> None:
    deep = one(extract("I still think it is unlikely that Paris is prepared to defy Berlin by imposing "
                       "an embargo on the region."), "embargo")
    assert deep["modality"] == "hypothetical"
    object_of_may = one(extract("Lifting the blockade may give the militias time to regroup and mount a "
                                "counteroffensive."), "counteroffensive")
    assert object_of_may["modality"] == "hypothetical"
    named_may = one(extract("When no reply came, May expelled twenty Russian diplomats."), "expelled")
    assert named_may["modality"] == "actual"
    whose = one(extract("The minister said it was highly likely Iran was behind the attack on the tanker."), "attack")
    assert whose["modality"] == "actual"  # the guess is who did it, not whether it happened
    conditions = one(extract("Ankara could create the conditions for a Turkish blockade of the port."), "blockade")
    assert conditions["modality"] == "hypothetical"
    asked = one(extract("The talks will show whether the militias agree to withdraw from the capital."), "agree")
    assert asked["modality"] == "hypothetical"  # asked, not told
    reading = one(extract("Kiev recalled its envoy in what looks like a protest against Moscow."), "protest")
    assert reading["modality"] == "hypothetical"  # the author's reading of the recall


def test_an_aside_set_off_by_commas_is_the_writers_background_not_the_speakers_claim() -> None:
    aside = extract("Nairobi said Somali troops, who withdrew from Gedo in 2019, attacked a police post near Mandera.")
    assert one(aside, "withdrew")["attribution"]["stance"] == "asserted"
    assert one(aside, "attacked")["attribution"]["stance"] == "claimed"
    restrictive = extract("Nairobi said Somali troops who withdrew from Gedo attacked a police post near Mandera.")
    assert one(restrictive, "withdrew")["attribution"]["stance"] == "claimed"  # part of what is said


def test_a_denial_that_tells_its_deed_denies_that_deed_and_leaves_earlier_claims_alone() -> None:
    events = extract("Washington said Iranian boats had attacked two tankers near Fujairah.",
                     "Tehran denied that its navy attacked any ship in the Gulf of Oman.")
    [earlier, told] = [e for e in events if e["trigger"] == "attacked"]
    denial = one(events, "denied")
    assert denial["attribution"]["denies"] == told["id"] and told["attribution"]["stance"] == "denied"
    assert earlier["attribution"]["stance"] == "claimed"


def test_an_as_clause_frames_its_sentence_and_reports_that_begin_to_circulate_are_reported() -> None:
    minister = one(extract("As the minister said, Turkish jets struck the camp."), "struck")
    assert minister["attribution"]["stance"] == "claimed"
    columnist = one(extract("As one Guardian columnist pointed out, the protest organizers managed to pressure "
                            "Macron into concessions."), "pressure")
    assert columnist["attribution"]["stance"] == "reported"
    circulating = one(extract("Rumours soon began to spread through Beirut that the rebels would withdraw "
                              "from Aleppo."), "withdraw")
    assert circulating["attribution"]["stance"] == "reported"


def test_asking_if_is_a_question_and_a_past_wish_is_no_guess() -> None:
    ask = one(extract("Yeltsin asked Clinton if he could raise the size of the IMF loan."), "asked")
    assert ask["modality"] == "actual"
    wanted = one(extract("Yeltsin wanted to reassure Clinton about Putin."), "reassure")
    assert wanted["modality"] != "hypothetical"


def test_a_denial_answers_the_accusation_against_the_denier_before_an_older_claim() -> None:
    events = extract("Pence told reporters that Turkey would halt the fighting once a ceasefire was in place.",
                     "The Kurdish administration accused Turkey of using white phosphorus against civilians.",
                     "Turkey's defence ministry denied the allegation.")
    accusation, denial = one(events, "accused"), one(events, "denied")
    assert denial["attribution"]["denies"] == accusation["id"]
    assert accusation["attribution"]["stance"] == "asserted"  # the accusation was made; its content is denied
    assert [a["code"] for a in accusation["attribution"]["denied_by"]] == ["TUR"]
    assert one(events, "fighting")["attribution"]["stance"] == "claimed"
