from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from vnadmin import canonical_tones, fold, normalize_text, tone_style

PIECES = st.sampled_from(
    [
        "Quyết định",
        "Quye\u0302\u0301t đi\u0323nh",  # NFD
        "N\u00d0-CP",  # ETH
        "\u2013",
        "\u2014",
        "\u00a0",
        "\u200b",
        "\ufeff",
        "\r\n",
        "\r",
        "hoà",
        "ho\u0300a",
        "30/2020",
        " ",
        "a",
        "\u0301",  # stray combining mark
        "／",
    ]
)
MIXED = st.lists(PIECES | st.text(max_size=3), max_size=20).map("".join)


@given(MIXED)
def test_normalize_is_idempotent(s: str) -> None:
    once = normalize_text(s).text
    assert normalize_text(once).text == once


@given(MIXED)
def test_mapping_is_monotone_and_exact(s: str) -> None:
    nt = normalize_text(s)
    prev_start = prev_end = 0
    for i in range(len(nt.text)):
        start, end = nt.to_original(i, i + 1)
        assert 0 <= start < end <= len(s)
        assert start >= prev_start and end >= prev_end
        prev_start, prev_end = start, end
        # The original characters normalise back to exactly this character (or a
        # cluster containing it).
        assert nt.text[i] in normalize_text(s[start:end]).text
    whole = nt.to_original(0, len(nt.text))
    assert normalize_text(s[whole[0] : whole[1]]).text == nt.text


@given(MIXED)
def test_output_is_clean(s: str) -> None:
    t = normalize_text(s).text
    assert "\u00d0" not in t and "\u2013" not in t and "\u200b" not in t and "\r" not in t


def test_fast_path_returns_input_untouched() -> None:
    s = "Quyết định số 30/2020/NĐ-CP"
    nt = normalize_text(s)
    assert nt.text is s and nt.is_identity and nt.repairs() == ()


def test_repairs_record_each_change() -> None:
    s = "N\u00d0\u2013CP\u00a0x"
    kinds = [r.kind for r in normalize_text(s).repairs()]
    assert kinds == ["lookalike", "dash", "space"]


def test_nfd_span_maps_to_whole_cluster() -> None:
    s = "ngày đi\u0323nh"
    nt = normalize_text(s)
    i = nt.text.index("ị")
    start, end = nt.to_original(i, i + 1)
    assert s[start:end] == "i\u0323"


def test_deleted_characters_are_outside_spans() -> None:
    s = "a\u200bb"
    nt = normalize_text(s)
    assert nt.text == "ab"
    assert nt.to_original(0, 1) == (0, 1)
    assert nt.to_original(1, 2) == (2, 3)


@pytest.mark.parametrize(
    ("new", "old"),
    [
        ("hoà", "hòa"),
        ("uỷ", "ủy"),
        ("thuỷ", "thủy"),
        ("khoẻ", "khỏe"),
        ("HOÀ", "HÒA"),
        ("Hoá", "Hóa"),
    ],
)
def test_tone_styles(new: str, old: str) -> None:
    assert canonical_tones(new) == old
    assert canonical_tones(old, "new") == new
    assert tone_style(new) == "new" and tone_style(old) == "old"


@pytest.mark.parametrize("word", ["quý", "hoàn", "giá", "quỳ", "thuyền", "khuya", "hoài", "Quyết"])
def test_neutral_words_unchanged(word: str) -> None:
    assert canonical_tones(word) == word
    assert canonical_tones(word, "new") == word
    assert tone_style(word) is None


@given(st.text())
def test_canonical_tones_is_idempotent_and_length_preserving(s: str) -> None:
    s = unicodedata.normalize("NFC", s)
    once = canonical_tones(s)
    assert canonical_tones(once) == once
    assert len(once) == len(s)


def test_fold_ignores_case_space_and_tone_style() -> None:
    assert fold("Ủy ban nhân dân") == fold("UỶ  BAN NHÂN DÂN")


