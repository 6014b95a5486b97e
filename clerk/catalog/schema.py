"""The 一件事 catalog schema: bundles, matters, situations, fields and materials (pydantic).

A bundle file in ``forms/bundles/*.yaml`` has exactly this shape. Each matter (事项) brings its own
fields and materials; merging (``clerk.catalog.merge``) turns a bundle plus the applicant's situation
answers into one form and one checklist, asking a datum shared by several matters (``shared``) once.

Schema 2 (``schema_version: 2``) gives every matter its national code (事项编码), level, result,
fees and dependencies, lets a bundle say who may use it (``conditions``, 办理条件), lets situations be
multiple-choice and ``when`` combine tests with all/any/not (``clerk.catalog.conditions``). Version 1
files still load.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from clerk.catalog.conditions import FIELD_TESTS, RESERVED, normalise, references

CODE_PATTERN = r"^[a-z][a-z0-9_]{0,63}$"


class FieldType(StrEnum):
    """The kinds of value a form field holds."""

    TEXT = "text"
    LONG_TEXT = "long_text"
    DATE = "date"
    NUMBER = "number"
    PHONE = "phone"
    CN_RIC = "cn_ric"  # 居民身份证号码
    USCC = "uscc"  # 统一社会信用代码
    CHOICE = "choice"
    BOOL = "bool"


class ApplicantKind(StrEnum):
    PERSON = "person"
    ENTERPRISE = "enterprise"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(_Strict):
    code: str = Field(pattern=CODE_PATTERN)
    label: str = Field(min_length=1, max_length=100)


class Situation(_Strict):
    """情形: a question whose answer switches fields, materials or whole matters on or off.

    ``multiple`` (schema 2): the applicant may pick several options (多选); the answer is then a list
    and a ``{situation, in}`` test holds when one of the picked options is listed.
    """

    code: str = Field(pattern=CODE_PATTERN)
    question: str = Field(min_length=1, max_length=200)
    options: list[Option] = Field(min_length=2)
    default: str | list[str] | None = None
    multiple: bool = False
    """多选: at least one option is chosen (the default: ``default``, else the first option)."""

    @model_validator(mode="after")
    def _default_is_an_option(self) -> Situation:
        codes = [o.code for o in self.options]
        if self.code in RESERVED:
            raise ValueError(f"situation {self.code}: the code is a reserved word of conditions")
        if len(set(codes)) != len(codes):
            raise ValueError(f"situation {self.code}: duplicate option codes")
        if isinstance(self.default, list) and not self.multiple:
            raise ValueError(f"situation {self.code}: only a multiple-choice situation has a list as default")
        for d in ([self.default] if isinstance(self.default, str) else self.default or []):
            if d not in codes:
                raise ValueError(f"situation {self.code}: default {d!r} is not an option")
        return self


class PersonField(StrEnum):
    """What part of a person a form field holds (``FormField.person_field``)."""

    NAME = "name"
    ID_TYPE = "id_type"
    ID_NUMBER = "id_number"
    SEX = "sex"
    BIRTH_DATE = "birth_date"
    NATION = "nation"
    PHONE = "phone"
    ADDRESS = "address"
    RELATION = "relation"


PERSON_APPLICANT = "applicant"
"""The person code of the applicant block itself: fields with ``person: applicant`` are filled from it."""


Condition = dict[str, Any]
"""A condition in its canonical form (``clerk.catalog.conditions``): ``{}`` (always), ``{"all": […]}``,
``{"any": […]}``, ``{"not": …}``, ``{"situation": s, "in": [options]}``, ``{"applicant_kind": [kinds]}``
or, in eligibility conditions, ``{"field": f, <test>: value}``. The v1 shorthand
``{situation_code: [option_code, …]}`` (every named situation has one of the options) is still read."""

When = Annotated[Condition, BeforeValidator(normalise)]
"""A ``when`` or an eligibility test as written in a bundle file, taken to the canonical form."""


class FormField(_Strict):
    code: str = Field(pattern=CODE_PATTERN)
    label: str = Field(min_length=1, max_length=100)
    type: FieldType = FieldType.TEXT
    required: bool = True
    options: list[Option] = Field(default_factory=list)
    shared: str | None = Field(default=None, pattern=CODE_PATTERN)
    """Shared-field code: the same datum asked by two matters is asked once under this code."""
    when: When = Field(default_factory=dict)
    max_length: int = Field(default=200, ge=1, le=5000)
    help: str = ""
    person: str | None = Field(default=None, pattern=CODE_PATTERN)
    """Whose datum this is — ``applicant`` or another person on the form (``father``, ``mother``,
    ``guardian``, ``child``, ``deceased``, ``spouse``, ``legal_representative``, ``agent`` …): a person
    entered once (typed, read from the ID card, or "同申请人") fills every field that names them."""
    person_field: PersonField | None = None
    """Which part of that person (name, ID number, phone …); set together with ``person``."""

    @property
    def key(self) -> str:
        """The code this field has in the merged form."""
        return self.shared or self.code

    @model_validator(mode="after")
    def _person_parts(self) -> FormField:
        if (self.person is None) != (self.person_field is None):
            raise ValueError(f"field {self.code}: person and person_field go together")
        return self

    @model_validator(mode="after")
    def _choice_has_options(self) -> FormField:
        if self.type is FieldType.CHOICE and len(self.options) < 2:
            raise ValueError(f"field {self.code}: a choice needs at least two options")
        if self.type is not FieldType.CHOICE and self.options:
            raise ValueError(f"field {self.code}: only a choice has options")
        return self


class FileType(StrEnum):
    PDF = "pdf"
    JPEG = "jpeg"
    PNG = "png"
    TIFF = "tiff"
    HEIC = "heic"


class Material(_Strict):
    code: str = Field(pattern=CODE_PATTERN)
    name: str = Field(min_length=1, max_length=100)
    required: bool = True
    deferrable: bool = False
    """容缺: may be delivered later under a signed commitment."""
    deferral_days: int = Field(default=10, ge=1, le=60)
    """Working days the applicant has to deliver a deferred material."""
    e_license: bool = False
    """免提交: can be fetched from the e-licence library instead of being handed in."""
    file_types: list[FileType] = Field(default_factory=lambda: [FileType.PDF, FileType.JPEG, FileType.PNG, FileType.TIFF])
    max_size_mb: int = Field(default=20, ge=1, le=50)
    originals: int = Field(default=0, ge=0, le=10)
    copies: int = Field(default=1, ge=0, le=10)
    why: str = ""
    """Why it is needed (printed on the one-time notice)."""
    source: str = ""
    """Where to get it (printed on the one-time notice)."""
    validity_days: int | None = Field(default=None, ge=1)
    """A copy on file stays reusable this many days (None: does not expire)."""
    shared: str | None = Field(default=None, pattern=CODE_PATTERN)
    when: When = Field(default_factory=dict)
    paper_check: bool = False
    """已核验原件: the clerk may record that the original was seen at the counter, without a scan
    (the platform receives it as ``provided`` with no file)."""
    licence_type: str | None = Field(default=None, pattern=CODE_PATTERN)
    """电子证照: the licence type of the e-licence library that satisfies this material
    (``resident_id_card``, ``hukou_booklet``, ``marriage_certificate``, ``birth_medical_certificate`` …);
    needs ``e_license: true``. Without it the material can only be waived by hand (schema 1)."""
    holder: str | None = Field(default=None, pattern=CODE_PATTERN)
    """Whose licence (or whose datum, for ``data_sharing``): ``applicant`` (the default) or another
    person on the form (``father``, ``deceased``, ``legal_representative`` …), whose ID number is the
    form field with that ``person`` and ``person_field: id_number``."""
    data_sharing: str | None = Field(default=None, pattern=CODE_PATTERN)
    """数据共享核验: the platform's check that replaces this material (``marriage_registered`` …); the
    case records a yes/no and the platform's reference instead of a file."""

    @property
    def key(self) -> str:
        return self.shared or self.code

    @property
    def holder_person(self) -> str:
        return self.holder or PERSON_APPLICANT

    @model_validator(mode="after")
    def _licence_parts(self) -> Material:
        if self.licence_type is not None and not self.e_license:
            raise ValueError(f"material {self.code}: licence_type needs e_license: true")
        if self.holder is not None and self.licence_type is None and self.data_sharing is None:
            raise ValueError(f"material {self.code}: holder goes with licence_type or data_sharing")
        return self


