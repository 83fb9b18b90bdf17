"""The one Django settings module; every value comes from habeas.config (HABEAS_* variables)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from csp.constants import NONE, SELF

from habeas.config import env_bool, env_int, load_config
from habeas.web.databases import django_database
from habeas.web.instance_keys import ensure_keys_dir, keys_dir_for, secret_key

HABEAS_CONFIG = load_config()
WEB_DIR = Path(__file__).resolve().parent

# Read by the store's services; tests change them with override_settings.
HABEAS_MAX_BYTES = HABEAS_CONFIG.max_bytes
# A pasted report up to HABEAS_MAX_BYTES must reach the form, which then says
# clearly when it is too large: Django's 2.5 MB default answered a bare 400.
# Form encoding takes up to 3 characters per byte (%D0%B0 for "а").
DATA_UPLOAD_MAX_MEMORY_SIZE = 3 * HABEAS_MAX_BYTES + 1_000_000
HABEAS_ALLOW_PRIVATE_FETCH = HABEAS_CONFIG.allow_private_fetch
HABEAS_EXTRACTOR = HABEAS_CONFIG.extractor
HABEAS_SNAPSHOT_DIR = HABEAS_CONFIG.snapshot_dir
HABEAS_QUEUE_FILE = HABEAS_CONFIG.queue_file

# The instance's secrets live outside the database (habeas.web.instance_keys).
HABEAS_KEYS_DIR = keys_dir_for(HABEAS_CONFIG.home)
ensure_keys_dir(HABEAS_KEYS_DIR)  # the first run makes the data and audit keys
# The signed head of the audit chain, outside the database (habeas.web.audit.checkpoint).
HABEAS_AUDIT_CHECKPOINT = HABEAS_CONFIG.home / "audit-checkpoint.json"
# HABEAS_SECRET_KEY, else a key made into the instance on first run; never a public default.
SECRET_KEY = os.environ.get("HABEAS_SECRET_KEY") or secret_key(HABEAS_KEYS_DIR)
DEBUG = HABEAS_CONFIG.debug
# `habeas serve --host H` adds H at start-up.
ALLOWED_HOSTS = ["localhost", "127.0.0.1"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "habeas.web.store",
    "habeas.web.audit",  # hash-chained audit log (security)
    "habeas.web.accounts",
    "habeas.web.review",
    "habeas.web.alerts",
    "habeas.web.public",  # the public site, exports, import and the API (docs/publishing.md)
    "habeas.web.api",
]
MIDDLEWARE: list[str] = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Every page needs a login unless its view is marked @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # ...and, for admins, editors and anyone with a device, a second factor.
    "habeas.web.accounts.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a lockout into its refusal page.
    "axes.middleware.AxesMiddleware",
]
ROOT_URLCONF = "habeas.web.urls"
WSGI_APPLICATION = "habeas.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "habeas.web.accounts.context.role",
            ],
        },
    }
]

# --- database (HABEAS_DATABASE_URL: SQLite or PostgreSQL; see habeas.web.databases) ---
DATABASES = {"default": django_database(HABEAS_CONFIG.database_url)}
# --- end database ---
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Argon2 first: new and re-saved passwords use it; the others only read old hashes.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# --- security (docs/security.md) ---
# axes first: it refuses a locked-out name+address before any password is checked.
AUTHENTICATION_BACKENDS = [
    # axes's per name+address check, then a limit per account over all addresses.
    "habeas.web.accounts.lockout.AccountLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int(os.environ, "HABEAS_LOGIN_ATTEMPTS", 5, low=1, high=100)
AXES_COOLOFF_TIME = dt.timedelta(
    minutes=env_int(os.environ, "HABEAS_LOCKOUT_MINUTES", 30, low=1, high=10_080)
)
# Per name and address together: an attacker cannot lock a colleague out from elsewhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# ...and a name is locked everywhere after this many failures from all addresses together.
HABEAS_ACCOUNT_LOGIN_ATTEMPTS = env_int(
    os.environ, "HABEAS_ACCOUNT_LOGIN_ATTEMPTS", 20, low=1, high=10_000
)
# Who must pass a second factor: "editors" (admins and editors; viewers may) or "all".
HABEAS_TWO_FACTOR = (os.environ.get("HABEAS_TWO_FACTOR") or "editors").strip().lower()
if HABEAS_TWO_FACTOR not in ("editors", "all"):
    from habeas.errors import InputError

    raise InputError(f"HABEAS_TWO_FACTOR must be editors or all, not {HABEAS_TWO_FACTOR!r}")
# The name authenticator apps show beside the six digits.
OTP_TOTP_ISSUER = "habeas"

# A stolen laptop with an open browser must not keep a session for days.
SESSION_COOKIE_AGE = 3600 * env_int(os.environ, "HABEAS_SESSION_HOURS", 8, low=1, high=720)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Production is anything without DEBUG: cookies only over TLS, and browsers told to
# keep to TLS (SecurityMiddleware sends HSTS on HTTPS responses only).
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = 0 if DEBUG else 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
# Only a flag in the header: nothing is preloaded until the operator submits the domain.
SECURE_HSTS_PRELOAD = not DEBUG
# HABEAS_HTTPS=1 where habeas itself (or a proxy that sets X-Forwarded-Proto) serves TLS:
# plain-HTTP requests are then redirected. Off by default so `habeas serve` works on a laptop.
HABEAS_HTTPS = env_bool(os.environ, "HABEAS_HTTPS", False)
SECURE_SSL_REDIRECT = HABEAS_HTTPS
# HABEAS_BEHIND_PROXY=1: `habeas serve` (waitress) believes X-Forwarded-Proto and
# X-Forwarded-For only from HABEAS_PROXY_ADDRESS (default 127.0.0.1) and strips them
# from anyone else, so a client cannot claim TLS or another address (habeas.web.server).
HABEAS_BEHIND_PROXY = env_bool(os.environ, "HABEAS_BEHIND_PROXY", False)
HABEAS_PROXY_ADDRESS = (os.environ.get("HABEAS_PROXY_ADDRESS") or "127.0.0.1").strip()
# No inline script or style and no third-party origin: an injected <script> cannot run.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
# --- end security ---

STATIC_URL = "/static/"
STATICFILES_DIRS = [WEB_DIR / "static"]
# WhiteNoise serves straight from the app and package directories, so
# `habeas serve` needs no collectstatic step and no writable static root.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Rendered read pages kept in the server's memory (habeas.web.page_cache), in MB; 0 turns
# the cache off. An entry lives until any write to the database, its session's end, the
# next day, or HABEAS_PAGE_CACHE_SECONDS, whichever comes first.
HABEAS_PAGE_CACHE_MB = env_int(os.environ, "HABEAS_PAGE_CACHE_MB", 64, low=0, high=4096)
HABEAS_PAGE_CACHE_SECONDS = env_int(os.environ, "HABEAS_PAGE_CACHE_SECONDS", 60, low=1, high=3600)

# The public site answers only when this is on, or an admin stored `public_site` = `on`.
HABEAS_PUBLIC_SITE = env_bool(os.environ, "HABEAS_PUBLIC_SITE", False)

USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_CODE = "en"
