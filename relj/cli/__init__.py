"""The relj command line. Never imports relj.ui except to start the app.

Each command's module is imported only when that command runs (see relj.cli.base.ReljGroup):
list a new command here with the modules that register it. tests/test_launch.py checks that this
table and the commands the modules define agree.
"""

from relj.cli.base import main

COMMANDS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("gui", "demo", "me", "person", "relate", "log", "search", "check"), ("relj.cli.core",)),
    "backup": ("relj.cli.backup",),
    # `import` and `export` are groups in transfer; the file formats add their subcommands.
    "import": ("relj.cli.transfer", "relj.cli.imports"),
    "export": ("relj.cli.transfer", "relj.cli.imports"),
    "merge": ("relj.cli.imports",),
    "trash": ("relj.cli.trash",),
    "sources": ("relj.cli.sources",),
    **dict.fromkeys(("reconnect", "snooze", "pause", "resume", "written-ok", "followups", "cadences"),
                    ("relj.cli.reconnect",)),
    **dict.fromkeys(("plan", "plans", "next", "brief"), ("relj.cli.loop",)),
    **dict.fromkeys(("rhythm", "moment", "moments", "upcoming"), ("relj.cli.rhythms",)),
    "notify": ("relj.cli.notify",),
}
main.add_lazy(COMMANDS)

__all__ = ["COMMANDS", "main"]
