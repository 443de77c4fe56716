"""Decode the bytes of a text file in any of the encodings Vietnamese offices used.

Unicode (UTF-8, UTF-16 with or without a byte order mark) is decoded as it is, without
normalising (the parser normalises later). The legacy 8-bit encodings are converted to
Unicode NFC:

* ``"cp1258"`` (Windows-1258, Windows Vietnamese): Python's codec, whose combining tone
  marks are then composed to NFC.
* ``"tcvn3"`` (ABC, the ``.VnTime`` fonts): TCVN 5712:1993 table VN3, one byte per
  precomposed letter (``src/vnadmin/data/legacy_encodings.tsv``).
* ``"vni"`` (VNI Windows, the ``VNI-Times`` fonts): a base letter followed by a mark byte.

Without ``encoding=`` the encoding is detected: a byte order mark, else valid UTF-8, else
the legacy encoding whose decoded words are most often Vietnamese syllables.

>>> decode("Quyết định".encode()).encoding
'utf-8'
>>> d = decode(b"Quy\\xd5t \\xae\\xdenh s\\xe8 12")
>>> d.text, d.encoding, d.repairs[0].kind
('Quyết định số 12', 'tcvn3', 'encoding')
>>> decode(b"Vie\\xe4t Nam", encoding="vni").text
'Việt Nam'
"""

from __future__ import annotations

import codecs
import functools
import re
import threading
import unicodedata
from collections.abc import Callable

import attrs

from vnadmin._tables import read_table
from vnadmin.findings import Repair

__all__ = ["Decoded", "decode", "encode_legacy", "is_vietnamese_syllable"]

#: Bytes examined to detect an encoding (the whole text is decoded afterwards).
_SAMPLE = 100_000


@attrs.frozen
class Decoded:
    """Decoded text.

    Attributes:
        text: the text (Unicode; NFC when it was converted from a legacy encoding, as the
            file holds it when it was UTF-8 or UTF-16).
        encoding: the encoding decoded: ``"utf-8"``, ``"utf-16-le"``, ``"utf-16-be"``,
            ``"cp1258"``, ``"tcvn3"``, ``"vni"`` or the Python name of a forced codec.
        repairs: the conversions made. A legacy encoding gives ONE repair of kind
            ``"encoding"`` spanning the whole text (``before`` names the encoding,
            ``after`` is ``"Unicode NFC"``); per-character repairs would cost more than
            the text. TCVN3 capitals restored from context are ``"case"`` repairs, one per
            word; bytes that could not be decoded are ``"encoding"`` repairs of
            ``"\\ufffd"`` (at most 100 of them).
        notes: what a caller may want to know (``"byte order mark removed"``, ``"no
            Vietnamese encoding fits; decoded as cp1258"`` …).
    """

    text: str
    encoding: str
    repairs: tuple[Repair, ...] = ()
    notes: tuple[str, ...] = ()


_MAX_REPAIRS = 100

_ALIASES = {
    "tcvn3": "tcvn3",
    "tcvn": "tcvn3",
    "tcvn-3": "tcvn3",
    "tcvn5712": "tcvn3",
    "tcvn-5712": "tcvn3",
    "vn3": "tcvn3",
    "abc": "tcvn3",
    "vni": "vni",
    "vni-windows": "vni",
    "vni-win": "vni",
    "vniwin": "vni",
    "windows-1258": "cp1258",
    "cp1258": "cp1258",
    "cp-1258": "cp1258",
    "1258": "cp1258",
}

_LABELS = {"tcvn3": "TCVN3 (ABC, TCVN 5712:1993 VN3)", "vni": "VNI Windows", "cp1258": "cp1258"}


# --- tables ---------------------------------------------------------------------------


