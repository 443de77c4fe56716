"""Finding the duties (nhiệm vụ) in the text of a document.

Patterns read (research note ``tasks.md`` §1.2; the numbers are its skeletons):

* P1/P2 ``Giao X [chủ trì, phối hợp với Y, Z] <việc>`` and ``<Assigner> giao X …``;
* P3 ``X chủ trì, phối hợp với Y <việc>``; P4 ``X <việc>`` in a numbered item;
* P5 ``[Kính] đề nghị X …`` / ``Yêu cầu X …`` (not ``Xét/Theo đề nghị của …``);
* P8 a lead-in ending with ``:`` gives its assignee and roles to the items under it:
  **one task per item** (each bullet is a tracked row); a sentence without items is
  one task; P9 a heading that is only a name (``1. Sở Tư pháp:``) does the same;
* P10 ``X có trách nhiệm …``, ``X chủ động …``; the standing ``… chịu trách nhiệm thi
  hành Quyết định này`` is kept with ``execution_clause=True``.

Several assignees of one duty give one task per assignee (tracking keeps one row per
assignee). A factored list ``Các Bộ: Công an, Tài chính`` or ``Đại diện Lãnh đạo: Sở Nội
vụ, Sở Tư pháp`` is expanded with its head noun; a name is cut at ``,``/``;``/``và`` only
where the next word starts a body name (``src/vnadmin/data/body_words.tsv``), so ``Sở
Nông nghiệp và Môi trường`` stays one body. Not tasks: appointments (``phân công đồng chí
… làm …``), praise and past actions (``ghi nhận``, ``đã …``), ``Xét đề nghị của …``.
In a Tờ trình or Báo cáo, ``Giao …`` is a proposal to the superior: ``proposed=True``.

The scan is linear: paragraphs are cut into windows of at most ``_MAX_PARA`` characters,
every regular expression is a plain alternation or a bounded class run, and a name is
at most ``_MAX_NAME_WORDS`` words.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple

import attrs

from vnadmin._regex import alternation
from vnadmin.dates import find_dates
from vnadmin.dates.deadlines import Deadline, DeadlineKind, find_deadlines
from vnadmin.dates.times import VN_TZ
from vnadmin.registry import Issuer, default_registry
from vnadmin.tasks.model import Party, PartyKind, Task
from vnadmin.tasks.recurrence import find_recurrence
from vnadmin.text import NormalizedText, as_normalized

if TYPE_CHECKING:
    from vnadmin.document import Document

__all__ = ["find_tasks"]

_MAX_PARA = 4000
_MAX_NAME_WORDS = 45

# Lower-case words that end an assignee's name: a role word, a modal, or the verb of
# the duty (research note §1.2 lexicon). Matched case-sensitively: names capitalise
# their words ("Ban Tổ chức"), verbs do not.
_VERBS = (
    "chủ trì",
    "phối hợp",
    "có trách nhiệm",
    "chịu trách nhiệm",
    "chủ động",
    "khẩn trương",
    "tiếp tục",
    "tham mưu",
    "chuẩn bị",
    "thực hiện",
    "triển khai",
    "xây dựng",
    "rà soát",
    "theo dõi",
    "tổ chức",
    "báo cáo",
    "gửi",
    "nghiên cứu",
    "có ý kiến",
    "có văn bản",
    "tham gia",
    "tham dự",
    "dự họp",
    "kiểm tra",
    "hướng dẫn",
    "đôn đốc",
    "phải",
    "cần",
    "tăng cường",
    "đẩy mạnh",
    "bố trí",
    "làm",
    "tổng hợp",
    "ban hành",
    "cập nhật",
    "phổ biến",
    "niêm yết",
    "huy động",
    "thẩm định",
    "tiếp thu",
    "hoàn thiện",
    "hoàn thành",
    "đề xuất",
    "quyết định",
    "tiếp nhận",
    "phân tích",
    "sao lưu",
    "định danh",
    "mời",
    "lập",
    "đăng ký",
    "tải",
    "chỉ đạo",
    "bảo đảm",
    "đảm bảo",
    "giải quyết",
    "phản ánh",
    "chuyển giao",
    "thanh tra",
    "khảo sát",
    "vận hành",
    "liên hệ",
    "xử lý",
    "hỗ trợ",
    "sắp xếp",
    "kịp thời",
    "nghiêm túc",
    "thường xuyên",
    "định kỳ",
    "hằng",
    "hàng",
    "theo chức năng",
    "căn cứ",
    "trên cơ sở",
    "nghiêm",
    "tập trung",
    "quan tâm",
    "chấp hành",
    "thi hành",
    "trình",
    "xem xét",
    "cụ thể hóa",
    "cụ thể hoá",
    "quán triệt",
    "nộp",
    "duy trì",
    "khắc phục",
    "tiến hành",
    "chấn chỉnh",
    "cung cấp",
    "giám sát",
    "đánh giá",
    "tuyên truyền",
    "tăng",
    "nhập",
    "thống nhất",
    "ưu tiên",
    "phân công",
    "sửa đổi",
    "công bố",
    "công khai",
    "vào",
)


def _rx(pattern: str) -> re.Pattern[str]:
    """Compile ``pattern`` with each literal blank outside a class meaning a run of blanks
    (a wrapped line leaves several blanks in the flat text)."""
    out: list[str] = []
    depth = 0
    esc = False
    for ch in pattern:
        if esc:
            out.append(ch)
            esc = False
            continue
        if ch == "\\":
            esc = True
        elif ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch == " " and depth == 0:
            out.append("[ \\t]+")
            continue
        out.append(ch)
    return re.compile("".join(out))


# The verbs as a prefix tree, with no look-around in front: ``re`` then skips to the
# positions where a verb's first letter stands in its C loop; the word start is checked in
# Python (:func:`_verb_matches`), once a candidate.
_VERB_RE = re.compile(alternation(_VERBS, blank=r"[ \t]+") + r"(?!\w)")


def _verb_matches(s: str, a: int = 0, b: int | None = None) -> Iterator[re.Match[str]]:
    r"""The verbs of :data:`_VERBS` that start a word in ``s[a:b]``, left to right (what
    ``(?<!\w)`` in front of the tree gives, without testing it at every position)."""
    search = _VERB_RE.search
    end = len(s) if b is None else b
    pos = a
    while True:
        m = search(s, pos, end)
        if m is None:
            return
        i = m.start()
        if i > 0 and ((c := s[i - 1]).isalnum() or c == "_"):
            pos = i + 1
            continue
        yield m
        pos = m.end()


_VERB_START = re.compile(r"(?i:" + alternation(_VERBS, blank=r"[ \t]+") + r")(?!\w)")
_VERB_HEADS = frozenset(v.split(" ", 1)[0] for v in _VERBS)
_WORD = re.compile(r"\w+")


def _verb_start(s: str, i: int) -> bool:
    """A verb of :data:`_VERBS` starts at ``i``, in any case: the word there is looked up
    among the verbs' first words before the case-insensitive tree is tried."""
    w = _WORD.match(s, i)
    return (
        w is not None
        and w.group().casefold() in _VERB_HEADS
        and _VERB_START.match(s, i) is not None
    )


# Verb phrases that describe a status, not a duty ("làm việc theo chế độ kiêm nhiệm").
_NOT_DUTY_ACTION = _rx(
    r"(?:làm việc theo|được hưởng|là |gồm|có tên|thực hiện theo quy định|thuộc |[Cc]ăn cứ |"
    r"có ý kiến(?: chỉ đạo)? như sau|[Tt]hực hiện ý kiến|Mời |tổ chức (?:liên ngành|phối hợp liên ngành|xã hội)"
    # the courtesy close of a request: "đề nghị … quan tâm chỉ đạo thực hiện./."
    r"|quan tâm(?:,)? (?:chỉ đạo|phối hợp|giúp đỡ)(?: (?:thực hiện|triển khai))?[ ./]*$)"
)

# Words a person's title starts with.
_PERSON = (
    "Đồng chí",
    "đồng chí",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Giám đốc",
    "Thủ trưởng",
    "Chánh",
    "Bộ trưởng",
    "Trưởng",
    "Thủ tướng",
    "Người đứng đầu",
    "người đứng đầu",
    "Các đồng chí",
    "các đồng chí",
)
# Words a class or a group starts with, besides the body words.
_GROUP = (
    "Các",
    "các",
    "Thành viên",
    "Lãnh đạo",
    "lãnh đạo",
    "Đại diện",
    "Cơ quan",
    "Đơn vị",
    "Từng",
    "Tổ",
    "Những",
)


