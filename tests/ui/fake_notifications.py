"""A stand-in desktop notification service for tests: run it on a private session bus.

    python tests/ui/fake_notifications.py RECORD

It owns org.freedesktop.Notifications, appends each Notify call to RECORD as one JSON line, prints
"ready" once it is on the bus, and exits when its stdin closes (or after a minute, whatever
happens). Its Notify has the real signature (susssasa{sv}i): like GNOME's and KDE's services, it
refuses a call with any other argument types.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer, Slot
from PySide6.QtDBus import QDBusConnection


class FakeNotifications(QObject):
    def __init__(self, record: str) -> None:
        super().__init__()
        self.record = record
        self.next_id = 0

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(self, app_name: str, replaces_id: int, app_icon: str, summary: str, body: str,  # noqa: N802
               actions: list[str], hints: dict[str, Any], expire_timeout: int) -> int:
        self.next_id += 1
        call = {"app_name": app_name, "replaces_id": replaces_id, "app_icon": app_icon, "summary": summary,
                "body": body, "actions": list(actions), "hints": {k: str(v) for k, v in hints.items()},
                "expire_timeout": expire_timeout}
        with open(self.record, "a", encoding="utf-8") as f:
            f.write(json.dumps(call) + "\n")
        return self.next_id

    @Slot(result="QStringList")
    def GetCapabilities(self) -> list[str]:  # noqa: N802
        return ["body"]


def main() -> int:
    app = QCoreApplication(sys.argv)
    bus = QDBusConnection.sessionBus()
    service = FakeNotifications(sys.argv[1])
    if not bus.registerObject("/org/freedesktop/Notifications", "org.freedesktop.Notifications", service,
                              QDBusConnection.RegisterOption.ExportAllSlots):
        print("cannot register the object", file=sys.stderr)
        return 1
    if not bus.registerService("org.freedesktop.Notifications"):
        print("cannot own org.freedesktop.Notifications", file=sys.stderr)
        return 1
    stdin = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    stdin.activated.connect(lambda *_: app.quit() if not sys.stdin.buffer.read1(1024) else None)
    QTimer.singleShot(60_000, app.quit)  # never outlive a test that lost track of it
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
