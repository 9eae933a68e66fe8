"""Mutating real files for fuzz tests: cuts, format-significant inserts, byte flips, repeats."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st


def mutate(data: st.DataObject, content: bytes, tokens: Sequence[bytes]) -> bytes:
    """Apply 1 to 6 random edits to ``content``; ``tokens`` are the bytes that mean something in the format."""
    out = bytearray(content)
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(out)))
        op = data.draw(st.sampled_from(["cut", "insert", "flip", "repeat"]))
        if op == "cut":
            del out[at : at + data.draw(st.integers(1, 40))]
        elif op == "insert":
            out[at:at] = data.draw(st.sampled_from(list(tokens)))
        elif op == "flip" and at < len(out):
            out[at] = data.draw(st.integers(0, 255))
        elif op == "repeat":
            out[at:at] = out[at : at + data.draw(st.integers(1, 200))]
    return bytes(out)
