"""The characters a regular expression can start a match with, read from its parse tree.

Line rules are long alternations matched against every short line; most lines cannot begin any
of them. Knowing each rule's possible first characters lets a line try only the rules that could
start with its own first character. The parse tree comes from CPython's `re._parser`, the parser
`re.compile` itself uses; where a pattern part is too open to say (a `.`, `\\w`, a negated class,
a back reference), the answer is None: any character.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

MAX_RANGE = 64  # a class wider than this ("[a-z]" is 26) counts as any character
TRANSPARENT = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}  # anchors and lookarounds consume nothing
# \d and \s by the characters a stripped ASCII line starts with; other first characters fall back
# to the whole alternation (NamedRules), so a Unicode digit is still matched right.
DIGIT_OR_SPACE = {sre.CATEGORY_DIGIT: "0123456789", sre.CATEGORY_UNI_DIGIT: "0123456789",
                  sre.CATEGORY_SPACE: " \t", sre.CATEGORY_UNI_SPACE: " \t"}
REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}


def first_characters(pattern: str) -> frozenset[str] | None:
    """Lower-case characters a case-insensitive match of `pattern` may start with, or None for any."""
    chars, nullable = sequence_start(sre_parse.parse(pattern, re.IGNORECASE))
    return None if chars is None or nullable else frozenset(chars)


def sequence_start(items: Any) -> tuple[set[str] | None, bool]:
    """(first characters, whether the sequence can match the empty string)."""
    found: set[str] = set()
    for op, value in items:
        chars, nullable = item_start(op, value)
        if chars is None:
            return None, False
        found |= chars
        if not nullable:
            return found, False
    return found, True


def item_start(op: Any, value: Any) -> tuple[set[str] | None, bool]:
    if op is sre.LITERAL:
        return {chr(value).lower()}, False
    if op is sre.IN:
        return class_start(value), False
    if op is sre.BRANCH:
        found: set[str] = set()
        nullable = False
        for branch in value[1]:
            chars, empty = sequence_start(branch)
            if chars is None:
                return None, False
            found |= chars
            nullable = nullable or empty
        return found, nullable
    if op is sre.SUBPATTERN:
        return sequence_start(value[-1])
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return sequence_start(value)
    if op in REPEATS:
        low, _, body = value
        chars, empty = sequence_start(body)
        return chars, empty or low == 0
    if op in TRANSPARENT:
        return set(), True
    return None, False  # ANY, NOT_LITERAL, CATEGORY, GROUPREF, …: too open to say


def class_start(members: Any) -> set[str] | None:
    found: set[str] = set()
    for op, value in members:
        if op is sre.LITERAL:
            found.add(chr(value).lower())
        elif op is sre.RANGE and value[1] - value[0] <= MAX_RANGE:
            found.update(chr(c).lower() for c in range(value[0], value[1] + 1))
        elif op is sre.CATEGORY and value in DIGIT_OR_SPACE:
            found.update(DIGIT_OR_SPACE[value])
        else:
            return None  # NEGATE, \w, a wide range
    return found
