"""relj.jsonfmt.dumps_indented writes exactly what json.dumps(ensure_ascii=False, indent=2) writes."""

from __future__ import annotations

import json
import math
from enum import IntEnum, StrEnum
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relj.jsonfmt import dumps_indented

SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | st.text()
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
    assert dumps_indented(data) == standard(data)


class Colour(StrEnum):
    RED = "red"


class Size(IntEnum):
    BIG = 3


@pytest.mark.parametrize("data", [
    {}, [], "", 0, -0.0, 1e300, math.inf, -math.inf, math.nan, True, None,
    {"a": {}, "b": [], "c": [[], {}], "d": {"e": [1, "two", None]}},
    ["\u202e bidi \x00 nul \u2028 sep \"quote\" \\ back"],
    [Colour.RED, Size.BIG, {"k": Colour.RED}],
    {1: "int key", None: "none key", 2.5: "float key"},  # json.dumps's own key rules
])
def test_edge_cases(data: Any) -> None:
    assert dumps_indented(data) == standard(data)


def test_what_json_refuses_it_refuses_the_same_way() -> None:
    with pytest.raises(TypeError):
        dumps_indented({"when": object()})
    loop: list[Any] = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular"):
        dumps_indented(loop)
