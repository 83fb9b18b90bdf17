"""page_to_text: article text without page furniture, with title, date and language."""

from __future__ import annotations

import datetime
import time
from pathlib import Path

import pytest

from habeas.errors import InputError
from habeas.ingest.html import PageText, is_boilerplate, looks_like_html, page_to_text

PAGES = Path(__file__).parent / "pages"


def _page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def test_english_article_keeps_the_reporting_in_blank_line_separated_paragraphs() -> None:
    page = page_to_text(_page("article_en.html"), url="https://courier.example/orlova")

    paragraphs = page.text.split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("Police in Veldgrad detained the environmental activist")
    assert "30 days of administrative detention" in paragraphs[2]
    assert all(p == p.strip() and "\n" not in p for p in paragraphs)


def test_english_article_metadata() -> None:
    page = page_to_text(_page("article_en.html"))

    assert page.title == "Activist Tamsin Orlova detained in Veldgrad"
    assert page.published == datetime.date(2025, 3, 13)
    assert page.lang == "en"


@pytest.mark.parametrize(
    "furniture",
    [
        "Home",  # menu
        "About us",
        "cookies",
        "Related articles",
        "Court upholds fine",  # a related-article link
        "newsletter",
        "All rights reserved",
        "Become a member",  # in-article appeal, removed by our post-filter
        "Support our journalism",
        "Comments (3)",
        # trafilatura repeats the <h1> as the first line; the title is kept apart
        "Activist Tamsin Orlova detained in Veldgrad",
    ],
)
def test_english_article_drops_page_furniture(furniture: str) -> None:
    assert furniture not in page_to_text(_page("article_en.html")).text


def test_the_fixture_really_exercises_the_post_filter() -> None:
    # If trafilatura one day removes these itself, the tests above prove nothing
    # about our filter; this keeps the fixture honest.
    import trafilatura

    raw = trafilatura.extract(_page("article_en.html"), include_comments=False) or ""
    assert "Become a member" in raw
    assert "Comments (3)" in raw


def test_russian_page_in_windows_1251_is_decoded_from_its_meta_charset() -> None:
    page = page_to_text(_page("article_ru_cp1251.html"))

    assert page.title == "В Вельдграде задержан блогер Остап Мирошников"
    assert page.lang == "ru"
    assert page.published == datetime.date(2024, 11, 2)
    assert page.text.startswith("Утром 1 ноября полиция Вельдграда задержала блогера")
    assert "Поддержите" not in page.text
    assert "Комментарии" not in page.text


def test_a_declared_transport_encoding_is_used() -> None:
    data = _page("article_ru_cp1251.html").replace(b"charset=windows-1251", b"")

    page = page_to_text(data, encoding="windows-1251")

    assert "15 суток административного ареста" in page.text


def test_azerbaijani_page_takes_its_language_from_meta_content_language() -> None:
    page = page_to_text(_page("article_az.html"))

    assert page.lang == "az"
    assert page.published == datetime.date(2025, 1, 20)
    assert "20 sutka inzibati həbs" in page.text
    assert "dəstəkləyin" not in page.text
    assert "Şərhlər" not in page.text
    assert len(page.text.split("\n\n")) == 3


def test_a_bare_fragment_is_accepted() -> None:
    page = page_to_text("<p>Police detained the poet Ilse Marrow in Veldgrad on Friday.</p>")

    assert page == PageText(
        text="Police detained the poet Ilse Marrow in Veldgrad on Friday.",
        title=None,
        published=None,
        lang=None,
    )


def test_a_page_of_menus_only_has_no_article_text() -> None:
    with pytest.raises(InputError, match=r"^https://x\.example/: no article text"):
        page_to_text(_page("furniture_only.html"), url="https://x.example/")


@pytest.mark.parametrize("empty", [b"", b"  \n ", ""])
def test_an_empty_page_is_refused(empty: bytes | str) -> None:
    with pytest.raises(InputError, match="the page is empty"):
        page_to_text(empty)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Comments (3)",
        "3 comments",
        "Read also:",
        "Комментарии (12)",
        "Читайте также",
        "ŞƏRHLƏR: 2",
        "Become a member and support our independent journalism. Donate today.",
        "Поддержите независимую журналистику — подпишитесь на нашу рассылку.",
        "Müstəqil jurnalistikanı dəstəkləyin.",
    ],
)
def test_appeals_and_section_headings_are_boilerplate(paragraph: str) -> None:
    assert is_boilerplate(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "She had asked her followers to donate to the families of detained protesters.",
        "The comments she posted on Tuesday were cited by the court.",
        "Комментарии в соцсетях стали поводом для задержания активиста.",
        # A long paragraph of reporting that quotes an appeal is still reporting.
        "The court said the leaflet, which urged readers to support our journalism, was "
        + "evidence of an unauthorised collection of money and fined him for it " * 6,
    ],
)
def test_reporting_that_mentions_donations_or_comments_is_kept(paragraph: str) -> None:
    assert not is_boilerplate(paragraph)


@pytest.mark.parametrize(
    "data",
    [
        b"<!DOCTYPE html><html><body><p>x</p></body></html>",
        b"\xef\xbb\xbf\n  <html lang='en'><head></head></html>",
        "<html><body>Привет</body></html>".encode("utf-16"),
        b"<p>Police detained him.</p>",
    ],
)
def test_html_is_recognised(data: bytes) -> None:
    assert looks_like_html(data)


@pytest.mark.parametrize(
    "data",
    [b"Police detained him on Friday.", b"%PDF-1.7\n", b'{"doc_id": "x"}', b"<3 to all", b""],
)
def test_other_data_is_not_html(data: bytes) -> None:
    assert not looks_like_html(data)


def test_a_10_kb_page_takes_milliseconds() -> None:
    # Generous bound (measured ~5 ms on the dev machine): catches a pathological
    # slowdown such as a backtracking regex, not ordinary jitter.
    base = _page("article_en.html").decode()
    filler = "".join(
        f"<p>Paragraph {i}: the court in Veldgrad heard the appeal and adjourned the hearing "
        "until next week, her lawyer told reporters outside.</p>"
        for i in range(50)
    )
    data = base.replace("<p>Comments (3)</p>", filler).encode()
    assert 9_000 < len(data) < 11_000
    page_to_text(data)  # warm the imports
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        page_to_text(data)
        timings.append(time.perf_counter() - start)
    assert sorted(timings)[2] < 0.1