@attrs.frozen
class _Tables:
    tcvn3_map: str  # byte -> character, for codecs.charmap_decode
    tcvn3_word: re.Pattern[str]  # a run of ASCII letters and TCVN3 letter bytes
    tcvn3_caps_run: re.Pattern[str]  # words with a capital and no small ASCII letter
    vni: dict[str, str]  # latin-1 key (1 or 2 characters) -> letter
    vni_map: str  # single byte -> character (letters, Windows-1252, else latin-1)
    vni_pairs: dict[str, str]  # base + mark (after vni_map) -> letter
    vni_pattern: re.Pattern[str]  # a base, then a mark
    vni_stray: re.Pattern[str]  # a mark byte after no letter that takes it
    encode_tcvn3: dict[str, bytes]
    encode_vni: dict[str, bytes]
    common: frozenset[str]  # frequent syllables (ties between encodings)


_lock = threading.Lock()
_tables: _Tables | None = None

# Windows-1252 over latin-1 code points (the glyphs of the legacy fonts' other bytes); its
# five undefined bytes stay as latin-1 control characters.
_CP1252 = {
    b: ch
    for b in range(0x80, 0xA0)
    if (ch := bytes([b]).decode("cp1252", errors="ignore")) and ch != chr(b)
}


def _load() -> _Tables:
    """The tables of ``legacy_encodings.tsv``, read once (thread-safe)."""
    global _tables
    tables = _tables
    if tables is not None:
        return tables
    with _lock:
        if _tables is not None:
            return _tables
        tcvn3: dict[int, str] = dict(_CP1252)
        letters: list[str] = []
        vni: dict[str, str] = {}
        for row in read_table("legacy_encodings.tsv"):
            key = bytes.fromhex(row["bytes"]).decode("latin-1")
            char = row["char"]
            if row["encoding"] == "tcvn3":
                tcvn3[ord(key)] = char
                letters.append(key)
            elif row["encoding"] == "vni":
                vni[key] = char
        tl = re.escape("".join(letters))
        word = f"A-Za-z{tl}"
        caps = f"[{tl}]*[A-Z][A-Z{tl}]*"
        bases = "".join(sorted({k[0] for k in vni if len(k) == 2}))
        marks = "".join(sorted({k[1] for k in vni if len(k) == 2}))
        back = {ch: bytes([b]) for b, ch in _CP1252.items()}
        singles = {ord(k): ch for k, ch in vni.items() if len(k) == 1}
        vni_map = "".join(singles.get(b, _CP1252.get(b, chr(b))) for b in range(256))
        pairs = sorted((vni_map[ord(k[0])] + k[1], ch) for k, ch in vni.items() if len(k) == 2)
        vni_used = {k[-1] for k in vni}
        small = set(tcvn3.values())
        tcvn3_same = {  # capitals without a code are written as their small letter
            chr(b): bytes([b])
            for b in range(0xA0, 0x100)
            if b not in tcvn3 and chr(b).lower() not in small
        }
        vni_same = {chr(b): bytes([b]) for b in range(0xA0, 0x100) if chr(b) not in vni_used}
        tables = _Tables(
            tcvn3_map="".join(tcvn3.get(b, chr(b)) for b in range(256)),
            tcvn3_word=re.compile(f"[{word}]+"),
            # [T]*[A-Z][C]* reads a word one way only, so a failed match backtracks
            # through one word, never the run: linear time
            tcvn3_caps_run=re.compile(f"(?<![{word}]){caps}(?:[ \\t]+{caps})*(?![{word}])"),
            vni=vni,
            vni_map=vni_map,
            vni_pairs=dict(pairs),
            vni_pattern=re.compile(
                f"[{re.escape(''.join(sorted({k[0] for k, _ in pairs})))}]"
                f"[{re.escape(''.join(sorted({k[1] for k, _ in pairs})))}]"
            ),
            vni_stray=re.compile(f"(?<![{re.escape(bases)}])[{re.escape(marks)}]"),
            encode_tcvn3=back
            | tcvn3_same
            | {ch: chr(b).encode("latin-1") for b, ch in tcvn3.items() if b not in _CP1252},
            encode_vni=back | vni_same | {ch: k.encode("latin-1") for k, ch in vni.items()},
            common=frozenset(r["syllable"] for r in read_table("common_syllables.tsv")),
        )
        _tables = tables
        return tables


