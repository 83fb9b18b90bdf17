"""What an event carries besides its type: penalty, charges, court, place, duration."""

from __future__ import annotations

import re

from habeas.extract.keywords import text_mask
from habeas.extract.lexicon import Lexicon, keyword_gate
from habeas.extract.numbers import parse_amount, parse_number
from habeas.model import Charge, LegalCode, Penalty, PenaltyKind

_ARTICLE_NUMBER = re.compile(r"\d+(?:[.\-]\d+)*")


def _unit_of(word: str, lex: Lexicon) -> tuple[str, float] | None:
    for pattern, unit, factor in lex.units:
        if pattern.fullmatch(word.strip()):
            return unit, factor
    return None


def _currency_of(word: str, lex: Lexicon) -> str | None:
    for pattern, code in lex.currencies:
        if pattern.fullmatch(word.strip()):
            return code
    return None


def _term(groups: dict[str, str | None], lex: Lexicon) -> dict[str, float] | None:
    n = parse_number(groups.get("n") or "", lex)
    if n is None:
        return None
    if groups.get("half"):
        n += 0.5
    unit = _unit_of(groups.get("unit") or "", lex)
    if unit is None:
        return None
    name, factor = unit
    return {name: n * factor}


def _penalty(kind: PenaltyKind, term: dict[str, float]) -> Penalty:
    return Penalty(
        kind,
        hours=term.get("hours"),
        days=term.get("days"),
        months=term.get("months"),
        years=term.get("years"),
    )


def find_penalties(low: str, lex: Lexicon, *, offset: int = 0) -> list[tuple[int, Penalty]]:
    """Penalties named in a sentence (case-folded), with their positions, in text order."""
    text = low
    if not lex.term_cue.search(text):
        return []
    found: list[tuple[int, int, Penalty]] = []

    def free(s: int, e: int) -> bool:
        return not any(s < fe and fs < e for fs, fe, _ in found)

    mask = text_mask(text)
    for regex, kind in lex.penalties:
        # finditer's first test, made here without a call (see rules._all_triggers)
        if regex.bit and not mask & regex.bit:
            continue
        for m in regex.finditer(text):
            if not free(*m.span()):
                continue
            groups = m.groupdict()
            pk = PenaltyKind(kind)
            if pk is PenaltyKind.FINE:
                amount = parse_amount(
                    groups.get("amount") or "", lex, multiplier=groups.get("mult")
                )
                if amount is None and "amount" not in groups:
                    # a pattern without an amount (a fine in Kazakh MRP units): the kind alone
                    found.append((m.start(), m.end(), Penalty(pk)))
                    continue
                if amount is None:
                    continue
                currency = _currency_of(groups.get("currency") or "", lex)
                found.append((m.start(), m.end(), Penalty(pk, amount=amount, currency=currency)))
                continue
            term = _term(groups, lex) if groups.get("n") else {}
            if term is None:
                continue
            start, end = m.span()
            if term:
                start, end, term = _compound(text, m, term, lex)
            found.append((start, end, _penalty(pk, term)))
    if lex.bare_pair is not None:
        # "six and four years": two terms sharing one unit
        cue = _cue_kind(text, lex)
        for m in lex.bare_pair.finditer(text):
            groups = m.groupdict()
            if not free(*m.span()):
                # "to four and three years in prison": the second term was read with
                # its kind already; the first one shares it
                told = next((t for t in found if t[0] == m.start("n")), None)
                term1 = _term({**groups, "n": groups.get("n1"), "half": None}, lex)
                if told is not None and term1 and free(m.start(), m.start("n")):
                    found.append((m.start(), m.start("n"), _penalty(told[2].kind, term1)))
                continue
            first, second = (
                _term({**groups, "n": groups.get("n1"), "half": None}, lex),
                _term(groups, lex),
            )
            if first is None or second is None:
                continue
            kind_name = cue or lex.penalty_defaults.get(next(iter(second)))
            if kind_name is None or not _near_decision_word(text, lex):
                continue
            kind = PenaltyKind(kind_name)
            found.append((m.start(), m.start("n"), _penalty(kind, first)))
            found.append((m.start("n"), m.end(), _penalty(kind, second)))
    if lex.bare_term is not None:
        cue = _cue_kind(text, lex)
        for m in lex.bare_term.finditer(text):
            if not free(*m.span()):
                continue
            term = _term(m.groupdict(), lex)
            if term is None:
                continue
            unit = next(iter(term))
            # "X was jailed for five years while Y got a suspended sentence": a cue
            # in the term's own clause names its kind before one elsewhere.
            kind_name = _cue_kind(_clause_at(text, m.start(), lex), lex) or cue
            kind_name = kind_name or lex.penalty_defaults.get(unit)
            if kind_name is None or not _near_decision_word(text, lex):
                continue
            if unit == "hours" and kind_name != PenaltyKind.COMMUNITY_SERVICE.value:
                continue
            if unit == "days" and kind_name == PenaltyKind.PRISON.value:
                # "15 days in jail": terms in days are administrative arrest
                kind_name = PenaltyKind.ADMINISTRATIVE_DETENTION.value
            found.append((m.start(), m.end(), _penalty(PenaltyKind(kind_name), term)))
    found.sort(key=lambda t: t[0])
    if lex.bare_elided is not None and found:
        found = _elided_terms(text, found, lex)
    return [(s + offset, p) for s, e, p in found if not _superseded(text, s, e, lex)]


