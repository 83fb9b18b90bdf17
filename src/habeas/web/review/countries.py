"""Which country a place or court is in, by a small gazetteer of the region's place names.

The store keeps places as the reports write them ("Baku", "Sabail District
Court", «Тбилиси»), not countries, so a country filter matches a place when
it names the country or one of its towns or Baku's district courts, in
English, Russian or Azerbaijani spelling. A place not listed here matches
only by its own words.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Country → names of it and of places in it (lower case; matched as whole words).
_PLACES: dict[str, tuple[str, ...]] = {
    "azerbaijan": (
        "azerbaijan",
        "azərbaycan",
        "азербайджан",
        "baku",
        "bakı",
        "баку",
        "ganja",
        "gəncə",
        "гянджа",
        "sumgait",
        "sumqayit",
        "sumqayıt",
        "сумгаит",
        "сумгайыт",
        "nakhchivan",
        "naxçıvan",
        "нахчыван",
        "нахичевань",
        "lankaran",
        "lənkəran",
        "ленкорань",
        "mingachevir",
        "mingəçevir",
        "мингечевир",
        "shirvan",
        "şirvan",
        "shaki",
        "şəki",
        "шеки",
        "quba",
        "guba",
        "куба",
        "sabail",
        "səbail",
        "сабаил",
        "binagadi",
        "binəqədi",
        "бинагади",
        "nasimi",
        "nəsimi",
        "насими",
        "yasamal",
        "ясамал",
        "khatai",
        "xətai",
        "хатаи",
        "narimanov",
        "nərimanov",
        "нариманов",
        "nizami",
        "низами",
        "surakhani",
        "suraxanı",
        "сураханы",
        "sabunchu",
        "sabunçu",
        "сабунчи",
        "khazar",
        "xəzər",
        "хазар",
        "garadagh",
        "qaradağ",
        "гарадаг",
        "umbaki",
        "ümbəki",
        "умбаки",
    ),
    "georgia": (
        "georgia",
        "gürcüstan",
        "грузия",
        "tbilisi",
        "тбилиси",
        "batumi",
        "батуми",
        "kutaisi",
        "кутаиси",
        "rustavi",
        "рустави",
        "zugdidi",
        "зугдиди",
    ),
    "russia": (
        "russia",
        "rusiya",
        "россия",
        "moscow",
        "moskva",
        "москва",
        "st petersburg",
        "saint petersburg",
        "санкт-петербург",
        "петербург",
        "yekaterinburg",
        "екатеринбург",
        "novosibirsk",
        "новосибирск",
        "kazan",
        "казань",
        "krasnodar",
        "краснодар",
    ),
    "belarus": (
        "belarus",
        "belarus",
        "беларусь",
        "minsk",
        "минск",
        "gomel",
        "гомель",
        "grodno",
        "гродно",
        "brest",
        "брест",
        "vitebsk",
        "витебск",
        "mogilev",
        "могилёв",
        "могилев",
    ),
    "kazakhstan": (
        "kazakhstan",
        "qazaxıstan",
        "казахстан",
        "almaty",
        "алматы",
        "astana",
        "астана",
        "shymkent",
        "шымкент",
    ),
    "armenia": ("armenia", "ermənistan", "армения", "yerevan", "ереван"),
    "kyrgyzstan": ("kyrgyzstan", "qırğızıstan", "кыргызстан", "киргизия", "bishkek", "бишкек"),
    "uzbekistan": ("uzbekistan", "özbəkistan", "узбекистан", "tashkent", "ташкент"),
    "ukraine": (
        "ukraine",
        "ukrayna",
        "украина",
        "kyiv",
        "kiev",
        "киев",
        "kharkiv",
        "харьков",
        "odesa",
        "odessa",
        "одесса",
    ),
}


@lru_cache(maxsize=64)
def _pattern(country: str) -> re.Pattern[str] | None:
    wanted = country.strip().casefold()
    for names in _PLACES.values():
        if wanted in names:
            words = sorted(names, key=len, reverse=True)
            return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")
    return None


def in_country(country: str, *places: str) -> bool:
    """Whether any of `places` is in `country` (a country's name in any of the three languages,
    or a place of it); a name not in the gazetteer matches places that contain it."""
    pattern = _pattern(country)
    texts = [(p or "").casefold() for p in places]
    if pattern is None:
        folded = country.strip().casefold()
        return any(folded in t for t in texts)
    return any(pattern.search(t) for t in texts)


def place_names(country: str) -> tuple[str, ...]:
    """The names to look for in places and courts when filtering by `country`: the
    gazetteer's names of it and its places, or the name itself when it is not listed."""
    wanted = country.strip().casefold()
    for names in _PLACES.values():
        if wanted in names:
            return names
    return (wanted,)
