"""The pipeline normalises a document once: every later step reads that one NormalizedText."""

from __future__ import annotations

import contextlib
import unicodedata
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vnadmin
from vnadmin import document as _document
from vnadmin import references as _references
from vnadmin import structure as _structure
from vnadmin import text as text_module

TEXTS = sorted((Path(__file__).parent / "data" / "texts").glob("*.txt"))


@pytest.fixture
def normalisations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The length of every string normalised while the test runs."""
    seen: list[int] = []
    real = text_module._normalize

    def counting(text: str) -> vnadmin.NormalizedText:
        seen.append(len(text))
        return real(text)

    monkeypatch.setattr(text_module, "_normalize", counting)
    return seen


def _whole_and_rest(seen: list[int], n: int) -> tuple[int, int]:
    return sum(1 for k in seen if k == n), sum(k for k in seen if k != n)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_parse_document_normalises_once(path: Path, form: str, normalisations: list[int]) -> None:
    text = unicodedata.normalize(form, path.read_text(encoding="utf-8"))
    vnadmin.parse_document(text)
    whole, rest = _whole_and_rest(normalisations, len(text))
    assert whole == 1
    # Short names compared through fold() are normalised on their own; no stretch of the
    # document is normalised a second time.
    assert rest <= 0.02 * len(text) + 200


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_lint_normalises_once(path: Path, normalisations: list[int]) -> None:
    text = path.read_text(encoding="utf-8")
    vnadmin.lint(text)
    whole, rest = _whole_and_rest(normalisations, len(text))
    assert whole == 1
    assert rest <= 0.02 * len(text) + 200


def test_a_normalized_text_is_not_normalised_again(normalisations: list[int]) -> None:
    text = TEXTS[0].read_text(encoding="utf-8")
    nt = vnadmin.normalize_text(text)
    normalisations.clear()
    doc = vnadmin.parse_document(nt)
    assert len(text) not in normalisations
    assert doc == vnadmin.parse_document(text)


# --- hostile input (issue 10): the exception contract of every text function here --------


#: The domain's tokens, with case variants (ſ ı İ K ß), non-ASCII digits, extreme years,
#: combining marks, controls and blank runs.
TOKENS = st.sampled_from(
    [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "UBND TỈNH LẠNG SƠN",
        "Số:",
        "Số",
        "số",
        "SỐ",
        "ſố",
        "1656/QĐ-UBND",
        "30/2020/NĐ-CP",
        "35-CT/TW",
        "1/Q Đ",
        "1/²²²²/QĐ-UBND",
        "٣/QĐ-UBND",
        "５/QĐ",
        "Hà Nội, ngày",
        "ngày 20 tháng 7 năm 2025",
        "ngày 01/01/0001",
        "ngày 31/12/9999",
        "tháng",
        "năm 9999",
        "năm 0001",
        "QUYẾT ĐỊNH",
        "Quyết định",
        "Quyết Định",
        "Chỉ thı",
        "Bản ſao",
        "\u212aế hoạch",
        "İ",
        "ß",
        "V/v",
        "Căn cứ",
        "Xét đề nghị",
        "Điều 1.",
        "Điều 9999a.",
        "Chương I",
        "Phần thứ nhất",
        "Mục 1",
        "I.",
        "1.",
        "a)",
        "đ)",
        "²)",
        "Nơi nhận:",
        "Kính gửi:",
        "- Như trên;",
        "- Lưu: VT.",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "TS.",
        "(Đã ký)",
        "KHẨN",
        "MẬT",
        "của",
        "do",
        "này",
        "nêu trên",
        "và",
        ",",
        ";",
        ":",
        ".",
        "-",
        "--",
        "(",
        ")",
        "\u0301",
        "\u0301\u0323" * 20,
        "\u05b0\u0591" * 20,
        "\u200b",
        "\x00",
        "\x0c",
        "\r\n",
        "\n",
        "\t",
        " ",
        " " * 40,
        "\n\n",
    ]
)
GRAMMAR = st.lists(TOKENS | st.text(max_size=3), max_size=40).map(" ".join) | st.lists(
    TOKENS, max_size=40
).map("".join)
HOSTILE_TEXTS = st.text(max_size=200) | GRAMMAR

_SETTINGS = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


def _only_vnadmin_errors(fn: object, *args: object) -> None:
    with contextlib.suppress(vnadmin.VnAdminError):
        fn(*args)  # type: ignore[operator]


@_SETTINGS
@given(HOSTILE_TEXTS)
def test_finders_and_lint_never_raise_on_a_str(s: str) -> None:
    doc = vnadmin.parse_document(s)
    vnadmin.lint(s)
    vnadmin.lint(doc)
    vnadmin.find_references(s)
    vnadmin.resolve_references(s)
    tree = vnadmin.parse_structure(s)
    _structure.check_structure(tree)
    _structure.check_structure(s)
    _structure.is_valid(s)
    _references.is_valid(s)
    _document.is_valid(s)
    vnadmin.normalize_text(s)
    vnadmin.fold(s)
    vnadmin.canonical_tones(s)
    vnadmin.canonical_tones(s, "new")
    vnadmin.tone_style(s)
    _document.check(s)
    _document.format_document(doc)


@_SETTINGS
@given(HOSTILE_TEXTS)
def test_parsers_raise_only_vnadmin_errors(s: str) -> None:
    for fn in (
        vnadmin.parse_reference,
        vnadmin.format_reference,
        _references.check,
        _references.validate,
        _structure.parse,
        _structure.format,
        _structure.validate,
        _document.validate,
    ):
        _only_vnadmin_errors(fn, s)


@pytest.mark.parametrize("value", [None, 1, b"x", ["Điều 1."], object(), 1.5])
def test_other_values_raise_only_vnadmin_errors(value: object) -> None:
    for fn in (
        vnadmin.normalize_text,
        vnadmin.canonical_tones,
        vnadmin.tone_style,
        vnadmin.fold,
        vnadmin.parse_reference,
        vnadmin.format_reference,
        _references.check,
        _references.validate,
        _structure.parse,
        _structure.format,
        _structure.check_structure,
        _structure.validate,
        vnadmin.parse_document,
        _document.check,
        _document.validate,
        vnadmin.lint,
    ):
        _only_vnadmin_errors(fn, value)
    assert vnadmin.find_references(value) == ()  # type: ignore[arg-type]
    assert vnadmin.resolve_references(value) == ()  # type: ignore[arg-type]
    assert vnadmin.parse_structure(value) == ()  # type: ignore[arg-type]
    assert not _references.is_valid(value)
    assert not _structure.is_valid(value)
    assert not _document.is_valid(value)


def test_a_hand_built_tree_with_unusual_labels_or_depth_is_checked() -> None:
    from vnadmin.structure import Division, DivisionKind

    odd = Division(DivisionKind.ARTICLE, "²", "", (0, 1), (0, 1))
    odd2 = Division(DivisionKind.ARTICLE, "٣", "", (0, 1), (0, 1))
    assert _structure.check_structure((odd, odd2)) == ()
    deep = Division(DivisionKind.POINT, "a", "", (0, 1), (0, 1))
    for _ in range(5000):
        deep = Division(DivisionKind.CLAUSE, "1", "", (0, 1), (0, 1), (deep,))
    assert len(list(deep.walk())) == 5001
    _structure.check_structure(deep)


def _values() -> list[object]:
    doc = vnadmin.parse_document(
        "UBND TỈNH X\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 12/QĐ-UBND\nX, ngày 1 tháng 2 năm 2025\nQUYẾT ĐỊNH\nVề việc y\n"
        "Căn cứ Quyết định số 1656/QĐ-UBND ngày 20/7/2025 của UBND tỉnh;\n"
        "Điều 1. Phạm vi\n1. Khoản\na) điểm. Quyết định này.\n"
    )
    assert doc.body is not None and doc.structure and doc.references
    assert vnadmin.resolve_references(doc.text)
    return [
        doc,
        doc.body,
        doc.structure[0],
        doc.references[0],
        vnadmin.resolve_references(doc.text)[0],
    ]


@pytest.mark.parametrize("index", range(5))
def test_values_are_frozen(index: int) -> None:
    value = _values()[index]
    assert not hasattr(value, "__dict__")
    field = attrs.fields(type(value))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(value, field, None)
    with pytest.raises((attrs.exceptions.FrozenInstanceError, AttributeError)):
        value.extra = 1  # type: ignore[union-attr]
