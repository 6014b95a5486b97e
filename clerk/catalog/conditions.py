"""Conditions of the catalog: ``when`` of matters, fields and materials, and bundles' eligibility tests.

One small language, written in YAML and kept in a canonical form (plain dicts, so a catalog dumps to
JSON and reads back unchanged):

- ``{}`` — always;
- ``{"all": [c, …]}``, ``{"any": [c, …]}``, ``{"not": c}``;
- ``{"situation": "settle_with", "in": ["father"]}`` — the answer is one of the options (a
  multiple-choice situation: one of its chosen options is);
- ``{"applicant_kind": ["person"]}`` — the applicant is of one of these kinds;
- in eligibility conditions only, a form field: ``{"field": "birth_date", "under_age": {"years": 1}}``
  and ``equals``, ``in``, ``filled``, ``at_least_age``, ``prefix`` (``FIELD_TESTS``).

The v1 shorthand ``{situation_code: [option_code, …], …}`` (every named situation has one of the
options) is read as ``all`` of ``situation … in …`` leaves.

Evaluation is three-valued: a field not filled yet makes its leaf *unknown* (None), so a condition
fails only once the data that decides it is there (``not`` unknown is unknown; ``all`` is false if one
part is false, ``any`` true if one part is true).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

RESERVED = frozenset({"all", "any", "not", "situation", "in", "applicant_kind", "field"})
"""Keys of the canonical form: no situation may be named like one (the v1 shorthand would be ambiguous)."""

FIELD_TESTS = frozenset({"equals", "in", "filled", "under_age", "at_least_age", "prefix"})
AGE_UNITS = ("years", "months", "days")

Answers = Mapping[str, "str | list[str] | tuple[str, ...]"]


def normalise(value: Any) -> dict[str, Any]:
    """The canonical form of a condition as written (``ValueError`` with the reason otherwise)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValueError(f"a condition is a mapping, not {type(value).__name__}")
    if not value:
        return {}
    keys = set(value)
    if not keys & RESERVED:  # the v1 shorthand
        leaves: list[dict[str, Any]] = []
        for situation, options in value.items():
            if not isinstance(options, list) or not options or not all(isinstance(o, str) for o in options):
                raise ValueError(f"situation {situation!r}: a list of option codes is expected")
            leaves.append({"situation": str(situation), "in": list(options)})
        return leaves[0] if len(leaves) == 1 else {"all": leaves}
    if keys <= {"all"} or keys <= {"any"}:
        (op,) = keys
        parts = value[op]
        if not isinstance(parts, list) or not parts:
            raise ValueError(f"{op}: a non-empty list of conditions is expected")
        return {op: [normalise(p) for p in parts]}
    if keys == {"not"}:
        return {"not": normalise(value["not"])}
    if "situation" in keys:
        if keys != {"situation", "in"}:
            raise ValueError("a situation test is {situation: CODE, in: [OPTIONS]}")
        options = value["in"]
        if not isinstance(value["situation"], str) or not isinstance(options, list) or not options:
            raise ValueError("a situation test is {situation: CODE, in: [OPTIONS]}")
        return {"situation": value["situation"], "in": [str(o) for o in options]}
    if keys == {"applicant_kind"}:
        kinds = value["applicant_kind"]
        if not isinstance(kinds, list) or not kinds or not all(k in ("person", "enterprise") for k in kinds):
            raise ValueError("applicant_kind: a list of person / enterprise is expected")
        return {"applicant_kind": list(kinds)}
    if "field" in keys:
        tests = keys - {"field"}
        if len(tests) != 1 or not tests <= FIELD_TESTS or not isinstance(value["field"], str):
            raise ValueError(f"a field test is {{field: CODE, <one of {', '.join(sorted(FIELD_TESTS))}>: VALUE}}")
        (test,) = tests
        arg = value[test]
        if test in ("under_age", "at_least_age"):
            if not isinstance(arg, dict) or len(arg) != 1 or next(iter(arg)) not in AGE_UNITS \
                    or not isinstance(next(iter(arg.values())), int) or next(iter(arg.values())) < 0:
                raise ValueError(f"{test}: {{years|months|days: N}} is expected")
        elif test == "in" and (not isinstance(arg, list) or not arg):
            raise ValueError("in: a non-empty list of values is expected")
        elif test == "prefix" and (not isinstance(arg, list) or not arg or not all(isinstance(a, str) for a in arg)):
            raise ValueError("prefix: a non-empty list of strings is expected")
        elif test == "filled" and not isinstance(arg, bool):
            raise ValueError("filled: true or false is expected")
        return {"field": value["field"], test: arg}
    raise ValueError(f"not a condition: keys {', '.join(sorted(keys))}")


