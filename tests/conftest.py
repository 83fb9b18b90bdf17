"""Shared fixtures: where the shared evaluation material lives, when it is there."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def shared_dir() -> Path:
    """../shared beside the repository (CI has it; a user's clone does not)."""
    if not (SHARED / "eval").is_dir():
        pytest.skip("../shared/eval is absent: the shared evaluation set is not beside this clone")
    return SHARED
