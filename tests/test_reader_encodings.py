"""Legacy Vietnamese encodings: the tables, detection, forced encodings, plain-text files."""

from __future__ import annotations

import codecs
import threading
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnadmin._tables import read_table
from vnadmin.errors import VnAdminError
from vnadmin.reader import ReadError, read_layout
from vnadmin.reader import encodings as enc
from vnadmin.reader.encodings import decode, encode_legacy, is_vietnamese_syllable
from vnadmin.reader.plain import read_text

TEXTS = Path(__file__).parent / "data" / "texts"
TONES = "\u0300\u0301\u0303\u0309\u0323"


def _letters() -> list[str]:
    """The 134 Vietnamese letters that are not ASCII (67 small, 67 capital)."""
    out: set[str] = set()
    for v in "aăâeêioôơuưy":
        for t in ["", *TONES]:
            for base in (v, v.upper()):
                out.add(unicodedata.normalize("NFC", base + t))
    out -= set("aeiouyAEIOUY")
    out |= {"đ", "Đ"}
    return sorted(out)


LETTERS = _letters()


def _paragraphs() -> list[str]:
    out = []
    for path in sorted(TEXTS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = unicodedata.normalize("NFC", line.strip())
            if len(line) >= 20 and not line.isascii():
                out.append(line)
    return out


PARAGRAPHS = _paragraphs()


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 as Word wrote it: precomposed where the code page has the letter, else
    the base letter (with its circumflex, breve or horn) and a combining tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            nfd = unicodedata.normalize("NFD", ch)
            tone = "".join(c for c in nfd if c in TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in TONES))
            out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def _encodable(text: str, name: str) -> bool:
    try:
        encode_legacy(text, name)
    except ReadError:
        return False
    return True


# --- the tables ----------------------------------------------------------------------------


def test_table_covers_every_letter_once() -> None:
    rows = read_table("legacy_encodings.tsv")
    tcvn3 = [r for r in rows if r["encoding"] == "tcvn3"]
    vni = [r for r in rows if r["encoding"] == "vni"]
    # TCVN 5712:1993 VN3: the 67 small letters and the capitals Ă Â Ê Ô Ơ Ư Đ
    assert len(tcvn3) == 74
    assert {r["char"] for r in tcvn3 if r["char"].isupper()} == set("ĂÂÊÔƠƯĐ")
    assert {r["char"] for r in tcvn3 if r["char"].islower()} == {c for c in LETTERS if c.islower()}
    assert sorted(r["char"] for r in vni) == LETTERS
    for r in rows:
        assert unicodedata.name(r["char"]) == r["name"]
        assert unicodedata.is_normalized("NFC", r["char"])
    assert len({r["bytes"] for r in tcvn3}) == 74
    assert len({r["bytes"] for r in vni}) == len(vni)


@pytest.mark.parametrize(
    ("text", "name", "raw"),
    [
        ("Việt Nam", "vni", b"Vie\xe4t Nam"),
        ("người", "vni", b"ng\xf6\xf4\xf8i"),
        ("ỦY BAN", "vni", b"U\xdbY BAN"),
        ("Đồng", "vni", b"\xd1o\xe0ng"),
        ("quyết định", "tcvn3", b"quy\xd5t \xae\xdenh"),
        ("nhân dân", "tcvn3", b"nh\xa9n d\xa9n"),
        ("Đồng", "tcvn3", b"\xa7\xe5ng"),
    ],
)
def test_known_byte_values(text: str, name: str, raw: bytes) -> None:
    assert encode_legacy(text, name) == raw
    assert decode(raw, name).text == text


@pytest.mark.parametrize("name", ["tcvn3", "vni"])
def test_every_letter_round_trips(name: str) -> None:
    for ch in LETTERS:
        got = decode(encode_legacy(ch, name), name).text
        assert got == (ch.lower() if name == "tcvn3" and ch not in "ĂÂÊÔƠƯĐ" else ch)


def test_cp1258_every_letter_round_trips() -> None:
    for ch in LETTERS:
        d = decode(encode_cp1258(ch), "windows-1258")
        assert d.text == ch
        assert d.encoding == "cp1258"


# --- round trips and detection of real text -------------------------------------------------


@pytest.mark.parametrize("name", ["cp1258", "vni"])
def test_paragraphs_round_trip_exactly(name: str) -> None:
    for p in PARAGRAPHS[:300]:
        raw = encode_cp1258(p) if name == "cp1258" else encode_legacy(p, name)
        d = decode(raw, name)
        assert d.text == p
        assert unicodedata.is_normalized("NFC", d.text)
        assert d.repairs[0].kind == "encoding"
        assert d.repairs[0].span == (0, len(d.text))


