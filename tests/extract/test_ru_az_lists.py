"""Lists of names in Russian and Azerbaijani reports, on invented text."""

from .helpers import extract, person, types


def test_a_long_role_phrase_between_two_objects_keeps_the_list() -> None:
    # «X и представителя правозащитной организации «…» Y»: both were taken in
    r = extract(
        "В Казани сотрудники полиции доставили в отдел полиции журналиста «Вечерней почты» "
        "Тимура Лаврова и представителя правозащитной организации «Светоч» Ильдара Гаязова.",
        published="2024-05-02",
        lang="ru",
    )
    assert "detention" in types(person(r, "Тимур Лавров"))
    assert "detention" in types(person(r, "Ильдар Гаязов"))
