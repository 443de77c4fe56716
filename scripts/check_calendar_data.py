"""Check the shipped calendar table, ``src/vnadmin/data/holidays_vn.tsv``.

Run it after adding a year (see docs/dates.md, "Next year's schedule"):

    python scripts/check_calendar_data.py            # the shipped table
    python scripts/check_calendar_data.py --table my_holidays.tsv

For every year of the table it checks that

* each row is well formed (ISO date, a known kind and status, a source);
* every holiday of Bộ luật Lao động 2019 Điều 112 is there (Tết Dương lịch, the five Tết
  days, Giỗ Tổ Hùng Vương, 30/4, 1/5, 2/9 and its adjacent day from 2021, 24/11 from 2026);
* the days the Government fixes or moves name their announcing document (not the law): the
  Tết days, the adjacent National Day, every swapped day off (``swap_off``) and make-up
  working day (``makeup``);
* swaps come in pairs from the same document: each ``swap_off`` is a weekday, each
  ``makeup`` a Saturday or Sunday, and each names the other's date (``dd/m/yyyy``);
* a holiday on a Saturday or Sunday has its nghỉ bù (``observed``, Điều 111 khoản 3) on a
  later day, unless a swap or another holiday covers the gap;
* the years are the ones the header line announces (``…, 2020-2026.``).

It prints one line per year (its documents and the days they move) and exits 1, listing the
problems, when any check fails. Sources whose number is not verified (``số chưa xác minh``)
are listed as notes; ``--strict`` makes them failures too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import defaultdict
from pathlib import Path

TABLE = Path(__file__).resolve().parents[1] / "src" / "vnadmin" / "data" / "holidays_vn.tsv"
HEADER = ["date", "kind", "key", "name_vi", "name_en", "source", "status"]
KINDS = {"holiday", "observed", "swap_off", "makeup"}
STATUSES = {"confirmed", "reported", "unconfirmed"}
LAW = re.compile(r"BLLĐ (?:2012|2019) Điều \d+")
UNVERIFIED = "số chưa xác minh"


def _short(day: dt.date) -> set[str]:
    """The ways a row may write ``day``: 02/01/2026, 2/1/2026, 02/1/2026, 2/01/2026."""
    out = set()
    for d in (f"{day.day:02d}", str(day.day)):
        for m in (f"{day.month:02d}", str(day.month)):
            out.add(f"{d}/{m}/{day.year}")
    return out


def _names(row: dict[str, str], day: dt.date) -> bool:
    text = row["name_vi"] + " " + row["name_en"]
    return any(s in text for s in _short(day))


def check(path: Path, *, strict: bool = False) -> tuple[list[str], list[str], list[str]]:
    """(summary lines, problems, notes) for the table at ``path``."""
    problems: list[str] = []
    notes: list[str] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    body = [line for line in lines if line and not line.startswith("#")]
    if not body or body[0].split("\t") != HEADER:
        return [], [f"header row is not {HEADER}"], []
    rows: list[dict[str, str]] = []
    for n, line in enumerate(body[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(HEADER):
            problems.append(f"row {n}: {len(cells)} cells, expected {len(HEADER)}")
            continue
        row = dict(zip(HEADER, cells, strict=True))
        try:
            row["_day"] = dt.date.fromisoformat(row["date"])  # type: ignore[assignment]
        except ValueError:
            problems.append(f"row {n}: {row['date']!r} is not an ISO date")
            continue
        if row["kind"] not in KINDS:
            problems.append(f"{row['date']}: unknown kind {row['kind']!r}")
        if row["status"] not in STATUSES:
            problems.append(f"{row['date']}: unknown status {row['status']!r}")
        if not row["source"].strip():
            problems.append(f"{row['date']}: no source")
        elif UNVERIFIED in row["source"]:
            note = f"{row['date'][:4]}: number not verified: {row['source']}"
            if note not in notes:
                notes.append(note)
        rows.append(row)

    by_year: dict[int, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_year[_day(row).year].append(row)
    years = sorted(by_year)
    m = re.search(r"(\d{4})-(\d{4})\.", comments[0] if comments else "")
    if m is None:
        problems.append("the first comment line does not name the years (…, 2020-2026.)")
    elif years and (int(m[1]), int(m[2])) != (years[0], years[-1]):
        problems.append(f"header says {m[1]}-{m[2]}, the rows cover {years[0]}-{years[-1]}")
    if years and years != list(range(years[0], years[-1] + 1)):
        problems.append(f"years missing between {years[0]} and {years[-1]}")

    summary = []
    for year in years:
        summary.append(_check_year(year, by_year[year], problems))
    if strict:
        problems.extend(notes)
    return summary, problems, notes


def _day(row: dict[str, str]) -> dt.date:
    day = row["_day"]
    assert isinstance(day, dt.date)
    return day


def _check_year(year: int, rows: list[dict[str, str]], problems: list[str]) -> str:
    def keyed(kind: str, key: str) -> list[dict[str, str]]:
        return [r for r in rows if r["kind"] == kind and r["key"] == key]

    off = {_day(r) for r in rows if r["kind"] != "makeup"}
    expected = {"new_year": 1, "tet": 5, "reunification": 1, "labour": 1}
    expected["national"] = 2 if year >= 2021 else 1
    expected["hung_kings"] = 1
    if year >= 2026:
        expected["culture"] = 1
    for key, count in expected.items():
        got = len(keyed("holiday", key))
        if got != count:
            problems.append(f"{year}: {got} '{key}' holiday rows, Điều 112 gives {count}")
    # The days the Government fixes: the Tết days, the adjacent National Day, the swaps.
    fixed = keyed("holiday", "tet") + keyed("observed", "tet")
    if year >= 2021:
        fixed += [r for r in keyed("holiday", "national") if _day(r) != dt.date(year, 9, 2)]
    swaps_off = [r for r in rows if r["kind"] == "swap_off"]
    makeups = [r for r in rows if r["kind"] == "makeup"]
    for row in fixed + swaps_off + makeups:
        if LAW.match(row["source"]):
            problems.append(
                f"{row['date']} ({row['kind']} {row['key']}): a day the Government fixes "
                f"cites the law ({row['source']!r}), not its announcing document"
            )
    for row in swaps_off:
        if _day(row).weekday() >= 5:
            problems.append(f"{row['date']}: a swapped day off on a weekend")
        partners = [m for m in makeups if m["source"] == row["source"] and _names(m, _day(row))]
        if len(partners) != 1 or not _names(row, _day(partners[0])):
            problems.append(
                f"{row['date']}: swapped day off without its make-up day (same source, "
                "each naming the other's date)"
            )
    for row in makeups:
        if _day(row).weekday() < 5:
            problems.append(f"{row['date']}: a make-up working day on a weekday")
        if not any(s["source"] == row["source"] and _names(row, _day(s)) for s in swaps_off):
            problems.append(f"{row['date']}: make-up working day without its swapped day off")
    # Nghỉ bù (Điều 111 khoản 3) for a holiday on the weekly rest day.
    for row in rows:
        day = _day(row)
        if row["kind"] != "holiday" or day.weekday() < 5:
            continue
        observed = [r for r in rows if r["kind"] == "observed" and r["key"] == row["key"]]
        nxt = day + dt.timedelta(days=1)
        while nxt.weekday() >= 5 or nxt in off:
            nxt += dt.timedelta(days=1)
        # Covered when the break around it already reaches a working day given off.
        if not observed and not any(r["kind"] == "swap_off" for r in rows) and nxt.year == year:
            problems.append(f"{row['date']} ({row['key']}) falls on a weekend without nghỉ bù")
    docs = sorted({r["source"] for r in fixed + swaps_off + makeups})
    moved = ", ".join(
        f"{_day(s):%d/%m}<->{_day(m):%d/%m}"
        for s in swaps_off
        for m in makeups
        if m["source"] == s["source"] and _names(m, _day(s))
    )
    tet = sorted(_day(r) for r in keyed("holiday", "tet"))
    tet_text = f"Tết {tet[0]:%d/%m}-{tet[-1]:%d/%m}" if tet else "no Tết"
    return f"{year}: {tet_text}; swaps: {moved or 'none'}; documents: {' | '.join(docs)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--table", type=Path, default=TABLE, help="the table (TSV) to check")
    parser.add_argument("--strict", action="store_true", help="unverified numbers fail too")
    args = parser.parse_args(argv)
    summary, problems, notes = check(args.table, strict=args.strict)
    for line in summary:
        print(line)
    for note in notes:
        if not args.strict:
            print(f"note: {note}")
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {args.table}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
