"""The API's interactive docs: Swagger UI vendored from npm (swagger-ui-dist), our origin only."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render


@login_not_required  # type: ignore[untyped-decorator]
def docs(request: Any) -> Any:
    return render(request, "api/docs.html")
