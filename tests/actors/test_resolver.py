"""Actor resolution on spans of real parses."""

from __future__ import annotations

import pytest

from eventwire.actors import Resolver, default_registry
from eventwire.nlp import load_pipeline

pytestmark = pytest.mark.slow


def resolve(text: str):
    doc = load_pipeline()(text)
    return Resolver(default_registry()).resolve(doc[:])


@pytest.mark.parametrize("text, code, sector", [
    ("the US air force", "USA", "MIL"),
    ("Moscow", "RUS", "GOV"),
    ("the Kremlin", "RUS", "GOV"),
    ("the Pentagon", "USA", "MIL"),
    ("Syrian opposition fighters", "SYR", "REB"),
    ("the Turkish army", "TUR", "MIL"),
    ("Damascus", "SYR", "GOV"),
])
def test_states_metonyms_and_sectors(text: str, code: str, sector: str) -> None:
    actor = resolve(text)
    assert (actor.code, actor.sector) == (code, sector)


def test_organisations_keep_their_own_ids() -> None:
    actor = resolve("NATO")
    assert actor.actor_id == "nato" and actor.code == "IGO"


def test_all_caps_us_is_not_the_pronoun() -> None:
    assert resolve("US").code == "USA"
    assert resolve("us") is None


def test_place_name_inside_a_longer_name_is_not_a_state() -> None:
    actor = resolve("the Washington Post")
    assert actor.code is None


def test_people_keep_their_name() -> None:
    actor = resolve("Russian Foreign Minister Sergei Lavrov")
    assert (actor.code, actor.sector) == ("RUS", "GOV")
    assert actor.name == "Sergei Lavrov"
