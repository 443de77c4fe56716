"""Root of the test run: when the vnadmin being tested is an installed one (a wheel in
site-packages, e.g. the sdist's tests run against the built wheel), the doctests of
``src/`` are not collected: importing them would load a second copy of vnadmin from
``src/`` beside the installed one (pytest's import-file mismatch). The wheel's modules are
the same files, and ``tests/``, ``docs/`` and the README test the installed package."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_SRC = (Path(__file__).parent / "src").resolve()
_SPEC = importlib.util.find_spec("vnadmin")
_ORIGIN = Path(_SPEC.origin).resolve() if _SPEC is not None and _SPEC.origin else None

_INSTALLED = _ORIGIN is not None and _SRC not in _ORIGIN.parents


def pytest_ignore_collect(collection_path: Path) -> bool | None:
    """Skip ``src/`` (also when ``testpaths`` names it) when vnadmin is an installed copy."""
    if _INSTALLED and (collection_path == _SRC or _SRC in collection_path.parents):
        return True
    return None