SCHEMA_VERSION = 2
"""The newest bundle file format. Version 1 files (no ``schema_version``) still load; ``catalog check``
lists what to add to make them version 2 (``clerk.catalog.loader.upgrade_notes``)."""

NATIONAL_CODE_PATTERN = r"^[0-9A-Z]{10,40}$"
"""事项编码 / 实施编码 (GB/T 39554.1-2020): upper-case letters and digits. The catalog checks only this
shape and that the code is one matter's; the province's matter library is the authority on the value."""


class HandlingLevel(StrEnum):
    """行使层级: the level of government whose department decides the matter."""

    PROVINCE = "省"
    CITY = "市"
    COUNTY = "县"
    TOWNSHIP = "乡"


class ObtainMethod(StrEnum):
    """领取方式 of a matter's result."""

    WINDOW = "window"  # 窗口领取
    POST = "post"  # 邮寄（EMS）
    ELECTRONIC = "electronic"  # 电子证照 / 网上获取
    NOTICE = "notice"  # 无纸质结果：办结告知（短信、系统记录）


OBTAIN_LABELS = {"window": "窗口领取", "post": "邮寄送达", "electronic": "电子证照", "notice": "办结告知"}


class MatterResult(_Strict):
    """结果: what the department issues (结果名称) and how the applicant gets it (领取方式)."""

    name: str = Field(min_length=1, max_length=100)
    obtain: list[ObtainMethod] = Field(min_length=1)


