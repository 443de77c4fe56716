"""Optional extras: import a library that an extra installs, or say how to install it.

>>> require("json", "docx").__name__
'json'
>>> try:
...     require("vnadmin_no_such_module", "docx")
... except VnAdminError as exc:
...     print(exc)
reading this needs the optional extra 'docx' (python-docx): pip install 'vnadmin[docx]'
"""

from __future__ import annotations

import importlib
from types import ModuleType

from vnadmin.errors import VnAdminError

__all__ = ["EXTRAS", "MissingExtraError", "require"]

#: Each optional extra and the library it installs.
EXTRAS = {
    "docx": "python-docx",
    "pdf": "pdfminer.six",
    "ics": "icalendar",
    "hypothesis": "hypothesis",
    "arrow": "pyarrow",
}


class MissingExtraError(VnAdminError):
    """A feature needs an optional extra that is not installed.

    Attributes:
        extra: the extra's name (``"docx"``, ``"pdf"`` …).
        command: the command that installs it.
    """

    def __init__(self, extra: str, what: str = "reading this") -> None:
        self.extra = extra
        self.command = f"pip install 'vnadmin[{extra}]'"
        library = EXTRAS.get(extra, extra)
        super().__init__(f"{what} needs the optional extra {extra!r} ({library}): {self.command}")


def require(module: str, extra: str, what: str = "reading this") -> ModuleType:
    """Import ``module`` (installed by the optional extra ``extra``), or raise
    :class:`MissingExtraError` naming the ``pip install`` command."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(extra, what) from exc
