"""Who is who within one report: entities, their mentions, roles and pronouns.

Builds on `names`: full names found in the text become entities; surname-only
mentions ("Heydarov", "Məmmədlinin", "Гасымова") are linked back to them;
pronouns and role nouns ("he", "they", "the journalist", "его") are resolved
to the people they most likely mean when an event needs a subject.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from habeas.extract.folding import az_case_stems, same_given_key
from habeas.extract.lexicon import Lexicon, fold_case, role_of
from habeas.extract.morph_ru import SURNAME_CASE_ENDINGS, gazetteer_given_readings
from habeas.extract.names import (
    TRAILING_PATRONYMICS,
    Entity,
    NameMention,
    RunContext,
    RussianMorphology,
    find_name_runs,
    given_names,
    has_surname_ending,
    is_org_word,
    judge_latin_run,
    strip_az_case,
    token_key,
)
from habeas.extract.ner_ru import nominative_in_context, person_at, plausible_nominative
from habeas.extract.numbers import parse_number

FEMALE_ENDINGS = (
    "ova",
    "eva",
    "yeva",
    "ina",
    "aya",
    "skaya",
    "ova",
    "ова",
    "ева",
    "ина",
    "ая",
    "ская",
)
MALE_ENDINGS = ("ov", "ev", "yev", "in", "sky", "skiy", "ов", "ев", "ин", "ский", "ий")


# What stands between two names of one list: a comma, «и», «или», «а также», "and".
_LIST_GAP = re.compile(r"\s*(?:,\s*)?(?:(?:и|или|а\s+также|and|və)\s+)?", re.IGNORECASE)
# What a name's speaker test reads after it (see _mark_speakers, _role_after),
# compiled once: each is asked of every name.
_CLAUSE_END = re.compile(r"[.;:!?\n]")
_APPOSITION_FIRST = re.compile(r"^\s*,[^,]{0,40},")
_CLAUSE_CLOSED = re.compile(r"^\s*(?:[.,;]|$)")
_APPOSITION_AFTER = re.compile(r"^\s*,\s*([^,.;]{2,40}?)\s*[,.;]")


@dataclass(slots=True)
class Mention:
    """A reference to a person in the text: a name, a pronoun or a role noun."""

    start: int
    end: int
    entity: int | None  # None for pronouns until resolved
    kind: str  # name, possessive, male, female, singular, plural, role_noun, kin
    speaker: bool = False
    victim_role: bool = True


# Russian men's surname endings whose women's form adds -а (Петров, Петрова).
_MALE_SURNAME = ("ов", "ев", "ёв", "ин", "ын")
_WOMAN_SURNAME = tuple(e + "а" for e in _MALE_SURNAME)
# Their case forms («Валентину Орехову», «с Ниной Ореховой»), which the folded
# surname endings do not cover: the dictionary may know the word only as a place.
_OBLIQUE_SURNAME = tuple(e + ending for e in _MALE_SURNAME for ending in ("у", "ой", "ым"))
# Surname endings a nominative may have (hers; his -ова is also a genitive).
_NOMINATIVE_LIKE = ("ова", "ева", "ёва", "ина", "ына", "ская", "цкая")
# Kin words that usually share the family's surname, by form: (gender, case).
_RU_KIN_FORMS = {
    **dict.fromkeys(("брат", "сын", "муж"), ("m", "nomn")),
    # their accusative (= genitive for people): «сына Абдуллу» is Абдулла, not «Абдулл»
    **dict.fromkeys(("брата", "сына", "мужа"), ("m", "accs")),
    **dict.fromkeys(("брату", "сыну", "мужу"), ("m", "datv")),
    **dict.fromkeys(("братом", "сыном", "мужем"), ("m", "ablt")),
    **dict.fromkeys(("сестра", "жена"), ("f", "nomn")),
    **dict.fromkeys(("сестру", "жену"), ("f", "accs")),
    **dict.fromkeys(("сестры", "жены"), ("f", "gent")),
    **dict.fromkeys(("сестре", "жене"), ("f", "datv")),
    **dict.fromkeys(("сестрой", "женой"), ("f", "ablt")),
}
_RU_KIN = re.compile(
    r"(?<!\w)(?:его|её|ее|их|свою|своего|своей|своему|своим)\s+("
    + "|".join(_RU_KIN_FORMS)
    + r")\s+$",
    re.IGNORECASE,
)


# A family's surname in a plural form («Раентовых», «Раентовым», «Ивановы»), and
# what makes the -ым form plural (it is also his instrumental: «с Раентовым»).
_MALE_SURNAME_PLURAL = tuple(
    e + end for e in ("ов", "ев", "ёв", "ин", "ын") for end in ("ыми", "ых", "ым", "ы")
)
_PLURAL_CUE = re.compile(
    r"(?<!\w)(?:и|супруг\w*|брать\w*|сестр(?:ам|ах|ами)|родител\w*|семь\w+)\s+(?:\w+\s+)?$"
)
# Kin words by the gender they name, to order a family told by them («брату и сестре»).
_RU_KIN_GENDER = {w: gender for w, (gender, _) in _RU_KIN_FORMS.items()}


def _gender_of(tokens: Sequence[str]) -> str | None:
    last = tokens[-1].casefold()
    if last.endswith(FEMALE_ENDINGS):
        return "f"
    if last.endswith(MALE_ENDINGS):
        return "m"
    return None


def _plural_surname_for(
    tokens: Sequence[str], normal: tuple[str, ...], gender: str | None
) -> tuple[str, ...]:
    """A woman named with a plural surname («Марину Косинеровых», «сестёр
    Ивановых») has the feminine form; the dictionary gives the masculine."""
    if gender != "f" or len(tokens) < 2 or not tokens[-1].endswith(("ых", "их")):
        return normal
    last = normal[-1]
    if last.endswith("ий"):
        return (*normal[:-1], last[:-2] + "ая")
    if last.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return (*normal[:-1], last + "а")
    return normal


@lru_cache(maxsize=50_000)
def _single_keys(token: str, lang: str) -> frozenset[str]:
    """The keys a lone word can have as a surname or given name (cached: pymorphy3
    inflection is slow and names recur)."""
    keys = {token_key(token)}
    if lang == "az":
        keys.add(token_key(strip_az_case(token)))
    elif lang == "ru":
        for p in RussianMorphology.name_parts(token):
            keys.add(token_key(p.normal_form))
            if "Surn" not in p.tag.grammemes:
                continue
            for g in ("masc", "femn"):
                # "Гасымова" (genitive of Гасымов) may be him; it is also her: both
                # keys are kept and the caller decides between the people it knows.
                form = p.inflect({"nomn", "sing", g})
                if form is not None:
                    keys.add(token_key(form.word))
    return frozenset(keys)


# A consonant (or soft sign) at the end of a given name: a man's declines
# («Канату Амренову»), a woman's does not («Гульжан Ермекову»).
_DECLINES_FOR_MEN = re.compile(r"[бвгджзйклмнпрстфхцчшщь]$", re.IGNORECASE)


def _undeclined_given_name(
    tokens: Sequence[str], normal: tuple[str, ...], gender: str | None
) -> tuple[tuple[str, ...], str | None]:
    """«задержала Гульжан Ермекову»: a given name ending in a consonant left
    undeclined before a surname in -ову/-ину is a woman's (a man would be
    «Гульжану Ермекову»), whatever gender the dictionary gives the given name,
    so the surname is her accusative, not his dative."""
    if gender == "f" or len(tokens) < 2 or len(normal) != len(tokens):
        return normal, gender
    given, surname = tokens[0], tokens[-1]
    if normal[0] != given or not _DECLINES_FOR_MEN.search(given):
        return normal, gender
    if not surname.casefold().endswith(("ову", "еву", "ёву", "ину", "ыну")):
        return normal, gender
    return (*normal[:-1], surname[:-1] + "а"), "f"


# «Макбал Тажибек кызы»: a Turkic patronymic that makes the name a woman's
_RU_DAUGHTER = re.compile(r"\s+(?:кызы|гызы|кизи|қызы)(?!\w)", re.IGNORECASE)


def _daughters_name(tokens: Sequence[str], normal: tuple[str, ...]) -> tuple[str, ...]:
    """A woman's given name before «кызы» in the nominative: the dictionary's
    feminine reading where it has one, else the token as written (the father's
    name after it does not decline)."""
    given = tokens[0]
    women = [
        p for p in RussianMorphology.name_parts(given)
        if p.tag.gender == "femn" and "Name" in p.tag.grammemes
    ]  # fmt: skip
    first = str(women[0].normal_form).capitalize() if women else given
    return (first, *tokens[1 : len(normal)])


_PATRONYMIC_END = re.compile(r"(?:ович|евич|ьич|ична|овна|евна)(?:а|у|ем|е|ы|ой)?$", re.IGNORECASE)


def _ru_patronymic(token: str) -> bool:
    """«Рустамовича», «Кайратовна»: a patronymic, by the dictionary or its ending."""
    return bool(_PATRONYMIC_END.search(token)) or any(
        "Patr" in p.tag.grammemes for p in RussianMorphology.parse(token)
    )


def _ru_surname_first(tokens: Sequence[str]) -> tuple[tuple[str, ...], str] | None:
    """«Турдалиева Эльдага Рустамовича»: surname, given name and patronymic, as
    court papers write them, in the nominative by the patronymic's gender and case
    (the one word of the three the dictionary reads surely); None for another order."""
    if len(tokens) != 3 or _ru_patronymic(tokens[1]):
        return None
    if not (has_surname_ending(tokens[0]) or tokens[0].casefold().endswith(_OBLIQUE_SURNAME)):
        return None
    readings = [
        p
        for p in RussianMorphology.parse(tokens[2])
        if "Patr" in p.tag.grammemes and p.tag.gender in ("masc", "femn")
    ]
    if readings:
        gender = "m" if readings[0].tag.gender == "masc" else "f"
        case = readings[0].tag.case
    else:
        # a patronymic the dictionary lacks («Кайратовну»): its ending tells
        end = _PATRONYMIC_END.search(tokens[2])
        if end is None:
            return None
        gender, case = _PATRONYMIC_CASES.get(end.group().casefold()[-2:], ("m", "nomn"))
        if end.group().casefold().endswith("на"):
            gender, case = "f", "nomn"
    normal = RussianMorphology.nominative_as((tokens[1], tokens[2], tokens[0]), gender, case)
    if case != "nomn" and normal[1] == tokens[2]:
        normal = (normal[0], _PATRONYMIC_END.sub(_patronymic_nominative, tokens[2]), normal[2])
    given, patronymic, surname = normal
    return (surname, given, patronymic), gender


# A patronymic's case ending (its last two letters) → (gender, case).
_PATRONYMIC_CASES = {
    "ча": ("m", "gent"), "чу": ("m", "datv"), "ем": ("m", "ablt"), "че": ("m", "loct"),
    "ну": ("f", "accs"), "ны": ("f", "gent"), "не": ("f", "datv"), "ой": ("f", "ablt"),
}  # fmt: skip


def _patronymic_nominative(m: re.Match[str]) -> str:
    word = m.group()
    stem = re.sub(r"(?:а|у|ем|е|ы|ой)$", "", word)
    return stem + "а" if stem.casefold().endswith("н") else stem


def _place_before_name(tokens: Sequence[str]) -> bool:
    """«жительницу Грозного Мадину Умаеву»: a place in the genitive (the dictionary
    may also read it as a surname, Грозный) before a given name and a surname
    that is not a patronymic (as «Иванова Ивана Петровича» would be)."""
    place = any("Geox" in p.tag.grammemes for p in RussianMorphology.parse(tokens[0]))
    if not place or token_key(tokens[0]) in given_names():
        return False
    given = token_key(tokens[1]) in given_names() or any(
        "Name" in p.tag.grammemes for p in RussianMorphology.parse(tokens[1])
    )
    patronymic = any("Patr" in p.tag.grammemes for p in RussianMorphology.parse(tokens[2]))
    return given and not patronymic


# «Ахмедзянова», «Саркисяну», «Петросяном»: a surname's oblique forms the folded
# endings miss (-ян declines for a man as a consonant stem does)
_RU_OBLIQUE_SURNAME_AFTER_INITIALS = (*_OBLIQUE_SURNAME, "яна", "яну", "яном", "яне")


def _ru_initials_and_surname(tokens: Sequence[str]) -> bool:
    """«Т. Ахмедзянова», «Т. Р. Ахмедзянова»: one or two initials before a word
    with a surname's ending are a name, as written, whatever the dictionary and
    the tagger make of the surname (they know neither the given name nor, often,
    an unusual surname)."""
    if not 2 <= len(tokens) <= 3:
        return False
    *initials, surname = tokens
    if not all(len(t) == 2 and t.endswith(".") for t in initials):
        return False
    return has_surname_ending(surname) or surname.casefold().endswith(
        _RU_OBLIQUE_SURNAME_AFTER_INITIALS
    )


def _ru_oblique_given(tokens: Sequence[str]) -> bool:
    """«Каната Амренова», «Айдару Сейтказиеву»: a given name from outside the
    Russian dictionary in an oblique case (the dictionary may read it as a common
    noun, «каната» of канат), told by its stem being a gazetteer given name and by
    the next word being a surname in the same gender and case."""
    if len(tokens) < 2 or not tokens[0][:1].isupper():
        return False
    surname = tokens[1].casefold()
    for _, gender, case in gazetteer_given_readings(tokens[0]):
        # a man's accusative is his genitive («задержали Каната Амренова»)
        cases = (case, "accs") if case == "gent" else (case,)
        for c in cases:
            if any(surname.endswith(e) for e, _ in SURNAME_CASE_ENDINGS.get((gender, c), ())):
                return True
    return False


class People:
    """The persons of one report and every mention of them, in text order."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self.low = fold_case(text)
        self.lex = lex
        # Azerbaijani surnames as the text writes them: men's (with the given names
        # before them) and women's told in a case (see _az_surname_forms)
        self._az_forms: tuple[dict[str, set[str | None]], set[tuple[str | None, str]]] = (
            {},
            set(),
        )
        self.entities: list[Entity] = []
        self.mentions: list[Mention] = []
        # The role word before an offset, asked by judging, building and speakers alike.
        self._roles_before: dict[int, str | None] = {}
        self._starts: list[int] = []  # of `mentions`, for in_span
        self._build()

    # ------------------------------------------------------------ building

    def _judge(self, run: NameMention) -> tuple[str, ...] | None:
        """The tokens of a run that form a person's name, or None."""
        tokens = list(run.tokens)
        if self.lex.lang == "ru":
            if _ru_initials_and_surname(tokens):
                return tuple(tokens)
            # Drop capitalised ordinary words around a name ("Пенсионерку Галину Вершинину").
            while tokens and not (
                self._ru_name_word(tokens[0], first=True)
                or _ru_oblique_given(tokens)
                # «Эльдага Рустамовича Турдалиева»: a word before a patronymic is
                # a given name, however foreign to the dictionary
                or (len(tokens) >= 3 and _ru_patronymic(tokens[1]))
            ):
                tokens.pop(0)
            while tokens and not self._ru_name_word(tokens[-1], first=False):
                tokens.pop()
            if len(tokens) == 3 and _place_before_name(tokens):
                tokens.pop(0)
            if len(tokens) < 2 and 2 <= len(run.tokens) <= 3:
                return self._ru_listed_name(run) or self._ru_name_by_ner(run)
            if len(tokens) < 2 or len(tokens) > 3:
                return None
            return tuple(tokens)
        named_after = self.lex.extra.get("named_after")
        if named_after and re.match(named_after, self.low[run.end : run.end + 30]):
            return None  # "Şəmsi Bədəlbəyli küçəsində": a street named after someone
        judged = judge_latin_run(
            run, self.text, self._ctx, role_before=lambda: bool(self._role_before(run.start))
        )
        if self.lex.lang == "az" and judged is not None and len(judged) == 3:
            # "Rəşid Hacılı Trend": given name and surname are the whole name; a third
            # word with neither a surname's ending nor a given name's is the next
            # noun (an outlet, a place), since Azerbaijani names end in the surname.
            given, surname, third = judged
            if (
                token_key(given) in given_names()
                and has_surname_ending(strip_az_case(surname))
                and not has_surname_ending(strip_az_case(third))
                and token_key(third) not in given_names()
            ):
                return judged[:2]
        return judged

    def _ru_name_by_ner(self, run: NameMention) -> tuple[str, ...] | None:
        """A run the dictionary does not read as a name («Равкат Мухтаров», a given
        name it lacks): the statistical tagger's person span decides. Asked only
        when a word of the run is unknown to the dictionary, so it is rare."""
        if all(RussianMorphology.is_known(t) for t in run.tokens):
            return None
        framed = len(run.tokens) == 2 and self._ru_person_frame(run)
        if not has_surname_ending(run.tokens[-1]) and not run.tokens[-1].casefold().endswith(
            _OBLIQUE_SURNAME
        ):
            return self._ru_person_by_tagger(run) if framed else None
        if framed:
            # «активист Рашадат Ахундов», «Оюб Титиев был задержан»: a surname's
            # ending, and a role or an event around the run, make it a person
            return tuple(run.tokens)
        if not self._in_name_list(run) and not self._ru_surname_in_case(run):
            return None  # alone, the tagger also reads bylines and outlets as people
        found = self._ru_person_by_tagger(run)
        if found is not None:
            return found
        # «задержала Кундуз Жолдубаеву»: the tagger misses given names it never saw
        # (or takes the surname alone); a surname the dictionary reads as one, in a
        # case no byline or heading takes (not -ова), names a person with the
        # unknown word before it.
        surname = run.tokens[-1]
        if (
            not surname.casefold().endswith(_NOMINATIVE_LIKE)
            and self._ru_surname_in_case(run)
            and RussianMorphology.is_name_token(surname)
        ):
            return tuple(run.tokens)
        return None

    def _ru_person_by_tagger(self, run: NameMention) -> tuple[str, ...] | None:
        """The words of a run the statistical tagger reads as one person, if two or three."""
        span = person_at(self.text, run.start, run.end)
        if span is None:
            return None
        words = [
            m.group()
            for m in re.finditer(r"\S+", self.text[span[0] : span[1]])
            if m.group() in run.tokens
        ]
        return tuple(words) if 2 <= len(words) <= 3 else None

    def _ru_person_frame(self, run: NameMention) -> bool:
        """A role word right before the run («активист», «журналистка»), or the
        passive of an event right after it («… был задержан»): the frame of a
        person, which an outlet or a byline does not stand in."""
        if self._role_before(run.start):
            return True
        after = self.lex.extra.get("person_event_after")
        return after is not None and re.match(after, self.low[run.end : run.end + 80]) is not None

    def _ru_surname_in_case(self, run: NameMention) -> bool:
        """«задержала Мохуббат Гасанову»: outside a list, a run of two words, the
        first unknown to the dictionary, ending in a Russian surname in an oblique
        case (-ову, -овой, -овым, -ину …), which a byline does not take. A form
        that may be a nominative (-ова: her nominative, his genitive) counts only
        after a lower-case word of the sentence («задержали Мохуббат Гасанова»),
        not at the head of a line («Мохуббат Гасанова, Кавказский узел»)."""
        if len(run.tokens) != 2 or RussianMorphology.is_known(run.tokens[0]):
            return False
        surname = run.tokens[-1].casefold()
        if not any(
            surname.endswith(ending)
            for endings in SURNAME_CASE_ENDINGS.values()
            for ending, _ in endings
        ):
            return False
        if not surname.endswith(_NOMINATIVE_LIKE):
            return True
        before = self.text[max(0, run.start - 30) : run.start].split()
        return bool(before) and re.fullmatch(r"[а-яё]+", before[-1]) is not None

    def _ru_listed_name(self, run: NameMention) -> tuple[str, ...] | None:
        """«X Y, Михаил Файто и Z W»: a given name and a surname the dictionary
        lacks (no ending marks it either), standing in a list of names, is a name."""
        if len(run.tokens) != 2 or not self._ru_name_word(run.tokens[0], first=True):
            return None
        if not run.tokens[1][:1].isupper() or not self._in_name_list(run):
            return None
        if RussianMorphology.is_known(run.tokens[1]):
            return None  # «Михаил Газета»: an ordinary word, not a surname
        return tuple(run.tokens)

    def _in_name_list(self, run: NameMention) -> bool:
        """Whether a run stands in a list of capitalised names («X, Y и Z»)."""
        after = re.match(r"(?:,|\s+и)\s+([А-ЯЁ][а-яё]+)", self.text[run.end : run.end + 40])
        before = self.text[max(0, run.start - 6) : run.start]
        # The next item must be a name too, not «Кавказский узел» after a byline.
        return bool(
            (after and self._may_begin_name(after.group(1)))
            or re.search(r"[а-яё],\s+$|[а-яё]\s+и\s+$", before)
        )

    def _may_begin_name(self, word: str) -> bool:
        """A word a name may begin with: a given name, or one the dictionary lacks."""
        return self._ru_name_word(word, first=True) or not RussianMorphology.is_known(word)

    def _split_ru_run(self, run: NameMention) -> list[NameMention]:
        """ "Адвокат Гасымова Захид Оруджев": a genitive surname, then a full name."""
        toks = run.tokens
        if len(toks) < 3:
            return [run]
        grammemes = [
            {g for p in RussianMorphology.parse(t) for g in p.tag.grammemes} for t in toks[:3]
        ]
        if (
            len(toks) == 3
            and "Name" in grammemes[0]
            and "Surn" in grammemes[1]
            and "Name" in grammemes[2]
            and "Surn" not in grammemes[2]
            and not _ru_patronymic(toks[2])
        ):
            # «Жена Тимура Ахмедзянова Гульнара рассказала»: a full name in the
            # genitive owns the role before it; the given name after it is another
            # person, the one holding the role
            second = self.text.find(toks[1], run.start + len(toks[0]))
            third = self.text.find(toks[2], second + len(toks[1])) if second >= 0 else -1
            if third >= 0:
                return [
                    NameMention(run.start, second + len(toks[1]), toks[:2]),
                    NameMention(third, run.end, toks[2:], run.possessive),
                ]
        if "Name" in grammemes[0] or "Name" not in grammemes[1] or "Patr" in grammemes[2]:
            return [run]
        second = self.text.find(toks[1], run.start + len(toks[0]))
        if second < 0:
            return [run]
        return [
            NameMention(run.start, run.start + len(toks[0]), toks[:1]),
            NameMention(second, run.end, toks[1:], run.possessive),
        ]

    def _ruler(self, run: NameMention) -> bool:
        """«Ильхама Алиева», «президент Кадыров»: a ruler named in full, or by a
        bare surname after a title, is no person of the report; the surname alone
        elsewhere may still be a namesake's («Ниджат Алиев … Алиева задержали»)."""
        rulers = self.lex.extra.get("rulers")
        if not rulers:
            return False
        first, last = run.tokens[0].casefold(), run.tokens[-1].casefold()
        for ruler in rulers:
            given, surname = ruler.split()
            if not last.startswith(surname) or len(last) > len(surname) + 3:
                continue
            if len(run.tokens) >= 2:
                if first.startswith(given) and len(first) <= len(given) + 3:
                    return True
                continue
            title = self.lex.extra.get("ruler_title")
            before = self.low[max(0, run.start - 40) : run.start]
            if title and re.search(title, before):
                return True
        return False

    @staticmethod
    def _ru_name_word(token: str, *, first: bool) -> bool:
        """A word of a Russian name: in the dictionary as one, a known given name, or
        (after a given name) a word with a surname ending, which the dictionary may
        know only as a common noun ("Зарубина") or a place ("Лыскова")."""
        if token_key(token) in given_names() or RussianMorphology.is_name_token(token):
            return True
        return not first and (
            has_surname_ending(token) or token.casefold().endswith(_OBLIQUE_SURNAME)
        )

    def _role_before(self, start: int) -> str | None:
        if start not in self._roles_before:
            self._roles_before[start] = self._find_role_before(start)
        return self._roles_before[start]

    def _find_role_before(self, start: int) -> str | None:
        tail = " ".join(self.low[max(0, start - 40) : start].split()[-3:])
        found = list(self.lex.role_any.finditer(tail))
        # The role word must end right where the name begins ("activist Rauf …").
        if found and not tail[found[-1].end() :].strip(" ,"):
            return role_of(self.lex, found[-1])
        if found and self.lex.lang == "ru" and self._owner_between(tail[found[-1].end() :], start):
            return role_of(self.lex, found[-1])
        return self._role_of_body_before(start)

    def _owner_between(self, between: str, start: int) -> bool:
        """«Адвокат Гасанлы Захид Оруджев»: one capitalised word between the role
        and the name, the surname of the one the role serves, in the genitive."""
        words = between.split()
        if len(words) != 1:
            return False
        raw = self.text[max(0, start - len(words[0]) - 2) : start].split()
        return bool(raw) and raw[-1][:1].isupper() and raw[-1].casefold() == words[0]

    def _role_of_body_before(self, start: int) -> str | None:
        """«судья Ленинского районного суда Казани X Y», «журналистка телеканала
        Next TV X Y»: a role word, then the body it serves (a court, an agency, an
        outlet) in the genitive, right before the name."""
        body = self.lex.extra.get("role_body_before")
        if body is None:
            return None
        window = self.low[max(0, start - 90) : start]
        at = re.search(body, window)
        if at is None:
            return None
        words = window[: at.start()].split()[-5:]
        for word in reversed(words):
            found = self.lex.role_any.fullmatch(word)
            if found:
                return role_of(self.lex, found)
        return None

    def _normal(
        self, tokens: Sequence[str], start: int, *, before: str | None = None
    ) -> tuple[tuple[str, ...], str | None]:
        if self.lex.lang == "ru" and (surname_first := _ru_surname_first(tokens)) is not None:
            return surname_first
        if self.lex.lang == "ru":
            # The kept tokens' own span: the tagger reads the surname's case there.
            first = self.text.find(tokens[0], start)
            last = self.text.find(tokens[-1], max(first, start))
            # A plural surname («Марину Сидорковых») shared by a list: the tagger reads
            # the pair as one plural noun phrase, the dictionary reads each word.
            plural = tokens[-1].endswith(("ых", "их"))
            agreeing: tuple[tuple[str, ...], str] | None = None
            gender: str | None
            if first >= 0 and last >= 0 and not RussianMorphology.hinted(tokens, before):
                agreeing = self._ru_agreeing_after(tokens, last + len(tokens[-1]))
            if agreeing is not None:
                normal, gender = agreeing
            elif first < 0 or last < 0 or plural:
                normal, gender = RussianMorphology.nominative(tokens, before=before)
            else:
                end = last + len(tokens[-1])
                normal, gender = nominative_in_context(self.text, tokens, first, end, before=before)
            normal, gender = self._womans_form(normal, gender)
            normal, gender = _undeclined_given_name(tokens, normal, gender)
            if gender != "f" and _RU_DAUGHTER.match(
                self.text, self.text.find(tokens[-1], start) + len(tokens[-1])
            ):
                normal, gender = _daughters_name(tokens, normal), "f"
            return _plural_surname_for(tokens, normal, gender), gender
        toks = list(tokens)
        if self.lex.lang == "az":
            toks[-1] = strip_az_case(toks[-1])
            if toks[-1] == tokens[-1] and len(toks) >= 2:
                toks[-1] = self._az_known_stem(toks[0], toks[-1])
            if self._az_dative_of_ov(toks[-1], start) or self._az_man_elsewhere(toks, tokens):
                toks[-1] = toks[-1][:-1]
        return tuple(toks), _gender_of(toks)

    def _ru_agreeing_after(
        self, tokens: Sequence[str], end: int
    ) -> tuple[tuple[str, ...], str] | None:
        """«Алеся Шлыкова, приговоренная к …», «Руслана Осипова была задержана»: a
        verb's past or a participle right after the name (a comma may stand
        between) agrees with it, so its gender and case are the name's, when the
        name can take them; None when the word tells no one reading."""
        after = re.match(r"\s*,?\s*([а-яё]+)", self.low[end : end + 40])
        if after is None:
            return None
        reading = RussianMorphology.agreement_after(after.group(1))
        if reading is None:
            return None
        gender, case = reading
        normal = RussianMorphology.nominative_as(tokens, gender, case)
        plausible = plausible_nominative(normal, gender)
        return (normal, gender) if plausible and len(tokens) >= 2 else None

    def _az_known_stem(self, given: str, surname: str) -> str:
        """ "Batuhan Çolakın evləri" after "Batuhan Çolak": a foreign surname has no
        Azerbaijani ending to tell its case by, but the person named before in the
        nominative does."""
        given_key = token_key(given)
        for stem in az_case_stems(surname):
            key = token_key(stem)
            for e in self.entities:
                known = e.surname_key == key and e.given_key is not None
                if known and same_given_key(e.given_key, given_key):
                    return stem
        return surname

    def _az_man_elsewhere(self, toks: list[str], written: Sequence[str]) -> bool:
        """ "Ramin Məmmədova … Məmmədovun vəkili": a bare "-ova" is the dative of a
        man's "-ov" when the text names that man elsewhere in a form only a man's
        surname takes (by the same given name, or by the surname alone while no
        other man of the family is named), and never a woman of that name."""
        surname = toks[-1]
        if len(toks) < 2 or written[-1] != surname or not surname.endswith(("ova", "eva")):
            return False
        key, given = token_key(surname[:-1]), token_key(toks[0])
        men = self._az_forms[0].get(key)
        if not men or (given, token_key(surname)) in self._az_forms[1]:
            return False
        return given in men or (None in men and men <= {None, given})

    def _az_surname_forms(self, runs: list[NameMention]) -> None:
        """The men's surnames the text writes with a case ending or bare ("-ov",
        "-ovun", "-ovdan"), with the given names told before them (None when alone);
        and the women's it writes with one ("-ovanın"), which no man's takes."""
        men: dict[str, set[str | None]] = {}
        women: set[tuple[str | None, str]] = set()
        for run in runs:
            last = run.tokens[-1]
            stem = strip_az_case(last)
            given = token_key(run.tokens[0]) if len(run.tokens) >= 2 else None
            low = stem.casefold()
            if low.endswith(("ov", "ev")):
                men.setdefault(token_key(stem), set()).add(given)
            elif low.endswith(("ova", "eva")) and stem != last:
                women.add((given, token_key(stem)))
        self._az_forms = (men, women)

    def _az_dative_of_ov(self, surname: str, start: int) -> bool:
        """ "Vüqar Salmanova 30 sutka həbs verilib": "-ova" is his dative, not her
        nominative, when what follows governs a dative (a postposition such as
        "qarşı", or "… cəza verilib" with no postposition before the verb)."""
        cue = self.lex.extra.get("dative_after")
        if not cue or not surname.casefold().endswith(("ova", "eva")):
            return False
        end = self.text.find(surname, start)
        if end < 0:
            return False
        return re.match(cue, self.low[end + len(surname) :][:140]) is not None

    def _single_keys(self, token: str) -> frozenset[str]:
        return _single_keys(token, self.lex.lang)

    def _build(self) -> None:
        runs = find_name_runs(self.text, self.lex)
        self._ctx = RunContext.of(self.text, runs)
        if self.lex.lang == "az":
            self._az_surname_forms(runs)
        if self.lex.lang == "ru":
            runs = [
                part for run in runs for part in self._split_ru_run(run) if not self._ruler(part)
            ]
        singles: list[NameMention] = []
        judged = [self._judge(run) for run in runs]
        if self.lex.lang != "ru":
            self._accept_listed(runs, judged)
        listed: tuple[int, str | None] | None = None  # the name before: its end, its cue
        for run, tokens in zip(runs, judged, strict=True):
            if tokens is None:
                if len(run.tokens) == 1 or self.lex.lang == "ru":
                    singles.append(run)
                continue
            words_before = self.text[max(0, run.start - 30) : run.start].split()
            before = words_before[-1] if words_before else None
            if listed is not None and _LIST_GAP.fullmatch(self.text[listed[0] : run.start]):
                # «задержала Марину Гусеву и Александру Белову»: a conjunct stands in the
                # case of the first one, so it agrees with the word before the list
                before = listed[1]
            listed = (run.end, before)
            normal, gender = self._normal(tokens, run.start, before=before)
            entity = self._entity_for(normal, gender)
            entity.spellings[normal] += 1
            entity.mentions.append((run.start, run.end))
            role = self._role_before(run.start)
            if role and role not in entity.roles:
                entity.roles.append(role)
            self._note_relation(entity, run.end)
            self.mentions.append(
                Mention(run.start, run.end, entity.id, "possessive" if run.possessive else "name")
            )
        self._usual_spellings()
        singles = self._shared_surnames(singles)
        if self.lex.lang == "ru":
            singles = self._kin_by_given_name(singles)
        for run in singles:
            family = self._family_named(run) if self.lex.lang == "ru" else []
            for member in family:
                member.mentions.append((run.start, run.end))
                self.mentions.append(Mention(run.start, run.end, member.id, "name"))
            for token in run.tokens[-1:] if not family else ():
                linked = self._entity_for_single(token, run.start)
                if linked is None:
                    continue
                linked.mentions.append((run.start, run.end))
                kind = "possessive" if run.possessive else "name"
                self.mentions.append(Mention(run.start, run.end, linked.id, kind))
        self._add_pronouns()
        self.mentions.sort(key=lambda m: m.start)
        self._mark_speakers()

    def _accept_listed(self, runs: list[NameMention], judged: list[tuple[str, ...] | None]) -> None:
        """A run of two or three capitalised words listed with names ("X Y, Masud
        Asker and Z Q") is a name too, though no cue of its own says so."""
        conj = "|".join(map(re.escape, self.lex.extra.get("conjunctions", ["and", "və"])))
        # an English apposition may close the name before: "X Y, a journalist, and Z Q"
        sep = re.compile(
            rf"^\s*(?:,\s*(?:(?:an?|the)\s+[^,.;:()]{{1,40}},\s*)?(?:(?:{conj})\s+)?|(?:{conj})\s+)$"
        )
        for _ in range(2):  # a list may hold two unknown names side by side
            for i, run in enumerate(runs):
                if judged[i] is not None or not 2 <= len(run.tokens) <= 3:
                    continue
                if any(is_org_word(t) or t.endswith(".") for t in run.tokens):
                    continue
                before = i > 0 and judged[i - 1] is not None
                after = i + 1 < len(runs) and judged[i + 1] is not None
                if (before and sep.match(self.text[runs[i - 1].end : run.start])) or (
                    after and sep.match(self.text[run.end : runs[i + 1].start])
                ):
                    judged[i] = run.tokens

    def _shared_surnames(self, singles: list[NameMention]) -> list[NameMention]:
        """Given names sharing the surname after them: "Ali and Rauf Abdullayev",
        «Вячеслава и Марину Косинеровых» are two people each. Returns the single
        words not taken that way."""
        conj = self.lex.extra.get("conjunctions", ["and", "и", "və", "ve"])
        pattern = re.compile(
            r"(?<!\w)(\w+)\s*(?:,\s*)?(?:" + "|".join(map(re.escape, conj)) + r")\s+$"
        )
        known = given_names()
        taken: set[int] = set()
        for m in [m for m in self.mentions if m.kind == "name" and m.entity is not None]:
            entity = self.entities[m.entity]  # type: ignore[index]
            if len(entity.tokens) != 2:
                continue
            window = self.text[max(0, m.start - 40) : m.start]
            # The pattern's end, a conjunction and a space, tested without a regex:
            # most names follow neither.
            words = window.split()
            if not window[-1:].isspace() or not words or not words[-1].endswith(tuple(conj)):
                continue
            found = pattern.search(window)
            if found is None:
                continue
            word = found.group(1)
            start = m.start - len(self.text[max(0, m.start - 40) : m.start]) + found.start(1)
            is_given = token_key(word) in known or (
                self.lex.lang == "ru" and RussianMorphology.is_name_token(word)
            )
            if not word[:1].isupper() or not is_given:
                continue
            if any(mm.start <= start < mm.end for mm in self.mentions):
                continue
            before = self.text[max(0, start - 30) : start].split()
            if before and before[-1][:1].isupper():
                continue  # "Ganimat Zahid and …": the word ends another name
            surname = self.text[m.start : m.end].split()[-1]
            normal, gender = self._normal((word, surname), start)
            other = self._entity_for(normal, gender)
            if other.id == entity.id:
                continue
            other.mentions.append((start, start + len(word)))
            self.mentions.append(Mention(start, start + len(word), other.id, "name"))
            taken.add(start)
        return [r for r in singles if r.start not in taken]

    def _kin_by_given_name(self, singles: list[NameMention]) -> list[NameMention]:
        """«Наталью и её брата Александра задержали»: a relative named by a given
        name alone, right after a kin word, is a person of their own who bears the
        family's surname (in their gender). Returns the single words not taken."""
        taken: set[int] = set()
        for run in singles:
            if len(run.tokens) != 1 or not RussianMorphology.is_name_token(run.tokens[0]):
                continue
            kin = _RU_KIN.search(self.text[max(0, run.start - 30) : run.start])
            if kin is None:
                continue
            gender, case = _RU_KIN_FORMS[kin.group(1).casefold()]
            owner = self._owner_before(run.start, singles)
            if owner is None or len(owner.tokens) < 2:
                continue
            surname = owner.tokens[-1]
            if gender == "m" and owner.gender == "f" and surname.endswith(_WOMAN_SURNAME):
                surname = surname[:-1]
            elif gender == "f" and owner.gender == "m" and surname.endswith(_MALE_SURNAME):
                surname += "а"
            given = RussianMorphology.nominative_as((run.tokens[0],), gender, case)[0]
            if given.casefold() == owner.tokens[0].casefold():
                continue
            entity = self._entity_for((given, surname), gender)
            entity.mentions.append((run.start, run.end))
            self.mentions.append(Mention(run.start, run.end, entity.id, "name"))
            taken.add(run.start)
        return [r for r in singles if r.start not in taken]

    def _family_named(self, run: NameMention) -> list[Entity]:
        """«Брату и сестре Раентовым дали 12 и 15 суток», «супругов Ивановых»: a
        surname in a plural form means every person of that family the report
        named in full, in the order kin words before it give by gender («брату и
        сестре»: him, then her). -ых, -ыми and -ы are only plural; -ым is also his
        instrumental, so it counts only after a plural cue."""
        token = run.tokens[-1]
        if len(run.tokens) != 1 or not token.casefold().endswith(_MALE_SURNAME_PLURAL):
            return []
        low = token.casefold()
        ending = next(e for e in ("ыми", "ых", "ым", "ы") if low.endswith(e))
        before = re.split(r"[.!?]", self.low[max(0, run.start - 40) : run.start])[-1]
        if ending == "ым" and not _PLURAL_CUE.search(before):
            return []
        stem = token_key(token[: -len(ending)])
        family = [
            e
            for e in self.entities
            if len(e.keys) >= 2 and (e.surname_key == stem or e.surname_key == stem + "a")
        ]
        if len(family) < 2:
            return []
        kin = [_RU_KIN_GENDER[w] for w in re.findall(r"\w+", before) if w in _RU_KIN_GENDER]
        if len(kin) == len(family):
            family.sort(
                key=lambda e: [g == e.gender for g in kin].index(True) if e.gender in kin else 0
            )
        return family

    def _owner_before(self, start: int, singles: list[NameMention]) -> Entity | None:
        """The person named last before `start` and close to it, by a full name
        or by one word («Наталью и её брата …»)."""
        best: tuple[int, Entity] | None = None
        for m in self.mentions:
            named = m.kind == "name" and m.entity is not None and m.end <= start
            if named and (best is None or m.end > best[0]):
                best = (m.end, self.entities[m.entity])  # type: ignore[index]
        for run in singles:
            if run.end <= start and (best is None or run.end > best[0]):
                linked = self._entity_for_single(run.tokens[-1], run.start)
                if linked is not None:
                    best = (run.end, linked)
        return best[1] if best is not None and start - best[0] <= 60 else None

    def _entity_for(self, tokens: tuple[str, ...], gender: str | None) -> Entity:
        keys = tuple(
            token_key(t)
            for t in tokens
            if not t.endswith(".") and t.casefold() not in TRAILING_PATRONYMICS
        )
        keys = tuple(k for k in keys if k) or (token_key(tokens[-1]),)
        for e in self.entities:
            if (
                self.lex.lang == "az"
                and len(keys) >= 2
                and e.given_key == keys[0]
                and keys[-1] == e.surname_key + "a"
            ):
                return e  # "Mübariz Həsənova" is the dative of Mübariz Həsənov
            if e.keys == keys or (
                e.surname_key == keys[-1]
                and same_given_key(e.given_key, keys[0])
                and len(keys) >= len(e.keys)
            ):
                if len(tokens) > len(e.tokens):
                    e.tokens, e.keys = tokens, keys
                return e
            # An initial: "R. Heydarov" is Rauf Heydarov.
            if (
                len(tokens) >= 2
                and tokens[0].endswith(".")
                and e.surname_key == keys[-1]
                and e.tokens[0][:1] == tokens[0][:1]
            ):
                return e
        entity = Entity(len(self.entities), tokens, keys, gender)
        self.entities.append(entity)
        return entity

    def _womans_form(
        self, normal: tuple[str, ...], gender: str | None
    ) -> tuple[tuple[str, ...], str | None]:
        """«Бахытжан Торегожина пожаловалась … по словам Бахытжан Торегожиной»: a
        name the text writes with the women's-only ending -ой after the same given
        name (one that does not decline, as a man's would) is a woman's, whatever
        the dictionary says of that given name; and that -ой form is hers too."""
        if len(normal) < 2:
            return normal, gender
        surname = normal[-1]
        if surname.endswith(tuple(e + "ой" for e in _MALE_SURNAME)):
            return (*normal[:-1], surname[:-2] + "а"), "f"
        if gender == "f" or not surname.endswith(_MALE_SURNAME) or surname + "ой" not in self.text:
            return normal, gender  # (the last test is the search's, made without a regex)
        oblique = rf"(?<!\w){re.escape(normal[0])}\s+{re.escape(surname)}ой(?!\w)"
        if re.search(oblique, self.text):
            return (*normal[:-1], surname + "а"), "f"
        return normal, gender

    def _usual_spellings(self) -> None:
        """A person spelt two ways is named as the text spells them most often
        (a headline's variant loses to the body's), among the fullest forms."""
        for e in self.entities:
            full = [t for t in e.spellings if len(t) == len(e.tokens)]
            if len(full) >= 2:
                e.tokens = max(full, key=lambda t: e.spellings[t])

    def _entity_for_single(self, token: str, start: int) -> Entity | None:
        keys = self._single_keys(token)
        found = [e for e in self.entities if e.surname_key in keys]
        # Namesakes: a lone surname is more likely the victim's than a quoted relative's.
        victims = [e for e in found if all(self.lex.role_victim.get(r, True) for r in e.roles)]
        if victims and len(victims) < len(found):
            found = victims
        if not found:
            found = [e for e in self.entities if e.given_key in keys and len(e.keys) > 1]
            # A given name alone is only trusted when one person has it.
            if len(found) != 1:
                return None
        if len(found) == 1:
            return found[0]
        # Several people share the surname: the one named most recently before.
        before = [(max((s for s, _ in e.mentions if s < start), default=-1), e) for e in found]
        best = max(before, key=lambda pair: pair[0])
        return best[1] if best[0] >= 0 else found[0]

    def _note_relation(self, entity: Entity, end: int) -> None:
        after = self.low[end : end + 40]
        if self.lex.no_relation.match(after.lstrip(" ,(")):
            entity.no_relation = True

    def _add_pronouns(self) -> None:
        kinds = {
            "singular_male": "male",
            "singular_female": "female",
            # a pronoun of any gender (Azerbaijani "o", "onu")
            "singular": "singular",
            "plural": "plural",
            "role_nouns": "role_noun",
            # "her son": a relative of someone named, never that someone
            "kin": "kin",
        }
        # A pronoun inside a name is no pronoun. Names sorted by start, with the
        # furthest end reached so far: a match overlaps a name when some name
        # starting before its end reaches past its start (one bisect, where a
        # scan of every name per match grew with the square of a report's length).
        taken = sorted((m.start, m.end) for m in self.mentions)
        starts = [s for s, _ in taken]
        reach = list(accumulate((e for _, e in taken), max))
        for key, kind in kinds.items():
            regex = self.lex.anaphora.get(key)
            if regex is None:
                continue
            for m in regex.finditer(self.low):
                before = bisect_left(starts, m.end())
                if before and reach[before - 1] > m.start():
                    continue
                if kind == "role_noun" and self._counted(m.start()):
                    continue
                if kind == "plural" and self._introduces_names(m.start(), m.end(), starts):
                    continue
                self.mentions.append(Mention(m.start(), m.end(), None, kind))

    def _introduces_names(self, start: int, end: int, name_starts: list[int]) -> bool:
        """ "… were detained, among them student X": a pronoun that opens the list
        of the group's named members stands for them, not for someone before."""
        cue = self.lex.extra.get("member_intro")
        if not cue or not re.search(cue, self.low[max(0, start - 12) : start]):
            return False
        at = bisect_left(name_starts, end)
        return at < len(name_starts) and name_starts[at] - end <= 40

    def _counted(self, start: int) -> bool:
        """ "7 jurnalist həbs olunub", "two journalists": a counted noun is a group
        of people not named, not a word for someone named before."""
        before = self.low[max(0, start - 40) : start].split()
        if before and parse_number(before[-1], self.lex) is not None:
            return True
        # «8 гражданских журналистов»: an adjective between the count and the noun
        adjective = self.lex.charge_adjective
        return (
            len(before) >= 2
            and adjective is not None
            and adjective.fullmatch(before[-1]) is not None
            and parse_number(before[-2], self.lex) is not None
        )

    def _mark_speakers(self) -> None:
        """Flag names that speak ("X said", "according to X") or hold non-victim roles."""
        text = self.low
        speech = self.lex.speech
        for m in self.mentions:
            if m.kind not in ("name", "possessive"):
                continue
            after = text[m.end : m.end + 60]
            before = text[max(0, m.start - 40) : m.start]
            # "X said", "X, a lawyer, said", "X told reporters"
            clause_after = _CLAUSE_END.split(after, maxsplit=1)[0]
            # "X said", "X, his lawyer, said", "X also said", "X, рассказала …"
            # («X Y Гульнара рассказала»: a capitalised word between is another
            # person, the one who speaks)
            next_word = self.text[m.end : m.end + 40].split()[:1]
            other = bool(next_word) and next_word[0][:1].isupper()
            for head in (clause_after.lstrip(" ,"), _APPOSITION_FIRST.sub("", clause_after)):
                words = head.split()
                if speech.match(head.strip()) or (not other and speech.match(" ".join(words[1:2]))):
                    m.speaker = True
                    break
            # A speaker's title after a quote («…», – написала первый заместитель
            # министра X) runs past the 40 characters other cues need. Both cues
            # scan a window back from the name: not asked of a speaker found above.
            # "…, said X." with X at the end of the clause; not "said X had been
            # beaten": the clause's end, one test at one place, is asked first.
            if not m.speaker and (
                self.lex.speaker_before.search(text[max(0, m.start - 100) : m.start])
                or (_CLAUSE_CLOSED.match(after) and self.lex.speaker_inverted.search(before))
            ):
                m.speaker = True
            role = self._role_before(m.start) or self._role_after(m.end)
            if role is not None and m.entity is not None:
                entity = self.entities[m.entity]
                if role not in entity.roles:
                    entity.roles.append(role)
                m.victim_role = self._is_victim_role(role)

    def _role_after(self, end: int) -> str | None:
        after = self.low[end : end + 50]
        m = _APPOSITION_AFTER.match(after)
        if not m:
            return None
        found = self.lex.role_any.search(m.group(1))
        return role_of(self.lex, found) if found else None

    def _is_victim_role(self, role: str) -> bool:
        return self.lex.role_victim.get(role, True)

    # ------------------------------------------------------------ queries

    def in_span(self, start: int, end: int) -> list[Mention]:
        # Mentions are sorted by start once built: a bisect finds the span's first,
        # where a scan of every mention per sentence grew with the square of a
        # report's length. The starts are taken again if mentions were added.
        if len(self._starts) != len(self.mentions):
            self._starts = [m.start for m in self.mentions]
        lo = bisect_left(self._starts, start)
        hi = bisect_right(self._starts, end, lo)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def gender(self, entity: int) -> str | None:
        return self.entities[entity].gender
