"""One machine-independent measure of work for every growth (linearity) test.

Work is counted, not timed: the number of Python-level function calls and C-function
calls (``sys.setprofile`` events) made while the callable runs. The count is the same on
every machine and every run, so a test that compares the work at two input sizes cannot
flake on a loaded CI runner.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from types import FrameType
from typing import Any

from vnadmin.errors import VnAdminError


def quietly(fn: Callable[[Any], object]) -> Callable[[Any], object]:
    """``fn`` with its :class:`~vnadmin.VnAdminError` swallowed (hostile input may be
    refused; only the work done counts), returning ``None`` then."""

    def run(arg: Any) -> object:
        try:
            return fn(arg)
        except VnAdminError:
            return None

    return run


def count_work(fn: Callable[[], object]) -> int:
    """The number of calls (Python and C) made while ``fn()`` runs."""
    calls = 0

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    old = sys.getprofile()
    sys.setprofile(profile)
    try:
        fn()
    finally:
        sys.setprofile(old)
    return calls


def count_lines(fn: Callable[[], object]) -> int:
    """The number of Python lines executed while ``fn()`` runs: sees loops that make no
    call (slicing, indexing, comparisons), which :func:`count_work` does not."""
    lines = 0

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal lines
        if event == "line":
            lines += 1
        return tracer

    old = sys.gettrace()
    sys.settrace(tracer)
    try:
        fn()
    finally:
        sys.settrace(old)
    return lines


def line_growth(
    make: Callable[[int], Any], run: Callable[[Any], object], n: int, k: int = 10
) -> float:
    """:func:`growth` counted in Python lines (:func:`count_lines`)."""
    small, large = make(n), make(k * n)
    return count_lines(lambda: run(large)) / max(1, count_lines(lambda: run(small))) / k


def growth(make: Callable[[int], Any], run: Callable[[Any], object], n: int, k: int = 10) -> float:
    """How much more work ``run`` does on ``make(k * n)`` than on ``make(n)``, divided by ``k``.

    About 1 for linear work; a quadratic path gives about ``k``.
    """
    small, large = make(n), make(k * n)
    run(small)  # (tables and memos loaded on a first call are not the input's work)
    return count_work(lambda: run(large)) / max(1, count_work(lambda: run(small))) / k


def bounded(fn: Callable[[], Any], seconds: float = 5.0) -> Any:
    """``fn()``, failing the test if it runs longer than ``seconds`` — a bound against a
    hang (catastrophic backtracking takes minutes on these inputs), not a speed test."""
    import signal

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return fn()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def assert_linear(make: Callable[[int], Any], fns: Sequence[Callable[[Any], object]]) -> None:
    """Each of ``fns`` (its VnAdminError swallowed) does work linear in ``make(n)``: calls
    and Python lines on ``make(5000)`` at most 1.5x five times those on ``make(1000)``."""
    for fn in fns:
        run = quietly(fn)
        calls = growth(make, run, 1_000, 5)
        lines = line_growth(make, run, 1_000, 5)
        assert calls < 1.5 and lines < 1.5, (getattr(fn, "__name__", fn), calls, lines)
