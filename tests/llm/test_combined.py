"""The combined engine: facts both engines find are marked agreed, the rest keep their source."""

from __future__ import annotations

import datetime as dt

from habeas.extract.combined import CombinedExtractor, combine
from habeas.extract.llm import LLMExtractor
from habeas.extract.llm_endpoint import LLMSettings
from habeas.model import Event, EventType, Extraction, PartialDate, Person, Report

from .fake_model import Reply, answer, fake_model

TEXT = "Police detained the activist Orkhan Talishli in Baku on 2 June 2025. He was beaten."
REPORT = Report(doc_id="fictional-2", text=TEXT, published=dt.date(2025, 6, 3), lang="en")


class Rules:
    """Stands for the rule engine with a fixed reading of TEXT, so the merge is what is tested."""

    version = "rules.v1"

    def extract(self, report: Report) -> Extraction:
        detention = Event(
            EventType.DETENTION, date=PartialDate(2025, 6, 2), evidence=(0, TEXT.index(" He"))
        )
        return Extraction(
            report.doc_id, (Person("Orkhan Talishli", ("activist",), (detention,)),), "rules.v1"
        )


def test_agreed_events_name_both_engines_and_the_rest_their_own() -> None:
    model_answer = answer(
        [
            {
                "name": "Orkhan Talishli",
                "events": [
                    {"type": "detention", "place": "Baku", "quote": "Police detained the activist"},
                    {"type": "ill_treatment", "detail": "beaten", "quote": "He was beaten."},
                ],
            }
        ]
    )
    with fake_model([model_answer]) as server:
        llm = LLMExtractor(LLMSettings(endpoint=server.url, model="m"), fallback=Rules())
        result = CombinedExtractor(Rules(), llm).extract(REPORT)
    (person,) = result.persons
    detention, beating = person.events
    assert detention.found_by == ("rules.v1", "llm.v1:m")
    # The rules' evidence and date stand; the model adds the place the rules left empty.
    assert detention.evidence == (0, TEXT.index(" He")) and detention.place == "Baku"
    assert detention.date == PartialDate(2025, 6, 2)
    assert beating.type is EventType.ILL_TREATMENT and beating.found_by == ("llm.v1:m",)
    assert result.engine == "combined.v1"


def test_when_the_model_falls_back_the_rules_stand_alone() -> None:
    with fake_model([Reply(status=500, raw=b"{}")]) as server:
        llm = LLMExtractor(LLMSettings(endpoint=server.url, model="m"), fallback=Rules())
        result = CombinedExtractor(Rules(), llm).extract(REPORT)
    assert result.engine == "rules.v1"
    assert result.persons[0].events[0].found_by == ()
    assert any("HTTP 500" in w for w in result.warnings)


def test_persons_only_one_engine_found_keep_that_engine() -> None:
    a = Extraction("d", (Person("Orkhan Talishli", (), (Event(EventType.DETENTION),)),), "rules.v1")
    b = Extraction("d", (Person("Leyla Mamedli", (), (Event(EventType.RELEASE),)),), "llm.v1:m")
    merged = combine(a, b, doc_id="d", names=("rules.v1", "llm.v1:m"))
    assert [(p.name, p.events[0].found_by) for p in merged.persons] == [
        ("Orkhan Talishli", ("rules.v1",)),
        ("Leyla Mamedli", ("llm.v1:m",)),
    ]
