"""The ``tasks`` and ``meeting`` commands on real files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from vnadmin.cli import main

ROOT = Path(__file__).parent / "data"
SEED = ROOT / "texts" / "thong-bao_seed-ket-luan-2024.txt"
INVITE = ROOT / "files" / "giay-moi_85-GM-UBND-lam-dong.pdf"


def test_tasks_table_csv_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tasks", "--today", "2024-01-10", str(SEED)]) == 0
    table = capsys.readouterr().out.splitlines()
    first = table[0].split("\t")
    assert first[2] == "Ban Dân tộc" and first[3] == "2024-01-12" and first[5] == "due_soon"
    assert main(["tasks", "--format", "csv", "--today", "2024-02-01", str(SEED)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == len(table)
    assert rows[0]["status"] == "overdue" and rows[0]["working_days_left"] == "-1"
    assert main(["tasks", "--format", "json", str(SEED)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["lead"]["name"] == "Ban Dân tộc"


def test_meeting_table_json_and_ics(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["meeting", str(INVITE)]) == 0
    line = capsys.readouterr().out.split("\t")
    assert line[1] == "2026-01-22T14:00:00+07:00" and "Nguyễn Ngọc Phúc" in line[3]
    assert main(["meeting", "--format", "json", str(INVITE)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["start"].startswith("2026-01-22T14:00")
    pytest.importorskip("icalendar")
    assert main(["meeting", "--format", "ics", str(INVITE)]) == 0
    out = capsys.readouterr().out
    assert "BEGIN:VEVENT" in out and "DTSTART:20260122T070000Z" in out


def test_a_document_without_a_meeting_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["meeting", str(ROOT / "texts" / "quyet-dinh_173-QD-BTP.txt")]) == 1
    assert "no meeting found" in capsys.readouterr().err
