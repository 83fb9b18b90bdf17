"""Cutting a report's text at several evidence spans: every span marked, overlaps carry both."""

from __future__ import annotations

from habeas.web.review.highlight import Segment, split_spans


def test_overlapping_spans_mark_their_common_part_with_both_labels() -> None:
    text = "Police detained him. The court sentenced him."

    parts = split_spans(text, [(0, 20, "event"), (7, 45, "penalty")])

    assert "".join(p.text for p in parts) == text  # nothing lost, nothing repeated
    assert parts == [
        Segment("Police ", ("event",)),
        Segment("detained him.", ("event", "penalty")),
        Segment(" The court sentenced him.", ("penalty",)),
    ]


def test_spans_outside_the_text_are_clamped_and_empty_ones_dropped() -> None:
    parts = split_spans("short", [(3, 99, "a"), (4, 4, "b"), (-5, 1, "c")])

    assert parts == [Segment("s", ("c",)), Segment("ho"), Segment("rt", ("a",))]
    assert not split_spans("text", [])[0].marked
