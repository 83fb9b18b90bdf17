"""Migrations 0006 and 0009 give a store the current blocking keys, so search finds old files."""

from __future__ import annotations

import importlib

import pytest


@pytest.mark.parametrize("migration", ["0006_blocking_keys_names_v2", "0009_name_keys_v3"])
def test_the_rebuild_indexes_every_current_person_as_a_capture_would(migration: str) -> None:
    from django.apps import apps

    from habeas.web.store.merges import index_person
    from habeas.web.store.models import BlockingKey, NameForm, Person

    kept = Person.objects.create(display_name="Ян Кавалёў")
    NameForm.objects.create(person=kept, name="Ян Кавалёў", script="cyrillic")
    NameForm.objects.create(person=kept, name="Jan Kavalioŭ", script="latin")
    gone = Person.objects.create(display_name="Jan Kowaljow", merged_into=kept)
    index_person(kept)
    expected = set(BlockingKey.objects.filter(person=kept).values_list("key", flat=True))
    # What an old matcher left behind: a stale key, and keys for a merged-away person.
    BlockingKey.objects.filter(person=kept).delete()
    BlockingKey.objects.create(person=kept, key="k:stale")
    BlockingKey.objects.create(person=gone, key="k:stale")

    importlib.import_module(f"habeas.web.store.migrations.{migration}").rebuild(apps, None)

    assert set(BlockingKey.objects.filter(person=kept).values_list("key", flat=True)) == expected
    assert expected and not BlockingKey.objects.filter(person=gone).exists()
    # keys.v3: the word-pair keys are among them.
    assert any(key.startswith("p:") for key in expected)
