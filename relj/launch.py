"""The `relj` console entry point: opens the app without loading the command line when it can.

`relj`, `relj gui` and `relj --db PATH [gui] [--exit-after-load]` go straight to the app, so
start-up does not pay for click and every command module (about 100 ms). Anything else is
handed to the click command line unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path


def gui_arguments(args: list[str]) -> tuple[Path | None, bool] | None:
    """(db, exit_after_load) when ``args`` only open the app; None when click must handle them."""
    db: Path | None = None
    exit_after_load = False
    seen_gui = False
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--db" and i + 1 < len(args) and not seen_gui:
            db = Path(args[i + 1])
            i += 2
            continue
        if arg.startswith("--db=") and len(arg) > 5 and not seen_gui:
            db = Path(arg[5:])
        elif arg == "--exit-after-load":
            exit_after_load = True
        elif arg == "gui" and not seen_gui:
            seen_gui = True
        else:
            return None
        i += 1
    return db, exit_after_load


#: The first argument that makes `relj` (a frozen app) the home view's helper (relj.home_prefetch).
HOME_HELPER_ARG = "--relj-home-helper"


def entry() -> None:
    if sys.argv[1:2] == [HOME_HELPER_ARG]:
        from relj.home_prefetch import main as helper

        helper()
        return
    parsed = gui_arguments(sys.argv[1:])
    if parsed is None:
        from relj.cli import main

        main()
        return
    from relj import logs

    # The log file is opened once the window is painted (relj.ui.app); records wait in memory.
    logs.setup_later()
    db, exit_after_load = parsed
    if db is None:
        from relj import paths

        db = paths.default_db_path()
    # The home view's ranking, in a helper process that starts now, while this one loads Qt; the
    # Reconnect list takes it if it is what the list would compute (relj.home_prefetch).
    from relj import home_prefetch
    from relj.clock import today

    home_prefetch.start(Path(db).expanduser(), today())
    from relj.ui.app import run

    sys.exit(run(db, exit_after_load=exit_after_load))
