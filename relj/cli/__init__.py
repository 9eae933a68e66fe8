"""The relj command line. Never imports relj.ui except to start the app."""

from relj.cli import backup, core, imports, reconnect, transfer  # noqa: F401 - registers the commands
from relj.cli.base import main

__all__ = ["main"]
