"""Validation of recognised values, so a misread is caught and never offered.

ID numbers carry the GB 11643 check digit (``stdnum.cn.ric``), credit codes the GB 32100 check
character (``stdnum.cn.uscc``), both checked by the very functions the form uses for typed values
(``clerk.intake.validation``); dates must exist and be plausible. Before checking, characters that
can never appear in the value are mapped to the ones OCR confuses them with (``O`` → ``0`` in an ID
number, where no letter but a final ``X`` exists) — a deterministic repair, never a guess among
several candidates.
"""

from __future__ import annotations

import datetime as dt
import re

from stdnum.cn import ric

from clerk.intake.validation import check_cn_ric
from clerk.intake.validation import check_uscc as check_uscc_value

_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "I": "1", "l": "1", "|": "1", "L": "1",
                                   "Z": "2", "z": "2", "S": "5", "s": "5", "B": "8", "G": "6", "b": "6", "T": "7",
                                   "x": "X", "×": "X"})
_USCC_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "Z": "2", "S": "5", "V": "U"})
"""Letters GB 32100 never uses (I, O, S, V, Z) mapped to what they are misread for."""

ID_TOKEN = re.compile(r"[0-9OoDQIlLZzSsBGbT|]{17}[0-9Xx×]")
USCC_TOKEN = re.compile(r"[0-9A-Z]{18}")


class Checked:
    """The outcome of checking one value: the clean value, or why it was refused."""

    __slots__ = ("value", "problem", "repaired")

    def __init__(self, value: str | None, problem: str = "", repaired: bool = False) -> None:
        self.value = value
        self.problem = problem
        self.repaired = repaired

    @property
    def ok(self) -> bool:
        return self.value is not None


def check_id_number(raw: str) -> Checked:
    """An 18-character 居民身份证号码 with a valid check digit and birth date, or the reason it is not."""
    compact = re.sub(r"[\s\-]", "", raw)
    m = ID_TOKEN.search(compact)
    if m is None:
        digits = re.sub(r"\D", "", compact)
        return Checked(None, f"身份证号码位数不对（识别到 {len(digits)} 位）") if digits else Checked(None, "未识别到身份证号码")
    run = re.search(r"[0-9OoDQIlLZzSsBGbT|Xx×]{18,}", compact)
    tokens = [m.group(0)]
    if run is not None and len(run.group(0)) > 18:
        # A stray mark read next to the number (6 110105…): every 18-character window is a candidate,
        # taken only if exactly one of them passes every check.
        text = run.group(0)
        tokens = [text[i:i + 18] for i in range(len(text) - 17)]
    passed: list[tuple[str, str]] = []
    first_problem = ""
    for token in tokens:
        fixed = token[:17].translate(_DIGIT_LOOKALIKES) + token[17].translate(_DIGIT_LOOKALIKES).upper()
        if fixed[:17].isdigit() and fixed[17] in "0123456789X" and fixed[17] != ric.calc_check_digit(fixed):
            first_problem = first_problem or "身份证号码校验位不符，可能识别有误"
            continue
        number, problem = check_cn_ric(fixed)  # the very check the form applies to a typed number
        if problem:
            first_problem = first_problem or problem
            continue
        passed.append((number, token))
    if len(passed) != 1:
        return Checked(None, first_problem or "身份证号码不唯一，可能识别有误")
    number, token = passed[0]
    return Checked(number, repaired=number != token)


def check_uscc(raw: str) -> Checked:
    """An 18-character 统一社会信用代码 with a valid check character, or the reason it is not."""
    compact = re.sub(r"[\s\-]", "", raw).upper()
    m = USCC_TOKEN.search(compact)
    if m is None:
        return Checked(None, "未识别到18位统一社会信用代码")
    token = m.group(0)
    fixed = token.translate(_USCC_LOOKALIKES)
    code, problem = check_uscc_value(fixed)
    if problem:
        return Checked(None, "统一社会信用代码校验位不符，可能识别有误" if "校验位" in problem else problem)
    return Checked(code, repaired=fixed != token)


_DATE = re.compile(r"(\d{4})\s*[年.\-/]?\s*(\d{1,2})\s*[月.\-/]?\s*(\d{1,2})\s*日?")


def parse_date(raw: str, *, earliest: dt.date = dt.date(1900, 1, 1), latest: dt.date | None = None) -> Checked:
    """A date written 1990年1月1日, 1990.01.01, 1990-1-1 or 19900101, existing and within bounds."""
    text = raw.translate(_DIGIT_LOOKALIKES)
    m = _DATE.search(text)
    if m is None:
        return Checked(None, "未识别到日期")
    try:
        d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return Checked(None, f"日期不存在：{m.group(0)}")
    if d < earliest or (latest is not None and d > latest):
        return Checked(None, f"日期不合理：{d.isoformat()}")
    return Checked(d.isoformat())


def all_dates(raw: str) -> list[str]:
    """Every existing date in ``raw``, in order (the two ends of a validity period)."""
    out = []
    for m in _DATE.finditer(raw.translate(_DIGIT_LOOKALIKES)):
        try:
            out.append(dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat())
        except ValueError:
            out.append("")
    return out


def validity_span_ok(valid_from: str, valid_to: str) -> bool:
    """居民身份证 validity is 5, 10 or 20 years to the day (居民身份证法 第五条)."""
    a, b = dt.date.fromisoformat(valid_from), dt.date.fromisoformat(valid_to)
    for years in (5, 10, 20):
        try:
            if a.replace(year=a.year + years) == b:
                return True
        except ValueError:  # 29 February
            if dt.date(a.year + years, 3, 1) == b:
                return True
    return False
