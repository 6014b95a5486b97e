"""A case as it comes from outside the program: one strict model for every entry point.

``python -m clerk intake FILE.json`` reads one; whatever takes a whole case from a file or another
program goes through ``parse_request`` too. The model checks what needs no catalog: JSON types
(``"false"`` is not a boolean, ``17`` is not a date), lengths, characters (``bad_character``: no
control, format/bidi characters or lone surrogates in names and free text), codes by pattern
(``window``, ``operator``, ``ticket_no`` can never carry ``"\\n../x"`` into a case number), dates as
``YYYY-MM-DD`` strings. What depends on the catalog (the bundle, situations, form fields, which
materials may be deferred, the latest deferral deadline) is checked by the caller against the
catalog before anything is written (``clerk.materials.takein``).

Full-width digits and letters in ID numbers and phones (全角, what a Chinese input method types)
are taken as ASCII; superscript, circled and other-script digits are refused (``normalise_code``).

Every refusal is a ``RequestRefused``: one line in Chinese naming the field path
(``applicant.id_type: …；materials[0].deadline: …``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import uuid
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from pydantic_core import PydanticCustomError

from clerk.errors import ClerkError
from clerk.intake.validation import Problems, bad_character, clean_text, normalise_code, shown, shown_key

MAX_DOCUMENT_BYTES = 2 * 1024 * 1024
"""A case document larger than this is refused before it is parsed."""
MAX_DEPTH = 8
"""Nesting of the document (the deepest legal path, ``materials[0].files[0]``, is 3)."""
MAX_PROBLEMS = 8
"""At most this many problems are listed on the one line (then "等共 N 处")."""

WINDOW_RE = re.compile(r"[A-Z0-9]{1,8}")
"""A window code as in the settings and the case number (``W03``)."""
OPERATOR_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}")
TICKET_RE = re.compile(r"[A-Z0-9]{1,16}")
"""A queue ticket number (``A012``); the platform issues service prefix + number."""
CODE_RE = re.compile(r"[a-z][a-z0-9_]{0,63}")
"""Bundle, situation, option, field and material codes (the catalog's pattern)."""
KEY_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:\-]{7,127}")
UUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class RequestRefused(ClerkError, ValueError):
    """A case document that cannot be taken; ``problems`` maps a field path to a message in Chinese."""

    def __init__(self, problems: Problems, *, source: str = "") -> None:
        items = list(problems.items())
        lines = [f"{k}: {v}" if k else v for k, v in items[:MAX_PROBLEMS]]
        if len(items) > MAX_PROBLEMS:
            lines.append(f"等共 {len(items)} 处问题")
        prefix = f"{source}: " if source else ""
        super().__init__(prefix + "；".join(lines))
        self.problems = problems


def _fail(message: str) -> PydanticCustomError:
    return PydanticCustomError("clerk", message)


