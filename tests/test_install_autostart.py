"""packaging/install-linux.sh --autostart: `relj notify` at login through an XDG autostart entry."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.test_packaging import PACKAGING, fake_bundle, tree

SCRIPT = str(PACKAGING / "install-linux.sh")


def install(env: dict[str, str], *args: str) -> None:
    subprocess.run([SCRIPT, *args], env=env, check=True, capture_output=True)


@pytest.mark.parametrize("config_home", ["", "cfg"])
def test_autostart_is_installed_kept_by_updates_and_removed_by_uninstall(tmp_path: Path, config_home: str) -> None:
    home = tmp_path / "my home"
    home.mkdir()
    before = tree(home)
    config = (tmp_path / config_home) if config_home else home / ".config"
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": "",
           "XDG_CONFIG_HOME": str(tmp_path / config_home) if config_home else ""}
    bundle = str(fake_bundle(tmp_path))
    entry = config / "autostart" / "relj-notify.desktop"

    install(env, "--bundle", bundle)
    assert not entry.exists()  # only when asked for

    install(env, "--bundle", bundle, "--autostart")
    text = entry.read_text(encoding="utf-8")
    assert f'Exec="{home}/.local/bin/relj" notify' in text  # a full path: the session's PATH may lack ~/.local/bin
    assert "NoDisplay=true" in text and "Type=Application" in text
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(["desktop-file-validate", "--no-hints", str(entry)], capture_output=True, text=True)
        assert done.returncode == 0 and not done.stdout.strip(), done.stdout

    install(env, "--bundle", bundle)  # an update keeps it
    assert entry.is_file()
    install(env, "--bundle", bundle, "--no-autostart")
    assert not entry.exists()
    install(env, "--bundle", bundle, "--autostart")

    install(env, "--uninstall")
    assert not entry.exists()
    assert tree(home) == before
    if config_home:
        assert not (config / "autostart").exists()
