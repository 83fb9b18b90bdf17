"""Page furniture at the ends of a captured text gives no sentences, so no events.

Invented text and fictional people only."""

from __future__ import annotations

from habeas.extract.rules import RuleExtractor
from habeas.extract.sentences import chrome_tail, is_chrome_line, split_sentences
from habeas.model import Report

BODY = (
    "Police in the capital detained the activist Rauf Zelimov on Monday.\n\n"
    "He was released three hours later, his lawyer said.\n\n"
)
TEASER = (
    "Police allow a march in the capital to go ahead\n"
    "Police did not stop a march on Sunday. Organiser Tarlan Qodeyev led a rally of "
    "several dozen people in the square…\n\n"
    "Related Articles\n\nMost Popular\n\nEditor's Picks"
)


def test_a_related_block_and_the_teaser_before_it_are_cut() -> None:
    text = BODY + TEASER
    assert text[: chrome_tail(text)].rstrip() == BODY.rstrip()
    assert all("Qodeyev" not in s.text for s in split_sentences(text))


def test_the_extractor_invents_no_event_from_a_teaser() -> None:
    report = Report(doc_id="t", text=BODY + TEASER, lang="en", published=None)
    names = [p.name for p in RuleExtractor().extract(report).persons]
    assert names == ["Rauf Zelimov"]


def test_a_closing_list_of_headlines_is_cut() -> None:
    text = BODY + "Court fines two bloggers in the north\nOpposition leader summoned again\n"
    assert text[: chrome_tail(text)].rstrip() == BODY.rstrip()


def test_a_single_unfinished_last_line_is_kept() -> None:
    text = BODY + "The ministry of the interior has not comment"
    assert chrome_tail(text) == len(text)


def test_a_one_line_teaser_in_the_body_is_dropped_but_the_rest_kept() -> None:
    text = (
        BODY
        + "[Read more: Police break up a rally in the north]\n"
        + "Zelimov was detained again the next day.\n"
        + "He was fined 200 manat."
    )
    sentences = [s.text for s in split_sentences(text)]
    assert "Zelimov was detained again the next day." in sentences
    assert not any("Read more" in s for s in sentences)


def test_captions_are_chrome() -> None:
    assert is_chrome_line("Rauf Zelimov. Photo: Social media.")
    assert is_chrome_line("Police at a checkpoint near the village. Image via Qala Press.")
    assert is_chrome_line("Фото: пресс-служба суда")
    assert not is_chrome_line("The photographer Rauf Zelimov was detained on Monday.")


def test_captions_in_capitals_are_chrome() -> None:
    # The caption's words are looked for first, with the caption's own flags.
    assert is_chrome_line("Orhan Veliyev outside the court. PHOTO: Press service")
    assert is_chrome_line("ФОТО: пресс-служба полиции")
    assert not is_chrome_line("Orhan Veliyev, a photo reporter, was detained on Friday.")


def test_offsets_still_point_into_the_text() -> None:
    text = BODY + TEASER
    assert all(text[s.start : s.end] == s.text for s in split_sentences(text))
