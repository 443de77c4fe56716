"""Run every atheris target (or the ones named) for a while: the CI smoke, or a long run.

    python fuzz/run.py                      # each target 5 s (the CI smoke)
    python fuzz/run.py --seconds 3600 lint  # one target for an hour
    python fuzz/run.py --runs 2000          # each target for 2000 inputs

Each target starts from a seed corpus (the documents of examples/ and tests/data/texts,
and the codes of examples/codes.txt) copied into a work directory (``--corpus DIR`` keeps
it, and what the fuzzer adds to it, between runs). Crashes are written to ``--artifacts``
(default: the current directory) as ``crash-…``/``timeout-…`` files; re-run one with
``python fuzz/fuzz_<target>.py crash-…``. Exit status 1 when a target fails.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TARGETS = sorted(p.stem.removeprefix("fuzz_") for p in HERE.glob("fuzz_*.py"))


def seeds(corpus: Path, target: str) -> None:
    """Real inputs, each behind a 0 byte (the UTF-8 mode of ``_harness.text``)."""
    corpus.mkdir(parents=True, exist_ok=True)
    texts = sorted(ROOT.glob("examples/*.txt")) + sorted(ROOT.glob("tests/data/texts/*.txt"))
    blobs = [p.read_bytes() for p in texts]
    codes = ROOT / "examples" / "codes.txt"
    if codes.exists():
        blobs += [line.encode() for line in codes.read_text("utf-8").splitlines() if line]
    blobs = [b"\0" + blob for blob in blobs]
    if target == "from_json":
        blobs = json_seeds(blobs)
    for i, blob in enumerate(blobs):
        (corpus / f"seed-{i:03d}").write_bytes(blob[:16384])


def json_seeds(texts: list[bytes]) -> list[bytes]:
    """The JSON of real values, each behind its type's index in fuzz_from_json._TYPES."""
    sys.path.insert(0, str(ROOT / "src"))
    import attrs

    import vnadmin

    types = [
        t
        for t in (getattr(vnadmin, name) for name in vnadmin.__all__)
        if isinstance(t, type) and attrs.has(t)
    ]
    values: list[object] = [vnadmin.Calendar(), *vnadmin.holidays(2025)[:3]]
    for text in texts[:6]:
        doc = vnadmin.parse_document(text[1:].decode("utf-8", "replace"))
        values += [doc, doc.code, doc.signature, doc.recipients, *doc.references[:2]]
        values += [*doc.dates[:2], *doc.deadlines[:2], *vnadmin.lint(doc)[:2]]
    out = []
    for value in values:
        if type(value) in types:
            index = types.index(type(value))
            out.append(bytes([index]) + vnadmin.to_json(value).encode())
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("targets", nargs="*", choices=[*TARGETS, []], metavar="TARGET")
    parser.add_argument("--seconds", type=int, default=5, help="time per target (default 5)")
    parser.add_argument("--runs", type=int, help="inputs per target (instead of --seconds)")
    parser.add_argument("--corpus", type=Path, help="keep the corpora here (one dir a target)")
    parser.add_argument("--artifacts", type=Path, default=Path.cwd())
    parser.add_argument("--timeout", type=int, default=10, help="seconds an input may take")
    args = parser.parse_args(argv)
    failed = []
    with tempfile.TemporaryDirectory(prefix="vnadmin-fuzz-") as tmp:
        for target in args.targets or TARGETS:
            corpus = (args.corpus or Path(tmp)) / target
            if not corpus.exists():
                seeds(corpus, target)
            limit = f"-runs={args.runs}" if args.runs else f"-max_total_time={args.seconds}"
            command = [
                sys.executable,
                str(HERE / f"fuzz_{target}.py"),
                str(corpus),
                limit,
                f"-timeout={args.timeout}",
                "-rss_limit_mb=2048",
                "-max_len=65536",
                f"-artifact_prefix={args.artifacts}/{target}-",
                "-print_final_stats=1",
            ]
            proc = subprocess.run(command, capture_output=True, text=True, check=False)
            last = [line for line in proc.stderr.splitlines() if re.match(r"#[0-9]+\s", line)][-1:]
            status = "ok" if proc.returncode == 0 else f"FAILED (exit {proc.returncode})"
            print(f"fuzz {target}: {status} {' '.join(last)}", flush=True)
            if proc.returncode != 0:
                failed.append(target)
                sys.stdout.write(proc.stderr[-4000:] + "\n")
        if args.corpus is None:
            shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
