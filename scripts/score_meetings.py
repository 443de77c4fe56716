"""Score :func:`vnadmin.meetings.parse_meeting` on the labelled corpus files.

For each file of ``tests/data/files/expected.json`` with a ``meeting`` object, reports
whether the start, place and chair read agree with the label (the issue 12 target: every
labelled meeting gets its start, place and chair), and the attendee count; for files
labelled ``meeting: null``, whether ``parse_meeting`` gives ``None``.

Comparison rules (documented so the figures can be checked):

* start: ``null`` → no start read; an ISO date-time → the same minute with a printed
  time; an ISO date (a past meeting) → the same day; ``symbolic: …`` → a start phrase was
  read and the day read is printed in the label (``13/01/2025``).
* place: ``null`` → no venue; else the folded label (lower case, punctuation dropped)
  equals the first venue read, or the first venue's words are all in the label and the
  label's words are all in the venues read together (a main place plus its điểm cầu).
* chair: ``null`` → none read; else the first chair read equals the label once
  ``Đồng chí`` and bracketed notes are dropped and both are folded.

Run: ``PYTHONPATH=src python scripts/score_meetings.py``.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from vnadmin import read_document
from vnadmin.meetings import Meeting, parse_meeting

ROOT = Path(__file__).resolve().parent.parent
FILES = ROOT / "tests" / "data" / "files"


def fold(text: str) -> str:
    t = re.sub(r"[^\w\s]", " ", text.lower())
    return " ".join(t.split())


def fold_chair(text: str) -> str:
    t = re.sub(r"\([^()]*\)", " ", text)
    t = fold(t)
    return t[len("đồng chí ") :] if t.startswith("đồng chí ") else t


def start_ok(label: str | None, m: Meeting | None) -> bool:
    start = m.start if m is not None else None
    if label is None:
        return start is None
    if m is None or start is None:
        return False
    if label.startswith("symbolic:"):
        d = start.date()
        return m.start_text is not None and f"{d.day:02d}/{d.month:02d}/{d.year}" in label
    if "T" in label:
        return m.time_known and start.strftime("%Y-%m-%dT%H:%M") == label
    return start.date().isoformat() == label


def place_ok(label: str | None, m: Meeting | None) -> bool:
    venues = m.venues if m is not None else ()
    if label is None:
        return not venues
    if not venues:
        return False
    first = fold(venues[0].place)
    want = fold(label)
    if first == want:
        return True
    got = Counter(w for v in venues for w in fold(v.place).split())
    return set(first.split()) <= set(want.split()) and not (Counter(want.split()) - got)


def chair_ok(label: str | None, m: Meeting | None) -> bool:
    chairs = m.chair if m is not None else ()
    if label is None:
        return not chairs
    return bool(chairs) and fold_chair(chairs[0]) == fold_chair(label)


def main() -> int:
    expected = json.loads((FILES / "expected.json").read_text(encoding="utf-8"))
    labelled = right = 0
    negatives = false_pos = 0
    for entry in expected:
        text = read_document(FILES / entry["file"]).text
        m = parse_meeting(text)
        label = entry.get("meeting")
        if label is None:
            negatives += 1
            if m is not None:
                false_pos += 1
                print(f"FALSE MEETING  {entry['file']}: {m.text[:80]!r}")
            continue
        labelled += 1
        s, p, c = (
            start_ok(label.get("start"), m),
            place_ok(label.get("place"), m),
            chair_ok(label.get("chair"), m),
        )
        members = sum(len(g.members) for g in m.participants) if m is not None else 0
        ok = s and p and c
        right += ok
        mark = lambda b: "ok " if b else "BAD"  # noqa: E731
        print(
            f"{'PASS' if ok else 'FAIL'}  {entry['file']}\n"
            f"      start {mark(s)} {label.get('start')!r} <- "
            f"{m.start.isoformat() if m and m.start else None!r}\n"
            f"      place {mark(p)} {label.get('place')!r} <- {m.place if m else None!r}\n"
            f"      chair {mark(c)} {label.get('chair')!r} <- {m.chair if m else ()!r}\n"
            f"      attendees {label.get('attendee_groups')} <- {members}"
        )
    print(
        f"\nlabelled meetings with start, place and chair right: {right}/{labelled}\n"
        f"files without a meeting read as None: {negatives - false_pos}/{negatives}"
    )
    return 0 if right == labelled and not false_pos else 1


if __name__ == "__main__":
    sys.exit(main())