# --- the legacy decoders ----------------------------------------------------------------


def _decode_tcvn3(data: bytes) -> tuple[str, list[Repair]]:
    t = _load()
    raw = data.decode("latin-1")  # the capitals are found on the bytes
    text = codecs.charmap_decode(data, "strict", t.tcvn3_map)[0]
    return _restore_tcvn3_capitals(raw, text, t)


def _restore_tcvn3_capitals(raw: str, text: str, t: _Tables) -> tuple[str, list[Repair]]:
    """Capitals that the all-caps fonts (``.VnTimeH``) drew at lower-case byte values.

    A run of words on one line, each with a capital ASCII letter and no small one, is
    upper-cased whole when one of its words has two capital ASCII letters at least:
    ``Bé C«NG AN`` is "BỘ CÔNG AN", ``ñY BAN`` "ỦY BAN", while ``Bé T\xad ph¸p`` stays
    "Bộ Tư pháp". The text keeps its length, so spans stay valid.
    """
    pieces: list[str] = []
    repairs: list[Repair] = []
    pos = 0
    for m in t.tcvn3_caps_run.finditer(raw):
        s, e = m.span()
        words = m.group().split()
        if not any(sum(1 for c in w if "A" <= c <= "Z") >= 2 for w in words):
            continue
        old = text[s:e]
        new = old.upper()
        if new == old or len(new) != len(old):
            continue
        pieces.append(text[pos:s])
        pieces.append(new)
        pos = e
        if len(repairs) < _MAX_REPAIRS:
            for w in t.tcvn3_word.finditer(raw, s, e):
                ws, we = w.span()
                before, after = text[ws:we], new[ws - s : we - s]
                if before != after and len(repairs) < _MAX_REPAIRS:
                    repairs.append(Repair("case", (ws, we), before, after))
    if not pieces:
        return text, []
    pieces.append(text[pos:])
    return "".join(pieces), repairs


def _decode_vni(data: bytes) -> tuple[str, list[Repair]]:
    """Single bytes through a 256-character map, then each base-and-mark pair replaced in
    one regex pass (no mark is a base or the letter of a single byte, so pairs never
    overlap)."""
    t = _load()
    pairs = t.vni_pairs
    text = codecs.charmap_decode(data, "strict", t.vni_map)[0]
    return t.vni_pattern.sub(lambda m: pairs.get(m[0], m[0]), text), []


def _decode_cp1258(data: bytes) -> tuple[str, list[Repair]]:
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace")), []


_LEGACY: dict[str, Callable[[bytes], tuple[str, list[Repair]]]] = {
    "cp1258": _decode_cp1258,
    "tcvn3": _decode_tcvn3,
    "vni": _decode_vni,
}


def _legacy(data: bytes, name: str, notes: tuple[str, ...] = ()) -> Decoded:
    text, extra = _LEGACY[name](data)
    text = unicodedata.normalize("NFC", text)
    repairs: list[Repair] = []
    if text:
        repairs.append(Repair("encoding", (0, len(text)), _LABELS[name], "Unicode NFC"))
    repairs.extend(extra)
    repairs.extend(_replacements(text, len(repairs)))
    return Decoded(text, name, tuple(repairs), notes)


def _replacements(text: str, have: int = 0) -> list[Repair]:
    out: list[Repair] = []
    if "\ufffd" not in text:
        return out
    for m in re.finditer("\ufffd+", text):
        if have + len(out) >= _MAX_REPAIRS:
            break
        out.append(Repair("encoding", m.span(), "undecodable bytes", m.group()))
    return out


