"""Hostile text built from vnadmin's own grammar: one hypothesis strategy and a set of
deterministic adversarial families, shared by the exception-contract tests
(``tests/test_contract.py``) and the adversarial benchmark (``benchmarks/bench_adversarial.py``).

The grammar mixes the domain's tokens (codes, ``Số:``, dates, times, periods, deadline
words, signing marks, recipient and reference headings, divisions, the national motto) with
what breaks naive code: case variants whose folding changes length or script (``ſ ı İ K ß``),
superscript and other non-ASCII digits (``² ٣ ５``), extreme years (``0001``, ``9999``,
``10000``), combining marks (including long runs of alternating classes), controls,
non-breaking and zero-width characters and long blank runs.
"""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import strategies as st

__all__ = ["FAMILIES", "TEMPLATES", "TOKENS", "case_variant", "domain_text", "family"]

TOKENS: tuple[str, ...] = (
    # codes
    "1656/QĐ-UBND",
    "30/2020/NĐ-CP",
    "35-CT/TW",
    "01/2019/NQ-HĐTP",
    "12/QĐ-UBND",
    "1/Q Đ ",
    "QĐ",
    "UBND",
    "NĐ-CP",
    "TT-BTC",
    "/",
    "-",
    "Số:",
    "Số",
    "số",
    # dates, times, periods, deadlines
    "ngày",
    "tháng",
    "năm",
    "Hà Nội, ngày",
    "29/9/2025",
    "15/10/2025",
    "01/01/0001",
    "31/12/9999",
    "(thứ sáu)",
    "thứ ſáu",
    "chủ nhật",
    "giờ",
    "phút",
    "14 giờ 30",
    "8h30",
    "quý IV",
    "quý I/",
    "6 tháng đầu năm",
    "chậm nhất",
    "trước ngày",
    "trong thời hạn",
    "trong",
    "ngày làm việc",
    "kể từ ngày",
    # signatures and recipients
    "TM.",
    "KT.",
    "TL.",
    "TUQ.",
    "Q.",
    "TS.",
    "CHỦ TỊCH",
    "GIÁM ĐỐC",
    "PHÓ CHỦ TỊCH",
    "Nơi nhận:",
    "Kính gửi:",
    "Lưu: VT",
    "Lưu: VT, X",
    "- Như trên;",
    "(1)",
    "(",
    ")",
    # references, structure, document
    "Căn cứ",
    "Quyết định số",
    "Nghị định",
    "Quyết định này",
    "Điều 1.",
    "Điều",
    "khoản",
    "khoản 2",
    "điểm",
    "a)",
    "Chương I",
    "Mục 1",
    "Phần thứ nhất",
    "QUYẾT ĐỊNH",
    "NGHỊ ĐỊNH",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "ỦY BAN NHÂN DÂN",
    "Lê An",
    ";",
    ",",
    ".",
    ":",
)

#: Characters whose case mapping surprises: ``ſ`` (long s) upper-cases to ``S``, ``ı``
#: (dotless i) to ``I``, ``İ`` lower-cases to ``i̇`` (two characters), ``K`` (Kelvin sign)
#: to ``k``, ``ß`` upper-cases to ``SS``.
CASE_TRAPS: dict[str, tuple[str, ...]] = {
    "s": ("ſ", "S"),
    "S": ("ſ", "s"),
    "i": ("ı", "İ", "I"),
    "I": ("İ", "ı", "i"),
    "k": ("K", "K"),
    "K": ("K", "k"),
    "ss": ("ß", "ẞ"),
}
ODD_DIGITS = "²³¹⁰٣۳５０০߃𝟗"
YEARS = ("0001", "0000", "9999", "10000", "99999", "1", "2025")
MARKS = ("\u0301", "\u0323", "\u0300", "\u0303", "\u0309", "\u0302", "\u0306", "\u031b")
CONTROLS = ("\x00", "\x07", "\x1b", "\r", "\r\n", "\x0b", "\x0c", "\x85", "\u2028", "\u2029")
INVISIBLES = ("\u00a0", "\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", "\u2060", "\u3000")
BLANKS = (" ", "\t", "\n", "\u00a0")


def case_variant(token: str, choices: list[int]) -> str:
    """``token`` with its letters swapped for case variants, driven by ``choices``."""
    out: list[str] = []
    for n, ch in enumerate(token):
        pick = choices[n % len(choices)] if choices else 0
        if token.startswith("ss", n) and pick % 5 == 4:
            out.append(CASE_TRAPS["ss"][pick % 2])
            continue
        traps = CASE_TRAPS.get(ch)
        if traps and pick % 3:
            out.append(traps[pick % len(traps)])
        elif pick % 4 == 1:
            out.append(ch.swapcase())
        else:
            out.append(ch)
    return "".join(out)


