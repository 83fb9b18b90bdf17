"""Language data for the rule engine, loaded from one TOML file per language.

A lexicon is data, not code: adding a language means adding
`lexicons/<code>.toml`. Loading validates the file and compiles its patterns
once; a malformed file fails loudly with the section that is wrong.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from habeas.errors import LexiconError
from habeas.model import EventType

FLAGS = re.IGNORECASE | re.UNICODE

# Letters that may start or continue a word, for our own word boundaries:
# Python's \b treats Azerbaijani ə and Cyrillic as word characters, which is what
# we want, but templates are easier to read with an explicit class.
WORD = r"[^\W\d_]"


@dataclass(frozen=True, slots=True)
class Trigger:
    type: EventType
    target: str  # "before", "after" or "near"
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Role:
    name: str
    victim: bool
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    name: str
    months: tuple[tuple[re.Pattern[str], int], ...]
    weekdays: tuple[tuple[re.Pattern[str], int], ...]
    numbers: tuple[tuple[re.Pattern[str], float], ...]
    num: str  # a regex fragment matching a number in digits or words
    fractions: tuple[tuple[re.Pattern[str], float], ...]
    multipliers: tuple[tuple[re.Pattern[str], float], ...]
    dates: dict[str, re.Pattern[str]]
    units: tuple[tuple[re.Pattern[str], str, float], ...]
    unit: str  # a regex fragment matching any unit word
    currencies: tuple[tuple[re.Pattern[str], str], ...]
    currency: str
    triggers: tuple[Trigger, ...]
    penalties: tuple[tuple[re.Pattern[str], str], ...]
    penalty_defaults: dict[str, str]
    penalty_cues: tuple[tuple[re.Pattern[str], str], ...]
    bare_term: re.Pattern[str] | None
    ill_treatment_details: tuple[tuple[re.Pattern[str], str], ...]
    negation: re.Pattern[str] | None
    speech: re.Pattern[str]
    roles: tuple[Role, ...]
    no_relation: re.Pattern[str]
    anaphora: dict[str, re.Pattern[str]]
    not_names: frozenset[str]
    charges: tuple[tuple[re.Pattern[str], str], ...]
    codes: tuple[tuple[re.Pattern[str], str], ...]
    article: re.Pattern[str] | None
    charge_label: re.Pattern[str] | None
    authority: tuple[re.Pattern[str], ...]
    place: tuple[re.Pattern[str], ...]
    duration: tuple[re.Pattern[str], ...]
    outcomes: tuple[tuple[re.Pattern[str], str], ...]
    extra: dict[str, Any]


def _alternation(keys: list[str]) -> str:
    # Longest first, so "a hundred" wins over "a".
    return "|".join(f"(?:{k})" for k in sorted(keys, key=len, reverse=True))


def _compile(
    pattern: str, where: str, *, template: dict[str, str] | None = None
) -> re.Pattern[str]:
    try:
        if template:
            for key, value in template.items():
                pattern = pattern.replace("{" + key + "}", f"(?:{value})")
        return re.compile(pattern, FLAGS)
    except re.error as exc:
        raise LexiconError(f"bad pattern in {where}: {exc}: {pattern!r}") from None


def _words(pattern: str, where: str, template: dict[str, str] | None = None) -> re.Pattern[str]:
    """A pattern matched as whole words (no letter directly before or after)."""
    return _compile(rf"(?<!{WORD})(?:{pattern})(?!{WORD})", where, template=template)


def _table(data: dict[str, Any], section: str) -> dict[str, Any]:
    value = data.get(section, {})
    if not isinstance(value, dict):
        raise LexiconError(f"section [{section}] must be a table")
    return value


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{where} must be a list of strings")
    return value


def parse_lexicon(data: dict[str, Any], *, source: str = "<lexicon>") -> Lexicon:
    """Validate and compile a lexicon read from TOML."""
    lang = data.get("lang")
    if not isinstance(lang, str) or not lang:
        raise LexiconError(f"{source}: 'lang' must be a language code")

    months = _table(data, "months")
    weekdays = _table(data, "weekdays")
    numbers = _table(data, "numbers")
    num = rf"\d+(?:[.,]\d+)?|{_alternation(list(numbers))}"
    tmpl = {
        "month": _alternation(list(months)) or "(?!x)x",
        "weekday": _alternation(list(weekdays)) or "(?!x)x",
        "num": num,
    }
    units = _table(data, "units")
    unit = _alternation(list(units))
    currencies = _table(data, "currencies")
    currency = _alternation(list(currencies))
    tmpl["unit"] = unit
    tmpl["currency"] = currency

    triggers: list[Trigger] = []
    for i, entry in enumerate(data.get("triggers", [])):
        where = f"{source}: triggers[{i}]"
        try:
            etype = EventType(entry.get("type"))
        except ValueError:
            raise LexiconError(f"{where}: unknown event type {entry.get('type')!r}") from None
        target = entry.get("target", "near")
        if target not in ("before", "after", "near"):
            raise LexiconError(f"{where}: target must be before, after or near")
        pats = _strings(entry.get("patterns"), f"{where}.patterns")
        triggers.append(Trigger(etype, target, _words(_alternation(pats), where, tmpl)))

    roles = []
    for name, spec in _table(data, "roles").items():
        pats = _strings(spec.get("patterns"), f"{source}: roles.{name}")
        roles.append(Role(name, bool(spec.get("victim", True)), _words(_alternation(pats), name)))

    def pairs(section: str) -> tuple[tuple[re.Pattern[str], Any], ...]:
        return tuple(
            (_words(k, f"{source}: [{section}]", tmpl), v) for k, v in _table(data, section).items()
        )

    def patterns(section: str, key: str = "patterns") -> tuple[re.Pattern[str], ...]:
        spec = _table(data, section)
        # Court and place names are told apart by their capitals: case matters here
        # unless a pattern says (?i) itself.
        return tuple(
            _compile(f"(?-i:{p})", f"{source}: [{section}]", template=tmpl)
            for p in _strings(spec.get(key, []), f"{source}: [{section}].{key}")
        )

    def one(section: str, key: str) -> re.Pattern[str] | None:
        value = _table(data, section).get(key)
        return _compile(value, f"{source}: [{section}].{key}", template=tmpl) if value else None

    neg = _table(data, "negation").get("before")
    anaphora = {
        k: _words(_alternation(_strings(v, f"{source}: anaphora.{k}")), k)
        for k, v in _table(data, "anaphora").items()
    }
    dates = {k: _words(v, f"{source}: dates.{k}", tmpl) for k, v in _table(data, "dates").items()}
    unit_rows = []
    for k, v in units.items():
        if not (isinstance(v, list) and len(v) == 2):
            raise LexiconError(f"{source}: units.{k} must be [unit, factor]")
        unit_rows.append((_words(k, "units"), str(v[0]), float(v[1])))

    return Lexicon(
        lang=lang,
        name=str(data.get("name", lang)),
        months=pairs("months"),
        weekdays=pairs("weekdays"),
        numbers=pairs("numbers"),
        num=num,
        fractions=pairs("fractions"),
        multipliers=pairs("multipliers"),
        dates=dates,
        units=tuple(unit_rows),
        unit=unit,
        currencies=pairs("currencies"),
        currency=currency,
        triggers=tuple(triggers),
        penalties=tuple(
            (_compile(p, f"{source}: penalties", template=tmpl), kind)
            for kind, pats in _table(data, "penalties").items()
            for p in _strings(pats, f"{source}: penalties.{kind}")
        ),
        penalty_defaults={str(k): str(v) for k, v in _table(data, "penalty_defaults").items()},
        penalty_cues=pairs("penalty_cues"),
        bare_term=_words(_table(data, "bare_term")["pattern"], "bare_term", tmpl)
        if "pattern" in _table(data, "bare_term")
        else None,
        ill_treatment_details=pairs("ill_treatment_details"),
        negation=_compile(rf"(?:{_alternation(_strings(neg, 'negation'))})$", "negation")
        if neg
        else None,
        speech=_words(
            _alternation(_strings(_table(data, "speech").get("patterns", []), "speech")), "speech"
        ),
        roles=tuple(roles),
        no_relation=_compile(
            _alternation(_strings(_table(data, "no_relation").get("patterns", []), "no_relation"))
            or "(?!x)x",
            "no_relation",
        ),
        anaphora=anaphora,
        not_names=frozenset(
            w.casefold() for w in _strings(_table(data, "not_names").get("words", []), "not_names")
        ),
        charges=pairs("charge_labels"),
        codes=pairs("codes"),
        article=one("charges", "article"),
        charge_label=one("charges", "label"),
        authority=patterns("authority"),
        place=patterns("place"),
        duration=patterns("duration"),
        outcomes=pairs("outcomes"),
        extra=_table(data, "extra"),
    )


@cache
def load_lexicon(lang: str) -> Lexicon:
    """The bundled lexicon for a language code ("en", "ru", "az"), compiled once per process."""
    try:
        raw = resources.files("habeas.extract.lexicons").joinpath(f"{lang}.toml").read_text("utf-8")
    except FileNotFoundError:
        raise LexiconError(f"no lexicon for language {lang!r}") from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"lexicons/{lang}.toml is not valid TOML: {exc}") from None
    return parse_lexicon(data, source=f"lexicons/{lang}.toml")


def available_languages() -> tuple[str, ...]:
    files = resources.files("habeas.extract.lexicons").iterdir()
    return tuple(sorted(f.name[:-5] for f in files if f.name.endswith(".toml")))
