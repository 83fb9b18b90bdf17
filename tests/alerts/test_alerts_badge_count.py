"""The badge's open-alert counts kept by the database equal a recount after every kind of write.

Migration 0010_alert_counts_status_notes keeps them with triggers; CI runs this on
PostgreSQL too (HABEAS_TEST_DATABASE_URL).
"""

from __future__ import annotations

from typing import Any

from django.db import connection, transaction
from django.utils import timezone


def _alert(person: Any, key: str, **fields: Any) -> Any:
    from habeas.web.alerts.models import Alert

    return Alert.objects.create(
        person=person,
        key=key,
        kind="OVERDUE_RELEASE",
        message=key,
        opened_at=timezone.now(),
        **fields,
    )


def test_the_kept_open_alert_counts_equal_a_recount_after_every_kind_of_write(
    alice: Any, bob: Any, charlie: Any
) -> None:
    from habeas.web.alerts.models import Alert
    from habeas.web.alerts.services import open_alert_count
    from habeas.web.store import counts
    from habeas.web.store.models import Person

    def recount(*, confidential: bool) -> int:
        rows = Alert.objects.filter(state="open", person__merged_into__isnull=True)
        return rows.count() if confidential else rows.filter(confidential=False).count()

    def check() -> None:
        for confidential in (False, True):
            assert counts.open_alerts(confidential=confidential) == recount(
                confidential=confidential
            )
        # The badge: editors see confidential support's alerts, viewers do not, no role none.
        assert open_alert_count(alice) == recount(confidential=True)
        assert open_alert_count(bob) == recount(confidential=False)
        assert open_alert_count(charlie) == 0

    one = Person.objects.create(display_name="Lio Marsh")
    two = Person.objects.create(display_name="Tam Orrin")
    check()
    first = _alert(one, "a")
    _alert(one, "b", confidential=True)
    _alert(two, "c")
    check()
    Alert.objects.bulk_create(
        Alert(person=two, key=k, kind="OVERDUE_RELEASE", message=k, opened_at=timezone.now())
        for k in ("d", "e")
    )
    check()
    first.state = "acknowledged"
    first.save()
    check()
    first.state = "open"
    first.save(update_fields=["state"])
    check()
    Alert.objects.filter(key="c").update(state="resolved", resolved_at=timezone.now())
    check()
    Alert.objects.filter(key="b").update(confidential=False)
    check()
    Alert.objects.filter(key="d").update(confidential=True)
    check()
    Alert.objects.filter(key="e").update(person=one)
    check()
    # Merged away: the absorbed person's open alerts leave the count; restored, they return.
    two.merged_into = one
    two.save()
    check()
    Alert.objects.filter(key="d").update(person=two)  # onto a merged-away person
    check()
    Person.objects.filter(pk=two.pk).update(merged_into=None)
    check()
    Person.objects.filter(pk=one.pk).update(merged_into=two)
    check()
    Person.objects.filter(pk=one.pk).update(merged_into=None)
    check()
    Alert.objects.filter(key="a").delete()
    check()
    two.delete()  # its alerts go with it (the ORM deletes them first)
    check()
    assert counts.open_alerts(confidential=True) == recount(confidential=True) == 2
    three = Person.objects.create(display_name="Ves Allin")
    _alert(three, "f")
    check()
    # Raw SQL may delete a person before its alerts (foreign keys are checked at commit).
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM store_person WHERE id = %s", [three.pk])
        check()
        Alert.objects.filter(person_id=three.pk).delete()
    check()
    # ...and a copy may insert alerts before their person.
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO alerts_alert (person_id, key, kind, date_text, message, confidential,"
                " state, opened_at) VALUES (%s, 'g', 'OVERDUE_RELEASE', '', 'g', %s, 'open', %s)",
                [three.pk, False, timezone.now()],
            )
        Person.objects.create(pk=three.pk, display_name="Ves Allin")
        check()
    check()
    assert recount(confidential=True) == 3
