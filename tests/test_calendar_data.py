"""scripts/check_calendar_data.py on the shipped table and on broken copies of it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "check_calendar_data.py"
TABLE = ROOT / "src" / "vnadmin" / "data" / "holidays_vn.tsv"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )


def test_shipped_table_passes_and_ends_with_2026() -> None:
    out = _run()
    assert out.returncode == 0, out.stderr
    years = [line.split(":")[0] for line in out.stdout.splitlines() if line[:2] == "20"]
    assert years[-1] == "2026"
    last = out.stdout.splitlines()[years.index("2026")]
    assert "02/01<->10/01" in last
    assert "31/08<->22/08" in last
    assert "9441/TB-BNV" in last
    assert "12729/VPCP-KGVX" in last


def _broken(tmp_path: Path, drop: str = "", replace: tuple[str, str] = ("", "")) -> Path:
    lines = TABLE.read_text(encoding="utf-8").splitlines(keepends=True)
    if drop:
        lines = [line for line in lines if not line.startswith(drop)]
    text = "".join(lines)
    if replace[0]:
        assert replace[0] in text
        text = text.replace(replace[0], replace[1], 1)
    path = tmp_path / "holidays.tsv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("drop", "replace", "message"),
    [
        ("2026-08-22", ("", ""), "2026-08-31: swapped day off without its make-up day"),
        ("2026-02-20", ("", ""), "2026: 4 'tet' holiday rows"),
        (
            "",
            (
                "Tết Âm lịch\tLunar New Year\t9441/TB-BNV (16/10/2025)",
                "Tết Âm lịch\tLunar New Year\tBLLĐ 2019 Điều 112",
            ),
            "cites the law",
        ),
        ("2026-", ("", ""), "header says 2020-2026, the rows cover 2020-2025"),
    ],
)
def test_broken_tables_fail(
    tmp_path: Path, drop: str, replace: tuple[str, str], message: str
) -> None:
    out = _run("--table", str(_broken(tmp_path, drop, replace)))
    assert out.returncode == 1
    assert message in out.stderr


def test_strict_fails_on_unverified_numbers() -> None:
    out = _run("--strict")
    assert out.returncode == 1
    assert "number not verified" in out.stderr
