"""Screenshots of pages reached through menus, rendered by Qt itself (offscreen): the Sources page
with a made-up Thunderbird profile to find, and the Rhythms dialog. Run by make.sh.

Usage: python docs/screenshots/pages.py DEMO.db OUT_DIR
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def fake_home() -> Path:
    """A home folder with a Thunderbird profile (Inbox, Sent, a local calendar) for detect()."""
    home = Path(tempfile.mkdtemp(prefix="relj-shot-home-"))
    tb = home / ".thunderbird"
    profile = tb / "abcd1234.default-release"
    (profile / "Mail" / "Local Folders").mkdir(parents=True)
    (profile / "ImapMail" / "imap.example.org").mkdir(parents=True)
    for folder in (profile / "Mail" / "Local Folders", profile / "ImapMail" / "imap.example.org"):
        for name in ("Inbox", "Sent"):
            (folder / name).write_text("")
            (folder / f"{name}.msf").write_text("")
    (profile / "calendar-data").mkdir()
    (tb / "profiles.ini").write_text("[Profile0]\nName=default-release\nIsRelative=1\n"
                                     "Path=abcd1234.default-release\nDefault=1\n")
    (home / "Phone").mkdir()
    return home


def main() -> int:
    db, out = Path(sys.argv[1]), Path(sys.argv[2])
    os.environ["HOME"] = str(fake_home())
    from PySide6.QtWidgets import QApplication  # noqa: TID251 - a screenshot script drives the app

    from relj.store import Store
    from relj.ui.focus_style import install
    from relj.ui.i18n import install_translators
    from relj.ui.journal import Journal
    from relj.ui.main_window import MainWindow
    from relj.ui.rhythms_dialog import RhythmsDialog
    from relj.ui.sources_page import show_sources

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translators(app)
    install(app)
    journal = Journal(Store.open(db))
    if not journal.store.list_sources():
        from relj.ops import sources as source_ops

        phone = Path(os.environ["HOME"]) / "Phone"
        journal.run(source_ops.add_source, "phone-inbox", phone, {"create_people": True})
    window = MainWindow(journal, restore_state=False)
    window.resize(1280, 800)
    window.show()
    page = show_sources(window)
    deadline = 200
    while deadline and page.found_model.rowCount() == 0:  # detection runs off the main thread
        app.processEvents()
        QApplication.instance().thread().msleep(20)
        deadline -= 1
    app.processEvents()
    window.grab().save(str(out / "sources.png"))
    dialog = RhythmsDialog(journal, None, window)
    dialog.resize(900, 520)
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(out / "rhythms.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
