"""One desktop notification through org.freedesktop.Notifications on the session bus (QtDBus).

Used by `relj notify` only, and imported lazily by it: the command line never loads Qt otherwise.
It needs no display: a QCoreApplication and the session bus are enough.
"""

from __future__ import annotations

import enum
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QCoreApplication, QMetaObject, Qt
from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusVirtualObject

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
APP_ID = "org.relj.Relj"
#: How long a call may take. A notification service answers at once; a stuck one must not hold
#: a login script, so every call on the bus is bounded by this.
TIMEOUT_MS = 5000

# Notify's signature is (susssasa{sv}i) and services check it (GDBus and QtDBus refuse anything
# else). PySide6 cannot make a D-Bus uint32 out of a Python int, so the call goes through a
# QDBusInterface whose method types come from this description; Qt then marshals each argument
# with its declared type. QtDBus caches an interface's description per connection by interface
# name, so describing it once on a local object also spares us the service's introspection call.
_DESCRIPTION = """<interface name="org.freedesktop.Notifications">
  <method name="Notify">
    <arg name="app_name" type="s" direction="in"/>
    <arg name="replaces_id" type="u" direction="in"/>
    <arg name="app_icon" type="s" direction="in"/>
    <arg name="summary" type="s" direction="in"/>
    <arg name="body" type="s" direction="in"/>
    <arg name="actions" type="as" direction="in"/>
    <arg name="hints" type="a{sv}" direction="in"/>
    <arg name="expire_timeout" type="i" direction="in"/>
    <arg name="id" type="u" direction="out"/>
    <annotation name="org.qtproject.QtDBus.QtTypeName.In6" value="QVariantMap"/>
  </method>
</interface>"""
_DESCRIPTION_PATH = "/org/relj/NotificationsDescription"
_NO_SERVICE_ERRORS = frozenset({
    "org.freedesktop.DBus.Error.ServiceUnknown",
    "org.freedesktop.DBus.Error.NameHasNoOwner",
    "org.freedesktop.DBus.Error.Spawn.ServiceNotFound",
})


class Outcome(enum.Enum):
    SENT = "sent"
    NO_BUS = "no-bus"            # no session bus at all (a console login, a service without a session)
    NO_SERVICE = "no-service"    # a bus, but nothing provides org.freedesktop.Notifications
    FAILED = "failed"            # the service refused or did not answer in time


@dataclass(frozen=True)
class Delivery:
    outcome: Outcome
    detail: str = ""  # the D-Bus error name and message, for FAILED (no user data in it)


class _Description(QDBusVirtualObject):
    """Answers introspection with the Notify signature (see _DESCRIPTION); handles no call."""

    def introspect(self, path: str) -> str:
        return _DESCRIPTION

    def handleMessage(self, message: object, connection: object) -> bool:
        return False


def session_bus_configured() -> bool:
    """Whether this session names a bus: $DBUS_SESSION_BUS_ADDRESS, or systemd's $XDG_RUNTIME_DIR/bus.

    Checked before connecting so that no D-Bus autolaunch starts a bus of its own.
    """
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return True
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    return runtime is not None and runtime != "" and Path(runtime, "bus").exists()


def send(title: str, body: str, *, timeout_ms: int = TIMEOUT_MS) -> Delivery:
    """Show one notification; never raises for a missing bus or service, never waits past the timeout."""
    if not session_bus_configured():
        return Delivery(Outcome.NO_BUS)
    if QCoreApplication.instance() is None:
        app = QCoreApplication(["relj-notify"])  # noqa: F841 - lives until the call returns
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        log.info("no session bus: %s", bus.lastError().name())
        return Delivery(Outcome.NO_BUS)
    if not _service_present(bus, timeout_ms):
        return Delivery(Outcome.NO_SERVICE)
    description = _Description()
    if not bus.registerVirtualObject(_DESCRIPTION_PATH, description):
        return Delivery(Outcome.FAILED, "could not describe the Notify call")
    try:
        # Reading the description from our own object is a local call: no round trip.
        QDBusInterface(bus.baseService(), _DESCRIPTION_PATH, INTERFACE, bus)
        remote = QDBusInterface(SERVICE, PATH, INTERFACE, bus)
        remote.setTimeout(timeout_ms)
        hints = {"desktop-entry": APP_ID}
        QMetaObject.invokeMethod(
            remote, "Notify", Qt.ConnectionType.DirectConnection, Q_RETURN_ARG("uint"),
            Q_ARG(str, "relj"), Q_ARG("uint", 0), Q_ARG(str, APP_ID), Q_ARG(str, title), Q_ARG(str, body),
            Q_ARG("QStringList", []), Q_ARG("QVariantMap", hints), Q_ARG(int, -1),
        )
        error = remote.lastError()
    finally:
        bus.unregisterObject(_DESCRIPTION_PATH)
    if not error.isValid():
        log.info("notification sent")
        return Delivery(Outcome.SENT)
    log.warning("notification refused: %s", error.name())
    if error.name() in _NO_SERVICE_ERRORS:
        return Delivery(Outcome.NO_SERVICE)
    return Delivery(Outcome.FAILED, f"{error.name()}: {error.message()}")


def _service_present(bus: QDBusConnection, timeout_ms: int) -> bool:
    """The service is running, or the bus can start it (many notification daemons start on demand)."""
    names = bus.interface()
    names.setTimeout(timeout_ms)
    registered = names.isServiceRegistered(SERVICE)
    if registered.isValid() and registered.value():
        return True
    started = names.startService(SERVICE)
    return started.isValid()
