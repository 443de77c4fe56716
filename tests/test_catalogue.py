"""The rule catalogue tells the truth: every finding lint reports on the real texts and
files has the severity its rule has in the catalogue (data/rules.tsv), and its message
quotes what the text holds."""

from __future__ import annotations

from pathlib import Path

import pytest

import vnadmin
from vnadmin.findings import RULES

DATA = Path(__file__).parent / "data"
TEXTS = sorted((DATA / "texts").glob("*.txt"))
FILES = sorted((DATA / "files").glob("*.docx"))[:4]
EVERY_FAMILY = sorted({r[0] for r in RULES})


@pytest.mark.parametrize("path", TEXTS + FILES, ids=lambda p: p.name)
def test_every_finding_has_its_catalogue_severity(path: Path) -> None:
    source: object = path.read_text(encoding="utf-8") if path.suffix == ".txt" else path
    findings = vnadmin.lint(source, select=EVERY_FAMILY)  # type: ignore[arg-type]
    wrong = [
        (f.rule, f.severity.value, RULES[f.rule].severity.value)
        for f in findings
        if f.severity is not RULES[f.rule].severity
    ]
    assert wrong == []


def test_the_date_form_rules_quote_what_was_written() -> None:
    text = "SỞ NỘI VỤ\nSố: 12/QĐ-SNV\nHà Nội, ngày 3 tháng 05 năm 2024\nQUYẾT ĐỊNH\n"
    found = {f.rule: f for f in vnadmin.lint(text)}
    assert "'ngày 3' -> 'ngày 03'" in found["D101"].message_en
    assert "'tháng 05' -> 'tháng 5'" in found["D103"].message_en
    assert found["D103"].severity is vnadmin.Severity.WARNING
    # the same forms in the body are information only, under rules of their own
    body = text + "Hội nghị họp ngày 7 tháng 05 năm 2024.\n"
    rules = [f.rule for f in vnadmin.lint(body) if f.rule[0] == "D"]
    assert rules.count("D101") == 1 and "D115" in rules and "D117" in rules
