"""English mechanisms of the fifth quality round (precision on unseen reports),
on invented sentences."""

from .helpers import extract, names, person, types


def test_a_refused_request_governs_its_object_past_an_apposition() -> None:
    r = extract(
        "On 5 March the Yasamal court rejected the request to transfer Tural Mirzayev, "
        "the legal founder of the channel, to house arrest."
    )
    assert "pretrial_detention" not in [t for p in r.persons for t in types(p)]


def test_a_request_governs_an_object_longer_than_a_few_words() -> None:
    r = extract(
        "On 5 March the Khatai court did not grant the request to transfer Tural Mirzayev "
        "to house arrest."
    )
    assert "pretrial_detention" not in [t for p in r.persons for t in types(p)]


def test_a_denied_arrest_is_no_detention() -> None:
    for text in (
        "Police denied that Tural Mirzayev had been arrested on 5 March.",
        "The ministry denied reports that Tural Mirzayev was detained on 5 March.",
        "Tural Mirzayev denied having been detained on 5 March.",
    ):
        r = extract(text)
        assert all("detention" not in types(p) for p in r.persons), text


def test_a_denial_stops_at_the_next_verb() -> None:
    r = extract("Tural Mirzayev denied the charges and was detained on 5 March.")
    assert "detention" in types(person(r, "Tural Mirzayev"))


def test_an_adverb_after_not_keeps_the_negation() -> None:
    for text in (
        "Tural Mirzayev has not yet been charged.",
        "The police have not formally charged Tural Mirzayev.",
    ):
        r = extract(text)
        assert all("charge" not in types(p) for p in r.persons), text
    r = extract("Tural Mirzayev was not only detained on 5 March but also beaten.")
    assert "Tural Mirzayev" in names(r)
    assert "detention" in types(person(r, "Tural Mirzayev"))
