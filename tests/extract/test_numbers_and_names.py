import pytest

from habeas.extract.lexicon import load_lexicon
from habeas.extract.names import RussianMorphology, strip_az_case, token_key
from habeas.extract.numbers import parse_amount, parse_number

EN = load_lexicon("en")


@pytest.mark.parametrize(
    ("text", "value"),
    [("30", 30), ("7,5", 7.5), ("eight and a half", 8.5), ("twenty-five", 25), ("a", 1)],
)
def test_numbers(text: str, value: float) -> None:
    assert parse_number(text, EN) == value


def test_not_a_number() -> None:
    assert parse_number("several", EN) is None


def test_amounts_with_grouping_and_multipliers() -> None:
    assert parse_amount("5,000", EN) == 5000
    assert parse_amount("150 000", EN) == 150000
    assert parse_amount("40", EN, multiplier="thousand") == 40000


def test_spellings_of_one_name_share_a_key_but_genders_do_not() -> None:
    assert token_key("Şirinova") == token_key("Shirinova")
    assert token_key("Həsənli") == token_key("Hasanli")
    assert token_key("Heydarov") != token_key("Heydarova")


def test_azerbaijani_case_endings_are_stripped_from_surnames() -> None:
    assert strip_az_case("Məmmədlinin") == "Məmmədli"
    assert strip_az_case("Əhmədovaya") == "Əhmədova"
    assert strip_az_case("Bakıda") == "Bakıda"  # not a surname: left alone


def test_russian_names_are_put_in_the_nominative() -> None:
    tokens, gender = RussianMorphology.nominative(["Марка", "Гальперина"])
    assert tokens == ("Марк", "Гальперин") and gender == "m"
    tokens, gender = RussianMorphology.nominative(["Галину", "Вершинину"])
    assert tokens == ("Галина", "Вершинина") and gender == "f"