def references(cond: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every leaf of ``cond`` as (kind, leaf): kind is ``situation``, ``applicant_kind`` or ``field``."""
    if not cond:
        return
    for op in ("all", "any"):
        if op in cond:
            for part in cond[op]:
                yield from references(part)
            return
    if "not" in cond:
        yield from references(cond["not"])
        return
    for kind in ("situation", "applicant_kind", "field"):
        if kind in cond:
            yield kind, cond
            return


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    import calendar

    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def age_limit(born: dt.date, age: Mapping[str, int]) -> dt.date:
    """The day a person born on ``born`` reaches ``age`` ({years|months|days: n})."""
    unit, n = next(iter(age.items()))
    if unit == "days":
        return born + dt.timedelta(days=n)
    return _add_months(born, n * 12 if unit == "years" else n)


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _filled(value: Any) -> bool:
    return not (value is None or (isinstance(value, str) and not value.strip()))


def _same(a: Any, b: Any) -> bool:
    if isinstance(b, bool):
        if isinstance(a, str):
            return a.strip().lower() in (("true", "1", "yes", "是") if b else ("false", "0", "no", "否"))
        return a is b
    if isinstance(a, str) and not isinstance(b, str):
        return a.strip() == str(b)
    return bool(a == b)


def evaluate(cond: Mapping[str, Any], answers: Answers, *, applicant_kind: str | None = None,
             form: Mapping[str, Any] | None = None, today: dt.date | None = None) -> bool | None:
    """True, False, or None when data it reads is not there yet (a field not filled, no applicant kind)."""
    if not cond:
        return True
    if "all" in cond:
        results = [evaluate(c, answers, applicant_kind=applicant_kind, form=form, today=today) for c in cond["all"]]
        return False if False in results else (None if None in results else True)
    if "any" in cond:
        results = [evaluate(c, answers, applicant_kind=applicant_kind, form=form, today=today) for c in cond["any"]]
        return True if True in results else (None if None in results else False)
    if "not" in cond:
        inner = evaluate(cond["not"], answers, applicant_kind=applicant_kind, form=form, today=today)
        return None if inner is None else not inner
    if "situation" in cond:
        answer = answers.get(cond["situation"])
        if answer is None:
            return None
        chosen = [answer] if isinstance(answer, str) else list(answer)
        return any(a in cond["in"] for a in chosen)
    if "applicant_kind" in cond:
        return None if applicant_kind is None else applicant_kind in cond["applicant_kind"]
    value = (form or {}).get(cond["field"])
    if "filled" in cond:
        return _filled(value) is cond["filled"]
    if not _filled(value):
        return None
    if "equals" in cond:
        return _same(value, cond["equals"])
    if "in" in cond:
        return any(_same(value, v) for v in cond["in"])
    if "prefix" in cond:
        text = str(value).strip().upper()
        return any(text.startswith(p.upper()) for p in cond["prefix"])
    born = _date(value)
    if born is None:
        return None
    limit = age_limit(born, cond.get("under_age") or cond["at_least_age"])
    day = today or dt.date.today()
    return day < limit if "under_age" in cond else day >= limit


def fields_read(cond: Mapping[str, Any]) -> set[str]:
    """The form fields a condition reads (checked as soon as they are filled)."""
    return {str(leaf["field"]) for kind, leaf in references(cond) if kind == "field"}


def describe(cond: Mapping[str, Any], situations: Mapping[str, tuple[str, Mapping[str, str]]]) -> str:
    """Readable Chinese for a ``when`` (``situations``: code → (question, {option: label}))."""
    if not cond:
        return ""
    if "all" in cond:
        return "且".join(describe(c, situations) for c in cond["all"])
    if "any" in cond:
        return "或".join(describe(c, situations) for c in cond["any"])
    if "not" in cond:
        return "非（" + describe(cond["not"], situations) + "）"
    if "situation" in cond:
        _question, labels = situations.get(cond["situation"], (cond["situation"], {}))
        return "或".join(labels.get(o, o) for o in cond["in"])
    if "applicant_kind" in cond:
        return "或".join({"person": "个人", "enterprise": "企业"}.get(k, k) for k in cond["applicant_kind"]) + "申请"
    return str(cond.get("field"))