def _elided_terms(
    text: str, found: list[tuple[int, int, Penalty]], lex: Lexicon
) -> list[tuple[int, int, Penalty]]:
    """ "X got 14 days, Y eight and Z five": each bare number after a term with a
    unit is another term of the same kind and unit, the verb and unit elided."""
    out = list(found)
    assert lex.bare_elided is not None
    for m in lex.bare_elided.finditer(text):
        n = m.start("n")
        if any(s <= n < e for s, e, _ in out):
            continue
        before = [t for t in out if t[1] <= n]
        if not before:
            continue
        _, _, last = before[-1]
        units = [u for u in ("hours", "days", "months", "years") if getattr(last, u) is not None]
        value = parse_number(m.group("n"), lex)
        if len(units) != 1 or value is None or last.amount is not None:
            continue
        out.append((n, m.end("n"), _penalty(last.kind, {units[0]: value})))
        out.sort(key=lambda t: t[0])
    return out


_JOIN = re.compile(r"\s*(?:,\s*)?(?:and|и|və|ve)?\s*")
_UNIT_RANK = {"years": 3, "months": 2, "days": 1, "hours": 0}


def _descending(first: dict[str, float], second: dict[str, float]) -> bool:
    """ "2 il 3 ay", "3 ay 20 gün": a larger unit, then a smaller one, side by side
    with no word between is one term (the order a length is written in)."""
    a, b = next(iter(first), ""), next(iter(second), "")
    return a in _UNIT_RANK and b in _UNIT_RANK and _UNIT_RANK[a] > _UNIT_RANK[b]


def _compound(
    text: str, m: re.Match[str], term: dict[str, float], lex: Lexicon
) -> tuple[int, int, dict[str, float]]:
    """ "4 years and 3 months in prison", "three months and five days": one term.

    Years and months become months; months and days stay two keys (they do not
    convert exactly). Returns the span the whole term covers."""
    start, end = m.span()
    bare = lex.bare_term
    if bare is None or "unit" not in m.re.groupindex or m.start("unit") < 0:
        return start, end, term
    merged = dict(term)
    # "1 il 6 ay" read as 1.5 years by the pattern's own `half`: look after that.
    half = "half" in m.re.groupindex and m.start("half") >= 0
    after = _JOIN.match(text, max(m.end("unit"), m.end("half") if half else 0))
    nxt = bare.regex.match(text, after.end()) if after else None
    extra = _term(nxt.groupdict(), lex) if nxt is not None else None
    if (
        nxt is not None
        and extra
        and not set(extra) & set(merged)
        and after is not None
        and (after.group().strip() or _descending(term, extra))
    ):
        merged.update(extra)
        end = max(end, nxt.end())
    n_start = m.start("n") if "n" in m.re.groupindex and m.start("n") >= 0 else start
    lead = text[max(0, n_start - 40) : n_start]
    for prev in bare.regex.finditer(lead):
        rest = lead[prev.end() :]
        if _JOIN.fullmatch(rest):
            extra = _term(prev.groupdict(), lex)
            if not rest.strip() and (extra is None or not _descending(extra, term)):
                continue
            if extra and not set(extra) & set(merged):
                merged.update(extra)
                start = min(start, n_start - len(lead) + prev.start())
            break
    if "years" in merged and "months" in merged:
        merged["months"] += merged.pop("years") * 12
    return start, end, merged


