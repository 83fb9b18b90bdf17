"""The identity data files load, are well formed, and say where they come from."""

from __future__ import annotations

from importlib import resources

import pytest

from habeas.identity.given import equivalence_groups
from habeas.identity.tables import letter_folds, letter_table, load, sound_folds
from habeas.identity.translit import phonetic_key, to_latin

FILES = ("scripts", "conventions", "structure", "given_names")


@pytest.mark.parametrize("name", FILES)
def test_data_file_names_its_sources(name: str) -> None:
    raw = resources.files("habeas.identity").joinpath("data", f"{name}.toml").read_text("utf-8")
    header = raw.split("\n\n", 1)[0].lower()
    assert "source" in header or "sources" in raw[:1500].lower()
    assert load(name)


@pytest.mark.parametrize("script", ["cyrillic", "georgian", "hebrew", "persian", "latin"])
def test_letter_tables_map_one_letter_to_ascii(script: str) -> None:
    table = letter_table(script)
    assert table
    assert all(len(k) == 1 and v.isascii() for k, v in table.items())


def test_folds_read_longer_spellings_first() -> None:
    folds = [spelling for spelling, _ in sound_folds()]
    # "shch" must be read before "sh" and "ch", "tsch" before "sch".
    assert folds.index("shch") < folds.index("sh") < folds.index("sz")
    assert folds.index("tsch") < folds.index("sch")
    assert set(letter_folds()) == {"q", "h", "w", "y"}


def test_every_given_name_group_is_gendered_and_sourced() -> None:
    groups = load("given_names")["group"]
    assert len(groups) >= 30
    for group in groups:
        assert group["gender"] in {"m", "f"}
        assert group["kind"] in {"east_slavic", "diminutive", "spelling"}
        assert len(group["forms"]) >= 2


def test_full_forms_of_two_genders_never_share_a_group() -> None:
    def groups(word: str) -> frozenset[int]:
        return equivalence_groups([phonetic_key(to_latin(word.lower()))])

    assert groups("Aleksandr") and groups("Aleksandra")
    assert not groups("Aleksandr") & groups("Aleksandra")
    # the diminutive belongs to both
    assert groups("Sasha") & groups("Aleksandr")
    assert groups("Sasha") & groups("Aleksandra")


def test_patronymic_markers_include_the_kyrgyz_and_kazakh_words() -> None:
    markers = set(load("structure")["patronymic"]["markers"])
    assert {"uulu", "kyzy", "uly", "қызы", "уулу"} <= markers
