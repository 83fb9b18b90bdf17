"""The API's routes. Without a token only the public view answers (and only while the public
site is on); a token answers with what its role may see in the app. Nothing here reads the
encrypted confidential fields, support actions or who reviewed what."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate
from ninja.security import HttpBearer
from ninja.throttling import AnonRateThrottle, AuthRateThrottle

from habeas.export.records import Record
from habeas.export.writers import record_to_json
from habeas.web.accounts.roles import Role
from habeas.web.api import tokens
from habeas.web.api.schemas import AlertOut, EventOut, ListOut, PersonOut, Problem, SourceOut


class Caller:
    """Who is asking: a token's role, or the public (role None)."""

    def __init__(self, role: Role | None, token_id: int | None = None) -> None:
        self.role, self.token_id = role, token_id

    def __str__(self) -> str:  # the throttle's key
        return f"token:{self.token_id}" if self.token_id else "public"

    def may(self, needed: Role) -> bool:
        return self.role is not None and self.role.allows(needed)


class TokenOrPublic(HttpBearer):
    """`Authorization: Bearer hbs_…` for a token's role; no header for the public view.
    A header with an unknown or revoked token is refused (401), never taken as public."""

    def __call__(self, request: HttpRequest) -> Any:
        if not request.headers.get("Authorization"):
            return Caller(None)
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = tokens.find(token)
        if found is None:
            return None
        return Caller(Role(found.role), found.pk)


class _Rate:
    """A rate read from the settings on each request, so an operator (or a test) can change it."""

    setting = ""
    default = ""

    def allow_request(self, request: HttpRequest) -> bool:
        from django.conf import settings

        rate = getattr(settings, self.setting, self.default)
        self.num_requests, self.duration = self.parse_rate(rate)  # type: ignore[attr-defined]
        allowed: bool = super().allow_request(request)  # type: ignore[misc]
        return allowed


class PublicRate(_Rate, AnonRateThrottle):
    setting, default = "HABEAS_API_RATE_PUBLIC", "120/m"

    def get_cache_key(self, request: HttpRequest) -> str | None:
        caller = getattr(request, "auth", None)
        if caller is not None and getattr(caller, "role", None) is not None:
            return None  # tokens have their own rate
        return self.cache_format % {"scope": "public", "ident": self.get_ident(request)}


class TokenRate(_Rate, AuthRateThrottle):
    setting, default = "HABEAS_API_RATE_TOKEN", "600/m"

    def get_cache_key(self, request: HttpRequest) -> str | None:  # type: ignore[override]
        caller = getattr(request, "auth", None)
        if caller is None or getattr(caller, "role", None) is None:
            return None
        return self.cache_format % {"scope": "token", "ident": str(caller)}


api = NinjaAPI(
    title="habeas API",
    version="1",
    description=(
        "Read-only case files. Without a token: only what editors published, while the public "
        "site is on. With `Authorization: Bearer <token>`: what the token's role may see."
    ),
    urls_namespace="api",
    docs_url=None,  # served by habeas.web.api.docs from our own origin
    auth=TokenOrPublic(),
    throttle=[PublicRate("120/m"), TokenRate("600/m")],
)

UNAUTHORIZED = {401: Problem, 403: Problem, 404: Problem, 429: Problem}


def _caller(request: HttpRequest) -> Caller:
    caller: Caller = request.auth
    if caller.role is None:
        from habeas.web.public.publishing import site_is_on

        if not site_is_on():
            raise HttpError(401, "a token is needed while the public site is off")
    return caller


def _records(caller: Caller) -> list[Record]:
    from habeas.web.public.view import internal_records, public_records

    return internal_records() if caller.may(Role.VIEWER) else public_records()


def _person(r: Record) -> dict[str, Any]:
    out = record_to_json(r)
    out["id"] = int(r.id)
    for event in out["events"]:
        event["person_id"] = int(r.id)
        event["sources"] = [int(s) for s in event["sources"]]
        event.pop("evidence", None)
    for s in out["sources"]:
        s["id"] = int(s["id"])
    return out


@api.get("/persons", response={200: list[PersonOut], **UNAUTHORIZED}, tags=["persons"])
@paginate(PageNumberPagination, page_size=50)
def list_persons(request: HttpRequest) -> Any:
    """Persons with their events and source reports, by name."""
    return [_person(r) for r in _records(_caller(request))]


