"""Who is who in the store: linking on arrival, "possibly the same", merge, undo and search.

Every person here is invented. Reports are ingested through the real
service with a small extractor that reads "NAME, ROLE, was detained in PLACE."
"""

from __future__ import annotations

from typing import Any

import pytest
from store_support import ingest_lines

from habeas.errors import InputError


def _person(name: str) -> Any:
    from habeas.web.store.models import Person as Row

    return Row.objects.get(name_forms__name=name)


def _judgements(verdict: str) -> list[Any]:
    from habeas.web.store.models import Judgement

    return list(Judgement.objects.filter(verdict=verdict).order_by("id"))


def test_same_full_name_and_same_place_links_on_arrival() -> None:
    ingest_lines("Zamira Qodirova, journalist, was detained in Yashil.")
    first = _person("Zamira Qodirova")
    ingest_lines("Zamira Qodirova, journalist, was detained in Yashil. She spoke later.")

    from habeas.web.store.models import Person as Row

    second = Row.objects.exclude(pk=first.pk).get()
    assert second.merged_into_id == first.pk
    assert first.events.count() == 2
    assert all(e.evidence.count() == 1 for e in first.events.all())
    (same,) = _judgements("same")
    assert same.engine.startswith("resolve.v1")
    assert any("same place: yashil" in r for r in same.reasons)


def test_a_name_match_without_agreeing_context_is_only_possible() -> None:
    from habeas.web.store.queries import possible_matches

    ingest_lines("Zamira Qodirova, journalist, was detained in Yashil.")
    ingest_lines("Замира Кодирова, blogger, was detained in Tepa.")
    first, second = _person("Zamira Qodirova"), _person("Замира Кодирова")

    assert second.merged_into_id is None
    (unsure,) = possible_matches(second.pk)
    assert {unsure.person_a_id, unsure.person_b_id} == {first.pk, second.pk}
    assert "matches 'Zamira Qodirova'" in unsure.reasons[0]
    assert _judgements("same") == []


def test_relatives_are_not_even_suggested() -> None:
    ingest_lines("Zamira Qodirova, journalist, was detained in Yashil.")
    ingest_lines("Zamir Qodirov, journalist, was detained in Yashil.")
    assert _judgements("unsure") == _judgements("same") == []


def _state() -> dict[str, Any]:
    from habeas.web.store import models as m

    return {
        "forms": sorted(m.NameForm.objects.values_list("pk", "person_id", "name")),
        "events": sorted(m.Event.objects.values_list("pk", "person_id")),
        "evidence": sorted(m.Evidence.objects.values_list("pk", "event_id")),
        "persons": sorted(m.Person.objects.values_list("pk", "roles", "merged_into_id")),
        "keys": sorted(m.BlockingKey.objects.values_list("person_id", "key")),
    }


def test_merge_keeps_every_form_and_event_and_undo_restores_exactly() -> None:
    from django.contrib.auth.models import User

    from habeas.web.store.merges import merge_persons, undo_merge
    from habeas.web.store.services import history

    alice = User.objects.create_user("alice")
    ingest_lines("Zamira Qodirova, journalist, was detained in Yashil.")
    ingest_lines("Замира Кодирова, blogger, was detained in Tepa.")
    kept, absorbed = _person("Zamira Qodirova"), _person("Замира Кодирова")
    before = _state()

    merge = merge_persons(kept.pk, absorbed.pk, why="same newspaper", user=alice)

    kept.refresh_from_db()
    assert sorted(kept.name_forms.values_list("name", flat=True)) == [
        "Zamira Qodirova",
        "Замира Кодирова",
    ]
    assert sorted(e.place for e in kept.events.all()) == ["Tepa", "Yashil"]
    assert kept.roles == ["journalist", "blogger"]
    assert history(absorbed)[-1].why == f"merged into person #{kept.pk}: same newspaper"

    undo_merge(merge.version_id, why="two sisters", user=alice)

    assert _state() == before
    assert _judgements("different")[-1].user == alice
    with pytest.raises(InputError, match="already undone"):
        undo_merge(merge.version_id, why="again")


def test_search_finds_a_person_by_any_known_form() -> None:
    from habeas.web.store.merges import merge_persons
    from habeas.web.store.queries import find_persons

    ingest_lines("Elmar Talibov, activist, was detained in Yashil.")
    ingest_lines("Эльмар Талибов, activist, was detained in Tepa.")
    kept, absorbed = _person("Elmar Talibov"), _person("Эльмар Талибов")
    merge_persons(kept.pk, absorbed.pk, why="same activist")

    for query in ("Талибов", "Talibov, Elmar", "E. Talibov", "Эльмару Талибову"):
        hits = find_persons(query)
        assert [h.person_id for h in hits] == [kept.pk], query
    assert find_persons("Talibova") == []
    assert find_persons("Elvin Talibov") == []


@pytest.mark.parametrize("bad", ["T", "Mirzaев", "x" * 500, "!!!"])
def test_search_with_an_unusable_name_finds_nobody(bad: str) -> None:
    from habeas.web.store.queries import find_persons

    ingest_lines("Elmar Talibov, activist, was detained in Yashil.")
    assert find_persons(bad) == []


