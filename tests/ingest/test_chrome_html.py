"""page_to_text cuts teasers, captions and closing headline lists that trafilatura keeps.

An invented page about fictional people."""

from __future__ import annotations

from habeas.ingest.html import page_to_text

PAGE = """<html><head><title>Activist detained in Veldgrad</title></head><body><article>
<h1>Activist detained in Veldgrad</h1>
<p>Rauf Zelimov. Photo: Social media.</p>
<p>Police in Veldgrad detained the activist Rauf Zelimov on Monday after a picket outside
the city court, his lawyer told reporters later that evening.</p>
<p>He was released three hours later without charge, the lawyer said, and he plans to
complain to the prosecutor about the way he was treated.</p>
<p>[Read more: Police break up a rally in the north of the country]</p>
<p>Zelimov has been detained twice this year for similar pickets in the centre.</p>
<p>Police allow a march in Veldgrad to go ahead</p>
<p>Police did not stop a march on Sunday. Organiser Tarlan Qodeyev led several dozen people
through the square…</p>
<p>Related Articles</p>
<p>Most Popular</p>
</article></body></html>"""


def _raw_text() -> str:
    import trafilatura

    return trafilatura.extract(PAGE, include_comments=False) or ""


def test_the_fixture_holds_chrome_trafilatura_keeps() -> None:
    raw = _raw_text()
    assert "Photo: Social media" in raw
    assert "Qodeyev" in raw


def test_captions_teasers_and_the_closing_block_are_cut() -> None:
    text = page_to_text(PAGE).text
    assert "Photo:" not in text
    assert "Read more" not in text
    assert "Qodeyev" not in text
    assert "Related Articles" not in text
    assert "detained the activist Rauf Zelimov on Monday" in text
    assert text.rstrip().endswith("similar pickets in the centre.")
