"""Russian names the gazetteer and the dictionary do not know (Central Asian,
Caucasian, Belarusian given names and surnames), on invented sentences."""

from habeas.model import Extraction

from .helpers import extract, first, names, person


def ru(text: str) -> Extraction:
    return extract(text, published="2025-03-13", lang="ru")


def test_an_unknown_given_name_after_a_role_word_is_a_person() -> None:
    r = ru("Вчера в Гяндже был задержан активист Эльдаг Турдалиев.")
    assert names(r) == {"Эльдаг Турдалиев"}
    first(person(r, "Эльдаг Турдалиев"), "detention")


def test_an_unknown_given_name_before_a_passive_of_arrest_is_a_person() -> None:
    r = ru("Эльдаг Нормуратов был задержан полицией в Намангане 3 марта.")
    assert names(r) == {"Эльдаг Нормуратов"}


def test_an_unknown_name_without_a_surname_ending_needs_the_frame_and_the_tagger() -> None:
    r = ru("Вчера в Минске был задержан активист Павал Лабкевіч.")
    assert names(r) == {"Павал Лабкевіч"}


def test_a_name_in_tajik_letters_is_one_name() -> None:
    r = ru("Журналист Шоҳрух Раҳимзода был задержан в Худжанде 3 марта.")
    assert names(r) == {"Шоҳрух Раҳимзода"}


def test_without_a_frame_an_unknown_pair_of_words_is_no_one() -> None:
    r = ru("Об этом сообщил Давлатбек Нормуратов. Полиция задержала двух человек.")
    assert names(r) == set()


def test_the_tagger_tells_a_woman_whose_given_name_the_dictionary_only_guesses() -> None:
    # pymorphy3 guesses a man's name from the final consonant; the sentence says hers
    r = ru("Вчера в Оше была задержана активистка Гульжамал Абдыкадырова.")
    assert names(r) == {"Гульжамал Абдыкадырова"}


def test_a_gazetteer_given_name_behind_an_accusative_ending_is_put_back() -> None:
    r = ru("Полиция задержала в Баку журналиста Хадиджу Мурсалову.")
    assert names(r) == {"Хадиджа Мурсалова"}


def test_a_dative_given_name_in_ju_keeps_its_final_consonant() -> None:
    r = ru("Директору телеканала Таалаю Дуйшенбаеву избрали меру пресечения.")
    assert names(r) == {"Таалай Дуйшенбаев"}


def test_an_oblique_given_name_keeps_its_case_beside_an_undeclined_surname() -> None:
    r = ru("Полиция задержала двух журналистов — Тимура Ахмедзянова и Олжаса Сейткали.")
    assert names(r) == {"Тимур Ахмедзянов", "Олжас Сейткали"}


def test_a_given_name_before_a_patronymic_is_kept_though_the_dictionary_lacks_it() -> None:
    r = ru("Суд арестовал Эльдага Рустамовича Турдалиева на два месяца.")
    assert names(r) == {"Эльдаг Рустамович Турдалиев"}


def test_surname_given_name_patronymic_are_put_in_the_nominative_in_that_order() -> None:
    r = ru("Суд арестовал Турдалиева Эльдага Рустамовича на два месяца.")
    assert names(r) == {"Турдалиев Эльдаг Рустамович"}
    r = ru("Суд оштрафовал Ахмедзянову Гульнару Кайратовну.")
    assert names(r) == {"Ахмедзянова Гульнара Кайратовна"}


def test_a_given_name_after_a_genitive_full_name_is_the_relative_who_speaks() -> None:
    r = ru("Жена Тимура Ахмедзянова Гульнара рассказала, что его избили в отделе.")
    assert names(r) == {"Тимур Ахмедзянов"}
    first(person(r, "Тимур Ахмедзянов"), "ill_treatment")
