"""Whom an event reaches: lists, shared surnames, unnamed groups named later (invented)."""

from habeas.extract.lexicon import load_lexicon

from .helpers import extract, first, names, person, types


def test_an_unnamed_group_gets_its_events_when_its_members_are_named() -> None:
    r = extract(
        "Police broke up a march on Sunday. Four students and a teacher have been detained. "
        "Their whereabouts are unknown.\n"
        "The four students are Kamran Veliyev, Leyla Zeynalova, Orkhan Dadashli and "
        "Tural Mirzabeyli."
    )
    assert names(r) == {"Kamran Veliyev", "Leyla Zeynalova", "Orkhan Dadashli", "Tural Mirzabeyli"}
    for p in r.persons:
        assert types(p) == ["detention", "disappearance"]


def test_those_detained_included_names_the_group() -> None:
    r = extract(
        "Police detained three activists on 3 March. The activists were released the next day. "
        "Those detained included Kamran Veliyev and Leyla Zeynalova."
    )
    p = person(r, "Leyla Zeynalova")
    assert str(first(p, "release").date) == "2025-03-04"


def test_a_group_noun_without_names_later_gives_nobody_events() -> None:
    r = extract(
        "Police detained three activists on 3 March. Kamran Veliyev, a lawyer, said he "
        "had not been allowed to see them."
    )
    assert r.persons == ()


def test_given_names_sharing_one_surname_are_two_people() -> None:
    r = extract("The brothers Ali and Rauf Gurbanli were detained on 3 March.")
    assert names(r) == {"Ali Gurbanli", "Rauf Gurbanli"}


def test_russian_plural_surname_gives_each_their_own_form() -> None:
    r = extract(
        "Суд оштрафовал Вячеслава и Марину Сидорчуковых на 30 базовых величин.",
        lang="ru",
    )
    assert names(r) == {"Вячеслав Сидорчуков", "Марина Сидорчукова"}


def test_a_subset_of_a_group_is_nobody_in_particular() -> None:
    r = extract(
        "Samir Gasimli, Nigar Huseynli and Tofig Rahimli were detained on Monday. "
        "Some of them were beaten."
    )
    assert all(types(p) == ["detention"] for p in r.persons) and len(r.persons) == 3
    r = extract(
        "Ивана Сомова, Олега Лыкова и Анну Ремизову задержали в понедельник. "
        "Некоторых из них избили.",
        lang="ru",
    )
    assert all(types(p) == ["detention"] for p in r.persons) and len(r.persons) == 3


def test_a_group_reference_reaches_the_group_when_its_size_agrees() -> None:
    told = "Samir Gasimli, Nigar Huseynli and Tofig Rahimli were detained on Monday. "
    r = extract(told + "All three were released on Tuesday.")
    assert all(types(p) == ["detention", "release"] for p in r.persons)
    r = extract(told + "All four were released on Tuesday.")
    assert all(types(p) == ["detention"] for p in r.persons)
    r = extract(
        "Ивана Сомова, Олега Лыкова и Анну Ремизову задержали в понедельник. "
        "Всех задержанных отпустили во вторник.",
        lang="ru",
    )
    assert all(types(p) == ["detention", "release"] for p in r.persons)


def test_a_group_reference_never_reaches_a_judge_who_speaks() -> None:
    r = extract(
        "Journalists Samir Gasimli and Nigar Huseynli were detained on Monday. "
        "Judge Tofig Rahimli said they were sentenced to 10 days."
    )
    assert names(r) == {"Samir Gasimli", "Nigar Huseynli"}


def test_all_three_counts_the_people_told_of_across_sentences() -> None:
    r = extract(
        "Samir Gasimli was sentenced to nine years in prison and Nigar Huseynli to five years. "
        "Tofig Rahimli received a two-year suspended sentence. "
        "All three were convicted of forging ballots."
    )
    for name in ("Samir Gasimli", "Nigar Huseynli", "Tofig Rahimli"):
        labels = [c.label for e in person(r, name).events for c in e.charges]
        assert labels == ["forging ballots"], name


