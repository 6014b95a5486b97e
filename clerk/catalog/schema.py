"""The 一件事 catalog schema: bundles, matters, situations, fields and materials (pydantic).

A bundle file in ``forms/bundles/*.yaml`` has exactly this shape. Each matter (事项) brings its own
fields and materials; merging (``clerk.catalog.merge``) turns a bundle plus the applicant's situation
answers into one form and one checklist, asking a datum shared by several matters (``shared``) once.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

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
    """情形: a question whose answer switches fields, materials or whole matters on or off."""

    code: str = Field(pattern=CODE_PATTERN)
    question: str = Field(min_length=1, max_length=200)
    options: list[Option] = Field(min_length=2)
    default: str | None = None

    @model_validator(mode="after")
    def _default_is_an_option(self) -> Situation:
        codes = [o.code for o in self.options]
        if len(set(codes)) != len(codes):
            raise ValueError(f"situation {self.code}: duplicate option codes")
        if self.default is not None and self.default not in codes:
            raise ValueError(f"situation {self.code}: default {self.default!r} is not an option")
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


Condition = dict[str, list[str]]
"""``{situation_code: [option_code, ...]}``: applies when every named situation has one of the options."""


class FormField(_Strict):
    code: str = Field(pattern=CODE_PATTERN)
    label: str = Field(min_length=1, max_length=100)
    type: FieldType = FieldType.TEXT
    required: bool = True
    options: list[Option] = Field(default_factory=list)
    shared: str | None = Field(default=None, pattern=CODE_PATTERN)
    """Shared-field code: the same datum asked by two matters is asked once under this code."""
    when: Condition = Field(default_factory=dict)
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
    when: Condition = Field(default_factory=dict)
    paper_check: bool = False
    """已核验原件: the clerk may record that the original was seen at the counter, without a scan
    (the platform receives it as ``provided`` with no file)."""

    @property
    def key(self) -> str:
        return self.shared or self.code


class Matter(_Strict):
    """事项: one department's administrative matter inside a bundle."""

    code: str = Field(pattern=CODE_PATTERN)
    name: str = Field(min_length=1, max_length=100)
    department: str = Field(min_length=1, max_length=100)
    time_limit_days: int = Field(ge=1, le=180)
    """Legal time limit (法定/承诺办结时限) in working days."""
    legal_basis: str = ""
    when: Condition = Field(default_factory=dict)
    fields: list[FormField] = Field(default_factory=list)
    materials: list[Material] = Field(default_factory=list)


class Bundle(_Strict):
    """一件事: matters from several departments that one applicant needs together."""

    code: str = Field(pattern=CODE_PATTERN)
    name: str = Field(min_length=1, max_length=100)
    description: str = ""
    applicant_kinds: list[ApplicantKind] = Field(default_factory=lambda: [ApplicantKind.PERSON])
    service: str = Field(default="intake", pattern=CODE_PATTERN)
    """Hall queue service that takes this bundle in (``intake``: A 综合受理)."""
    keywords: list[str] = Field(default_factory=list)
    situations: list[Situation] = Field(default_factory=list)
    matters: list[Matter] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Bundle:
        problems: list[str] = []
        sit = {s.code: s for s in self.situations}
        if len(sit) != len(self.situations):
            problems.append("duplicate situation codes")
        mcodes = [m.code for m in self.matters]
        if len(set(mcodes)) != len(mcodes):
            problems.append("duplicate matter codes")

        def check_when(where: str, when: Condition) -> None:
            for s_code, opts in when.items():
                if s_code not in sit:
                    problems.append(f"{where}: unknown situation {s_code!r}")
                    continue
                known = {o.code for o in sit[s_code].options}
                for o in opts:
                    if o not in known:
                        problems.append(f"{where}: situation {s_code!r} has no option {o!r}")

        seen_fields: dict[str, FormField] = {}
        seen_materials: dict[str, Material] = {}
        for m in self.matters:
            check_when(f"matter {m.code}", m.when)
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
        if problems:
            raise ValueError("; ".join(problems))
        return self


class HolidayYear(_Strict):
    off: list[str] = Field(default_factory=list)
    work: list[str] = Field(default_factory=list)


class Catalog(_Strict):
    version: str
    bundles: list[Bundle]
    holidays: dict[str, HolidayYear] = Field(default_factory=dict)
    """Extra years of holidays/make-up days beyond what chinese-calendar ships (from the platform)."""

    def bundle(self, code: str) -> Bundle:
        for b in self.bundles:
            if b.code == code:
                return b
        raise KeyError(code)
