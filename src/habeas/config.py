"""Core settings, read from HABEAS_* environment variables.

Every setting habeas reads from the environment is listed here, with its
default. A bad value stops the program with one sentence naming the variable.

HABEAS_HOME
    The data directory: the database (by default), captured snapshots and the
    task queue live here. Default: ``./var`` (relative to the working directory).
HABEAS_DATABASE_URL
    Where the case store lives, as ``sqlite:///relative/path.sqlite3`` or
    ``sqlite:////absolute/path.sqlite3``. Default: ``HABEAS_HOME/habeas.sqlite3``.
HABEAS_MAX_BYTES
    The largest page, feed or file habeas will read, in bytes. Default: 10000000.
HABEAS_ALLOW_PRIVATE_FETCH
    ``1``/``true`` lets habeas fetch from loopback, private and link-local
    addresses (for a test server or an intranet). Default: false, so a URL in a
    feed cannot make habeas probe the machine it runs on or its network.
HABEAS_EXTRACTOR
    The extractor that turns captured reports into suggestions, as
    ``module:factory`` (a callable with no arguments returning an Extractor).
    Default: ``habeas.extract.engine:default_extractor``.
HABEAS_POLL_MINUTES
    How often ``habeas worker`` polls the registered feeds, in minutes (1-60).
    Default: 30.
HABEAS_SECRET_KEY
    The web application's signing key; set it to a long random string in any
    deployment. Default: a fixed key that is only fit for a laptop.
HABEAS_DEBUG
    ``1``/``true`` turns on the web application's debug pages (and full tracebacks
    from the CLI). Default: false.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from habeas.errors import InputError

_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})

DEFAULT_EXTRACTOR = "habeas.extract.engine:default_extractor"
INSECURE_SECRET_KEY = "habeas-insecure-development-key-change-me"


@dataclass(frozen=True, slots=True)
class Config:
    home: Path
    database_url: str
    max_bytes: int
    allow_private_fetch: bool
    extractor: str
    poll_minutes: int
    secret_key: str
    debug: bool

    @property
    def snapshot_dir(self) -> Path:
        return self.home / "snapshots"

    @property
    def queue_file(self) -> Path:
        return self.home / "queue.sqlite3"


def _bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise InputError(f"{name} must be true or false (1/0), not {raw!r}")


def _int(env: Mapping[str, str], name: str, default: int, *, low: int, high: int) -> int:
    raw = env.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise InputError(f"{name} must be a whole number, not {raw!r}") from None
    if not low <= value <= high:
        raise InputError(f"{name} must be between {low} and {high}, not {value}")
    return value


def load_config(environ: Mapping[str, str] | None = None) -> Config:
    """The settings in `environ` (default: the process environment), validated."""
    env = os.environ if environ is None else environ
    home = Path(env.get("HABEAS_HOME") or "var").expanduser().absolute()
    database_url = env.get("HABEAS_DATABASE_URL") or f"sqlite:///{home / 'habeas.sqlite3'}"
    extractor = env.get("HABEAS_EXTRACTOR") or DEFAULT_EXTRACTOR
    if ":" not in extractor:
        raise InputError(f"HABEAS_EXTRACTOR must be written module:factory, not {extractor!r}")
    return Config(
        home=home,
        database_url=database_url,
        max_bytes=_int(env, "HABEAS_MAX_BYTES", 10_000_000, low=1, high=2**40),
        allow_private_fetch=_bool(env, "HABEAS_ALLOW_PRIVATE_FETCH", False),
        extractor=extractor,
        poll_minutes=_int(env, "HABEAS_POLL_MINUTES", 30, low=1, high=60),
        secret_key=env.get("HABEAS_SECRET_KEY") or INSECURE_SECRET_KEY,
        debug=_bool(env, "HABEAS_DEBUG", False),
    )


def sqlite_path(database_url: str) -> Path:
    """The file of a ``sqlite:///`` database URL; InputError for any other kind of URL."""
    prefix = "sqlite:///"
    if not database_url.startswith(prefix) or len(database_url) == len(prefix):
        raise InputError(
            f"HABEAS_DATABASE_URL must be a sqlite:///path URL for now, not {database_url!r}"
        )
    return Path(database_url[len(prefix) :])
