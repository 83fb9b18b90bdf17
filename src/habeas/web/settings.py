"""The one Django settings module; every value comes from habeas.config (HABEAS_* variables)."""

from __future__ import annotations

from pathlib import Path

from habeas.config import load_config
from habeas.web.databases import django_database

HABEAS_CONFIG = load_config()
WEB_DIR = Path(__file__).resolve().parent

# Read by the store's services; tests change them with override_settings.
HABEAS_MAX_BYTES = HABEAS_CONFIG.max_bytes
HABEAS_ALLOW_PRIVATE_FETCH = HABEAS_CONFIG.allow_private_fetch
HABEAS_EXTRACTOR = HABEAS_CONFIG.extractor
HABEAS_SNAPSHOT_DIR = HABEAS_CONFIG.snapshot_dir
HABEAS_QUEUE_FILE = HABEAS_CONFIG.queue_file

SECRET_KEY = HABEAS_CONFIG.secret_key
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
    "habeas.web.store",
    "habeas.web.audit",  # hash-chained audit log (security)
    "habeas.web.accounts",
    "habeas.web.review",
    "habeas.web.alerts",
]
MIDDLEWARE: list[str] = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every page needs a login unless its view is marked @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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

STATIC_URL = "/static/"
STATICFILES_DIRS = [WEB_DIR / "static"]
# WhiteNoise serves straight from the app and package directories, so
# `habeas serve` needs no collectstatic step and no writable static root.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_CODE = "en"
