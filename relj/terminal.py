"""Text printed to a terminal: no control characters, no bidirectional overrides (Trojan Source)."""

from __future__ import annotations

import re
from typing import Any

import orjson

#: Bidirectional controls: embeddings and overrides (U+202A-202E), isolates (U+2066-2069),
#: the marks LRM, RLM (U+200E, U+200F) and the Arabic letter mark (U+061C). One of them in a
#: note can make a printed line read differently from what it holds.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"

#: Line breaks of every kind: in a one-line field they would forge a new output line.
_BREAKS = "\r\n\x0b\x0c\x85\u2028\u2029"

# C0 controls (but tab and the breaks), DEL, C1 controls (but NEL), and the bidi controls.
_DROP = re.compile("[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f" + BIDI_CONTROLS + "]")
_BREAK = re.compile("\r\n|[" + _BREAKS + "]")
# What JSON output escapes beyond json.dumps (which only escapes C0): DEL, C1, the line and
# paragraph separators, and the bidi controls. The data is unchanged once parsed.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029" + BIDI_CONTROLS + "]")


def terminal_safe(text: object, *, multiline: bool = False) -> str:
    r"""``text`` as it may be printed: control and bidirectional-control characters removed.

    Tabs become spaces. Line breaks become spaces, or ``\n`` with ``multiline=True`` (notes).
    Printable text, emoji sequences (zero-width joiners) and right-to-left scripts are kept.
    """
    s = _DROP.sub("", str(text))
    s = _BREAK.sub("\n" if multiline else " ", s)
    return s.replace("\t", " ")


def json_text(data: Any) -> str:
    """``data`` as indented JSON, UTF-8 kept readable, with every character unsafe in a terminal
    written as a ``\\uXXXX`` escape: faithful once parsed, harmless when printed."""
    text = indented_json(data)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def indented_json(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)``, written by orjson (about five times as
    fast: the standard library's indenting encoder is pure Python, most of the cost of
    `relj reconnect --json` over thousands of people). Non-string keys are written as json.dumps
    writes them; NaN and infinities, which JSON has no words for, as null. What orjson cannot
    write (an integer beyond 64 bits) goes to json.dumps, so the result, or its error, is the standard one.
    """
    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS).decode()
    except orjson.JSONEncodeError:
        import json

        return json.dumps(data, ensure_ascii=False, indent=2)