# --- Vietnamese syllables ----------------------------------------------------------------

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx]"
_OPEN_NUCLEI = (
    "ia ua ưa ai ao au ay âu ây eo êu iu oi ôi ơi ui ưi ưu "
    "iêu yêu oai oao oay oeo uây uôi uya uyu ươi ươu"
)
# Each vowel nucleus with the codas it takes ("" = it may end the syllable).
_RIMES = {
    "a": " c ch m n ng nh p t",
    "ă": "c m n ng p t",
    "â": "c m n ng p t",
    "e": " c m n ng p t",
    "ê": " ch m n nh p t",
    "i": " ch m n nh p t",
    "o": " c m n ng p t",
    "ô": " c m n ng p t",
    "ơ": " m n p t",
    "u": " c m n ng p t",
    "ư": " c m n ng t",
    "y": " ch nh n t",
    "oa": " c ch m n ng nh p t",
    "oă": "c m n ng t",
    "oe": " n t",
    "oo": "c ng",
    "uâ": "n ng t",
    "uê": " ch nh n",
    "uy": " ch nh n p t",
    "uơ": " ",
    "iê": "c m n ng p t",
    "yê": "c m n ng p t",
    "uô": "c m n ng t",
    "ươ": "c m n ng p t",
    "uyê": "n t",
    # nuclei that end the syllable (a coda would make iê, uô, ươ of ia, ua, ưa)
    **dict.fromkeys(_OPEN_NUCLEI.split(" "), " "),
}


def _rime(nucleus: str, codas: str) -> str:
    parts = codas.split(" ")
    optional = "" in parts
    alts = "|".join(sorted((c for c in parts if c), key=len, reverse=True))
    if not alts:
        return nucleus
    return f"{nucleus}(?:{alts}){'?' if optional else ''}"


_SYLLABLE = re.compile(
    f"(?:{_ONSET})?(?:"
    + "|".join(_rime(n, c) for n, c in sorted(_RIMES.items(), key=lambda kv: -len(kv[0])))
    + ")"
)
_STOPS = ("c", "ch", "p", "t")
_STRIP_TONES = {ord(c): None for c in _TONES}


def is_vietnamese_syllable(word: str) -> bool:
    """Whether ``word`` is shaped like a Vietnamese syllable: onset, vowel nucleus, coda
    and at most one tone mark (a cheap check, not a dictionary).

    >>> is_vietnamese_syllable("Nghiêng"), is_vietnamese_syllable("ngày")
    (True, True)
    >>> is_vietnamese_syllable("Vieät"), is_vietnamese_syllable("qu¶n")
    (False, False)
    """
    if not isinstance(word, str) or not word or len(word) > 24:
        return False
    return _syllable(word)


@functools.lru_cache(maxsize=65536)
def _syllable(word: str) -> bool:
    nfd = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in nfd if c in _TONES]
    if len(tones) > 1:
        return False
    base = unicodedata.normalize("NFC", nfd.translate(_STRIP_TONES))
    if len(base) > 7 or _SYLLABLE.fullmatch(base) is None:  # "nghiêng" is the longest
        return False
    # a syllable closed by a stop takes only the sắc or nặng tone
    return not base.endswith(_STOPS) or (bool(tones) and tones[0] in "\u0301\u0323")


_WORD = re.compile(r"[^\W\d_]+")
# Latin-1 symbols, C1 controls and U+FFFD touching a letter: what a wrong decoding leaves
# ("nh©n" is TCVN3 read as cp1258); no Vietnamese text writes them inside a word.
_STRAY = re.compile(
    "(?<=[^\\W\\d_])[\x80-\x9f\xa1-\xbf\ufffd]|[\x80-\x9f\xa1-\xbf\ufffd](?=[^\\W\\d_])"
)
# An abbreviation in capitals with one toneless Vietnamese letter: NĐ, QĐ, HĐTP, TTĐT, BCĐ.
_ACRONYM = re.compile("[A-Z]*[ĐĂÂÊÔƠƯ][A-Z]*")
# TCVN3 bytes that are no letter of it (Latin-1 letters in the fonts' other glyphs).
_TCVN3_ODD = bytes([*range(0xC0, 0xC6), 0xCD, 0xD9, 0xDA, 0xDB, 0xE0, 0xF0, 0xFF])
_KEEP_TCVN3_ODD = bytes(b for b in range(256) if b not in _TCVN3_ODD)
_COMBINING = re.compile("[\u0300-\u036f]")


