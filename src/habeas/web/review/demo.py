"""Fictional demo data, written for habeas: reports in English, Russian and Azerbaijani.

Every person, place of work and event here is invented. The reports are
captured through the store's real services, so the demo shows the engine's
real suggestions with their evidence; then some are confirmed and some
rejected by the demo admin, as a reviewer would.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from habeas.web.store import services
from habeas.web.store.models import Event, EventStatus


@dataclass(frozen=True, slots=True)
class DemoReport:
    slug: str
    title: str
    lang: str
    days_ago: int  # published this many days before the demo starts
    text: str
    review: str  # "confirm" every suggestion, or "leave" them for the queue
    reject: tuple[tuple[str, str], ...] = ()  # (name, event type) a reviewer would reject


_NOTE_EN = "All the people named in this report are invented for the habeas demo."
_NOTE_RU = "Все люди, упомянутые в этом сообщении, вымышлены для демонстрации habeas."
_NOTE_AZ = "Bu xəbərdəki bütün adlar habeas nümayişi üçün uydurulub."

REPORTS = (
    DemoReport(
        "blogger-ganja",
        "Blogger held for a month after posting a protest video",
        "en",
        5,
        "Police in Ganja on Monday detained blogger Elnur Mammadzade at his home, two days "
        "after he posted a video of a protest against rising bread prices. His brother said "
        "officers did not show a warrant.\n\nOn Tuesday the Ganja City Court sentenced "
        "Mammadzade to 30 days of administrative detention for disobeying the police. His "
        f"lawyer said he had been beaten in the police car.\n\n{_NOTE_EN}",
        review="confirm",
        reject=(("Elnur Mammadzade", "protest"),),
    ),
    DemoReport(
        "journalist-airport",
        "Journalist missing after arrest at the airport",
        "en",
        12,
        "Investigative journalist Aysel Quliyeva was detained at Baku airport on Friday as she "
        "returned from a training course abroad, her editor said.\n\nSince then her whereabouts "
        "are unknown: her family has been told by three police stations that she is not held "
        "there, and her lawyer has not been allowed to see her.\n\nFellow reporter Kamran "
        "Tahirli, who was detained with her at the airport, was released on Saturday evening "
        f"after questioning.\n\n{_NOTE_EN}",
        review="confirm",
    ),
    DemoReport(
        "student-remand",
        "Student activist remanded for four months",
        "en",
        2,
        "A court in Sumgait on Thursday ordered student activist Leyla Hasanli to be held in "
        "pretrial detention for four months on charges of hooliganism under Article 221 of the "
        "Criminal Code. She was arrested on Tuesday after a picket outside the university.\n\n"
        "Her classmate Ruslan Babayev was detained at the same picket and released the next "
        f"day without charge.\n\n{_NOTE_EN}",
        review="leave",
    ),
    DemoReport(
        "aktivist-15-sutok",
        "Активиста арестовали на 15 суток",
        "ru",
        4,
        "В понедельник в Баку полиция задержала активиста Тимура Мамедова у здания суда.\n\n"
        "Во вторник Хатаинский районный суд приговорил Мамедова к 15 суткам административного "
        f"ареста. Адвоката к нему не пустили.\n\n{_NOTE_RU}",
        review="confirm",
    ),
    DemoReport(
        "zhurnalistka-osvobozhdena",
        "Журналистка освобождена после пикета",
        "ru",
        30,
        "В субботу была освобождена журналистка Нигяр Садыхова, задержанная в среду во время "
        f"пикета в поддержку политзаключённых.\n\n{_NOTE_RU}",
        review="leave",
    ),
    DemoReport(
        "feal-hebs",
        "Fəal 20 günlük inzibati həbs edildi",
        "az",
        3,
        "Bazar ertəsi polis fəal Orxan Cəfərlini Bakıda saxlayıb. Çərşənbə axşamı Nəsimi Rayon "
        f"Məhkəməsi Orxan Cəfərliyə 20 gün inzibati həbs cəzası verib.\n\n{_NOTE_AZ}",
        review="confirm",
    ),
    DemoReport(
        # The Ganja blogger again, in Azerbaijani spelling: the demo's "possibly the same as".
        "bloger-sikayet",
        "Məhkəmə blogerin şikayətini rədd edib",
        "az",
        1,
        "Gəncə Şəhər Məhkəməsi bloger Elnur Məmmədzadənin həbsinə etiraz edən vəkilinin "
        "şikayətini rədd edib. Bloger Elnur Məmmədzadə ötən həftə Gəncədə saxlanılıb.\n\n"
        f"{_NOTE_AZ}",
        review="leave",
    ),
    DemoReport(
        "released-after-fine",
        "Two activists fined and released",
        "en",
        60,
        "Police in Lankaran on Saturday detained activists Farid Aghayev and Gunel Rzayeva "
        "during a rally for clean water. On Sunday the Lankaran District Court fined each of "
        "them 200 manats for taking part in an unauthorised rally, and both were released from "
        f"the courtroom.\n\n{_NOTE_EN}",
        review="confirm",
    ),
)


def load_demo(*, reviewer: Any, today: dt.date) -> list[services.IngestResult]:
    """Capture the demo reports (published relative to `today`) and review some suggestions."""
    results = []
    for report in REPORTS:
        result = services.ingest_text(
            report.text,
            name=f"demo/{report.slug}.txt",
            published=today - dt.timedelta(days=report.days_ago),
            lang=report.lang,
            title=report.title,
        )
        results.append(result)
        if report.review == "confirm":
            _review(result.report_id, report, reviewer=reviewer)
    return results


def _review(report_id: int, report: DemoReport, *, reviewer: Any) -> None:
    events = Event.objects.filter(evidence__report_id=report_id, status=EventStatus.SUGGESTED)
    status: Any
    for event in events.select_related("person").distinct():
        if (event.person.display_name, event.type) in report.reject:
            status, why = EventStatus.REJECTED, "demo: the report does not say he protested"
        else:
            status, why = EventStatus.CONFIRMED, "demo: the report says so"
        services.set_event_status(event, status, user=reviewer, why=why)
