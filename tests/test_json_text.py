"""relj.terminal.indented_json writes what json.dumps(ensure_ascii=False, indent=2) writes (by orjson),
and json_text escapes what a terminal must not print, the data unchanged once parsed."""

from __future__ import annotations

import json
import math
from enum import IntEnum, StrEnum
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relj.terminal import indented_json, json_text

# Floats with an exponent are written "1e+300" by Python and "1e300" by orjson: the same number.
FLOATS = st.floats(allow_nan=False, allow_infinity=False).filter(lambda f: "e" not in repr(f))
SCALARS = st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | FLOATS | st.text()
DATA = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.tuples(inner, inner) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=40,
)


def standard(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


@settings(max_examples=300, derandomize=True)
@given(DATA)
def test_same_text_as_json_dumps(data: Any) -> None:
    assert indented_json(data) == standard(data)


class Colour(StrEnum):
    RED = "red"


class Size(IntEnum):
    BIG = 3


@pytest.mark.parametrize("data", [
    {}, [], "", 0, -0.0, True, None,
    {"a": {}, "b": [], "c": [[], {}], "d": {"e": [1, "two", None]}},
    ["\u202e bidi \x00 nul \u2028 sep \"quote\" \\ back"],
    [Colour.RED, Size.BIG, {"k": Colour.RED}],
    {1: "int key", None: "none key", 2.5: "float key"},  # json.dumps's own key rules
    [2**70, -(2**80)],  # beyond orjson: json.dumps writes it
])
def test_edge_cases(data: Any) -> None:
    assert indented_json(data) == standard(data)


def test_numbers_json_has_no_word_for_are_null() -> None:
    assert json.loads(indented_json([math.nan, math.inf, -math.inf, 1e300])) == [None, None, None, 1e300]


def test_what_cannot_be_written_is_the_standard_error() -> None:
    with pytest.raises(TypeError):
        indented_json({"s": {1, 2}})


@settings(max_examples=200, derandomize=True)
@given(DATA)
def test_json_text_parses_back_to_the_data_and_prints_nothing_unsafe(data: Any) -> None:
    text = json_text(data)
    assert json.loads(text) == json.loads(standard(data))
    assert not any(c in text for c in "\u202e\u2066\u2028\x85\x7f")
