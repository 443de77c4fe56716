"""What the commands read: files, directories and stdin; the line index of a text."""

from __future__ import annotations

import argparse
import bisect
import fnmatch
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from vnadmin.errors import VnAdminError

if TYPE_CHECKING:
    from vnadmin.document import Document

__all__ = [
    "DEFAULT_INCLUDE",
    "EXTENSIONS",
    "MAX_BYTES",
    "PROGRESS_MIN_FILES",
    "InputError",
    "Lines",
    "documents",
    "expand",
    "read_text",
]

#: The default cap on the bytes read from one input file (``--max-bytes`` changes it).
MAX_BYTES = 50_000_000

#: The glob patterns a directory's files are matched against (``--include`` or the
#: configuration's ``include`` replace them); a file named on the command line is read
#: whatever its name.
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.docx", "*.doc", "*.pdf")

#: The extensions of :data:`DEFAULT_INCLUDE`.
EXTENSIONS = tuple(p[1:] for p in DEFAULT_INCLUDE)

#: A progress indicator is shown (on a terminal's stderr only) from this many files on.
PROGRESS_MIN_FILES = 20


class InputError(VnAdminError):
    """A file given on the command line cannot be read or decoded, or is too large."""


def read_text(path: str, max_bytes: int = MAX_BYTES) -> str:
    """Read a text file (``-`` = stdin) as UTF-8 or UTF-16 (by BOM); strip a BOM.

    At most ``max_bytes`` are read: a longer input raises :class:`InputError` (and so
    does an endless one: ``/dev/zero``, a FIFO), without reading the rest."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            with open(path, "rb") as f:
                data = f.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    except MemoryError:
        raise InputError(f"cannot read {path}: not enough memory for {max_bytes} bytes") from None
    if len(data) > max_bytes:
        raise InputError(
            f"{path} is larger than {max_bytes} bytes (the cap); give --max-bytes N to read more"
        )
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"cannot decode {path} as {encoding.upper()} (byte {exc.start}); "
            "save it as UTF-8 or UTF-16"
        ) from None


def _matches(name: str, rel: str, patterns: Sequence[str]) -> bool:
    """Whether a file matches one of the glob ``patterns`` (case-insensitive): a pattern
    with a ``/`` is matched against the path below the directory given, else the name."""
    name, rel = name.lower(), rel.lower()
    for p in patterns:
        p = p.lower()
        if "/" in p:
            p = p.removeprefix("./")
            if fnmatch.fnmatchcase(rel, p) or (
                p.startswith("**/") and fnmatch.fnmatchcase(rel, p[3:])
            ):
                return True
        elif fnmatch.fnmatchcase(name, p):
            return True
    return False


def expand(paths: Sequence[str], include: Sequence[str] = DEFAULT_INCLUDE) -> list[str]:
    """The files named, each directory replaced by its files that match ``include``
    (sorted, recursively, hidden entries skipped); a file named twice is read once."""
    result: list[str] = []
    seen: set[str] = set()
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in files:
                    full = os.path.join(root, f)
                    rel = os.path.relpath(full, path).replace(os.sep, "/")
                    if not f.startswith(".") and _matches(f, rel, include):
                        found.append(full)
            new = sorted(found)
        else:
            new = [path]
        for p in new:
            if p == "-" or p not in seen:
                seen.add(p)
                result.append(p)
    return result


def _read(path: str, args: argparse.Namespace) -> Document:
    """The document in ``path`` (``-`` = stdin): a .docx, PDF, .doc or text file, told
    apart by content (:func:`vnadmin.read_document`)."""
    from vnadmin.reader import ReadError, read_document

    if path == "-":
        try:
            data = sys.stdin.buffer.read(args.max_bytes + 1)
        except OSError as exc:
            raise InputError(f"cannot read stdin: {exc.strerror or exc}") from None
        if len(data) > args.max_bytes:
            raise InputError(
                f"stdin is larger than {args.max_bytes} bytes (the cap); give --max-bytes N"
            )
        source: Any = data
    else:
        source = path
    try:
        return read_document(source, encoding=args.encoding, max_bytes=args.max_bytes)
    except ReadError as exc:
        if exc.reason == "too_large":
            raise InputError(
                f"{path} is larger than {args.max_bytes} bytes (the cap); "
                "give --max-bytes N to read more"
            ) from None
        raise InputError(f"{path}: {exc}") from None
    except InputError:
        raise
    except VnAdminError as exc:
        raise InputError(f"{path}: {exc}") from None


class Lines:
    """Line and column of offsets in one text: the line starts are found once (one pass
    over the text), then each offset by a bisection."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        self.length = len(text)
        pos = text.find("\n")
        while pos != -1:
            self.starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def __call__(self, offset: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of ``offset`` (clamped into the text)."""
        offset = max(0, min(offset, self.length))
        k = bisect.bisect_right(self.starts, offset) - 1
        return k + 1, offset - self.starts[k] + 1


class _Progress:
    """``[k/n] file`` on stderr, rewritten in place; only on a terminal, for long batches."""

    def __init__(self, total: int) -> None:
        stream = sys.stderr
        isatty = getattr(stream, "isatty", None)
        self.on = total >= PROGRESS_MIN_FILES and callable(isatty) and bool(isatty())
        self.total = total
        self.width = 0
        out_isatty = getattr(sys.stdout, "isatty", None)
        # (on a terminal that also shows the output, the line goes before each file's)
        self.shared = callable(out_isatty) and bool(out_isatty())

    def show(self, k: int, path: str) -> None:
        if self.on:
            line = f"[{k}/{self.total}] {path}"[:79]
            sys.stderr.write("\r" + line.ljust(self.width))
            sys.stderr.flush()
            self.width = len(line)

    def clear(self) -> None:
        if self.on and self.width:
            sys.stderr.write("\r" + " " * self.width + "\r")
            sys.stderr.flush()
            self.width = 0


def documents(args: argparse.Namespace) -> Iterator[tuple[str, Document]]:
    """Each document of ``args.files`` (directories expanded with ``args.include``); a
    file that cannot be read is reported on stderr and skipped (``args.input_errors``
    counts them: the command then exits 2 after the others). ``args.file_count`` is the
    number of files."""
    paths = expand(args.files, args.include)
    args.file_count = len(paths)
    progress = _Progress(len(paths))
    try:
        for k, path in enumerate(paths, 1):
            progress.show(k, path)
            try:
                doc = _read(path, args)
            except VnAdminError as exc:
                progress.clear()
                sys.stderr.write(f"vnadmin: error: {exc}\n")
                args.input_errors = getattr(args, "input_errors", 0) + 1
                args.bad_files = [*getattr(args, "bad_files", []), (path, str(exc))]
                continue
            if progress.shared:
                progress.clear()
            yield path, doc
    finally:
        progress.clear()
