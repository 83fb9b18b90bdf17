"""The strict Content-Security-Policy breaks nothing: no page logs a violation."""

from __future__ import annotations

from typing import Any

from browser_support import App

PAGES = ["/", "/review/", "/persons/", "/lists/detained/", "/reports/", "/capture/", "/feeds/"]


def test_the_main_pages_raise_no_csp_violation(page: Any, app: App) -> None:
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    seen = []
    for path in PAGES:
        response = page.goto(app.url + path)
        assert response is not None and response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        seen.append(page.title())
    page.goto(app.url + "/reports/")
    page.locator("main a[href^='/reports/']").first.click()
    page.wait_for_load_state()

    assert len(seen) == len(PAGES)
    assert [m for m in messages if "Content Security Policy" in m] == []


def test_an_injected_inline_script_is_blocked(page: Any, app: App) -> None:
    """The policy is enforced, not only sent: the browser refuses inline script."""
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(app.url + "/")

    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__ran = true'; document.body.append(s); }"
    )

    assert page.evaluate("() => window.__ran === true") is False
    assert any("Content Security Policy" in m for m in messages)
