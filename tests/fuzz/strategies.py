"""Inputs for the fuzz tests: arbitrary text and bytes, and near-valid reports, pages and feeds.

Purely random text rarely reaches the deeper rules, so each strategy also
mixes in fragments that look like what the parsers expect (fictional names,
triggers, dates, tags) in random order and with random noise between them.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Deterministic and bounded by default; HABEAS_FUZZ_EXAMPLES raises the count for a long run.
EXAMPLES = int(os.environ.get("HABEAS_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,  # each test bounds its own time, with a clearer message
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

REPORT_FRAGMENTS = [
    "Ruslan Ostapchuk",
    "Nadira Velikhanli",
    "Лейла Тарханова",
    "Elvin Qarayev",
    " was detained ",
    " was arrested ",
    " was released ",
    " was sentenced to ",
    " 30 days ",
    " five years ",
    " of administrative detention",
    " in prison",
    " задержан ",
    " арестован на 15 суток ",
    " освобождена ",
    " həbs edildi ",
    " on 8 March",
    " on Tuesday",
    " 2025-03-10 ",
    " two days later",
    "On 31 February",
    " by the Binagadi District Court",
    " under Article 535.1 of the CAO",
    " fined 200 AZN",
    ". ",
    "! ",
    "? ",
    "\n\n",
    " “",
    "” ",
    " (",
    ") ",
    ", ",
    " his lawyer said",
    " her son",
    " they were beaten",
    " Mr.",
    " Dr.",
    " St.",
    "…",
    "\u200b",
    "\u0301",
]
HTML_FRAGMENTS = [
    "<html>",
    "</html>",
    "<head>",
    "<title>Held</title>",
    "<meta charset='koi8-r'>",
    "<meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>",
    "<meta charset='nonsense'>",
    "<body>",
    "<article>",
    "</article>",
    "<p>",
    "</p>",
    "<script>alert(1)</script>",
    "<style>p{}</style>",
    "<nav><a href='/'>Home</a></nav>",
    "<![CDATA[x]]>",
    "<!-- c -->",
    "&amp;",
    "&#0;",
    "&#xD800;",
    "&nbsp;",
    "<br>",
    "<h1>",
    "Police detained Ruslan Ostapchuk on Monday.",
    "<time datetime='2025-13-45'>",
    "<html lang='ru-RU'>",
    "<html lang='ééé'>",
    "\x00",
    "\xff\xfe",
]
FEED_FRAGMENTS = [
    "<?xml version='1.0' encoding='utf-8'?>",
    "<?xml version='1.0' encoding='bogus'?>",
    "<rss version='2.0'>",
    "</rss>",
    "<channel>",
    "</channel>",
    "<title>Wire</title>",
    "<item>",
    "</item>",
    "<link>https://news.example/a</link>",
    "<link>javascript:x</link>",
    "<guid>1</guid>",
    "<pubDate>Tue, 11 Mar 2025 09:00:00 GMT</pubDate>",
    "<pubDate>Feb 30 99</pubDate>",
    "<feed xmlns='http://www.w3.org/2005/Atom'>",
    "</feed>",
    "<entry>",
    "</entry>",
    "<updated>2025-02-30T25:61:00Z</updated>",
    "<link href='https://news.example/b'/>",
    "<!DOCTYPE x [<!ENTITY a 'aaaa'>]>",
    "&a;",
]


def _mixed(fragments: list[str]) -> st.SearchStrategy[str]:
    piece = st.sampled_from(fragments) | st.text(max_size=20)
    return st.lists(piece, max_size=40).map("".join)


report_text = st.text() | _mixed(REPORT_FRAGMENTS)
html_bytes = st.binary(max_size=2000) | _mixed(HTML_FRAGMENTS).flatmap(
    lambda s: st.sampled_from(["utf-8", "utf-16", "cp1251", "latin-1"]).map(
        lambda enc: s.encode(enc, errors="replace")
    )
)
feed_bytes = st.binary(max_size=2000) | _mixed(FEED_FRAGMENTS).map(
    lambda s: s.encode("utf-8", errors="surrogatepass")
)
