import pytest

from habeas.errors import LexiconError
from habeas.timeline.keywords import Subject, mentions_denial, parse_denial_words


@pytest.mark.parametrize(
    "detail",
    [
        "not allowed to receive medication",
        "ЕМУ ОТКАЗАЛИ В ИНСУЛИНЕ",
        "лишили лекарств",
        "İnhalyator verilmir",
    ],
)
def test_medication_denial_is_recognised(detail: str) -> None:
    assert mentions_denial(detail, Subject.MEDICATION)


@pytest.mark.parametrize(
    "detail",
    [
        "lawyer was not permitted to see him",
        "адвоката не допускают",
        "vəkil ilə görüşə icazə verilmir",
        "held incommunicado",
    ],
)
def test_contact_denial_is_recognised(detail: str) -> None:
    assert mentions_denial(detail, Subject.CONTACT)


@pytest.mark.parametrize(
    "detail, subject",
    [
        ("threatened his family", Subject.CONTACT),
        ("həbs olunub və döyülüb", Subject.MEDICATION),  # "həbs" (arrest) is not "həb" (pill)
        ("medication was given after the beating", Subject.MEDICATION),
        ("", Subject.CONTACT),
    ],
)
def test_words_that_are_not_a_denial(detail: str, subject: Subject) -> None:
    assert not mentions_denial(detail, subject)


def test_keyword_data_missing_a_language_is_rejected() -> None:
    text = """
[medication]
en = ["medicine"]
ru = ["лекарств"]
[contact]
en = ["lawyer"]
ru = ["адвокат"]
az = ["vəkil"]
[denial]
en = ["denied"]
ru = ["отказ"]
az = ["verilmir"]
"""
    with pytest.raises(LexiconError, match=r"\[medication\].*'az'"):
        parse_denial_words(text)


def test_keyword_data_that_is_not_toml_is_rejected() -> None:
    with pytest.raises(LexiconError, match="not valid TOML"):
        parse_denial_words("[medication\n")
