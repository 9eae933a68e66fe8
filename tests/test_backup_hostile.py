"""Hostile backup files: a header's checksum is public, so anyone can rewrite a header.

A header that asks for a key-derivation cost above what relj writes is refused before any key is
derived; numbers like 1e400 and deep nesting give one clear line; one such file never breaks
`backup list`. The CLI cases run in a child process under a hang and memory guard: a timeout far
above the expected 0.3 s, and an address-space limit (RLIMIT_AS) far above the expected ~50 MB.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from relj import backup, paths
from relj.backup import format as backup_format
from relj.backup import restore as backup_restore
from relj.errors import UserError
from relj.store import Store

ROOT = Path(__file__).resolve().parent.parent
PASS = "hostile test passphrase"
#: Guards for a child process: each refusal takes about 0.3 s and 50 MB of address space.
TIMEOUT_S = 30
MEMORY_LIMIT = 1 << 30


pytestmark = pytest.mark.usefixtures("cheap_scrypt")


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    path = tmp_path / "home" / "journal.db"
    s = Store.open(path)
    s.add_person("Ana Lima", notes="private note")
    s.close()
    return path


@pytest.fixture
def good(journal: Path, tmp_path: Path) -> Path:
    target = tmp_path / "good.reljbak"
    backup.create_backup(journal, target, passphrase=PASS)
    return target


def split(path: Path) -> tuple[bytes, dict[str, Any]]:
    raw = path.read_bytes()
    body_len, header_len, _, _ = backup.TRAILER.unpack(raw[-backup.TRAILER.size:])
    return raw[:body_len], json.loads(raw[body_len:body_len + header_len])


def forge(good: Path, out: Path, header_text: bytes | Callable[[dict[str, Any]], Any]) -> Path:
    """``good`` with another header and a matching checksum: what anyone can do to a backup."""
    body, header = split(good)
    if callable(header_text):
        header_text(header)
        header_text = backup_format.encode_header(header)
    out.write_bytes(body + header_text + backup_format.trailer(header_text, len(body)))
    return out


def set_kdf(**cost: int) -> Callable[[dict[str, Any]], None]:
    return lambda h: h["encryption"]["kdf"].update(cost)


def header_with(good: Path, key: str, raw_value: str) -> bytes:
    """The good header's text with one more key whose value is ``raw_value``, verbatim JSON."""
    _, header = split(good)
    text = backup_format.encode_header(header)
    return text[:-1] + f',"{key}":{raw_value}}}'.encode()