@given(MIXED)
def test_from_original_inverts_to_original(s: str) -> None:
    nt = normalize_text(s)
    for i in range(len(nt.text)):
        start = nt.to_original(i, i + 1)[0]
        j = nt.from_original(start)  # the first character of i's cluster
        assert j <= i
        assert nt.to_original(j, j + 1)[0] == start
    assert nt.from_original(len(s)) == len(nt.text)


@given(MIXED | st.text())
def test_fast_path_gives_the_general_paths_text_and_map(s: str) -> None:
    from vnadmin import text as text_module

    fast = normalize_text(s)
    slow = text_module._normalize_slow(s)
    assert fast.text == slow.text
    assert fast.repairs() == slow.repairs()
    n = len(fast.text)
    for a, b in ((0, n), (0, n // 2), (n // 3, n), (n // 2, n // 2)):
        assert fast.to_original(a, b) == slow.to_original(a, b)


def test_an_nfd_document_takes_the_fast_path() -> None:
    from vnadmin import text as text_module

    nfd = unicodedata.normalize(
        "NFD", "Quyết định số 1656/QĐ-UBND\r\nngày 20 tháng 7\u00a0năm 2025"
    )
    assert text_module._normalize_units(nfd) == text_module._normalize_slow(nfd)
    assert text_module._normalize_units(nfd) is not None


SYLLABLE = st.text(
    alphabet="qgiuoaeyhnàáảãạòóỏõọèéẻẽẹùúủũụỳýỷỹỵôơưăâêOAUYÒÓ\u0300\u0301", max_size=6
)


@example("Oà\u0300")  # a stray mark after the toned pair
@example("Oạ\u0300A")  # ... which ends a run of letters
@given(SYLLABLE)
def test_tone_style_agrees_with_comparing_both_styles(word: str) -> None:
    old, new = canonical_tones(word, "old"), canonical_tones(word, "new")
    nfc = unicodedata.normalize("NFC", word)
    expected = None if old == new else "old" if nfc == old else "new" if nfc == new else None
    assert tone_style(word) == expected


@given(st.lists(SYLLABLE | st.sampled_from([" ", ", ", "\n", "1", "Uỷ", "hoà"]), max_size=12))
def test_toned_words_are_exactly_the_words_with_a_style(pieces: list[str]) -> None:
    import re

    from vnadmin.text import toned_words

    text = normalize_text("".join(pieces)).text
    styled = {
        m.span() for m in re.finditer(r"[^\W\d_]+", text) if tone_style(m.group()) is not None
    }
    found = set(toned_words(text))
    assert styled <= found
    assert all(re.fullmatch(r"[^\W\d_]+", text[a:b]) for a, b in found)


# --- hostile input (issue 10) -------------------------------------------------------

# Runs of combining marks of alternating classes (NFC reorders them in quadratic time),
# mixed with the pieces above.
MARK_RUNS = st.builds(
    lambda base, marks, n: base + marks * n,
    st.sampled_from(["a", "Ð", "", "\u200b", "o\u200b", "\r"]),
    st.sampled_from(["\u0301\u0323", "\u0323\u0301", "\u05b0\u0591", "\u0301", "\u0301\u05b0"]),
    st.integers(0, 40),
)
HOSTILE = st.lists(PIECES | MARK_RUNS | st.text(max_size=3), max_size=8).map("".join)


@given(HOSTILE)
def test_long_mark_runs_keep_the_paths_equal_and_idempotent(s: str) -> None:
    from vnadmin import text as text_module

    nt = normalize_text(s)
    slow = text_module._normalize_slow(s)
    assert nt.text == slow.text and nt.repairs() == slow.repairs()
    n = len(nt.text)
    for a, b in ((0, n), (0, n // 2), (n // 3, n)):
        assert nt.to_original(a, b) == slow.to_original(a, b)
    fast = None if text_module._HIDDEN_MARK.search(s) else text_module._normalize_units(s)
    if fast is not None:
        assert fast.text == slow.text and fast.repairs() == slow.repairs()
    assert normalize_text(nt.text).text == nt.text


@pytest.mark.parametrize("marks", ["\u0301\u0323", "\u05b0\u0591", "\u0301\u05b0"])
def test_a_megabyte_of_combining_marks_is_linear(marks: str) -> None:
    from tests.growth import bounded, growth

    s = bounded(lambda: normalize_text("a" + marks * 500_000), 10)
    assert s.text.startswith("a" + marks[:1])  # too many marks: left as they are
    prefix = "Quye\u0302\u0301t đi\u0323nh "
    assert growth(lambda n: prefix * 50 + "a" + marks * n, normalize_text, 10_000, 10) < 1.5
    assert growth(lambda n: (prefix + "a" + marks * 40) * n, normalize_text, 100, 10) < 1.5


def test_a_cluster_of_at_most_max_marks_is_composed() -> None:
    from vnadmin.text import MAX_MARKS

    few = "a" + "\u0301\u0323" * (MAX_MARKS // 2)
    assert normalize_text(few).text == unicodedata.normalize("NFC", few)
    many = "a" + "\u0301\u0323" * (MAX_MARKS // 2 + 1)
    assert normalize_text(many).text == many


def test_tone_style_bounds_the_marks_it_composes() -> None:
    from tests.growth import bounded

    assert bounded(lambda: tone_style("ho" + "\u0301\u0323" * 500_000 + "a"), 10) is None


def test_canonical_tones_rejects_an_unknown_style_with_a_vnadmin_error() -> None:
    from vnadmin import VnAdminError

    with pytest.raises(VnAdminError):
        canonical_tones("hoà", "mixed")  # type: ignore[arg-type]


def test_normalized_text_is_frozen() -> None:
    import attrs

    nt = normalize_text("Ðiều 1")
    assert not hasattr(nt, "__dict__")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        nt.text = "x"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        nt._memos = {}  # type: ignore[misc]
    with pytest.raises(AttributeError):
        nt.extra = 1  # type: ignore[attr-defined]


def test_memo_computes_once_and_every_thread_gets_the_stored_value() -> None:
    import threading

    nt = normalize_text("Điều 1")
    calls = []
    assert nt.memo("k", lambda: calls.append(1) or 41) == 41
    assert nt.memo("k", lambda: calls.append(1) or 42) == 41
    assert calls == [1]
    results: list[object] = []
    barrier = threading.Barrier(8)

    def work() -> None:
        barrier.wait()
        results.append(nt.memo("shared", object))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 8 and all(r is results[0] for r in results)


def test_other_marks_cover_every_combining_mark_outside_the_mark_ranges() -> None:
    import re
    import sys

    from vnadmin import text as text_module

    other = re.compile("[" + text_module._OTHER_MARKS + text_module._MARK_RANGES + "]")
    missing = [
        hex(c)
        for c in range(sys.maxunicode + 1)
        if unicodedata.combining(chr(c)) and not other.match(chr(c))
    ]
    assert missing == []


def test_what_a_composed_nfd_text_may_not_hold_covers_every_composition_of_a_rare_character() -> (
    None
):
    """A text in NFD is taken as normalised once composed when the result holds nothing
    that ``_UNCLEAN`` finds: so every character NFC can make from one that ``_RARE``
    finds (a composite that holds it, or what NFC maps it to) must be found too, and
    the marks NFC composes with are those of U+0300-U+036F (which the map counts)."""
    import re
    import sys

    from vnadmin import text as text_module

    rare, unclean = text_module._RARE, text_module._UNCLEAN
    replace = text_module._REPLACE  # (replaced one for one in the composed text)
    mark = re.compile("[" + text_module._MARK_RANGES + "]")
    missed, beyond = [], []
    for c in range(sys.maxunicode + 1):
        ch = chr(c)
        if 0xD800 <= c < 0xE000 or c > 0xFFFF:  # (beyond the BMP: never the fast path)
            continue
        nfc = unicodedata.normalize("NFC", ch)
        if rare.match(ch) and not all(unclean.match(x) or x in replace for x in nfc):
            missed.append(hex(c))
        nfd = unicodedata.normalize("NFD", ch)
        if nfd == ch or nfc != ch:
            continue  # (not a composite that NFC makes)
        if any(map(rare.match, nfd)) and not unclean.match(ch):
            missed.append(hex(c))
        if any(mark.match(x) and not "\u0300" <= x <= "\u036f" for x in nfd):
            beyond.append(hex(c))  # (the map of a decomposed text counts U+0300-U+036F)
    assert missed == [] and beyond == []


# --- the line-by-line map of dense texts (issue 9) and runs of blanks (issue 10) ------

WORDS = st.sampled_from(
    [
        "Quyết",
        "định",
        "Ủy",
        "ban",
        "nhân",
        "dân",
        "hoà",
        "30/2020/NĐ-CP",
        "ngày",
        "tháng",
        "năm",
        "THỦ",
        "TƯỚNG",
        "x" * 70,  # a word longer than a line's words are mapped by
    ]
)
SEPARATORS = st.sampled_from(
    [" ", "  ", "\n", "\n\n", "\r\n", ", ", "\u00a0", "\u200b", "\u00a0\u200b\u00a0", "\u2013"]
)
# Lines of words in NFC or NFD (or a mark out of order, a stray mark), joined by
# separators: dense texts whose map is kept line by line.
LINED = st.lists(
    st.tuples(WORDS, st.sampled_from(["NFC", "NFD"]), SEPARATORS), min_size=1, max_size=40
).map(lambda parts: "".join(unicodedata.normalize(f, w) + sep for w, f, sep in parts))
ODD = st.sampled_from(
    [
        *("a\u0301\u0323", "\u0301", "o\u0302\u0301\u0301", "\u212b", "e\u0323"),
        # (characters NFC composes that the fast path for NFD leaves to the others)
        *("\u1100\u1161\u11a8", "\u30ab\u3099", "\u0b47\u0b3e", "\U0001d15e", "x\u0483"),
        *("\u03b1\u0301", "\u2126", "\u1dc4", "e\u0302\u1dc4"),  # (Greek; a mark beyond U+036F)
        # (characters replaced one for one, alone, in runs, next to marks)
        *("\u00a0", "\u00a0\u2002\u00a0", "\u00d0", "\u2013\u2013", "\u2028", "\uff0f"),
        *("\u00a0\u0301", "\u00d0\u0323", "\u2000"),
    ]
)


def _full_map(nt: object) -> tuple[object, ...]:
    from vnadmin.text import NormalizedText

    assert isinstance(nt, NormalizedText)
    n = len(nt.text)
    chars = [nt.to_original(i, i + 1) for i in range(n)]
    spans = [nt.to_original(a, b) for a in range(0, n + 1, 7) for b in range(a, n + 1, 5)]
    offsets = [nt.from_original(o) for o in range(-1, len(nt.original) + 2)]
    m = len(nt.original)
    return nt.text, chars, spans, offsets, nt.repairs(), nt.repairs_in(m // 3, 2 * m // 3)


@given(LINED, st.lists(st.tuples(st.integers(0, 10_000), ODD), max_size=3))
def test_the_line_map_is_the_general_paths_map(s: str, odd: list[tuple[int, str]]) -> None:
    from vnadmin import text as text_module

    for at, piece in odd:
        at %= len(s) + 1
        s = s[:at] + piece + s[at:]
    nt = normalize_text(s)
    assert _full_map(nt) == _full_map(text_module._normalize_slow(s))
    lines = text_module._normalize_lines(s)
    if lines is not None and text_module._HIDDEN_MARK.search(s) is None:
        assert _full_map(lines) == _full_map(text_module._normalize_slow(s))


def test_an_nfd_document_is_mapped_line_by_line_and_exactly() -> None:
    from pathlib import Path

    from vnadmin import text as text_module

    path = Path(__file__).parent / "data" / "texts" / "cong-van_2739-VPCP-DMDN.txt"
    nfc = path.read_text(encoding="utf-8")
    for s in (unicodedata.normalize("NFD", nfc), unicodedata.normalize("NFD", nfc) + "\u00a0"):
        nt = normalize_text(s)
        assert nt.text == nfc + ("" if s.endswith("\n") else " ") * s.endswith("\u00a0")
        assert nt._lines is not None  # (the line-by-line map)
        assert _full_map(nt) == _full_map(text_module._normalize_slow(s))
        a = nt.text.index("Hà Nội")
        start, end = nt.to_original(a, a + 6)
        assert unicodedata.normalize("NFC", s[start:end]) == "Hà Nội"


@given(LINED, st.lists(st.tuples(st.integers(0, 10_000), ODD), max_size=2))
def test_a_text_in_nfd_is_mapped_by_its_decomposition_exactly(
    s: str, odd: list[tuple[int, str]]
) -> None:
    from vnadmin import text as text_module

    for at, piece in odd:
        at %= len(s) + 1
        s = s[:at] + piece + s[at:]
    s = unicodedata.normalize("NFD", s.replace("\r", "").replace("\u200b", ""))
    slow = _full_map(text_module._normalize_slow(s))
    assert _full_map(normalize_text(s)) == slow
    nfc, fast = text_module._decomposed(s)  # (what a text in NFD takes first)
    if nfc is not None:
        assert nfc == unicodedata.normalize("NFC", s)
    if fast is not None:
        assert _full_map(fast) == slow
        assert isinstance(fast._lines, text_module._Decomposed)
    else:  # (declined only for a mark left, a character to remove, Greek, kana, Hangul, astral)
        assert (
            nfc is None
            or text_module._UNCLEAN.search(nfc) is not None
            or re.search(
                "[\u0370-\u03ff\u1f00-\u1fff\u309e-\u30ff\uac00-\ud7a3\U00010000-\U0010ffff]", nfc
            )
        )
    lines = text_module._normalize_lines(s, plain=True)  # (what a dense NFD text takes next)
    if lines is not None and text_module._RARE.search(s) is None:
        assert _full_map(lines) == slow


def test_a_reordered_text_keeps_the_line_map() -> None:
    s = unicodedata.normalize("NFD", "Ủy ban | Cộng hòa\nnhân dân | Độc lập")
    nt = normalize_text(s)
    assert nt._lines is not None
    t = nt.text
    pieces = [(0, 6), (t.index("nhân"), t.index("nhân") + 8)]
    pieces += [(t.index("Cộng"), t.index("Cộng") + 8), (t.index("Độc"), len(t))]
    r = nt.reordered(pieces)
    assert r.text == "Ủy ban\nnhân dân\nCộng hòa\nĐộc lập"
    a = r.text.index("Cộng")
    start, end = r.to_original(a, a + 8)
    assert unicodedata.normalize("NFC", s[start:end]) == "Cộng hòa"
    assert r.from_original(start) == a


def test_a_run_of_blanks_is_one_repair() -> None:
    s = "Số\u00a0\u200b\u00a0\u200b 12"
    nt = normalize_text(s)
    assert nt.text == "Số   12"
    (repair,) = nt.repairs()
    assert (repair.kind, repair.span, repair.after) == ("space", (2, 6), "  ")
    assert nt.to_original(0, 2) == (0, 2) and nt.to_original(4, 7) == (6, 9)
    assert nt.to_original(3, 4) == (2, 6)  # a blank of the run: the whole run
    # the last blank before a mark is the mark's base
    s = "a\u00a0\u00a0\u0301b"
    nt = normalize_text(s)
    assert nt.text == "a  \u0301b"
    assert [r.span for r in nt.repairs()] == [(1, 2), (2, 4)]


@pytest.mark.parametrize("run", ["\u00a0\u200b", "\u200b", "\u00a0", "\u2002\u200d\ufeff"])
def test_runs_of_blanks_cost_one_unit(run: str) -> None:
    from tests.growth import growth

    prefix = unicodedata.normalize("NFD", "Quyết định ") * 20
    assert growth(lambda n: prefix + run * n, lambda s: normalize_text(s).repairs(), 1000) < 0.2
    assert growth(lambda n: prefix + ("x" + run * 40) * n, normalize_text, 100) < 1.5
