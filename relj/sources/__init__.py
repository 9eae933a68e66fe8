"""Sources (issue 17): files and folders that relj re-reads by itself, incrementally, offline.

A source is an mbox, a Maildir, an .ics, a vCard file, a phone inbox (a folder a phone fills on
its own)... with the options of its import. ``relj.sources.options`` checks what a source may be,
``relj.sources.readers`` decides what one read reads (only what is new), ``relj.sources.sync``
runs it as one import, ``relj.sources.detect`` finds the stores of mail and calendar programs.
The SQL is in relj.store.sources, the undoable changes in relj.ops.sources.
"""

from relj.store.sources import Source

__all__ = ["Source"]
