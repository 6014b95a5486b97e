"""办理条件: whether the applicant may use a bundle (联办), checked before the form and at accept.

A bundle's ``conditions`` read form fields, situation answers and the applicant's kind
(``clerk.catalog.conditions``). They bind the bundle taken as a whole — more than one matter —
unless a condition says ``alone_too``; one that fails blocks it with the catalog's message, naming
the condition and the matters that may still be taken alone (单独办理). A condition whose fields are
not filled yet neither passes nor fails: it is decided as soon as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from clerk.catalog.conditions import evaluate, fields_read
from clerk.catalog.merge import MergedForm
from clerk.catalog.schema import EligibilityCondition


@dataclass(frozen=True)
class EligibilityFailure:
    """One failed condition: its code and label, the catalog's message, what may be taken alone."""

    code: str
    label: str
    message: str
    alone: tuple[str, ...]
    """Names of the matters that may still be taken one at a time (empty: none)."""
    alone_codes: tuple[str, ...] = ()

    def text(self) -> str:
        offer = (f"可单独办理：{'、'.join(self.alone)}（每次选择其中一项）" if self.alone
                 else "其中的事项也不能单独办理")
        return f"不符合办理条件“{self.label}”：{self.message}；{offer}"


def applicable(merged: MergedForm) -> list[EligibilityCondition]:
    """The conditions that bind this choice of matters (all when 联办, ``alone_too`` ones for one)."""
    return [c for c in merged.bundle.conditions if merged.joint or c.alone_too]


def check(merged: MergedForm, *, form: Mapping[str, Any], applicant_kind: str | None,
          today: dt.date) -> list[EligibilityFailure]:
    """The conditions that fail for the data given so far (undecided ones do not fail)."""
    out: list[EligibilityFailure] = []
    alone = tuple(m for m in merged.available if m.alone)
    for c in applicable(merged):
        if evaluate(c.test, merged.answers, applicant_kind=applicant_kind, form=form, today=today) is False:
            offered = () if c.alone_too else alone
            out.append(EligibilityFailure(c.code, c.label, c.message, tuple(m.name for m in offered),
                                          tuple(m.code for m in offered)))
    return out


def fields_checked(merged: MergedForm) -> set[str]:
    """The form fields the binding conditions read: a form re-checks when one of them changes."""
    out: set[str] = set()
    for c in applicable(merged):
        out |= fields_read(c.test)
    return out