def _superseded(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """A term that is not the penalty itself: time already served of a longer one
    ("served three years of a seven-year sentence") or the old term of a changed
    one ("reduced from four years to two")."""
    regex = lex.superseded_term
    if regex is None:
        return False
    before, after = text[max(0, start - 25) : start], text[end : end + 60]
    return bool(regex.search(before + "\x00" + after))


def _clause_at(text: str, pos: int, lex: Lexicon) -> str:
    """The stretch of a sentence between the clause boundaries around `pos`."""
    start, end = 0, len(text)
    for b in lex.clause_boundary.finditer(text):
        if b.end() <= pos:
            start = b.end()
        elif b.start() > pos:
            end = b.start()
            break
    return text[start:end]


def _cue_kind(text: str, lex: Lexicon) -> str | None:
    for pattern, kind in lex.penalty_cues:
        if pattern.search(text):
            return kind
    return None


def _near_decision_word(text: str, lex: Lexicon) -> bool:
    """A bare "15 days" is a penalty only in a sentence that speaks of a court decision."""
    return lex.decision_words is None or bool(lex.decision_words.search(text))


def find_charges(text: str, low: str, lex: Lexicon) -> list[Charge]:
    """Charges in a sentence: article numbers with their code and label, or labels alone.

    Patterns run on `low` (the case-folded sentence); labels are cut from `text`.
    """
    return [c for _, c in find_charges_at(text, low, lex)]


def find_charges_at(text: str, low: str, lex: Lexicon) -> list[tuple[int, Charge]]:
    """The charges of `find_charges`, each with where in the sentence it is told."""
    charges: list[tuple[int, Charge]] = []
    covered: list[tuple[int, int]] = []
    if lex.article is not None:
        for m in lex.article.finditer(low):
            code = _code_near(low, m.end(), lex)
            numbers = list(_ARTICLE_NUMBER.finditer(m.group("articles")))
            base = m.start("articles")
            for i, num in enumerate(numbers):
                span = (base + num.start(), base + num.end())
                label = _label_around(text, low, span, lex, first=i == 0)
                charges.append((span[0], Charge(label=label, article=num.group(), code=code)))
            covered.append(m.span())
    framed = _frame_charges(text, low, lex, covered)
    labelled: list[tuple[int, int]] = []
    mask = text_mask(low)
    for pattern, _canonical in lex.charges:
        # finditer's first test, made here without a call (see rules._all_triggers)
        if pattern.bit and not mask & pattern.bit:
            continue
        for m in pattern.finditer(low):
            if any(s - 120 <= m.start() <= e + 80 for s, e in covered):
                continue
            if any(s <= m.start() < e for s, e, _ in framed):
                continue  # the frame's fuller words name it already
            if any(s < m.end() and m.start() < e for s, e in labelled):
                continue
            label = text[m.start() : m.end()].strip()
            if any(c.label and c.label.casefold() == label.casefold() for _, c in charges):
                continue
            charges.append((m.start(), Charge(label=label)))
            # "petty hooliganism and disobeying police": a label only hides the
            # words it covers, not the next offence (an article's window does)
            labelled.append(m.span())
    charges.extend((a, c) for a, _, c in framed)
    return _dedupe(charges)


_TRIM = " ,\t\n«»\"'“”"
_DASH_LABEL = re.compile(
    r"(?:\s+of\s+(?:the\s+)?[^,.;:()–—]{0,60}?\b(?:code|cao|cc|кодекс\w*|məcəllə\w*))?\s+[–—]\s+([^,.;:()–—\d]{3,100}?)(?=\s*(?:[,.;:()–—]|\band\s+(?:was|were|sentenced|fined)\b|$))"
)


def _frame_label(text: str, low: str, a: int, b: int, lex: Lexicon) -> str | None:
    """One conjunct of a frame as a label, or None when it names no offence."""
    seg = low[a:b]
    a += len(seg) - len(seg.lstrip(_TRIM))
    # "for \"organizing a rally.\"": a full stop inside the quote ends the sentence
    words = low[a:b].rstrip(_TRIM + ".;:")
    while lex.charge_lead is not None and (lead := lex.charge_lead.match(words)):
        if not lead.end():
            break
        a, words = a + lead.end(), words[lead.end() :]
    n = len(words.split())
    if n == 0 or n > 16:
        return None
    if lex.charge_not_start is not None and lex.charge_not_start.match(words):
        return None
    if lex.charge_not_inside is not None and lex.charge_not_inside.search(words):
        return None
    label = text[a : a + len(words)]
    if n >= 2 and all(w[:1].isupper() for w in label.split()):
        return None  # "…, and Babak Hasanli": a list of people ran on, not an offence
    return label


def _frame_charges(
    text: str, low: str, lex: Lexicon, covered: list[tuple[int, int]]
) -> list[tuple[int, int, Charge]]:
    """Offences named by a charge frame: "on charges of A, B and C", "suspected of A".

    The label runs from the frame to the first boundary (a bracket, "under",
    a new clause); each conjunct is a charge. A frame right before an article
    number is left to the article, which carries the label already.
    """
    # The frame is a long alternation with lookbehinds, tried at every position:
    # its keywords rule out most sentences first.
    if lex.charge_frame is None or not keyword_gate(lex.charge_frame).possible(low):
        return []
    out: list[tuple[int, int, Charge]] = []
    for m in lex.charge_frame.finditer(low):
        if "label" in m.re.groupindex and m.group("label"):
            start, end = m.span("label")
            # The label comes before the frame word and its left edge is a guess:
            # it starts after the last capitalised word (a name, not an offence).
            caps = [w for w in re.finditer(r"\S+\s+", text[start:end]) if w.group()[0].isupper()]
            if caps and text[start] not in _OPEN_QUOTE:  # a quoted offence is all label
                start += caps[-1].end()
        else:
            start = end = m.end()
            stop = lex.charge_frame_end.search(low, start) if lex.charge_frame_end else None
            end = stop.start() if stop else len(low)
            if stop is not None:
                end = _list_goes_on(text, low, start, stop, lex) or end
            end = min(end, start + 160)
            out.extend(_after_brackets(text, low, lex, covered, end))
        if any(s - 10 <= end and start <= e for s, e in covered):
            continue
        quoted = _quoted(low, start)
        pieces = [(start, end)]
        if quoted:
            # "on the allegation of “incitement to hatred and animosity”": a quoted
            # offence is one charge, whatever "and" or stop it holds
            pieces = quoted
        elif lex.charge_split is not None:
            pieces, at = [], start
            for sep in lex.charge_split.finditer(low, start, end):
                left = low[at : sep.start()].split()
                adj = lex.charge_adjective
                if left and adj is not None and adj.fullmatch(left[-1]):
                    continue  # "ethnic and religious hatred": the adjectives share a noun
                pieces.append((at, sep.start()))
                at = sep.end()
            pieces.append((at, end))
        for a, b in pieces:
            label = _frame_label(text, low, a, b, lex)
            if label is not None:
                out.append((a, b, Charge(label=label)))
    return out


_BRACKET_THEN_LIST = re.compile(r"\(([^()]{1,120})\)(,\s+(?:and\s+)?|\s+and\s+)")


def _after_brackets(
    text: str, low: str, lex: Lexicon, covered: list[tuple[int, int]], at: int
) -> list[tuple[int, int, Charge]]:
    """The offences a frame's list goes on with after a bracket that cut it:
    "charged with smuggling (Article 206 of the Criminal Code), tax evasion and
    money laundering". Each item runs to the frame's next stop; an item with an
    article of its own is left to the article."""
    out: list[tuple[int, int, Charge]] = []
    while lex.charge_frame_end is not None and lex.charge_split is not None:
        m = _BRACKET_THEN_LIST.match(low, at)
        if m is None:
            break
        start = m.end()
        stop = lex.charge_frame_end.search(low, start)
        end = min(stop.start() if stop else len(low), start + 160)
        edges, a = [], start
        for sep in lex.charge_split.finditer(low, start, end):
            edges.append((a, sep.start()))
            a = sep.end()
        edges.append((a, end))
        labels = [(a, b, _frame_label(text, low, a, b, lex)) for a, b in edges]
        if any(
            label is None or label != label.lower() or len(label.split()) > 8
            for _, _, label in labels
        ):
            # "(Article 173) and musician X eight days": a name, or a long run,
            # says the sentence went on to something else than the list
            break
        for a, b, label in labels:
            if label and not any(s - 10 <= b and a <= e for s, e in covered):
                out.append((a, b, Charge(label=label)))
        if stop is None or low[stop.start()] != "(":
            break
        at = stop.start()
    return out


_ARTICLE_WORD = re.compile(r",\s+(?:the|a|an)\s")


def _list_goes_on(text: str, low: str, start: int, stop: re.Match[str], lex: Lexicon) -> int:
    """Where a frame's list ends when the stop that cut it is only its next item:
    "guilty of A, the B, and C" (", the" also opens a new clause: "charged with
    A, the court said"). The list goes on when it closes with "and" and every
    item left is an offence; 0 when it does not."""
    if lex.charge_frame_end is None or lex.charge_split is None:
        return 0
    if not _ARTICLE_WORD.match(low, stop.start()):
        return 0
    after = lex.charge_frame_end.search(low, stop.end())
    end = after.start() if after else len(low)
    seps = list(lex.charge_split.finditer(low, stop.start(), end))
    if len(seps) < 2 or "and" not in seps[-1].group():
        return 0
    edges = [stop.start(), *(m.end() for m in seps)]
    stops = [m.start() for m in seps[1:]] + [end]
    items = zip(edges[1:], stops, strict=True)
    if all(_frame_label(text, low, a, b, lex) is not None for a, b in items):
        return end
    return 0


_OPEN_QUOTE = {"“": "”", "«": "»", '"': '"', "‘": "’", "„": "“"}


# "A" and "B", «A» и «B», "A" və "B"
_QUOTE_JOIN = re.compile(r"\s*(?:,\s*)?(?:and\s+|or\s+|və\s+|və\s+ya\s+|и\s+|или\s+)?")


def _quoted(low: str, start: int) -> list[tuple[int, int]]:
    """The insides of the quotations that open a frame's label: «A» and «B»."""
    spans: list[tuple[int, int]] = []
    at = start
    while True:
        gap = _QUOTE_JOIN.match(low, at)
        at = gap.end() if gap else at
        close = _OPEN_QUOTE.get(low[at : at + 1])
        end = low.find(close, at + 1, at + 200) if close else -1
        if end <= at + 1:
            return spans
        spans.append((at + 1, end))
        at = end + 1


def _dedupe(charges: list[tuple[int, Charge]]) -> list[tuple[int, Charge]]:
    seen: set[tuple[str | None, str | None]] = set()
    out = []
    for at, c in charges:
        key = (c.article, None if c.article else (c.label or "").casefold().strip(_TRIM))
        if key in seen:
            continue
        seen.add(key)
        out.append((at, c))
    return out


def _code_near(text: str, end: int, lex: Lexicon) -> LegalCode | None:
    window = text[end : end + 70]
    best: tuple[int, str] | None = None
    for pattern, code in lex.codes:
        m = pattern.search(window)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), code)
    if best is None:
        for pattern, code in lex.codes:
            if pattern.search(text):
                return LegalCode(code)
        return None
    return LegalCode(best[1])


