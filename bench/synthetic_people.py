"""Synthetic persons for scale benchmarks: invented combinations of common name parts.

Given names come from the extractor's gazetteer; surnames are common roots of
the region with their family suffixes, in Latin and Russian Cyrillic. Every
combination is invented; a real person's full name may occur only by chance.
"""

from __future__ import annotations

import random
from importlib import resources

# (Latin root, Cyrillic root, suffix family)
_ROOTS = (
    ("Aliy", "Али", "ev"), ("Mammad", "Мамед", "ov"), ("Hasan", "Гасан", "ov"),
    ("Huseyn", "Гусейн", "ov"), ("Ibrahim", "Ибрагим", "ov"), ("Ismayil", "Исмаил", "ov"),
    ("Quliy", "Кули", "ev"), ("Abbas", "Аббас", "ov"), ("Jafar", "Джафар", "ov"),
    ("Rustam", "Рустам", "ov"), ("Karim", "Карим", "ov"), ("Nasir", "Насир", "ov"),
    ("Rahim", "Рагим", "ov"), ("Salim", "Салим", "ov"), ("Yusif", "Юсиф", "ov"),
    ("Musa", "Муса", "ev"), ("Isa", "Иса", "ev"), ("Babay", "Бабаев", "ev"),
    ("Mirza", "Мирза", "ev"), ("Aslan", "Аслан", "ov"), ("Tahir", "Тагир", "ov"),
    ("Zeynal", "Зейнал", "ov"), ("Guliy", "Гули", "ev"), ("Veliy", "Вели", "ev"),
    ("Ivan", "Иван", "ov"), ("Petr", "Петр", "ov"), ("Smirn", "Смирн", "ov"),
    ("Kuzn", "Кузнец", "ov"), ("Sokol", "Сокол", "ov"), ("Popov", "Попов", ""),
    ("Volk", "Волк", "ov"), ("Moroz", "Мороз", "ov"), ("Novik", "Новик", "ov"),
    ("Orl", "Орл", "ov"), ("Lebed", "Лебед", "ev"), ("Kozl", "Козл", "ov"),
    ("Belinsk", "Белинск", "sky"), ("Kovalevsk", "Ковалевск", "sky"),
    ("Beridze", "Беридзе", "="), ("Kapanadze", "Капанадзе", "="),
    ("Gelashvili", "Гелашвили", "="), ("Mamedli", "Мамедли", "="),
    ("Hasanli", "Гасанли", "="), ("Karimli", "Каримли", "="), ("Aliyzade", "Ализаде", "="),
    ("Kovalenko", "Коваленко", "="), ("Shevchenko", "Шевченко", "="),
    ("Bondarenko", "Бондаренко", "="), ("Petrosyan", "Петросян", "="),
    ("Harutyunyan", "Арутюнян", "="), ("Sargsyan", "Саргсян", "="),
)  # fmt: skip

_SUFFIXES = {
    "ov": (("ov", "ova"), ("ов", "ова")),
    "ev": (("yev", "yeva"), ("ев", "ева")),
    "sky": (("sky", "skaya"), ("ский", "ская")),
    "": (("", "a"), ("", "а")),
    "=": (("", ""), ("", "")),
}


def _given_names() -> tuple[list[str], list[str]]:
    raw = resources.files("habeas.extract.lexicons").joinpath("given_names.txt")
    names = [
        line.strip()
        for line in raw.read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#") and " " not in line.strip()
    ]
    cyrillic = [n for n in names if "\u0400" <= n[0] <= "\u04ff"]
    latin = [n for n in names if n.isascii()]
    return latin, cyrillic


def synthetic_names(count: int, *, seed: int = 7) -> list[str]:
    """`count` invented full names: 70% Latin, 30% Cyrillic; some surname-first, some alone."""
    rng = random.Random(seed)
    latin, cyrillic = _given_names()
    names = []
    for _ in range(count):
        root_latin, root_cyrillic, family = rng.choice(_ROOTS)
        female = rng.random() < 0.4
        use_cyrillic = rng.random() < 0.3
        suffixes = _SUFFIXES[family][1 if use_cyrillic else 0]
        root = root_cyrillic if use_cyrillic else root_latin
        surname = root + suffixes[1 if female else 0]
        given = rng.choice(cyrillic if use_cyrillic else latin)
        shape = rng.random()
        if shape < 0.05:
            names.append(surname)
        elif shape < 0.15:
            names.append(f"{surname} {given}")
        elif shape < 0.2:
            names.append(f"{given[0]}. {surname}")
        else:
            names.append(f"{given} {surname}")
    return names