def _score(name: str, sample: bytes, text: str) -> int:
    """How much ``text`` (``sample`` decoded as ``name``) reads as Vietnamese: words with
    a non-ASCII letter that are syllables, less twice the other signs (words that are not,
    stray symbols inside words, bytes the encoding does not use as letters)."""
    good = bad = 0
    common = _load().common
    for w in _WORD.findall(text):
        if w.isascii():
            continue
        if not (w.islower() or w.isupper() or w.istitle()):
            bad += 1  # "phuỊ": a wrong table mixes the cases inside a word
        elif is_vietnamese_syllable(w):
            good += 2 if w.lower() in common else 1
        elif not _ACRONYM.fullmatch(w):
            bad += 1
    bad += len(_STRAY.findall(text))
    if name == "tcvn3":
        bad += len(sample.translate(None, _KEEP_TCVN3_ODD))
    elif name == "vni":
        bad += len(_load().vni_stray.findall(sample.decode("latin-1")))
    else:
        bad += len(_COMBINING.findall(text))
    return good - 2 * bad


# --- detection -----------------------------------------------------------------------


def _utf16_order(data: bytes) -> str | None:
    head = data[:4096]
    if len(head) < 4:
        return None
    pairs = len(head) // 2
    even = head[0 : pairs * 2 : 2].count(0)
    odd = head[1 : pairs * 2 : 2].count(0)
    if odd >= pairs * 0.3 and even <= pairs * 0.02:
        return "utf-16-le"
    if even >= pairs * 0.3 and odd <= pairs * 0.02:
        return "utf-16-be"
    return None


def _unicode(data: bytes, name: str, notes: tuple[str, ...] = ()) -> Decoded:
    text = data.decode(name, errors="replace")
    repairs = _replacements(text)
    if repairs:
        notes = (*notes, f"bytes that are not {name} were replaced by U+FFFD")
    return Decoded(text, name, tuple(repairs), notes)


def _mostly_utf8(data: bytes) -> bool:
    """Valid UTF-8 but for a few broken sequences (a truncated file, a stray byte)."""
    for cut in (1, 2, 3):  # a multi-byte character cut off at the end of the file
        if len(data) > cut and data[-cut] >= 0xC2:
            try:
                data[:-cut].decode("utf-8")
            except UnicodeDecodeError:
                break
            return True
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multi = len(text) - len(text.encode("ascii", "ignore")) - bad
    return multi >= 8 and bad * 20 <= multi


def _detect(data: bytes) -> Decoded:
    if data.startswith(codecs.BOM_UTF8):
        return _unicode(data[3:], "utf-8", ("byte order mark removed",))
    if data.startswith(codecs.BOM_UTF16_LE):
        return _unicode(data[2:], "utf-16-le", ("byte order mark removed",))
    if data.startswith(codecs.BOM_UTF16_BE):
        return _unicode(data[2:], "utf-16-be", ("byte order mark removed",))
    order = _utf16_order(data)
    if order is not None and len(data) % 2 == 0:
        try:
            return Decoded(data.decode(order), order)
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return _unicode(data, "utf-8")
    sample = data[:_SAMPLE]
    best_name = ""
    best = 0
    for name in ("tcvn3", "vni", "cp1258"):  # ties go to the more common encoding
        score = _score(name, sample, _LEGACY[name](sample)[0])
        if not best_name or score > best:
            best_name, best = name, score
    if best > 0:
        return _legacy(data, best_name)
    return _legacy(data, "cp1258", ("no Vietnamese encoding fits; decoded as cp1258",))


