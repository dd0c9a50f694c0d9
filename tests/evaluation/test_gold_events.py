"""Event extraction keeps the figures it reached on labelled gold (floors a little under them).

Issues 4 and 5 aim higher (README, "Known limits"); these floors catch regressions.
"""

from __future__ import annotations

import pytest

from eventwire.evaluation.events import score_events
from tests.conftest import REPO, SHARED

pytestmark = pytest.mark.slow


def page_scores(folder: str) -> dict:
    report = score_events([REPO / "gold" / "events" / folder])
    assert report.pages is not None and not report.pages.skipped
    return report.summary()["pages"]


def test_blind_pages_written_for_the_project() -> None:
    scores = page_scores("blind")
    events = scores["events"]
    assert events["gold"] == 236
    assert events["precision"] >= 0.65 and events["recall"] >= 0.55
    assert scores["fields"]["stance"]["accuracy"] >= 0.76 and scores["fields"]["modality"]["accuracy"] >= 0.85


def test_claims_denials_and_quotes_pages() -> None:
    scores = page_scores("claims")
    events, fields, attribution = scores["events"], scores["fields"], scores["attribution"]
    assert events["gold"] == 108 and events["precision"] >= 0.70 and events["recall"] >= 0.65
    assert fields["stance"]["accuracy"] >= 0.87 and fields["modality"]["accuracy"] >= 0.78
    assert attribution["quotes"]["recall"] >= 0.95 and attribution["quotes"]["precision"] >= 0.85
    assert attribution["signals"]["accuracy"] == 1.0


def test_seed_pages() -> None:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared/seeds is not present")
    events = page_scores("seeds")["events"]
    assert events["precision"] >= 0.65 and events["recall"] >= 0.55


def test_plover_gold_records() -> None:
    gsr = SHARED / "data" / "plover-gsr"
    if not gsr.is_dir():
        pytest.skip("../shared/data/plover-gsr is not present")
    summary = score_events([gsr]).summary()["plover_gsr"]
    assert summary["macro_f1"] >= 0.66
    assert summary["fields"]["actor"]["accuracy"] >= 0.76
    assert summary["fields"]["recipient"]["accuracy"] >= 0.63
    assert summary["swapped"] <= 3
