"""Page chrome across outlets: closing notices and headings, repeated lines, and
captions whose credit the capture glued on. Invented text and fictional people."""

from __future__ import annotations

from habeas.extract.rules import RuleExtractor
from habeas.extract.sentences import is_chrome_line, split_sentences
from habeas.model import Report

BODY_EN = (
    "Police in Veldgrad detained the activist Oren Laskaris on Monday after a picket.\n\n"
    "A district court sentenced him to ten days of administrative detention on Tuesday, "
    "his lawyer said.\n\n"
    "Laskaris denies the charge of disobeying the police.\n\n"
)


def _persons(text: str, lang: str = "en") -> list[str]:
    report = Report(doc_id="t", text=text, lang=lang, published=None)
    return [p.name for p in RuleExtractor().extract(report).persons]


def _sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_a_copyright_notice_closes_the_report() -> None:
    text = (
        BODY_EN + "© 2025 Veldgrad Herald. All rights reserved.\n\n"
        "Police detained the blogger Tarlan Qodeyev in the north last year.\n"
    )
    assert _persons(text) == ["Oren Laskaris"]
    assert not any("Herald" in s for s in _sentences(text))


def test_a_comment_section_gives_no_events() -> None:
    text = (
        BODY_EN + "Comments (2)\n\n"
        "Police detained the blogger Tarlan Qodeyev at the same square yesterday.\n\n"
        "Free them all.\n"
    )
    assert _persons(text) == ["Oren Laskaris"]


def test_closing_headings_in_russian_and_azerbaijani() -> None:
    ru = (
        "В Вельдграде полиция задержала активиста Тимура Ахмедзянова во время пикета.\n\n"
        "Суд арестовал его на десять суток, сообщил адвокат.\n\n"
        "Он не признаёт вину.\n\n"
        "Теги: Вельдград, пикеты, суды\n\n"
        "Самое читаемое\n\n"
        "Суд в Вельдграде арестовал блогера Олега Сомова на пятнадцать суток.\n"
    )
    assert not any("Сомов" in s for s in _sentences(ru))
    az = (
        "Polis Bakıda fəal Rəşid Quluzadəni saxlayıb.\n\n"
        "Məhkəmə onu 30 sutka inzibati həbsə məhkum edib.\n\n"
        "Vəkil qərardan şikayət edəcəyini bildirib.\n\n"
        "Şərhlər\n\n"
        "Polis dünən Elvar Nəsirlini də saxlayıb.\n"
    )
    assert not any("Nəsirli" in s for s in _sentences(az))


def test_a_body_line_that_opens_with_a_marker_word_is_kept() -> None:
    text = BODY_EN + "Comments from the ministry of the interior were not available.\n"
    assert "Comments from the ministry of the interior were not available." in _sentences(text)


def test_a_repeated_line_gives_its_sentences_once() -> None:
    caption = "Oren Laskaris outside the court in Veldgrad on Tuesday."
    text = "Activist jailed in Veldgrad\n\n" + caption + "\n" + caption + "\n\n" + BODY_EN
    sentences = split_sentences(text)
    assert [s.text for s in sentences].count(caption) == 1
    first = text.index(caption)
    assert any(s.start == first for s in sentences)


def test_a_bare_caption_before_its_credited_copy_is_chrome() -> None:
    text = (
        "Активиста арестовали в Вельдграде\n\n"
        "Центральная площадь Вельдграда\n"
        "Центральная площадь ВельдградаФото: Олег Сомов/Пресс\n\n"
        "Полиция задержала активиста Тимура Ахмедзянова на площади.\n"
    )
    sentences = _sentences(text)
    assert not any(s.startswith("Центральная площадь") for s in sentences)
    assert "Полиция задержала активиста Тимура Ахмедзянова на площади." in sentences


def test_more_caption_and_teaser_shapes() -> None:
    assert is_chrome_line("Kerim Talibov. (Photo courtesy of his family)")
    assert is_chrome_line("Площадь в центре ВельдградаФото: Олег Сомов")
    assert is_chrome_line("Also read: Court in the north fines two bloggers")
    assert is_chrome_line("Также читайте: суд оштрафовал двух блогеров")
    assert not is_chrome_line("The photographer Kerim Talibov was detained on Monday.")


def test_a_dated_caption_captured_twice_gives_no_sentence() -> None:
    caption = "A picket outside the court in Veldgrad, 3 May 2019"
    text = "Activist jailed in Veldgrad\n\n" + caption + "\n" + caption + "\n\n" + BODY_EN
    assert not any("3 May 2019" in s for s in _sentences(text))
    assert "Laskaris denies the charge of disobeying the police." in _sentences(text)


def test_a_list_of_verdicts_told_as_lines_keeps_its_events() -> None:
    # Lines without a full stop, like the headlines of a related block, but a
    # report's own list: a cut here would lose the people it is about.
    text = (
        "A court in Veldgrad sentenced the protesters detained at the rally.\n\n"
        "Journalist Rashad Aliyev was sentenced to 10 days\n"
        "Activist Leyla Mammadova was sentenced to 15 days\n"
        "Student Tural Hasanov was fined 500 manat\n\n"
        "Their lawyers said they would appeal.\n"
    )
    assert set(_persons(text)) == {"Rashad Aliyev", "Leyla Mammadova", "Tural Hasanov"}


def test_a_membership_appeal_left_in_a_text_gives_no_events() -> None:
    text = (
        BODY_EN + "Our reporter Kamal Rustamli was arrested in 2023 for his work. "
        "Support independent journalism and become a member today.\n\n"
        "Laskaris is due in court again next week.\n"
    )
    assert _persons(text) == ["Oren Laskaris"]
    assert "Laskaris is due in court again next week." in _sentences(text)