class Fee(_Strict):
    """收费: one charge of a matter (an empty ``fees`` list: 不收费). ``amount_yuan`` None: charged by a
    standard that varies (``basis`` says which)."""

    item: str = Field(min_length=1, max_length=100)
    amount_yuan: float | None = Field(default=None, ge=0)
    basis: str = ""


class Matter(_Strict):
    """事项: one department's administrative matter inside a bundle.

    Schema 2 adds the national code (事项编码), the level that decides it, its result and how it is
    obtained, its fees, ``depends_on`` (matters whose results it needs: its due date counts from
    theirs when they are taken in the same case), and ``alone: false`` for a matter that cannot be
    taken on its own (``alone_reason`` says why; it needs its ``depends_on`` in the same case).
    """

    code: str = Field(pattern=CODE_PATTERN)
    name: str = Field(min_length=1, max_length=100)
    department: str = Field(min_length=1, max_length=100)
    time_limit_days: int = Field(ge=1, le=180)
    """Legal time limit (法定/承诺办结时限) in working days."""
    legal_basis: str = ""
    when: When = Field(default_factory=dict)
    fields: list[FormField] = Field(default_factory=list)
    materials: list[Material] = Field(default_factory=list)
    national_code: str | None = Field(default=None, pattern=NATIONAL_CODE_PATTERN)
    handling_level: HandlingLevel | None = None
    result: MatterResult | None = None
    fees: list[Fee] | None = None
    depends_on: list[str] = Field(default_factory=list)
    alone: bool = True
    alone_reason: str = ""
    needs: list[str] = Field(default_factory=list)
    """With ``alone: false``: the matters it must be taken with (default: ``depends_on``); of those,
    the ones that apply under the answers must be chosen too."""

    V2_KEYS: ClassVar[tuple[str, ...]] = ("national_code", "handling_level", "result", "fees")
    """What a schema 2 matter must have (v1 files are told to add them)."""

    def missing_v2(self) -> list[str]:
        return [k for k in self.V2_KEYS if getattr(self, k) is None]

    @property
    def needed(self) -> list[str]:
        """The matters it cannot be taken without (empty when it can go alone)."""
        return [] if self.alone else list(self.needs or self.depends_on)


class EligibilityCondition(_Strict):
    """办理条件: who may use the bundle (联办). A failed test blocks it with ``message``; the window then
    offers the matters that may still be taken alone (单独办理). ``alone_too``: the test also holds for
    a single matter taken alone (otherwise it binds the bundle only)."""

    code: str = Field(pattern=CODE_PATTERN)
    label: str = Field(min_length=1, max_length=100)
    test: When
    message: str = Field(min_length=1, max_length=300)
    alone_too: bool = False
    source: str = ""
    """The public guide the condition follows."""


