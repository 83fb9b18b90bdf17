"""An extractor that asks a language model on the group's own server.

The model is asked for the contract's JSON with, for every event, the
sentence of the report that supports it. Nothing the model says is trusted
as it is: each quote must be found in the report (it becomes the evidence
range), an event whose quote is not there is dropped and counted, and the
answer must follow the contract. A malformed answer is asked for once more;
after a second bad answer, a timeout or a server error, the report is read by
the rules instead and the reason is recorded in the extraction's warnings.
Retries happen before anything is stored, so they cannot duplicate suggestions.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import replace
from typing import Any

import httpx

from habeas.errors import ContractError, HabeasError
from habeas.extract.engine import Extractor
from habeas.extract.llm_endpoint import LLMSettings, check_endpoint
from habeas.model import EventType, Extraction, PenaltyKind, Person, Report, person_from_json

ENGINE = "llm.v1"

_SYSTEM = """You read reports about detentions and answer with JSON only.
List every named person to whom one of these events happened, with the events:
protest (took part in a protest or public action), detention (deprived of liberty by the
authorities, even for hours), release, disappearance (whereabouts unknown while likely in
custody, held incommunicado, unreachable), charge (charged or accused, no penalty yet),
pretrial_detention (a court ordered them held pending investigation or trial, with its term),
sentence (a court imposed a penalty; one event per penalty), appeal (a court ruled on an appeal:
outcome upheld, overturned or reduced), ill_treatment (beaten, tortured, threatened, denied
medication, a lawyer, food or contact with family while held).
Do not list people who only speak, report or defend (lawyers, relatives, officials).
An event said of a named group goes to each named member; one said of an unnamed subset
goes to nobody. "name" is the fullest form in the report, in its script, in the nominative.
Fields of an event: type; date as YYYY-MM-DD, YYYY-MM or YYYY, only when the report says it
(resolve relative dates against the publication date); place; authority; duration_hours;
penalty {kind, days|months|years|hours, amount, currency} with kind one of
administrative_detention, prison, pretrial_detention, fine, community_service,
restricted_freedom, suspended_sentence, house_arrest; charges [{label, article, code}] with code
CAO (administrative) or CC (criminal) only when the report names the code; outcome; detail.
Every event MUST have "quote": the sentence of the report that supports it, copied exactly,
character for character. Answer {"persons": [{"name", "roles", "events": [...]}]}."""


def _schema() -> dict[str, Any]:
    penalty = {
        "type": "object",
        "properties": {
            "kind": {"type": "string", "enum": [k.value for k in PenaltyKind]},
            **{u: {"type": "number"} for u in ("hours", "days", "months", "years", "amount")},
            "currency": {"type": "string"},
        },
        "required": ["kind"],
    }
    charge = {
        "type": "object",
        "properties": {
            "label": {"type": "string"},
            "article": {"type": "string"},
            "code": {"type": "string", "enum": ["CAO", "CC"]},
        },
    }
    event = {
        "type": "object",
        "properties": {
            "type": {"type": "string", "enum": [t.value for t in EventType]},
            "quote": {"type": "string"},
            "date": {"type": "string"},
            "place": {"type": "string"},
            "authority": {"type": "string"},
            "duration_hours": {"type": "number"},
            "penalty": penalty,
            "charges": {"type": "array", "items": charge},
            "outcome": {"type": "string", "enum": ["upheld", "overturned", "reduced"]},
            "detail": {"type": "string"},
        },
        "required": ["type", "quote"],
    }
    person = {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "roles": {"type": "array", "items": {"type": "string"}},
            "events": {"type": "array", "items": event},
        },
        "required": ["name", "events"],
    }
    return {
        "type": "object",
        "properties": {"persons": {"type": "array", "items": person}},
        "required": ["persons"],
    }


class MalformedAnswer(HabeasError):
    """The model answered, but not with the contract's JSON."""


class EndpointFailure(HabeasError):
    """The server did not answer usefully (timeout, refused, an HTTP error)."""


_FENCE = re.compile(r"^\s*```(?:json)?\s*|\s*```\s*$")


def locate(quote: str, text: str) -> tuple[int, int] | None:
    """Where `quote` stands in `text`: verbatim, else with any run of white space equal."""
    quote = quote.strip()
    if not quote:
        return None
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    words = quote.split()
    if not words:
        return None
    m = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return (m.start(), m.end()) if m else None


