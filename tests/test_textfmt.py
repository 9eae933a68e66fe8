"""relj.textfmt: the one size formatter of the CLI and the GUI."""

from __future__ import annotations

import pytest

from relj.textfmt import human_size


@pytest.mark.parametrize(("n", "text"), [
    (0, "0 B"), (999, "999 B"), (1000, "1.0 kB"), (1536, "1.5 kB"), (999_949, "999.9 kB"),
    (999_999, "1.0 MB"), (23_400_000, "23.4 MB"), (1_200_000_000, "1.2 GB"), (5 * 10**15, "5000.0 TB"),
])
def test_human_size(n: int, text: str) -> None:
    assert human_size(n) == text


def test_cli_and_gui_share_it() -> None:
    import relj.cli.backup as cli_backup

    assert cli_backup.human_size is human_size
    assert not hasattr(cli_backup, "_size")