class Bundle(_Strict):
    """一件事: matters from several departments that one applicant needs together."""

    schema_version: int = Field(default=1, ge=1, le=SCHEMA_VERSION)
    code: str = Field(pattern=CODE_PATTERN)
    name: str = Field(min_length=1, max_length=100)
    description: str = ""
    applicant_kinds: list[ApplicantKind] = Field(default_factory=lambda: [ApplicantKind.PERSON])
    service: str = Field(default="intake", pattern=CODE_PATTERN)
    """Hall queue service that takes this bundle in (``intake``: A 综合受理)."""
    keywords: list[str] = Field(default_factory=list)
    situations: list[Situation] = Field(default_factory=list)
    conditions: list[EligibilityCondition] = Field(default_factory=list)
    matters: list[Matter] = Field(min_length=1)

    def matter(self, code: str) -> Matter:
        for m in self.matters:
            if m.code == code:
                return m
        raise KeyError(code)

    @model_validator(mode="after")
    def _consistent(self) -> Bundle:
        problems: list[str] = []
        sit = {s.code: s for s in self.situations}
        if len(sit) != len(self.situations):
            problems.append("duplicate situation codes")
        mcodes = [m.code for m in self.matters]
        if len(set(mcodes)) != len(mcodes):
            problems.append("duplicate matter codes")
        field_keys = {f.key: f for m in self.matters for f in m.fields}

        def check_when(where: str, when: Condition, *, fields: bool = False) -> None:
            for kind, leaf in references(when):
                if kind == "field":
                    if not fields:
                        problems.append(f"{where}: a when reads situations and the applicant kind, not form fields")
                        continue
                    f = field_keys.get(str(leaf["field"]))
                    if f is None:
                        problems.append(f"{where}: unknown field {leaf['field']!r}")
                        continue
                    test = next(k for k in leaf if k in FIELD_TESTS)
                    if test in ("under_age", "at_least_age") and f.type is not FieldType.DATE:
                        problems.append(f"{where}: {test} needs a date field, {f.key!r} is {f.type.value}")
                    if f.type is FieldType.CHOICE and test in ("equals", "in"):
                        values = [leaf[test]] if test == "equals" else leaf[test]
                        known_opts = {o.code for o in f.options}
                        for v in values:
                            if v not in known_opts:
                                problems.append(f"{where}: field {f.key!r} has no option {v!r}")
                    continue
                if kind != "situation":
                    continue
                s_code = str(leaf["situation"])
                if s_code not in sit:
                    problems.append(f"{where}: unknown situation {s_code!r}")
                    continue
                known = {o.code for o in sit[s_code].options}
                for o in leaf["in"]:
                    if o not in known:
                        problems.append(f"{where}: situation {s_code!r} has no option {o!r}")

        seen_fields: dict[str, FormField] = {}
        seen_materials: dict[str, Material] = {}
        id_persons = {f.person for f in field_keys.values() if f.person_field is PersonField.ID_NUMBER}
        for m in self.matters:
            check_when(f"matter {m.code}", m.when)
            for dep in m.depends_on:
                if dep == m.code or dep not in mcodes:
                    problems.append(f"matter {m.code}: depends_on {dep!r} is not another matter of the bundle")
            for dep in m.needs:
                if dep == m.code or dep not in mcodes:
                    problems.append(f"matter {m.code}: needs {dep!r} is not another matter of the bundle")
            if m.needs and m.alone:
                problems.append(f"matter {m.code}: needs goes with alone: false")
            if not m.alone:
                if not m.needed:
                    problems.append(f"matter {m.code}: alone: false needs depends_on or needs (the matters it needs)")
                if not m.alone_reason.strip():
                    problems.append(f"matter {m.code}: alone: false needs alone_reason")
            if self.schema_version >= 2 and m.missing_v2():
                problems.append(f"matter {m.code}: schema 2 needs {', '.join(m.missing_v2())}")
            local_f: set[str] = set()
            for f in m.fields:
                check_when(f"field {m.code}.{f.code}", f.when)
                if f.key in local_f:
                    problems.append(f"matter {m.code}: field {f.key!r} twice")
                local_f.add(f.key)
                other = seen_fields.get(f.key)
                if other is not None and (other.type != f.type or [o.code for o in other.options] != [o.code for o in f.options]):
                    problems.append(f"field {f.key!r}: matters disagree on its type or options")
                seen_fields.setdefault(f.key, f)
            local_m: set[str] = set()
            for mat in m.materials:
                check_when(f"material {m.code}.{mat.code}", mat.when)
                if mat.key in local_m:
                    problems.append(f"matter {m.code}: material {mat.key!r} twice")
                local_m.add(mat.key)
                seen_materials.setdefault(mat.key, mat)
                if mat.holder_person != PERSON_APPLICANT and (mat.licence_type or mat.data_sharing):
                    if mat.holder_person not in id_persons:
                        problems.append(f"material {m.code}.{mat.code}: holder {mat.holder_person!r} has no field "
                                        f"with person: {mat.holder_person} and person_field: id_number")
        if not problems:
            cycle = _dependency_cycle(self.matters)
            if cycle:
                problems.append("depends_on goes round in a circle: " + " → ".join(cycle))
        codes = [c.code for c in self.conditions]
        if len(set(codes)) != len(codes):
            problems.append("duplicate condition codes")
        for c in self.conditions:
            if not c.test:
                problems.append(f"condition {c.code}: an empty test holds always")
            check_when(f"condition {c.code}", c.test, fields=True)
        national = [m.national_code for m in self.matters if m.national_code]
        for n in sorted({n for n in national if national.count(n) > 1}):
            problems.append(f"national_code {n} is given to more than one matter")
        if problems:
            raise ValueError("; ".join(problems))
        return self


