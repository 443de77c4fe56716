"""The command line as a linter for CI and editors: output formats (SARIF, GitHub),
--fail-on, rule selection, configuration files, batches of files, encodings, pipes.

Most tests call :func:`vnadmin.cli.main` in-process; a few run ``python -m vnadmin``
(stdin, pipes, narrow stdout encodings). Files: the corpus copies in tests/data.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

import vnadmin
from vnadmin.cli import main
from vnadmin.cli._inputs import Lines
from vnadmin.cli._lint import Reported, _reported, github_command
from vnadmin.findings import RULES, Finding, Severity

from .growth import assert_linear

ROOT = Path(__file__).parent
DATA = ROOT / "data"
INFO_ONLY = DATA / "texts" / "cong-van_3397-BKHDT-QLKTTW.txt"  # one info finding
WARN = DATA / "texts" / "thong-bao_seed-ket-luan-2024.txt"  # four warnings
ERR = DATA / "files" / "giay-moi_85-GM-UBND-lam-dong.pdf"  # one error
DOCX = DATA / "files" / "huong-dan_36-HD-VPTW.docx"
# M101: a Giấy mời dated one working day before its meeting (vnadmin.meetings.rules)
INVITE = (
    "ỦY BAN NHÂN DÂN TỈNH X\nSố: 05/GM-UBND\nX, ngày 20 tháng 01 năm 2026\nGIẤY MỜI\n"
    "Họp bàn\n\n1. Chủ trì: Đồng chí A, Chủ tịch UBND tỉnh.\n"
    "2. Thời gian: 14 giờ 00, ngày 21/01/2026.\n3. Địa điểm: Phòng họp số 1.\n"
)


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(["--no-config" if a == "@NOCONF" else a for a in argv], out=out)
    return status, out.getvalue()


@pytest.fixture
def tree(tmp_path: Path) -> Iterator[Path]:
    """A directory of documents: two texts, a .docx, a broken .docx, a .tsv, a hidden
    file; the working directory while the test runs (no configuration above it)."""
    (tmp_path / "sub").mkdir()
    shutil.copy(WARN, tmp_path / "a.txt")
    shutil.copy(INFO_ONLY, tmp_path / "sub" / "b.md")
    shutil.copy(DOCX, tmp_path / "sub" / "c.docx")
    (tmp_path / "sub" / "broken.docx").write_bytes(b"PK\x03\x04broken")
    shutil.copy(WARN, tmp_path / "table.tsv")
    shutil.copy(WARN, tmp_path / ".hidden.txt")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(cwd)


# --- SARIF -----------------------------------------------------------------------------


def test_sarif_is_valid_and_carries_the_rule_catalogue(tree: Path) -> None:
    status, text = run("lint", "--format", "sarif", "a.txt", "sub")
    assert status == 2  # broken.docx
    log = json.loads(text)
    model = pytest.importorskip("pydantic_sarif.model")
    model.StaticAnalysisResultsFormatSarifVersion210JsonSchema.model_validate(log)
    assert log["version"] == "2.1.0"
    (run_,) = log["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "vnadmin" and driver["version"] == vnadmin.__version__
    rules = driver["rules"]
    assert [r["id"] for r in rules] == sorted(RULES)
    for r in rules:
        rule = RULES[r["id"]]
        assert r["name"] == rule.name
        for field in ("shortDescription", "fullDescription"):
            assert rule.message_vi in r[field]["text"] and rule.message_en in r[field]["text"]
        assert rule.article in r["help"]["text"] and rule.message_vi in r["help"]["markdown"]
        assert r["helpUri"].endswith(f"/rules/{rule.id}.html")
        want = {"error": "error", "warning": "warning", "info": "note"}[rule.severity.value]
        assert r["defaultConfiguration"]["level"] == want
    # the results are the findings of vnadmin.lint, located by line and column
    expected = {
        p: vnadmin.lint(vnadmin.read_document(p)) for p in ("a.txt", "sub/b.md", "sub/c.docx")
    }
    assert len(run_["results"]) == sum(map(len, expected.values()))
    seen_uris = set()
    for result in run_["results"]:
        (loc,) = result["locations"]
        artifact = loc["physicalLocation"]["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%"
        seen_uris.add(artifact["uri"])
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        match = [f for f in expected[artifact["uri"]] if f.rule == result["ruleId"]]
        assert match and result["level"] == {"error": "error", "warning": "warning"}.get(
            match[0].severity.value, "note"
        )
        region = loc["physicalLocation"]["region"]
        spans = [f.span for f in match if f.span is not None]
        if "startColumn" in region:
            doc = vnadmin.read_document(artifact["uri"])
            lines = Lines(doc.text)
            starts = {(lines(a), lines(b)) for a, b in spans}
            got = (
                (region["startLine"], region["startColumn"]),
                (region["endLine"], region["endColumn"]),
            )
            assert got in starts
        else:
            assert region == {"startLine": 1} and None in [f.span for f in match]
    assert seen_uris == {"a.txt", "sub/b.md", "sub/c.docx"}
    (invocation,) = run_["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert "broken.docx" in note["message"]["text"]


def test_sarif_uris_are_escaped_and_absolute_outside_the_cwd(tree: Path, tmp_path: Path) -> None:
    odd = tree / "sub" / "Tờ trình, số 1.txt"
    shutil.copy(WARN, odd)
    _, text = run("lint", "--format", "sarif", str(odd))
    (result, *_) = json.loads(text)["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "sub/T%E1%BB%9D%20tr%C3%ACnh%2C%20s%E1%BB%91%201.txt"
    os.chdir(tree / "sub")
    _, text = run("lint", "--format", "sarif", str(tree / "a.txt"))
    artifact = json.loads(text)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert artifact["artifactLocation"]["uri"] == (tree / "a.txt").resolve().as_uri()


# --- GitHub workflow commands ----------------------------------------------------------


def test_github_annotations(tree: Path) -> None:
    status, text = run("lint", "--format", "github", "a.txt", str(ERR))
    assert status == 1
    lines = text.splitlines()
    found = vnadmin.lint(vnadmin.read_document(WARN)) + vnadmin.lint(vnadmin.read_document(ERR))
    assert len(lines) == len(found)
    levels = {"error": "error", "warning": "warning", "info": "notice"}
    for line, f in zip(lines, found, strict=True):
        head, message = line[2:].split("::", 1)
        level, props = head.split(" ", 1)
        fields = dict(p.split("=", 1) for p in props.split(","))
        assert level == levels[f.severity.value] and fields["title"] == f.rule
        assert f.message_en in message.replace("%25", "%")
        if f.span is not None:
            assert {"line", "col", "endLine", "endColumn"} <= set(fields)
    assert any(line.startswith("::error file=") for line in lines)


def test_github_escapes_properties_and_data() -> None:
    finding = Finding("N101", Severity.INFO, "vi", "50% done\nnext", "NĐ 30")
    line = github_command(Reported("d:/x,y.txt", finding, 1, 1, 1, 1), "en")
    assert line == "::notice file=d%3A/x%2Cy.txt,title=N101::50%25 done%0Anext [NĐ 30]"


# --- --fail-on, --select, --ignore -----------------------------------------------------


@pytest.mark.parametrize(
    ("path", "statuses"),
    [(INFO_ONLY, (0, 0, 1)), (WARN, (0, 1, 1)), (ERR, (1, 1, 1))],
)
def test_fail_on(path: Path, statuses: tuple[int, int, int]) -> None:
    got = tuple(run("lint", "@NOCONF", "--fail-on", s, str(path))[0] for s in SEVERITY_NAMES)
    assert got == statuses
    assert run("lint", "@NOCONF", str(path))[0] == statuses[0]  # the default is error


SEVERITY_NAMES = ("error", "warning", "info")


def test_select_and_ignore_are_validated_and_case_insensitive(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run("lint", "--select", "n101", str(WARN)) == run("lint", "--select", "N101", str(WARN))
    _, text = run("lint", "--select", "n", "--ignore", "n101", str(WARN))
    assert "N101" not in text
    for option, value in [("--select", "Z9"), ("--ignore", "N101,q1"), ("--select", "N1019")]:
        capsys.readouterr()
        assert run("lint", option, value, str(WARN)) == (2, "")
        err = capsys.readouterr().err
        bad = value.split(",")[-1].upper()
        assert f"unknown rule id or prefix {bad!r} in {option}" in err


# --- configuration ---------------------------------------------------------------------


def test_pyproject_configuration(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.vnadmin]\nselect = ["n"]\nlang = "vi"\n'
        'fail-on = "warning"\n\n[tool.vnadmin.per-file-ignores]\n"sub/*" = ["N101"]\n',
        encoding="utf-8",
    )
    status, text = run("lint", "a.txt", "sub/b.md")
    assert status == 1  # warnings fail
    assert "Thiếu thành phần thể thức bắt buộc" in text  # lang = "vi"
    assert {line.split(":")[0] for line in text.splitlines()} == {"a.txt"}  # sub/* ignored
    assert all(" N1" in line for line in text.splitlines())
    # the command line wins; --no-config reads nothing
    status, text = run("lint", "--lang", "en", "--fail-on", "error", "a.txt")
    assert status == 0 and "mandatory component" in text
    _, text = run("lint", "--no-config", "sub/b.md")
    assert "D1" in text or "N1" in text or "C1" in text
    # searched upward from the first path's directory
    os.chdir(tree / "sub")
    _, text = run("lint", str(tree / "a.txt"))
    assert "Thiếu" in text
    capsys.readouterr()


def test_vnadmin_toml_comes_first_and_config_file_names_one(tree: Path) -> None:
    (tree / "pyproject.toml").write_text('[tool.vnadmin]\nlang = "vi"\n', encoding="utf-8")
    (tree / "vnadmin.toml").write_text('select = ["N101"]\n', encoding="utf-8")
    _, text = run("lint", "a.txt")
    assert "mandatory component" in text and "Thiếu" not in text  # vnadmin.toml only
    other = tree / "sub" / "other.toml"
    other.write_text('ignore = ["N"]\n', encoding="utf-8")
    _, text = run("lint", "--config", str(other), "a.txt")
    assert "N101" not in text
    # a pyproject.toml without [tool.vnadmin] is passed over
    (tree / "vnadmin.toml").unlink()
    (tree / "sub" / "pyproject.toml").write_text('[project]\nname = "y"\n', encoding="utf-8")
    _, text = run("lint", "sub/b.md", "--select", "D,N")
    assert any(w in text for w in ("Thiếu", "tháng", "Ngày"))  # the parent's lang = "vi"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("selekt = ['N']\n", "unknown key 'selekt'"),
        ("lang = 'fr'\n", "lang is 'vi' or 'en'"),
        ("fail-on = 'fatal'\n", "fail-on is one of"),
        ("ignore = ['n101', 'Q']\n", "unknown rule id or prefix 'Q'"),
        ("[per-file-ignores]\n'*.txt' = ['W']\n", "unknown rule id or prefix 'W'"),
        ("notice-days = -1\n", "notice-days is a whole number"),
        ("select = 'N\n", "is not valid TOML"),
    ],
)
def test_bad_configuration_is_a_usage_error(
    tree: Path, content: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (tree / "vnadmin.toml").write_text(content, encoding="utf-8")
    assert run("lint", "a.txt")[0] == 2
    err = capsys.readouterr().err
    assert message in err and "vnadmin.toml" in err and "Traceback" not in err


def test_missing_config_file(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("lint", "--config", "nope.toml", "a.txt")[0] == 2
    assert "cannot read the configuration nope.toml" in capsys.readouterr().err


def test_meeting_day_counts_from_the_configuration(tree: Path) -> None:
    (tree / "invite.txt").write_text(INVITE, encoding="utf-8")
    assert "M101" in run("lint", "--select", "M", "invite.txt")[1]
    (tree / "vnadmin.toml").write_text("notice-days = 1\n", encoding="utf-8")
    assert "M101" not in run("lint", "--select", "M", "invite.txt")[1]
    (tree / "vnadmin.toml").write_text("notice-days = 2\n", encoding="utf-8")
    _, text = run("lint", "--select", "M,N101", "invite.txt")
    assert "M101" in text and "N101" in text
    assert "M101" not in run("lint", "invite.txt")[1]  # M is opt-in


def test_python_3_10_without_tomli(
    tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import vnadmin.cli._config as config

    monkeypatch.setattr(config, "sys", types.SimpleNamespace(version_info=(3, 10, 0)))
    monkeypatch.setitem(sys.modules, "tomli", None)  # (import tomli raises ImportError)
    (tree / "vnadmin.toml").write_text("lang = 'vi'\n", encoding="utf-8")
    assert run("lint", "a.txt")[0] == 2
    assert "pip install tomli" in capsys.readouterr().err
    assert run("lint", "--no-config", "a.txt")[0] == 0


# --- batches: directories, --include, bad files ----------------------------------------


@pytest.mark.parametrize("command", ["lint", "parse", "refs", "tasks", "meeting"])
def test_a_bad_file_is_skipped_and_the_rest_printed(
    tree: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, text = run(command, "--format", "json", ".")
    assert status == 2
    data = json.loads(text)
    err = capsys.readouterr().err
    assert "broken.docx" in err and "Traceback" not in err
    if command == "parse":
        assert len(data) == 3  # a.txt, sub/b.md, sub/c.docx (not .tsv, not hidden)
    if command == "lint":
        assert {d["file"] for d in data} == {"./a.txt", "./sub/b.md", "./sub/c.docx"}


def test_include_patterns(tree: Path) -> None:
    _, text = run("parse", "--include", "*.tsv", ".")
    assert len(json.loads(text)) == 1
    _, text = run("parse", "--include", "*.TXT,sub/*.md", ".")
    assert len(json.loads(text)) == 2
    (tree / "vnadmin.toml").write_text("include = ['*.docx']\n", encoding="utf-8")
    status, text = run("parse", ".")
    assert status == 2 and len(json.loads(text)) == 1  # c.docx (broken.docx refused)
    # a file named on the command line is read whatever its name
    _, text = run("parse", "table.tsv")
    assert json.loads(text)["type_name"] == "Thông báo"


def test_summary_and_progress(
    tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("lint", "a.txt", "sub")[0] == 2
    err = capsys.readouterr().err
    found = [
        f
        for p in ("a.txt", "sub/b.md", "sub/c.docx")
        for f in vnadmin.lint(vnadmin.read_document(p))
    ]
    by = {s: sum(f.severity is s for f in found) for s in Severity}
    assert err.splitlines()[-1] == (
        f"vnadmin: 3 files, {len(found)} findings ({by[Severity.ERROR]} errors, "
        f"{by[Severity.WARNING]} warnings, {by[Severity.INFO]} info); 1 file could not be read"
    )
    assert "\r" not in err  # not a terminal: no progress
    assert run("lint", "-q", "a.txt")[0] == 0 and capsys.readouterr().err == ""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    import vnadmin.cli._inputs as inputs

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    run("lint", "a.txt", "sub")
    assert "\r" not in terminal.getvalue()  # 4 files: not a long batch
    monkeypatch.setattr(inputs, "PROGRESS_MIN_FILES", 3)
    run("lint", "a.txt", "sub")
    shown = terminal.getvalue()
    assert "[1/4] a.txt" in shown and "[4/4]" in shown and shown.count("\r") >= 4


def test_stdin_in_every_command(monkeypatch: pytest.MonkeyPatch) -> None:
    for command in ("lint", "parse", "refs", "tasks", "meeting"):
        monkeypatch.setattr(
            sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(WARN.read_bytes()))
        )
        status, text = run(command, "--no-config", "--format", "json", "-")
        assert status in (0, 1), command
        data = json.loads(text)
        if command == "lint":
            assert data and {d["file"] for d in data} == {"-"}
        if command == "parse":
            assert data["type_name"] == "Thông báo"


# --- output: --output, encodings, pipes ------------------------------------------------


def test_output_file_is_utf8(tree: Path) -> None:
    status, text = run("lint", "--lang", "vi", "--output", "out.txt", "a.txt")
    assert status == 0 and text == ""
    written = (tree / "out.txt").read_bytes().decode("utf-8")
    assert "Thiếu thành phần" in written
    assert run("lint", "--output", str(tree / "no" / "such" / "dir.txt"), "a.txt")[0] == 2


def _vnadmin(
    *argv: str, stdin: bytes = b"", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "vnadmin", *argv],
        input=stdin,
        capture_output=True,
        check=False,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize("encoding", ["ascii", "cp1258"])
def test_a_narrow_stdout_never_crashes(encoding: str) -> None:
    env = {"PYTHONIOENCODING": encoding}
    text = _vnadmin("lint", "--no-config", "--lang", "vi", "-", stdin=WARN.read_bytes(), env=env)
    assert text.returncode == 0 and b"Traceback" not in text.stderr
    assert b"Thi\\u1ebfu th" in text.stdout  # Thiếu thành phần …
    js = _vnadmin("lint", "--no-config", "--format", "json", str(WARN), env=env)
    assert js.returncode == 0
    assert json.loads(js.stdout.decode(encoding)) == json.loads(
        run("lint", "--no-config", "--format", "json", str(WARN))[1]
    )


def test_a_closed_pipe_ends_quietly() -> None:
    # a SARIF log is larger than a pipe's buffer (the rule catalogue alone is ~100 kB)
    proc = subprocess.Popen(
        [sys.executable, "-m", "vnadmin", "lint", "--no-config", "--format", "sarif", str(WARN)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline() == b"{\n"  # `| head -1`
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 1
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err


# --- calendar years, the line index, the reference page, the registry ------------------


@pytest.mark.parametrize("year", ["0", "10000", "1800", "1994", "2201", "-5"])
def test_calendar_refuses_years_it_has_no_data_for(
    year: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("calendar", "--", year)[0] == 2
    err = capsys.readouterr().err
    assert "the calendar has the years 1995–2200" in err and year in err


def test_calendar_edges() -> None:
    for year in ("1995", "2200"):
        status, text = run("calendar", year)
        assert status == 0 and f"{year}-01-01" in text


def test_line_numbers_are_linear_in_the_text() -> None:
    def make(n: int) -> tuple[object, list[Finding]]:
        text = "Căn cứ Nghị định số 30/2020/NĐ-CP;\n" * n
        doc = types.SimpleNamespace(text=text, file=None)
        step = len(text) // n
        findings = [
            Finding("N101", Severity.INFO, "vi", "en", "NĐ 30", (k * step, k * step + 5))
            for k in range(n)
        ]
        return doc, findings

    def locate(case: tuple[object, list[Finding]]) -> object:
        doc, findings = case
        return list(_reported("x.txt", doc, findings))  # type: ignore[arg-type]

    doc, findings = make(3)
    assert [(r.line, r.column, r.end_line, r.end_column) for r in locate((doc, findings))] == [
        (1, 1, 1, 6),
        (2, 1, 2, 6),
        (3, 1, 3, 6),
    ]
    assert_linear(make, [locate])


def test_the_reference_page_is_up_to_date() -> None:
    from vnadmin.cli._reference import render

    page = (ROOT.parent / "docs" / "cli.md").read_text(encoding="utf-8")
    assert page == render(), "run: python -m vnadmin.cli._reference docs/cli.md"
    for word in ("## Exit status", "per-file-ignores", "notice-days", "vnadmin calendar"):
        assert word in page


def test_a_module_adds_a_command_in_a_few_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    from vnadmin.cli._inputs import documents
    from vnadmin.cli._registry import COMMANDS, command, status

    monkeypatch.setattr("vnadmin.cli._registry.COMMANDS", dict(COMMANDS))
    import vnadmin.cli._registry as registry

    def arguments(p: argparse.ArgumentParser) -> None:
        p.add_argument("--upper", action="store_true")

    @command("types", "the type of each document", arguments=arguments)
    def types_(args: argparse.Namespace, out: io.StringIO) -> int:  # type: ignore[misc]
        for path, doc in documents(args):
            name = doc.type_name or "-"
            out.write(f"{path}\t{name.upper() if args.upper else name}\n")
        return status(args, 0)

    assert "types" in registry.COMMANDS
    assert run("types", "--upper", "--no-config", str(WARN)) == (0, f"{WARN}\tTHÔNG BÁO\n")
