"""HABEAS_* settings: defaults, loud failures on bad values, and documentation."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from habeas import config
from habeas.errors import InputError

REPO = Path(__file__).resolve().parents[2]


def test_defaults_put_everything_under_the_data_directory(tmp_path: Path) -> None:
    cfg = config.load_config({"HABEAS_HOME": str(tmp_path)})

    assert cfg.database_url == f"sqlite:///{tmp_path}/habeas.sqlite3"
    assert config.sqlite_path(cfg.database_url) == tmp_path / "habeas.sqlite3"
    assert (cfg.max_bytes, cfg.allow_private_fetch) == (10_000_000, False)
    assert cfg.snapshot_dir == tmp_path / "snapshots"


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("HABEAS_MAX_BYTES", "ten", "HABEAS_MAX_BYTES must be a whole number, not 'ten'"),
        ("HABEAS_MAX_BYTES", "0", "HABEAS_MAX_BYTES must be between 1 and"),
        ("HABEAS_ALLOW_PRIVATE_FETCH", "maybe", "HABEAS_ALLOW_PRIVATE_FETCH must be true or false"),
        ("HABEAS_POLL_MINUTES", "90", "HABEAS_POLL_MINUTES must be between 1 and 60, not 90"),
        ("HABEAS_EXTRACTOR", "gpt", "HABEAS_EXTRACTOR must be rules, llm, combined or module"),
    ],
)
def test_a_bad_value_names_the_variable(name: str, value: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        config.load_config({name: value})


def test_only_sqlite_urls_for_now() -> None:
    with pytest.raises(InputError, match="must be a sqlite:///path URL"):
        config.sqlite_path("postgres://db/habeas")


def test_every_setting_is_documented() -> None:
    names = [f"HABEAS_{f.name.upper()}" for f in dataclasses.fields(config.Config)]
    guide = (REPO / "docs" / "capture.md").read_text(encoding="utf-8")
    assert config.__doc__ is not None
    missing = [n for n in names if n not in config.__doc__ or f"`{n}`" not in guide]
    assert missing == []