def _pattern(regex: re.Pattern[str], message: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if not regex.fullmatch(value):
            raise _fail(f"{message}，而不是 {shown(value)}")
        return value

    return check


def _text(max_length: int, *, multiline: bool = False) -> Callable[[str], str]:
    def check(value: str) -> str:
        text = clean_text(value)
        bad = bad_character(text, multiline=multiline)
        if bad:
            raise _fail(bad)
        if not multiline:
            text = " ".join(text.split())
        if len(text) > max_length:
            raise _fail(f"太长：{len(text)} 个字符，最多 {max_length} 个")
        return text

    return check


def _code_text(max_length: int) -> Callable[[str], str]:
    """ID numbers and phones: full-width forms as ASCII, then only printable ASCII."""

    def check(value: str) -> str:
        code = normalise_code(value)
        if len(code) > max_length:
            raise _fail(f"太长：{len(code)} 个字符，最多 {max_length} 个")
        if not code.isascii() or not code.isprintable():
            raise _fail(f"只能含数字、字母和 - +（上标、圆圈等特殊数字不能用），而不是 {shown(value)}")
        return code

    return check


def _iso_date(value: Any) -> Any:
    if not isinstance(value, str):
        raise _fail(f"日期应写成带引号的 \"YYYY-MM-DD\"，而不是 {shown(value)}")
    if not _DATE_RE.fullmatch(value):
        raise _fail(f"日期应写成 YYYY-MM-DD，而不是 {shown(value)}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _fail(f"日期 {shown(value)} 不存在") from None


def _scalar(value: Any) -> Any:
    """A form value: a JSON string, number, boolean or null (the field's own check comes later)."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        if abs(value) > 10**12:
            raise _fail("数字超出范围")
        return value
    if isinstance(value, float):
        if value != value or abs(value) > 1e12:
            raise _fail("数字超出范围")
        return value
    if isinstance(value, str):
        if len(value) > 5000:
            raise _fail(f"太长：{len(value)} 个字符，最多 5000 个")
        bad = bad_character(value, multiline=True)
        if bad:
            raise _fail(bad)
        return value
    raise _fail("应为文字、数字、true/false 或 null，不能是" + shown(value))


def _uuid(value: str) -> str:
    if not UUID_RE.fullmatch(value):
        raise _fail(f"应为 UUID（如 0b8f5c2e-3c1a-4b7e-9a56-1f0e2d3c4b5a），而不是 {shown(value)}")
    return str(uuid.UUID(value))


Code = Annotated[str, AfterValidator(_pattern(CODE_RE, "应为小写字母开头的代码（a-z、0-9、_）"))]


def _answer(value: Any) -> Any:
    """A situation's answer: an option code, or (a multiple-choice situation) a list of them."""
    items = value if isinstance(value, list) else [value]
    if isinstance(value, list) and len(value) > 50:
        raise _fail("太多：最多 50 项")
    for v in items:
        if not isinstance(v, str):
            raise _fail(f"应为选项代码（加引号），多选时为选项代码的列表，而不是 {shown(v)}")
        if not CODE_RE.fullmatch(v):
            raise _fail(f"应为小写字母开头的代码（a-z、0-9、_），而不是 {shown(v)}")
    return list(value) if isinstance(value, list) else value


Answer = Annotated[Any, BeforeValidator(_answer)]
Name = Annotated[str, AfterValidator(_text(100))]
Line = Annotated[str, AfterValidator(_text(200))]
IdNumber = Annotated[str, AfterValidator(_code_text(40))]
Phone = Annotated[str, AfterValidator(_code_text(40))]
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
FormValue = Annotated[Any, BeforeValidator(_scalar)]
FilePath = Annotated[str, Field(min_length=1, max_length=1024), AfterValidator(_text(1024))]
IdTypeCode = Literal["cn_ric", "passport", "hk_macao_permit", "taiwan_permit", "foreign_permanent_residence", "uscc"]
InputStatus = Literal["provided", "deferred", "e_license", "not_required"]


class _Input(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, allow_inf_nan=False)


class PersonInput(_Input):
    """The applicant (申请人) or the agent (代办人) as given."""

    kind: Literal["person", "enterprise"] = "person"
    name: Name
    id_type: IdTypeCode | None = None
    """Default: ``cn_ric`` for a person, ``uscc`` for an enterprise."""
    id_number: IdNumber
    phone: Phone = ""
    address: Line = ""
    legal_representative: Name = ""


class DeliveryInput(_Input):
    method: Literal["window", "post"] = "window"
    address: Line = ""
    recipient: Name = ""
    phone: Phone = ""


class MaterialInput(_Input):
    code: Code
    status: InputStatus = "provided"
    deadline: IsoDate | None = None
    """Only for ``deferred``: after today and no later than the catalog's deferral period allows."""
    files: list[FilePath] = Field(default_factory=list, max_length=50)
    """Paths relative to the case file's folder (outside it only with ``--allow-files-anywhere``)."""
    authorisation: Literal["holder_present"] | None = None
    """``e_license`` of someone else's licence: the holder is present and their ID card was read."""
    use_code: str | None = Field(default=None, pattern=r"^[0-9A-Za-z]{6,32}$")
    """``e_license``: the holder's 用证码 from the province's app (their consent, and the licence)."""

    @model_validator(mode="after")
    def _consistent(self) -> MaterialInput:
        if (self.authorisation or self.use_code) and self.status != "e_license":
            raise _fail("authorisation 和 use_code 只用于电子证照（e_license）的材料")
        if self.deadline is not None and self.status != "deferred":
            raise _fail("只有容缺后补（deferred）的材料才有期限 deadline")
        if self.files and self.status != "provided":
            raise _fail("只有已提交（provided）的材料才附文件 files")
        return self


REGION_RE = re.compile(r"[0-9]{6}")
"""A handling region (属地): a 6-digit 行政区划代码."""


class IntakeRequest(_Input):
    """The case document of ``python -m clerk intake FILE.json``."""

    bundle_code: Code
    situations: dict[Code, Answer] = Field(default_factory=dict, max_length=50)
    """Answers by situation code; a multiple-choice situation takes a list of option codes."""
    matters: list[Code] | None = Field(default=None, min_length=1, max_length=50)
    """The matters the applicant chose (单办/联办; default: every matter the situations switch on).
    Fields and materials of matters not chosen may be present: they are ignored."""
    region: Annotated[str, AfterValidator(_pattern(REGION_RE, "属地应为 6 位行政区划代码（如 440305）"))] | None = None
    """The handling region (属地) when it is not the hall's: 异地代收代办."""
    applicant: PersonInput
    agent: PersonInput | None = None
    form: dict[Code, FormValue] = Field(default_factory=dict, max_length=500)
    materials: list[MaterialInput] = Field(default_factory=list, max_length=200)
    delivery: DeliveryInput = Field(default_factory=DeliveryInput)
    operator: Annotated[str, AfterValidator(_pattern(OPERATOR_RE, "操作员代码应为字母、数字、_ . -，最长 64 位"))] = "cli"
    window: Annotated[str, AfterValidator(_pattern(WINDOW_RE, "窗口号应为 1 至 8 位大写字母或数字（如 W03）"))] | None = None
    """Default: the workstation's window from the settings."""
    ticket_no: Annotated[str, AfterValidator(_pattern(TICKET_RE, "排队号应为 1 至 16 位大写字母或数字（如 A012）"))] | None = None
    commitment_signed: bool = False
    """The applicant signed the 告知承诺书 (needed when any material is deferred)."""
    case_uuid: Annotated[str, AfterValidator(_uuid)] | None = None
    """The client's own id for the case: a re-run with the same id returns the first result."""
    idempotency_key: Annotated[str, AfterValidator(_pattern(KEY_RE, "应为 8 至 128 位字母、数字或 . _ : -"))] | None = None
    """Like ``case_uuid`` when the caller has its own key (one key, one case)."""

    @model_validator(mode="after")
    def _unique_materials(self) -> IntakeRequest:
        codes = [m.code for m in self.materials]
        dupes = sorted({c for c in codes if codes.count(c) > 1})
        if dupes:
            raise _fail("材料重复出现：" + "、".join(dupes))
        chosen = list(self.matters or [])
        dupes = sorted({c for c in chosen if chosen.count(c) > 1})
        if dupes:
            raise _fail("事项重复出现：" + "、".join(dupes))
        return self

    @property
    def replay_key(self) -> str | None:
        """The key a re-run is recognised by (the idempotency key, else the case UUID)."""
        if self.idempotency_key:
            return f"key:{self.idempotency_key}"
        return f"uuid:{self.case_uuid}" if self.case_uuid else None

    def fingerprint(self, file_hashes: dict[str, list[str]] | None = None) -> str:
        """sha256 of the document as understood (and of the files' bytes): the same document → the same
        fingerprint, whatever its whitespace or key order."""
        doc = {"request": self.model_dump(mode="json"), "files": file_hashes or {}}
        return hashlib.sha256(json.dumps(doc, sort_keys=True, ensure_ascii=True).encode()).hexdigest()


_TYPE_MESSAGES: dict[str, str] = {
    "missing": "缺少此项",
    "extra_forbidden": "不认识的项目",
    "string_type": "应为文字（加引号）",
    "bool_type": "应为 true 或 false（不加引号）",
    "int_type": "应为整数",
    "float_type": "应为数字",
    "dict_type": "应为一个对象 {…}",
    "model_type": "应为一个对象 {…}",
    "model_attributes_type": "应为一个对象 {…}",
    "list_type": "应为一个列表 […]",
    "too_short": "至少要有一项",
    "none_required": "应为 null",
    "date_type": "日期应写成 YYYY-MM-DD",
}


def _message(err: Any) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "clerk":
        return str(err["msg"])
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("' or '", "、").replace("', '", "、").strip("'")
        return f"应为 {expected} 之一，而不是 {shown(err.get('input'))}"
    if kind in ("string_too_long",):
        return f"太长：最多 {ctx.get('max_length')} 个字符"
    if kind in ("string_too_short",):
        return "不能为空"
    if kind == "too_long":
        return f"太多：最多 {ctx.get('max_length')} 项"
    return _TYPE_MESSAGES.get(kind, "格式不对")


def _path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part == "[key]":
            out += "（键名）"
        else:
            out += ("." if out else "") + shown_key(part)
    return out


def problems_of(err: ValidationError) -> Problems:
    """The pydantic errors as ``{field path: message in Chinese}`` (first message per path)."""
    out: Problems = {}
    for e in err.errors():
        loc = tuple(e["loc"])
        # a model validator's message sits on the model itself
        out.setdefault(_path(loc) or "（文件）", _message(e))
    return out


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise _Duplicate(k)
        out[k] = v
    return out


class _Duplicate(ClerkError, ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"JSON 中不能有 {name}")


def _walk(doc: Any) -> Problems:
    """Lone surrogates anywhere (keys too) and nesting deeper than ``MAX_DEPTH``, by path."""
    problems: Problems = {}
    stack: list[tuple[Any, tuple[Any, ...]]] = [(doc, ())]
    while stack:
        value, loc = stack.pop()
        if len(loc) > MAX_DEPTH:
            problems.setdefault(_path(loc[:MAX_DEPTH]) or "（文件）", f"嵌套层次过深（最多 {MAX_DEPTH} 层）")
            continue
        if isinstance(value, dict):
            for k, v in value.items():
                if _has_surrogate(k):
                    problems.setdefault(_path((*loc, k)), "项目名含有无效的 Unicode 代理字符")
                stack.append((v, (*loc, k)))
        elif isinstance(value, list):
            stack.extend((v, (*loc, i)) for i, v in enumerate(value))
        elif isinstance(value, str) and _has_surrogate(value):
            problems.setdefault(_path(loc) or "（文件）", "含有无效的 Unicode 代理字符（如 \\ud800）")
    return problems


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def load_json(raw: bytes, *, source: str = "") -> Any:
    """The JSON value of ``raw``: strict UTF-8 (a leading BOM is allowed), no duplicate keys, no
    NaN/Infinity, bounded size and nesting; ``RequestRefused`` (one line) otherwise."""
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise RequestRefused({"": f"文件过大：{len(raw)} 字节，最多 {MAX_DOCUMENT_BYTES} 字节"}, source=source)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RequestRefused({"": f"不是有效的 UTF-8 JSON 文本（第 {exc.start + 1} 个字节不是 UTF-8）"}, source=source) from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_refuse_constant)
    except _Duplicate as exc:
        raise RequestRefused({"": f"项目 {shown(exc.key)} 出现了两次"}, source=source) from None
    except json.JSONDecodeError as exc:
        raise RequestRefused({"": f"不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）"},
                             source=source) from None
    except RecursionError:
        raise RequestRefused({"": f"嵌套层次过深（最多 {MAX_DEPTH} 层）"}, source=source) from None
    except ValueError as exc:  # NaN/Infinity, integers of more than 4300 digits
        raise RequestRefused({"": f"不是有效的 JSON（{str(exc).splitlines()[0][:80]}）"}, source=source) from None


def parse_request(raw: bytes | Any, *, source: str = "") -> IntakeRequest:
    """The strict model of a case document (bytes of JSON, or an already parsed value)."""
    doc = load_json(bytes(raw), source=source) if isinstance(raw, bytes | bytearray) else raw
    problems = _walk(doc)
    if problems:
        raise RequestRefused(problems, source=source)
    if not isinstance(doc, dict):
        raise RequestRefused({"": "顶层应为一个对象 {…}"}, source=source)
    try:
        return IntakeRequest.model_validate(doc)
    except ValidationError as err:
        raise RequestRefused(problems_of(err), source=source) from None
