"""First-character index of the line rules: a speed-up that must never change a label."""

from __future__ import annotations

import re

from eventwire.pages.first_chars import first_characters
from eventwire.pages.text import NamedRules, line_rules, physical_units
from tests.conftest import REPO


def test_first_characters_of_small_patterns() -> None:
    assert first_characters("(home|news)( \\| \\w+)*") == frozenset("hn")
    assert first_characters("[\\d,.]+k? views") == frozenset("0123456789,.")
    assert first_characters("(?!.*\\.$)(live|breaking): .+") == frozenset("lb")
    assert first_characters("(the )?Comments?") == frozenset("tc")
    assert first_characters(".*\\bcookie\\b.*") is None  # could start anywhere
    assert first_characters("\\w+ says:") is None
    assert first_characters("(a)?") is None  # matches the empty string


def test_indexed_rules_give_the_labels_of_the_whole_alternation() -> None:
    rules = line_rules()
    lines = [" ".join(text.split()) for page in sorted((REPO / "examples" / "pages").glob("*.txt"))
             for _, _, text in physical_units(page.read_text("utf-8"))]
    lines += ["Ünïcode start", "1,204 views", "Share this article", "© 2019 Example Media", "LIVE: strikes continue"]
    for section in (rules.boilerplate, rules.boilerplate_any_length, rules.separators, rules.dateline):
        whole = re.compile("|".join(f"(?P<r{i}>{p})" for i, p in enumerate(section.patterns)), re.IGNORECASE)
        for line in lines:
            found = whole.fullmatch(line)
            expected = section.names[int(found.lastgroup[1:])] if found else None
            indexed = section.match(line)
            assert indexed == expected or (expected is None and indexed in {name for name, _, _ in section.guarded}), line


def test_named_rules_keep_file_order() -> None:
    rules = NamedRules({"first": "share.*", "second": "share this"})
    assert rules.match("Share this") == "first"
