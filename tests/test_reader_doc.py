"""Legacy Word .doc files: the corpus through antiword, the compound-file checks, converters."""

from __future__ import annotations

import json
import re
import shutil
import struct
import sys
import types
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnadmin.errors import VnAdminError
from vnadmin.reader import ReadError, read_layout
from vnadmin.reader import doc as docmod
from vnadmin.reader.doc import read_doc
from vnadmin.reader.model import Block, Layout

FILES = Path(__file__).parent / "data" / "files"
EXPECTED = [
    e for e in json.loads((FILES / "expected.json").read_text()) if e["file"].endswith(".doc")
]
SAMPLE = (FILES / "giay-moi_45-GM-UBND-lam-dong.doc").read_bytes()
needs_antiword = pytest.mark.skipif(shutil.which("antiword") is None, reason="antiword missing")


def _column0(text: str) -> str:
    """The left column of antiword's tables (``|left  |right  |`` lines), joined."""
    cells = [line.split("|")[1] for line in text.splitlines() if line.startswith("|")]
    return " ".join(" ".join(cells).split())


@needs_antiword
@pytest.mark.parametrize("entry", EXPECTED, ids=[e["file"] for e in EXPECTED])
def test_corpus_doc_with_antiword(
    entry: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_which = shutil.which
    monkeypatch.setattr(
        docmod.shutil, "which", lambda n: None if n in ("soffice", "libreoffice") else real_which(n)
    )
    layout = read_layout(FILES / str(entry["file"]))
    assert layout.format == "doc"
    assert layout.notes == ("converted with antiword (tables drawn with |)",)
    assert len(layout.blocks) == 1
    text = layout.blocks[0].text
    header = _column0(text)
    assert str(entry["issuer"]) in header
    if entry["issuer_parent"]:
        assert str(entry["issuer_parent"]) in header
    assert re.sub(r"\s", "", str(entry["code_printed"])) in re.sub(r"\s", "", text)
    assert str(entry["signer_name"]) in text


def test_no_converter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docmod.shutil, "which", lambda name: None)
    with pytest.raises(ReadError) as info:
        read_doc(SAMPLE)
    assert info.value.reason == "converter"
    assert "antiword" in str(info.value) and "libreoffice" in str(info.value)


# --- compound files built by hand --------------------------------------------------------------


def _entry(data: bytes, name: str) -> int:
    pos = data.find(name.encode("utf-16-le") + b"\x00\x00")
    assert pos > 0 and (pos - 512) % 128 == 0
    return pos


def _renamed(data: bytes, old: str, new: str) -> bytes:
    out = bytearray(data)
    pos = _entry(data, old)
    raw = new.encode("utf-16-le") + b"\x00\x00"
    out[pos : pos + 64] = raw.ljust(64, b"\x00")
    struct.pack_into("<H", out, pos + 64, len(raw))
    return bytes(out)


def _reason(data: bytes) -> str:
    with pytest.raises(ReadError) as info:
        read_doc(data)
    return info.value.reason


def test_excel_and_other_ole2_files_are_unsupported() -> None:
    assert _reason(_renamed(SAMPLE, "WordDocument", "Workbook")) == "unsupported"
    assert _reason(_renamed(SAMPLE, "WordDocument", "Contents")) == "unsupported"


def test_encrypted_ooxml_package() -> None:
    assert _reason(_renamed(SAMPLE, "WordDocument", "EncryptedPackage")) == "encrypted"


def test_password_protected_doc() -> None:
    out = bytearray(SAMPLE)
    pos = _entry(SAMPLE, "WordDocument")
    start = struct.unpack_from("<I", SAMPLE, pos + 116)[0]
    shift = struct.unpack_from("<H", SAMPLE, 0x1E)[0]
    fib = 512 + (start << shift)
    assert struct.unpack_from("<H", SAMPLE, fib)[0] == 0xA5EC  # wIdent
    out[fib + 11] |= 0x01  # FibBase.fEncrypted
    assert _reason(bytes(out)) == "encrypted"
    out[fib + 11] &= 0xFE
    out[fib] = 0  # wIdent no longer Word's
    assert _reason(bytes(out)) == "corrupt"


@pytest.mark.parametrize("cut", [8, 512, 600, 5000, 20000])
def test_truncated_files_are_corrupt(cut: int) -> None:
    assert _reason(SAMPLE[:cut]) == "corrupt"


def test_not_ole2() -> None:
    assert _reason(b"plain text") == "unsupported"


