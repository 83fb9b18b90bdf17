"""`habeas people search|merge|undo`, and the one-line answers to bad input.

Every person here is invented. Reports are ingested through the real service
with a small extractor reading "NAME, ROLE, was detained in PLACE.", so two
spellings of one name arrive as two persons.
"""

from __future__ import annotations

from typing import Any

import pytest
from store_support import ingest_lines

from habeas.cli.main import main


def _id(name: str) -> int:
    from habeas.web.store.models import Person as Row

    return int(Row.objects.get(name_forms__name=name).pk)


@pytest.fixture
def pair() -> tuple[int, int]:
    """(Latin spelling, Cyrillic spelling) of one invented journalist, as two persons."""
    ingest_lines("Dilbar Yusupova, journalist, was detained in Chorsu.")
    ingest_lines("Дильбар Юсупова, editor, was detained in Bektemir.")
    return _id("Dilbar Yusupova"), _id("Дильбар Юсупова")


def _state() -> dict[str, Any]:
    from habeas.web.store.models import Event as EventRow
    from habeas.web.store.models import Merge, NameForm
    from habeas.web.store.models import Person as Row

    return {
        "persons": sorted(Row.objects.values_list("pk", "merged_into_id", "roles")),
        "forms": sorted(NameForm.objects.values_list("pk", "person_id")),
        "events": sorted(EventRow.objects.values_list("pk", "person_id")),
        "merges": Merge.objects.filter(undone_by__isnull=True).count(),
    }


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["people", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_search_finds_a_person_by_a_form_in_another_script(
    pair: tuple[int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    latin, cyrillic = pair

    code, out, _ = _run(capsys, "search", "Yusupova Dilbar")

    assert code == 0
    lines = out.strip().splitlines()
    assert {line.split("\t")[0] for line in lines} == {f"#{latin}", f"#{cyrillic}"}
    assert f"#{cyrillic}\tДильбар Юсупова\t(as 'Дильбар Юсупова', score" in out


def test_search_without_a_match_says_so(
    pair: tuple[int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "search", "Bakhodir Tursunov")

    assert (code, out) == (0, "no known person matches 'Bakhodir Tursunov'\n")


def test_merge_then_search_shows_one_file_then_undo_shows_two(
    pair: tuple[int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    from habeas.web.store.models import Person as Row

    latin, cyrillic = pair
    before = _state()

    code, out, _ = _run(capsys, "merge", str(latin), str(cyrillic), "--why", "same newsroom")
    version = int(out.rsplit(" ", 1)[1])
    merged_search = _run(capsys, "search", "Дильбар Юсупова")[1]
    undo = _run(capsys, "undo", str(version), "--why", "two cousins")

    assert code == 0
    assert out.startswith(f"merged person #{cyrillic} into #{latin}: 1 name forms, 1 events moved")
    assert out.strip().endswith(f"undo with: habeas people undo {version}")
    assert merged_search.strip().splitlines()[0].startswith(f"#{latin}\tDilbar Yusupova\t")
    assert f"#{cyrillic}\t" not in merged_search
    assert undo == (0, f"person #{cyrillic} is separate from #{latin} again\n", "")
    assert _state() == before
    assert Row.objects.get(pk=cyrillic).merged_into_id is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("search", "  "), "habeas: A name to search for is empty.\n"),
        (("merge", "KEPT", "KEPT", "--why", "x"), "cannot be merged with itself.\n"),
        (("merge", "KEPT", "424242", "--why", "x"), "habeas: There is no person #424242.\n"),
        (("merge", "KEPT", "OTHER", "--why", " "), "(a merge needs a reason).\n"),
        (("merge", "OTHER", "KEPT", "--why", "x"), "is already merged into #"),
        (("undo", "424242"), "habeas: Version #424242 is not a merge.\n"),
        (("undo", "UNDONE"), "is already undone.\n"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    pair: tuple[int, int],
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    message: str,
) -> None:
    from habeas.web.store.merges import merge_persons, undo_merge

    latin, cyrillic = pair
    ingest_lines("Dilbar Yusupova, teacher, was detained in Olmazor.")
    (namesake,) = [p for p in _ids("Dilbar Yusupova") if p != latin]
    merged = merge_persons(latin, namesake, why="setup")
    if "UNDONE" in args:
        undo_merge(merged.version_id, why="setup")
    values = {"KEPT": str(cyrillic), "OTHER": str(namesake), "UNDONE": str(merged.version_id)}
    before = _state()

    code, out, err = _run(capsys, *(values.get(a, a) for a in args))

    assert (code, out) == (2, "")
    assert err.startswith("habeas: ") and message in err
    assert len(err.strip().splitlines()) == 1
    assert _state() == before


def _ids(name: str) -> list[int]:
    from habeas.web.store.models import NameForm

    return sorted(NameForm.objects.filter(name=name).values_list("person_id", flat=True))


def test_an_id_that_is_not_a_number_is_refused_by_the_parser(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["people", "merge", "twelve", "3", "--why", "x"])

    assert stop.value.code == 2
    assert "argument A: invalid int value: 'twelve'" in capsys.readouterr().err
