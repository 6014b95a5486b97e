"""Merging a bundle into one form and one checklist (一表申请、一套材料).

A bundle plus the applicant's situation answers gives the matters that apply (``available``); the
applicant chooses among them (单办 or 联办: all of them by default, any subset, or one alone) and the
chosen ones (``matters``) bring their fields and materials, merged by key (a ``shared`` code, else
the field code) so a datum asked by two matters is asked once, and their materials likewise, each
remembering which matters need it. Matters not chosen add nothing.

The time limit follows ``depends_on``: a chosen matter starts when the chosen matters it needs are
done, so its due date is the longest chain of working days ending with it (``matter_days``), and the
case's is the longest of those.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from clerk.catalog.conditions import evaluate
from clerk.catalog.schema import (
    OBTAIN_LABELS,
    Bundle,
    Condition,
    FieldType,
    FileType,
    Matter,
    Option,
    PersonField,
)
from clerk.errors import ClerkError

Answer = str | tuple[str, ...]
"""A situation's answer: one option code, or the chosen ones of a multiple-choice situation."""


class SituationError(ClerkError, ValueError):
    """An answer names an unknown situation or option, or a situation is left unanswered."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))
        self.problems = problems


class MatterChoiceError(ClerkError, ValueError):
    """The chosen matters cannot be taken: none, unknown, not applicable, or one that cannot go alone."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class MergedField:
    code: str
    label: str
    type: FieldType
    required: bool
    options: tuple[Option, ...]
    matters: tuple[str, ...]
    max_length: int
    help: str = ""
    person: str | None = None
    """Whose datum this is (``applicant``, ``father`` …; ``clerk.intake.persons``), from the catalog."""
    person_field: PersonField | None = None

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "code": self.code,
            "label": self.label,
            "type": self.type.value,
            "required": self.required,
            "options": [{"code": o.code, "label": o.label} for o in self.options],
        }
        if self.person is not None and self.person_field is not None:
            out.update(person=self.person, person_field=self.person_field.value)
        return out


@dataclass(frozen=True)
class MergedMaterial:
    code: str
    name: str
    required: bool
    deferrable: bool
    e_license: bool
    matters: tuple[str, ...]
    deferral_days: int
    file_types: tuple[FileType, ...]
    max_size_mb: int
    originals: int
    copies: int
    why: str
    source: str
    validity_days: int | None
    paper_check: bool = False
    """已核验原件 allowed: the original may be checked at the counter without a scan."""
    licence_type: str | None = None
    """The e-licence type that satisfies it (``Material.licence_type``)."""
    holder: str = "applicant"
    """Whose licence or datum: ``applicant`` or a person code of the form."""
    data_sharing: str | None = None
    """数据共享核验 check that replaces it (``Material.data_sharing``)."""

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "code": self.code,
            "name": self.name,
            "required": self.required,
            "deferrable": self.deferrable,
            "e_license": self.e_license,
            "matters": list(self.matters),
        }
        if self.licence_type:
            out["licence_type"] = self.licence_type
        if self.data_sharing:
            out["data_sharing"] = self.data_sharing
        if self.licence_type or self.data_sharing:
            out["holder"] = self.holder
        return out


@dataclass(frozen=True)
class MergedForm:
    """The one form and one checklist for a bundle under given situation answers and chosen matters."""

    bundle: Bundle
    answers: dict[str, Answer]
    matters: tuple[Matter, ...]
    """The chosen matters (all that apply unless the applicant chose), in catalog order."""
    fields: tuple[MergedField, ...]
    materials: tuple[MergedMaterial, ...]
    available: tuple[Matter, ...] = ()
    """Every matter the situation answers switch on: what the applicant may choose from."""
    _field_index: dict[str, MergedField] = field(default_factory=dict, compare=False, repr=False)

    def field(self, code: str) -> MergedField:
        if not self._field_index:
            self._field_index.update({f.code: f for f in self.fields})
        return self._field_index[code]

    def material(self, code: str) -> MergedMaterial:
        for m in self.materials:
            if m.code == code:
                return m
        raise KeyError(code)

    @property
    def chosen(self) -> tuple[str, ...]:
        return tuple(m.code for m in self.matters)

    @property
    def joint(self) -> bool:
        """联办: more than one matter taken together (a single matter is 单独办理)."""
        return len(self.matters) > 1

    @property
    def matter_days(self) -> dict[str, int]:
        """Working days from acceptance to each chosen matter's due date: its own time limit after
        the longest chain of the chosen matters it depends on (``depends_on``)."""
        chosen = {m.code: m for m in self.matters}
        days: dict[str, int] = {}

        def finish(code: str) -> int:
            if code not in days:
                m = chosen[code]
                before = [finish(d) for d in m.depends_on if d in chosen]
                days[code] = max(before, default=0) + m.time_limit_days
            return days[code]

        for code in chosen:
            finish(code)
        return days

    @property
    def time_limit_days(self) -> int:
        """The case's time limit: the longest chain of dependent chosen matters, in working days."""
        return max(self.matter_days.values())

    def as_json(self) -> dict[str, object]:
        b = self.bundle
        days = self.matter_days
        return {
            "code": b.code,
            "name": b.name,
            "schema_version": b.schema_version,
            "time_limit_days": self.time_limit_days,
            "matters": [matter_json(m, days.get(m.code)) for m in self.matters],
            "available_matters": [m.code for m in self.available],
            "situations": [
                {"code": s.code, "question": s.question, "multiple": s.multiple,
                 "options": [{"code": o.code, "label": o.label} for o in s.options]}
                for s in b.situations
            ],
            "conditions": [{"code": c.code, "label": c.label, "message": c.message} for c in b.conditions],
            "fields": [f.as_json() for f in self.fields],
            "materials": [m.as_json() for m in self.materials],
        }


