"""Lists of names in Russian and Azerbaijani reports, on invented text."""

from habeas.extract.lexicon import load_lexicon
from habeas.extract.people import People

from .helpers import extract, names, person, types


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


def test_a_foreign_surname_in_a_case_is_the_person_named_before() -> None:
    # "Kerem Ozdilekin evi": a Turkish surname with no Azerbaijani ending to strip,
    # in the genitive after the nominative "Kerem Ozdilek"
    text = (
        "Jurnalistlər Kerem Ozdilek və Tarık Balcı ifadə verməyə çağırılıb. "
        "Polis Tarık Balcı və Kerem Ozdilekin evlərində axtarış aparıb."
    )
    entities = People(text, load_lexicon("az")).entities
    assert sorted(e.name for e in entities) == ["Kerem Ozdilek", "Tarık Balcı"]


def test_the_name_after_a_quotes_speech_verb_and_a_long_title_is_the_speaker() -> None:
    r = extract(
        "«Сегодня полиция задержала блогера Тимура Лаврова. Ещё один блогер находится "
        "под домашним арестом», – написала заместитель министра юстиции Республики "
        "Злата Орешкина в телеграме.",
        published="2024-05-02",
        lang="ru",
    )
    assert names(r) == {"Тимур Лавров"}


def test_a_count_with_an_adjective_is_a_group_of_its_own() -> None:
    # «5 независимых журналистов»: not a word for the journalist named before
    r = extract(
        "«Сегодня полиция задержала журналиста Тимура Лаврова. Кроме того, 5 независимых "
        "журналистов находятся под домашним арестом», – написала заместитель министра "
        "юстиции Республики Злата Орешкина в телеграме.",
        published="2024-05-02",
        lang="ru",
    )
    assert types(person(r, "Тимур Лавров")) == ["detention"]


def test_an_az_role_phrase_with_a_genitive_owner_keeps_the_list() -> None:
    # "X, “Səs” qəzetinin bölgə müxbiri Y və Z": the owner in the genitive and the
    # noun before the role word belong to Y's role phrase
    r = extract(
        "Əfv aktı çərçivəsində Kamal Nəsibli, “Səs” qəzetinin bölgə müxbiri Orxan Vəliyev "
        "və bloger Samir Qasımov azadlığa çıxıb.",
        published="2024-05-02",
        lang="az",
    )
    for name in ("Kamal Nəsibli", "Orxan Vəliyev", "Samir Qasımov"):
        assert "release" in types(person(r, name))
