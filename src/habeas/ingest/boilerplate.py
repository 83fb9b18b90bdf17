"""Phrases that mark a paragraph as page furniture rather than article text.

trafilatura removes menus, footers and most boxes, but keeps appeals written
inside the article body ("Become a member", "support our journalism") and
comment-section headings ("Comments (3)"), and texts captured elsewhere carry
them too. These tuples are the data of `is_boilerplate`, the post-filter of
`habeas.ingest.html` and a chrome test of `habeas.extract.sentences`; add a
language by adding its phrases.
Entries are lower case; matching folds case the same way on both sides.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# A short paragraph containing one of these is an appeal, not reporting. Bare verbs
# ("donate", "пожертвовать") are left out on purpose: reports quote them.
APPEAL_PHRASES: tuple[str, ...] = (
    # English
    "become a member",
    "become a supporter",
    "become a patron",
    "support our journalism",
    "support independent journalism",
    "support our independent journalism",
    "support our work",
    "donate now",
    "donate today",
    "make a donation",
    "please donate",
    "subscribe to our newsletter",
    "sign up for our newsletter",
    "we rely on readers",
    "readers like you",
    # Russian
    "поддержите нас",
    "поддержите редакцию",
    "поддержать редакцию",
    "поддержите независимую журналистику",
    "поддержать независимую журналистику",
    "поддержите нашу работу",
    "станьте участником",
    "стать участником",
    "сделать пожертвование",
    "сделайте пожертвование",
    "подпишитесь на нашу рассылку",
    "подпишитесь на рассылку",
    # Azerbaijani
    "bizi dəstəkləyin",
    "bizə dəstək olun",
    "müstəqil jurnalistikanı dəstəkləyin",
    "müstəqil mediaya dəstək",
    "ianə edin",
    "üzv olun",
    "abunə olun",
    "bülletenimizə abunə",
)

# A paragraph that is only one of these words (optionally with a count, as in
# "Comments (3)" or "Şərhlər: 12") is a section heading outside the article.
SECTION_HEADINGS: tuple[str, ...] = (
    # English
    "comments",
    "comment",
    "leave a comment",
    "leave a reply",
    "related articles",
    "related",
    "read also",
    "read more",
    "see also",
    "more on this topic",
    "share this article",
    "share",
    "donate",
    "advertisement",
    # Russian
    "комментарии",
    "комментарий",
    "оставить комментарий",
    "читайте также",
    "читать также",
    "по теме",
    "похожие материалы",
    "поделиться",
    "реклама",
    # Azerbaijani
    "şərhlər",
    "şərh",
    "şərh yaz",
    "rəylər",
    "oxşar xəbərlər",
    "digər xəbərlər",
    "həmçinin oxuyun",
    "paylaş",
    "reklam",
)

# Appeals longer than this many words are left alone: a paragraph that long is
# more likely reporting that happens to mention a donation.
APPEAL_MAX_WORDS = 60


def is_boilerplate(paragraph: str) -> bool:
    """Return True when a paragraph is a donation appeal or a section heading."""
    folded = fold(paragraph)
    if _heading_pattern().match(folded):
        return True
    if len(folded.split()) > APPEAL_MAX_WORDS:
        return False
    return _appeal_pattern().search(folded) is not None


def fold(text: str) -> str:
    # Azerbaijani and Turkish "İ" lower-cases to "i" + a combining dot; drop it.
    text = text.replace("İ", "i").replace("I", "i")
    text = unicodedata.normalize("NFC", text).casefold()
    return " ".join(text.replace("ё", "е").split())


@lru_cache(maxsize=1)
def _appeal_pattern() -> re.Pattern[str]:
    # One alternation is several times faster than a loop of `in` tests.
    return re.compile("|".join(re.escape(fold(p)) for p in APPEAL_PHRASES))


@lru_cache(maxsize=1)
def _heading_pattern() -> re.Pattern[str]:
    words = sorted((fold(h) for h in SECTION_HEADINGS), key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    # "Comments", "Comments (3)", "Comments: 3", "3 comments", "Read also:"
    return re.compile(rf"^(?:\d+\s+)?(?:{alternatives})\s*(?:\(\s*\d+\s*\)|:?\s*\d*)\s*[:.…]?$")
