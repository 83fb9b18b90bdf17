"""The WSGI entry point for a web server (e.g. `gunicorn habeas.web.wsgi`)."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "habeas.web.settings")
_django = get_wsgi_application()

from habeas.web.page_cache import wrap  # noqa: E402 - needs the settings configured above

application = wrap(_django)
