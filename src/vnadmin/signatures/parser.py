"""Reading signature blocks: :func:`parse_signature`, :func:`parse_signatures`.

A block is read in place from one or more pieces of the normalised text (lines of one
column, or the lines left when a Nơi nhận list shares them): every token keeps its own
offsets, so every span of the value maps back to the caller's string exactly (NĐ 30,
Điều 13 and Phụ lục I, II.7; ô 7a–7c).
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Sequence

from vnadmin.errors import ParseError
from vnadmin.findings import Repair
from vnadmin.layout import MARK, Tok, is_name_word, is_note, is_upper_word, tokens, trim
from vnadmin.signatures.model import Authority, SignatureBlock, SigningMode
from vnadmin.signatures.titles import clean_word, is_degree, is_rank, title_at, title_starters
from vnadmin.text import NormalizedText, Source, as_normalized, read_one

__all__ = ["parse_signature", "parse_signatures", "read_block"]

#: A piece of the normalised text to read: (start, end).
Piece = tuple[int, int]


def mode_of(m: re.Match[str]) -> tuple[SigningMode, bool]:
    """The mode of a :data:`~vnadmin.layout.MARK` match and whether it is in Party style."""
    # MARK matches case-insensitively (the Kelvin sign ``K`` matches ``k``): the key is
    # folded the same way (``casefold`` then ``upper``), so every match has its mode.
    if m.group(1) is not None:
        return _STATE[m.group(1).casefold().upper()], False
    return _PARTY[m.group(2).casefold().upper()], True


_STATE = {mode.value: mode for mode in SigningMode}
_PARTY = {"T/M": SigningMode.TM, "K/T": SigningMode.KT, "T/L": SigningMode.TL}


def parse_signature(text: Source) -> SignatureBlock:
    """Read one signature block in any real layout (NĐ 30, Điều 13; Phụ lục I, II.7).

    Accepts one element per line, flattened blocks, marks without a space
    (``KT.CHỦ TỊCH``, recorded as a repair), Party marks (``T/M``, ``K/T``,
    ``T/L``), placeholders and seal notes (``(Đã ký)``, ``(Ký, ghi rõ họ
    tên)``), and honours before the name (kept apart in ``honours``).

    Raises:
        ParseError: ``reason`` is ``"empty"`` (nothing to read),
            ``"no_title"`` (no title or name), ``"text_before_mode"`` (words
            before the first mark) or ``"empty_principal"`` (a mark with no title).

    >>> b = parse_signature('''KT. TRƯỞNG BAN
    ... PHÓ TRƯỞNG BAN THƯỜNG TRỰC
    ... PHÓ CHỦ TỊCH UBND TỈNH
    ... Đoàn Thanh Sơn''')
    >>> b.signer_title, b.other_posts
    ('PHÓ TRƯỞNG BAN THƯỜNG TRỰC', ('PHÓ CHỦ TỊCH UBND TỈNH',))
    >>> parse_signature("KT.CHỦ TỊCH\\nPHÓ CHỦ TỊCH\\n(Đã ký)\\nLê Hoa").repairs[0].kind
    'space_missing'
    """
    nt = as_normalized(text)
    return read_block(nt, [(0, len(nt.text))])


def parse_signatures(text: Source) -> tuple[SignatureBlock, ...]:
    """Read every signature block of ``text`` (joint documents sign side by side).

    Blocks are split after each name; a block written in two columns whose
    first line repeats the same mark (``KT. BỘ TRƯỞNG KT. BỘ TRƯỞNG``) is read
    column by column.

    Raises:
        ParseError: as :func:`parse_signature`, when no block can be read.

    >>> bs = parse_signatures("BỘ TRƯỞNG BỘ TÀI CHÍNH Lê An BỘ TRƯỞNG BỘ TƯ PHÁP Trần Bình")
    >>> [(b.signer_title, b.signer_name) for b in bs]
    [('BỘ TRƯỞNG BỘ TÀI CHÍNH', 'Lê An'), ('BỘ TRƯỞNG BỘ TƯ PHÁP', 'Trần Bình')]
    """
    nt, _, _ = read_one(text, "signature block", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn A")
    s = nt.text
    columns = _columns(nt)
    if columns:
        return columns
    blocks: list[SignatureBlock] = []
    # The text is tokenised once: a block between two name ends holds the same tokens
    # as a tokenisation of its own (both ends are token ends).
    toks = tokens(s, 0, len(s))
    pos, first = 0, 0
    for k in _name_ends(toks):
        end = toks[k][1]
        if s[pos:end].strip():
            blocks.append(read_block(nt, [(pos, end)], toks[first : k + 1]))
        pos, first = end, k + 1
    tail = toks[first:]
    # Trailing notes after the last name belong to no block.
    if tail and not (blocks and all(is_note(t[2]) for t in tail)):
        blocks.append(read_block(nt, [(pos, len(s))], tail))
    return tuple(blocks)


def _name_ends(toks: Sequence[Tok]) -> list[int]:
    """The index of the last token of each name run that is followed by a new title."""
    ends: list[int] = []
    i = 0
    while i < len(toks):
        w = toks[i][2]
        if w[:1].isupper() and is_name_word(w) and not is_upper_word(w):
            j = i
            while j + 1 < len(toks) and is_name_word(toks[j + 1][2]):
                j += 1
            k = j + 1
            while k < len(toks) and is_note(toks[k][2]):
                k += 1
            if k < len(toks) and (
                MARK.fullmatch(toks[k][2]) or (is_upper_word(toks[k][2]) and len(toks[k][2]) > 1)
            ):
                ends.append(j)
            i = j + 1
        else:
            i += 1
    return ends


_LINE = re.compile(r"[^\n]+")


def _columns(nt: NormalizedText) -> tuple[SignatureBlock, ...]:
    """Two or more blocks laid out in columns, line by line (best effort), read in place."""
    s = nt.text
    lines = [(m.start(), m.end()) for m in _LINE.finditer(s) if m.group().strip()]
    if len(lines) < 2:
        return ()
    first = s[lines[0][0] : lines[0][1]]
    marks = [m for m in MARK.finditer(first) if _mark_ok(first, m)]
    kinds = {mode_of(m)[0] for m in marks}
    if len(marks) < 2 or len(kinds) != 1:
        return ()
    k = len(marks)
    cols: list[list[Piece]] = [[] for _ in range(k)]
    for n, (ls, le) in enumerate(lines):
        parts = _split_line(s, ls, le, k, marks if n == 0 else None)
        if parts is None:
            return ()
        for c, part in enumerate(parts):
            cols[c].append(part)
    out: list[SignatureBlock] = []
    for col in cols:
        try:
            out.append(read_block(nt, col))
        except ParseError:
            return ()
    return tuple(out)


def _split_line(
    s: str, ls: int, le: int, k: int, marks: list[re.Match[str]] | None = None
) -> list[Piece] | None:
    """The ``k`` column pieces of the line ``s[ls:le]``; ``marks`` are its marks that can
    start a column, when the caller has found them (the first line's)."""
    line = s[ls:le]
    if marks is None:
        marks = [m for m in MARK.finditer(line) if _mark_ok(line, m)]
    if len(marks) == k:
        cuts = [m.start() for m in marks]
    else:
        toks = tokens(s, ls, le)
        if toks and all(is_name_word(t[2]) or is_note(t[2]) for t in toks):
            # (a line of notes only, "(Đã ký)   (Đã ký)", is cut at its notes)
            names = [t for t in toks if is_name_word(t[2])] or toks
            if len(names) % k:
                return None
            per = len(names) // k
            cuts = [names[c * per][0] - ls for c in range(k)]
        else:
            words = [t for t in toks if not is_note(t[2])]
            keys = [clean_word(t[2]) for t in words]
            starts = [
                i
                for i in title_starts(keys, 0, len(words))
                if i == 0 or not _joined(words, keys, i)
            ]
            if len(starts) != k:
                return None
            cuts = [words[i][0] - ls for i in starts]
    cuts[0] = 0
    bounds = [*cuts, len(line)]
    return [(ls + bounds[c], ls + bounds[c + 1]) for c in range(k)]


def _mark_ok(line: str, m: re.Match[str]) -> bool:
    """A mark of a line that can start a column: not inside a word, followed by capitals.

    Reads only the blanks after the mark (never a copy of the rest of the line), so a
    line of many marks is read in linear time.
    """
    if m.start() > 0 and (line[m.start() - 1].isalnum() or line[m.start() - 1] in "/."):
        return False
    j = _SPACES.match(line, m.end()).end()  # type: ignore[union-attr]
    return j < len(line) and line[j].isupper()


_SPACES = re.compile(r"\s*")


def _err(nt: NormalizedText, msg: str, span: Piece, reason: str, expected: str) -> ParseError:
    return ParseError(
        msg, input=nt.original, span=nt.to_original(*span), reason=reason, expected=expected
    )


def _join(toks: Sequence[Tok]) -> str:
    return " ".join(t[2] for t in toks).strip(" ,;:")


def _field_span(nt: NormalizedText, toks: Sequence[Tok]) -> tuple[int, int]:
    """Original span of the tokens ``toks``, without the edge punctuation :func:`_join` drops."""
    a, b = trim(nt.text, toks[0][0], toks[-1][1])
    return nt.to_original(a, max(a, b))


def read_block(
    nt: NormalizedText, pieces: Sequence[Piece], toks: Sequence[Tok] | None = None
) -> SignatureBlock:
    """Read one block from ``pieces`` of ``nt.text``, in place.

    A piece boundary counts as a line break (the pieces are the block's lines, the
    text between them belongs to something else: a Nơi nhận entry, another column).
    ``toks`` are the tokens (:func:`~vnadmin.layout.tokens`) of a single piece, when the
    caller has read them already.

    Raises:
        ParseError: see :func:`parse_signature`.
    """
    s = nt.text
    piece_starts: set[int] = set()
    if toks is None or len(pieces) != 1:
        toks = []
        for a, b in pieces:
            more = tokens(s, a, b)
            if more and toks:
                piece_starts.add(more[0][0])
            toks.extend(more)
    start, end = pieces[0][0], pieces[-1][1]
    if not toks:
        raise _err(nt, "no signature block", (start, end), "empty", "a signing title and a name")
    repairs: list[Repair] = []
    notes: list[str] = []
    # Split marks glued to the next word ("KT.CHỦ").
    split: list[Tok] = []
    for a, b, t in toks:
        m = MARK.match(t)
        if m and m.end() < len(t) and t[m.end()].isupper() and not is_degree(t):
            split.append((a, a + m.end(), t[: m.end()]))
            split.append((a + m.end(), b, t[m.end() :]))
            o = nt.to_original(a, b)
            repairs.append(Repair("space_missing", o, t, f"{t[: m.end()]} {t[m.end() :]}"))
        else:
            split.append((a, b, t))
    toks = split
    # Notes and placeholders anywhere.
    kept: list[Tok] = []
    i = 0
    while i < len(toks):
        a, b, t = toks[i]
        if len(t) > 1 and is_note(t):
            notes.append(" ".join(t.split()))
        elif (
            len(t) == 2
            and t.lower() == "đã"
            and i + 1 < len(toks)
            and toks[i + 1][2].lower().rstrip(".") == "ký"
        ):
            notes.append(f"{t} {toks[i + 1][2]}")
            i += 1
        else:
            kept.append((a, b, t))
        i += 1
    toks = kept
    # The name: the last run of capitalised words.
    j = len(toks)
    while (
        j > 0
        and is_name_word(toks[j - 1][2])
        and not (is_upper_word(toks[j - 1][2]) and len(toks[j - 1][2]) > 1)
    ):
        j -= 1
        if len(toks) - j >= 7:
            break
    name_toks = toks[j:]
    honours: list[str] = []
    # Ranks written in title case inside the run ("Thiếu Tướng Lê A").
    if len(name_toks) >= 3 and is_rank(name_toks[0][2], name_toks[1][2]):
        honours.append(f"{name_toks[0][2]} {name_toks[1][2]}")
        name_toks = name_toks[2:]
    # Honours before the name, read backwards by index (``h`` tokens of the head remain):
    # one pass, never a copy of the head per honour.
    h = j
    before: list[str] = []
    while h and name_toks:
        w = toks[h - 1][2]
        if is_degree(w) and not (is_upper_word(w) and "." not in w and h > 1):
            before.append(w)
            h -= 1
        elif h >= 2 and is_rank(toks[h - 2][2], w):
            before.append(f"{toks[h - 2][2]} {w}")
            h -= 2
        else:
            break
    honours[:0] = reversed(before)
    head = toks[:h]
    if not head and not name_toks:
        raise _err(
            nt, "no title or name in the signature block", (start, end), "no_title", "a title"
        )
    # Marks and words of the title part.
    marks: list[tuple[int, SigningMode, bool, Tok]] = []
    words: list[Tok] = []
    for tok in head:
        m = MARK.fullmatch(tok[2])
        if m:
            mode, party = mode_of(m)
            if mode is SigningMode.Q and m.group(1) != "Q":
                words.append(tok)
                continue
            marks.append((len(words), mode, party, tok))
        else:
            words.append(tok)
    keys = _keys(words)
    breaks = frozenset(
        i
        for i in range(1, len(words))
        if words[i][0] in piece_starts or "\n" in s[words[i - 1][1] : words[i][0]]
    )
    chain: list[Authority] = []
    if marks and marks[0][0] > 0:
        first = words[0]
        raise _err(
            nt,
            "words before the first signing mark",
            (first[0], words[marks[0][0] - 1][1]),
            "text_before_mode",
            "TM., KT., TL., TUQ. or Q. first",
        )
    rest_from = 0
    for n, (wi, mode, party, mtok) in enumerate(marks):
        stop = marks[n + 1][0] if n + 1 < len(marks) else len(words)
        if n + 1 == len(marks):
            stop = _principal_end(words, keys, wi, stop, breaks)
        if stop <= wi:
            raise _err(
                nt,
                f"{mtok[2]} has no title after it",
                (mtok[0], mtok[1]),
                "empty_principal",
                "the principal's title",
            )
        seg = words[wi:stop]
        title_span = _field_span(nt, seg)
        span = (nt.to_original(mtok[0], mtok[1])[0], title_span[1])
        chain.append(Authority(mode, _join(seg), party, span, title_span))
        rest_from = stop
    posts: list[tuple[str, tuple[int, int]]] = []
    if rest_from < len(words):
        cut = [rest_from, *_splits(words, keys, rest_from, len(words), breaks), len(words)]
        for a, b in itertools.pairwise(cut):
            if b > a:
                seg = words[a:b]
                posts.append((_join(seg), _field_span(nt, seg)))
    signer_title, st_span = posts[0] if posts else ("", (0, 0))
    name = " ".join(t[2] for t in name_toks)
    name_span = nt.to_original(name_toks[0][0], name_toks[-1][1]) if name_toks else (0, 0)
    b_start = min(toks)[0] if toks else start
    b_end = max(toks, key=_END)[1] if toks else end
    return SignatureBlock(
        chain=tuple(chain),
        signer_title=signer_title,
        other_posts=tuple(p for p, _ in posts[1:]),
        signer_name=name,
        honours=tuple(honours),
        notes=tuple(notes),
        span=nt.to_original(b_start, b_end),
        signer_title_span=st_span,
        name_span=name_span,
        post_spans=tuple(sp for _, sp in posts[1:]),
        repairs=tuple(repairs),
    )


def _keys(words: Sequence[Tok]) -> list[str]:
    """:func:`~vnadmin.signatures.titles.clean_word` of each word, each distinct word
    folded once (a block repeats its words; the table lives as long as the call)."""
    seen: dict[str, str] = {}
    out: list[str] = []
    for _, _, w in words:
        k = seen.get(w)
        if k is None:
            k = seen[w] = clean_word(w)
        out.append(k)
    return out


def _joined(words: Sequence[Tok], keys: Sequence[str], i: int) -> bool:
    return i > 0 and (words[i - 1][2].endswith(",") or keys[i - 1] in ("VÀ", "&", "KIÊM"))


_END = operator.itemgetter(1)


def title_starts(
    keys: Sequence[str], start: int, stop: int, breaks: frozenset[int] = frozenset()
) -> list[int]:
    """Title starts found by a left-to-right scan of ``keys[start:stop]``.

    A title phrase does not run over a line break (``breaks`` holds the
    indices of words that start a line).
    """
    out = []
    j = start
    starters = title_starters()
    while j < stop:
        if keys[j] not in starters:  # (most words start no title: a set look-up)
            j += 1
            continue
        k = title_at(keys, j, stop)
        if k and any(x in breaks for x in range(j + 1, j + k)):
            k = 0
        if k:
            out.append(j)
        j += max(k, 1)
    return out


def _splits(
    words: Sequence[Tok],
    keys: Sequence[str],
    start: int,
    stop: int,
    breaks: frozenset[int] = frozenset(),
) -> list[int]:
    """Where a new title begins (not joined to the previous by ``,`` or ``VÀ``)."""
    return [
        i
        for i in title_starts(keys, start, stop, breaks)
        if i > start and not _joined(words, keys, i)
    ]


def _principal_end(
    words: Sequence[Tok], keys: Sequence[str], start: int, stop: int, breaks: frozenset[int]
) -> int:
    cuts = _splits(words, keys, start, stop, breaks)
    return cuts[0] if cuts else stop