def matter_json(m: Matter, chain_days: int | None = None) -> dict[str, Any]:
    """A matter as ``catalog show --json`` and the case document list it."""
    return {
        "code": m.code,
        "name": m.name,
        "national_code": m.national_code,
        "department": m.department,
        "handling_level": m.handling_level.value if m.handling_level else None,
        "time_limit_days": m.time_limit_days,
        "due_in_days": chain_days if chain_days is not None else m.time_limit_days,
        "depends_on": list(m.depends_on),
        "alone": m.alone,
        "alone_reason": m.alone_reason,
        "result": {"name": m.result.name, "obtain": [o.value for o in m.result.obtain],
                   "obtain_labels": [OBTAIN_LABELS[o.value] for o in m.result.obtain]} if m.result else None,
        "fees": [{"item": f.item, "amount_yuan": f.amount_yuan, "basis": f.basis} for f in m.fees]
        if m.fees is not None else None,
    }


def resolve_answers(bundle: Bundle, answers: Mapping[str, Any] | None) -> dict[str, Answer]:
    """Checks answers against the bundle's situations and fills defaults (first option when none;
    nothing chosen for a multiple-choice situation without a default)."""
    answers = dict(answers or {})
    problems: dict[str, str] = {}
    known = {s.code: s for s in bundle.situations}
    for code in answers:
        if code not in known:
            problems[code] = f"“{bundle.name}”没有这个情形问题"
    resolved: dict[str, Answer] = {}
    for s in bundle.situations:
        value = answers.get(s.code)
        codes = {o.code for o in s.options}
        labels = "、".join(f"{o.code}（{o.label}）" for o in s.options)
        if s.multiple:
            if value is None:
                value = s.default if isinstance(s.default, list) else [s.default or s.options[0].code]
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
                problems[s.code] = f"“{s.question}”（可多选）的回答应为选项代码的列表，可选：{labels}"
                continue
            wrong = [v for v in value if v not in codes]
            if wrong:
                problems[s.code] = f"“{s.question}”的回答 {wrong[0]!r} 不是可选项，可选：{labels}"
                continue
            if not value:
                problems[s.code] = f"“{s.question}”（可多选）请至少选择一项，可选：{labels}"
                continue
            resolved[s.code] = tuple(o.code for o in s.options if o.code in value)
            continue
        if value is None:
            value = s.default if isinstance(s.default, str) else s.options[0].code
        if not isinstance(value, str) or value not in codes:
            problems[s.code] = f"“{s.question}”的回答 {value!r} 不是可选项，可选：{labels}"
            continue
        resolved[s.code] = value
    if problems:
        raise SituationError(problems)
    return resolved


def _applies(when: Condition, answers: Mapping[str, Answer], applicant_kind: str | None) -> bool:
    return evaluate(when, answers, applicant_kind=applicant_kind) is not False


def choose(bundle: Bundle, available: Sequence[Matter], chosen: Sequence[str] | None) -> tuple[Matter, ...]:
    """The chosen matters (all available when ``chosen`` is None), checked: known, applicable under
    the answers, at least one, and each one that cannot go alone with the matters it needs."""
    if chosen is None:
        return tuple(available)
    names = {m.code: m.name for m in bundle.matters}
    codes = list(dict.fromkeys(chosen))
    if not codes:
        raise MatterChoiceError(f"请至少选择“{bundle.name}”的一个事项")
    unknown = [c for c in codes if c not in names]
    if unknown:
        raise MatterChoiceError(f"“{bundle.name}”没有事项 {unknown[0]!r}（可选：{'、'.join(m.code for m in available)}）")
    here = {m.code for m in available}
    off = [c for c in codes if c not in here]
    if off:
        raise MatterChoiceError(f"“{names[off[0]]}”在所选情形下不需要办理，不能选择")
    picked = tuple(m for m in available if m.code in codes)
    for m in picked:
        needed = [d for d in m.needed if d in here and d not in codes]
        if needed:
            raise MatterChoiceError(
                f"“{m.name}”不能单独办理（{m.alone_reason}），须同时办理：{'、'.join(names[d] for d in needed)}")
    return picked


