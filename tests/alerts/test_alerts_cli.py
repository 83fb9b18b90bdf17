"""`habeas alerts check` and `habeas alerts digest` end to end, with a real SMTP server."""

from __future__ import annotations

from typing import Any

import pytest
from alerts_support import HELD_30_DAYS, person_with

from habeas.cli.main import main


def test_check_recomputes_and_an_alert_reaches_the_smtp_server(
    smtp: Any, alice: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    person_with("Tamar Velkova", HELD_30_DAYS)
    assert main(["alerts", "check", "--today", "2025-04-10"]) == 0
    assert capsys.readouterr().out == (
        "checked 1 person, 1 new alert; 1 notification sent, 0 failed\n"
    )
    assert [m.rcpt_tos for m in smtp.messages] == [["alice@example.org"]]
    assert main(["alerts", "check", "--today", "2025-04-10"]) == 0
    assert capsys.readouterr().out.startswith("checked 0 persons, 0 new alerts")


def test_digest_sends_one_email_per_user(smtp: Any, alice: Any, bob: Any, capsys: Any) -> None:
    person_with("Tamar Velkova", HELD_30_DAYS)
    main(["alerts", "check", "--today", "2025-04-10"])
    smtp.messages.clear()
    assert main(["alerts", "digest", "--today", "2025-04-10"]) == 0
    assert capsys.readouterr().out.endswith("2 digests sent, 0 failed\n")
    assert sorted(m.rcpt_tos[0] for m in smtp.messages) == ["alice@example.org", "bob@example.org"]


@pytest.mark.parametrize(
    ("argv", "env", "message"),
    [
        (["alerts", "check", "--today", "10/04/2025"], {}, "--today '10/04/2025' is not a date"),
        (["alerts", "check"], {"HABEAS_SMTP_PORT": "smtp"}, "HABEAS_SMTP_PORT must be a whole"),
        (["alerts", "check"], {"HABEAS_WEBHOOK_URL": "ftp://x"}, "HABEAS_WEBHOOK_URL must be an"),
        (["alerts", "digest"], {}, "HABEAS_SMTP_HOST is not set"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    argv: list[str], env: dict[str, str], message: str, monkeypatch: Any, capsys: Any
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
