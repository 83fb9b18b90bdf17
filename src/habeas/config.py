"""Core settings, read from HABEAS_* environment variables.

Every setting habeas reads from the environment is listed here, with its
default. A bad value stops the program with one sentence naming the variable.

HABEAS_HOME
    The data directory: the database (by default), captured snapshots and the
    task queue live here. Default: ``./var`` (relative to the working directory).
HABEAS_DATABASE_URL
    Where the case store lives, as ``sqlite:///relative/path.sqlite3``,
    ``sqlite:////absolute/path.sqlite3`` or (for production)
    ``postgresql://user:password@host:5432/dbname`` (``?sslmode=require`` and other
    libpq parameters may follow). Default: ``HABEAS_HOME/habeas.sqlite3``.
HABEAS_MAX_BYTES
    The largest page, feed or file habeas will read, in bytes. Default: 10000000.
HABEAS_ALLOW_PRIVATE_FETCH
    ``1``/``true`` lets habeas fetch from loopback, private and link-local
    addresses (for a test server or an intranet). Default: false, so a URL in a
    feed cannot make habeas probe the machine it runs on or its network.
HABEAS_EXTRACTOR
    The extractor that turns captured reports into suggestions: ``rules`` (the
    offline rule engine), ``llm`` (a language model on a server of the group's
    own, set up with the HABEAS_LLM_* variables below), ``combined`` (both, with
    the facts they agree on marked so), or ``module:factory`` (a callable with
    no arguments returning an Extractor).
    Default: ``habeas.extract.engine:default_extractor`` (the rules).
HABEAS_LLM_URL / HABEAS_LLM_MODEL
    The OpenAI-compatible API base of the model server (Ollama, llama.cpp's
    server, vLLM), e.g. ``http://127.0.0.1:11434/v1``, and the model's name.
    Report texts are sent there: only to this machine unless the host is named
    in HABEAS_LLM_ALLOWED_HOSTS (private addresses, comma-separated) or
    HABEAS_LLM_ALLOW_REMOTE is true. Default: none (the LLM engine is off).
HABEAS_LLM_TIMEOUT / HABEAS_LLM_CONCURRENCY
    Seconds to wait for one answer (1-3600, default 120) and how many requests
    may be in flight at once (1-64, default 2).
HABEAS_LLM_JSON_SCHEMA
    ``0`` stops sending the contract's JSON schema with each request, for a
    server that rejects it. Default: true.
HABEAS_LLM_API_KEY
    A bearer token, for a server that asks for one. Default: none.
HABEAS_POLL_MINUTES
    How often ``habeas worker`` polls the registered feeds, in minutes (1-60).
    Default: 30.
HABEAS_SECRET_KEY
    The web application's signing key. Default: a random key made into the
    instance's keys directory on first run (habeas.web.instance_keys);
    `habeas serve` refuses the public development key.
HABEAS_DEBUG
    ``1``/``true`` turns on the web application's debug pages (and full tracebacks
    from the CLI). Default: false.

Notifications of alerts (``habeas alerts check`` and ``habeas alerts digest``),
read by load_notifications() below and documented in docs/alerts.md:

HABEAS_SMTP_HOST
    The SMTP server that sends alert e-mails. Default: empty, which turns e-mail off.
HABEAS_SMTP_PORT
    Its port (1-65535). Default: 25.
HABEAS_SMTP_USER / HABEAS_SMTP_PASSWORD
    Credentials, when the server asks for them. Default: none.
HABEAS_SMTP_STARTTLS
    Upgrade the connection with STARTTLS; a server that does not offer it gets
    nothing. ``0``/``false`` sends in the clear (a relay on this machine only).
    Default: true.
HABEAS_MAIL_FROM
    The sender address of alert e-mails. Default: ``habeas@localhost``.
HABEAS_WEBHOOK_URL
    A URL that receives every new alert as a JSON POST, in addition to each
    user's own webhook. Default: empty (none).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from habeas.errors import InputError

_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})

DEFAULT_EXTRACTOR = "habeas.extract.engine:default_extractor"
# bandit B105: the documented laptop default, named insecure on purpose.
INSECURE_SECRET_KEY = "habeas-insecure-development-key-change-me"  # nosec B105


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


def env_bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    """A yes/no setting; a value that is neither fails with one sentence naming it."""
    raw = env.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise InputError(f"{name} must be true or false (1/0), not {raw!r}")


def env_int(env: Mapping[str, str], name: str, default: int, *, low: int, high: int) -> int:
    """A whole-number setting within [low, high]; anything else fails with one sentence."""
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
    if ":" not in extractor and extractor not in ("rules", "llm", "combined"):
        raise InputError(
            f"HABEAS_EXTRACTOR must be rules, llm, combined or module:factory, not {extractor!r}"
        )
    return Config(
        home=home,
        database_url=database_url,
        max_bytes=env_int(env, "HABEAS_MAX_BYTES", 10_000_000, low=1, high=2**40),
        allow_private_fetch=env_bool(env, "HABEAS_ALLOW_PRIVATE_FETCH", False),
        extractor=extractor,
        poll_minutes=env_int(env, "HABEAS_POLL_MINUTES", 30, low=1, high=60),
        secret_key=env.get("HABEAS_SECRET_KEY") or INSECURE_SECRET_KEY,
        debug=env_bool(env, "HABEAS_DEBUG", False),
    )


# ---------------------------------------------------------------- notifications of alerts
# Kept apart from Config because only the alerts app reads them, when it sends something;
# an empty SMTP host or webhook URL turns that channel off.


@dataclass(frozen=True, slots=True)
class Notifications:
    smtp_host: str
    smtp_port: int
    smtp_user: str
    smtp_password: str
    smtp_starttls: bool
    mail_from: str
    webhook_url: str


def _url(env: Mapping[str, str], name: str) -> str:
    raw = (env.get(name) or "").strip()
    if raw and not raw.startswith(("http://", "https://")):
        raise InputError(f"{name} must be an http:// or https:// URL, not {raw!r}")
    return raw


def load_notifications(environ: Mapping[str, str] | None = None) -> Notifications:
    """The HABEAS_SMTP_*, HABEAS_MAIL_FROM and HABEAS_WEBHOOK_URL settings, validated."""
    env = os.environ if environ is None else environ
    return Notifications(
        smtp_host=(env.get("HABEAS_SMTP_HOST") or "").strip(),
        smtp_port=env_int(env, "HABEAS_SMTP_PORT", 25, low=1, high=65535),
        smtp_user=env.get("HABEAS_SMTP_USER") or "",
        smtp_password=env.get("HABEAS_SMTP_PASSWORD") or "",
        smtp_starttls=env_bool(env, "HABEAS_SMTP_STARTTLS", True),
        mail_from=(env.get("HABEAS_MAIL_FROM") or "").strip() or "habeas@localhost",
        webhook_url=_url(env, "HABEAS_WEBHOOK_URL"),
    )


def sqlite_path(database_url: str) -> Path:
    """The file of a ``sqlite:///`` database URL; InputError for any other kind of URL."""
    prefix = "sqlite:///"
    if not database_url.startswith(prefix) or len(database_url) == len(prefix):
        raise InputError(
            f"HABEAS_DATABASE_URL must be a sqlite:///path URL here, not {database_url!r}"
        )
    return Path(database_url[len(prefix) :])


