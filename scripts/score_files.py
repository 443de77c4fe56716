"""Score how well vnadmin reads the 27 real corpus files (tests/data/files/expected.json).

Run: ``python scripts/score_files.py [--variant VARIANT] [--files SUBSTRING] [--show-text]``.

Without ``--variant`` each file is read by ``vnadmin.read_document`` when the library has it,
otherwise through the development fallback (.docx: python-docx body order with TAB-joined
table cells; .pdf: pdfplumber page text; .doc: ``antiword -w 0``) and
``vnadmin.parse_document``. ``--fallback`` forces the fallback. With ``--variant`` the text
variant of :mod:`tests.variants` is parsed instead, over the files it applies to:

* ``tab`` — TAB-joined cells (.docx);
* ``columns`` — header and closing tables read column by column, as the composer does (.docx);
* ``antiword`` — antiword (.doc) and the antiword-like rendering of .docx;
* ``layout`` — pdfplumber ``extract_text(layout=True)`` (.pdf);
* ``portal`` / ``portal-drop`` — the portal print view of the fallback text (all files),
  the header run into one line / dropped (then code, date, issuer and issuer_parent are
  scored as not printed: right only when nothing is read for them).

Prints :func:`tests.corpus_files.report`. Exit status 0 (this is a measurement, not a test).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if str(ROOT / "src") not in sys.path:
    sys.path.insert(1, str(ROOT / "src"))

from tests import variants  # noqa: E402
from tests.corpus_files import DATA, actual_fields, load_expected, report, score  # noqa: E402

import vnadmin  # noqa: E402

TextFn = Callable[[Path], str]


def _portal(header: str) -> TextFn:
    def fn(path: Path) -> str:
        return variants.portal_view(variants.fallback_text(path), header=header)

    return fn


VARIANTS: dict[str, tuple[tuple[str, ...], TextFn]] = {
    "tab": ((".docx",), variants.tab_joined),
    "columns": ((".docx",), variants.column_order),
    "antiword": ((".doc", ".docx"), variants.antiword_text),
    "layout": ((".pdf",), variants.pdftotext_layout),
    "portal": ((".docx", ".pdf", ".doc"), _portal("run")),
    "portal-drop": ((".docx", ".pdf", ".doc"), _portal("drop")),
}


def read(path: Path, variant: str | None, fallback: bool) -> vnadmin.Document:
    """The Document of ``path``: read_document (when present and no variant is asked),
    else the variant's (or the fallback) text through parse_document."""
    if variant is None and not fallback and hasattr(vnadmin, "read_document"):
        doc: vnadmin.Document = vnadmin.read_document(path)
        return doc
    text = variants.fallback_text(path) if variant is None else VARIANTS[variant][1](path)
    return vnadmin.parse_document(text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--variant", choices=sorted(VARIANTS))
    ap.add_argument("--fallback", action="store_true", help="never use read_document")
    ap.add_argument("--files", default="", help="only files whose name contains this")
    ap.add_argument("--show-text", action="store_true", help="print each text read (variants)")
    args = ap.parse_args(argv)
    suffixes = VARIANTS[args.variant][0] if args.variant else (".docx", ".pdf", ".doc")
    rows = []
    for exp in load_expected():
        path = DATA / exp["file"]
        if path.suffix.lower() not in suffixes or args.files not in path.name:
            continue
        if args.show_text:
            fn = VARIANTS[args.variant][1] if args.variant else variants.fallback_text
            print(f"===== {path.name}\n{fn(path)}")
        try:
            doc = read(path, args.variant, args.fallback)
        except Exception as exc:  # a crash is a measurement too: every field of it is wrong
            print(f"{path.name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            doc = vnadmin.parse_document("")
        if args.variant == "portal-drop":
            # The header is not printed in this view: nothing may be read for it.
            exp = {**exp, "code": None, "date": None, "issuer": None, "issuer_parent": None}
            exp.pop("code_printed", None)
        act = actual_fields(doc)
        rows.append((exp, act, score(exp, act)))
    how = args.variant or (
        "read_document"
        if hasattr(vnadmin, "read_document") and not args.fallback
        else "fallback text (tab-joined .docx, pdfplumber .pdf, antiword .doc)"
    )
    print(report(rows, title=f"vnadmin on the corpus files — {how}"), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