# --- the public function -------------------------------------------------------------------


def _resolve(encoding: str) -> str:
    from vnadmin.reader import ReadError

    key = encoding.strip().lower().replace("_", "-")
    if key in _ALIASES:
        return _ALIASES[key]
    try:
        info = codecs.lookup(key)
        b"a".decode(info.name, errors="replace")
    except (LookupError, TypeError, ValueError) as exc:
        raise ReadError(f"unsupported encoding: {encoding!r}", reason="unsupported") from exc
    return info.name


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode ``data``, detecting the encoding unless ``encoding`` names it.

    ``encoding`` may be ``"utf-8"``, ``"utf-16"``, ``"cp1258"`` / ``"windows-1258"``,
    ``"tcvn3"`` / ``"abc"``, ``"vni"``, ``"latin-1"`` or any Python codec name; an unknown
    name raises :class:`~vnadmin.reader.ReadError` with reason ``"unsupported"``. Bytes the
    encoding does not define become U+FFFD (an ``"encoding"`` repair each). TCVN3 has no
    byte values for most toned capitals (TCVN 5712:1993 VN3): they decode as lower-case
    letters, restored to capitals only inside words written in capitals.

    >>> decode(b"\\xef\\xbb\\xbfS\\xe1\\xbb\\x91").text
    'Số'
    >>> decode("Số 12".encode("utf-16")).encoding
    'utf-16-le'
    """
    from vnadmin.reader import ReadError

    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise ReadError(f"expected bytes, not {type(data).__name__}", reason="unsupported")
    if encoding is not None and not isinstance(encoding, str):
        raise ReadError(f"expected an encoding name, not {encoding!r}", reason="unsupported")
    try:
        if encoding is None:
            return _detect(data)
        name = _resolve(encoding)
        if name in _LEGACY:
            return _legacy(data, name)
        if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
            return _unicode(data[3:], "utf-8", ("byte order mark removed",))
        if name == "utf-16":
            if data.startswith(codecs.BOM_UTF16_BE):
                return _unicode(data[2:], "utf-16-be", ("byte order mark removed",))
            if data.startswith(codecs.BOM_UTF16_LE):
                return _unicode(data[2:], "utf-16-le", ("byte order mark removed",))
            return _unicode(data, _utf16_order(data) or "utf-16-le")
        return _unicode(data, name)
    except ReadError:
        raise
    except Exception as exc:  # a codec's own failure: never let it through
        raise ReadError(f"cannot decode the text: {exc}", reason="corrupt") from exc


def encode_legacy(text: str, encoding: str) -> bytes:
    """Encode ``text`` in ``"tcvn3"`` or ``"vni"`` (the inverse of the tables; for tests
    and for making sample files). Characters the encoding lacks raise ``ReadError``;
    TCVN3 capitals without a byte value are written as their lower-case byte.

    >>> encode_legacy("Việt Nam", "vni")
    b'Vie\\xe4t Nam'
    """
    from vnadmin.reader import ReadError

    if not isinstance(text, str) or not isinstance(encoding, str):
        raise ReadError("encode_legacy takes a text and an encoding name", reason="unsupported")
    t = _load()
    name = _ALIASES.get(encoding.lower(), encoding.lower())
    table = {"tcvn3": t.encode_tcvn3, "vni": t.encode_vni}.get(name)
    if table is None:
        raise ReadError(f"not a table encoding: {encoding!r}", reason="unsupported")
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        got = table.get(ch)
        if got is None and name == "tcvn3":
            got = table.get(ch.lower())
        if got is None:
            if ch < "\x80":
                got = ch.encode("ascii")
            else:
                raise ReadError(f"{ch!r} has no {name} code", reason="unsupported")
        out += got
    return bytes(out)
