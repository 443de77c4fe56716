"""The pipeline normalises a document once: every later step reads that one NormalizedText."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

import vnadmin
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