class LLMExtractor:
    """The contract's extraction from a chat-completions server, checked against the report."""

    def __init__(
        self,
        settings: LLMSettings,
        *,
        fallback: Extractor | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        check_endpoint(settings)
        self.settings = settings
        # The model name is part of the version, so a suggestion says which model made it.
        self.version = f"{ENGINE}:{settings.model}"[:64]
        if fallback is None:
            from habeas.extract.engine import default_extractor

            fallback = default_extractor()
        self.fallback = fallback
        self._slots = threading.BoundedSemaphore(settings.concurrency)
        self._use_schema = settings.json_schema
        headers = {"Authorization": f"Bearer {settings.api_key}"} if settings.api_key else {}
        self._client = httpx.Client(
            timeout=settings.timeout_seconds,
            follow_redirects=False,
            headers=headers,
            transport=transport,
            trust_env=False,  # a proxy from the environment would see every report text
        )

    def extract(self, report: Report) -> Extraction:
        reasons: list[str] = []
        parsed: tuple[list[Person], int] | None = None
        # A malformed answer is asked for once more; nothing is stored in between.
        for _attempt in range(2):
            try:
                parsed = self._read(self._ask(report), report)
                break
            except MalformedAnswer as exc:
                reasons.append(str(exc))
            except EndpointFailure as exc:
                return self._fall_back(report, str(exc))
        if parsed is None:
            return self._fall_back(report, f"malformed answer twice ({'; '.join(reasons)})")
        persons, dropped = parsed
        warnings: tuple[str, ...] = ()
        if dropped:
            warnings = (f"{dropped} event(s) dropped: their quote is not in the report's text",)
        return Extraction(
            doc_id=report.doc_id,
            persons=tuple(persons),
            engine=self.version,
            lang=report.lang,
            warnings=warnings,
        )

    def _fall_back(self, report: Report, reason: str) -> Extraction:
        result = self.fallback.extract(report)
        why = f"{self.version} not used: {reason}; read by {self.fallback.version} instead"
        return replace(result, engine=self.fallback.version, warnings=(*result.warnings, why))

    def _request(self, report: Report) -> dict[str, Any]:
        published = report.published.isoformat() if report.published else "not known"
        user = (
            f"Publication date: {published}\nLanguage: {report.lang or 'not known'}\n"
            f"Title: {report.title or ''}\n\nReport:\n{report.text}"
        )
        body: dict[str, Any] = {
            "model": self.settings.model,
            "temperature": 0,
            "messages": [
                {"role": "system", "content": _SYSTEM},
                {"role": "user", "content": user},
            ],
        }
        if self._use_schema:
            body["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "extraction", "schema": _schema()},
            }
        return body

    def _ask(self, report: Report) -> str:
        check_endpoint(self.settings)  # the host may resolve elsewhere since start-up
        with self._slots:
            try:
                response = self._client.post(
                    self.settings.completions_url, json=self._request(report)
                )
                if response.status_code == 400 and self._use_schema:
                    # A server without structured output: ask again without the schema.
                    self._use_schema = False
                    response = self._client.post(
                        self.settings.completions_url, json=self._request(report)
                    )
            except httpx.TimeoutException:
                raise EndpointFailure(
                    f"no answer within {self.settings.timeout_seconds:g} s"
                ) from None
            except httpx.HTTPError as exc:
                raise EndpointFailure(
                    f"the server cannot be reached ({type(exc).__name__})"
                ) from None
        if response.is_redirect:
            raise EndpointFailure(f"the server answered with a redirect ({response.status_code})")
        if response.status_code != 200:
            raise EndpointFailure(f"the server answered HTTP {response.status_code}")
        try:
            content = response.json()["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError):
            raise MalformedAnswer("not a chat-completions answer") from None
        if not isinstance(content, str):
            raise MalformedAnswer("the message content is not text")
        return content

    def _read(self, content: str, report: Report) -> tuple[list[Person], int]:
        try:
            data = json.loads(_FENCE.sub("", content))
        except json.JSONDecodeError as exc:
            raise MalformedAnswer(f"not JSON: {exc.msg}") from None
        except RecursionError:
            raise MalformedAnswer("JSON nested too deeply") from None
        if not isinstance(data, dict) or not isinstance(data.get("persons"), list):
            raise MalformedAnswer("no 'persons' list")
        persons: list[Person] = []
        dropped = 0
        for raw in data["persons"]:
            if not isinstance(raw, dict) or not isinstance(raw.get("events", []), list):
                raise MalformedAnswer("a person is not an object with an 'events' list")
            kept_events = []
            spans = []
            for event in raw.get("events") or []:
                quote = event.get("quote") if isinstance(event, dict) else None
                span = locate(quote, report.text) if isinstance(quote, str) else None
                if span is None:
                    dropped += 1
                    continue
                kept_events.append(
                    {k: v for k, v in event.items() if k not in ("quote", "evidence")}
                )
                spans.append(span)
            if not kept_events:
                continue
            try:
                person = person_from_json({**raw, "events": kept_events})
            except ContractError as exc:
                raise MalformedAnswer(str(exc)) from None
            events = tuple(
                replace(e, evidence=span) for e, span in zip(person.events, spans, strict=True)
            )
            persons.append(replace(person, events=events))
        return persons, dropped

    def close(self) -> None:
        self._client.close()