# Nouns that end with one of the verbs above ("chương trình", "thành lập") or start with
# one ("trình độ"): the verb inside them does not end a name.
_COMPOUND_BEFORE = frozenset(
    [
        "chương",
        "quy",
        "công",
        "lộ",
        "tờ",
        "hành",
        "lịch",
        "thành",
        "độc",
        "việc",
        "ngân",
        "mặt",
        "giấy",
        "vận",
        "sáp",
        "hợp",
        "đề",
    ]
)
# After "tổ chức", words that make it the noun "organisation".
_ORG_NOUN = _rx(
    r" (?:đảng|chính trị|xã hội|đoàn thể|hội|kinh tế|tín dụng|tôn giáo|quốc tế|phi chính phủ"
    r"|hành nghề|có liên quan|liên quan|cơ sở đảng|thành viên)(?!\w)"
)
_COMPOUND_AFTER = frozenset(["độ", "tự", "bày"])


def _verb_positions(s: str) -> list[int]:
    out: list[int] = []
    append = out.append
    before_words = _COMPOUND_BEFORE
    for m in _verb_matches(s):
        a = m.start()
        g = m.group(0)
        if " " not in g and "\t" not in g:
            # a one-word verb ending a noun: "chương trình", "quy định" …
            head = s[max(0, a - 12) : a].rstrip(" \t\n")
            k = len(head)
            while k > 0 and head[k - 1].isalpha():
                k -= 1
            if head[k:].casefold() in before_words:
                continue
            if g == "trình":
                after = s[m.end() : m.end() + 5].split(maxsplit=1)
                if after and after[0].casefold() in _COMPOUND_AFTER:
                    continue  # "trình độ", "trình tự", "trình bày"
        elif g[0] == "t" and g.startswith("tổ") and _ORG_NOUN.match(s, m.end()):
            continue  # "tổ chức đảng", "tổ chức xã hội": the noun, not the verb
        append(a)
    return out


@lru_cache(maxsize=1)
def _body_words() -> tuple[str, ...]:
    """Title-cased body words (``Sở``, ``Ủy ban``, ``UBND`` …) from body_words.tsv."""
    raw = resources.files("vnadmin.data").joinpath("body_words.tsv").read_text(encoding="utf-8")
    out: set[str] = set()
    for line in raw.splitlines():
        w = line.strip()
        if not w or w.startswith("#") or w == "word":
            continue
        out.add(w)
        out.add(" ".join(p[:1] + p[1:].lower() for p in w.split()))
        out.add(w[:1] + w[1:].lower())
    out.update(
        {
            "Viễn thông",
            "Uỷ ban",
            "Ủy ban",
            "Trung tâm",
            "Hội đồng",
            "Đoàn Luật sư",
            "Bảo hiểm xã hội",
        }
    )
    return tuple(sorted(out, key=len, reverse=True))


@lru_cache(maxsize=1)
def _start_re() -> re.Pattern[str]:
    words = set(_body_words()) | set(_PERSON) | set(_GROUP)
    return re.compile(alternation(words) + r"(?!\w)")


# What "Các …" must name to be an assignee (a class of bodies or of office holders).
_CLASS_NOUNS = (
    "cơ quan",
    "đơn vị",
    "sở",
    "ban",
    "ngành",
    "bộ",
    "địa phương",
    "xã",
    "phường",
    "tỉnh",
    "huyện",
    "hội",
    "đoàn",
    "thành viên",
    "đồng chí",
    "cấp",
    "doanh nghiệp",
    "tổ chức",
    "đại biểu",
    "trường",
    "ủy ban",
    "uỷ ban",
    "ubnd",
    "thủ trưởng",
    "chủ tịch",
    "giám đốc",
    "tiểu ban",
    "phòng",
    "trung tâm",
    "chi cục",
    "cục",
    "vụ",
    "viện",
    "tập đoàn",
    "tổng công ty",
    "công ty",
    "lãnh đạo",
    "người đứng đầu",
)
_LOOSE_HEADS = frozenset({"Ban", "Hội", *_GROUP} - {"Tổ"})


def _starts_name(s: str, i: int) -> bool:
    """A body, group or title starts at ``i``; a one-word body noun in title case needs a
    capitalised next word ("Bộ Công an", not "Bộ chỉ số")."""
    m = _start_re().match(s, i)
    if m is None:
        return False
    w = m.group(0)
    j = m.end()
    while j < len(s) and s[j] in " \t\n":
        j += 1
    if w in ("Các", "các", "Những", "Từng"):
        k = j
        while k < len(s) and k < j + 12 and (s[k].isalpha() or s[k] == " "):
            k += 1
        nxt = s[j:k].casefold()
        if nxt.startswith(("trường hợp", "nội dung", "văn bản", "vấn đề")):
            return False  # "các trường hợp khác, …": not a class of bodies
        return any(nxt.startswith(n) for n in _CLASS_NOUNS)
    if " " in w or w.isupper() or w in _LOOSE_HEADS or w in _PERSON:
        return True
    return j < len(s) and (s[j].isupper() or s[j].isdigit())


# Numbering at the start of an item: Điều N., roman, arabic (dotted), letter, dash, plus.
_NUM_RE = re.compile(
    r"[ \t]*(?:(Điều[ \t]+(\d{1,3})[.:]?)|([IVXL]{1,6})[.)][ \t]|(\d{1,2}(?:\.\d{1,2}){0,3})[.)](?=[ \t])"
    r"|([a-zđ])[)][ \t]|([-–•*+])[ \t]*|\((\d{1,2})\)[ \t])"
)
_LEVEL = {"dieu": 0, "roman": 1, "arabic": 2, "letter": 5, "paren": 5, "dash": 6, "plus": 7}

