"""The `backup` commands: create, list, verify, restore."""

from __future__ import annotations

import datetime
import os
import sys
from pathlib import Path

import click

from relj.cli.base import Ctx, main, pass_ctx, say
from relj.errors import UserError
from relj.textfmt import human_size


def _interactive() -> bool:
    return sys.stdin.isatty()


def _keyring_passphrase() -> tuple[str | None, str | None]:
    """(stored passphrase, why the keyring cannot be used)."""
    from relj import secrets

    problem = secrets.backend_problem()
    if problem is not None:
        return None, problem
    try:
        return secrets.get_passphrase(), None
    except secrets.KeyringUnavailable as exc:
        return None, str(exc)


def passphrase_for(what: str, *, new: bool) -> str:
    """The passphrase: RELJ_BACKUP_PASSPHRASE, else the keyring, else asked on a terminal.

    With no terminal on stdin relj never prompts: it fails with a message that says what to do.
    """
    from relj.backup import PASSPHRASE_ENV

    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        return env
    stored, problem = _keyring_passphrase()
    if stored:
        return stored
    if not _interactive():
        where = f"the keyring is not usable: {problem}" if problem else "none is stored in the keyring"
        raise UserError(f"{what} needs a passphrase and there is no terminal to ask on ({where}); "
                        f"set {PASSPHRASE_ENV}")
    if problem:
        say(f"relj: {problem}; relj cannot remember the passphrase, so enter it "
                   f"(or set {PASSPHRASE_ENV} in scripts).", err=True)
    passphrase: str = click.prompt(f"Passphrase for {what}", hide_input=True, confirmation_prompt=new, err=True)
    if not passphrase:
        raise UserError("the backup passphrase is empty")
    if new and problem is None and click.confirm("Remember it in the keyring?", default=True, err=True):
        from relj import secrets

        try:
            secrets.set_passphrase(passphrase)
        except secrets.KeyringUnavailable as exc:
            say(f"relj: {exc}; the passphrase was not remembered", err=True)
    return passphrase


def _when(when: datetime.datetime | None) -> str:
    try:
        return when.astimezone().strftime("%Y-%m-%d %H:%M") if when else "?"
    except (OverflowError, ValueError, OSError):  # a year far out of range, from a file's name
        return "?"


@main.group("backup")
def backup_group() -> None:
    """Back up, check and restore the journal (one portable file per backup)."""


@backup_group.command("create")
@click.option("--to", "to_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the backup (created if needed; default: the journal's backups folder).")
@click.option("--encrypt", is_flag=True,
              help="Encrypt with a passphrase (from $RELJ_BACKUP_PASSPHRASE, the keyring, or asked).")
@pass_ctx
def backup_create(ctx: Ctx, to_dir: Path | None, encrypt: bool) -> None:
    """Write a backup of the journal: a consistent snapshot with a manifest and a checksum."""
    from relj import backup

    if not ctx.db_path.exists():
        raise UserError(f"no journal at {ctx.db_path}")
    ctx.warn_sync_folder()
    passphrase = passphrase_for("the backup", new=True) if encrypt else None
    target = backup.new_backup_path(ctx.db_path, "manual", directory=to_dir)
    m = backup.create_backup(ctx.db_path, target, passphrase=passphrase)
    note = ", encrypted" if m.encrypted else ""
    say(f"backed up {m.summary()} to {target} ({human_size(target.stat().st_size)}{note})")


@backup_group.command("list")
@pass_ctx
def backup_list(ctx: Ctx) -> None:
    """List the backups in the journal's backups folder, newest first."""
    from relj import backup, paths

    infos = backup.list_backups(ctx.db_path)
    if not infos:
        say(f"no backups in {paths.backups_dir(ctx.db_path)}", err=True)
        return
    for info in infos:
        when = _when(info.when)
        if info.manifest is not None:
            m = info.manifest
            state = "encrypted" if m.encrypted else "plain"
            detail = m.summary()
        else:
            state, detail = "unusable", info.problem or ""
        say(f"{when}  {human_size(info.size):>9}  {state:<9}  {info.kind or '-':<13}  {detail}  {info.path.name}")


@backup_group.command("verify")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_ctx
def backup_verify(ctx: Ctx, file: Path) -> None:
    """Check a backup completely: checksum or authentication, and the journal inside it."""
    from relj import backup

    manifest = backup.read_manifest(file)
    passphrase = passphrase_for(str(file), new=False) if manifest.encrypted else None
    # The plaintext goes to the journal's scratch folder, which every start cleans (on Linux it has
    # no name at all while it is written); without a journal folder, to a private temporary one.
    journal = ctx.db_path if ctx.db_path.resolve().parent.is_dir() else None
    m = backup.verify_backup(file, passphrase=passphrase, journal=journal)
    when = _when(m.created_at) if m.created_at else m.created
    note = ", encrypted" if m.encrypted else ""
    say(f"ok: {file} (made {when} by relj {m.app_version}; {m.summary()}{note})")


@backup_group.command("restore")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_ctx
def backup_restore(ctx: Ctx, file: Path) -> None:
    """Replace the journal with a backup (verified first; the current journal is backed up first)."""
    from relj import backup

    ctx.warn_sync_folder()
    manifest = backup.read_manifest(file)
    passphrase = passphrase_for(str(file), new=False) if manifest.encrypted else None
    result = backup.restore_backup(file, ctx.db_path, passphrase=passphrase)
    c = result.counts
    say(f"restored {c.get('person', 0)} people and {c.get('interaction', 0)} interactions "
               f"from {file} into {ctx.db_path}")
    if result.previous is not None:
        say(f"the journal it replaced was backed up to {result.previous}")


@backup_group.command("forget-passphrase")
def backup_forget_passphrase() -> None:
    """Remove the backup passphrase from the OS keyring (the next encrypted backup asks again)."""
    from relj import secrets

    problem = secrets.backend_problem()
    if problem is not None:
        raise UserError(f"the keyring is not usable: {problem}")
    if secrets.delete_passphrase():
        say("relj: the backup passphrase was removed from the keyring")
    else:
        say("relj: no backup passphrase was stored in the keyring")