def _label_around(
    text: str, low: str, span: tuple[int, int], lex: Lexicon, *, first: bool
) -> str | None:
    """The offence's name: in brackets after the number, or before "under Article"."""
    start, end = span
    m = re.match(r"^[^()]{0,50}?\(([^()]{3,100})\)", low[end : end + 120])
    # "(petty hooliganism)" names the offence; "(Article 510 of the Code)" does not.
    names_code = m is not None and (
        any(pattern.search(m.group(1)) for pattern, _ in lex.codes)
        or (lex.article is not None and lex.article.search(m.group(1)) is not None)
    )
    if m and not names_code:
        return text[end + m.start(1) : end + m.end(1)].strip()
    # "Article 23.34 of the Administrative Code – violation of the order of …":
    # the offence named after a dash behind the article and its code
    dash = _DASH_LABEL.match(low, end)
    if dash:
        return text[dash.start(1) : dash.end(1)].strip()
    lo = max(0, start - 160)
    before = low[lo:start]
    # The offence told nearest before the number: in "hooliganism (Article 221)
    # and resisting police (Article 315)" the second is not the first's.
    nearest: tuple[int, int] | None = None
    for pattern, _canonical in lex.charges:
        found = list(pattern.finditer(before))
        if found and (nearest is None or found[-1].end() > nearest[1]):
            nearest = found[-1].span()
    if nearest is not None:
        return text[lo + nearest[0] : lo + nearest[1]].strip()
    if lex.charge_label is not None and first:
        labels = list(lex.charge_label.finditer(before))
        if labels:
            return text[lo + labels[-1].start("label") : lo + labels[-1].end("label")].strip()
    return None


def find_authority(text: str, lex: Lexicon) -> str | None:
    for pattern in lex.authority:
        m = pattern.search(text)
        if m:
            return " ".join(m.group("auth").split())
    return None


def find_place(text: str, lex: Lexicon) -> str | None:
    for pattern in lex.place:
        m = pattern.search(text)
        if m:
            return " ".join(m.group("place").split())
    return None


def find_duration_hours(low: str, lex: Lexicon) -> float | None:
    text = low
    for pattern in lex.duration:
        m = pattern.search(text)
        if not m or not m.groupdict().get("n"):
            continue
        n = parse_number(m.group("n"), lex)
        unit = _unit_of(m.group("unit"), lex)
        if n is None or unit is None:
            continue
        name, factor = unit
        if name == "hours":
            return n * factor
        if name == "days":
            return n * factor * 24
    return None


def ill_treatment_detail(low: str, lex: Lexicon) -> str | None:
    text = low
    for pattern, detail in lex.ill_treatment_details:
        if pattern.search(text):
            return str(detail)
    return None
