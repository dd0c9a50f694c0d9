"""Event extraction over real spaCy parses of sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.actors import Resolver, default_registry
from eventwire.events import EventExtractor, load_lexicon
from eventwire.model import Article, Paragraph
from eventwire.nlp import annotate, load_pipeline

pytestmark = pytest.mark.slow


def extract(*paragraphs: str, published: str | None = None) -> list[dict]:
    article = Article(id="a-test", document_id="d-test", source="test.txt", evidence_source="test.txt",
                      paragraphs=[Paragraph(text, line) for line, text in enumerate(paragraphs, start=1)],
                      published=published, published_precision="day" if published else None)
    lexicon = load_lexicon()
    [annotated] = annotate([article], lexicon.is_candidate)
    return [e.to_dict() for e in EventExtractor(lexicon, Resolver(default_registry())).extract(annotated)]


def codes(participants: list[dict]) -> list[str | None]:
    return [p["code"] for p in participants]


def only(events: list[dict], type_: str) -> dict:
    matching = [e for e in events if e["type"] == type_]
    assert len(matching) == 1, events
    return matching[0]


def test_active_verb_subject_and_object() -> None:
    event = only(extract("The US air force attacked Syrian army positions near Deir ez-Zor."), "ASSAULT")
    assert event["actor"][0]["code"] == "USA" and event["actor"][0]["sector"] == "MIL"
    assert event["recipient"][0]["code"] == "SYR" and event["recipient"][0]["sector"] == "MIL"


def test_passive_is_never_swapped() -> None:
    event = only(extract("The aid convoy was attacked by Russian aircraft west of Aleppo."), "ASSAULT")
    assert codes(event["actor"]) == ["RUS"]
    assert event["recipient"][0]["text"] == "The aid convoy"


def test_coordinated_subjects_are_all_actors() -> None:
    event = only(extract("Russia and Syria rejected the American proposal."), "REJECT")
    assert codes(event["actor"]) == ["RUS", "SYR"]


def test_metonyms_resolve_to_state_organs() -> None:
    event = only(extract("The Kremlin condemned the strike on the airbase."), "ACCUSE")
    assert event["actor"][0]["code"] == "RUS" and event["actor"][0]["sector"] == "GOV"


def test_light_verb_with_nominal_trigger() -> None:
    event = only(extract("Syrian government forces launched an offensive against rebels in eastern Aleppo."), "ASSAULT")
    assert codes(event["actor"]) == ["SYR"]
    assert event["recipient"][0]["sector"] == "REB"
    assert event["trigger"] == "offensive"


def test_possessive_nominal_trigger() -> None:
    event = only(extract("Turkey's offensive on Afrin entered its second week."), "ASSAULT")
    assert codes(event["actor"]) == ["TUR"]


def test_evidence_is_the_sentence_with_offsets() -> None:
    text = "Talks stalled again. Iran threatened to close the Strait of Hormuz."
    event = only(extract(text), "THREATEN")
    evidence = event["evidence"]
    assert evidence["text"] == "Iran threatened to close the Strait of Hormuz."
    assert text[evidence["start"]:evidence["end"]] == evidence["text"]
    assert evidence["line"] == 1 and evidence["source"] == "test.txt"


def test_no_actor_is_stitched_across_sentences() -> None:
    events = extract("Russia sent more jets to the region. The convoy was attacked on Monday.")
    assault = [e for e in events if e["type"] == "ASSAULT"]
    assert all(codes(e["actor"]) != ["RUS"] for e in assault)


def test_sentences_without_triggers_yield_nothing() -> None:
    assert extract("The weather in Geneva was mild and the lake was calm.") == []


def test_negation_and_future_modality() -> None:
    negated = only(extract("Russia did not attack the convoy."), "ASSAULT")
    assert negated["modality"] == "negated"
    future = only(extract("Britain will expel twenty-three Russian diplomats."), "SANCTION")
    assert future["modality"] == "future"


def test_reported_speech_carries_attribution() -> None:
    event = only(extract("Lavrov said that American jets bombed the bridge."), "ASSAULT")
    assert codes(event["actor"]) == ["USA"]
    assert event["attribution"]["stance"] == "claimed"  # a party's word (tests/events/test_attribution.py)
    assert event["attribution"]["speaker"]["code"] == "RUS"


def test_recipient_in_the_clause_the_verb_governs_and_no_dates_as_parties() -> None:
    event = only(extract("Poland on Tuesday demanded that Moscow apologise for the massacre."), "REQUEST")
    assert codes(event["actor"]) == ["POL"] and codes(event["recipient"]) == ["RUS"]
    event = only(extract("Iran threatened to cut diplomatic ties with Iraq."), "THREATEN")
    assert codes(event["actor"]) == ["IRN"] and codes(event["recipient"]) == ["IRQ"]


def test_reported_it_is_the_speaker_and_coordinated_adjectives_are_two_actors() -> None:
    event = only(extract("Switzerland said it had expelled two Russian diplomats for spying."), "SANCTION")
    assert codes(event["actor"]) == ["CHE"] and codes(event["recipient"]) == ["RUS"]
    event = only(extract("Senior Hungarian and Romanian officials condemned the closure of the border crossing."), "ACCUSE")
    assert sorted(codes(event["actor"])) == ["HUN", "ROU"]


def test_a_title_resolves_to_who_held_it_on_the_article_date() -> None:
    text = "The Russian foreign minister accused Washington of shielding the militants."
    event = only(extract(text, published="2016-10-01"), "ACCUSE")
    assert event["actor"][0]["actor_id"] == "lavrov" and codes(event["recipient"]) == ["USA"]
    assert only(extract(text), "ACCUSE")["actor"][0]["actor_id"] == "RUS-GOV"  # no date: the office only


def test_an_announced_deed_is_also_a_pledge_or_a_threat() -> None:
    events = extract("Israel announced that it will withdraw its troops from the border villages.")
    deed, pledge = only(events, "RETREAT"), only(events, "AGREE")
    assert deed["modality"] == "future" and pledge["modality"] == "actual"
    assert codes(pledge["actor"]) == ["ISR"]
    threat = only(extract("Turkey said it would expel the Dutch ambassador."), "THREATEN")
    assert codes(threat["actor"]) == ["TUR"] and threat["mode"] == "relations"
    assert all(e["type"] != "AGREE" for e in extract("Israel withdrew its troops from the border villages."))


def test_common_verbs_trigger_only_with_their_object() -> None:
    events = extract("The Egyptian government lifted the curfew in Cairo on Monday.")
    concession = only(events, "CONCEDE")
    assert codes(concession["actor"]) == ["EGY"] and concession["trigger"] == "lifted"
    assert not [e for e in events if e["type"] == "COERCE"]  # the curfew lifted is no curfew imposed
    assert extract("The crane lifted the container onto the ship in Piraeus.") == []


def test_recipient_from_indirect_object_or_to_phrase() -> None:
    given = only(extract("Japan gave Kenya a loan of 40 million dollars for its railway."), "AID")
    assert codes(given["actor"]) == ["JPN"] and codes(given["recipient"]) == ["KEN"]
    shared = only(extract("Jordan shared intelligence with Iraq about the smuggling routes."), "COOPERATE")
    assert codes(shared["recipient"]) == ["IRQ"]


def test_protest_is_aimed_at_the_state_where_it_happens() -> None:
    event = only(extract("Thousands of Chilean students demonstrated in Santiago and across Chile on Friday."), "PROTEST")
    assert codes(event["recipient"]) == ["CHL"]


def test_typographic_apostrophe_parses_as_a_possessive_and_evidence_keeps_it() -> None:
    events = extract("After the Turkish army\u2019s capture of the border town, the fighting moved south.")
    [event] = [e for e in events if e["trigger"] == "capture"]
    assert codes(event["actor"]) == ["TUR"]
    assert "\u2019" in event["evidence"]["text"]


def test_of_phrase_of_a_noun_trigger_is_patient_or_agent_by_type() -> None:
    capture = only(extract("The Iraqi army completed the capture of Kurdish positions near Kirkuk."), "ASSAULT")
    assert codes(capture["actor"]) == ["IRQ"]
    assert capture["recipient"][0]["text"] == "Kurdish positions"
    withdrawal = only(extract("Observers confirmed the withdrawal of Russian troops from the border."), "RETREAT")
    assert codes(withdrawal["actor"]) == ["RUS"]


def test_complement_and_gerund_subjects() -> None:
    plea = only(extract("The former Serbian police chief pleaded guilty before the tribunal in The Hague."), "CONCEDE")
    assert codes(plea["actor"]) == ["SRB"]
    offensive = only(extract("Yemeni rebels tried to break the siege by launching an offensive on Marib."), "ASSAULT")
    assert codes(offensive["actor"]) == ["YEM"]


def test_a_participle_telling_who_backs_whom_is_no_support_event() -> None:
    events = extract("Turkish troops backed by Qatari drones shelled the town of Tal Abyad.")
    assert [e["type"] for e in events] == ["ASSAULT"]


def test_a_threat_is_aimed_at_whoever_its_condition_names() -> None:
    events = extract("Iran threatened to close the Strait of Hormuz if the United States imposed new sanctions.")
    assert codes(only(events, "THREATEN")["recipient"]) == ["USA"]
    pledge = extract("Egypt said it would expel the ambassador unless Turkey apologised.")
    assert codes(only(pledge, "THREATEN")["recipient"]) == ["TUR"]


def test_what_a_speaker_says_another_must_do_is_a_demand() -> None:
    demand = only(extract("Poland said Belarus must stop sending migrants to the border."), "REQUEST")
    assert codes(demand["actor"]) == ["POL"] and codes(demand["recipient"]) == ["BLR"]


def test_a_deed_announced_unless_another_party_acts_is_a_threat() -> None:
    events = extract("Ghana announced that it will withdraw its peacekeepers from Mali unless the junta holds elections.")
    assert "THREATEN" in [e["type"] for e in events] and "AGREE" not in [e["type"] for e in events]


def test_an_attack_is_an_event_even_when_no_party_is_named() -> None:
    events = extract("Reports emerged on Tuesday of an attack on a fuel convoy near Kandahar.")
    assert [e["type"] for e in events] == ["ASSAULT"] and events[0]["actor"] == []
    assert extract("Reports emerged on Tuesday of a meeting near Kandahar.") == []


def test_a_pledge_needs_someone_to_say_it_the_authors_will_is_a_forecast() -> None:
    said = extract("Russia said it will withdraw its troops from the Armenian border.")
    assert sorted(e["type"] for e in said) == ["AGREE", "RETREAT"]
    forecast = extract("In my view Russia will withdraw its troops from the Armenian border by spring.")
    assert [e["type"] for e in forecast] == ["RETREAT"] and forecast[0]["modality"] == "future"
    other = extract("Armenia said Russia will withdraw its troops from the border.")
    assert [e["type"] for e in other] == ["RETREAT"]  # no pledge of Russia's on Armenia's word


def test_a_deed_prepared_or_planned_is_still_to_come() -> None:
    prepared = only(extract("Tehran was preparing to deliver drones to the Houthis."), "AID")
    assert prepared["modality"] == "future"
    planned = only(extract("The plan for the militias to withdraw from Tripoli collapsed."), "RETREAT")
    assert planned["modality"] == "future"
    decided = only(extract("Washington's decision to withdraw its troops from Niger surprised Paris."), "RETREAT")
    assert decided["modality"] == "future"
    due = only(extract("Erdogan is due to meet Putin in Sochi next week."), "CONSULT")
    assert due["modality"] == "future"


def test_light_verb_reaches_a_noun_trigger_through_a_measure() -> None:
    event = only(extract("Norway gave Malawi 12 million dollars of food aid after the floods."), "AID")
    assert codes(event["actor"]) == ["NOR"] and codes(event["recipient"]) == ["MWI"]


def test_an_adjective_of_readiness_passes_its_subject_on() -> None:
    events = extract("The Sudanese government said it is prepared to lift the ban on opposition parties.")
    assert codes(only(events, "CONCEDE")["actor"]) == ["SDN"] and "AGREE" in [e["type"] for e in events]


def test_a_statement_demanding_something_speaks_for_whoever_issued_it() -> None:
    event = only(extract("The Kenyan government issued a statement demanding that Somalia release the fishermen."), "REQUEST")
    assert codes(event["actor"]) == ["KEN"] and codes(event["recipient"]) == ["SOM"]


def test_a_withdrawal_is_from_the_state_named_not_from_its_own_troops() -> None:
    event = only(extract("Armenia withdrew its troops from Azerbaijan last spring."), "RETREAT")
    assert codes(event["actor"]) == ["ARM"] and codes(event["recipient"]) == ["AZE"]


def test_phrases_that_hold_a_trigger_but_name_no_event() -> None:
    assert extract("The Ohio senator faces a sexual assault lawsuit from a former aide.") == []


def test_asking_is_a_request_only_with_something_asked_for() -> None:
    assert extract("Yeltsin asked Clinton.") == []
    event = only(extract("Yeltsin asked President Clinton to delay the NATO expansion."), "REQUEST")
    assert codes(event["actor"]) == ["RUS"] and codes(event["recipient"]) == ["USA"]


def test_a_noun_and_the_verb_that_tells_it_are_one_event() -> None:
    events = extract("The truce agreed by Armenia and Azerbaijan held through the night.")
    [truce] = events
    assert truce["trigger"] == "truce" and codes(truce["actor"]) == ["ARM"] and codes(truce["recipient"]) == ["AZE"]
    passive = extract("A ceasefire between Armenia and Azerbaijan was agreed in Moscow on Saturday.")
    assert [e["trigger"] for e in passive] == ["ceasefire"]


def test_a_state_described_by_a_participle_is_its_actor_not_its_target() -> None:
    event = only(extract("Officials said Ghana is committed to the peace plan for Mali."), "AGREE")
    assert codes(event["actor"]) == ["GHA"] and "GHA" not in codes(event["recipient"])


def test_a_claim_about_another_party_is_an_allegation_against_it() -> None:
    events = extract("Georgia insists that the shelling was carried out by Russian troops.")
    claim = only(events, "ACCUSE")
    assert codes(claim["actor"]) == ["GEO"] and codes(claim["recipient"]) == ["RUS"]
    shelling = only(events, "ASSAULT")  # "was carried out by": the light verb's agent acted
    assert codes(shelling["actor"]) == ["RUS"] and shelling["attribution"]["stance"] == "claimed"
    assert [e for e in extract("The minister insisted that the economy was doing well.") if e["type"] == "ACCUSE"] == []


def test_a_possessive_pronoun_stands_for_the_subject_or_the_speaker() -> None:
    event = only(extract("Eritrean officials said their forces had completed the withdrawal from the border town."), "RETREAT")
    assert codes(event["actor"]) == ["ERI"] and event["actor"][0]["sector"] == "MIL"


def test_a_demand_noun_is_aimed_at_the_subject_of_its_that_clause() -> None:
    event = only(extract("The ILO repeated its demand that Qatar end the kafala system."), "REQUEST")
    assert codes(event["actor"]) == ["UNO"] and codes(event["recipient"]) == ["QAT"]


def test_a_call_taken_from_someone_and_calls_sharing_a_between_phrase() -> None:
    call = only(extract("Late that night Boris Yeltsin took a phone call from Bill Clinton at his dacha."), "CONSULT")
    assert codes(call["actor"]) == ["USA"] and codes(call["recipient"]) == ["RUS"]
    events = extract("The archive holds letters and phone calls between Helmut Kohl and Mikhail Gorbachev.")
    [calls] = [e for e in events if e["trigger"] == "phone calls"]
    assert set(codes(calls["actor"]) + codes(calls["recipient"])) == {"DEU", "RUS"}


def test_parties_named_together_on_a_reciprocal_type_are_one_side_each() -> None:
    talks = only(extract("Talks between Ethiopia and Egypt on the dam resumed in Cairo."), "CONSULT")
    assert codes(talks["actor"]) == ["ETH"] and codes(talks["recipient"])[0] == "EGY"
    met = only(extract("Modi and Putin met briefly in the morning."), "CONSULT")
    assert codes(met["actor"]) == ["IND"] and codes(met["recipient"]) == ["RUS"]
    rejected = only(extract("India and Pakistan rejected the mediation offer."), "REJECT")  # not reciprocal
    assert codes(rejected["actor"]) == ["IND", "PAK"] and not any(codes(rejected["recipient"]))


def test_a_refusal_and_the_deed_it_declines_are_one_rejection() -> None:
    events = extract("Hungary refused to lift its veto on the sanctions package.")
    assert only(events, "REJECT")["actor"][0]["code"] == "HUN"
    reluctant = extract("Moscow is reluctant to sign any deal with the outgoing US administration.")
    assert [e["type"] for e in reluctant] == ["REJECT"]
    assert codes(reluctant[0]["actor"]) == ["RUS"] and reluctant[0]["trigger"] == "reluctant"
    failed = extract("Serbia failed to reach an agreement with Kosovo on the border.")
    assert [(e["type"], e["trigger"]) for e in failed] == [("REJECT", "agreement")]  # "fail" tells no event itself


def test_speculation_conditions_and_past_perfect_set_modality() -> None:
    guess = only(extract("I suspect the Iraqi army will recapture Mosul within weeks."), "ASSAULT")
    assert guess["modality"] == "hypothetical"
    background = only(extract("Kurdish fighters had captured the dam before the talks began."), "ASSAULT")
    assert background["modality"] == "historical"


def test_an_open_assault_mode_comes_from_the_weapon_its_clause_names() -> None:
    event = only(extract("Taliban gunmen killed four Afghan police officers in a bomb attack near Kunduz."), "ASSAULT")
    assert event["mode"] == "explosives"


def test_an_agreement_refused_is_a_rejection_and_object_compounds_count() -> None:
    refusal = extract("Serbia did not accept the proposal from Brussels.")
    assert [e["type"] for e in refusal] == ["REJECT"] and refusal[0]["modality"] == "actual"
    ended = extract("Algerian officials ended mediation efforts between the two Malian factions.")
    assert [e["type"] for e in ended] == ["SANCTION"]


def test_is_opposed_to_tells_the_subjects_stance() -> None:
    event = only(extract("Poland is opposed to the new German pipeline plan."), "REJECT")
    assert codes(event["actor"]) == ["POL"]


def test_an_authority_letting_its_people_act_concedes_but_not_to_another_state() -> None:
    event = only(extract("Kenya's Supreme Court allowed opposition leader Raila Odinga to run in the new election."), "CONCEDE")
    assert codes(event["actor"]) == ["KEN"]
    assert not [e for e in extract("The Turkish government allowed Russia to use the base.") if e["type"] == "CONCEDE"]


def test_a_ceasefire_is_typed_by_the_verb_that_carries_it() -> None:
    assert [e["type"] for e in extract("The Houthis declared a ceasefire in Hodeidah on Monday.")] == ["CONCEDE"]
    assert [e["type"] for e in extract("Both Yemeni sides observed the truce in Hodeidah.")] == ["RETREAT"]
    assert [e["type"] for e in extract("The Houthis and Saudi Arabia agreed a ceasefire in Hodeidah.")] == ["AGREE"]


def test_a_group_placed_in_a_region_gets_the_regions_state() -> None:
    event = only(extract("Government troops shelled rebels in southern Idlib overnight."), "ASSAULT")
    assert (event["recipient"][0]["code"], event["recipient"][0]["sector"]) == ("SYR", "REB")


def test_idioms_and_denied_nouns_are_no_rejections() -> None:
    events = extract("Israel struck the depot itself, as opposed to asking NATO for help.")
    assert "ASSAULT" in [e["type"] for e in events] and "REJECT" not in [e["type"] for e in events]
    no_deal = only(extract("I assume no agreement made by Russia holds until Moscow confirms it."), "AGREE")
    assert no_deal["modality"] == "negated"


def test_i_in_a_quotation_is_its_speaker() -> None:
    events = extract("\u201cI demanded that Serbia withdraw its police,\u201d the Croatian president told reporters.")
    demand = only(events, "REQUEST")
    assert codes(demand["actor"]) == ["HRV"] and codes(demand["recipient"]) == ["SRB"]


def test_a_noun_trigger_the_tagger_took_for_an_adjective() -> None:
    text = "Kenyan troops launched a fresh offensive further inland on Friday."
    assert [t.pos_ for t in load_pipeline()(text) if t.text == "offensive"] == ["ADJ"]  # the tagger's error
    event = only(extract(text), "ASSAULT")
    assert codes(event["actor"]) == ["KEN"] and event["trigger"] == "offensive"
    assert [e for e in extract("The minister called the remarks offensive.") if e["type"] == "ASSAULT"] == []


def test_declining_or_failing_a_cooperative_deed_is_a_rejection() -> None:
    assert [e["type"] for e in extract("Moldova's prime minister declined to resign after the vote.")] == ["REJECT"]
    failed = extract("Armenia and Azerbaijan failed to reach agreement on the corridor in Moscow.")
    assert [e["type"] for e in failed] == ["REJECT"]


def test_withdrawing_monitors_is_a_sanction_and_announcing_it_a_threat() -> None:
    events = extract("The OSCE said it will withdraw its monitors from Georgia.")
    assert {"SANCTION", "THREATEN"} <= {e["type"] for e in events} and "RETREAT" not in [e["type"] for e in events]


def test_manoeuvres_of_several_states_are_cooperation_and_crowds_are_what_they_count() -> None:
    games = only(extract("Greek and Egyptian warships launched ten days of naval drills off Crete."), "COOPERATE")
    assert codes(games["actor"]) == ["GRC"] and codes(games["recipient"]) == ["EGY"] and games["trigger"] == "naval drills"
    protest = only(extract("Tens of thousands of Chilean students marched through Santiago on Friday."), "PROTEST")
    assert codes(protest["actor"]) == ["CHL"]


def test_a_noun_pointing_back_is_the_event_already_told() -> None:
    events = extract("Rebel brigades launched an offensive on Hama in late August.",
                     "By October this offensive had stalled north of the city, and their offensive was over.")
    assert [e["trigger"] for e in events if e["type"] == "ASSAULT"] == ["offensive"]
    assert [e for e in events if e["type"] == "ASSAULT"][0]["evidence"]["line"] == 1


def test_a_new_offensive_with_an_article_is_a_new_event() -> None:
    events = extract("Rebel brigades launched an offensive on Hama in August.",
                     "In October the Syrian army began an offensive against the rebels near Idlib.")
    assert [e["evidence"]["line"] for e in events if e["type"] == "ASSAULT"] == [1, 2]


def test_a_verb_tagged_as_a_noun_still_triggers() -> None:
    events = extract("The retreat allowed an Iraqi border post to be overrun by ISIS fighters near Qaim.")
    [event] = [e for e in events if e["trigger"] == "overrun"]
    assert event["type"] == "ASSAULT" and event["actor"][0]["text"] == "ISIS fighters"
    assert codes(event["recipient"]) == ["IRQ"]  # passive by its auxiliary, though parsed as nsubj


def test_a_group_acted_on_by_a_state_is_that_states() -> None:
    event = only(extract("The Kenyan police arrested dozens of opposition supporters in Nairobi on Friday."), "COERCE")
    assert codes(event["recipient"]) == ["KEN"] and event["recipient"][0]["sector"] is not None


def test_a_group_acted_on_by_another_states_army_stays_uncoded() -> None:
    events = extract("Two Kenyan soldiers and a Somali soldier arrested opposition supporters.")
    assert all(r["code"] is None for e in events for r in e["recipient"])


def test_a_protest_aimed_at_no_one_is_aimed_at_home() -> None:
    event = only(extract("Thousands of Algerian teachers staged a hunger strike over unpaid wages."), "PROTEST")
    assert codes(event["recipient"]) == ["DZA"]


def test_whose_offer_or_demand_is_answered_is_the_recipient() -> None:
    rejected = only(extract("Pakistan's president rejected a new offer from Afghanistan for direct talks."), "REJECT")
    assert codes(rejected["recipient"]) == ["AFG"]
    seized = only(extract("Nigerian troops seized weapons from Boko Haram fighters near Maiduguri."), "COERCE")
    assert seized["recipient"][0]["sector"] == "REB"


def test_a_group_of_no_state_acting_on_a_government_is_that_states() -> None:
    demand = only(extract("Hutu rebels demanded that the government of Burundi release their leaders."), "REQUEST")
    assert codes(demand["actor"]) == ["BDI"] and demand["actor"][0]["sector"] == "REB"
    abroad = only(extract("Jihadist fighters attacked French troops near Gao."), "ASSAULT")
    assert codes(abroad["actor"]) == [None]  # an army may be abroad: its state is not the attackers'


def test_protesters_of_no_state_are_of_the_state_where_they_protest() -> None:
    marched = only(extract("Hundreds of demonstrators marched in Lusaka."), "PROTEST")
    assert codes(marched["actor"]) == ["ZMB"]
    across = only(extract("Students across Ghana staged demonstrations over fees."), "PROTEST")
    assert codes(across["actor"]) == ["GHA"]


def test_a_states_own_coercion_with_no_one_else_named_is_done_at_home() -> None:
    curfew = only(extract("The Malian government imposed a curfew on the capital."), "COERCE")
    assert codes(curfew["recipient"]) == ["MLI"]
    abroad = only(extract("Chadian police arrested two Sudanese traders at the border."), "COERCE")
    assert codes(abroad["recipient"]) == ["SDN"]  # a party named is the recipient


def test_a_possessive_pronoun_on_the_trigger_stands_for_the_clauses_subject() -> None:
    events = extract("The Tuareg rebels insisted on their demands that Mali's government release the prisoners.")
    [demands] = [e for e in events if e["trigger"] == "demands"]
    assert codes(demands["actor"]) == ["MLI"] and demands["actor"][0]["sector"] == "REB"


def test_a_name_the_registry_does_not_know_takes_the_state_its_apposition_gives() -> None:
    events = extract("Ali Benhadj, Algeria's best-known opposition figure, began a hunger strike in prison.")
    strike = only(events, "PROTEST")
    assert codes(strike["actor"]) == ["DZA"]


def test_a_protest_is_aimed_at_whom_its_purpose_demands_of() -> None:
    events = extract("Striking miners began a hunger strike to demand the resignation of Bolivia's mining minister.")
    strike = next(e for e in events if e["type"] == "PROTEST")
    assert codes(strike["recipient"]) == ["BOL"]


def test_coordinated_parties_inside_a_phrase_are_all_recipients() -> None:
    event = only(extract("Nordic ministers agreed to provide emergency aid for Latvia and Estonia."), "AGREE")
    assert sorted(codes(event["recipient"])) == ["EST", "LVA"]


def test_a_light_verbs_against_or_on_phrase_is_the_nouns_recipient() -> None:
    event = only(extract("A judge in Lima opened fraud investigations against four Peruvian ministers."), "ACCUSE")
    assert codes(event["recipient"]) == ["PER"]


def test_a_list_of_weapons_shares_its_light_verb_and_a_protests_participants_act_during_it() -> None:
    fire = next(e for e in extract("Ethiopian forces launched artillery and rocket fire against Eritrean positions.")
                if e["trigger"] == "rocket fire")
    assert codes(fire["actor"]) == ["ETH"]
    stones = only(extract("Kurdish youths took to throwing stones during demonstrations in Diyarbakir."), "PROTEST")
    assert stones["actor"] and stones["actor"][0]["text"] == "Kurdish youths"


def test_who_is_engaged_in_a_deed_does_it() -> None:
    event = only(extract("Sudanese militias were engaged in ethnic cleansing in Darfur."), "ASSAULT")
    assert codes(event["actor"]) == ["SDN"]


def test_a_noun_or_an_infinitive_shares_the_tense_of_the_verb_that_governs_it() -> None:
    def past(text: str, trigger: str) -> bool:
        article = Article(id="a-t", document_id="d-t", source="t.txt", paragraphs=[Paragraph(text, 1)])
        lexicon = load_lexicon()
        [annotated] = annotate([article], lexicon.is_candidate)
        events = EventExtractor(lexicon, Resolver(default_registry())).extract(annotated)
        return next(e for e in events if e.trigger == trigger).past

    assert past("The rebels tried to exploit the truce by launching offensives on Hama.", "offensives")
    assert not past("The rebels are trying to exploit the truce by launching offensives on Hama.", "offensives")


def test_calling_a_named_party_is_a_phone_call_and_calling_it_names_is_not() -> None:
    call = only(extract("President Ruto called Ethiopian Prime Minister Abiy Ahmed late on Sunday."), "CONSULT")
    assert codes(call["recipient"]) == ["ETH"] and call["mode"] == "phone"
    assert codes(call["actor"]) == [None]  # a head of state the registry does not know is not the callee's
    assert [e for e in extract("The senator called Ahmed a liar.") if e["type"] == "CONSULT"] == []
    phone = extract("Late that night Erdogan called Putin on a secure phone.")
    assert [e["type"] for e in phone] == ["CONSULT"]  # the means of the call, not "call on"
    assert [e["type"] for e in extract("The African Union called on Ethiopia to withdraw its troops.")][0] == "REQUEST"


def test_a_go_between_acts_on_both_parties_it_mediates_between() -> None:
    noun = only(extract("Norway launched a mediation effort between Colombia and Venezuela."), "CONSULT")
    assert codes(noun["actor"]) == ["NOR"] and sorted(codes(noun["recipient"])) == ["COL", "VEN"]
    verb = only(extract("Kenya mediated between Ethiopia and Eritrea last year."), "CONSULT")
    assert codes(verb["actor"]) == ["KEN"] and sorted(codes(verb["recipient"])) == ["ERI", "ETH"]


def test_a_demand_hung_on_its_verb_still_takes_the_party_its_clause_names() -> None:
    event = only(extract("The African Union repeated its demand on Monday that Sudan open the border."), "REQUEST")
    assert codes(event["recipient"]) == ["SDN"]


def test_whom_a_purpose_is_against_receives_the_deed() -> None:
    event = only(extract("Greece mobilized its reservists for a possible conflict against Turkey."), "MOBILIZE")
    assert codes(event["recipient"]) == ["TUR"]


def test_the_place_a_force_withdraws_from_is_not_the_forces_state() -> None:
    event = only(extract("Washington slowed the withdrawal of some combat units from Somalia."), "RETREAT")
    assert codes(event["recipient"]) == ["SOM"] and "SOM" not in codes(event["actor"])


def test_counted_lists_and_coordinated_nmods_give_one_recipient_per_state() -> None:
    event = only(extract("Police in Ghana tortured hundreds of Togolese and Nigerians."), "ASSAULT")
    assert sorted(codes(event["recipient"])) == ["NGA", "TGO"]
    demand = only(extract("The Red Crescent said US and French forces must protect the clinics."), "REQUEST")
    assert sorted(codes(demand["recipient"])) == ["FRA", "USA"]


def test_whom_a_refusal_would_have_let_act_receives_it() -> None:
    event = only(extract("The junta refused to allow African Union monitors to enter the capital."), "REJECT")
    assert [r["name"] for r in event["recipient"]] == ["African Union"]


def test_what_a_state_withdraws_its_monitors_from_is_sanctioned() -> None:
    events = extract("Ecuador will withdraw its observers from Venezuela next month.")
    assert codes(only(events, "SANCTION")["recipient"]) == ["VEN"]


def test_in_protest_tells_why_another_deed_was_done_and_what_is_protested_receives_it() -> None:
    events = extract("Teachers went on a hunger strike in protest of the Kenyan government's pay freeze.")
    [protest] = [e for e in events if e["type"] == "PROTEST"]
    assert protest["trigger"] == "hunger strike" and codes(protest["recipient"]) == ["KEN"]


def test_a_complaint_is_aimed_at_what_it_is_about_not_at_whom_it_is_made_to() -> None:
    event = only(extract("Cyprus complained to the European Union over Turkish drilling."), "ACCUSE")
    assert codes(event["recipient"]) == ["TUR"]
    told = only(extract("Chad complained to Sudan about the raids."), "ACCUSE")
    assert codes(told["recipient"]) == ["SDN"]


def test_a_government_of_no_named_state_acted_on_by_a_states_rebels_is_theirs() -> None:
    event = only(extract("Rebels in Mali rejected a plea from President Amadou Keita to disarm."), "REJECT")
    [government] = event["recipient"]
    assert (government["code"], government["sector"]) == ("MLI", "GOV")
    assert government["name"] == "Amadou Keita"


def test_a_purpose_with_no_target_of_its_own_is_aimed_where_its_doers_were_sent() -> None:
    event = only(extract("The OSCE sent twelve experts to Armenia to investigate the shelling."), "ACCUSE")
    assert codes(event["recipient"])[0] == "ARM"


def test_an_agreement_known_by_its_name_and_talked_about_is_not_reported_again() -> None:
    assert [e for e in extract("The Sochi agreement has collapsed.") if e["type"] == "AGREE"] == []
    assert [e for e in extract("The rebels were required by the Astana agreement to withdraw.") if e["type"] == "AGREE"] == []
    assert [e["type"] for e in extract("Turkey and Russia signed the Sochi agreement on Monday.")] == ["AGREE"]


def test_a_protest_is_news_with_no_party_named_and_organizing_one_is_staging_it() -> None:
    assert [e["type"] for e in extract("Weeks of protests have shaken the capital.")] == ["PROTEST"]
    strike = only(extract("Three opposition parties in Ghana organized a general strike."), "PROTEST")
    assert codes(strike["actor"]) == ["GHA"]


def test_an_advance_is_an_attack_only_when_an_armed_force_makes_it() -> None:
    advance = only(extract("The Malian army's advance on Kidal stalled."), "ASSAULT")
    assert codes(advance["actor"]) == ["MLI"]
    assert extract("Norway advanced the peace talks.") == []


def test_an_infinitives_deed_is_its_objects_unless_it_was_commanded() -> None:
    enabled = only(extract("The bridge enabled the Ethiopian army to advance on Mekelle."), "ASSAULT")
    assert codes(enabled["actor"]) == ["ETH"]
    ordered = only(extract("Nicaragua's government ordered the newspaper to suspend publication."), "COERCE")
    assert codes(ordered["actor"]) == ["NIC"]


def test_what_is_discussed_is_a_topic_and_whom_with_is_the_other_side() -> None:
    talks = only(extract("Erdogan and Putin discussed the fighting in Libya."), "CONSULT")
    assert codes(talks["actor"]) == ["TUR"] and codes(talks["recipient"]) == ["RUS"]
    with_ = only(extract("Blinken discussed Libya with Lavrov."), "CONSULT")
    assert codes(with_["recipient"]) == ["RUS"]


def test_asking_whether_is_a_question_asking_if_one_could_is_a_favour_and_a_participle_is_no_deed() -> None:
    assert extract("Traders are asking if Greece is the new Italy.") == []
    assert [e["type"] for e in extract("Zelensky asked Biden if he could send more air defence.")][0] == "REQUEST"
    assert [e["trigger"] for e in extract("The Senate investigating committee met in Washington.")] == ["met"]


def test_an_adverb_graded_adjective_is_no_noun_and_parties_between_stay_on_their_sides() -> None:
    assert extract("Observers criticised the curiously offensive posture of the alliance.") == []
    talks = only(extract("Talks between Ruto and Abiy Ahmed ended on Friday."), "CONSULT")
    assert [a["text"] for a in talks["actor"]] == ["Ruto"]
    assert [r["text"] for r in talks["recipient"]] == ["Abiy Ahmed"]


def test_a_bare_deed_noun_after_a_preposition_names_a_kind_of_deed_not_one_that_happened() -> None:
    assert extract("The law protects those accused of sexual assault.") == []
    assert [e["type"] for e in extract("Witnesses reported an attack on a convoy.")] == ["ASSAULT"]


def test_a_deed_asked_for_is_the_requests_content_and_a_deed_commanded_stays() -> None:
    assert [e["type"] for e in extract("The EU urged Serbia to cooperate with the tribunal.")] == ["REQUEST"]
    assert "COERCE" in [e["type"] for e in extract("Zimbabwe's government ordered the weekly to suspend publication.")]


def test_ordering_diplomats_out_is_an_expulsion() -> None:
    event = only(extract("Ecuador ordered the Colombian ambassador to leave within 72 hours."), "SANCTION")
    assert event["mode"] == "expel" and codes(event["recipient"]) == ["COL"]


def test_talks_held_over_a_line_are_a_phone_call() -> None:
    event = only(extract("Kerry talked with Lavrov by telephone on Friday."), "CONSULT")
    assert event["mode"] == "phone"


def test_ignoring_what_another_party_asked_is_a_rejection() -> None:
    event = only(extract("The junta ignored calls from the African Union to restore civilian rule."), "REJECT")
    assert [r["name"] for r in event["recipient"]] == ["African Union"]


def test_an_exchange_of_views_is_a_consultation() -> None:
    event = only(extract("Erdogan and Putin had an exchange of views on Libya."), "CONSULT")
    assert sorted(codes(event["actor"]) + codes(event["recipient"])) == ["RUS", "TUR"]


def test_a_talks_noun_takes_its_topic_after_on_and_its_other_side_after_with_or_to() -> None:
    talks = only(extract("Kerry held talks with Lavrov on Syria."), "CONSULT")
    assert codes(talks["recipient"]) == ["RUS"]
    met = only(extract("Kerry met with Lavrov on Syria."), "CONSULT")  # a verb of the type alike
    assert codes(met["recipient"]) == ["RUS"]