_SENT_END = re.compile(r"[.!?](?:(?<=\.)/\.)?(?=[ \t]+[A-ZĐÀ-Ỹ]|[ \t]*$)")
_CLOSING = re.compile(
    r"^[ \t|]*(?:Nơi nhận[ \t]*:|Nơi gửi[ \t]*:|Nơi nhận[ \t]*$|(?:TM|KT|TL|Q)\.[ \t]*[A-ZĐÀ-Ỹ]"
    r"|T/M[ \t]|K/T[ \t]|Trân trọng)"
)
# The closing formula of a report or letter starts its own paragraph, even when the line
# before it does not end a sentence ("Trên đây là báo cáo …", "Trân trọng …").
_CLOSING_FORMULA = re.compile(r"[ \t]*(?:Trên đây là|Trân trọng)(?!\w)")
# After a closing mark, a line that shows it was an example inside the body (a
# guideline printing a signature block: "(chữ ký)", "Ví dụ 2:"), not the closing.
_BODY_GOES_ON = re.compile(r"^[ \t]*(?:Ví dụ|\(chữ ký\))", re.M)
_GIAO = re.compile(r"[Gg](?<!\w[Gg])iao(?=[ \t]+(?:cho[ \t]+)?[A-ZĐÀ-Ỹcbs])")
# (the first letter as a class, the word start checked after it: the engine then skips to
# those letters in C instead of trying a look-ahead at every position)
_REQ = re.compile(
    r"[KkĐđYy](?<!\w.)(?:(?<=[Kk])ính[ \t]+(?:[Đđ]ề[ \t]+nghị|[Yy]êu[ \t]+cầu)"
    r"|(?<=[Đđ])ề[ \t]+nghị|(?<=[Yy])êu[ \t]+cầu)(?![ \t]+(?:của|tại|số)\b)"
)
_NEG_BEFORE = re.compile(
    r"(?:[Xx]ét|[Tt]heo|[Tt]rên[ \t]+cơ[ \t]+sở|được|đã|đáp[ \t]+ứng|các|những|nhận[ \t]+được)[ \t]+$"
)
_NOT_TASK = _rx(
    r"ghi nhận|biểu dương|đánh giá cao|đã tích cực|để (?:[^.;]{0,80}? )?biết|tham khảo thực hiện|phân công đồng chí[^.;]{0,120}?làm (?:Trưởng|Phó|Tổ)"
)
_EXEC = _rx(
    r"chịu trách nhiệm thi hành|chịu trách nhiệm tổ chức thi hành|chịu trách nhiệm thực hiện (?:Quyết định|Chỉ thị)"
)
_COLLAB = _rx(r"p(?<!\wp)hối hợp(?:[ \t]+(?:chặt chẽ[ \t]+)?với)?[ \t]+")
_REPORT = _rx(
    r"(?<!\w)(?:báo cáo(?:[ \t]+kết quả)?(?:[ \t]+về)?|trình|gửi(?:[ \t]+về)?|tham mưu(?:[ \t]+cho)?)[ \t]+(?=[A-ZĐÀ-Ỹ]|lãnh đạo|các|cơ quan)"
)
_DELIV = _rx(r"(?<!\w)(?:dự thảo|[Dd]anh sách|[Kk]ế hoạch|\d{1,3} bộ)[ \t][^;,.:()]{1,100}")
_RECUR = _rx(
    r"(?<!\w)(?:định kỳ(?:[ \t]+\d{1,2}[ \t]+tháng(?:/lần)?|[ \t]+h[àằ]ng[ \t]+(?:ngày|tuần|tháng|quý|năm)|[ \t]+và đột xuất)?"
    r"|[Hh][àằ]ng[ \t]+(?:ngày|tuần|tháng|quý|năm)|[Tt]hường xuyên|[Cc]uối năm)(?!\w)"
)
_COND = _rx(r"(?<!\w)(?:[Tt]rường hợp|[Nn]ếu|[Kk]hi)[ \t][^,;.]{3,120}")
_MODAL = _rx(r"(?<!\w)(?:có trách nhiệm|chủ động|chủ trì|phải|cần|khẩn trương)(?!\w)")
_INVITING = re.compile(r"^[ \t|]*GIẤY[ \t]+MỜI[ \t|]*$", re.M)
_MEETING_ACT = _rx(
    r"(?i:tổ chức (?:cuộc |buổi |phiên )?(?:họp|hội nghị|hội thảo|tọa đàm|toạ đàm|làm việc|lễ|đại hội))"
)
_PROPOSING = re.compile(r"^[ \t]*(?:TỜ[ \t]+TRÌNH|BÁO[ \t]+CÁO)[ \t]*$", re.M)
_STOP_NAME = _rx(
    r"[:.()]|(?<!\w)(?:chậm nhất|trước|để|trong|xem xét|qua|file|bằng|theo|tại|về việc|kết quả)(?!\w)"
)
_SPLIT = re.compile(r"[ \t]*(?:,|;|[ \t]và[ \t])[ \t]*")
# Items of a Giấy mời that list people, times and places, not duties.
_NOT_DUTY_HEAD = re.compile(
    r"(?:Thành phần|THÀNH PHẦN|Thời gian|THỜI GIAN|Địa điểm|ĐỊA ĐIỂM|Nội dung|NỘI DUNG)(?:[ \t]*(?:mời|dự họp|tham dự|làm việc|cuộc họp|hội nghị))?[ \t]*(?::|$|\n)"
)
_PLAIN_HEAD = re.compile(r"(?:Tổ chức thực hiện|TỔ CHỨC THỰC HIỆN)[ \t.:]*(?:$|\n)")
_REFERENCE_VERB = _rx(r"(?:phân công|giao|thực hiện)[ \t]+(?:tại|theo|ở)(?!\w)")
# Labelled fields under a task title (P6): "- Đơn vị chủ trì: …", "- Thời gian hoàn thành: …".
_FIELD = re.compile(
    r"[ \t]*(?:(?P<lead>(?:Đơn vị|Cơ quan)[ \t]+(?:chủ trì(?:[ \t]+thực hiện)?|thực hiện|chịu trách nhiệm))"
    r"|(?P<co>(?:Đơn vị|Cơ quan)[ \t]+phối hợp(?:[ \t]+thực hiện)?)"
    r"|(?P<time>Thời gian(?:[ \t]+(?:hoàn thành|thực hiện|trình))?|Thời hạn(?:[ \t]+hoàn thành)?))[ \t]*:"
)
_COND_PREFIX = re.compile(
    r"(?:[Tt]rong trường hợp|[Tt]rường hợp|Nếu|Khi|Trước khi|Sau khi|Trong quá trình"
    # a leading adverbial of time: "Trong thời hạn 60 ngày làm việc, X có trách nhiệm …"
    r"|Trong thời hạn|Chậm nhất|Trước ngày|Định kỳ|Hằng năm|Hàng năm|Hằng quý|Hàng quý"
    r"|Hằng tháng|Hàng tháng)[ \t][^,;.:]{1,120}[,:][ \t]*"
)
_DELIV_STOP = _rx(r"(?<!\w)(?:chậm nhất|trước|để|trong|gửi|báo cáo|trình|hoàn thành|theo)(?!\w)")
_COND_START = re.compile(
    r"(?:[Tt]rong trường hợp|[Tt]rường hợp|Nếu|Khi|Trước khi|Sau khi|Trong quá trình)[ \t]"
)
_DUTY_OF = _rx(r"(?:[Tt]rách nhiệm|[Nn]hiệm vụ)(?: của)? |Đối với ")
# A heading over duties still to do, whose items may name no assignee.
_PLAN_WORDS = tuple(
    w.casefold()
    for w in (
        "đề xuất",
        "kiến nghị",
        "nhiệm vụ",
        "giải pháp",
        "phương hướng",
        "thời gian tới",
        "tổ chức thực hiện",
        "đề nghị",
    )
)


def _is_plan_head(text: str) -> bool:
    """A heading of a plan or proposal section (Đề xuất, Kiến nghị, Nhiệm vụ, Giải pháp …),
    by plain substring tests on the casefolded text (a case-insensitive alternation is
    slow in ``re``)."""
    low = " ".join(text.casefold().split())
    return any(w in low for w in _PLAN_WORDS)


_TODO_HEAD = re.compile(
    r"(?i:(?:nhiệm vụ|giải pháp|công việc|kế hoạch)[^.:;\n]{0,60}?(?:thời gian tới|cần thực hiện|"
    r"trọng tâm|tiếp theo|sắp tới|cần triển khai)|phương hướng(?:,)? nhiệm vụ)"
)
# A label that opens a sentence of a plan: "Giải pháp khắc phục: …", "Kiến nghị: …".
_PLAN_LABEL = re.compile(
    r"(?:Giải pháp(?:[ \t]+khắc phục)?|Nhiệm vụ(?:[ \t]+(?:tiếp theo|thời gian tới))?|Kiến nghị"
    r"|Đề xuất|Phương hướng)[ \t]*:[ \t]*"
)
_BASIS_PREFIX = re.compile(r"(?:Căn cứ|Để|Trên cơ sở|Thực hiện|Nhằm)[ \t]")
_HONORIFIC = re.compile(r"(?:quý[ \t]|các đồng chí[ \t]|đồng chí[ \t])")
_KINH_GUI = re.compile(r"Kính[ \t]+gửi[ \t]*:[ \t]*")
_ABBREVIATION_ROW = re.compile(r":[ \t]*[A-ZĐ]{2,}(?:[ \t]*$|[ \t]*[;,.])")
_DAY_DEADLINE = re.compile(r"(?:[Tt]rong|[Hh]ạn|[Vv]ào|[Tt]hành)[ \t]+ngày[ \t]+\d")
_WS = re.compile(r"\s+")
# Verbs that give a duty right after a subject that follows a basis ("Căn cứ …, UBND tỉnh
# chỉ đạo …"): modal and directive verbs, not a report's past or present actions.
_DIRECTIVE = _rx(
    r"(?:chỉ đạo|có trách nhiệm|chịu trách nhiệm|chủ trì|chủ động|khẩn trương|tiếp tục|phải|cần"
    r"|tổ chức|triển khai|thực hiện|xây dựng|rà soát|hướng dẫn|phối hợp|tham mưu|giao|yêu cầu"
    r"|đề nghị|kiểm tra|báo cáo|nghiên cứu)(?!\w)"
)
_CHU_TRI = _rx(r"(?<!\w)chủ trì(?!\w)")


def _clean(s: str) -> str:
    return _WS.sub(" ", s).strip(" \t\n,;:-–")


class _Para(NamedTuple):
    """One item: its text range in the normalised text, its numbering level and path."""

    start: int  # after the numbering
    end: int
    level: int
    path: str | None
    parent: int = 0  # the level of the enclosing numbered item (0: none)


def _paragraphs(s: str) -> Iterator[_Para]:
    """Join wrapped lines into items; a numbering mark or a sentence end starts one."""
    stack: list[tuple[int, str]] = []  # (level, label)
    stack_path = ""  # the labels of ``stack`` joined by "."
    counts: dict[tuple[str, int], int] = {}
    cur_start = -1
    cur_end = -1
    cur_level = 99
    cur_path: str | None = None
    cur_parent = 0
    pos = 0
    n = len(s)
    closed = False
    while pos <= n and not closed:
        nl = s.find("\n", pos)
        if nl < 0:
            nl = n
        line_start, line_end = pos, nl
        pos = nl + 1
        body = s[line_start:line_end]
        if not body.strip():
            if line_end >= n:
                break
            continue
        if (
            _CLOSING.match(body)
            and _BODY_GOES_ON.search(s, line_end, line_end + 600) is None
            and "Ví dụ" not in s[max(0, line_start - 40) : line_start]
        ):
            closed = True
            break
        m = _NUM_RE.match(s, line_start, line_end)
        kind = label = None
        if m is not None:
            if m.group(1):
                kind, label = "dieu", m.group(2)
            elif m.group(3):
                kind, label = "roman", m.group(3)
            elif m.group(4):
                kind, label = "arabic", m.group(4)
            elif m.group(5):
                kind, label = "letter", m.group(5)
            elif m.group(6):
                kind, label = ("plus" if m.group(6) in "+*" else "dash"), ""
            elif m.group(7):
                kind, label = "paren", "(" + m.group(7) + ")"
        new = kind is not None or cur_start < 0 or _CLOSING_FORMULA.match(body) is not None
        if not new:
            first = body.lstrip()[:1]
            if first.isupper() or first.isdigit():
                # the current item's last character and last line, read without copying it
                pe = cur_end
                while pe > cur_start and s[pe - 1] in " \t\n\r":
                    pe -= 1
                prev_end = s[pe - 1] if pe > cur_start else ""
                if prev_end in (".", ":", ";", "!", "?"):
                    new = True
                else:
                    last_line = s[max(cur_start, s.rfind("\n", cur_start, pe) + 1) : pe].strip()
                    new = last_line.isupper() or len(last_line) < 50
        if not new and cur_end - cur_start < _MAX_PARA:
            cur_end = line_end
            continue
        if cur_start >= 0:
            if cur_end - cur_start <= _MAX_PARA:  # (the usual item: no windows to cut)
                if cur_end > cur_start:
                    yield _Para(cur_start, cur_end, cur_level, cur_path, cur_parent)
            else:
                yield from _windows(s, cur_start, cur_end, cur_level, cur_path, cur_parent)
        if kind is not None and m is not None:
            level = _LEVEL[kind] + (label.count(".") if kind == "arabic" and label else 0)
            while stack and stack[-1][0] >= level:
                stack.pop()
            parent = ".".join(x[1] for x in stack)
            if kind in ("dash", "plus"):
                key = (parent, level)
                counts[key] = counts.get(key, 0) + 1
                label = ("-" if kind == "dash" else "+") + str(counts[key])
            stack.append((level, label or ""))
            cur_path = stack_path = parent + "." + (label or "") if parent else label or ""
            cur_level = level
            cur_start = m.end()
        else:
            cur_level = 99
            cur_path = stack_path if stack else None
            cur_parent = stack[-1][0] if stack else 0
            cur_start = line_start
        cur_end = line_end
        if line_end >= n:
            break
    if cur_start >= 0:
        yield from _windows(s, cur_start, cur_end, cur_level, cur_path, cur_parent)


