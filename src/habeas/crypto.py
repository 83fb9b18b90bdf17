"""Encryption of confidential values and of backups, with keys kept outside the database.

Field values are encrypted with Fernet (AES-128-CBC + HMAC-SHA256) under a
MultiFernet built from HABEAS_ENCRYPTION_KEYS (comma-separated, newest first)
or HABEAS_KEY_FILE (one key a line, newest first): the newest key encrypts,
every listed key decrypts, so a new key can be added before old values are
re-encrypted with it (`habeas keys rotate`).

Backups are encrypted with a key derived from a passphrase by scrypt, so a
backup can be opened where only the passphrase is known; the confidential
fields inside it stay encrypted under the data keys.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from habeas.errors import HabeasError, InputError

# Stored values start with this, so a reader can tell ciphertext from text kept in the clear.
# bandit B105: a marker that starts every stored token, not a secret.
TOKEN_PREFIX = "fernet:"  # nosec B105
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**15, 8, 1
SALT_BYTES = 16


class EncryptionError(HabeasError):
    """No usable key, or a value that none of the keys can open."""


def generate_key() -> str:
    """A new random Fernet key, as the text to put in HABEAS_ENCRYPTION_KEYS or the key file."""
    return Fernet.generate_key().decode("ascii")


def configured_keys(
    environ: Mapping[str, str] | None = None, *, default_file: Path | None = None
) -> tuple[str, ...]:
    """The data keys, newest first: HABEAS_ENCRYPTION_KEYS, else HABEAS_KEY_FILE, else
    `default_file` (the instance's own key file) when it exists."""
    env = os.environ if environ is None else environ
    inline = env.get("HABEAS_ENCRYPTION_KEYS", "").strip()
    path: Path | None = None
    if env.get("HABEAS_KEY_FILE"):
        path = Path(env["HABEAS_KEY_FILE"]).expanduser()
    elif default_file is not None and default_file.is_file():
        path = default_file
    if inline:
        keys = [k.strip() for k in inline.split(",") if k.strip()]
    elif path is not None:
        try:
            lines = path.read_text(encoding="ascii").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"the key file {path} cannot be read ({exc})") from None
        keys = [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    else:
        keys = []
    if not keys:
        raise EncryptionError(
            "no encryption key is set: put one in HABEAS_ENCRYPTION_KEYS or HABEAS_KEY_FILE, "
            "or restore the instance's keys/data.keys (`habeas keys generate` makes one)"
        )
    return tuple(keys)


@lru_cache(maxsize=8)
def _multi_fernet(keys: tuple[str, ...]) -> MultiFernet:
    fernets = []
    for n, key in enumerate(keys, start=1):
        try:
            fernets.append(Fernet(key.encode("ascii")))
        except (ValueError, UnicodeEncodeError):
            # Never echo the key itself.
            raise InputError(
                f"encryption key {n} is not a Fernet key (32 url-safe base64-encoded bytes)"
            ) from None
    return MultiFernet(fernets)


class FieldCipher:
    """Encrypts and decrypts text values with the configured keys."""

    def __init__(self, keys: tuple[str, ...]) -> None:
        self._fernet = _multi_fernet(keys)

    def encrypt(self, text: str) -> str:
        """`text` encrypted under the newest key, as printable text."""
        return TOKEN_PREFIX + self._fernet.encrypt(text.encode("utf-8")).decode("ascii")

    def decrypt(self, stored: str) -> str:
        """The text of a value `encrypt` made with any configured key."""
        if not stored.startswith(TOKEN_PREFIX):
            raise EncryptionError("a confidential value is stored unencrypted")
        try:
            return self._fernet.decrypt(stored[len(TOKEN_PREFIX) :].encode("ascii")).decode()
        except (InvalidToken, UnicodeError):
            raise EncryptionError(
                "a confidential value cannot be decrypted with the keys set"
            ) from None

    def rotate(self, stored: str) -> str:
        """The value re-encrypted under the newest key (a value kept in the clear is encrypted)."""
        if not stored.startswith(TOKEN_PREFIX):
            return self.encrypt(stored)
        try:
            token = self._fernet.rotate(stored[len(TOKEN_PREFIX) :].encode("ascii"))
        except InvalidToken:
            raise EncryptionError(
                "a confidential value cannot be decrypted with the keys set"
            ) from None
        return TOKEN_PREFIX + token.decode("ascii")


def field_cipher(
    environ: Mapping[str, str] | None = None, *, default_file: Path | None = None
) -> FieldCipher:
    """The cipher for the keys configured now (read from the environment on each call)."""
    return FieldCipher(configured_keys(environ, default_file=default_file))


def passphrase_fernet(passphrase: str, salt: bytes) -> Fernet:
    """A Fernet whose key scrypt derives from `passphrase` and `salt`."""
    if not passphrase:
        raise InputError("the backup passphrase is empty")
    kdf = Scrypt(salt=salt, length=32, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P)
    return Fernet(base64.urlsafe_b64encode(kdf.derive(passphrase.encode("utf-8"))))