def test_tcvn3_paragraphs_round_trip_up_to_capitals() -> None:
    """VN3 has no codes for most toned capitals: the text comes back right but for the
    case of those letters, and capitals are restored inside words set in capitals."""
    exact = 0
    tested = [p for p in PARAGRAPHS if _encodable(p, "tcvn3")]
    for p in tested:
        d = decode(encode_legacy(p, "tcvn3"), "tcvn3")
        assert d.text.lower() == p.lower()
        exact += d.text == p
    assert exact / len(tested) >= 0.9


def test_capitals_restored_from_context() -> None:
    d = decode(b"B\xe9 C\xabNG AN\n\xf1Y BAN NH\xa9N D\xa9N T\xd8NH\nB\xe9 T\xad ph\xb8p", "tcvn3")
    assert d.text == "BỘ CÔNG AN\nỦY BAN NHÂN DÂN TỈNH\nBộ Tư pháp"
    cases = [r for r in d.repairs if r.kind == "case"]
    assert cases[0].span == (0, 2)
    assert (cases[0].before, cases[0].after) == ("Bộ", "BỘ")
    for r in cases:
        assert d.text[r.span[0] : r.span[1]] == r.after


def test_detection_accuracy() -> None:
    """Each paragraph of the text corpus, alone, in each legacy encoding: ≥ 99 % told right."""
    total = right = 0
    for p in PARAGRAPHS:
        for name in ("cp1258", "tcvn3", "vni"):
            if name != "cp1258" and not _encodable(p, name):
                continue
            raw = encode_cp1258(p) if name == "cp1258" else encode_legacy(p, name)
            d = decode(raw)
            total += 1
            if d.encoding == name:
                right += 1
                expected = p if name != "tcvn3" else d.text
                assert d.text == expected
                if name == "tcvn3":
                    assert d.text.lower() == p.lower()
    assert total > 2000
    assert right / total >= 0.99, f"{right}/{total}"


@pytest.mark.parametrize("name", ["cp1258", "tcvn3", "vni"])
def test_detection_of_whole_documents(name: str) -> None:
    for path in sorted(TEXTS.glob("*.txt")):
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        if name == "cp1258":
            raw = encode_cp1258(text)
        elif _encodable(text, name):
            raw = encode_legacy(text, name)
        else:
            continue
        d = decode(raw)
        assert d.encoding == name, path.name
        if name != "tcvn3":
            assert d.text == text


# --- Unicode inputs ----------------------------------------------------------------------


def test_utf8_kept_as_is_even_nfd() -> None:
    nfd = unicodedata.normalize("NFD", "Quyết định số 12")
    d = decode(nfd.encode())
    assert (d.text, d.encoding, d.repairs) == (nfd, "utf-8", ())


def test_boms() -> None:
    text = "Số: 12/QĐ-UBND"
    assert decode(codecs.BOM_UTF8 + text.encode()).text == text
    for codec, name in (("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")):
        bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
        d = decode(bom + text.encode(codec))
        assert (d.text, d.encoding) == (text, name)
        assert "byte order mark removed" in d.notes
        # without the BOM, told by the NUL bytes of the ASCII characters
        d = decode(text.encode(codec))
        assert (d.text, d.encoding) == (text, name)


def test_mostly_utf8_with_a_broken_tail() -> None:
    text = "Quyết định về việc ban hành kế hoạch triển khai"
    raw = text.encode() + "ệ".encode()[:2]
    d = decode(raw)
    assert d.encoding == "utf-8"
    assert d.text.startswith(text)
    assert [r.kind for r in d.repairs] == ["encoding"]


def test_nothing_vietnamese_falls_back_to_cp1258_with_a_note() -> None:
    d = decode(b"\xfe\xfe\xfe \xfd\xfd\xfd")
    assert d.encoding == "cp1258"
    assert any("no Vietnamese encoding" in n for n in d.notes)


# --- forced encodings ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("utf-8", "utf-8"),
        ("UTF8", "utf-8"),
        ("cp1258", "cp1258"),
        ("windows-1258", "cp1258"),
        ("tcvn3", "tcvn3"),
        ("ABC", "tcvn3"),
        ("vni", "vni"),
        ("latin-1", "iso8859-1"),
        ("cp1252", "cp1252"),
    ],
)
def test_forced_names(name: str, expected: str) -> None:
    assert decode(b"So 12", name).encoding == expected


def test_forced_utf16_and_bad_bytes() -> None:
    assert decode("Số".encode("utf-16"), "utf-16").text == "Số"
    d = decode(b"S\xe8 12", "utf-8")
    assert d.text == "S\ufffd 12"
    assert d.repairs[0].span == (1, 2)


