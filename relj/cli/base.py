"""The root click group, its context, and the error contract shared by every command.

Start-up is kept small: this module imports click and little else (no logging or platformdirs
until a command needs them), and a command's module is imported only when that command runs
(``ReljGroup.lazy``, filled in by relj.cli).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from relj import __version__
from relj.errors import UserError

F = TypeVar("F", bound=Callable[..., Any])

#: The largest id SQLite can store (a signed 64-bit integer).
MAX_ID = 2**63 - 1
#: An ``ID`` option or argument: a positive whole number SQLite can hold; larger is a usage error
#: in one line, never an overflow deep inside.
ID = click.IntRange(1, MAX_ID)


class Ctx:
    """What every command needs: the journal path, opened lazily so --help stays instant."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._store: Any = None

    def store(self, *, create: bool = True) -> Any:
        from relj.store import Store

        if self._store is None:
            self._store = Store.open(self.db_path, create=create, before_migrate=backup_before_migrate)
            from relj.backup import clean_scratch

            clean_scratch(self.db_path)  # what a killed relj left: plaintext snapshots, parts
            self.warn_sync_folder()
        return self._store

    def warn_sync_folder(self) -> None:
        """A journal inside a Dropbox, OneDrive, Syncthing... folder: say so once per command."""
        if getattr(self, "_sync_warned", False):
            return
        self._sync_warned = True
        from relj.backup import sync_folder_warning

        warning = sync_folder_warning(self.db_path)
        if warning:
            click.echo(f"relj: warning: {warning}", err=True)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def backup_before_migrate(db_path: Path) -> None:
    """Migrations never run on a journal with data before a backup of it exists."""
    import logging

    from relj.db import pre_migration_backup

    target = pre_migration_backup(db_path)
    logging.getLogger(__name__).info("pre-migration backup written")
    click.echo(f"relj: backed up the journal to {target} before updating it", err=True)


class ReljGroup(click.Group):
    """Turns a UserError into one line on stderr and exit 1; a bug into a log entry and exit 70.

    Commands are loaded lazily: ``lazy`` maps a command name to the modules that define it (a
    group such as ``import`` may get subcommands from several). Importing a module registers its
    commands on this group with the usual decorators; only the modules of the command asked for
    are imported, so `relj --version` and `relj reconnect` do not pay for every other command.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy: dict[str, tuple[str, ...]] = {}

    def add_lazy(self, modules: Mapping[str, Sequence[str]]) -> None:
        """Declare commands by name and the modules (dotted paths) that register them."""
        for name, mods in modules.items():
            self.lazy[name] = tuple(mods)

    def load(self, name: str) -> None:
        """Import the modules of command ``name`` (each once; importlib caches them)."""
        for module in self.lazy.get(name, ()):
            importlib.import_module(module)

    def load_all(self) -> None:
        for name in list(self.lazy):
            self.load(name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(self.lazy))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        self.load(cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UserError as exc:
            from relj.terminal import terminal_safe

            click.echo(f"relj: error: {terminal_safe(exc)}", err=True)
            ctx.exit(1)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("relj: interrupted; nothing was changed by the unfinished step", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(0)
        except Exception as exc:  # noqa: BLE001 - the bug barrier
            from relj.logs import log_bug

            where = log_bug(exc)
            click.echo(
                f"relj: internal error ({type(exc).__name__}); this is a bug. Details are in {where}", err=True
            )
            ctx.exit(70)
        finally:
            obj = ctx.find_object(Ctx)
            if obj is not None:
                obj.close()


@click.group(cls=ReljGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Journal file (default: $RELJ_DB, else the platform data directory).",
)
@click.option("--exit-after-load", is_flag=True, help="With no command: open the app, paint, print ms, exit.")
@click.version_option(__version__, "--version", prog_name="relj", message="%(prog)s %(version)s")
@click.pass_context
def main(ctx: click.Context, db_path: Path | None, exit_after_load: bool) -> None:
    """relj: a journal of the people in your life, and of how you really keep in touch.

    With no command, opens the desktop app.
    """
    from relj import logs, paths

    logs.setup()
    if ctx.invoked_subcommand not in (None, "gui"):
        # A command is a short process that keeps most of what it allocates (rows, entries) and
        # makes few reference cycles: collect the young generation every 50,000 allocations, not
        # every 700 (`reconnect --json` over 2,000 people: about 20 ms less). Cycles are still
        # collected, so a long import stays bounded.
        import gc

        gc.set_threshold(50_000, 20, 20)
    ctx.obj = Ctx(db_path or paths.default_db_path())
    if ctx.invoked_subcommand is None:
        from relj.cli.core import run_gui

        run_gui(ctx.obj, exit_after_load=exit_after_load)


def say(text: str, *, err: bool = False, multiline: bool = False) -> None:
    """Print text to the terminal with control and bidirectional characters taken out (relj.terminal):
    names, notes and file contents never steer the terminal or reorder a line."""
    from relj.terminal import terminal_safe

    click.echo(terminal_safe(text, multiline=multiline), err=err)


def pass_ctx(f: F) -> F:
    return click.pass_obj(f)  # type: ignore[return-value]


def echo_json(data: Any) -> None:
    """--json output: pure JSON on stdout, UTF-8, nothing else."""
    from relj.terminal import json_text

    click.echo(json_text(data))  # bidi and control characters escaped: faithful once parsed


def parse_day(text: str | None, what: str = "date") -> Any:
    from relj.clock import parse_date, today

    return today() if text is None else parse_date(text, what)
