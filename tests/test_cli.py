from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import vnadmin
import vnadmin.cli
from vnadmin.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DOC = EXAMPLES / "thong-bao-ket-luan-2024.txt"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def test_code_table_valid() -> None:
    status, text = run("code", "30/2020/NĐ-CP")
    assert status == 0
    assert "30/2020/NĐ-CP" in text and "family=normative" in text


def test_code_invalid_exit_1_and_findings() -> None:
    status, text = run("code", "08 /2015/NĐ-CP")
    assert status == 1
    assert "C103" in text and "08/2015/NĐ-CP" in text


def test_code_json() -> None:
    status, text = run("code", "--format", "json", "1302/UBDT-DTTS", "hello", "08 /2015/NĐ-CP")
    data = json.loads(text)
    assert status == 1
    ok, junk, spaced = data
    assert ok["valid"] is True and ok["canonical"] == "1302/UBDT-DTTS" and ok["error"] is None
    assert ok["code"]["family"] == "cong_van" and ok["code"]["units"] == ["DTTS"]
    assert junk["valid"] is False and junk["code"] is None and junk["findings"] == []
    assert junk["error"]["reason"] == "no_number" and junk["error"]["span"] == [0, 5]
    assert spaced["valid"] is False and spaced["findings"][0]["severity"] == "error"


def test_code_json_is_the_serialization_dialect() -> None:
    _, text = run("code", "--format", "json", "08 /2015/NĐ-CP")
    (entry,) = json.loads(text)
    code = vnadmin.parse_code("08 /2015/NĐ-CP")
    assert entry["code"] | {"schema_version": 1} == json.loads(vnadmin.to_json(code))
    assert vnadmin.from_dict(entry["code"], vnadmin.DocumentCode) == code
    findings = [vnadmin.from_dict(f, vnadmin.Finding) for f in entry["findings"]]
    assert tuple(findings) == vnadmin.codes.check(code)


def test_code_file_utf16(tmp_path: Path) -> None:
    f = tmp_path / "codes.txt"
    f.write_text("# comment\n1656/QĐ-UBND\n35-CT/TW\n", encoding="utf-16")
    status, text = run("code", "-f", str(f), "--format", "json")
    assert status == 0
    assert [r["canonical"] for r in json.loads(text)] == ["1656/QĐ-UBND", "35-CT/TW"]


