"""Small text formatters shared by the CLI and the GUI."""

from __future__ import annotations

_UNITS = ("kB", "MB", "GB", "TB")


def human_size(n: int) -> str:
    """A byte count as people read it, in SI units: '512 B', '1.5 kB', '23.4 MB', '1.2 GB'."""
    if n < 1000:
        return f"{n} B"
    value = float(n)
    for unit in _UNITS:
        value /= 1000
        if value < 999.95 or unit == _UNITS[-1]:
            return f"{value:.1f} {unit}"
    raise AssertionError("unreachable")  # pragma: no cover - the last unit always returns
