"""`habeas feeds add|list|poll` and `habeas worker --burst` against a local feed."""

from __future__ import annotations

import pytest
from store_support import Page, Site, article, counts, rss

from habeas.cli.main import main

PATHS = ["/news/1", "/news/2", "/news/3"]


def _publish(site: Site) -> None:
    for n, path in enumerate(PATHS, start=1):
        site.pages[path] = Page(
            article(
                f"Story number {n}",
                f"Police detained Nadira Velikhanli for the {n}th time this year, witnesses said.",
                f"The case file number {n} was not shown to her lawyer during the questioning.",
                "Independent observers were not allowed into the building while she was held.",
            )
        )
    site.pages["/feed.xml"] = Page(rss(site, PATHS), content_type="application/rss+xml")


def test_add_a_feed_and_capture_its_entries(
    site: Site, allow_private: None, capsys: pytest.CaptureFixture[str]
) -> None:
    from habeas.web.store.models import FeedItem, Report

    _publish(site)

    assert main(["feeds", "add", site.url("/feed.xml")]) == 0
    assert capsys.readouterr().out.startswith("added feed #")
    assert main(["worker", "--burst"]) == 0

    assert counts()["reports"] == 3
    assert set(FeedItem.objects.values_list("state", flat=True)) == {"stored"}
    assert {str(d) for d in Report.objects.values_list("published", flat=True)} == {"2025-03-11"}
    capsys.readouterr()
    assert main(["feeds", "list"]) == 0
    assert "3 stored, 0 pending, 0 failed" in capsys.readouterr().out


def test_a_second_run_stores_nothing_twice(site: Site, allow_private: None) -> None:
    _publish(site)
    main(["feeds", "add", site.url("/feed.xml")])
    main(["feeds", "poll", "--now"])
    hits_after_first = [h for h in site.hits if h.startswith("/news/")]

    main(["feeds", "poll", "--now"])

    assert counts()["reports"] == 3
    # Stored entries are not fetched again; only the feed itself is re-read.
    assert [h for h in site.hits if h.startswith("/news/")] == hits_after_first


def test_adding_a_feed_twice_keeps_one(
    site: Site, allow_private: None, capsys: pytest.CaptureFixture[str]
) -> None:
    _publish(site)
    main(["feeds", "add", site.url("/feed.xml")])
    capsys.readouterr()

    assert main(["feeds", "add", site.url("/feed.xml")]) == 0
    assert capsys.readouterr().out.startswith("already registered: feed #")
    assert counts()["feeds"] == 1


def test_a_page_that_is_not_a_feed_is_refused(
    site: Site, allow_private: None, capsys: pytest.CaptureFixture[str]
) -> None:
    site.pages["/page"] = Page(article("Not a feed", "Just an ordinary page with a paragraph."))

    code = main(["feeds", "add", site.url("/page")])

    err = capsys.readouterr().err.splitlines()
    assert code == 2
    assert len(err) == 1 and err[0].startswith("habeas: ")
    assert counts()["feeds"] == 0


def test_a_dead_entry_is_marked_failed_and_the_others_stored(
    site: Site, allow_private: None, capsys: pytest.CaptureFixture[str]
) -> None:
    from habeas.web.store.models import FeedItem

    _publish(site)
    del site.pages["/news/2"]
    main(["feeds", "add", site.url("/feed.xml")])

    main(["feeds", "poll", "--now"])

    states = dict(FeedItem.objects.values_list("url", "state"))
    assert states[site.url("/news/2")] == "failed"
    assert counts()["reports"] == 2
    assert "2 stored, 0 pending, 1 failed" in capsys.readouterr().out


def test_a_server_error_is_retried_on_the_next_poll(site: Site, allow_private: None) -> None:
    from habeas.web.store.models import FeedItem

    _publish(site)
    working = site.pages["/news/3"]
    site.pages["/news/3"] = Page(b"overloaded", content_type="text/plain", status=503)
    main(["feeds", "add", site.url("/feed.xml")])

    main(["feeds", "poll", "--now"])
    item = FeedItem.objects.get(url=site.url("/news/3"))
    assert (item.state, item.attempts) == ("pending", 1)
    assert "503" in item.error

    site.pages["/news/3"] = working
    main(["feeds", "poll", "--now"])
    item.refresh_from_db()
    assert (item.state, item.attempts) == ("stored", 2)
    assert counts()["reports"] == 3
