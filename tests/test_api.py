"""The public namespace: lazy, complete, and told the same way to type checkers."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import vnadmin

INIT = Path(vnadmin.__file__)


def _type_checking_imports() -> dict[str, str]:
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    block = next(
        n for n in tree.body if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING"
    )
    found: dict[str, str] = {}
    for node in block.body:
        assert isinstance(node, ast.ImportFrom)
        assert node.module is not None
        for alias in node.names:
            name = alias.asname or alias.name
            if node.module == "vnadmin":
                found[name] = f"vnadmin.{alias.name}"
            elif alias.name == name:
                found[name] = node.module
            else:
                found[name] = f"{node.module}:{alias.name}"
    return found


def test_lazy_table_matches_the_imports_type_checkers_see() -> None:
    lazy = dict(vnadmin._EXPORTS)
    lazy.update({name: f"vnadmin.{name}" for name in vnadmin._SUBMODULES})
    assert _type_checking_imports() == lazy


def test_every_public_name_resolves() -> None:
    missing = [name for name in vnadmin.__all__ if not hasattr(vnadmin, name)]
    assert missing == []
    assert len(set(vnadmin.__all__)) == len(vnadmin.__all__)
    assert set(vnadmin._EXPORTS) | vnadmin._SUBMODULES <= set(vnadmin.__all__)


def test_functions_are_not_shadowed_by_submodules() -> None:
    import vnadmin.linter  # importing a submodule binds its name on the package

    assert callable(vnadmin.lint)
    assert vnadmin.lint.__module__ == "vnadmin.linter"


def test_import_loads_no_submodule() -> None:
    code = (
        "import sys, vnadmin; "
        "print(sorted(m for m in sys.modules if m.startswith(('vnadmin.', 'cattrs', 'hypothesis'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        vnadmin.no_such_name  # noqa: B018
