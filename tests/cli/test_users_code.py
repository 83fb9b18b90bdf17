"""`habeas users code SECRET`: the current TOTP code, checked against RFC 6238's test vector."""

import pytest

from habeas.cli.main import main
from habeas.cli.users import totp_code

# RFC 6238, appendix B: the ASCII key "12345678901234567890", SHA-1, at T = 59 s.
RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"


def test_the_rfc_test_vector() -> None:
    assert totp_code(RFC_SECRET, at=59) == "287082"
    assert totp_code(RFC_SECRET, at=1111111109) == "081804"


def test_the_command_prints_six_digits(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["users", "code", RFC_SECRET]) == 0
    out = capsys.readouterr().out.strip()
    assert len(out) == 6 and out.isdigit()


def test_a_bad_secret_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["users", "code", "not base32!"]) == 2
    assert "base32" in capsys.readouterr().err
