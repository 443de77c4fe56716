"""Scoring :func:`vnadmin.tasks.find_tasks` against the tasks a clerk reads off the 27 real
files (``tests/data/files/expected.json``, key ``tasks``).

Matching rules (kept simple on purpose):

* names compare after :func:`name_key` (casefold, "ủy ban nhân dân" → "ubnd", blanks
  collapsed); a lead is right when either key contains the other (a labelled assignee
  "Văn phòng UBND tỉnh, Sở Khoa học và Công nghệ, Sở Tư pháp" is matched by each of the
  rows read for it);
* a labelled task is *found* by the reported task of its file whose action shares the most
  words with the labelled action (at least :data:`MIN_OVERLAP` of the label's words),
  each report used once; ties go to a report with the right lead;
* a dated label (ISO ``deadline``) needs the same day: the printed day, i.e.
  ``due_date`` plus one day for ``trước ngày X``;
* a reported task *matches no label* when no label of its file has both its lead and
  :data:`MIN_OVERLAP` of shared words.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from vnadmin.tasks import Task

__all__ = ["DATA", "MIN_OVERLAP", "load_labelled", "name_key", "report", "score_file"]

DATA = Path(__file__).resolve().parent / "data" / "files"
MIN_OVERLAP = 0.4
_WORD = re.compile(r"\w+")


def load_labelled() -> list[dict[str, Any]]:
    """The expected.json entries that label at least one task."""
    data = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
    return [f for f in data if f.get("tasks")]


def name_key(name: str | None) -> str:
    """Casefolded, blanks collapsed, 'ủy ban nhân dân' as 'ubnd'."""
    if not name:
        return ""
    k = name.casefold().replace("uỷ", "ủy")
    k = k.replace("ủy ban nhân dân", "ubnd")
    return " ".join(_WORD.findall(k))


def lead_ok(label: str | None, task: Task) -> bool:
    a = name_key(label)
    b = name_key(task.lead.name if task.lead else None)
    if not a or not b:
        return a == b
    return a in b or b in a


def _words(text: str) -> set[str]:
    text = re.sub(r"\([^)]*\)", " ", text)
    return set(_WORD.findall(text.casefold()))


def overlap(label_action: str, task: Task) -> float:
    lw = _words(label_action)
    if not lw:
        return 0.0
    return len(lw & _words(task.action)) / len(lw)


def printed_day(task: Task) -> dt.date | None:
    d = task.deadline
    if d is None or d.due is None:
        return None
    day = d.due_date
    assert day is not None
    return day + dt.timedelta(days=1) if d.exclusive_day else day


def deadline_ok(label: str | None, task: Task) -> bool | None:
    """None when the label is not dated (symbolic or null)."""
    if not label or label.startswith("symbolic"):
        return None
    try:
        want = dt.date.fromisoformat(label[:10])
    except ValueError:
        return None
    return printed_day(task) == want


def score_file(labels: Sequence[dict[str, Any]], tasks: Sequence[Task]) -> dict[str, Any]:
    """Per label: (found, lead right, deadline right or None); per report: matched."""
    used: set[int] = set()
    rows: list[tuple[bool, bool, bool | None]] = []
    for lab in labels:
        best: tuple[float, int] | None = None
        for i, t in enumerate(tasks):
            if i in used:
                continue
            ov = overlap(lab["action"], t)
            if ov < MIN_OVERLAP:
                continue
            dl_bonus = 0.25 if deadline_ok(lab["deadline"], t) else 0.0
            key = (ov + (0.5 if lead_ok(lab["assignee"], t) else 0.0) + dl_bonus, -i)
            if best is None or key > (best[0], -best[1]):
                best = (key[0], i)
        if best is None:
            rows.append(
                (
                    False,
                    False,
                    False if deadline_ok(lab["deadline"], tasks[0]) is not None else None,
                )
                if tasks
                else (False, False, None)
            )
            continue
        t = tasks[best[1]]
        used.add(best[1])
        rows.append((True, lead_ok(lab["assignee"], t), deadline_ok(lab["deadline"], t)))
    unmatched = 0
    for t in tasks:
        if not any(
            lead_ok(lab["assignee"], t) and overlap(lab["action"], t) >= MIN_OVERLAP
            for lab in labels
        ):
            unmatched += 1
    return {"rows": rows, "reports": len(tasks), "unmatched": unmatched}


def report(results: dict[str, dict[str, Any]]) -> str:
    """The summary table over files."""
    labels = found = lead = dated = dated_ok = target = reports = unmatched = 0
    lines = []
    for name, r in results.items():
        f_found = sum(1 for x in r["rows"] if x[0])
        f_target = sum(1 for x in r["rows"] if x[0] and x[1] and x[2] is not False)
        lines.append(
            f"{f_target:3}/{len(r['rows']):<3} found {f_found:3}  reports {r['reports']:3} unmatched {r['unmatched']:3}  {name}"
        )
        for fnd, ld, dl in r["rows"]:
            labels += 1
            found += fnd
            lead += fnd and ld
            if dl is not None:
                dated += 1
                dated_ok += bool(fnd and dl)
            target += bool(fnd and ld and dl is not False)
        reports += r["reports"]
        unmatched += r["unmatched"]

    def pct(a: int, b: int) -> str:
        return f"{a}/{b} = {100 * a / b:.1f} %" if b else "n/a"

    lines += [
        "",
        f"labelled tasks found (action):           {pct(found, labels)}",
        f"found with the right lead:               {pct(lead, labels)}",
        f"dated labels with the right deadline:    {pct(dated_ok, dated)}",
        f"TARGET found + right lead + deadline:    {pct(target, labels)}  (goal >= 90 %)",
        f"reported tasks matching no label:        {pct(unmatched, reports)}  (goal <= 10 %)",
    ]
    return "\n".join(lines)
