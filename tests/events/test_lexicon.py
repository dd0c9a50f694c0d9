"""The trigger lexicon and the cheap candidate test that spares the parser."""

from __future__ import annotations

import spacy

from eventwire.events.lexicon import inflections, load_lexicon


def test_inflections_cover_regular_forms() -> None:
    assert {"attack", "attacks", "attacked", "attacking"} <= inflections("attack")
    assert {"deny", "denies", "denied"} <= inflections("deny")
    assert {"seize", "seized", "seizing"} <= inflections("seize")
    assert {"ban", "banned", "banning"} <= inflections("ban")


def test_lexicon_maps_types_and_irregular_forms() -> None:
    lexicon = load_lexicon()
    assert lexicon.verbs["bomb"][0].type == "ASSAULT" and lexicon.verbs["bomb"][0].mode == "aerial"
    assert lexicon.verbs["call"][0].words == ("call", "for")
    assert [t.words for t in lexicon.nouns["strike"]][0] in {("air", "strike"), ("missile", "strike"), ("drone", "strike"), ("hunger", "strike")}
    assert {"struck", "met", "withdrew"} <= lexicon.forms
    assert lexicon.reporting["say"] == "reported" and lexicon.reporting["claim"] == "claimed"


def test_candidate_sentences_need_a_trigger_form() -> None:
    lexicon = load_lexicon()
    tokenizer = spacy.blank("en").tokenizer
    assert lexicon.is_candidate(tokenizer("Russian jets struck the town at dawn.")[:])
    assert lexicon.is_candidate(tokenizer("The ministers met in Geneva.")[:])
    assert not lexicon.is_candidate(tokenizer("The weather in Geneva was mild and sunny.")[:])