def _dependency_cycle(matters: list[Matter]) -> list[str]:
    """A cycle of ``depends_on`` as matter codes (empty when there is none)."""
    deps = {m.code: m.depends_on for m in matters}
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(code: str) -> list[str]:
        state[code] = 1
        path.append(code)
        for d in deps.get(code, []):
            if state.get(d) == 1:
                return path[path.index(d):] + [d]
            if d not in state:
                found = visit(d)
                if found:
                    return found
        state[code] = 2
        path.pop()
        return []

    for code in deps:
        if code not in state:
            found = visit(code)
            if found:
                return found
    return []


def national_code_problems(bundles: list[Bundle]) -> list[str]:
    """One national code per matter across the catalog: a matter shared by two bundles (same matter
    code) keeps one code, and two different matters never share one."""
    problems: list[str] = []
    by_matter: dict[str, tuple[str, str]] = {}
    by_code: dict[str, tuple[str, str]] = {}
    for b in bundles:
        for m in b.matters:
            if not m.national_code:
                continue
            seen = by_matter.get(m.code)
            if seen is not None and seen[0] != m.national_code:
                problems.append(f"matter {m.code}: national_code {m.national_code} in {b.code}, "
                                f"{seen[0]} in {seen[1]} (one matter, one code)")
            by_matter.setdefault(m.code, (m.national_code, b.code))
            other = by_code.get(m.national_code)
            if other is not None and other[0] != m.code:
                problems.append(f"national_code {m.national_code}: matter {m.code} in {b.code} and matter "
                                f"{other[0]} in {other[1]} (two matters, one code)")
            by_code.setdefault(m.national_code, (m.code, b.code))
    return problems


class HolidayYear(_Strict):
    off: list[str] = Field(default_factory=list)
    work: list[str] = Field(default_factory=list)


class Catalog(_Strict):
    version: str
    bundles: list[Bundle]
    holidays: dict[str, HolidayYear] = Field(default_factory=dict)
    """Extra years of holidays/make-up days beyond what chinese-calendar ships (from the platform)."""

    @model_validator(mode="after")
    def _national_codes(self) -> Catalog:
        problems = national_code_problems(self.bundles)
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def bundle(self, code: str) -> Bundle:
        for b in self.bundles:
            if b.code == code:
                return b
        raise KeyError(code)
