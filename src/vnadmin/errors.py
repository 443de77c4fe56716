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

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vnadmin.findings import Finding

__all__ = ["ParseError", "ValidationError", "VnAdminError"]


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
