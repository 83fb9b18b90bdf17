"""Event fields as the scorer compares them: dates, penalty lengths, charges.

The gold and the predictions are read leniently: a field of the wrong JSON
type counts as absent rather than failing the whole file, as in the shared
scorer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from habeas.evaluate.folding import fold

PENALTY_EVENTS = frozenset({"sentence", "pretrial_detention"})

_ISO = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T ].*)?")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_UNIT_DAYS = {"hours": 1 / 24, "days": 1.0, "weeks": 7.0, "months": 30.0, "years": 365.0}
_ARTICLE_AFTER_WORD = re.compile(r"\b(?:art|ст|madd)\w*\.?\s*(\d+(?:-\d+)?(?:[.,]\d+)*)")
_ARTICLE_NUMBER = re.compile(r"\d+(?:-\d+)?(?:[.,]\d+)*")
# Words a charge label may or may not carry: English, then Russian and Azerbaijani folded.
_STOPWORDS_BY_LANGUAGE = (
    "a an the of to in on at by for from with and or against under article art part "
    "section code criminal administrative offences offenses",
    "v vo na i o ob po za s so k ot do iz dlya ili st statya stati chast chasti koap uk",
    "va ila ucun uzra madda maddasi maddasinin hissa",
)
_LABEL_STOPWORDS = frozenset(w for words in _STOPWORDS_BY_LANGUAGE for w in words.split())


def number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().replace(",", "."))
        except ValueError:
            return None
    return None


def day_of(value: Any) -> str | None:
    """YYYY[-MM[-DD]]; None when absent; a string that is no date is kept as it is."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if m := _ISO.fullmatch(text):
        year, month, day = m.groups()
    elif m := _DAY_MONTH_YEAR.fullmatch(text):
        day, month, year = m.groups()
    else:
        return text
    out = year
    if month:
        out += f"-{int(month):02d}"
        if day:
            out += f"-{int(day):02d}"
    return out


def date_agrees(gold: str, pred: str | None) -> bool:
    """A gold month or year is met by any predicted day inside it."""
    if pred is None:
        return False
    return pred == gold or (len(gold) in (4, 7) and pred.startswith(gold + "-"))


@dataclass(frozen=True, slots=True)
class Term:
    kind: str
    days: float | None
    units: frozenset[str]
    amount: float | None
    currency: str | None

    @classmethod
    def read(cls, value: Any) -> Term | None:
        if not isinstance(value, dict):
            return None
        kind = value.get("kind")
        kind = re.sub(r"[\s-]+", "_", kind.strip().lower()) if isinstance(kind, str) else ""
        lengths = {u: n for u in _UNIT_DAYS if (n := number(value.get(u))) is not None}
        days = sum(n * _UNIT_DAYS[u] for u, n in lengths.items()) if lengths else None
        currency = value.get("currency")
        currency = (
            currency.strip().upper() if isinstance(currency, str) and currency.strip() else None
        )
        return cls(kind, days, frozenset(lengths), number(value.get("amount")), currency)

    def right_about(self, pred: Term | None) -> bool:
        """Whether `pred` gets this gold term right (kind, then length or amount)."""
        if pred is None or pred.kind != self.kind:
            return False
        if self.amount is not None:
            if pred.amount is None or abs(self.amount - pred.amount) > 1e-6:
                return False
            if self.currency and pred.currency and self.currency != pred.currency:
                return False
        if self.days is None:
            return True
        if pred.days is None:
            return False
        if self.units == pred.units:
            return abs(self.days - pred.days) < 1e-6
        # 12 months is a year, but 30 days is not 31.
        return abs(self.days - pred.days) <= 0.015 * max(self.days, pred.days)


def article_number(value: Any) -> str | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().casefold()
    m = _ARTICLE_AFTER_WORD.search(text)
    if m:
        found = m.group(1)
    else:
        plain = _ARTICLE_NUMBER.search(text)
        found = plain.group() if plain else text
    return found.replace(",", ".").strip(".")


def label_stems(label: Any) -> frozenset[str]:
    if not isinstance(label, str):
        return frozenset()
    return frozenset(
        w[:5] for w in fold(label).split() if w not in _LABEL_STOPWORDS and not w.isdigit()
    )


@dataclass(frozen=True, slots=True)
class ChargeKey:
    article: str | None
    stems: frozenset[str]

    @classmethod
    def read(cls, value: Any) -> ChargeKey | None:
        if not isinstance(value, dict):
            return None
        return cls(article_number(value.get("article")), label_stems(value.get("label")))


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    sa, sb = set(a), set(b)
    union = sa | sb
    return len(sa & sb) / len(union) if union else 0.0


def one_to_one(candidates: list[tuple[Any, int, int]]) -> list[tuple[int, int]]:
    """Pairs from (rank, i, j) candidates, lowest rank first, each side used once."""
    left: set[int] = set()
    right: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates):
        if i not in left and j not in right:
            left.add(i)
            right.add(j)
            pairs.append((i, j))
    return pairs


def charges_right(gold: list[ChargeKey], pred: list[ChargeKey]) -> int:
    """How many gold charges of a paired event the predicted ones get."""
    candidates: list[tuple[Any, int, int]] = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if g.article:
                if p.article == g.article:
                    candidates.append((-2.0, i, j))
            elif (overlap := jaccard(g.stems, p.stems)) >= 0.5:
                candidates.append((-overlap, i, j))
    return len(one_to_one(candidates))