@needs_antiword
def test_damaged_word_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        docmod.shutil, "which", lambda n: None if n != "antiword" else "/usr/bin/antiword"
    )
    out = bytearray(SAMPLE)
    out[2048:] = bytes(len(out) - 2048)
    with pytest.raises(ReadError) as info:
        read_doc(bytes(out))
    assert info.value.reason in ("corrupt", "no_text")


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_random_ole2_bytes_raise_read_errors(tail: bytes) -> None:
    with pytest.raises(ReadError):
        read_doc(docmod._OLE2 + tail)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 4095), st.integers(0, 255))
def test_changed_header_bytes_read_or_raise_read_errors(pos: int, value: int) -> None:
    """A byte of the header, the FAT or the directory changed: a layout or a VnAdminError."""
    out = bytearray(SAMPLE)
    out[pos] = value
    try:
        layout = read_doc(bytes(out))
    except VnAdminError:
        return
    assert layout.format == "doc"


# --- the LibreOffice path, with a stand-in soffice and docx reader -------------------------------


def _fake_soffice(tmp_path: Path, body: str) -> str:
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\n" + body)
    script.chmod(0o755)
    return str(script)


@pytest.fixture
def fake_docx(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    seen: list[bytes] = []
    module = types.ModuleType("vnadmin.reader.docx")

    def read_docx(data: bytes) -> Layout:
        seen.append(data)
        return Layout(blocks=(Block("ỦY BAN NHÂN DÂN"),), format="docx", notes=("docx",))

    module.read_docx = read_docx  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "vnadmin.reader.docx", module)
    return seen


def test_libreoffice_conversion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_docx: list[bytes]
) -> None:
    args = tmp_path / "args.txt"
    soffice = _fake_soffice(
        tmp_path,
        f'printf "%s\\n" "$@" > {args}\n'
        'while [ "$1" != "--outdir" ]; do shift; done\n'
        'printf "PK-docx" > "$2/input.docx"\n',
    )
    monkeypatch.setattr(docmod.shutil, "which", lambda n: soffice if n == "soffice" else None)
    layout = read_doc(SAMPLE)
    assert layout.format == "doc"
    assert layout.notes == ("docx", "converted with LibreOffice")
    assert fake_docx == [b"PK-docx"]
    passed = args.read_text().splitlines()
    assert passed[0].startswith("-env:UserInstallation=file:///")
    assert "--headless" in passed
    assert passed[passed.index("--convert-to") + 1] == "docx"
    assert passed[-1].endswith("input.doc")


def test_libreoffice_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_docx: list[bytes]
) -> None:
    soffice = _fake_soffice(tmp_path, "sleep 30\n")
    monkeypatch.setattr(docmod.shutil, "which", lambda n: soffice if n == "soffice" else None)
    monkeypatch.setattr(docmod, "_SOFFICE_TIMEOUT", 0.5)
    with pytest.raises(ReadError) as info:
        read_doc(SAMPLE)
    assert info.value.reason == "converter"


@needs_antiword
def test_libreoffice_without_output_falls_back_to_antiword(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_docx: list[bytes]
) -> None:
    soffice = _fake_soffice(tmp_path, "exit 1\n")
    real = shutil.which("antiword")
    monkeypatch.setattr(
        docmod.shutil,
        "which",
        lambda n: soffice if n == "soffice" else real if n == "antiword" else None,
    )
    layout = read_doc(SAMPLE)
    assert layout.notes == ("converted with antiword (tables drawn with |)",)
    assert "GIẤY MỜI" in layout.blocks[0].text


@needs_antiword
def test_libreoffice_without_python_docx_falls_back_to_antiword(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vnadmin._extras import MissingExtraError

    module = types.ModuleType("vnadmin.reader.docx")

    def read_docx(data: bytes) -> Layout:
        raise MissingExtraError("docx")

    module.read_docx = read_docx  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "vnadmin.reader.docx", module)
    soffice = _fake_soffice(
        tmp_path,
        'while [ "$1" != "--outdir" ]; do shift; done\nprintf "PK" > "$2/input.docx"\n',
    )
    real = shutil.which("antiword")
    monkeypatch.setattr(
        docmod.shutil,
        "which",
        lambda n: soffice if n == "soffice" else real if n == "antiword" else None,
    )
    assert read_doc(SAMPLE).notes == ("converted with antiword (tables drawn with |)",)
    monkeypatch.setattr(docmod.shutil, "which", lambda n: soffice if n == "soffice" else None)
    with pytest.raises(MissingExtraError):
        read_doc(SAMPLE)