def merge(bundle: Bundle, answers: Mapping[str, Any] | None = None, matters: Sequence[str] | None = None, *,
          applicant_kind: str | None = None) -> MergedForm:
    """Merges ``bundle`` under ``answers`` and the chosen ``matters`` (None: every matter that applies)
    into one form and one checklist. ``applicant_kind`` decides ``applicant_kind`` tests of ``when``
    (default: the bundle's first kind)."""
    resolved = resolve_answers(bundle, answers)
    kind = applicant_kind or bundle.applicant_kinds[0].value
    available = tuple(m for m in bundle.matters if _applies(m.when, resolved, kind))
    if not available:
        raise SituationError({"situations": f"“{bundle.name}”在这些回答下没有需要办理的事项，请核对情形选择"})
    picked = choose(bundle, available, matters)

    fields: dict[str, dict[str, object]] = {}
    materials: dict[str, dict[str, object]] = {}
    for m in picked:
        for f in m.fields:
            if not _applies(f.when, resolved, kind):
                continue
            acc = fields.get(f.key)
            if acc is None:
                fields[f.key] = {
                    "code": f.key, "label": f.label, "type": f.type, "required": f.required,
                    "options": tuple(f.options), "matters": [m.code], "max_length": f.max_length, "help": f.help,
                    "person": f.person, "person_field": f.person_field,
                }
            else:
                acc["required"] = bool(acc["required"]) or f.required
                acc["max_length"] = max(int(acc["max_length"]), f.max_length)  # type: ignore[call-overload]
                if acc["person"] is None and f.person is not None:
                    acc["person"], acc["person_field"] = f.person, f.person_field
                if m.code not in acc["matters"]:  # type: ignore[operator]
                    acc["matters"].append(m.code)  # type: ignore[attr-defined]
        for mat in m.materials:
            if not _applies(mat.when, resolved, kind):
                continue
            macc = materials.get(mat.key)
            if macc is None:
                materials[mat.key] = {
                    "code": mat.key, "name": mat.name, "required": mat.required, "deferrable": mat.deferrable,
                    "e_license": mat.e_license, "matters": [m.code], "deferral_days": mat.deferral_days,
                    "file_types": tuple(mat.file_types), "max_size_mb": mat.max_size_mb,
                    "originals": mat.originals, "copies": mat.copies, "why": mat.why, "source": mat.source,
                    "validity_days": mat.validity_days, "paper_check": mat.paper_check,
                    "licence_type": mat.licence_type, "holder": mat.holder_person, "data_sharing": mat.data_sharing,
                }
            else:
                # Stricter of the two: required if any matter requires it, deferrable/e-licence only if all allow.
                macc["required"] = bool(macc["required"]) or mat.required
                macc["deferrable"] = bool(macc["deferrable"]) and mat.deferrable
                macc["e_license"] = bool(macc["e_license"]) and mat.e_license
                if not macc["e_license"]:
                    macc["licence_type"] = None
                macc["data_sharing"] = macc["data_sharing"] or mat.data_sharing
                macc["deferral_days"] = min(int(macc["deferral_days"]), mat.deferral_days)  # type: ignore[call-overload]
                macc["max_size_mb"] = min(int(macc["max_size_mb"]), mat.max_size_mb)  # type: ignore[call-overload]
                macc["originals"] = max(int(macc["originals"]), mat.originals)  # type: ignore[call-overload]
                macc["copies"] = max(int(macc["copies"]), mat.copies)  # type: ignore[call-overload]
                macc["paper_check"] = bool(macc["paper_check"]) and mat.paper_check
                if not macc["why"] and mat.why:
                    macc["why"] = mat.why
                if not macc["source"] and mat.source:
                    macc["source"] = mat.source
                if m.code not in macc["matters"]:  # type: ignore[operator]
                    macc["matters"].append(m.code)  # type: ignore[attr-defined]
    return MergedForm(
        bundle=bundle,
        answers=resolved,
        matters=picked,
        available=available,
        fields=tuple(MergedField(**{**v, "matters": tuple(v["matters"])}) for v in fields.values()),  # type: ignore[arg-type]
        materials=tuple(MergedMaterial(**{**v, "matters": tuple(v["matters"])}) for v in materials.values()),  # type: ignore[arg-type]
    )


def answer_sets(bundle: Bundle, limit: int = 4096) -> list[dict[str, Answer]] | None:
    """Every combination of situation answers (a multiple-choice situation: every non-empty subset of
    its options), or None when there are more than ``limit``."""
    import itertools

    choices: list[list[Answer]] = []
    for s in bundle.situations:
        codes = [o.code for o in s.options]
        if s.multiple:
            subsets: list[Answer] = [tuple(c) for n in range(1, len(codes) + 1) for c in itertools.combinations(codes, n)]
            choices.append(subsets)
        else:
            choices.append(list(codes))
    total = 1
    for c in choices:
        total *= len(c)
        if total > limit:
            return None
    return [dict(zip((s.code for s in bundle.situations), combo, strict=True)) for combo in itertools.product(*choices)]
