"""The trigger lexicon and the cheap candidate test that spares the parser."""

from __future__ import annotations

import pytest
import spacy

from eventwire.events.lexicon import key_words, load_lexicon, phrase_forms
from eventwire.nlp import inflections


def test_inflections_cover_regular_forms() -> None:
    assert {"attack", "attacks", "attacked", "attacking"} <= inflections("attack")
    assert {"deny", "denies", "denied"} <= inflections("deny")
    assert {"seize", "seized", "seizing"} <= inflections("seize")
    assert {"ban", "banned", "banning"} <= inflections("ban")


def test_lexicon_maps_types_and_irregular_forms() -> None:
    lexicon = load_lexicon()
    assert lexicon.verbs["bomb"][0].type == "ASSAULT" and lexicon.verbs["bomb"][0].mode == "aerial"
    assert lexicon.verbs["call"][0].words == ("call", "for")
    assert [t.words for t in lexicon.nouns["strike"]][0] in {("air", "strike"), ("missile", "strike"), ("drone", "strike"), ("hunger", "strike"), ("general", "strike")}
    assert {"struck", "met", "withdrew"} <= lexicon.forms
    assert lexicon.reporting["say"] == "reported" and lexicon.reporting["claim"] == "claimed"


def test_candidate_sentences_need_a_trigger_form() -> None:
    lexicon = load_lexicon()
    tokenizer = spacy.blank("en").tokenizer
    assert lexicon.is_candidate(tokenizer("Russian jets struck the town at dawn.")[:])
    assert lexicon.is_candidate(tokenizer("The ministers met in Geneva.")[:])
    assert not lexicon.is_candidate(tokenizer("The weather in Geneva was mild and sunny.")[:])


def test_hyphenated_keys_split_as_the_tokenizer_splits_them() -> None:
    lexicon = load_lexicon()
    tokenizer = spacy.blank("en").tokenizer
    assert key_words("no-fly zone") == ("no", "-", "fly", "zone")
    assert tuple(t.lower_ for t in tokenizer("no-fly zone")) == key_words("no-fly zone")
    assert ("no", "-", "fly", "zone") in [t.words for t in lexicon.nouns["zone"]]
    assert ("cease", "-", "fire") in [t.words for t in lexicon.nouns["fire"]]
    assert lexicon.is_candidate(tokenizer("NATO declared a no-fly zone over the north.")[:])


def test_a_phrase_adds_one_of_its_words_to_the_candidate_forms() -> None:
    forms = {"talks", "attack"}
    assert phrase_forms(("peace", "talks"), forms) == set()  # its head picks the sentence already
    assert phrase_forms(("missile", "test"), forms) == {"missile"}  # a short head: the longer word, as written
    assert "clashes" in phrase_forms(("armed", "clash"), forms)  # the head, inflected, on a tie
    lexicon = load_lexicon()
    tokenizer = spacy.blank("en").tokenizer
    assert lexicon.is_candidate(tokenizer("Pyongyang carried out a missile test on Sunday.")[:])
    assert not lexicon.is_candidate(tokenizer("The test results were published on Sunday.")[:])


def test_irregular_forms_the_lemmatizer_misses_read_as_their_verb() -> None:
    lexicon = load_lexicon()
    assert lexicon.verbs["retook"] == lexicon.verbs["retake"]
    assert lexicon.verbs["retake"][0].type == "ASSAULT"
    assert {"retook", "retaken"} <= lexicon.forms


def test_particle_keys_are_tried_before_the_bare_verb() -> None:
    lexicon = load_lexicon()
    assert [(t.words, t.type) for t in lexicon.verbs["back"]][-1] == (("back",), "SUPPORT")
    assert {t.words: t.type for t in lexicon.verbs["back"]}[("back", "down")] == "CONCEDE"


@pytest.mark.slow
def test_new_triggers_on_parsed_sentences() -> None:
    from eventwire.actors import Resolver, default_registry
    from eventwire.events import EventExtractor
    from eventwire.model import Article, Paragraph
    from eventwire.nlp import annotate

    def events(text: str) -> list[tuple[str, str | None, str | None, list[str | None]]]:
        article = Article(id="a-lex", document_id="d-lex", source="t.txt", paragraphs=[Paragraph(text, 1)])
        lexicon = load_lexicon()
        [annotated] = annotate([article], lexicon.is_candidate)
        return [(e.type, e.mode, e.trigger, [a.code for a in e.actor])
                for e in EventExtractor(lexicon, Resolver(default_registry())).extract(annotated)]

    assert events("The United States declared a no-fly zone over northern Iraq.") == [
        ("COERCE", "restrict", "no-fly zone", ["USA"])]
    assert events("Syrian troops retook Palmyra.") == [("ASSAULT", None, "retook", ["SYR"])]
    assert events("Turkey backed down.") == [("CONCEDE", None, "backed", ["TUR"])]
    assert events("Israel expressed regret over the deaths.") == [("CONCEDE", None, "regret", ["ISR"])]


def test_no_lexicon_key_is_written_twice() -> None:
    """YAML keeps the last of two equal keys silently; a second entry would hide the first."""
    from importlib import resources

    import yaml

    class StrictLoader(yaml.SafeLoader):
        pass

    def strict_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
        keys = [loader.construct_object(key) for key, _ in node.value]
        duplicates = {k for k in keys if keys.count(k) > 1}
        assert not duplicates, f"written twice: {sorted(duplicates)}"
        return loader.construct_mapping(node)

    StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, strict_mapping)
    text = resources.files("eventwire.events").joinpath("data/triggers.yaml").read_text("utf-8")
    assert yaml.load(text, Loader=StrictLoader)["verb_objects"]


def test_verb_object_triggers_need_their_object() -> None:
    lexicon = load_lexicon()
    assert [t.words for t in lexicon.verb_objects["lift"]][0][0] == "lift"
    assert "lift" not in lexicon.verbs  # alone, "lift" is no event
    assert "lift" in lexicon.pair_verbs and "curfew" in lexicon.pair_objects


def test_prepositions_in_the_data_stay_words() -> None:
    lexicon = load_lexicon()
    assert lexicon.topic_preps["CONSULT"] == frozenset({"on"})  # YAML reads a bare on as true