_token = st.sampled_from(TOKENS)
_variant = st.builds(case_variant, _token, st.lists(st.integers(0, 59), min_size=1, max_size=8))
_number = st.one_of(
    st.integers(0, 10**6).map(str),
    st.sampled_from(YEARS),
    st.text(alphabet="0123456789" + ODD_DIGITS, min_size=1, max_size=6),
)
_date = st.builds(
    lambda d, m, y, sep: f"{d}{sep}{m}{sep}{y}",
    st.sampled_from(("1", "01", "29", "31", "32", "0", "²")),
    st.sampled_from(("1", "02", "12", "13", "0", "٣")),
    st.sampled_from(YEARS),
    st.sampled_from(("/", "-", ".", " tháng ", " tháng  năm ")),
)
_code = st.builds(
    lambda n, parts: n + "".join(parts),
    _number,
    st.lists(
        st.sampled_from(("/", "-", "QĐ", "UBND", "NĐ", "CP", "Q Đ", "/2020", " ")), max_size=8
    ),
)
_mark_run = st.builds(
    lambda base, marks, n: base + "".join(marks) * n,
    st.sampled_from(("a", "A", "ơ", "Đ", "", " ", "1")),
    st.lists(st.sampled_from(MARKS), min_size=1, max_size=3),
    st.integers(1, 120),
)
_blank_run = st.builds(lambda b, n: b * n, st.sampled_from(BLANKS), st.integers(1, 400))
_odd = st.sampled_from(CONTROLS + INVISIBLES)
_repeat = st.builds(
    lambda unit, n: unit * n,
    st.sampled_from(("(1)", "(", ")", "TS. ", "KT. ", "- ", "/", ", ", ";", "Q Đ ", "Số: ")),
    st.integers(1, 60),
)
_piece = st.one_of(
    _token,
    _token,
    _variant,
    _number,
    _date,
    _code,
    _mark_run,
    _blank_run,
    _odd,
    _repeat,
    st.text(max_size=4),
)

#: Templates of the domain's phrases; ``{slot}`` names a strategy of _SLOTS.
TEMPLATES: tuple[str, ...] = (
    "{d}/{m}/{y} ({wd})",
    "ngày {d} tháng {m} năm {y} ({wd})",
    "{place}, ngày {d} tháng {m} năm {y}",
    "Số: {n}/{kh}\n{place}, ngày {d}{b}tháng {m}{b}năm {y}",
    "Số: {n}/{y}/{kh}",
    "{n}/{kh}",
    "{n}-{kh}/TW",
    "quý {q}/{y}",
    "quý {q} năm {y}",
    "{dl} ngày {d}/{m}/{y}.",
    "{dl} {n} ngày làm việc kể từ ngày {d}/{m}/{y}",
    "vào lúc {n} giờ {n} phút, {wd}, ngày {d}/{m}/{y}",
    "{n}h{n} ngày {d}/{m}/{y}",
    "{mark} {org}\n{mark} {title}\n{title}\n\n{honour}{name}",
    "Nơi nhận:\n- {org};\n- Lưu: VT, {kh}{paren}.",
    "Kính gửi:{b}{org}",
    "Căn cứ{b}{doc} số {n}/{y}/{kh} ngày {d} tháng {m} năm {y} của {org};",
    "theo {doc} số {n}/{kh}. {doc} này",
    "Điều {n}. {doc}\n{n}. khoản {n}\n{letter}) điểm",
    "Chương {q}\nMục {n}\nĐiều {n}.",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n{b}{doc_title}",
)
_SLOTS: dict[str, st.SearchStrategy[str]] = {
    "d": st.sampled_from(("1", "01", "15", "29", "29", "31", "32", "0", "²", "٣", "５")),
    "m": st.sampled_from(("1", "02", "9", "9", "12", "13", "0", "¹²", "٣")),
    "y": st.sampled_from((*YEARS, "２０２５", "²⁰²⁵", "2٠25")),
    "n": _number,
    "wd": st.sampled_from(
        ("thứ sáu", "thứ ſáu", "THỨ SÁU", "thứ hai", "thứ ba", "chủ nhật", "thứ 7", "thứ ²", "CN")
    ),
    "kh": st.sampled_from(("QĐ-UBND", "NĐ-CP", "TT-BTC", "CT", "Q Đ", "QĐ", "UBND", "")),
    "place": st.sampled_from(("Hà Nội", "Thành phố Hồ Chí Minh", "Huế", "")),
    "q": st.sampled_from(("I", "II", "III", "IV", "V", "1", "4", "Ⅳ")),
    "dl": st.sampled_from(("chậm nhất", "trước", "trong", "trước ngày", "trong thời hạn")),
    "mark": st.sampled_from(("TM.", "KT.", "TL.", "TUQ.", "Q.", "")),
    "org": st.sampled_from(("ỦY BAN NHÂN DÂN", "BỘ TƯ PHÁP", "Sở Tư pháp", "")),
    "title": st.sampled_from(("CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ CHỦ TỊCH", "BỘ TRƯỞNG")),
    "honour": st.sampled_from(("", "TS. ", "ThS. ", "TS. TS. ")),
    "name": st.sampled_from(("Lê An", "Nguyễn Văn A", "")),
    "paren": st.sampled_from(("", "(1)", "(1)(2)", "(", "((", ")")),
    "doc": st.sampled_from(("Quyết định", "Nghị định", "Thông tư", "Luật", "Công văn")),
    "doc_title": st.sampled_from(("QUYẾT ĐỊNH", "NGHỊ ĐỊNH", "CÔNG VĂN", "TỜ TRÌNH")),
    "letter": st.sampled_from(("a", "b", "đ", "A", "ı")),
    "b": st.sampled_from((" ", "  ", " " * 300, "\u00a0", "\t", "\n")),
}
_HOSTILE = st.one_of(_mark_run, _blank_run, _odd, _repeat, st.text(max_size=3), _number)


