"""Writing documents back: canonical text, Word files laid out as NĐ 30/2020/NĐ-CP
prescribes, and safe fixes.

* :func:`format_document` — the canonical text of a :class:`~vnadmin.Document`
  (:mod:`vnadmin.document`);
* :func:`render_docx` — a ``.docx`` of a :class:`~vnadmin.Document` or a :class:`Draft`
  (NĐ 30, Phụ lục I; the ``docx`` extra), with its values in :mod:`vnadmin.writing.layout`;
* :func:`fix` — every safe fix applied to a text or a ``.docx``, each recorded as a
  :class:`Fix`; :func:`run_fix` is the command ``vnadmin lint --fix``.
"""

from __future__ import annotations

from vnadmin.document import format_document
from vnadmin.writing.docx import render_docx
from vnadmin.writing.draft import Draft
from vnadmin.writing.fixes import FIXABLE, Fix, fix, run_fix

__all__ = ["FIXABLE", "Draft", "Fix", "fix", "format_document", "render_docx", "run_fix"]
