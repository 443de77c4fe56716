"""Read documents as users hold them: ``.docx`` drafts, signed PDFs, legacy ``.doc`` files
and text in any of the encodings Vietnamese offices used.

The first step of the pipeline: a file becomes a :class:`~vnadmin.reader.model.Layout`
(blocks with their locations), the layout becomes one text in reading order with each
column of NĐ 30's two-column header and closing read whole
(:func:`~vnadmin.reader.compose.compose`), and that text is parsed once by
:func:`vnadmin.parse_document`. The format is told from the content, never from the name.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, BinaryIO, TypeAlias

from vnadmin.errors import VnAdminError
from vnadmin.reader.model import Block, FileFormat, Layout, Location

if TYPE_CHECKING:
    from vnadmin.document import Document

__all__ = [
    "MAX_BYTES",
    "Block",
    "FileSource",
    "Layout",
    "Location",
    "ReadError",
    "detect_format",
    "read_bytes",
    "read_document",
    "read_documents",
    "read_layout",
]

#: Files larger than this are refused (``max_bytes=`` raises or lowers it).
MAX_BYTES = 50_000_000

#: What the readers accept: a path, the file's bytes, or a binary file object.
FileSource: TypeAlias = "str | os.PathLike[str] | bytes | bytearray | memoryview | BinaryIO"

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class ReadError(VnAdminError):
    """A file could not be read (corrupt, encrypted, no text layer, too large …).

    Attributes:
        reason: a stable code: ``"too_large"``, ``"not_found"``, ``"corrupt"``,
            ``"encrypted"``, ``"no_text"``, ``"unsupported"``, ``"converter"``.
    """

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def read_bytes(source: FileSource, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of ``source`` (a path, bytes or a binary file), at most ``max_bytes``."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif isinstance(source, (str, os.PathLike)):
        try:
            with open(source, "rb") as fh:
                data = fh.read(max_bytes + 1)
        except FileNotFoundError:
            raise ReadError(f"no such file: {os.fspath(source)}", reason="not_found") from None
        except IsADirectoryError:
            raise ReadError(f"is a directory: {os.fspath(source)}", reason="not_found") from None
        except OSError as exc:
            raise ReadError(f"cannot read {os.fspath(source)}: {exc}", reason="not_found") from exc
    elif hasattr(source, "read"):
        try:
            data = source.read(max_bytes + 1)
        except (OSError, ValueError) as exc:
            raise ReadError(f"cannot read the file: {exc}", reason="not_found") from exc
        if not isinstance(data, (bytes, bytearray)):
            raise ReadError("the file object must be opened in binary mode", reason="unsupported")
        data = bytes(data)
    else:
        raise ReadError(
            f"expected a path, bytes or a binary file, not {type(source).__name__}",
            reason="unsupported",
        )
    if len(data) > max_bytes:
        raise ReadError(
            f"the file is larger than {max_bytes} bytes (raise max_bytes= to read it)",
            reason="too_large",
        )
    return data


def detect_format(data: bytes) -> FileFormat:
    """The format of a file from its first bytes: ``"docx"`` (a zip holding
    ``word/document.xml``), ``"pdf"``, ``"doc"`` (an OLE2 compound file) or ``"text"``.

    >>> detect_format(b"%PDF-1.7 ..."), detect_format(_OLE2 + bytes(8)), detect_format(b"abc")
    ('pdf', 'doc', 'text')
    """
    head = data[:1024]
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "docx"
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(_OLE2):
        return "doc"
    return "text"


def _reader(fmt: FileFormat) -> Callable[..., Layout]:
    if fmt == "docx":
        from vnadmin.reader.docx import read_docx

        return read_docx
    if fmt == "pdf":
        from vnadmin.reader.pdf import read_pdf

        return read_pdf
    if fmt == "doc":
        from vnadmin.reader.doc import read_doc

        return read_doc
    from vnadmin.reader.plain import read_text

    return read_text


def read_layout(
    source: FileSource, *, encoding: str | None = None, max_bytes: int = MAX_BYTES
) -> Layout:
    """Read a file into its :class:`Layout`, dispatching on its content.

    ``encoding`` forces the text encoding of a text file (``"utf-8"``, ``"cp1258"``,
    ``"tcvn3"``, ``"vni"`` …); without it the encoding is detected. Raises
    :class:`ReadError` (a :class:`~vnadmin.VnAdminError`) for a file that cannot be read,
    and :class:`~vnadmin.MissingExtraError` naming the ``pip install`` command when the
    format needs an optional extra that is not installed.
    """
    data = read_bytes(source, max_bytes=max_bytes)
    fmt = detect_format(data)
    if fmt == "text":
        from vnadmin.reader.plain import read_text

        return read_text(data, encoding=encoding)
    return _reader(fmt)(data)


def read_documents(
    source: FileSource, *, encoding: str | None = None, max_bytes: int = MAX_BYTES
) -> tuple[Document, ...]:
    """Every document in a file (a letter with its attachments, several letters in one
    PDF), each parsed from its own blocks (:func:`~vnadmin.reader.compose.split_documents`).

    Each :class:`~vnadmin.Document` keeps its blocks in :attr:`~vnadmin.Document.file`:
    ``doc.locate("code")`` says where the số, ký hiệu sits in the file. Arguments and
    errors as for :func:`read_layout`.
    """
    return _documents(read_layout(source, encoding=encoding, max_bytes=max_bytes))


def _documents(layout: Layout) -> tuple[Document, ...]:
    """The documents of a layout (see :func:`read_documents`)."""
    import attrs

    from vnadmin.document import parse_document
    from vnadmin.reader.columns import normalize_document
    from vnadmin.reader.compose import compose, split_documents

    docs = []
    for k, part in enumerate(split_documents(layout)):
        composed = compose(part)
        nt = normalize_document(composed.text, columns=composed.flat)
        doc = attrs.evolve(parse_document(nt), file=composed)
        sig = doc.signature
        if k == 0 and sig is not None and not sig.signer_name and layout.signers:
            # The name printed only in the signature's appearance (a digitally signed
            # PDF): taken from the signature field, with an empty span where the block ends.
            end = sig.span[1]
            sig = attrs.evolve(sig, signer_name=layout.signers[0], name_span=(end, end))
            doc = attrs.evolve(doc, signatures=(sig, *doc.signatures[1:]))
        docs.append(doc)
    return tuple(docs)


def read_document(
    source: FileSource, *, encoding: str | None = None, max_bytes: int = MAX_BYTES
) -> Document:
    """The (first) document in a file: a ``.docx``, a PDF with a text layer, a Word 97
    ``.doc`` or text in UTF-8/UTF-16, cp1258, TCVN3 or VNI, told apart by content.

    ``source`` is a path, the file's bytes or a binary file object. The text of the
    returned document is the file's text in reading order, each column of the two-column
    header and closing read whole; spans point into it and
    :meth:`~vnadmin.Document.locate` maps them back into the file. Raises
    :class:`ReadError` for a file that cannot be read, :class:`~vnadmin.MissingExtraError`
    when an optional extra is needed (the message names the ``pip install`` command).
    """
    return read_documents(source, encoding=encoding, max_bytes=max_bytes)[0]
