"""Read a legacy Word 97–2003 ``.doc`` file (an OLE2 compound file) through a converter.

With LibreOffice (``soffice``) on the ``PATH`` the file is converted to ``.docx`` and read by
:func:`vnadmin.reader.docx.read_docx`, which keeps tables and cells; otherwise ``antiword``
gives its text (tables drawn with ``|``), one block. The compound file's directory is read
first (MS-CFB) so that an encrypted file, or an OLE2 file that is not a Word document
(an ``.xls``), is told apart before any converter runs.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import shutil
import signal
import struct
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import attrs

from vnadmin._extras import MissingExtraError
from vnadmin.errors import VnAdminError
from vnadmin.reader.model import Block, Layout, Location

__all__ = ["read_doc"]

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FREE, _END = 0xFFFFFFFF, 0xFFFFFFFE
_SOFFICE_TIMEOUT = 60.0
_ANTIWORD_TIMEOUT = 30.0
#: The converted text kept at most (characters); a longer one is cut, with a note.
MAX_TEXT = 20_000_000

_INSTALL = "install antiword (apt install antiword) or LibreOffice (apt install libreoffice)"


def _error(message: str, reason: str) -> Exception:
    from vnadmin.reader import ReadError

    return ReadError(message, reason=reason)


# --- the compound file (MS-CFB) ---------------------------------------------------------


@attrs.frozen
class _Compound:
    streams: dict[str, tuple[int, int]]  # name (any depth) -> (start sector, size)
    fat: list[int]
    sector_size: int


def _streams(data: bytes) -> _Compound:
    """The compound file's directory. Raises ``ValueError``/``struct.error`` on a
    malformed file."""
    if len(data) < 512 or not data.startswith(_OLE2):
        raise ValueError("not an OLE2 compound file")
    shift = struct.unpack_from("<H", data, 0x1E)[0]
    if shift not in (9, 12):
        raise ValueError("bad sector size")
    size = 1 << shift
    n_fat, first_dir = struct.unpack_from("<II", data, 0x2C)
    first_difat, n_difat = struct.unpack_from("<II", data, 0x44)
    n_sectors = (len(data) - 512 + size - 1) // size
    if n_fat > n_sectors + 1:
        raise ValueError("FAT larger than the file")

    def sector(i: int) -> bytes:
        if i >= n_sectors:
            raise ValueError("sector outside the file")
        off = 512 + i * size
        return data[off : off + size]

    fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C) if s != _FREE]
    nxt, seen = first_difat, 0
    while nxt not in (_FREE, _END) and seen <= min(n_difat, n_sectors) and len(fat_sectors) < n_fat:
        block = sector(nxt)
        entries = struct.unpack(f"<{size // 4}I", block)
        fat_sectors.extend(s for s in entries[:-1] if s != _FREE)
        nxt, seen = entries[-1], seen + 1
    fat: list[int] = []
    for s in fat_sectors[:n_fat]:
        fat.extend(struct.unpack(f"<{size // 4}I", sector(s)))

    def chain(start: int) -> list[int]:
        out: list[int] = []
        cur = start
        while cur not in (_FREE, _END):
            if cur >= len(fat) or len(out) > n_sectors:
                raise ValueError("broken sector chain")
            out.append(cur)
            cur = fat[cur]
        return out

    directory = b"".join(sector(s) for s in chain(first_dir))
    streams: dict[str, tuple[int, int]] = {}
    for off in range(0, len(directory) - 127, 128):
        entry = directory[off : off + 128]
        name_len = struct.unpack_from("<H", entry, 64)[0]
        kind = entry[66]
        if kind != 2 or not 2 <= name_len <= 64:  # 2: a stream
            continue
        name = entry[: name_len - 2].decode("utf-16-le", errors="replace")
        start, length = struct.unpack_from("<II", entry, 116)
        streams.setdefault(name, (start, length))
    return _Compound(streams, fat, size)


def _word_flags(data: bytes, cf: _Compound) -> tuple[int, int] | None:
    """(wIdent, flags) from the WordDocument stream's FIB ([MS-DOC] 2.5.2 FibBase), or
    None when the stream is small enough to sit in the mini stream (left to the
    converter)."""
    start, length = cf.streams["WordDocument"]
    if length < 4096:
        return None
    if start >= len(cf.fat):
        raise ValueError("WordDocument stream outside the file")
    off = 512 + start * cf.sector_size
    head = data[off : off + 12]
    if len(head) < 12:
        raise ValueError("WordDocument stream outside the file")
    ident, _nfib, _unused, _lid, _pn_next, flags = struct.unpack("<HHHHHH", head)
    return ident, flags


def _check(data: bytes) -> None:
    """Raise the ReadError a non-Word, encrypted or broken compound file deserves."""
    try:
        cf = _streams(data)
    except (ValueError, struct.error, IndexError) as exc:
        raise _error(f"the .doc file is damaged: {exc}", "corrupt") from None
    streams = cf.streams
    if "EncryptedPackage" in streams or "EncryptionInfo" in streams:
        raise _error("the file is password-protected (an encrypted Office file)", "encrypted")
    if "WordDocument" not in streams:
        kind = (
            "an Excel workbook"
            if "Workbook" in streams or "Book" in streams
            else "a PowerPoint presentation"
            if "PowerPoint Document" in streams
            else "not a Word document"
        )
        raise _error(f"the OLE2 file is {kind}, not a Word .doc", "unsupported")
    try:
        fib = _word_flags(data, cf)
    except (ValueError, struct.error) as exc:
        raise _error(f"the .doc file is damaged: {exc}", "corrupt") from None
    if fib is None:
        return
    ident, flags = fib
    if ident not in (0xA5EC, 0xA5DC):  # Word 97-2003, Word 6/95
        raise _error("the WordDocument stream is not a Word document", "corrupt")
    if flags & 0x0100:  # fEncrypted
        raise _error("the .doc file is password-protected", "encrypted")


# --- converters ----------------------------------------------------------------------------


def _run(args: list[str], timeout: float, cwd: str, stdout: Path | None = None) -> int:
    """Run a converter (argument list, no shell) in its own process group, killed whole
    on timeout. Returns its exit status; raises ReadError("converter") on timeout."""
    out = open(stdout, "wb") if stdout is not None else subprocess.DEVNULL  # noqa: SIM115
    try:
        proc = subprocess.Popen(
            args,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            return proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(OSError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise _error(
                f"{Path(args[0]).name} did not finish within {timeout:.0f} s", "converter"
            ) from None
    except OSError as exc:
        raise _error(f"cannot run {args[0]}: {exc}", "converter") from exc
    finally:
        if stdout is not None:
            out.close()  # type: ignore[union-attr]


def _with_libreoffice(soffice: str, data: bytes) -> Layout | None:
    """The layout of the file converted to .docx, or None when the docx reader is missing
    or the conversion produced nothing."""
    try:  # the docx reader, once it is there
        module = importlib.import_module("vnadmin.reader.docx")
    except ImportError:
        return None
    read_docx: Callable[[bytes], Layout] = module.read_docx
    with tempfile.TemporaryDirectory(prefix="vnadmin-doc-") as tmp:
        src = Path(tmp, "input.doc")
        src.write_bytes(data)
        outdir = Path(tmp, "out")
        outdir.mkdir()
        profile = Path(tmp, "profile").as_uri()
        _run(
            [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                "docx",
                "--outdir",
                str(outdir),
                str(src),
            ],
            _SOFFICE_TIMEOUT,
            tmp,
        )
        converted = outdir / "input.docx"
        if not converted.is_file():
            return None
        layout = read_docx(converted.read_bytes())
    return attrs.evolve(layout, format="doc", notes=(*layout.notes, "converted with LibreOffice"))


def _with_antiword(antiword: str, data: bytes) -> Layout:
    with tempfile.TemporaryDirectory(prefix="vnadmin-doc-") as tmp:
        src = Path(tmp, "input.doc")
        src.write_bytes(data)
        out = Path(tmp, "out.txt")
        status = _run(
            [antiword, "-m", "UTF-8.txt", "-w", "0", str(src)], _ANTIWORD_TIMEOUT, tmp, out
        )
        with open(out, "rb") as fh:
            raw = fh.read(MAX_TEXT * 4 + 1)
    if status != 0:
        raise _error(f"antiword could not read the .doc file (exit status {status})", "corrupt")
    text = raw.decode("utf-8", errors="replace")
    notes = ["converted with antiword (tables drawn with |)"]
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT]
        notes.append(f"the text was cut at {MAX_TEXT:,} characters")
    if not text.strip():
        raise _error("the .doc file holds no text", "no_text")
    block = Block(text, Location(kind="paragraph", paragraph=0))
    return Layout(blocks=(block,), format="doc", notes=tuple(notes))


def read_doc(data: bytes) -> Layout:
    """The :class:`~vnadmin.reader.Layout` of a Word 97–2003 ``.doc`` file.

    Converts with LibreOffice (``soffice``/``libreoffice`` on the ``PATH``: ``.docx``, then
    the docx reader, note ``"converted with LibreOffice"``) or else ``antiword`` (one block
    with the whole text, tables drawn with ``|``). Raises
    :class:`~vnadmin.reader.ReadError`: ``"encrypted"`` (password-protected),
    ``"unsupported"`` (an OLE2 file that is not Word, e.g. ``.xls``), ``"corrupt"``,
    ``"no_text"``, or ``"converter"`` (no converter installed, or it timed out).

    >>> read_doc(b"not a doc")
    Traceback (most recent call last):
    ...
    vnadmin.reader.ReadError: not an OLE2 compound file (Word 97-2003 .doc)
    """
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise _error(f"expected bytes, not {type(data).__name__}", "unsupported")
    if not data.startswith(_OLE2):
        raise _error("not an OLE2 compound file (Word 97-2003 .doc)", "unsupported")
    _check(data)
    from vnadmin.reader import ReadError

    failure: VnAdminError | None = None
    try:
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is not None:
            try:
                layout = _with_libreoffice(soffice, data)
            except ReadError as exc:  # timed out: antiword may still read it
                if exc.reason != "converter":
                    raise
                failure = exc
            except MissingExtraError as exc:  # no python-docx: antiword may still read it
                failure = exc
            else:
                if layout is not None:
                    return layout
                failure = ReadError("LibreOffice could not convert the file", reason="converter")
        antiword = shutil.which("antiword")
        if antiword is not None:
            return _with_antiword(antiword, data)
    except VnAdminError:
        raise
    except Exception as exc:  # a converter's or the docx reader's own failure
        raise _error(f"the .doc file could not be converted: {exc}", "corrupt") from exc
    if failure is not None:
        raise failure
    raise _error(f"reading a .doc file needs a converter: {_INSTALL}", "converter")