@pytest.mark.parametrize("name", ["klingon", "rot13", "hex", ""])
def test_unknown_encoding(name: str) -> None:
    with pytest.raises(ReadError) as info:
        decode(b"abc", name)
    assert info.value.reason == "unsupported"


def test_encode_legacy_refuses_what_it_lacks() -> None:
    with pytest.raises(ReadError):
        encode_legacy("中文", "vni")
    with pytest.raises(ReadError):
        encode_legacy("abc", "cp1258")


# --- the syllable check ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "word",
    [
        "và",
        "của",
        "các",
        "ngày",
        "tháng",
        "năm",
        "Số",
        "Quyết",
        "định",
        "ỦY",
        "NHÂN",
        "DÂN",
        "nghiêng",
        "khuya",
        "huỳnh",
        "giường",
        "quốc",
        "xoong",
        "oách",
        "thuở",
    ],
)
def test_syllables(word: str) -> None:
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize("word", ["Vieät", "phoèng", "Chớnh", "TIŨCH", "UBND", "ảc", ""])
def test_not_syllables(word: str) -> None:
    assert not is_vietnamese_syllable(word)


def test_stop_codas_take_only_two_tones() -> None:
    assert is_vietnamese_syllable("tác") and is_vietnamese_syllable("tạc")
    assert not is_vietnamese_syllable("tàc") and not is_vietnamese_syllable("tảc")


# --- robustness ------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400), st.sampled_from([None, "tcvn3", "vni", "cp1258", "utf-8"]))
def test_any_bytes_decode_or_raise_vnadmin_errors(data: bytes, name: str | None) -> None:
    try:
        d = decode(data, name)
    except VnAdminError:
        return
    assert isinstance(d.text, str)
    for r in d.repairs:
        assert 0 <= r.span[0] <= r.span[1] <= len(d.text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from([*LETTERS, *"abcdeghiklmnopqrstuvxy ,.\n"]), max_size=80))
def test_vni_round_trips_any_text(text: str) -> None:
    assert decode(encode_legacy(text, "vni"), "vni").text == text


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_read_text_never_raises_anything_else(data: bytes) -> None:
    try:
        layout = read_text(data)
    except VnAdminError:
        return
    assert layout.format == "text"
    assert len(layout.blocks) == 1


def test_tables_load_once_across_threads() -> None:
    enc._tables = None
    seen: list[object] = []

    def load() -> None:
        seen.append(enc._load())

    threads = [threading.Thread(target=load) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(s is seen[0] for s in seen)


def test_decode_refuses_non_bytes() -> None:
    with pytest.raises(ReadError):
        decode("text", None)  # type: ignore[arg-type]


# --- plain-text files -------------------------------------------------------------------------


def test_read_text_one_block() -> None:
    text = "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 12/QĐ-UBND"
    layout = read_text(encode_legacy(text, "vni"))
    assert layout.format == "text"
    assert layout.encoding == "vni"
    assert [b.text for b in layout.blocks] == [text]
    assert layout.blocks[0].location.kind == "paragraph"
    assert layout.blocks[0].location.paragraph == 0
    assert layout.repairs[0].kind == "encoding"


def test_read_text_forced_and_through_read_layout() -> None:
    raw = encode_legacy("Quyết định", "tcvn3")
    assert read_text(raw, encoding="tcvn3").blocks[0].text == "Quyết định"
    layout = read_layout(raw, encoding="abc")
    assert (layout.encoding, layout.blocks[0].text) == ("tcvn3", "Quyết định")


def test_read_text_refuses_binary() -> None:
    with pytest.raises(ReadError) as info:
        read_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\xff")
    assert info.value.reason == "unsupported"


def test_read_text_utf16_and_nul_padding() -> None:
    assert read_text("Số 1".encode("utf-16-le")).blocks[0].text == "Số 1"
    assert read_text(b"So 1\x00\x00\x00").blocks[0].text == "So 1"


def test_syllable_check_takes_nfd_and_refuses_non_text() -> None:
    assert is_vietnamese_syllable(unicodedata.normalize("NFD", "nghiêng"))
    assert not is_vietnamese_syllable(None)  # type: ignore[arg-type]
    with pytest.raises(ReadError):
        encode_legacy(None, "vni")  # type: ignore[arg-type]


_ALPHABET = st.sampled_from([*LETTERS, *"abcdeghiklmnopqrstuvxyABDGHNT ,.:;/-\n"])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_tcvn3_round_trips_any_text_but_for_capitals(text: str) -> None:
    d = decode(encode_legacy(text, "tcvn3"), "tcvn3")
    assert d.text.lower() == text.lower()
    assert len(d.text) == len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_cp1258_round_trips_any_text(text: str) -> None:
    assert decode(encode_cp1258(text), "cp1258").text == text
