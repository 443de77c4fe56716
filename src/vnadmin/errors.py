"""The one error model of vnadmin.

Every exception a public function raises derives from :class:`VnAdminError`,
which is itself a :class:`ValueError`, so ``except ValueError`` keeps working
for callers who do not care about the details.

>>> import vnadmin
>>> try:
...     vnadmin.parse_code("hello")
... except vnadmin.ParseError as exc:
...     print(exc.reason, exc.span)
no_number (0, 5)
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, ParamSpec, TypeVar

if TYPE_CHECKING:
    from vnadmin.findings import Finding

__all__ = ["InternalError", "ParseError", "ValidationError", "VnAdminError", "guarded", "internal"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


class VnAdminError(ValueError):
    """Base class of every exception raised by vnadmin."""


class ParseError(VnAdminError):
    """Input text could not be read as the requested value.

    Attributes:
        input: the text that was given.
        span: ``(start, end)`` offsets into ``input`` of the part that failed.
        reason: a stable, machine-readable code (``"empty"``, ``"no_number"``,
            ``"trailing_text"`` …); documented per parser.
        expected: a short English description of what was expected there.
    """

    def __init__(
        self,
        message: str,
        *,
        input: str,
        span: tuple[int, int],
        reason: str,
        expected: str,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.input = input
        self.span = span
        self.reason = reason
        self.expected = expected

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_parse_error,
            (self.message, self.input, self.span, self.reason, self.expected),
        )

    def __str__(self) -> str:
        start, end = self.span
        return (
            f"{self.message} (reason={self.reason}, span={start}:{end}, expected {self.expected})"
        )


def _rebuild_parse_error(
    message: str, input: str, span: tuple[int, int], reason: str, expected: str
) -> ParseError:
    return ParseError(message, input=input, span=span, reason=reason, expected=expected)


class ValidationError(VnAdminError):
    """A value was read but breaks the rules; ``findings`` lists every deviation."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings: tuple[Finding, ...] = tuple(findings)
        first = self.findings[0].message_en if self.findings else "invalid value"
        more = f" (+{len(self.findings) - 1} more)" if len(self.findings) > 1 else ""
        super().__init__(f"{first}{more}")

    def __reduce__(self) -> tuple[object, ...]:
        return (ValidationError, (self.findings,))


class InternalError(VnAdminError):
    """A bug in vnadmin: an exception that is not a :class:`VnAdminError` escaped a public
    function. The original exception is ``__cause__`` (and ``.cause``); ``where`` names the
    function. Please report it, with the input.

    >>> @guarded
    ... def half(text: str) -> int:
    ...     return int(text) // 2
    >>> try:
    ...     half("²")
    ... except InternalError as exc:
    ...     print(exc.where, type(exc.cause).__name__)
    half ValueError
    """

    def __init__(self, where: str, cause: BaseException) -> None:
        super().__init__(
            f"internal error in vnadmin.{where}: {type(cause).__name__}: {cause}"
            " (this is a bug; please report it with the input)"
        )
        self.where = where
        self.cause = cause

    def __reduce__(self) -> tuple[object, ...]:
        return (InternalError, (self.where, self.cause))


#: Exceptions that are never turned into InternalError: they are not about the input.
_PASS_THROUGH = (VnAdminError, KeyboardInterrupt, SystemExit, GeneratorExit)


@contextlib.contextmanager
def internal(where: str) -> Iterator[None]:
    """Inside the block, any exception that is not a :class:`VnAdminError` (nor an
    interrupt) is re-raised as :class:`InternalError` from it. ``RecursionError`` and
    ``MemoryError`` are wrapped too: hostile input must not reach the caller as either.

    >>> with internal("demo"):
    ...     {}["x"]
    Traceback (most recent call last):
    ...
    vnadmin.errors.InternalError: internal error in vnadmin.demo: KeyError: 'x' (this is a bug; please report it with the input)
    """
    try:
        yield
    except _PASS_THROUGH:
        raise
    except Exception as exc:
        raise InternalError(where, exc) from exc


def guarded(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """Decorate a public function with the exception contract: only :class:`VnAdminError`
    subclasses leave it (anything else becomes :class:`InternalError`). Costs one ``try``
    per call, nothing on the happy path.

    Functions documented never to raise on a ``str`` (``find_*``, ``lint`` …) should not
    lean on this: an InternalError is still an exception. It is the last line of defence,
    and what the CLI reports with exit status 3.
    """
    where = getattr(fn, "__qualname__", getattr(fn, "__name__", "?"))

    @functools.wraps(fn)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return fn(*args, **kwargs)
        except _PASS_THROUGH:
            raise
        except Exception as exc:
            raise InternalError(where, exc) from exc

    return wrapper