class DatabaseKind(StrEnum):
    SQLITE = "sqlite"
    POSTGRESQL = "postgresql"


@dataclass(frozen=True, slots=True)
class Database:
    """A database URL taken apart: a SQLite file, or a PostgreSQL server and database."""

    kind: DatabaseKind
    name: str  # the file for SQLite, the database name for PostgreSQL
    user: str = ""
    password: str = field(default="", repr=False)
    host: str = ""
    port: int | None = None
    options: tuple[tuple[str, str], ...] = ()


def parse_database_url(url: str) -> Database:
    """The database a ``sqlite:///…`` or ``postgresql://…`` URL names; InputError otherwise."""
    scheme = url.partition("://")[0].lower()
    if scheme == "sqlite":
        return Database(DatabaseKind.SQLITE, str(sqlite_path(url)))
    if scheme not in ("postgresql", "postgres"):
        raise InputError(
            "HABEAS_DATABASE_URL must start with sqlite:/// or postgresql://, "
            f"not {url.split('@')[-1]!r}"
        )
    parts = urlsplit(url)
    # Never echo the whole URL: it may carry a password.
    where = f"postgresql://{parts.hostname or ''}{parts.path}"
    try:
        port = parts.port
    except ValueError:
        raise InputError(f"the port in the database URL {where} is not a number") from None
    name = unquote(parts.path.lstrip("/"))
    if not parts.hostname or not name or "/" in name:
        raise InputError(
            f"the database URL {where} must name a host and a database: "
            "postgresql://user:password@host:5432/dbname"
        )
    return Database(
        DatabaseKind.POSTGRESQL,
        name,
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        host=parts.hostname,
        port=port,
        options=tuple(parse_qsl(parts.query)),
    )
