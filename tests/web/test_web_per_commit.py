"""Values derived from the whole store are made once per commit, never older than the last one."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable

from web_support import user

DAY = dt.date(2026, 3, 8)


def _counting(value: str = "v") -> tuple[list[int], Callable[[], str]]:
    made: list[int] = []

    def make() -> str:
        made.append(1)
        time.sleep(0.05)
        return value

    return made, make


def test_a_value_is_made_again_only_after_a_commit_or_on_a_new_day() -> None:
    from habeas.web.store.generation import per_commit

    made, make = _counting()
    assert per_commit("test value", DAY, make) == "v"
    assert per_commit("test value", DAY, make) == "v"
    assert len(made) == 1
    user("carol")  # any write (making a user)
    per_commit("test value", DAY, make)
    assert len(made) == 2
    per_commit("test value", DAY + dt.timedelta(days=1), make)
    assert len(made) == 3


def test_readers_after_the_same_commit_wait_for_one_maker() -> None:
    from django.db import connection

    from habeas.web.store.generation import per_commit

    user("dave")  # a write: whatever an earlier test left under this name is out of date
    made, make = _counting()
    got: list[str] = []

    def read() -> None:
        got.append(per_commit("test shared", DAY, make))
        connection.close()

    readers = [threading.Thread(target=read) for _ in range(4)]
    for r in readers:
        r.start()
    for r in readers:
        r.join()
    assert got == ["v"] * 4 and len(made) == 1


def test_inside_a_transaction_it_is_always_made_afresh() -> None:
    from django.db import transaction

    from habeas.web.store.generation import per_commit

    made, make = _counting()
    per_commit("test atomic", DAY, make)
    with transaction.atomic():
        per_commit("test atomic", DAY, make)
    assert len(made) == 2
