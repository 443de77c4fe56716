"""Score vnadmin.tasks.find_tasks on the 27 real corpus files (tests/data/files/expected.json).

Run: ``python scripts/score_tasks.py [--files SUBSTRING] [--show]``. Each labelled file is
read with ``vnadmin.read_document(path).text``; the matching rules are those of
:mod:`tests.corpus_tasks`. Exit status 0 (a measurement, not a test).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests.corpus_tasks import DATA, load_labelled, report, score_file  # noqa: E402

import vnadmin  # noqa: E402
from vnadmin.tasks import find_tasks  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", default="")
    ap.add_argument("--show", action="store_true", help="print the reported tasks")
    args = ap.parse_args()
    results = {}
    for entry in load_labelled():
        name = entry["file"]
        if args.files not in name:
            continue
        text = vnadmin.read_document(DATA / name).text
        tasks = find_tasks(text)
        results[name] = score_file(entry["tasks"], tasks)
        if args.show:
            print("==", name)
            for t in tasks:
                dl = t.deadline.due_date if t.deadline else None
                lead = t.lead.name if t.lead else None
                print(
                    f"  [{t.section}] {lead!r} dl={dl} {'P' if t.proposed else ''}{'X' if t.execution_clause else ''} :: {t.action[:90]}"
                )
            for lab in entry["tasks"]:
                print(f"  LABEL {lab['assignee']!r} dl={lab['deadline']} :: {lab['action'][:80]}")
    print(report(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