def _windows(s: str, a: int, b: int, level: int, path: str | None, parent: int) -> Iterator[_Para]:
    while b - a > _MAX_PARA:
        yield _Para(a, a + _MAX_PARA, level, path, parent)
        a += _MAX_PARA
    if b > a:
        yield _Para(a, b, level, path, parent)


def _skip_blank(s: str, i: int) -> int:
    while i < len(s) and s[i] in " \t\n":
        i += 1
    return i


# Honours written before a name (``TS. Nguyễn Văn A``, ``PGS.TS. …``; NĐ 30, Phụ lục I,
# II.7.c): their dot ends no sentence.
_HONOURS = frozenset(
    {"GS", "PGS", "TS", "TSKH", "ThS", "THS", "BS", "BSCKI", "BSCKII", "NGND", "NGƯT"}
    | {"NSND", "NSƯT", "TTND", "TTƯT"}
)


def _sentences(s: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    last = a
    for m in _SENT_END.finditer(s, a, b):
        k = m.start()
        if s[k] == "." and s[max(a, k - 6) : k].rsplit(" ", 1)[-1].rsplit(".", 1)[-1] in _HONOURS:
            continue
        yield last, m.end()
        last = m.end()
        while last < b and s[last] in " \t\n":
            last += 1
    if last < b and s[last:b].strip():
        yield last, b


def _name_end(s: str, i: int, b: int, verbs: Sequence[int]) -> int:
    """Where the assignee name starting at ``i`` ends: the first verb, at most N words."""
    k = bisect_left(verbs, i + 1)
    end = verbs[k] if k < len(verbs) and verbs[k] < b else b
    # bound by words
    words = 0
    j = i
    while j < end:
        if s[j] in " \t\n":
            words += 1
            if words >= _MAX_NAME_WORDS:
                return j
        j += 1
    return end


@attrs.frozen
class _Ctx:
    nt: NormalizedText
    flat: str  # nt.text with line breaks as blanks
    deadlines: tuple[Deadline, ...]
    dl_starts: tuple[int, ...]
    proposing: bool
    invitation: bool = False  # a Giấy mời: its "X tổ chức Họp …" is the meeting itself
    addressees: tuple[Party, ...] = ()  # the "Kính gửi:" line, for "đề nghị quý cơ quan …"


def _plausible(name: str) -> bool:
    """A lead name, not a header run into one line nor a whole clause."""
    letters = [c for c in name if c.isalpha()]
    if not letters or len(name.split()) > 30 or "Số:" in name or "___" in name:
        return False
    upper = sum(1 for c in letters if c.isupper())
    if name.endswith(
        (" đã", " được", " đang", " vừa", " sẽ", " là", " xin", " kính", " khi", " đề nghị")
    ):
        return False
    if " đã " in name or " chỉ " in name or " sau khi " in name:
        return False
    if name.isupper() and " " in name:
        return False
    words = name.split()
    if len(words) == 1 and not name.isupper():
        return False  # a bare "Ban", "Sở"
    if name.count("(") != name.count(")") or words[0] in ("Gồm", "Những"):
        return False
    if "/" in name or " ngày " in name or name.startswith(("Tổ chức ", "Trường hợp")):
        return False
    return upper * 2 <= len(letters) or len(letters) <= 8


def _party(ctx: _Ctx, name: str, a: int, b: int) -> Party:
    oa, ob = ctx.nt.to_original(a, b)
    kind = PartyKind.ORGAN
    low = name.casefold()
    if "theo quyết định" in low or "theo chức năng" in low or "có tên tại" in low:
        kind = PartyKind.GROUP_BY_REFERENCE
    elif re.search(r"(?<!\w)có(?!\w)(?! liên quan)|(?<!\w)chưa(?!\w)|(?<!\w)được(?!\w)", low):
        kind = PartyKind.CONDITIONAL
    elif any(name.startswith(p) for p in _PERSON):
        kind = PartyKind.PERSON
    elif "các " in low or low.startswith("từng") or "thành viên" in low:
        kind = PartyKind.ORGAN_CLASS
    body = _issuer_named(name) if kind is PartyKind.ORGAN else None
    return Party(name=name, kind=kind, span=(oa, ob), text=ctx.nt.original[oa:ob], body=body)


def _name_key(name: str) -> str:
    k = " ".join(name.casefold().replace("uỷ", "ủy").split())
    return k.replace("ủy ban nhân dân", "ubnd")


@lru_cache(maxsize=2)
def _issuer_index(version: int) -> dict[str, Issuer]:
    """Registry issuers by folded name (the registry's ``version`` keys the cache, so an
    issuer a user adds is seen); a name two issuers share is left out (ambiguous)."""
    out: dict[str, Issuer] = {}
    seen: set[str] = set()
    for iss in default_registry.issuers():
        if iss.valid_to is not None:
            continue
        k = _name_key(iss.name)
        if k in seen:
            out.pop(k, None)
            continue
        seen.add(k)
        out[k] = iss
    return out


def _issuer_named(name: str) -> Issuer | None:
    """The registry's canonical body for ``name`` ("Bộ Tư pháp" → ``BTP``), if any."""
    return _issuer_by_key(_name_key(name), default_registry.version)


@lru_cache(maxsize=4096)
def _issuer_by_key(key: str, version: int) -> Issuer | None:
    return _issuer_index(version).get(key)


def _parties(ctx: _Ctx, a: int, b: int) -> list[Party]:
    """Split a written list of names into parties (factored lists expanded)."""
    s = ctx.flat
    while a < b and s[a] in " \t\n,;:":
        a += 1
    while b > a and s[b - 1] in " \t\n,;:-–./":
        b -= 1
    if a >= b:
        return []
    head = ""
    colon = s.find(":", a, b)
    if colon > 0:
        h = _clean(s[a:colon])
        h = re.sub(r"^(?:[Cc]ác|[Đđ]ại diện(?: [Ll]ãnh đạo)?|[Ll]ãnh đạo)[ \t]*", "", h).strip()
        if len(h.split()) <= 3 and "," not in h:
            head = h[:1].upper() + h[1:] if h else ""
        a = colon + 1
    pieces: list[tuple[int, int]] = []
    last = a
    for m in _SPLIT.finditer(s, a, b):
        nxt = m.end()
        is_va = m.group(0).strip() == "và"
        if _starts_name(s, nxt) or (head and not is_va and nxt < b and s[nxt].isupper()):
            pieces.append((last, m.start()))
            last = nxt
    pieces.append((last, b))
    out: list[Party] = []
    for pa, pb in pieces:
        while pa < pb and s[pa] in " \t\n":
            pa += 1
        text = _clean(s[pa:pb])
        if not text:
            continue
        name = text
        if head and not text.casefold().startswith(head.casefold()):
            name = f"{head} {text}"
        out.append(_party(ctx, name, pa, pb))
    return out


def _flat_range(ctx: _Ctx, oa: int, ob: int) -> tuple[int, int]:
    return ctx.nt.from_original(oa), ctx.nt.from_original(ob)


def _day_deadline(ctx: _Ctx, oa: int, ob: int) -> Deadline | None:
    """``trong ngày 10 tháng 01 năm 2026`` (by the end of that day), which the deadlines
    finder does not read: a date right after "trong"/"hạn"/"vào" within the duty."""
    src = ctx.nt.original
    if _DAY_DEADLINE.search(ctx.flat, *_flat_range(ctx, oa, ob)) is None:
        return None
    try:
        mentions = find_dates(src[oa:ob])
    except Exception:
        return None
    for dm in mentions:
        a, b = oa + dm.span[0], oa + dm.span[1]
        lo = max(oa, a - 12)
        stripped = src[lo:a].rstrip()
        words = stripped.split()
        if words and words[-1].casefold() in ("trong", "hạn", "vào", "thành"):
            start = lo + len(stripped) - len(words[-1])
            due = dt.datetime.combine(dm.value, dt.time(23, 59, 59, 999999), tzinfo=VN_TZ)
            return Deadline(kind=DeadlineKind.FIXED, due=due, span=(start, b), text=src[start:b])
    return None


def _deadline(ctx: _Ctx, oa: int, ob: int) -> Deadline | None:
    k = bisect_left(ctx.dl_starts, oa)
    first: Deadline | None = None
    while k < len(ctx.deadlines) and ctx.deadlines[k].span[0] < ob:
        d = ctx.deadlines[k]
        if d.span[1] <= ob:
            if d.due is not None:
                return d
            if first is None:
                first = d
        k += 1
    return first if first is not None else _day_deadline(ctx, oa, ob)


def _reports(ctx: _Ctx, a: int, b: int, verbs: Sequence[int]) -> list[Party]:
    s = ctx.flat
    out: list[Party] = []
    for n, m in enumerate(_REPORT.finditer(s, a, b)):
        if n >= 12:
            break
        i = m.end()
        lim = min(b, i + 240)  # a report target is a name: bounded window
        stop = _STOP_NAME.search(s, i, lim)
        end = stop.start() if stop else lim
        k = bisect_left(verbs, i + 1)
        if k < len(verbs) and verbs[k] < end:
            end = verbs[k]
        semi = s.find(";", i, end)
        if semi >= 0:
            end = semi
        comma = s.find(",", i, end)
        if comma >= 0 and not _starts_name(s, comma + 1 + (s[comma + 1 : comma + 2] == " ")):
            end = comma
        name = _clean(s[i:end])
        if name and len(name.split()) <= 20:
            out.extend(_parties(ctx, i, end))
        if len(out) >= 6:
            break
    return out


def _make(
    ctx: _Ctx,
    leads: list[Party],
    collabs: list[Party],
    a: int,
    b: int,
    action_start: int,
    modality: str | None,
    section: str | None,
    verbs: Sequence[int],
    *,
    giao: bool,
    execution: bool = False,
) -> list[Task]:
    s = ctx.flat
    while b > a and s[b - 1] in " \t\n":
        b -= 1
    while a < b and s[a] in " \t\n":
        a += 1
    oa, ob = ctx.nt.to_original(a, b)
    action = _clean(s[action_start:b]).rstrip("./")
    if not action or _NOT_DUTY_ACTION.match(action) or action.endswith("như sau"):
        return []
    if ctx.invitation and _MEETING_ACT.match(action):
        return []  # "UBND tỉnh tổ chức Họp …" in a Giấy mời: the meeting, not a duty
    if _ABBREVIATION_ROW.search(action):
        return []  # "Ban chỉ đạo: BCĐ", a row of an abbreviation table
    body = s[action_start:b]
    rec = _RECUR.search(body)
    cond = _COND.search(body)
    if modality is None:
        mm = _MODAL.search(s, action_start, min(b, action_start + 40))
        modality = mm.group(0) if mm else None
    own_collab = []
    cm = _COLLAB.search(s, action_start, b)
    if cm is not None and not collabs:
        k = bisect_left(verbs, cm.end() + 1)
        end = verbs[k] if k < len(verbs) and verbs[k] < b else b
        stop = _STOP_NAME.search(s, cm.end(), end)
        if stop:
            end = stop.start()
        if end - cm.end() < 300:
            own_collab = _parties(ctx, cm.end(), end)
    deliv_list: list[str] = []
    for dm in _DELIV.finditer(body):
        piece = dm.group(0)
        cut = _DELIV_STOP.search(piece, 4)
        piece = _clean(piece[: cut.start()] if cut else piece)
        if piece and len(deliv_list) < 5:
            deliv_list.append(piece)
    deliv = tuple(deliv_list)
    schedule = find_recurrence(body) if rec is not None or "tháng" in body else None
    co_leads: tuple[Party, ...] = ()
    if len(leads) > 1 and _CHU_TRI.search(s, a, action_start) is not None:
        co_leads = tuple(leads)
    base = Task(
        lead=None,
        collaborators=tuple(collabs or own_collab),
        action=action,
        deliverables=deliv,
        report_to=tuple(_reports(ctx, action_start, b, verbs)),
        deadline=_deadline(ctx, oa, ob),
        recurrence=rec.group(0) if rec else None,
        modality=modality,
        condition=_clean(cond.group(0)) if cond else None,
        section=section,
        proposed=giao and ctx.proposing,
        execution_clause=execution,
        span=(oa, ob),
        text=ctx.nt.original[oa:ob],
        schedule=schedule,
    )
    if not leads:
        return [base]
    return [
        attrs.evolve(base, lead=p, co_leads=tuple(x for x in co_leads if x is not p)) for p in leads
    ]


@attrs.frozen
class _Lead:
    leads: tuple[Party, ...]
    collabs: tuple[Party, ...]
    modality: str | None
    giao: bool
    level: int


def _subject(
    ctx: _Ctx, a: int, b: int, verbs: Sequence[int]
) -> tuple[list[Party], list[Party], int, str | None, bool] | None:
    """Read the assignee at the start of a clause: (leads, collaborators, action start, modality, giao)."""
    s = ctx.flat
    i = a
    while i < b and s[i] in " \t\n":
        i += 1
    modality: str | None = None
    giao = False
    lab = _PLAN_LABEL.match(s, i, b)
    if lab is not None:
        i = lab.end()  # "Giải pháp khắc phục: Sở Tư pháp tập trung …"
    cp = _COND_PREFIX.match(s, i, b)
    if cp is not None:
        i = cp.end()
    basis = False
    if cp is None and _BASIS_PREFIX.match(s, i, b):
        # "Căn cứ …, X đề nghị …" / "Để …, Bộ Tư pháp đề nghị …": the subject follows a comma
        stop = min(b, i + 400)
        c = s.find(", ", i, stop)
        while c >= 0:
            if _starts_name(s, c + 2):
                i = c + 2
                basis = True
                break
            c = s.find(", ", c + 2, stop)
    honorific = False
    # "Giao X", "<Assigner> giao X", "[Kính] đề nghị X", "Yêu cầu X" within the clause head
    cands = [
        m for m in (_GIAO.search(s, i, min(b, i + 160)), _REQ.search(s, i, min(b, i + 160))) if m
    ]
    cands.sort(key=lambda m: m.start())
    chosen = False
    for trig in cands:
        if _NEG_BEFORE.search(s, max(a, trig.start() - 14), trig.start()):
            continue
        lead_ok = (
            trig.start() == i
            or _starts_name(s, i)
            or s[trig.start() - 2 : trig.start()] == ": "
            or _COND_START.match(s, i) is not None
            or (s[trig.start() - 2 : trig.start()] == ", " and trig.start() - i < 40)
        )
        if not (lead_ok or s[trig.start()] == "G"):
            continue
        if trig.start() > i and _starts_name(s, i):
            k = bisect_left(verbs, i + 1)
            if k < len(verbs) and verbs[k] < trig.start():
                continue  # "Sở Nội vụ có văn bản đề nghị …": the trigger is inside the duty
        j = trig.end()
        while j < b and s[j] in " \t\n":
            j += 1
        if s.startswith("cho ", j):
            j += 4
        if _HONORIFIC.match(s, j) and ctx.addressees:
            honorific = True
        elif not _starts_name(s, j) and not (j < b and s[j].isupper()):
            continue
        if trig.group(0).endswith("iao"):
            modality, giao = "giao", True
        else:
            modality = _clean(trig.group(0)).casefold().removeprefix("kính ")
        i = j
        chosen = True
        break
    if not chosen and not _starts_name(s, i):
        return None
    end = _name_end(s, i, b, verbs)
    if not chosen and basis and _DIRECTIVE.match(s, end) is None:
        return None  # "Căn cứ …, X <directive verb> …" only: "Căn cứ …, X đã …" reports
    name_end = end
    scoped = False
    if s.startswith(("căn cứ", "trên cơ sở"), end):
        # "X căn cứ chức năng, nhiệm vụ của … phản ánh …": the basis scopes the duty,
        # which starts at the next verb
        k = bisect_left(verbs, end + 8)
        if k < len(verbs) and verbs[k] < b:
            end = verbs[k]
            scoped = True
    # "theo chức năng, nhiệm vụ …" scopes the assignee; the duty starts at the next verb
    if s.startswith("theo chức năng", end):
        k = bisect_left(verbs, end + 15)
        nxt = b
        while k < len(verbs) and verbs[k] < b:
            v = verbs[k]
            if not _REFERENCE_VERB.match(s, v) and not s[max(0, v - 6) : v].rstrip().endswith(
                ("được", "đươc")
            ):
                nxt = v
                break
            k += 1
        end = nxt
    if name_end <= i:
        return None
    if honorific:
        leads = list(ctx.addressees)
    else:
        leads = [p for p in _parties(ctx, i, name_end) if _plausible(p.name)]
    if not leads:
        return None
    if end != name_end and not scoped:  # "theo chức năng, nhiệm vụ … tại Quyết định …"
        leads = [attrs.evolve(p, kind=PartyKind.GROUP_BY_REFERENCE) for p in leads]
    collabs: list[Party] = []
    act = end
    if s.startswith("chủ trì", act):
        act += len("chủ trì")
        while act < b and s[act] in " \t\n,":
            act += 1
        modality = modality or "chủ trì"
    cm = _COLLAB.match(s, act)
    if cm is not None:
        k = bisect_left(verbs, cm.end() + 1)
        cend = verbs[k] if k < len(verbs) and verbs[k] < b else b
        collabs = _parties(ctx, cm.end(), cend)
        act = cend
    else:
        cm = _COLLAB.search(s, act, b)
        if cm is not None and s[max(act, cm.start() - 8) : cm.start()].rstrip().endswith(","):
            k = bisect_left(verbs, cm.end() + 1)
            cend = verbs[k] if k < len(verbs) and verbs[k] < b else b
            colon = s.find(":", cm.end(), cend)
            collabs = _parties(ctx, cm.end(), colon if colon >= 0 else cend)
    return leads, collabs, act, modality, giao


def find_tasks(source: str | NormalizedText | Document) -> tuple[Task, ...]:
    """The duties written in ``source``, in text order; spans are into the caller's string
    (for a :class:`~vnadmin.Document`, into its ``text``).

    Every task carries its ``assigner``: for a Thông báo kết luận the chair of the meeting
    it reports, otherwise the organ the document is signed for (the ``TM.`` line, else the
    issuer of the header); a :class:`~vnadmin.Document` gives its parsed issuer and
    signature. Never raises on a ``str``.

    >>> t = find_tasks("Giao Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ rà soát văn bản; "
    ...                "báo cáo UBND tỉnh trước ngày 15/01/2024.")[0]
    >>> t.lead.name, [p.name for p in t.collaborators], t.deadline.due_date.isoformat()
    ('Sở Tư pháp', ['Sở Nội vụ'], '2024-01-14')
    >>> [p.name for p in t.report_to]
    ['UBND tỉnh']
    """
    doc: Document | None = None
    if not isinstance(source, (str, NormalizedText)):
        from vnadmin.document import Document as _Document
        from vnadmin.reader.columns import normalize_document

        if not isinstance(source, _Document):
            return find_tasks(as_normalized(source))  # raises VnAdminError
        doc = source
        try:
            nt = normalize_document(doc.text, columns=doc.file is None or doc.file.flat)
        except Exception:
            return ()
    else:
        nt = as_normalized(source)
    try:
        found = _find(nt)
        if not found:
            return found
        who = _assigner_of_doc(doc, nt) if doc is not None else _assigner(nt)
        if who is None:
            return found
        found = tuple(t for t in found if not _performative(t, who))
        return tuple(attrs.evolve(t, assigner=who) for t in found)
    except Exception:  # a finder reports what it can; an internal slip must not escape
        return ()


_PERFORMATIVE = _rx(
    r"(?:hướng dẫn|thông báo|quy định|kết luận)(?: thống nhất)?"
    r"(?:[^.;:]{0,120}?(?:sau đây|như sau)|[ \t]*:)"
)


def _performative(task: Task, who: Party) -> bool:
    """The issuer's own act of the document ("Ban Thường vụ Hiệp hội hướng dẫn một số nội
    dung sau đây …", "… hướng dẫn thống nhất: …"): what the document does, not a duty."""
    if task.lead is None or who.kind is not PartyKind.ORGAN:
        return False
    lead, me = _name_key(task.lead.name), _name_key(who.name)
    if not (lead.startswith(me) or me.startswith(lead) or me in lead):
        return False
    return _PERFORMATIVE.match(task.action) is not None


_OPENING = 4000
_TB_HEAD = re.compile(r"^[ \t]*THÔNG[ \t]+BÁO[ \t]*$", re.M)
_CONCLUDE = re.compile(r"(?i:kết[ \t\n]+luận)")
_TM_LINE = re.compile(
    r"^[ \t]*(?:TM|T/M|Thay[ \t]+mặt)(?:[ \t]*\.)?[ \t]+([^\n]{3,120}?)[ \t]*$", re.M
)
_SO_LINE = re.compile(r"^[ \t|]*Số[ \t]*:", re.M)
# A header line that continues the issuer's name of the line above (not a new unit).
_HEAD_CONT = re.compile(
    r"(?:TỈNH|THÀNH[ \t]+PHỐ|HUYỆN|QUẬN|XÃ|PHƯỜNG|ĐẶC[ \t]+KHU|NHÂN[ \t]+DÂN|TRUNG[ \t]+ƯƠNG|VIỆT[ \t]+NAM)(?!\w)"
)
_MOTTO = re.compile(r"[ \t]*(?:CỘNG[ \t]+HÒA|CỘNG[ \t]+HOÀ|ĐẢNG[ \t]+CỘNG[ \t]+SẢN)")


def _organ_party(nt: NormalizedText, name: str, a: int, b: int) -> Party:
    name = " ".join(name.split())
    return Party(
        name=name,
        kind=PartyKind.ORGAN,
        span=(a, b),
        text=nt.original[a:b],
        body=_issuer_named(name),
    )


_TITLE_CHAIR = _rx(
    r"[Kk]ết luận của (?:đồng chí|[Đđ]/c) (?P<who>[^\n]{3,240}?) (?=tại |về |khi |trong )"
)


def _titled_chair(nt: NormalizedText, at: int) -> Party | None:
    """The chair named in a conclusion notice's title: "Kết luận của đồng chí X, <titles>
    tại cuộc họp …" (wrapped lines joined)."""
    flat = nt.text[at : at + 600].replace("\n", " ")
    m = _TITLE_CHAIR.search(flat)
    if m is None:
        return None
    name = " ".join(m.group("who").split()).rstrip(" ,")
    oa, ob = nt.to_original(at + m.start("who"), at + m.end("who"))
    return Party(name=name, kind=PartyKind.PERSON, span=(oa, ob), text=nt.original[oa:ob])


def _chair_party(nt: NormalizedText) -> Party | None:
    """The chair of the meeting a Thông báo kết luận reports."""
    from vnadmin.meetings.parser import parse_meeting

    # the meeting a conclusion notice reports is told in its opening lines
    m = parse_meeting(nt.original[:_OPENING])
    if m is None or not m.held or not m.chair:
        return None
    chair = m.chair[0]
    k = nt.original.find(chair.split(",")[0], m.span[0], m.span[1] + 1)
    span = (k, k + len(chair.split(",")[0])) if k >= 0 else m.span
    return Party(name=chair, kind=PartyKind.PERSON, span=span, text=nt.original[span[0] : span[1]])


def _assigner(nt: NormalizedText) -> Party | None:
    """Who gives the duties of a text: the concluding chair of a Thông báo kết luận, else
    the organ of the ``TM.`` line, else the last line of the header's issuer column."""
    t = nt.text
    head = t[:3000]
    tb = _TB_HEAD.search(head)
    if tb is not None and _CONCLUDE.search(t, tb.end(), tb.end() + 400) is not None:
        chair = _titled_chair(nt, tb.end()) or _chair_party(nt)
        if chair is not None:
            return chair
    issuer: list[tuple[int, int]] = []  # the pieces of the last unit's name
    so = _SO_LINE.search(head)
    if so is not None:
        adjacent = False
        pos = 0
        while pos < so.start():
            nl = t.find("\n", pos, so.start())
            nl = so.start() if nl < 0 else nl
            line = t[pos:nl]
            mm = _MOTTO.search(line)
            cut = mm.start() if mm is not None else len(line)
            bar = line.find("|", len(line) - len(line.lstrip(" \t|")))
            if 0 <= bar < cut:
                cut = bar  # a header table: the issuer column is the first cell
            body = line[:cut].strip(" \t|")
            letters = [c for c in body if c.isalpha()]
            if len(letters) >= 3 and body.upper() == body and "---" not in body:
                a = pos + line.index(body)
                title = " ".join(w[:1] + w[1:].lower() for w in body.split())
                cont = _HEAD_CONT.match(body) is not None or _start_re().match(title) is None
                if issuer and cont and adjacent:
                    issuer.append((a, a + len(body)))  # "ỦY BAN NHÂN DÂN" / "TỈNH LÂM ĐỒNG"
                else:
                    issuer = [(a, a + len(body))]
                adjacent = True
            elif letters or "---" in body:
                adjacent = False
            pos = nl + 1
    tm = None
    for m in _TM_LINE.finditer(t, len(t) // 3):
        tm = m
    if tm is not None:
        name = tm.group(1).strip()
        if not issuer or not _name_key(t[issuer[0][0] : issuer[-1][1]]).startswith(_name_key(name)):
            oa, ob = nt.to_original(tm.start(1), tm.start(1) + len(name))
            return _organ_party(nt, name, oa, ob)
    if issuer:
        oa, ob = nt.to_original(issuer[0][0], issuer[-1][1])
        return _organ_party(nt, " ".join(t[a:b] for a, b in issuer), oa, ob)
    return None


def _assigner_of_doc(doc: Document, nt: NormalizedText) -> Party | None:
    """:func:`_assigner` from a parsed document: its issuer and first signature block."""
    if doc.type_name == "Thông báo":
        t = nt.text
        tb = _TB_HEAD.search(t[:3000])
        if tb is not None and _CONCLUDE.search(t, tb.end(), tb.end() + 400) is not None:
            chair = _titled_chair(nt, tb.end()) or _chair_party(nt)
            if chair is not None:
                return chair
    sig = doc.signature
    issuer = doc.issuer
    if sig is not None and sig.chain:
        auth = sig.chain[0]
        name = auth.title
        if (
            name
            and auth.mode.value == "TM"
            and (issuer is None or not _name_key(issuer).startswith(_name_key(name)))
        ):
            return _organ_party(nt, name, *auth.title_span)
    if issuer:
        span = doc.span_of("issuer") or (0, 0)
        return _organ_party(nt, issuer, *span)
    return None


def _find(nt: NormalizedText) -> tuple[Task, ...]:
    try:
        dls = tuple(sorted(find_deadlines(nt), key=lambda d: d.span))
    except Exception:
        dls = ()
    lines = nt.text
    s = lines.replace("\n", " ").replace("\r", " ")  # same length: offsets are shared
    head = lines[:3000]
    ctx = _Ctx(
        nt,
        s,
        dls,
        tuple(d.span[0] for d in dls),
        _PROPOSING.search(head) is not None,
        _INVITING.search(head) is not None,
    )
    kg = _KINH_GUI.search(lines, 0, min(len(lines), 6000))
    if kg is not None:
        a = kg.end()
        e = lines.find("\n", a)
        e = len(lines) if e < 0 else e
        named = [x for x in _parties(ctx, a, min(e, a + 400)) if _plausible(x.name)]
        n = 0
        while not named or (n and n < 12):
            # "Kính gửi:" then one "- …;" line per addressee
            a = e + 1
            while a < len(lines) and lines[a] in " \t\n":
                a += 1
            if a >= len(lines) or lines[a] not in "-+–":
                break
            e = lines.find("\n", a)
            e = len(lines) if e < 0 else e
            named += [x for x in _parties(ctx, a + 1, min(e, a + 400)) if _plausible(x.name)]
            n += 1
        ctx = attrs.evolve(ctx, addressees=tuple(named))
    verbs_all = _verb_positions(s)
    # phrases that void a sentence or mark the execution clause, found once for the text
    not_task = [(m.start(), m.end()) for m in _NOT_TASK.finditer(s)]
    execs = [(m.start(), m.end()) for m in _EXEC.finditer(s)]
    out: list[Task] = []
    inherited: list[_Lead] = []
    skip_level: int | None = None
    field: dict[str, object] | None = None
    # (level, is a plan/proposal heading, is a heading of duties to come)
    heads: list[tuple[int, bool, bool]] = []
    in_plan = in_todo = False
    for p in _paragraphs(lines):
        while inherited and inherited[-1].level >= p.level:
            inherited.pop()
        if skip_level is not None and p.level <= skip_level:
            skip_level = None
        if skip_level is not None:
            continue
        fm = _FIELD.match(s, p.start, p.end)
        if fm is not None and field is not None:
            if fm.group("lead"):
                field["leads"] = [x for x in _parties(ctx, fm.end(), p.end) if _plausible(x.name)]
            elif fm.group("co"):
                field["co"] = _parties(ctx, fm.end(), p.end)
            else:
                field["time"] = (fm.end(), p.end)
            field["end"] = p.end
            continue
        if field is not None:
            out.extend(_field_tasks(ctx, field, verbs_all))
            field = None
        first = lines[p.start : p.start + 40].lstrip()
        if _NOT_DUTY_HEAD.match(first):
            if p.level < 99:
                skip_level = p.level
            continue
        if _PLAIN_HEAD.match(first):
            continue
        lo = bisect_left(verbs_all, p.start)
        hi = bisect_left(verbs_all, p.end)
        verbs = verbs_all[lo:hi]
        if not verbs and p.level >= 99 and _inert(s, p.start, p.end):
            continue
        if p.level < 99:
            while heads and heads[-1][0] >= p.level:
                heads.pop()
            heads.append(
                (
                    p.level,
                    plan_head := _is_plan_head(s[p.start : min(p.end, p.start + 160)]),
                    plan_head
                    and _TODO_HEAD.search(s, p.start, min(p.end, p.start + 200)) is not None,
                )
            )
            in_plan = any(h[1] for h in heads)
            in_todo = any(h[2] for h in heads[:-1])
        heading = _heading_lead(ctx, p)
        if heading is not None:
            inherited.append(heading)
            continue
        para_tasks: list[Task] = []
        lead_in: _Lead | None = None
        for sa, sb in _sentences(s, p.start, p.end):
            sent = s[sa:sb]
            if _hit(not_task, sa, sb) is not None or sent.lstrip().startswith(
                ("Xét đề nghị", "Theo đề nghị")
            ):
                continue
            ex_at = _hit(execs, sa, sb)
            if ex_at is not None:
                leads = _parties(ctx, sa, ex_at)
                para_tasks += _make(
                    ctx,
                    leads,
                    [],
                    sa,
                    sb,
                    ex_at + len("chịu trách nhiệm "),
                    "chịu trách nhiệm",
                    p.path,
                    verbs,
                    giao=False,
                    execution=True,
                )
                continue
            # clauses: a ";" followed by a new subject or "chủ động" starts a new duty
            clauses: list[tuple[int, int]] = []
            ca = sa
            semi = s.find(";", sa, sb)
            while semi >= 0:
                q = semi + 1
                nxt_semi = s.find(";", q, sb)
                while q < sb and s[q] in " \t\n":
                    q += 1
                has_verb = bisect_left(verbs, semi) > bisect_left(verbs, ca)
                if has_verb and (
                    _starts_name(s, q) or s.startswith("chủ động", q) or s.startswith("Giao", q)
                ):
                    clauses.append((ca, semi))
                    ca = q
                semi = nxt_semi
            clauses.append((ca, sb))
            prev: tuple[list[Party], list[Party], str | None, bool] | None = None
            for ca, cb in clauses:
                # under an inherited lead, a clause that opens with its verb is the lead's
                # (unless it names its own: "Giao …", "Căn cứ …, X …")
                ca0 = _skip_blank(s, ca)
                subj = (
                    None
                    if (
                        inherited
                        and _verb_start(s, ca0)
                        and _GIAO.search(s, ca, min(cb, ca + 80)) is None
                        and _BASIS_PREFIX.match(s, ca0) is None
                    )
                    else _subject(ctx, ca, cb, verbs)
                )
                if subj is not None:
                    leads, collabs, act, modality, giao = subj
                    prev = (leads, collabs, modality, giao)
                    tail = s[act:cb].rstrip()
                    if (not _clean(tail) and (p.level < 99 or modality is not None or collabs)) or (
                        tail.endswith(":")
                        and (modality is not None or _MODAL.search(tail) is not None)
                    ):
                        lead_in = _Lead(
                            tuple(leads),
                            tuple(collabs),
                            modality,
                            giao,
                            p.level if p.level < 99 else p.parent,
                        )
                        if _clean(tail.rstrip(":")) and not _clean(tail.rstrip(":")).endswith(
                            "sau"
                        ):
                            para_tasks += _make(
                                ctx, leads, collabs, ca, cb, act, modality, p.path, verbs, giao=giao
                            )
                        continue
                    new = _make(
                        ctx, leads, collabs, ca, cb, act, modality, p.path, verbs, giao=giao
                    )
                    if not _follow_up(ctx, out, para_tasks, new, act, cb, verbs):
                        para_tasks += new
                elif prev is not None and s.startswith("chủ động", ca):
                    para_tasks += _make(
                        ctx, prev[0], prev[1], ca, cb, ca, "chủ động", p.path, verbs, giao=prev[3]
                    )
                elif (
                    inherited
                    and not sent.rstrip().endswith(":")
                    and _verb_start(s, _skip_blank(s, ca))
                ):
                    h = inherited[-1]
                    new = _make(
                        ctx,
                        list(h.leads),
                        list(h.collabs),
                        ca,
                        cb,
                        ca,
                        h.modality,
                        p.path,
                        verbs,
                        giao=h.giao,
                    )
                    if not para_tasks or not _follow_up(ctx, [], para_tasks, new, ca, cb, verbs):
                        para_tasks += new
                elif (
                    in_todo
                    and p.level >= _LEVEL["letter"]
                    and _verb_start(s, _skip_blank(s, ca))
                    and not sent.rstrip().endswith(":")
                ):
                    # "3. Nhiệm vụ cần thực hiện trong thời gian tới" then "- Tiếp tục rà
                    # soát …": a duty the text gives no assignee (M104 reports it)
                    para_tasks += _make(ctx, [], [], ca, cb, ca, None, p.path, verbs, giao=False)
                else:
                    # "Ý kiến xin gửi về Bộ Tài chính trước ngày 11/02/2025.": a subject-less
                    # sentence right after a duty gives it its missing deadline
                    _attach_deadline(ctx, out, para_tasks, ca, cb, verbs)
        if lead_in is not None:
            # a lead-in's own task is dropped when items follow; kept otherwise (see below)
            pending = [t for t in para_tasks if t.text.rstrip().endswith(":")]
            para_tasks = [t for t in para_tasks if t not in pending]
            inherited.append(lead_in)
        if not para_tasks and p.level < 99:
            field = {"para": p, "end": p.end}
        if ctx.proposing and not in_plan:
            # a report or submission tells what was done; only its proposal sections
            # (Đề xuất, Kiến nghị, Nhiệm vụ … thời gian tới), sentences labelled
            # "Giải pháp …:" and "Giao …" assign
            para_tasks = [
                t
                for t in para_tasks
                if t.modality in ("giao", "đề nghị", "yêu cầu")
                or _PLAN_LABEL.match(
                    ctx.flat, _skip_blank(ctx.flat, ctx.nt.from_original(t.span[0]))
                )
            ]
        out.extend(para_tasks)
    if field is not None:
        out.extend(_field_tasks(ctx, field, verbs_all))
    if ctx.addressees:
        out = [_as_addressee(ctx, t) for t in out]
    return tuple(out)


def _as_addressee(ctx: _Ctx, task: Task) -> Task:
    """A lead that names the Kính gửi class without its "các" ("đề nghị Ủy ban nhân dân
    tỉnh, thành phố …" in a letter to "Ủy ban nhân dân các tỉnh, thành phố") is that
    addressee: it takes the addressee's name (its own span kept)."""
    lead = task.lead
    if lead is None or lead.kind is not PartyKind.ORGAN:
        return task
    key = _name_key(lead.name)
    for a in ctx.addressees:
        if a.name != lead.name and _name_key(a.name).replace(" các ", " ") == key:
            return attrs.evolve(task, lead=attrs.evolve(lead, name=a.name, kind=a.kind))
    return task


_FOLLOW = _rx(
    r"(?:(?:[Đđ]ịnh kỳ )?(?:[Hh][àằ]ng|[Mm]ỗi) (?:ngày|tuần|tháng|quý|năm),? |[Đđ]ịnh kỳ,? )?"
    r"(?:[Bb]áo cáo|[Gg]ửi)(?!\w)"
)


def _lead_name(task: Task) -> str | None:
    return task.lead.name if task.lead is not None else None


def _follow_up(
    ctx: _Ctx,
    out: list[Task],
    para_tasks: list[Task],
    new: list[Task],
    act: int,
    b: int,
    verbs: Sequence[int],
) -> bool:
    """A sentence that only reports or sends the result of the duty just before, by the
    same assignee ("… . Hằng tuần báo cáo UBND tỉnh để theo dõi.", "Văn bản góp ý, đề nghị
    X gửi về Văn phòng … chậm nhất ngày …") completes that duty: its report target,
    deadline and recurrence go to the duty's rows, and no new duty is made. True when so."""
    if not new or _FOLLOW.match(ctx.flat, _skip_blank(ctx.flat, act)) is None:
        return False
    pool = para_tasks if para_tasks else out
    if not pool:
        return False
    last = pool[-1]
    if new[0].span[0] - last.span[1] > 300 or new[0].span[0] < last.span[1]:
        return False
    group = [k for k in range(len(pool)) if pool[k].span == last.span]
    names = {_lead_name(pool[k]) for k in group}
    if {_lead_name(t) for t in new} != names:
        return False
    first = new[0]
    for k in group:
        t = pool[k]
        pool[k] = attrs.evolve(
            t,
            report_to=t.report_to or first.report_to,
            deadline=t.deadline or first.deadline,
            recurrence=t.recurrence or first.recurrence,
            schedule=t.schedule or first.schedule,
        )
    return True


def _hit(spans: Sequence[tuple[int, int]], a: int, b: int) -> int | None:
    """The start of the first of ``spans`` (sorted) lying within ``[a, b)``, or None."""
    k = bisect_left(spans, (a, -1))
    while k < len(spans) and spans[k][0] < b:
        if spans[k][1] <= b:
            return spans[k][0]
        k += 1
    return None


def _attach_deadline(
    ctx: _Ctx, out: list[Task], para_tasks: list[Task], a: int, b: int, verbs: Sequence[int]
) -> None:
    pool = para_tasks if para_tasks else out
    if not pool or pool[-1].deadline is not None:
        return
    oa, ob = ctx.nt.to_original(a, b)
    last = pool[-1]
    if oa - last.span[1] > 300 or oa < last.span[1]:
        return
    dl = _deadline(ctx, oa, ob)
    if dl is None or dl.due is None or _REPORT.search(ctx.flat, a, b) is None:
        return
    rep = tuple(_reports(ctx, a, b, verbs))
    for k in range(len(pool) - 1, -1, -1):
        if pool[k].span != last.span:
            break
        pool[k] = attrs.evolve(pool[k], deadline=dl, report_to=pool[k].report_to or rep)


# A verb anywhere, in any case (``_VERB_START`` reads one at a clause's start).
_VERB_ANY = re.compile(r"(?i:" + alternation(_VERBS, blank=r"[ \t]+") + r")")
_INERT_MAX = 300


def _inert(s: str, a: int, b: int) -> bool:
    """A short unnumbered item with no verb, in any case and at any place, no colon, no
    "giao"/"đề nghị"/"yêu cầu" and no report word (a cell of a table, a name on its own
    line): none of its clauses can give a duty, lead one in or complete one, so it is
    passed over. (Fewer blanks than a name's word limit: a name then runs to its end.)"""
    return (
        b - a <= _INERT_MAX
        and s.find(":", a, b) < 0
        and s.count(" ", a, b) + s.count("\t", a, b) < _MAX_NAME_WORDS
        and _VERB_ANY.search(s, a, b) is None
        and _GIAO.search(s, a, b) is None
        and _REQ.search(s, a, b) is None
        and _REPORT.search(s, a, b) is None
    )


def _heading_lead(ctx: _Ctx, p: _Para) -> _Lead | None:
    """P9: a numbered heading that is only an assignee ("1. Sở Nội vụ", "2. Các cơ quan, đơn
    vị được kiểm tra") gives it to the items under it."""
    if p.level >= 99:
        return None
    s = ctx.flat
    a = _skip_blank(s, p.start)
    dm = _DUTY_OF.match(s, a, p.end)
    if dm is not None:
        a = dm.end()
    body = s[a : p.end].rstrip(" \t\n:.")
    if (
        not body
        or len(body.split()) > 14
        or any(c in body for c in ".;:")
        or not _starts_name(s, a)
    ):
        return None
    if _verb_start(s, a) or body.upper() == body:
        return None
    for vm in _verb_matches(body):
        if not body[: vm.start()].rstrip().endswith("được"):
            return None
    leads = [x for x in _parties(ctx, a, a + len(body)) if len(x.name.split()) <= 14]
    if not leads:
        return None
    return _Lead(tuple(leads), (), None, False, p.level)


def _field_tasks(ctx: _Ctx, field: dict[str, object], verbs: Sequence[int]) -> list[Task]:
    """The task of a title item followed by labelled fields (P6), if a lead was given."""
    leads = field.get("leads")
    if not isinstance(leads, list) or not leads:
        return []
    p = field["para"]
    assert isinstance(p, _Para)
    co = field.get("co")
    collabs = co if isinstance(co, list) else []
    end = field["end"]
    assert isinstance(end, int)
    tasks = _make(ctx, leads, collabs, p.start, p.end, p.start, None, p.path, verbs, giao=False)
    time = field.get("time")
    dl = None
    if isinstance(time, tuple):
        oa, ob = ctx.nt.to_original(time[0], time[1])
        dl = _deadline(ctx, oa, ob)
        rec = _RECUR.search(ctx.flat, time[0], time[1])
    else:
        rec = None
    oa, ob = ctx.nt.to_original(p.start, end)
    return [
        attrs.evolve(
            t,
            deadline=dl or t.deadline,
            recurrence=t.recurrence or (rec.group(0) if rec else None),
            span=(oa, ob),
            text=ctx.nt.original[oa:ob],
        )
        for t in tasks
    ]