def test_unreadable_and_undecodable_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _ = run("code", "-f", str(tmp_path / "missing.txt"))
    assert status == 2
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xff\xc3(")
    status, _ = run("code", "-f", str(bad))
    assert status == 2
    err = capsys.readouterr().err
    assert "cannot read" in err and "cannot decode" in err
    assert "Traceback" not in err


def test_example_file_runs() -> None:
    status, text = run("code", "-f", str(EXAMPLES / "codes.txt"))
    assert status == 1  # the example holds real irregular codes
    assert text.count("→") >= 15


def test_python_dash_m() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "vnadmin", "code", "35-CT/TW"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0 and "party" in proc.stdout


def test_closed_pipe_exits_without_traceback(tmp_path: Path) -> None:
    codes = tmp_path / "codes.txt"
    codes.write_text("30/2020/NĐ-CP\n" * 500, encoding="utf-8")  # ~700 kB of JSON
    proc = subprocess.Popen(
        [sys.executable, "-m", "vnadmin", "code", "--format", "json", "-f", str(codes)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(1) == b"["
    proc.stdout.close()  # the rest cannot fit in the pipe's buffer
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 1
    assert "Traceback" not in err and "Broken pipe" not in err


def test_import_does_not_pull_cattrs_or_hypothesis() -> None:
    code = "import sys, vnadmin; print('cattrs' in sys.modules, 'hypothesis' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.split() == ["False", "False"]


def test_lint_table_and_exit_status(tmp_path: Path) -> None:
    status, text = run("lint", str(DOC))
    assert status == 0  # warnings only
    assert f"{DOC}:1:1: N101 warning" in text
    bad = tmp_path / "bad.txt"
    bad.write_text("Căn cứ Quyết định số 5/QĐ-UBND ngày 29/9/2025 (thứ Ba);\n", encoding="utf-8")
    status, text = run("lint", str(bad))
    assert status == 1
    assert "D105 error" in text


def test_lint_json_select_ignore_and_vietnamese() -> None:
    status, text = run("lint", str(DOC), "--format", "json", "--select", "N,T")
    data = json.loads(text)
    assert status == 0 and data and {d["rule"][0] for d in data} <= {"N", "T"}
    assert all({"line", "column", "message_vi", "article"} <= set(d) for d in data)
    assert {d["severity"] for d in data} <= {"error", "warning", "info"}
    found = vnadmin.lint(DOC.read_text(encoding="utf-8"), select=["N", "T"])
    # the finding's own fields, without what the command added (unknown keys are refused)
    own = [{k: v for k, v in d.items() if k not in ("file", "line", "column")} for d in data]
    assert [vnadmin.from_dict(d, vnadmin.Finding) for d in own] == list(found)
    with pytest.raises(vnadmin.VnAdminError, match="unknown key 'file'"):
        vnadmin.from_dict(data[0], vnadmin.Finding)
    _, text = run("lint", str(DOC), "--ignore", "N101")
    assert "N101" not in text
    _, text = run("lint", str(DOC), "--lang", "vi", "--select", "N101")
    assert "Thiếu thành phần thể thức bắt buộc" in text


def test_parse_refs_calendar() -> None:
    status, text = run("parse", str(DOC))
    data = json.loads(text)
    assert status == 0 and data["type_name"] == "Thông báo"
    assert data["signatures"][0]["signer_name"] == "Vũ Quang Khánh"
    doc = vnadmin.parse_document(DOC.read_text(encoding="utf-8"))
    assert vnadmin.from_json(text, vnadmin.Document) == doc
    status, text = run("refs", str(DOC))
    assert status == 0 and "1822/QĐ-UBND" in text and "1302/UBDT-DTTS" in text
    status, text = run("refs", str(DOC), "--format", "json")
    assert json.loads(text)[0]["code"]["number"] == 1822
    assert json.loads(text) == json.loads(vnadmin.to_json(list(doc.references)))
    status, text = run("calendar", "2026")
    assert status == 0 and "2026-01-10" in text and "12729/VPCP-KGVX" in text
    status, text = run("calendar", "2025", "--format", "json")
    assert any(h["date"] == "2025-01-29" for h in json.loads(text))
    assert {h["kind"] for h in json.loads(text)} <= {k.value for k in vnadmin.DayKind}


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        buffer = io.BytesIO(DOC.read_bytes())

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    status, text = run("refs", "-")
    assert status == 0 and "1822/QĐ-UBND" in text


# --- exit statuses, caps, no tracebacks --------------------------------------------------


def _vnadmin(*argv: str, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vnadmin", *argv],
        input=stdin.decode(),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_exit_0_clean_and_1_findings() -> None:
    assert run("code", "30/2020/NĐ-CP")[0] == 0
    assert run("code", "hello")[0] == 1
    assert run("calendar", "2025")[0] == 0


def test_exit_2_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert run()[0] == 2  # no command
    assert run("nope")[0] == 2
    assert run("code")[0] == 2  # no CODE and no -f
    assert run("calendar", "x")[0] == 2
    assert run("lint", "--max-bytes", "0", str(DOC))[0] == 2
    assert run("lint", "--max-bytes", "ten", str(DOC))[0] == 2
    err = capsys.readouterr().err
    assert "usage:" in err and "Traceback" not in err
    assert run("--version")[0] == 0


def test_exit_2_on_a_library_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import vnadmin.calendar

    def refuse(year: int) -> object:
        raise vnadmin.VnAdminError("year out of range")

    monkeypatch.setattr(vnadmin.calendar, "holidays", refuse)
    assert run("calendar", "99999")[0] == 2


@pytest.mark.parametrize(
    "argv",
    [("code", "30/2020/NĐ-CP"), ("lint", str(DOC)), ("parse", str(DOC)), ("refs", str(DOC))],
)
def test_exit_3_on_an_internal_error(
    argv: tuple[str, ...], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import vnadmin.cli
    import vnadmin.document
    import vnadmin.linter
    import vnadmin.references

    def crash(*args: object, **kwargs: object) -> object:
        raise RuntimeError("boom")

    for module, name in [
        (vnadmin.cli.codes, "parse"),
        (vnadmin.linter, "lint"),
        (vnadmin.document, "parse_document"),
        (vnadmin.references, "find_references"),
    ]:
        monkeypatch.setattr(module, name, crash)
    assert run(*argv)[0] == 3
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: boom" in err
    assert f"please report this at {vnadmin.cli.ISSUES}" in err
    assert "Traceback" not in err


def test_input_is_capped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(DOC.read_bytes() * 3)
    size = big.stat().st_size
    assert run("lint", str(big), "--max-bytes", str(size - 1))[0] == 2
    err = capsys.readouterr().err
    assert f"larger than {size - 1} bytes" in err and "--max-bytes" in err
    assert run("lint", str(big), "--max-bytes", str(size))[0] in (0, 1)
    assert run("refs", str(big), "--max-bytes", str(size))[0] == 0
    assert vnadmin.cli.MAX_BYTES == 50_000_000


def test_cap_applies_to_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        buffer = io.BytesIO(b"x" * 1000)

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    assert run("refs", "-", "--max-bytes", "999")[0] == 2


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_ends_with_a_message() -> None:
    proc = _vnadmin("lint", "/dev/zero", "--max-bytes", "1000000")
    assert proc.returncode == 2
    assert "larger than 1000000 bytes" in proc.stderr and "Traceback" not in proc.stderr
    proc = _vnadmin("parse", "/dev/zero")  # the default cap: 50 MB read, then refused
    assert proc.returncode == 2 and "larger than 50000000 bytes" in proc.stderr


def test_no_traceback_on_hostile_input(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("Căn cứ" + " " * 800 + "x\n" + "1/²²²²/QĐ-UBND (thứ ſáu)\n", "utf-8")
    for command in ("lint", "parse", "refs"):
        proc = _vnadmin(command, str(hostile))
        assert proc.returncode in (0, 1), (command, proc.stderr)
        assert "Traceback" not in proc.stderr
    # whatever the library does with it (its exception contract is tested with it), the
    # command ends with a status and a message, never a traceback
    proc = _vnadmin("code", "-f", "-", stdin="1/²²²²/QĐ-UBND\n".encode())
    assert proc.returncode in (0, 1, 3) and "Traceback" not in proc.stderr
