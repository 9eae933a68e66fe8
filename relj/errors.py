"""Error classes: UserError is something the user can fix; anything else is a bug."""


class ReljError(Exception):
    """Base class of every error relj raises on purpose."""


class UserError(ReljError):
    """A problem the user can fix: bad input, a missing file, a journal that is too new.

    The message is one line, shown as it is by the CLI and in a message box by the GUI.
    """


class NotFound(UserError):
    """A person, interaction or import that does not exist."""


class Ambiguous(UserError):
    """A name that matches more than one person."""


class JournalTooNew(UserError):
    """The journal holds migrations this build of relj does not know."""


class JournalCorrupt(UserError):
    """The journal file cannot be read as a relj journal."""


class StorageError(UserError):
    """The disk or the file system refused: full, read-only, unreadable."""


class JournalBusy(UserError):
    """Another process holds the journal's write lock past the busy timeout."""
