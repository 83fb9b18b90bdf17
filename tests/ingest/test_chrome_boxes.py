"""Boxes whose class or id names them as chrome are cut before trafilatura reads
the page. An invented page about fictional people."""

from __future__ import annotations

import pytest

from habeas.ingest.html import page_to_text

BODY = (
    "<p>Police in Veldgrad detained the activist Oren Laskaris on Monday after a picket "
    "outside the city court, his lawyer told reporters later that evening.</p>"
    "<p>A district court sentenced him to ten days of administrative detention on Tuesday, "
    "the lawyer said, and he plans to appeal the ruling.</p>"
)
BOX = (
    "<p>Police detained the blogger Tarlan Qodeyev in the north after a post about the "
    "governor, his family said on Friday.</p>"
)
LAST = "<p>Laskaris denies the charge of disobeying the police, which he calls revenge.</p>"


def _page(box: str) -> str:
    return (
        "<html><head><title>Activist detained in Veldgrad</title></head><body><article>"
        f"<h1>Activist detained in Veldgrad</h1>{BODY}{box}{LAST}</article></body></html>"
    )


@pytest.mark.parametrize(
    "attributes",
    [
        'class="subscribe-box"',
        'class="promo"',
        'id="read-also"',
        'class="b-incut"',
        'class="membership_box"',
        'class="article-gallery"',
        'class="photo-credit"',
        'class="more-news"',
    ],
)
def test_a_chrome_box_gives_no_text(attributes: str) -> None:
    text = page_to_text(_page(f"<div {attributes}>{BOX}</div>")).text
    assert "Qodeyev" not in text
    assert "detained the activist Oren Laskaris" in text
    assert text.rstrip().endswith("which he calls revenge.")


def test_the_text_after_a_cut_box_is_kept() -> None:
    page = _page(
        f'<div><span class="promo">Support us</span> Laskaris was freed on bail.{BOX}</div>'
    )
    text = page_to_text(page).text
    assert "Laskaris was freed on bail." in text
    assert "Support us" not in text


def test_class_parts_that_only_contain_a_chrome_word_are_kept() -> None:
    page = _page(f'<div class="tag-veldgrad article-photo-text promotional">{BOX}</div>')
    assert "Qodeyev" in page_to_text(page).text


def test_a_box_holding_most_of_the_page_is_not_cut() -> None:
    page = (
        "<html><head><title>Activist detained</title></head><body>"
        f'<div class="gallery-wrapper"><h1>Activist detained</h1>{BODY}{LAST}</div>'
        "</body></html>"
    )
    assert "detained the activist Oren Laskaris" in page_to_text(page).text


def test_inline_scripts_do_not_make_the_article_wrapper_look_small() -> None:
    script = "<script>var config = {" + "'x': 1, " * 400 + "};</script>"
    page = (
        f"<html><head><title>Activist detained</title></head><body>{script}"
        f'<div class="content has-banner"><h1>Activist detained</h1>{BODY}{LAST}</div>'
        "</body></html>"
    )
    assert "detained the activist Oren Laskaris" in page_to_text(page).text
