"""The instance's own secrets, made on first run and kept in files outside the database.

HABEAS_KEYS_DIR (default: HABEAS_HOME/keys, mode 0700) holds:

    secret_key   Django's signing key (unless HABEAS_SECRET_KEY is set)
    data.keys    the data key that encrypts confidential fields (unless
                 HABEAS_ENCRYPTION_KEYS or HABEAS_KEY_FILE is set)
    audit.key    the key of the audit log's HMAC chain and checkpoints
                 (unless HABEAS_AUDIT_KEY is set)

The data and audit keys are made only when the directory itself is made (the
first run): a key file that later goes missing is an error, never silently
replaced, since values written under the old key would no longer open.
Backups never contain this directory. Plain Python: settings.py reads it
before Django is set up.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from habeas.crypto import generate_key

SECRET_KEY_FILE = "secret_key"  # nosec B105: a file name, not a secret
DATA_KEYS_FILE = "data.keys"
AUDIT_KEY_FILE = "audit.key"


def keys_dir_for(home: Path, environ: dict[str, str] | os._Environ[str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    raw = env.get("HABEAS_KEYS_DIR")
    return Path(raw).expanduser().absolute() if raw else home / "keys"


def _create(path: Path, text: str) -> None:
    """Write `text` to a new file readable by its owner only; an existing file is kept."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(fd, "w", encoding="ascii") as stream:
        stream.write(text + "\n")
        stream.flush()
        os.fsync(stream.fileno())


def ensure_keys_dir(keys_dir: Path) -> None:
    """Make the keys directory and its keys on first run; an existing directory is left alone."""
    if keys_dir.is_dir():
        return
    keys_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not (os.environ.get("HABEAS_ENCRYPTION_KEYS") or os.environ.get("HABEAS_KEY_FILE")):
        _create(keys_dir / DATA_KEYS_FILE, "# newest first\n" + generate_key())
    if not os.environ.get("HABEAS_AUDIT_KEY"):
        _create(keys_dir / AUDIT_KEY_FILE, secrets.token_hex(32))


def secret_key(keys_dir: Path) -> str:
    """The instance's Django secret key, made (in the keys directory) if there is none yet."""
    ensure_keys_dir(keys_dir)
    path = keys_dir / SECRET_KEY_FILE
    _create(path, secrets.token_urlsafe(50))
    return path.read_text(encoding="ascii").strip()
