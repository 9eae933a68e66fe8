"""Exports (issue 13): CSV for spreadsheets, and every format written atomically, 0600, never through a link."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from relj.cli import main
from relj.errors import StorageError, UserError
from relj.fileio import write_atomic
from relj.interop.csv_export import HEADER, neutralise
from tests.cli.helpers import run

FORMATS = ("json", "vcard", "ics", "csv")


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "journal.db"
    run(path, "person", "add", "Ana García", "--email", "ana@x.org", "--email", "ana@work.org",
        "--phone", "+44 20 7946 0000", "--interest", "Climbing", "--interest", "Chess", "--circle", "close",
        "--org", "-Figma", "--birthday", "1990-05-17", "--note", '=HYPERLINK("http://evil.example","hi")')
    run(path, "person", "add", "Bo", "--birthday=--02-29", "--note", "line one\nline two, \"quoted\"")
    run(path, "person", "add", "Cy", "--note", "@SUM(A1)\tx")
    run(path, "log", "in-person", "--with", "Ana García", "--date", "2026-01-02")
    run(path, "log", "phone", "--with", "Ana García", "--date", "2026-02-03")
    run(path, "log", "email", "--with", "Ana García", "--with", "Bo", "--date", "2026-03-04")
    return path


def refused(db: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output + result.stderr
    assert result.stderr.startswith("relj: error:") and result.stderr.count("\n") == 1
    return result.stderr


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


# -- CSV --------------------------------------------------------------------------------------
def test_csv_has_one_row_per_person_with_every_column(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "people.csv"
    result = run(db, "export", "csv", str(out))
    assert "exported 3 people" in result.stdout
    rows = read_csv(out)
    assert list(rows[0]) == list(HEADER)
    by_name = {r["name"]: r for r in rows}
    assert [r["name"] for r in rows] == ["Ana García", "Bo", "Cy"]
    ana = by_name["Ana García"]
    assert ana["emails"] == "ana@x.org; ana@work.org"
    assert ana["phones"] == "'+44 20 7946 0000"  # "+" starts a formula
    assert ana["organisation"] == "'-Figma"
    assert ana["circle"] == "close"
    assert ana["birthday"] == "1990-05-17"
    assert ana["interests"] in ("Climbing; Chess", "Chess; Climbing")
    assert (ana["last in person"], ana["last voice"], ana["last written"]) == ("2026-01-02", "2026-02-03", "2026-03-04")
    assert ana["notes"] == "'=HYPERLINK(\"http://evil.example\",\"hi\")"
    bo = by_name["Bo"]
    assert bo["birthday"] == "'--02-29"
    assert bo["notes"] == "line one\nline two, \"quoted\""  # a cell may hold line breaks and quotes
    assert (bo["last in person"], bo["last written"]) == ("", "2026-03-04")
    assert by_name["Cy"]["notes"] == "'@SUM(A1)\tx"


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@x", "\tx", "\rx"])
def test_cells_that_start_a_formula_get_a_quote(cell: str) -> None:
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["", "Ana", "1+1", "a=b", " =x", "'=x", "2026-01-02"])
def test_other_cells_are_kept(cell: str) -> None:
    assert neutralise(cell) == cell


def test_csv_of_an_empty_journal_is_a_header(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    run(db, "me", "--name", "Sam")  # creates the journal; the owner is never exported
    out = tmp_path / "people.csv"
    assert "exported 0 people" in run(db, "export", "csv", str(out)).stdout
    assert read_csv(out) == []


def test_csv_is_streamed_in_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from relj.interop import csv_export
    from relj.store import Store

    monkeypatch.setattr(csv_export, "CHUNK", 2)
    store = Store.open(tmp_path / "journal.db")
    with store.atomic():
        for n in range(7):
            store.add_person(f"P{n}")
    seen: list[int] = []
    real = store.people_by_ids
    monkeypatch.setattr(store, "people_by_ids", lambda ids: seen.append(len(ids)) or real(ids))
    assert csv_export.export_csv(store, tmp_path / "p.csv") == 7
    store.close()
    assert seen == [2, 2, 2, 1]
    assert [r["name"] for r in read_csv(tmp_path / "p.csv")] == [f"P{n}" for n in range(7)]


# -- every format: mode, links, devices, folders -------------------------------------------------
@pytest.mark.parametrize("fmt", FORMATS)
def test_export_is_0600_under_umask_022_and_replaces_a_regular_file(db: Path, tmp_path: Path, fmt: str,
                                                                     umask_022: None) -> None:
    out = tmp_path / f"out.{fmt}"
    out.write_text("old")
    os.chmod(out, 0o644)
    run(db, "export", fmt, str(out))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_bytes() != b"old"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_refuses_a_symlink_and_leaves_both_ends_alone(db: Path, tmp_path: Path, fmt: str) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    link = tmp_path / f"out.{fmt}"
    link.symlink_to(victim)
    assert "symbolic link" in refused(db, "export", fmt, str(link))
    assert link.is_symlink() and os.readlink(link) == str(victim)
    assert victim.read_bytes() == b"precious"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_refuses_a_dangling_symlink(db: Path, tmp_path: Path, fmt: str) -> None:
    link = tmp_path / f"out.{fmt}"
    link.symlink_to(tmp_path / "nowhere")
    refused(db, "export", fmt, str(link))
    assert link.is_symlink() and not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_refuses_a_device(db: Path, fmt: str) -> None:
    assert "not a regular file" in refused(db, "export", fmt, "/dev/null")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_refuses_a_fifo(db: Path, tmp_path: Path, fmt: str) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    refused(db, "export", fmt, str(fifo))  # and does not hang opening it
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_into_a_missing_folder_is_one_line(db: Path, tmp_path: Path, fmt: str) -> None:
    assert "no such folder" in refused(db, "export", fmt, str(tmp_path / "missing" / f"out.{fmt}"))


def test_export_json_still_round_trips(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "journal.json"
    run(db, "export", "json", str(out))
    doc = json.loads(out.read_text("utf-8"))
    assert len(doc["people"]) == 3
    fresh = tmp_path / "fresh.db"
    assert "imported 3 people" in run(fresh, "import", "json", str(out)).stdout


# -- write_atomic itself ------------------------------------------------------------------------
def test_write_atomic_streams_from_a_writer(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "out.bin"
    write_atomic(target, lambda fh: fh.write(b"abc"))
    assert target.read_bytes() == b"abc"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_failing_writer_leaves_the_target_byte_identical(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"before")

    def boom(fh: object) -> None:
        fh.write(b"half")  # type: ignore[attr-defined]
        raise RuntimeError("bug in a writer")

    with pytest.raises(RuntimeError):
        write_atomic(target, boom)
    assert target.read_bytes() == b"before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bin"]


def test_a_full_disk_is_a_storage_error_and_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"before")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(StorageError, match="disk is full"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bin"]


def test_a_stale_temp_file_does_not_block_or_get_followed(tmp_path: Path) -> None:
    # The temporary name is random and opened with O_EXCL | O_NOFOLLOW: a planted link is never written through.
    victim = tmp_path / "victim"
    victim.write_bytes(b"keep")
    for n in range(5):
        (tmp_path / f".relj-planted{n}.part").symlink_to(victim)
    write_atomic(tmp_path / "out", b"data")
    assert victim.read_bytes() == b"keep"
    assert (tmp_path / "out").read_bytes() == b"data"


def test_a_folder_target_is_refused(tmp_path: Path) -> None:
    (tmp_path / "dir").mkdir()
    with pytest.raises(UserError, match="folder"):
        write_atomic(tmp_path / "dir", b"x")
