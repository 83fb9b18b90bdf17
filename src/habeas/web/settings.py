"""The one Django settings module; every value comes from habeas.config (HABEAS_* variables)."""

from __future__ import annotations

from habeas.config import load_config, sqlite_path

HABEAS_CONFIG = load_config()

# Read by the store's services; tests change them with override_settings.
HABEAS_MAX_BYTES = HABEAS_CONFIG.max_bytes
HABEAS_ALLOW_PRIVATE_FETCH = HABEAS_CONFIG.allow_private_fetch
HABEAS_EXTRACTOR = HABEAS_CONFIG.extractor
HABEAS_SNAPSHOT_DIR = HABEAS_CONFIG.snapshot_dir
HABEAS_QUEUE_FILE = HABEAS_CONFIG.queue_file

SECRET_KEY = HABEAS_CONFIG.secret_key
DEBUG = HABEAS_CONFIG.debug
ALLOWED_HOSTS = ["localhost", "127.0.0.1"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "habeas.web.store",
]
MIDDLEWARE: list[str] = []
ROOT_URLCONF = "habeas.web.urls"
WSGI_APPLICATION = "habeas.web.wsgi.application"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": sqlite_path(HABEAS_CONFIG.database_url),
        "OPTIONS": {
            # The CLI, the worker and the web app write to the same file: WAL lets
            # readers run beside a writer, and IMMEDIATE takes the write lock at the
            # start of a transaction instead of failing when a read turns into a write.
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_CODE = "en"
