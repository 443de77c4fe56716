"""Read a plain-text file: decode it (:func:`vnadmin.reader.encodings.decode`) into one block.

The text's line structure is kept in the block and recovered later by the parser.

>>> layout = read_text("Số: 12/QĐ-UBND".encode())
>>> layout.format, layout.encoding, layout.blocks[0].location.kind
('text', 'utf-8', 'paragraph')
>>> read_text(b"S\\xe8: 12/Q\\xa7-UBND").blocks[0].text
'Số: 12/QĐ-UBND'
"""

from __future__ import annotations

from vnadmin.reader.encodings import decode
from vnadmin.reader.model import Block, Layout, Location

__all__ = ["read_text"]


def read_text(data: bytes, *, encoding: str | None = None) -> Layout:
    """The :class:`~vnadmin.reader.Layout` of a text file: one block holding the whole
    decoded text (``encoding`` forces the encoding, see
    :func:`~vnadmin.reader.encodings.decode`).

    Bytes holding NUL characters that are not UTF-16 are a binary file: a
    :class:`~vnadmin.reader.ReadError` with reason ``"unsupported"``. Trailing NUL
    padding is dropped.
    """
    from vnadmin.reader import ReadError

    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise ReadError(f"expected bytes, not {type(data).__name__}", reason="unsupported")
    stripped = data.rstrip(b"\x00")
    if len(stripped) % 2:  # keep a UTF-16 text's last code unit whole
        stripped = data[: len(stripped) + 1]
    decoded = decode(stripped, encoding)
    if "\x00" in decoded.text and not decoded.encoding.startswith("utf-16"):
        raise ReadError("the file holds NUL bytes: a binary file, not text", reason="unsupported")
    block = Block(decoded.text, Location(kind="paragraph", paragraph=0))
    return Layout(
        blocks=(block,),
        format="text",
        encoding=decoded.encoding,
        repairs=decoded.repairs,
        notes=decoded.notes,
    )
