"""Locating signature blocks in a whole document: :func:`find_signatures`.

The block stands at the end of the content, level with the Nơi nhận list (NĐ 30/2020/NĐ-CP,
Phụ lục I, II.7 and II.9; ô 7a–7c beside ô 9b), so the finder starts from the signing
marks, from the end of each Nơi nhận list and from the closing ``./.``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from vnadmin.errors import ParseError
from vnadmin.layout import (
    MARK,
    LazyTokens,
    find_marks,
    is_name_word,
    is_noi_nhan_words,
    is_note,
    is_upper_word,
    skip_entry,
)
from vnadmin.recipients.model import RecipientKind, RecipientList
from vnadmin.signatures.model import SignatureBlock
from vnadmin.signatures.parser import Piece, read_block
from vnadmin.signatures.titles import clean_word, is_degree, is_rank, title_at
from vnadmin.text import NormalizedText, Source, as_normalized

__all__ = ["find_signatures"]

_CLOSE = re.compile(r"\./\.")


def find_signatures(
    source: Source,
    *,
    recipients: Iterable[RecipientList] | None = None,
    every: bool = False,
) -> tuple[SignatureBlock, ...]:
    """Find the signature block(s) of a whole document; never raises.

    Looks for signing marks (``TM.``, ``KT.``, ``TL.``, ``TUQ.``, ``Q.``,
    ``T/M`` …) followed by titles in capitals and a name, and for unmarked
    blocks (``BỘ TRƯỞNG`` + name) right after the Nơi nhận list or the
    closing ``./.``. Nơi nhận entries interleaved on the same lines are
    skipped. When the document has a Nơi nhận list, only the blocks next to
    the first one are returned (forms in annexes carry template blocks);
    ``every=True`` returns every block found. Spans point into the caller's string.

    ``recipients``: the lists :func:`~vnadmin.recipients.find_recipients` already found
    in the same ``source`` (pass the same :class:`~vnadmin.text.NormalizedText`); the
    Nơi nhận lists are then not searched again.

    >>> doc = "Nơi nhận:\\n- Như trên;\\n- Lưu: VT, TH.\\nKT. BỘ TRƯỞNG THỨ TRƯỞNG Lê Văn A PHỤ LỤC"
    >>> [(b.title_lines(), b.signer_name) for b in find_signatures(doc)]
    [(('KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG'), 'Lê Văn A')]
    >>> from vnadmin import normalize_text, find_recipients
    >>> nt = normalize_text(doc)
    >>> find_signatures(nt, recipients=find_recipients(nt)) == find_signatures(doc)
    True
    """
    try:
        from vnadmin.recipients.finder import list_bounds, noi_nhan_bounds

        nt = as_normalized(source)
        if recipients is None:
            bounds = noi_nhan_bounds(nt)
        else:
            bounds = [list_bounds(nt, r) for r in recipients if r.kind is RecipientKind.NOI_NHAN]
        return _find(nt, bounds, every)
    except Exception:  # pragma: no cover - defensive: the locator never raises
        return ()


def _find(
    nt: NormalizedText, lists: Sequence[tuple[int, int]], every: bool
) -> tuple[SignatureBlock, ...]:
    s = nt.text
    marks, doomed = _block_marks(s)
    starts: list[tuple[int, bool]] = [(m.start(), True) for m in marks]
    doomed |= _doomed_marks(s, marks)
    for _, end in lists:
        starts.append((end, False))
    for m in _CLOSE.finditer(s):
        starts.append((m.end(), False))
    starts.sort()
    found: list[tuple[int, int, SignatureBlock]] = []
    consumed = -1
    # Where the last failed scan from an unmarked start stopped reading: an unmarked start
    # before it reads a tail of the same tokens and fails the same way, so it is not
    # scanned again (the windows of starts never overlap into quadratic work).
    failed_to = -1
    for pos, marked in starts:
        if pos < consumed or (not marked and pos < failed_to) or (marked and pos in doomed):
            continue
        scanned, reached = _scan_block(s, pos, marked)
        if scanned is None:
            if not marked:
                failed_to = max(failed_to, reached)
            continue
        b_start, b_end, pieces = scanned
        try:
            block = read_block(nt, pieces)
        except ParseError:
            consumed = b_end
            continue
        found.append((b_start, b_end, block))
        consumed = b_end
    if every or not lists:
        return tuple(b for _, _, b in found)
    l_start, l_end = lists[0]
    out: list[SignatureBlock] = []
    last_end = -1
    for b_start, b_end, block in found:
        near = l_start - 600 <= b_start <= l_end + 300 or b_start - l_end <= 300 < b_end - l_start
        if near or (out and 0 <= b_start - last_end <= 80):
            out.append(block)
            last_end = b_end
        elif out:
            break
    return tuple(out) if out else tuple(b for _, _, b in found)


# A run of marks in capitals after a mark, each over at most 64 blanks and a token of its
# own (``KT. KT. KT. …``), and one such mark.
_RUN_MARK = r"(?:(?:TUQ|TM|KT|TL|Q)\.|(?:T/M|K/T|T/L)\.?)(?=[ \t\n])"
_RUN = re.compile(r"(?:[ \t\n]{1,64}" + _RUN_MARK + ")+")
_UPPER_MARK = re.compile(_RUN_MARK)


def _block_marks(s: str) -> tuple[list[re.Match[str]], set[int]]:
    """What ``list(find_marks(s))`` gives, less the marks inside runs of marks that
    :func:`_doomed_marks` would refuse, and the starts of the marks so refused whose
    successor was dropped. In a run ``p q1 … qk`` (the pattern ``_RUN`` after ``p``),
    each of ``q1 … q(k-2)`` is followed over blanks by a mark that can start a block, so
    it is doomed; they are dropped at once (a long run costs a few C calls per mark, not a
    pass of the finder each) and ``p`` is doomed when it is in capitals. ``q(k-1)`` and
    ``qk`` are kept, so every mark kept has the successor it had."""
    marks: list[re.Match[str]] = []
    doomed: set[int] = set()
    pos, n = 0, len(s)
    while pos < n:
        found = next(find_marks(s, pos), None)
        if found is None:
            break
        marks.append(found)
        pos = found.end()
        run = _RUN.match(s, pos)
        if run is None:
            continue
        inner = [m.start() for m in _UPPER_MARK.finditer(s, pos, run.end() + 1)]
        if len(inner) >= 3:
            if found.group().isupper():
                doomed.add(found.start())
            pos = inner[-2]
    return marks, doomed


def _doomed_marks(s: str, marks: list[re.Match[str]]) -> set[int]:
    """The starts of marks that :func:`_scan` refuses at its second token: a mark in
    capitals that is a token of its own, then over blanks (inside the window) another
    mark that is a token of its own (``KT. KT.``; the later one is a start of its own).
    Found with a few string tests per mark, without tokenising (a run of marks costs
    little per mark)."""
    out: set[int] = set()
    n = len(s)
    for k in range(len(marks) - 1):
        m, m2 = marks[k], marks[k + 1]
        a, e, a2, e2 = m.start(), m.end(), m2.start(), m2.end()
        if (
            a2 > e
            and e2 <= a + _WINDOW
            and (e2 == n or s[e2].isspace())
            and s[e:a2].isspace()
            and m.group().isupper()
            and MARK.fullmatch(m2.group()) is not None
        ):
            out.add(a)
    return out


#: How far a block is read from its start (characters), and how many tokens (other than
#: Nơi nhận entries and headers sharing the lines) may come before its first title word: a real block has at most a few
#: marks and notes before the title (Phụ lục I, II.7), so a run of marks (``KT. KT. …``)
#: costs a bounded number of steps per mark, not a whole window.
_WINDOW = 800
_LEAD = 6


def _scan_block(s: str, pos: int, marked: bool) -> tuple[tuple[int, int, list[Piece]] | None, int]:
    """Extent of a block starting at ``pos``: pieces of (start, end) to read (or ``None``),
    and the offset up to which the tokens were read."""
    found = _scan(s, pos, marked, toks := LazyTokens(s, pos, min(len(s), pos + _WINDOW)))
    reached = toks.items[-1][1] if toks.items else pos
    return found, reached


def _scan(s: str, pos: int, marked: bool, toks: LazyTokens) -> tuple[int, int, list[Piece]] | None:
    pieces: list[Piece] = []
    i = 0
    steps = 0
    title_words = 0
    after_mark = False  # the tokens read since the last mark are notes only
    cur_start: int | None = None
    cur_end = pos
    while toks.has(i):
        a, b, t = toks[i]
        line_start = a == 0 or "\n" in s[cur_end:a] or (not pieces and cur_start is None)
        if (t == "-" and line_start and "\n" in s[max(pos, a - 200) : a + 1]) or (
            t.startswith("-") and line_start and title_words and "\n" in s[cur_end:a]
        ):
            # A recipient entry interleaved with the block: skip to ; or . on this line.
            if cur_start is not None:
                pieces.append((cur_start, cur_end))
                cur_start = None
            i = skip_entry(s, toks, i)
            continue
        if toks.has(i + 1) and is_noi_nhan_words(t, toks[i + 1][2]):
            # A Nơi nhận header between the lines of the block (two-column layout).
            if cur_start is not None:
                pieces.append((cur_start, cur_end))
                cur_start = None
            i += 2
            continue
        if not title_words:
            steps += 1
            if steps > _LEAD:
                return None
        m = MARK.fullmatch(t) or MARK.match(t)
        pure = m is not None and m.end() == len(t)
        if pure and after_mark:
            # Two marks with only notes between: read_block refuses the block of this
            # start (a mark with no title); the later mark is a start of its own.
            return None
        after_mark = pure or (after_mark and is_note(t))
        if (
            (m and (m.group(1) is None or m.group(1).isupper() or m.group(2)))
            or is_note(t)
            or t.lower() in ("đã", "ký", "ký.")
        ):
            pass
        elif is_upper_word(t) and (len(t.strip(",.;:&-")) > 1 or t in ("&", ",", "-")):
            if (
                title_words == 0
                and not marked
                and not title_at(
                    [clean_word(t), *[clean_word(x[2]) for x in toks.window(i + 1, i + 4)]], 0
                )
            ):
                return None
            title_words += 1
        elif t in ("&", "-", ","):
            pass
        elif title_words and toks.has(i + 1) and is_rank(t, toks[i + 1][2]):
            # A rank before the name ("Thiếu tướng Trương Minh Đương"): read with it.
            if cur_start is None:
                cur_start = a
            cur_end = toks[i + 1][1]
            i += 2
            continue
        elif is_name_word(t) and title_words:
            # The name: up to the end of the line, at most 6 words.
            j = i
            while (
                j - i < 5
                and toks.has(j + 1)
                and is_name_word(toks[j + 1][2])
                and not (is_upper_word(toks[j + 1][2]) and len(toks[j + 1][2]) > 1)
                and "\n" not in s[toks[j][1] : toks[j + 1][0]]
            ):
                j += 1
            if (
                toks.has(j + 1)
                and "\n" not in s[toks[j][1] : toks[j + 1][0]]
                and toks[j + 1][2][:1].islower()
            ):
                # Words in lower case go on on the line ("Phụ lục I" after a draft's
                # empty signature): a heading, not a name; the block has no name.
                if cur_start is not None:
                    pieces.append((cur_start, cur_end))
                return (pieces[0][0], pieces[-1][1], pieces) if pieces else None
            if cur_start is None:
                cur_start = a
            cur_end = toks[j][1]
            pieces.append((cur_start, cur_end))
            return pieces[0][0], cur_end, pieces
        elif is_degree(t) and title_words:
            pass
        else:
            break
        if cur_start is None:
            cur_start = a
        cur_end = b
        i += 1
    if title_words and cur_start is not None:
        pieces.append((cur_start, cur_end))
    if not pieces or not title_words:
        return None
    # A block without a name: accept only with a mark.
    if marked:
        return pieces[0][0], pieces[-1][1], pieces
    return None
