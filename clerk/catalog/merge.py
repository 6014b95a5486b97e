"""Merging a bundle into one form and one checklist (一表申请、一套材料).

A bundle plus the applicant's situation answers gives the active matters; their fields are merged
by key (a ``shared`` code, else the field code) so a datum asked by two matters is asked once, and
their materials likewise, each remembering which matters need it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from clerk.catalog.schema import Bundle, Condition, FieldType, FileType, Matter, Option, PersonField
from clerk.errors import ClerkError


class SituationError(ClerkError, ValueError):
    """An answer names an unknown situation or option, or a situation is left unanswered."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))
        self.problems = problems


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

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "required": self.required,
            "deferrable": self.deferrable,
            "e_license": self.e_license,
            "matters": list(self.matters),
        }


@dataclass(frozen=True)
class MergedForm:
    """The one form and one checklist for a bundle under given situation answers."""

    bundle: Bundle
    answers: dict[str, str]
    matters: tuple[Matter, ...]
    fields: tuple[MergedField, ...]
    materials: tuple[MergedMaterial, ...]
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
    def time_limit_days(self) -> int:
        """The bundle's legal time limit: the longest of its active matters (they run in parallel)."""
        return max(m.time_limit_days for m in self.matters)

    def as_json(self) -> dict[str, object]:
        b = self.bundle
        return {
            "code": b.code,
            "name": b.name,
            "situations": [
                {"code": s.code, "question": s.question, "options": [{"code": o.code, "label": o.label} for o in s.options]}
                for s in b.situations
            ],
            "fields": [f.as_json() for f in self.fields],
            "materials": [m.as_json() for m in self.materials],
        }


def resolve_answers(bundle: Bundle, answers: dict[str, str] | None) -> dict[str, str]:
    """Checks answers against the bundle's situations and fills defaults (first option when none)."""
    answers = dict(answers or {})
    problems: dict[str, str] = {}
    known = {s.code: s for s in bundle.situations}
    for code in answers:
        if code not in known:
            problems[code] = f"“{bundle.name}”没有这个情形问题"
    resolved: dict[str, str] = {}
    for s in bundle.situations:
        value = answers.get(s.code)
        if value is None:
            value = s.default or s.options[0].code
        if value not in {o.code for o in s.options}:
            labels = "、".join(f"{o.code}（{o.label}）" for o in s.options)
            problems[s.code] = f"“{s.question}”的回答 {value!r} 不是可选项，可选：{labels}"
            continue
        resolved[s.code] = value
    if problems:
        raise SituationError(problems)
    return resolved


def _applies(when: Condition, answers: dict[str, str]) -> bool:
    return all(answers.get(s) in opts for s, opts in when.items())


def merge(bundle: Bundle, answers: dict[str, str] | None = None) -> MergedForm:
    """Merges ``bundle`` under ``answers`` into one form and one checklist."""
    resolved = resolve_answers(bundle, answers)
    matters = tuple(m for m in bundle.matters if _applies(m.when, resolved))
    if not matters:
        raise SituationError({"situations": f"“{bundle.name}”在这些回答下没有需要办理的事项，请核对情形选择"})

    fields: dict[str, dict[str, object]] = {}
    materials: dict[str, dict[str, object]] = {}
    for m in matters:
        for f in m.fields:
            if not _applies(f.when, resolved):
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
            if not _applies(mat.when, resolved):
                continue
            macc = materials.get(mat.key)
            if macc is None:
                materials[mat.key] = {
                    "code": mat.key, "name": mat.name, "required": mat.required, "deferrable": mat.deferrable,
                    "e_license": mat.e_license, "matters": [m.code], "deferral_days": mat.deferral_days,
                    "file_types": tuple(mat.file_types), "max_size_mb": mat.max_size_mb,
                    "originals": mat.originals, "copies": mat.copies, "why": mat.why, "source": mat.source,
                    "validity_days": mat.validity_days, "paper_check": mat.paper_check,
                }
            else:
                # Stricter of the two: required if any matter requires it, deferrable/e-licence only if all allow.
                macc["required"] = bool(macc["required"]) or mat.required
                macc["deferrable"] = bool(macc["deferrable"]) and mat.deferrable
                macc["e_license"] = bool(macc["e_license"]) and mat.e_license
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
        matters=matters,
        fields=tuple(MergedField(**{**v, "matters": tuple(v["matters"])}) for v in fields.values()),  # type: ignore[arg-type]
        materials=tuple(MergedMaterial(**{**v, "matters": tuple(v["matters"])}) for v in materials.values()),  # type: ignore[arg-type]
    )
