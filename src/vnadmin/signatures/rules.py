"""The rules of signature blocks (NĐ 30/2020/NĐ-CP, Điều 13 and Phụ lục I, II.7):
:func:`check_signature`, :func:`validate_signature`, :func:`is_valid`.

The rule texts live in ``data/rules.tsv`` (ids ``S101``–``S110``).
"""

from __future__ import annotations

from vnadmin.errors import ValidationError, VnAdminError
from vnadmin.findings import Finding, Severity, rule
from vnadmin.signatures.model import SignatureBlock, SigningMode
from vnadmin.signatures.parser import parse_signature
from vnadmin.signatures.titles import is_deputy, key, title_at
from vnadmin.text import Source

__all__ = ["check_signature", "is_valid", "is_valid_signature", "validate_signature"]

S101 = rule("S101")
S102 = rule("S102")
S103 = rule("S103")
S104 = rule("S104")
S105 = rule("S105")
S106 = rule("S106")
S107 = rule("S107")
S108 = rule("S108")
S109 = rule("S109")
S110 = rule("S110")

_ALLOWED_PAIRS = frozenset(
    {
        (SigningMode.TM, SigningMode.KT),
        (SigningMode.TL, SigningMode.KT),
        (SigningMode.TM, SigningMode.Q),
    }
)


def _coerce(block: SignatureBlock | Source) -> SignatureBlock:
    return block if isinstance(block, SignatureBlock) else parse_signature(block)


def check_signature(block: SignatureBlock | Source) -> tuple[Finding, ...]:
    """Check ``block`` against NĐ 30, Điều 13 and Phụ lục I, II.7 (never raises on a
    parsed block; a string is read with :func:`parse_signature`, which raises
    :class:`~vnadmin.ParseError` when it holds no block).

    Rules: ``S101`` allowed chains, ``S102`` repeated mode, ``S103`` nothing
    after ``TUQ.``, ``S104`` ``KT.`` signed by a deputy, ``S105`` ``TM.``
    names a collective, ``S106`` ``Q.`` before a head's title, ``S107`` no
    honours before the name, ``S108`` titles in capitals, ``S109`` a name is
    written, ``S110`` Party-style marks (information only).

    >>> [f.rule for f in check_signature(parse_signature("KT. GIÁM ĐỐC GIÁM ĐỐC Lê Văn Hai"))]
    ['S104']
    """
    block = _coerce(block)
    out: list[Finding] = []
    chain = block.chain
    seen: set[SigningMode] = set()
    for i, a in enumerate(chain):
        if a.mode in seen:
            out.append(S102.finding(a.span, mode=a.mode.mark()))
        seen.add(a.mode)
        if a.party_style:
            out.append(S110.finding(a.span, mark=a.mode.mark(True)))
        if i == 0:
            continue
        prev = chain[i - 1]
        if prev.mode is SigningMode.TUQ:
            out.append(S103.finding(a.span, mode=a.mode.mark()))
        elif (prev.mode, a.mode) not in _ALLOWED_PAIRS and prev.mode is not a.mode:
            text = " → ".join(x.mode.mark() for x in chain)
            out.append(S101.finding(a.span, chain=text))
    for i, a in enumerate(chain):
        words = key(a.title).split()
        if a.mode is SigningMode.TM and title_at(words, 0) == len(words) > 0:
            out.append(S105.finding(a.span, title=a.title))
        if a.mode is SigningMode.Q and (words[:1] == ["PHÓ"] or i != len(chain) - 1):
            out.append(S106.finding(a.span, title=a.title))
    if chain and chain[-1].mode is SigningMode.KT and not is_deputy(block.signer_title):
        out.append(S104.finding(block.signer_title_span, title=block.signer_title or "—"))
    if block.honours:
        out.append(S107.finding(block.name_span, honours=" ".join(block.honours)))
    for a in chain:
        if a.title != a.title.upper():
            out.append(S108.finding(a.span, title=str(a)))
    for title, span in [
        (block.signer_title, block.signer_title_span),
        *list(
            zip(
                block.other_posts,
                block.post_spans or [(0, 0)] * len(block.other_posts),
                strict=False,
            )
        ),
    ]:
        if title and title != title.upper():
            out.append(S108.finding(span, title=title))
    if not block.signer_name:
        out.append(S109.finding(block.span))
    return tuple(out)


def validate_signature(block: SignatureBlock | Source) -> SignatureBlock:
    """Return ``block`` (read from a string with :func:`parse_signature`) if
    :func:`check_signature` finds no error, else raise.

    Raises:
        ValidationError: with every finding when at least one is an error.
        ParseError: a string that holds no block.

    >>> validate_signature(parse_signature("TUQ. CHỦ TỊCH KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Lê An"))
    Traceback (most recent call last):
    ...
    vnadmin.errors.ValidationError: Nothing may follow TUQ. (no sub-delegation); found KT.
    """
    block = _coerce(block)
    findings = check_signature(block)
    if any(f.severity is Severity.ERROR for f in findings):
        raise ValidationError(findings)
    return block


def is_valid(value: SignatureBlock | Source) -> bool:
    """Whether a block (or the text of one, read with :func:`parse_signature`) has no error
    under NĐ 30, Điều 13; never raises.

    >>> is_valid("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê A")
    True
    >>> is_valid("TUQ. CHỦ TỊCH KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Lê A"), is_valid(""), is_valid(None)
    (False, False, False)
    """
    try:
        if not isinstance(value, SignatureBlock):
            value = parse_signature(value)
        return not any(f.severity is Severity.ERROR for f in check_signature(value))
    except (VnAdminError, TypeError):
        return False


#: :func:`is_valid` under the long name of the top-level namespace.
is_valid_signature = is_valid