@api.get("/persons/{person_id}", response={200: PersonOut, **UNAUTHORIZED}, tags=["persons"])
def get_person(request: HttpRequest, person_id: int) -> Any:
    for r in _records(_caller(request)):
        if r.id == str(person_id):
            return _person(r)
    raise HttpError(404, "no such person (or not published)")


@api.get("/events", response={200: list[EventOut], **UNAUTHORIZED}, tags=["events"])
@paginate(PageNumberPagination, page_size=100)
def list_events(request: HttpRequest, type: str | None = None) -> Any:
    """Confirmed events (the public view: published ones), optionally of one type."""
    events = [e for r in _records(_caller(request)) for e in _person(r)["events"]]
    return [e for e in events if type is None or e["type"] == type]


@api.get("/reports", response={200: list[SourceOut], **UNAUTHORIZED}, tags=["reports"])
@paginate(PageNumberPagination, page_size=100)
def list_reports(request: HttpRequest) -> Any:
    """Source reports (title, date, publisher, URLs) linked to the persons one may see."""
    seen: dict[int, dict[str, Any]] = {}
    for r in _records(_caller(request)):
        for s in _person(r)["sources"]:
            seen.setdefault(s["id"], s)
    return [seen[k] for k in sorted(seen)]


_LISTS = {
    "held": "detained or missing now, by the confirmed (public: published) events",
    "released": "released, by the confirmed (public: published) events",
}


@api.get("/lists", response={200: list[ListOut], **UNAUTHORIZED}, tags=["lists"])
def list_lists(request: HttpRequest) -> Any:
    """The custody lists (held, released) and the political-prisoner lists with their counts."""
    records = _records(_caller(request))
    held = {"detained", "missing"}
    counts = {
        "held": sum(1 for r in records if r.status in held),
        "released": sum(1 for r in records if r.status == "released"),
    }
    out = [{"name": n, "description": d, "count": counts[n]} for n, d in _LISTS.items()]
    visible = {int(r.id) for r in records}
    for plist in _prisoner_lists(request.auth):
        from habeas.web.public.prisoner_lists import members

        shown = set(members(plist)) & visible
        out.append({"name": plist.slug, "description": plist.name, "count": len(shown)})
    return out


def _prisoner_lists(caller: Caller) -> Any:
    from habeas.web.store.models import PrisonerList

    rows = PrisonerList.objects.order_by("slug")
    return rows if caller.may(Role.VIEWER) else rows.filter(public=True)


@api.get("/lists/{name}", response={200: list[PersonOut], **UNAUTHORIZED}, tags=["lists"])
@paginate(PageNumberPagination, page_size=50)
def get_list(request: HttpRequest, name: str) -> Any:
    records = _records(_caller(request))
    plist = _prisoner_lists(request.auth).filter(slug=name).first()
    if plist is not None:
        from habeas.web.public.prisoner_lists import members

        on_list = set(members(plist))
        return [_person(r) for r in records if int(r.id) in on_list]
    if name not in _LISTS:
        raise HttpError(404, f"no list {name!r}; lists are: {', '.join(_LISTS)}")
    wanted = {"detained", "missing"} if name == "held" else {"released"}
    return [_person(r) for r in records if r.status in wanted]


@api.get("/alerts", response={200: list[AlertOut], **UNAUTHORIZED}, tags=["alerts"])
@paginate(PageNumberPagination, page_size=100)
def list_alerts(request: HttpRequest) -> Any:
    """Open alerts (viewer tokens and up; confidential alerts need an editor token)."""
    caller = _caller(request)
    if not caller.may(Role.VIEWER):
        raise HttpError(403, "alerts need a token with the viewer role or higher")
    from habeas.web.alerts.models import Alert, AlertState

    rows = Alert.objects.filter(state=AlertState.OPEN, person__merged_into__isnull=True)
    if not caller.may(Role.EDITOR):
        rows = rows.filter(confidential=False)
    return [
        {
            "id": a.pk,
            "person_id": a.person_id,
            "kind": a.kind,
            "date": a.date_text or None,
            "state": a.state,
            "message": a.message,
            "opened_at": a.opened_at,
        }
        for a in rows.order_by("-opened_at", "-id")
    ]
