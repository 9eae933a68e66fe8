"""The backup passphrase in the OS keyring: the one place relj talks to ``keyring``.

Headless Linux often has no keyring backend at all (``keyring.backends.fail.Keyring``). Then every
call here raises a ``KeyringUnavailable`` that says so, and callers fall back to asking for the
passphrase or to ``RELJ_BACKUP_PASSPHRASE``. A backend that would keep secrets in a plain file is
treated as no backend: relj never stores a passphrase in plain text behind the user's back.
"""

from __future__ import annotations

import logging
from typing import Any

from relj.errors import UserError

log = logging.getLogger(__name__)

SERVICE = "relj"
BACKUP_ACCOUNT = "backup-passphrase"


class KeyringUnavailable(UserError):
    """No usable keyring backend, or the keyring refused the request."""


def _backend() -> Any:
    import keyring

    return keyring.get_keyring()


def _flat(backend: Any) -> list[Any]:
    from keyring.backends import chainer

    if isinstance(backend, chainer.ChainerBackend):
        return list(backend.backends)
    return [backend]


def backend_problem() -> str | None:
    """Why the keyring cannot be used, or None if it can."""
    try:
        from keyring.backends import fail

        backend = _backend()
    except Exception as exc:  # noqa: BLE001 - keyring's discovery can fail in many ways
        return f"the keyring could not be loaded ({type(exc).__name__})"
    usable = [b for b in _flat(backend) if not isinstance(b, fail.Keyring)]
    usable = [b for b in usable if type(b).__module__ != "keyring.backends.null"]
    if not usable:
        return "no keyring backend is available on this system (for example no Secret Service on headless Linux)"
    if all(_is_plaintext(b) for b in usable):
        return "the only keyring backend stores secrets in a plain file, so relj will not use it"
    return None


def _is_plaintext(backend: Any) -> bool:
    name = f"{type(backend).__module__}.{type(backend).__name__}".lower()
    return "plaintext" in name or name.startswith("keyrings.alt.file.")


def available() -> bool:
    return backend_problem() is None


def _require() -> Any:
    problem = backend_problem()
    if problem is not None:
        raise KeyringUnavailable(problem)
    import keyring

    return keyring


def get_passphrase() -> str | None:
    """The remembered backup passphrase, or None if none is stored. Raises KeyringUnavailable."""
    keyring = _require()
    try:
        value = keyring.get_password(SERVICE, BACKUP_ACCOUNT)
    except Exception as exc:  # noqa: BLE001 - any backend error (locked collection, D-Bus...)
        raise KeyringUnavailable(f"the keyring could not be read ({type(exc).__name__})") from None
    return value or None


def set_passphrase(passphrase: str) -> None:
    """Remember the backup passphrase in the keyring. Raises KeyringUnavailable."""
    if not passphrase:
        raise UserError("the backup passphrase is empty")
    keyring = _require()
    try:
        keyring.set_password(SERVICE, BACKUP_ACCOUNT, passphrase)
    except Exception as exc:  # noqa: BLE001
        raise KeyringUnavailable(f"the keyring refused to store the passphrase ({type(exc).__name__})") from None
    log.info("backup passphrase stored in the keyring")


def delete_passphrase() -> bool:
    """Forget the remembered passphrase; True if there was one. Raises KeyringUnavailable."""
    keyring = _require()
    from keyring.errors import PasswordDeleteError

    try:
        keyring.delete_password(SERVICE, BACKUP_ACCOUNT)
    except PasswordDeleteError:
        return False
    except Exception as exc:  # noqa: BLE001
        raise KeyringUnavailable(f"the keyring could not be changed ({type(exc).__name__})") from None
    log.info("backup passphrase removed from the keyring")
    return True
