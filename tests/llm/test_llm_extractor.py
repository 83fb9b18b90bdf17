"""The LLM engine against a fake chat-completions server: every way an answer can go wrong."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from habeas.errors import InputError
from habeas.extract.llm import LLMExtractor, locate
from habeas.extract.llm_endpoint import LLMSettings, check_endpoint, load_llm_settings
from habeas.model import EventType, Extraction, Report

from .fake_model import Reply, answer, fake_model

TEXT = (
    "Police detained the blogger Tamerlan Vosk in Ganja on 4 May 2025.\n"
    "A court sentenced him to 20 days of administrative detention for petty hooliganism."
)
REPORT = Report(doc_id="fictional-1", text=TEXT, published=dt.date(2025, 5, 6), lang="en")
GOOD = [
    {
        "name": "Tamerlan Vosk",
        "roles": ["blogger"],
        "events": [
            {
                "type": "detention",
                "date": "2025-05-04",
                "place": "Ganja",
                "quote": "Police detained the blogger Tamerlan Vosk in Ganja on 4 May 2025.",
            },
            {
                "type": "sentence",
                "penalty": {"kind": "administrative_detention", "days": 20},
                "charges": [{"label": "petty hooliganism"}],
                "quote": "A court sentenced him to 20 days of administrative detention\nfor petty",
            },
        ],
    }
]


class NoRules:
    """A fallback that says so, to tell a fallback from a model answer."""

    version = "rules.test"

    def extract(self, report: Report) -> Extraction:
        return Extraction(doc_id=report.doc_id, engine=self.version)


def engine(url: str, **kw: object) -> LLMExtractor:
    settings = LLMSettings(endpoint=url, model="tiny-7b", **kw)  # type: ignore[arg-type]
    return LLMExtractor(settings, fallback=NoRules())


def test_every_quote_becomes_the_evidence_range_and_the_version_names_the_model() -> None:
    with fake_model([answer(GOOD)]) as server:
        result = engine(server.url).extract(REPORT)
    assert result.engine == "llm.v1:tiny-7b"
    (person,) = result.persons
    detention, sentence = person.events
    assert detention.type is EventType.DETENTION and detention.place == "Ganja"
    start, end = detention.evidence or (0, 0)
    assert TEXT[start:end] == GOOD[0]["events"][0]["quote"]
    # A quote whose white space differs (a line break for a space) is still found.
    start, end = sentence.evidence or (0, 0)
    assert TEXT[start:end].endswith("detention for petty")
    assert sentence.penalty is not None and sentence.penalty.days == 20
    assert result.warnings == ()


def test_the_request_carries_the_contract_schema_and_the_report() -> None:
    with fake_model([answer(GOOD)]) as server:
        engine(server.url).extract(REPORT)
    (body,) = server.requests
    assert body["model"] == "tiny-7b"
    schema = body["response_format"]["json_schema"]["schema"]
    event = schema["properties"]["persons"]["items"]["properties"]["events"]["items"]
    assert "quote" in event["required"]
    assert "detention" in event["properties"]["type"]["enum"]
    assert TEXT in body["messages"][-1]["content"]
    assert "2025-05-06" in body["messages"][-1]["content"]


def test_an_invented_quote_drops_its_event_and_is_counted() -> None:
    invented = [
        {
            **GOOD[0],
            "events": [
                GOOD[0]["events"][0],
                {"type": "ill_treatment", "detail": "beaten", "quote": "He was beaten in custody."},
            ],
        },
        {"name": "Nobody Here", "events": [{"type": "detention", "quote": "made up"}]},
    ]
    with fake_model([answer(invented)]) as server:
        result = engine(server.url).extract(REPORT)
    assert [p.name for p in result.persons] == ["Tamerlan Vosk"]
    assert [e.type for e in result.persons[0].events] == [EventType.DETENTION]
    assert result.warnings == ("2 event(s) dropped: their quote is not in the report's text",)


def test_a_malformed_answer_is_asked_for_once_more_and_gives_one_set_of_events() -> None:
    with fake_model([Reply(content="Sure! Here is the JSON: {persons: ["), answer(GOOD)]) as server:
        result = engine(server.url).extract(REPORT)
    assert len(server.requests) == 2
    assert result.engine == "llm.v1:tiny-7b"
    assert len(result.persons) == 1 and len(result.persons[0].events) == 2


def test_two_malformed_answers_fall_back_to_the_rules_with_the_reason() -> None:
    bad_contract = answer([{"name": "X", "events": [{"type": "arrested", "quote": "Police"}]}])
    with fake_model([Reply(content="not json"), bad_contract]) as server:
        result = engine(server.url).extract(REPORT)
    assert len(server.requests) == 2
    assert result.engine == "rules.test"
    (why,) = result.warnings
    assert "llm.v1:tiny-7b not used: malformed answer twice" in why
    assert "not JSON" in why and "'arrested' is not one of" in why


def test_an_answer_in_a_code_fence_is_read() -> None:
    fenced = Reply(content="```json\n" + (answer(GOOD).content or "") + "\n```")
    with fake_model([fenced]) as server:
        result = engine(server.url).extract(REPORT)
    assert result.engine == "llm.v1:tiny-7b" and len(result.persons) == 1


def test_a_timeout_falls_back_without_waiting_for_the_server() -> None:
    with fake_model([Reply(content="{}", delay=3.0)]) as server:
        result = engine(server.url, timeout_seconds=0.5).extract(REPORT)
    assert result.engine == "rules.test"
    assert "no answer within 0.5 s" in result.warnings[0]


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (Reply(status=500, raw=b"{}"), "HTTP 500"),
        (Reply(status=200, raw=b"<html>proxy error</html>"), "not a chat-completions answer"),
        (Reply(status=302, raw=b""), "redirect"),
    ],
)
def test_a_server_error_falls_back_with_the_reason(reply: Reply, reason: str) -> None:
    with fake_model([reply, reply]) as server:
        result = engine(server.url).extract(REPORT)
    assert result.engine == "rules.test"
    assert reason in result.warnings[0]


def test_a_server_that_rejects_the_schema_is_asked_without_it() -> None:
    with fake_model([Reply(status=400, raw=b'{"error": "response_format"}'), answer(GOOD)]) as s:
        result = engine(s.url).extract(REPORT)
    assert "response_format" in s.requests[0] and "response_format" not in s.requests[1]
    assert result.engine == "llm.v1:tiny-7b"


def test_an_unreachable_server_falls_back() -> None:
    # A port nothing listens on (bound, then closed).
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    result = engine(f"http://127.0.0.1:{port}/v1").extract(REPORT)
    assert result.engine == "rules.test"
    assert "cannot be reached" in result.warnings[0]


def test_requests_in_flight_stay_within_the_concurrency_bound() -> None:
    with fake_model([], default=Reply(content='{"persons": []}', delay=0.2)) as server:
        model = engine(server.url, concurrency=2)
        threads = [threading.Thread(target=model.extract, args=(REPORT,)) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert len(server.requests) == 6
    assert server.most_in_flight == 2


def test_locate_finds_verbatim_and_white_space_variants_only() -> None:
    assert locate("in Ganja", TEXT) == (TEXT.index("in Ganja"), TEXT.index("in Ganja") + 8)
    assert locate("detention   for", TEXT) is not None
    assert locate("in Baku", TEXT) is None
    assert locate("   ", TEXT) is None


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:11434/v1", "http://localhost:8080/v1", "http://[::1]:8000/v1"],
)
def test_this_machine_is_always_allowed(url: str) -> None:
    check_endpoint(LLMSettings(endpoint=url, model="m"))


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://8.8.8.8/v1", "is a public address"),
        ("http://10.1.2.3:8000/v1", r"is a private address \(10\.1\.2\.3\) not named"),
        ("http://169.254.169.254/v1", "link-local"),
        ("ftp://127.0.0.1/v1", "must be an http:// or https:// URL"),
    ],
)
def test_other_addresses_are_refused_before_any_text_is_sent(url: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        LLMExtractor(LLMSettings(endpoint=url, model="m"), fallback=NoRules())


def test_a_private_address_the_admin_named_is_allowed_and_remote_needs_a_setting() -> None:
    named = load_llm_settings(
        {
            "HABEAS_LLM_URL": "http://10.1.2.3:8000/v1",
            "HABEAS_LLM_MODEL": "m",
            "HABEAS_LLM_ALLOWED_HOSTS": "10.1.2.3",
        }
    )
    assert named.allowed_hosts == frozenset({"10.1.2.3"})
    remote = load_llm_settings(
        {
            "HABEAS_LLM_URL": "https://8.8.8.8/v1",
            "HABEAS_LLM_MODEL": "m",
            "HABEAS_LLM_ALLOW_REMOTE": "1",
        }
    )
    assert remote.allow_remote


def test_the_llm_engine_is_off_until_configured() -> None:
    with pytest.raises(InputError, match="needs an endpoint: set HABEAS_LLM_URL"):
        load_llm_settings({})
    with pytest.raises(InputError, match="needs a model"):
        load_llm_settings({"HABEAS_LLM_URL": "http://127.0.0.1:1/v1"})
