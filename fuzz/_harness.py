"""Shared parts of the atheris targets in this directory (see README.md).

A target is a script ``fuzz_<entry point>.py`` defining ``test_one_input(data: bytes)``;
run as a script it hands that function to atheris (coverage-guided, libFuzzer options on
the command line); imported (tests/test_fuzz.py) it is a plain function, and atheris is
not needed.
"""

from __future__ import annotations

import contextlib
import importlib
import pkgutil
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

try:
    import atheris
except ImportError:  # the targets still import (and run on seeds) without it
    atheris = None

SKIP = ("vnadmin.strategies", "vnadmin._hypothesis_hook", "vnadmin.__main__")


def load() -> ModuleType:
    """``vnadmin`` with every submodule imported, instrumented for coverage when atheris
    is there (and vnadmin was not imported before, as in a test run)."""
    instrument = atheris is not None and "vnadmin" not in sys.modules
    ctx: Any = atheris.instrument_imports(include=["vnadmin"]) if instrument else None
    with ctx or contextlib.nullcontext():
        import vnadmin

        for info in pkgutil.walk_packages(vnadmin.__path__, "vnadmin."):
            if not info.name.startswith(SKIP) and not info.name.endswith(".__main__"):
                importlib.import_module(info.name)
    return vnadmin


vnadmin = load()


def text(data: bytes) -> str:
    """The fuzzer's bytes as a ``str``: UTF-8 (invalid bytes replaced) when the first byte
    is even, so that mutations of real documents stay real; otherwise any code points,
    lone surrogates included (``FuzzedDataProvider.ConsumeUnicode``)."""
    if not data:
        return ""
    if data[0] % 2 == 0 or atheris is None:
        return data[1:].decode("utf-8", "replace")
    return str(atheris.FuzzedDataProvider(data[1:]).ConsumeUnicode(len(data)))


def only_vnadmin_errors(call: Callable[[], object]) -> None:
    """Run ``call``: a :class:`vnadmin.VnAdminError` is an answer; anything else escapes
    (and is a crash)."""
    with contextlib.suppress(vnadmin.VnAdminError):
        call()


def main(test_one_input: Callable[[bytes], None]) -> None:
    """Fuzz ``test_one_input`` with atheris (libFuzzer arguments from ``sys.argv``)."""
    if atheris is None:
        raise SystemExit("atheris is not installed: pip install 'vnadmin[fuzz]' (needs clang)")
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
