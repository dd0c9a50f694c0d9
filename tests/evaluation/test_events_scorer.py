"""The event scorer: matching and metrics on made-up events, PLOVER GSR figures where ../shared
holds the GSR, and the `eval events` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.evaluation.events import (
    GoldEvent, GoldQuote, GsrReport, GsrResult, PageEventsReport, PageResult, best_event, half_of, match_events,
    read_gsr, score_events,
)
from eventwire.evaluation.pages import GoldError
from eventwire.model import Actor, ArticleSignals, Attribution, Event, Evidence, Quote
from tests.conftest import FIXTURES, REPO, SHARED

GOLD_PAGE = FIXTURES / "gold_events_page.yaml"
GSR = SHARED / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"


def event(type_: str, line: int, trigger: str, actor: list[str] = (), recipient: list[str] = (),
          stance: str = "asserted", modality: str = "actual", text: str = "a sentence") -> Event:
    return Event(id=f"e-{type_}-{line}-{trigger}", article_id="a-1", type=type_,
                 evidence=Evidence(text, "page.txt", line, 0, len(text)), trigger=trigger,
                 actor=[Actor(code, code=code) for code in actor],
                 recipient=[Actor(code, code=code) for code in recipient],
                 attribution=Attribution(stance=stance), modality=modality)


def gold(type_: str, line: int, trigger: str, **labels) -> GoldEvent:
    return GoldEvent(line, type_, trigger, {"line": line, "type": type_, "trigger": trigger, **labels})


# --- labelled pages ---------------------------------------------------------------------------


def test_denial_links_quotes_and_signals_are_scored() -> None:
    claim = gold("ASSAULT", 4, "struck", stance="denied", claimant="USA", denied_by=["IRN"])
    denial = gold("REJECT", 6, "denied", denies="4:struck")
    unlinked = gold("REJECT", 8, "dismissed", denies="4:struck")
    found_claim = event("ASSAULT", 4, "struck", stance="denied")
    found_claim.attribution = Attribution("United States", "denied", Actor("Washington", "USA"),
                                          denied_by=[Actor("Tehran", "IRN")])
    found_denial = event("REJECT", 6, "denied")
    found_denial.attribution = Attribution(denies=found_claim.id)
    found = [found_claim, found_denial, event("REJECT", 8, "dismissed")]

    def quote(line: int, text: str, code: str | None) -> Quote:
        return Quote(f"q-{line}", "a-1", text, Evidence(text, "page.txt", line, 1, 1 + len(text)),
                     Actor("speaker", code) if code else None)

    page = PageResult("gold.yaml", "page.txt", [claim, denial, unlinked], found,
                      match_events([claim, denial, unlinked], found),
                      gold_quotes=[GoldQuote(5, "We have nothing", frozenset(["RUS"])),
                                   GoldQuote(7, "The ships were", frozenset(["GBR"])),
                                   GoldQuote(9, "No one will", frozenset())],
                      quotes=[quote(5, "We have nothing to do with it", "RUS"),
                              quote(7, "The ships were hit by mines", None), quote(12, "Another quote here", None)],
                      gold_signals={"anonymous_sources": True, "syndicated": False, "opinion_disclaimer": True},
                      signals=[ArticleSignals(anonymous_sources=["sources say"])])
    report = PageEventsReport([page])
    attribution = report.summary()["attribution"]
    assert attribution["denial_links"] == {"correct": 1, "scored": 2, "accuracy": 0.5}
    assert attribution["quotes"]["matched"] == 2 and attribution["quotes"]["gold"] == 3
    assert attribution["quotes"]["predicted"] == 3
    assert attribution["quote_speakers"] == {"correct": 1, "scored": 2, "accuracy": 0.5}
    assert attribution["signals"] == {"correct": 2, "scored": 3, "accuracy": 2 / 3}
    fields = report.summary()["fields"]
    assert fields["claimant"]["accuracy"] == 1.0 and fields["denied_by"]["accuracy"] == 1.0
    errors = report.error_lines()
    assert "page.txt:8: denial 'dismissed' not linked to 4:struck" in errors
    assert "page.txt:9: quote missed, opening 'No one will'" in errors
    assert "page.txt:7: quote speaker gold [GBR], predicted None" in errors
    assert "page.txt: signal opinion_disclaimer gold True, predicted False" in errors


def test_two_events_of_one_type_on_a_line_pair_by_trigger() -> None:
    wanted = [gold("ASSAULT", 4, "shelled"), gold("ASSAULT", 4, "air strikes")]
    found = [event("ASSAULT", 4, "strikes"), event("ASSAULT", 4, "shelled")]
    pairs = match_events(wanted, found)
    assert [(g.trigger, e.trigger) for g, e in pairs] == [("shelled", "shelled"), ("air strikes", "strikes")]


def test_match_needs_the_type_and_a_sentence_covering_the_line() -> None:
    wanted = [gold("ACCUSE", 7, "accused"), gold("REJECT", 9, "denied")]
    two_lines = event("ACCUSE", 6, "blamed", text="first line\nsecond line")  # covers 6 and 7
    wrong_type = event("ASSAULT", 9, "denied")
    wrong_line = event("REJECT", 10, "denied")
    pairs = match_events(wanted, [wrong_type, wrong_line, two_lines])
    assert [(g.line, e) for g, e in pairs] == [(7, two_lines)]


def test_page_scores_and_field_agreement() -> None:
    wanted = [gold("COERCE", 3, "arrested", actor=["CHL"], recipient=["PER"], stance="asserted"),
              gold("ACCUSE", 5, "accused", actor=["PER"], recipient=["CHL"], modality="actual"),
              gold("ASSAULT", 5, "shelled", actor=["CHL"], recipient=[], stance="claimed", modality="actual"),
              gold("RETREAT", 8, "withdraw", actor=["CHL"], modality="negated")]
    found = [event("COERCE", 3, "arrested", ["CHL"], ["PER"]),
             event("ACCUSE", 5, "accused", ["PER"], []),
             event("ASSAULT", 5, "shelled", ["PER"], [], stance="claimed"),
             event("CONSULT", 6, "talks", ["BRA"])]
    page = PageResult("gold.yaml", "page.txt", wanted, found, match_events(wanted, found))
    report = PageEventsReport([page])
    summary = report.summary()
    assert summary["events"] == {"precision": 0.75, "recall": 0.75, "f1": 0.75, "gold": 4, "predicted": 4, "matched": 3}
    assert summary["types"]["RETREAT"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0,
                                           "gold": 1, "predicted": 0, "matched": 0}
    assert summary["types"]["CONSULT"]["predicted"] == 1 and "AGREE" not in summary["types"]
    fields = summary["fields"]
    assert fields["actor"] == {"correct": 2, "scored": 3, "accuracy": 2 / 3}
    assert fields["recipient"] == {"correct": 2, "scored": 3, "accuracy": 2 / 3}  # [] == [] counts
    assert fields["stance"] == {"correct": 2, "scored": 2, "accuracy": 1.0}
    assert fields["modality"] == {"correct": 2, "scored": 2, "accuracy": 1.0}
    assert fields["mode"] == {"correct": 0, "scored": 0, "accuracy": None}
    assert report.error_lines() == [
        "page.txt:8: missed RETREAT 'withdraw' [CHL] -> []",
        "page.txt:6: false CONSULT 'talks' [BRA] -> []",
        "page.txt:5: ACCUSE 'accused': recipient gold [CHL], predicted []",
        "page.txt:5: ASSAULT 'shelled': actor gold [CHL], predicted [PER]",
    ]


def test_missing_page_is_skipped_and_bad_gold_is_an_error(tmp_path: Path) -> None:
    absent = tmp_path / "absent.yaml"
    absent.write_text("source: no/such/page.txt\nevents: []\n")
    report = score_events([absent])
    assert report.gsr is None and report.pages.pages == []
    assert report.pages.skipped == [f"{absent}: page no/such/page.txt not found"]
    bad = tmp_path / "bad.yaml"
    bad.write_text(f"source: {FIXTURES / 'events_page.txt'}\nevents:\n  - line: 9\n    type: BOMB\n")
    with pytest.raises(GoldError, match="unknown type 'BOMB'"):
        score_events([bad])
    broken = tmp_path / "broken.yaml"
    broken.write_text("source: page.txt\nevents:\n  - line: [9\n")
    with pytest.raises(GoldError, match="not valid YAML"):
        score_events([broken])
    other = tmp_path / "notes.yaml"
    other.write_text("title: not gold\n")
    with pytest.raises(GoldError, match="neither PLOVER GSR records nor a gold event file"):
        score_events([other])


# --- PLOVER GSR -------------------------------------------------------------------------------

# Made-up records in the GSR's shape (its field documentation record, old type names, CAMEO codes).
GSR_LIKE = [
    {"id": "DOC-1", "event": "DOCUMENT", "eventText": "documentation", "text": ""},
    {"id": "T-1", "event": "DEMAND", "eventText": "demanded", "text": "Italy demanded that Japan pay.",
     "source": [{"actorText": "Italy", "code": "ITL"}], "target": [{"actorText": "Japan", "code": "JAP"}],
     "textInfo": {"markup": "(SRC: Italy) (EVT: demanded) that (TAR: Japan) pay."}},
    {"id": "T-2", "event": "INVESTIGATE", "eventText": "inquiry", "text": "…", "target": "",
     "source": [{"actorText": "hackers", "code": "ISM"}, {"actorText": "UN", "code": "IGO"}]},
    {"id": "T-3", "event": "AGREE", "eventText": "agreed", "text": "…", "target": None, "mode": "",
     "source": [{"actorText": "Chile", "code": "CHL"}, {"actorText": "Peru", "code": "PER"}],
     "textInfo": {"markup": "(SRC/TAR: Chile) and (SRC/TAR: Peru) (EVT: agreed)"}},
    {"id": "T-4", "event": "FIGHT", "eventText": "shelled", "text": "…",
     "source": [{"actorText": "Chile", "code": "CHL"}], "target": [{"actorText": "Peru", "code": "PER"}]},
]


def test_gsr_records_map_old_names_and_codes() -> None:
    demand, investigate, agree, fight = read_gsr(GSR_LIKE, Path("gsr.txt"))
    assert (demand.type, demand.actor, demand.recipient) == ("REQUEST", {"ITA"}, {"JPN"})
    assert (investigate.type, investigate.mode, investigate.actor) == ("ACCUSE", "investigate", {"IGO"})
    assert investigate.recipient == frozenset() and not investigate.reciprocal
    assert agree.reciprocal and agree.mode is None and fight.type == "ASSAULT"


def test_gsr_draft_mode_names_map_to_ours_and_the_placeholder_date_is_no_date() -> None:
    protest = {**GSR_LIKE[1], "event": "PROTEST", "mode": "demo-spon", "date": "2000-01-01"}
    [record] = read_gsr([protest], Path("gsr.txt"))
    assert record.mode == "demo" and record.date is None
    with pytest.raises(GoldError, match="unknown event type 'HUG'"):
        read_gsr([{**GSR_LIKE[1], "event": "HUG"}], Path("gsr.txt"))


def test_halves_split_records_by_position_without_the_documentation_record() -> None:
    records = read_gsr(GSR_LIKE, Path("gsr.txt"))  # DOC-1 is dropped: T-1 is position 0
    assert [r.id for r in half_of(records, "even")] == ["T-1", "T-3"]
    assert [r.id for r in half_of(records, "odd")] == ["T-2", "T-4"]
    assert half_of(records, None) == records
    with pytest.raises(ValueError, match="half must be one of even, odd"):
        half_of(records, "first")


def test_best_event_prefers_the_gold_type_then_the_trigger_then_codes() -> None:
    demand = read_gsr(GSR_LIKE, Path("gsr.txt"))[0]
    said = event("CONSULT", 1, "talks", ["ITA"], ["JPN"])
    asked = event("REQUEST", 1, "asked", ["ITA"])
    demanded = event("REQUEST", 1, "demanded")
    assert best_event(demand, [said, asked, demanded]) is demanded
    assert best_event(demand, [said, asked]) is asked
    assert best_event(demand, [event("AGREE", 1, "pact"), said]) is said
    assert best_event(demand, []) is None


def test_gsr_type_scores_codes_and_swaps() -> None:
    demand, investigate, agree, fight = read_gsr(GSR_LIKE, Path("gsr.txt"))
    report = GsrReport([
        GsrResult(demand, event("REQUEST", 1, "demanded", ["ITA"], ["JPN"]), 2),
        GsrResult(investigate, event("ACCUSE", 1, "inquiry", ["UNO"]), 1),  # our UNO is the GSR's IGO
        GsrResult(agree, event("AGREE", 1, "agreed", ["PER"], ["CHL"]), 1),  # reciprocal: either side
        GsrResult(fight, event("ASSAULT", 1, "shelled", ["PER"], ["CHL"]), 1),
    ])
    summary = report.summary()
    assert summary["type_accuracy"] == 1.0 and summary["macro_f1"] == 1.0
    assert set(summary["types"]) == {"AGREE", "REQUEST", "ACCUSE", "ASSAULT"}
    assert summary["fields"]["actor"] == {"correct": 3, "scored": 4, "accuracy": 0.75}
    assert summary["fields"]["recipient"] == {"correct": 1, "scored": 2, "accuracy": 0.5}
    assert summary["fields"]["mode"] == {"correct": 0, "scored": 1, "accuracy": 0.0}
    assert summary["swapped"] == 1 and summary["events_emitted"] == 5
    assert report.error_lines() == [
        "T-4: gold ASSAULT [CHL] -> [PER], predicted ASSAULT 'shelled' [PER] -> [CHL] (swapped)"]


def test_gsr_wrong_and_missing_types_lower_precision_recall_and_macro_f1() -> None:
    demand, investigate, agree, fight = read_gsr(GSR_LIKE, Path("gsr.txt"))
    report = GsrReport([GsrResult(demand, event("REQUEST", 1, "demanded"), 1),
                        GsrResult(investigate, event("REQUEST", 1, "asked"), 1),
                        GsrResult(agree, None, 0),
                        GsrResult(fight, event("ASSAULT", 1, "shelled"), 1)])
    summary = report.summary()
    assert summary["types"]["REQUEST"] == {"precision": 0.5, "recall": 1.0, "f1": 2 / 3,
                                           "gold": 1, "predicted": 2, "matched": 1}
    assert summary["types"]["ACCUSE"]["f1"] == 0.0 and summary["types"]["AGREE"]["recall"] == 0.0
    assert summary["macro_f1"] == pytest.approx((2 / 3 + 0 + 0 + 1) / 4)
    assert summary["records_without_event"] == 1 and summary["type_accuracy"] == 0.5
    assert summary["confusion"]["ACCUSE"] == {"REQUEST": 1} and summary["confusion"]["AGREE"] == {"none": 1}
    assert report.error_lines() == [
        "T-1: gold REQUEST [ITA] -> [JPN], predicted REQUEST 'demanded' [] -> []",
        "T-2: gold ACCUSE [IGO] -> [], predicted REQUEST 'asked' [] -> []",
        "T-3: gold AGREE [CHL PER] -> [], predicted none",
        "T-4: gold ASSAULT [CHL] -> [PER], predicted ASSAULT 'shelled' [] -> []"]


@pytest.mark.slow
def test_plover_gsr_gives_figures_for_every_gold_type() -> None:
    if not GSR.is_file():
        pytest.skip("../shared/data/plover-gsr is not present")
    report = score_events([GSR.parent])  # the folder: its other files are not gold and are passed over
    assert report.pages is None
    summary = report.summary()["plover_gsr"]
    assert summary["records"] == 322
    gold_types = {r.record.type for r in report.gsr.results}
    assert len(gold_types) == 16 and gold_types <= set(summary["types"])
    assert all(summary["types"][t]["gold"] > 0 for t in gold_types)
    assert 0.0 < summary["macro_f1"] < 1.0
    assert summary["fields"]["actor"]["scored"] > 100 and summary["fields"]["recipient"]["scored"] > 100
    sentences = [r.record.text for r in report.gsr.results]
    assert not any(sentence in line for line in report.error_lines() for sentence in sentences)


# --- the command ------------------------------------------------------------------------------


@pytest.mark.slow
def test_cli_scores_a_page_and_gsr_records_told_apart_by_content(tmp_path: Path) -> None:
    records = [{"id": "R-1", "event": "ACCUSE", "eventText": "accused", "date": "2000-01-01",
                "text": "Peru accused Chile of spying.", "source": [{"actorText": "Peru", "code": "PER"}],
                "target": [{"actorText": "Chile", "code": "CHL"}]}]
    (tmp_path / "records.txt").write_text(json.dumps(records), encoding="utf-8")
    spec = GOLD_PAGE.read_text(encoding="utf-8").replace("source: tests/", f"source: {REPO}/tests/")
    (tmp_path / "page.yaml").write_text(spec, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not gold at all\n", encoding="utf-8")

    result = CliRunner().invoke(app, ["eval", "events", str(tmp_path), "--format", "json", "--show-errors"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    gsr, pages = summary["plover_gsr"], summary["pages"]
    assert gsr["records"] == 1 and gsr["types"]["ACCUSE"]["f1"] == 1.0
    assert gsr["fields"]["actor"]["accuracy"] == 1.0 and gsr["fields"]["recipient"]["accuracy"] == 1.0
    assert pages["pages"] == 1 and pages["events"]["gold"] == 9
    assert pages["events"]["recall"] >= 0.6 and pages["events"]["precision"] >= 0.6
    assert set(pages["fields"]) >= {"actor", "recipient", "stance", "modality"}
    errors = result.stderr.splitlines()
    assert all(line.startswith(f"{REPO}/tests/fixtures/events_page.txt:") for line in errors)

    table = CliRunner().invoke(app, ["eval", "events", str(tmp_path)])
    assert table.exit_code == 0, table.output
    assert "event-type macro-F1 1.000" in table.stdout and "event F1" in table.stdout


@pytest.mark.slow
def test_cli_half_keeps_even_or_odd_gsr_records(tmp_path: Path) -> None:
    records = [GSR_LIKE[0]] + [
        {"id": f"R-{n}", "event": "ACCUSE", "eventText": "accused", "date": "2000-01-01",
         "text": "Peru accused Chile of spying.", "source": [{"actorText": "Peru", "code": "PER"}],
         "target": [{"actorText": "Chile", "code": "CHL"}]} for n in range(5)]
    (tmp_path / "records.txt").write_text(json.dumps(records), encoding="utf-8")
    counts = {}
    for half in ("even", "odd"):
        result = CliRunner().invoke(app, ["eval", "events", str(tmp_path), "--half", half, "--format", "json"])
        assert result.exit_code == 0, result.output
        counts[half] = json.loads(result.stdout)["plover_gsr"]["records"]
    assert counts == {"even": 3, "odd": 2}
    assert CliRunner().invoke(app, ["eval", "events", str(tmp_path), "--half", "first"]).exit_code == 2


def test_cli_rejects_a_file_that_is_not_gold(tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("nothing to score\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "events", str(other)])
    assert result.exit_code == 2
    assert "neither PLOVER GSR records nor a gold event file" in result.stderr


def test_a_guess_stored_as_an_actual_event_is_counted() -> None:
    golds = [gold("RETREAT", 3, "withdraw", modality="hypothetical"), gold("ASSAULT", 5, "shelled", modality="actual")]
    found = [event("RETREAT", 3, "withdraw"), event("ASSAULT", 5, "shelled")]
    page = PageResult("gold.yaml", "page.txt", golds, found, match_events(golds, found))
    assert PageEventsReport([page]).summary()["attribution"]["guesses_stored_as_actual"] == 1