def hostile_files(good: Path, folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    _, header = split(good)
    counts_text = backup_format.encode_header(header).replace(b'"person":1', b'"person":1e400')
    assert counts_text != backup_format.encode_header(header)
    return {
        "cost": forge(good, folder / "journal-20240101-090000-manual.reljbak", set_kdf(n=2**20, r=32)),
        "cost-n": forge(good, folder / "journal-20240102-090000-manual.reljbak", set_kdf(n=2**18)),
        "cost-p": forge(good, folder / "journal-20240103-090000-manual.reljbak", set_kdf(p=16)),
        "1e400": forge(good, folder / "journal-20240104-090000-manual.reljbak", counts_text),
        "nan": forge(good, folder / "journal-20240105-090000-manual.reljbak", header_with(good, "x", "NaN")),
        "long-int": forge(good, folder / "journal-20240106-090000-manual.reljbak", header_with(good, "x", "9" * 5000)),
        "nested": forge(good, folder / "journal-20240107-090000-manual.reljbak",
                        header_with(good, "x", "[" * 30_000 + "]" * 30_000)),
        "nested-200k": forge(good, folder / "journal-20240108-090000-manual.reljbak",
                             header_with(good, "x", "[" * 200_000 + "]" * 200_000)),
        "bool-size": forge(good, folder / "journal-20240109-090000-manual.reljbak",
                           lambda h: h["payload"].update(size=True)),
        "repeated-key": forge(good, folder / "journal-20240110-090000-manual.reljbak",
                              header_with(good, "format", '"relj-backup"')),
        "year-1": forge(good, folder / "journal-00010101-000000-manual.reljbak",
                        lambda h: h.update(created="0001-01-01T00:00:00+14:00")),
    }


def guarded(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real CLI in a child process that can neither hang nor take more than MEMORY_LIMIT."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "RELJ_BACKUP_PASSPHRASE": PASS, **(env or {})}
    return subprocess.run([sys.executable, "-m", "relj", *args], capture_output=True, text=True, cwd=ROOT,
                          env=full_env, timeout=TIMEOUT_S, preexec_fn=limit, check=False)


def one_clear_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 1, (done.returncode, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("relj: error: "), done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    return lines[0]


# -- the scrypt cost ----------------------------------------------------------------------------
@pytest.mark.parametrize("cost", [{"n": 2**20, "r": 32}, {"n": 2**18}, {"r": 9}, {"p": 2}, {"n": 3}, {"n": True}],
                         ids=["n20-r32", "n18", "r9", "p2", "n-not-power-of-2", "n-bool"])
def test_a_cost_above_what_relj_writes_is_refused_before_any_key(
    good: Path, tmp_path: Path, journal: Path, monkeypatch: pytest.MonkeyPatch, cost: dict[str, int]
) -> None:
    bad = forge(good, tmp_path / "bad.reljbak", set_kdf(**cost))
    before = bad.read_bytes()
    derived: list[object] = []
    monkeypatch.setattr(backup_format, "derive", lambda *a: derived.append(a))
    monkeypatch.setattr(backup_restore, "derive", lambda *a: derived.append(a))
    for attempt in (lambda: backup.read_manifest(bad), lambda: backup.verify_backup(bad, passphrase=PASS),
                    lambda: backup.restore_backup(bad, journal, passphrase=PASS)):
        with pytest.raises(backup.BackupDamaged, match="damaged or was altered"):
            attempt()
    assert derived == []
    assert bad.read_bytes() == before


def test_relj_reads_its_own_cost(journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bound is exactly what relj writes: a backup made at the real cost still verifies."""
    monkeypatch.setattr(backup, "SCRYPT_N", backup_format.SCRYPT_N)
    target = tmp_path / "real-cost.reljbak"
    backup.create_backup(journal, target, passphrase=PASS)
    kdf = backup.read_manifest(target).raw["encryption"]["kdf"]
    assert (kdf["n"], kdf["r"], kdf["p"]) == (backup.SCRYPT_MAX_N, backup.SCRYPT_MAX_R, backup.SCRYPT_MAX_P)
    assert backup.verify_backup(target, passphrase=PASS).counts["person"] == 1


def test_the_cli_refuses_a_costly_header_fast_and_small(good: Path, tmp_path: Path, journal: Path) -> None:
    """Before: 312 s and 4.2 GB of memory, then "wrong passphrase". Now one line, under the guard."""
    bad = forge(good, tmp_path / "bad.reljbak", set_kdf(n=2**20, r=32))
    for command in ("verify", "restore"):
        line = one_clear_line(guarded("--db", str(journal), "backup", command, str(bad)))
        assert "damaged or was altered" in line and "key-derivation cost" in line


# -- numbers, nesting, sizes ----------------------------------------------------------------------
def test_hostile_headers_give_one_clear_error(good: Path, tmp_path: Path) -> None:
    for name, path in hostile_files(good, tmp_path / "hostile").items():
        if name == "year-1":
            continue  # an odd date is harmless: listed, with "?" for its time
        with pytest.raises(backup.BackupError) as info:
            backup.read_manifest(path)
        message = str(info.value)
        assert "\n" not in message and len(message) < 400, (name, message)
        assert "damaged" in message, (name, message)


def test_the_header_size_is_bounded_before_it_is_read(good: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    bad = forge(good, tmp_path / "big.reljbak", header_with(good, "pad", '"' + "x" * (backup.MAX_HEADER + 10) + '"'))
    reads: list[int] = []
    real = backup_format.read_header

    class Counting:
        def __init__(self, fh: Any) -> None:
            self.fh = fh

        def read(self, n: int = -1) -> bytes:
            reads.append(n)
            data: bytes = self.fh.read(n)
            return data

        def __getattr__(self, name: str) -> Any:
            return getattr(self.fh, name)

    def spy(fh: Any, path: Path) -> Any:
        return real(Counting(fh), path)

    monkeypatch.setattr(backup_format, "read_header", spy)
    with pytest.raises(backup.BackupDamaged, match="header is .* at most"):
        backup.read_manifest(bad)
    assert reads == [backup.TRAILER.size]  # only the trailer was read


@pytest.mark.parametrize("name", ["1e400", "nested", "nested-200k", "long-int", "cost"])
def test_the_cli_gives_one_line_for_each_hostile_header(good: Path, tmp_path: Path, journal: Path, name: str) -> None:
    path = hostile_files(good, tmp_path / "hostile")[name]
    line = one_clear_line(guarded("--db", str(journal), "backup", "verify", str(path)))
    assert "damaged" in line


# -- listing goes on ------------------------------------------------------------------------------
def test_list_goes_on_past_hostile_files(good: Path, journal: Path) -> None:
    folder = paths.backups_dir(journal)
    hostile = hostile_files(good, folder)
    real = backup.new_backup_path(journal, "manual")
    backup.create_backup(journal, real)
    infos = {i.path: i for i in backup.list_backups(journal)}
    assert infos[real].problem is None and infos[real].manifest is not None
    for name, path in hostile.items():
        if name == "year-1":
            assert infos[path].manifest is not None and infos[path].manifest.created_at is None  # type: ignore[union-attr]
            continue
        assert infos[path].manifest is None and infos[path].problem, name
    assert backup.latest_backup(journal) == real

    done = guarded("--db", str(journal), "backup", "list")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == len(hostile) + 1
    assert sum("unusable" in line for line in lines) == len(hostile) - 1
    assert any(real.name in line and "plain" in line for line in lines)
    assert "Traceback" not in done.stderr


def test_a_fifo_never_hangs_list_or_verify(journal: Path, tmp_path: Path) -> None:
    folder = paths.backups_dir(journal)
    folder.mkdir(parents=True)
    fifo = folder / "journal-20240101-090000-manual.reljbak"
    os.mkfifo(fifo)
    assert backup.list_backups(journal) == []
    with pytest.raises(UserError, match="not a regular file"):
        backup.read_manifest(fifo)
    line = one_clear_line(guarded("--db", str(journal), "backup", "verify", str(fifo)))
    assert "not a regular file" in line
    assert guarded("--db", str(journal), "backup", "list").returncode == 0