@st.composite
def _sentence(draw: st.DrawFn) -> str:
    """One phrase of the grammar, its slots filled with hostile values, then maybe case
    variants over the whole phrase and hostile pieces inserted at random places."""
    template = draw(st.sampled_from(TEMPLATES))
    names = [part.split("}")[0] for part in template.split("{")[1:]]
    values = {name: draw(_SLOTS[name]) for name in dict.fromkeys(names)}
    text = template.format(**values)
    if draw(st.booleans()):
        text = case_variant(text, draw(st.lists(st.integers(0, 59), min_size=1, max_size=8)))
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(_HOSTILE) + text[at:]
    return text


#: Text from the domain's grammar, mixed with every kind of hostile piece above.
domain_text: st.SearchStrategy[str] = st.lists(
    st.one_of(_sentence(), _sentence(), _piece), max_size=8
).flatmap(
    lambda parts: st.sampled_from((" ", "\n", "", ". ", "\n\n")).map(lambda sep: sep.join(parts))
)


# --- deterministic adversarial families, for growth tests and the benchmark ------------

_KEYWORDS = (
    "Căn cứ",
    "Số:",
    "ngày",
    "tháng",
    "năm",
    "Nơi nhận:",
    "Kính gửi:",
    "TM.",
    "KT.",
    "Điều 1.",
    "khoản",
    "chậm nhất",
    "trước",
    "quý IV",
    "giờ",
    "QUYẾT ĐỊNH",
)


def _repeat_to(head: str, unit: str, tail: str, size: int) -> str:
    return head + unit * max(1, (size - len(head) - len(tail)) // max(1, len(unit))) + tail


def _blanks_between_keywords(size: int) -> str:
    gap = " " * 300
    unit = gap.join(_KEYWORDS) + gap
    return _repeat_to("", unit, "x", size)


#: name -> make(size): text of about ``size`` characters.
FAMILIES: dict[str, Callable[[int], str]] = {
    "blanks_between_keywords": _blanks_between_keywords,
    "can_cu_blanks": lambda n: _repeat_to("Căn cứ", " ", "x", n),
    "place_date_blanks": lambda n: _repeat_to("Số: 12/QĐ-UBND\nHà Nội, ngày", " ", "x", n),
    "nbsp_run": lambda n: _repeat_to("Số:", "\u00a0\u200b", "1/QĐ", n),
    "code_tokens": lambda n: _repeat_to("", "1/Q Đ ", "", n),
    "code_slashes": lambda n: _repeat_to("Số: 1", "/A", "", n),
    "long_kyhieu": lambda n: _repeat_to("Số: 1/", "QĐ", "", n),
    "recipients_parens": lambda n: _repeat_to("Nơi nhận:\n- Lưu: VT, X", "(1)", "", n),
    "nested_parens": lambda n: "(" * (n // 2) + ")" * (n // 2),
    "honours": lambda n: _repeat_to("GIÁM ĐỐC ", "TS. ", "Lê An", n),
    "signing_marks": lambda n: _repeat_to("", "KT. ", "GIÁM ĐỐC", n),
    "resolve_refs": lambda n: _repeat_to("", "Quyết định số 01/QĐ-UBND. Quyết định này. ", "", n),
    "combining_alt": lambda n: _repeat_to("a", "\u0301\u0323", "", n),
    "one_letter_class": lambda n: _repeat_to("", "A", "", n),
    "digits_run": lambda n: _repeat_to("ngày ", "1", "", n),
    "odd_digits": lambda n: _repeat_to("Số: 1/", "²", "/QĐ-UBND", n),
    "dates_run": lambda n: _repeat_to("", "ngày 29 tháng 9 năm 9999 ", "", n),
    "deadlines_run": lambda n: _repeat_to("", "chậm nhất trước trong ", "ngày 15/10/2025", n),
    "separators": lambda n: _repeat_to("", "- , ; . : ", "", n),
    "divisions": lambda n: _repeat_to("", "Điều 1. khoản a) ", "", n),
    "newlines": lambda n: _repeat_to("QUYẾT ĐỊNH", "\n", "Điều 1.", n),
}


def family(name: str, size: int) -> str:
    """The adversarial family ``name`` at about ``size`` characters."""
    return FAMILIES[name](size)