def test_a_definite_group_noun_means_the_group_named_just_before() -> None:
    r = extract(
        "Members of the youth movement Kamran Veliyev, Tural Mirzabeyli and Orkhan Dadashli "
        "were detained on Monday. The movement activists were questioned for hours.\n\n"
        "Police said the detentions followed a flash mob held by the activists on 9 March."
    )
    for p in r.persons:
        assert "protest" in types(p), p.name
    # an unnamed group of another noun is not the named one
    r = extract(
        "Kamran Veliyev and Tural Mirzabeyli were detained on Monday, with two journalists. "
        "The journalists were beaten at the station."
    )
    assert all("ill_treatment" not in types(p) for p in r.persons)


def test_whom_a_protest_is_for_did_not_take_part() -> None:
    r = extract(
        "Kamran Veliyev and Tural Mirzabeyli were detained after a picket in support of "
        "Leyla Zeynalova, who is in prison."
    )
    assert "Leyla Zeynalova" not in names(r) or "protest" not in types(person(r, "Leyla Zeynalova"))
    assert "protest" in types(person(r, "Kamran Veliyev"))


def test_a_protest_told_with_nobody_in_its_clause_is_no_ones_act() -> None:
    r = extract(
        "Kamran Veliyev was detained in Baku on Sunday. "
        "The rally had been planned on social media for weeks."
    )
    assert [(p.name, types(p)) for p in r.persons] == [("Kamran Veliyev", ["detention"])]


def test_a_possessive_is_no_unnamed_group() -> None:
    lex = load_lexicon("en")
    assert lex.group_noun.search("a march on international women's day") is None
    assert lex.group_noun.search("police detained three women on sunday") is not None


def test_whom_an_action_is_for_is_not_its_subject() -> None:
    r = extract("Two students who picketed in support of Leyla Zeynalova were arrested on Monday.")
    assert "Leyla Zeynalova" not in names(r)
    r = extract("They rallied in support of Leyla Zeynalova, who was arrested on Monday.")
    assert "detention" in types(person(r, "Leyla Zeynalova"))


def test_a_plural_pronoun_after_an_unnamed_crowd_means_the_crowd() -> None:
    r = extract(
        "Police detained Kamran Veliyev, Leyla Zeynalova and Orkhan Dadashli on 3 March. "
        "Organizers say they did not ask permission for the march."
    )
    for p in r.persons:
        assert "protest" not in types(p), p.name
    r = extract(
        "Police detained Kamran Veliyev, Leyla Zeynalova and Orkhan Dadashli on 3 March. "
        "They said they did not ask permission for the march."
    )
    assert all("protest" in types(p) for p in r.persons)


def test_those_who_protested_for_someone_are_not_that_someone() -> None:
    r = extract(
        "Police detained Kamran Veliyev on 3 March. Officials say Veliyev and those who "
        "protested in his defence are extremists."
    )
    assert "protest" not in types(person(r, "Kamran Veliyev"))


def test_an_organizer_of_the_protest_who_speaks_took_part() -> None:
    r = extract(
        "Police detained Kamran Veliyev in the city centre on 3 March. "
        "One of the organizers of the march, Leyla Zeynalova, told reporters what happened."
    )
    assert "protest" in types(person(r, "Leyla Zeynalova"))
    assert types(person(r, "Kamran Veliyev")) == ["detention"]


def test_a_speaker_is_the_subject_of_the_relative_clause_after_the_name() -> None:
    # "X, who was detained on Monday, says …": X speaks, and was detained too
    r = extract("Farid Aliyev, who was detained on Monday, says he is innocent.")
    assert "detention" in types(person(r, "Farid Aliyev"))


def test_a_name_inside_an_apposition_only_describes_the_subject() -> None:
    # "X, a critic of President Y, was arrested": X was arrested, not Y
    r = extract("Farid Mammadov, a critic of President Ilham Aliyev, was arrested on Monday.")
    assert names(r) == {"Farid Mammadov"}


def test_whom_protesters_are_critical_of_is_no_protester() -> None:
    r = extract("Thousands of Russians critical of President Ivan Tolmachev joined the protest.")
    assert not r.persons
