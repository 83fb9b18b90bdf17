"""The shortcuts that make the rule engine faster give what the plain way gives.

Each one is checked against the plain computation it replaces, on invented
reports with fictional people.
"""

from __future__ import annotations

from habeas.extract.lexicon import load_lexicon
from habeas.extract.people import People

REPORT_EN = (
    "Police detained the blogger Oren Laskaris outside the court on 3 March. "
    "His lawyer, Mira Taltos, said he was beaten. "
    "Laskaris and the student Ivo Brenner were later sentenced to 15 days each. "
    "They were released on Friday, Taltos told reporters."
)


def test_mentions_in_a_span_are_those_inside_it_in_text_order() -> None:
    people = People(REPORT_EN, load_lexicon("en"))
    assert people.mentions
    edges = sorted(
        {0, len(REPORT_EN)} | {m.start for m in people.mentions} | {m.end for m in people.mentions}
    )
    for start in edges:
        for end in edges:
            plain = [m for m in people.mentions if start <= m.start and m.end <= end]
            assert people.in_span(start, end) == plain


def test_date_shapes_are_kept_per_lexicon_not_per_language() -> None:
    import tomllib
    from importlib import resources

    from habeas.extract.dates import DateKind, find_dates
    from habeas.extract.lexicon import fold_case, parse_lexicon

    data = tomllib.loads(
        (resources.files("habeas.extract") / "lexicons" / "en.toml").read_text(encoding="utf-8")
    )
    del data["dates"]["yesterday"]
    without = parse_lexicon(data, source="en.toml")
    text = fold_case("Oren Laskaris was detained yesterday.")
    assert [d.kind for d in find_dates(text, load_lexicon("en"))] == [DateKind.YESTERDAY]
    assert find_dates(text, without) == []
    assert [d.kind for d in find_dates(text, load_lexicon("en"))] == [DateKind.YESTERDAY]
