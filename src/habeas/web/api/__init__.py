"""The HTTP API (django-ninja) under /api/: read-only case files, by token or the public view."""