def test_bad_merges_and_undos_say_why() -> None:
    from habeas.web.store.merges import merge_persons, undo_merge
    from habeas.web.store.models import Version
    from habeas.web.store.queries import find_persons

    ingest_lines("Elmar Talibov, activist, was detained in Yashil.")
    person = _person("Elmar Talibov")
    with pytest.raises(InputError, match="empty"):
        find_persons("  ")
    with pytest.raises(InputError, match="itself"):
        merge_persons(person.pk, person.pk, why="x")
    with pytest.raises(InputError, match="no person #999999"):
        merge_persons(person.pk, 999999, why="x")
    with pytest.raises(InputError, match="reason"):
        merge_persons(person.pk, 999999, why=" ")
    with pytest.raises(InputError, match="not a merge"):
        undo_merge(Version.objects.first().pk, why="x")


def test_candidate_search_among_many_persons_uses_the_index() -> None:
    from habeas.web.store.merges import stored_keys
    from habeas.web.store.models import BlockingKey, NameForm
    from habeas.web.store.models import Person as Row
    from habeas.web.store.resolution import candidate_ids

    given = ("Aydan", "Bahruz", "Cavid", "Elnur", "Farid", "Gulnara", "Ilkin", "Kamran")
    roots = ("Qodir", "Talib", "Velikhan", "Nasib", "Rasul", "Sabir", "Zeynal", "Mahmud")
    names = [f"{g} {r}ov" for g in given for r in roots for _ in range(8)]
    persons = Row.objects.bulk_create([Row(display_name=n) for n in names])
    NameForm.objects.bulk_create(
        [NameForm(person=p, name=n, script="latin") for p, n in zip(persons, names, strict=True)]
    )
    BlockingKey.objects.bulk_create(
        [
            BlockingKey(person=p, key=k)
            for p, n in zip(persons, names, strict=True)
            for k in stored_keys(n)
        ]
    )

    found = candidate_ids(["Elnur Talibov"])

    # Only the eight Elnur Talibovs and nobody with another given name or surname.
    assert {names[persons.index(Row(pk=pid))] for pid in found} == {"Elnur Talibov"}
    assert len(found) == 8


def test_candidate_lookup_stays_bounded_when_a_block_outgrows_the_budget() -> None:
    from habeas.identity.blocking import READ_BUDGET
    from habeas.web.store.merges import stored_keys
    from habeas.web.store.models import BlockingKey
    from habeas.web.store.models import Person as Row
    from habeas.web.store.resolution import block_sizes, candidate_ids

    # More invented Talibovs with a given name in e than one lookup reads.
    given = ("Elvin", "Emil", "Eldar", "Emin", "Elchin")
    names = [f"{given[i % 5]} Talibov" for i in range(READ_BUDGET + 50)]
    names += ["Элнур Талыбов", "E. Talibov"]
    persons = Row.objects.bulk_create([Row(display_name=n) for n in names])
    BlockingKey.objects.bulk_create(
        [
            BlockingKey(person=p, key=k)
            for p, n in zip(persons, names, strict=True)
            for k in stored_keys(n)
        ]
    )
    wanted = {persons[-2].pk, persons[-1].pk}

    found = candidate_ids(["Elnur Talibov"], limit=10)

    # The Cyrillic spelling and the initial are found through their rarer keys.
    assert wanted <= set(found) and len(found) <= 10
    # A surname alone is legitimately many: the oldest, never more than the limit.
    alone = candidate_ids(["Talibov"], limit=10)
    assert alone == sorted(p.pk for p in persons[:10])
    # Block sizes are counted only up to the budget and one more.
    sizes = block_sizes(["w:stal", "w:none"])
    assert sizes == {"w:stal": READ_BUDGET + 1, "w:none": 0}


def test_a_stale_key_of_a_merged_away_person_gives_its_place_to_the_next_candidate() -> None:
    from habeas.web.store.merges import stored_keys
    from habeas.web.store.models import BlockingKey
    from habeas.web.store.models import Person as Row
    from habeas.web.store.resolution import candidate_ids

    # Three invented namesakes; the oldest was merged into the second but kept its keys
    # (a stale row), so only the checked ranking can drop it.
    persons = Row.objects.bulk_create([Row(display_name="Rufat Sabirli") for _ in range(3)])
    BlockingKey.objects.bulk_create(
        [BlockingKey(person=p, key=k) for p in persons for k in stored_keys("Rufat Sabirli")]
    )
    Row.objects.filter(pk=persons[0].pk).update(merged_into=persons[1])

    found = candidate_ids(["Rufat Sabirli"], limit=2)

    assert found == [persons[1].pk, persons[2].pk]


def test_every_stored_name_form_keeps_its_prepared_name() -> None:
    from habeas.identity.forms import decode_prepared, prepare_name
    from habeas.web.store.models import NameForm

    ingest_lines("Zamira Qodirova, journalist, was detained in Yashil.")
    ingest_lines("Замира Кодирова, journalist, was detained in Yashil.")
    forms = list(NameForm.objects.all())
    assert len(forms) >= 2
    for form in forms:
        assert decode_prepared(form.prepared) == prepare_name(form.name)
