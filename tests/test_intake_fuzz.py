"""Generated case documents (valid skeletons mutated: wrong types, huge strings, control and odd unicode,
deep nesting, missing and extra keys, raw byte damage) fed to the intake model and to the CLI entry.

Only two outcomes are allowed: a valid result, or a clean refusal (``RequestRefused``/``ClerkError``,
one line; exit 2 for the CLI) with nothing written. Never another exception, never a partial write.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk.errors import ClerkError
from clerk.intake.request import IntakeRequest, RequestRefused, parse_request
from tests.helpers.intake import holdings, valid_document

ODD = st.characters(categories=["Cc", "Cf", "Cs", "Co", "Zl", "Zp", "Zs", "Mn", "Nd", "No", "Lo", "So"])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(min_value=-(10**40), max_value=10**40),
                    st.floats(allow_nan=False), st.text(max_size=30), st.text(ODD, max_size=30))
JSON = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                     st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                    max_leaves=12)


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _paths(v, (*prefix, i))
    return out


@st.composite
def mutated(draw: st.DrawFn, skeleton: dict[str, Any]) -> Any:
    doc: Any = json.loads(json.dumps(skeleton))
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        paths = _paths(doc)
        path = draw(st.sampled_from(paths))
        how = draw(st.sampled_from(["replace", "huge", "odd", "delete", "extra", "nest", "wrap_text",
                                    "plain_text", "plain_text", "drop_material"]))
        if how == "plain_text":  # often still valid: exercises the files, the transaction, the outcome
            if not isinstance(_get(doc, path), str):
                continue
            value = draw(st.text(st.characters(categories=["L", "N", "P", "Zs"]), min_size=1, max_size=20))
        elif how == "drop_material":
            if isinstance(doc, dict) and isinstance(doc.get("materials"), list) and doc["materials"]:
                doc["materials"].pop(draw(st.integers(min_value=0, max_value=len(doc["materials"]) - 1)))
            continue
        elif how == "replace":
            value: Any = draw(JSON)
        elif how == "huge":
            value = draw(st.sampled_from(["长", "a", "\x00", "1"])) * draw(st.sampled_from([101, 5001, 70_000]))
        elif how == "odd":
            value = draw(st.text(ODD, min_size=1, max_size=40))
        elif how == "nest":
            value = _get(doc, path)
            for _ in range(draw(st.sampled_from([1, 2, 9, 30]))):
                value = [value]
        elif how == "wrap_text":
            current = _get(doc, path)
            if not isinstance(current, str):
                continue
            odd = draw(st.text(ODD, min_size=1, max_size=3))
            value = draw(st.sampled_from([odd + current, current + odd, current[:1] + odd + current[1:]]))
        elif how == "delete":
            if not path:
                continue
            parent = _get(doc, path[:-1])
            del parent[path[-1]]
            continue
        else:  # extra
            target = _get(doc, path)
            if isinstance(target, dict):
                target[draw(st.text(max_size=10))] = draw(JSON)
            continue
        doc = _put(doc, path, value)
    return doc


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for p in path:
        doc = doc[p]
    return doc


def _put(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    _get(doc, path[:-1])[path[-1]] = value
    return doc


@st.composite
def raw_bytes(draw: st.DrawFn, skeleton: dict[str, Any]) -> bytes:
    """A mutated document as bytes, sometimes with bytes damaged (invalid UTF-8, cut, spliced)."""
    raw = json.dumps(draw(mutated(skeleton)), ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
    damage = draw(st.sampled_from(["none", "none", "none", "none", "cut", "splice", "bom"]))
    if damage == "cut":
        raw = raw[: draw(st.integers(min_value=0, max_value=len(raw)))]
    elif damage == "splice":
        at = draw(st.integers(min_value=0, max_value=len(raw)))
        raw = raw[:at] + draw(st.binary(min_size=1, max_size=6)) + raw[at:]
    elif damage == "bom":
        raw = b"\xef\xbb\xbf" + raw
    return raw


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def skeleton(folder: Path) -> dict[str, Any]:
    doc = valid_document(folder)
    parse_request(json.dumps(doc).encode())  # the skeleton itself is valid
    return doc


def _one_line(exc: BaseException) -> str:
    text = str(exc)
    assert text and "\n" not in text and "\r" not in text, repr(text)
    text.encode("utf-8")  # printable: no lone surrogate echoed back
    return text


def test_the_model_gives_a_request_or_one_clean_line(skeleton: dict[str, Any]) -> None:
    @settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(raw=raw_bytes(skeleton))
    def check(raw: bytes) -> None:
        try:
            req = parse_request(raw, source="case.json")
        except RequestRefused as exc:
            _one_line(exc)
            return
        assert isinstance(req, IntakeRequest)
        json.dumps(req.model_dump(mode="json"), ensure_ascii=False).encode("utf-8")

    check()


def test_the_cli_entry_gives_a_case_or_one_line_and_exit_2_with_nothing_written(
        folder: Path, skeleton: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> None:
    from clerk.cli import main

    data_dir = tmp_path_factory.mktemp("fuzz-data") / "data"
    state = {"cases": 0}
    outcomes: dict[int, int] = {}

    @settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(raw=raw_bytes(skeleton))
    def check(raw: bytes) -> None:
        path = folder / "case.json"
        path.write_bytes(raw)
        before = holdings(data_dir)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(["intake", str(path), "--data-dir", str(data_dir)])
            except ClerkError as exc:  # main maps every ClerkError itself; one escaping is a bug
                raise AssertionError(f"escaped: {exc!r}") from exc
        after = holdings(data_dir)
        outcomes[code] = outcomes.get(code, 0) + 1
        if code == 0:
            result = json.loads(out.getvalue())
            assert result["outcome"] in ("accepted", "notified")
            state["cases"] += 1
            assert after["cases"] == state["cases"], (before, after)
            return
        assert code == 2, (code, err.getvalue())
        lines = err.getvalue().splitlines()
        assert len(lines) == 1 and lines[0].strip(), err.getvalue()
        assert out.getvalue() == ""
        if before:
            assert after == before, (before, after)  # a refusal writes nothing
        else:
            assert not after or all(v == 0 for v in after.values()), after

    check()
    assert outcomes.get(0, 0) >= 3 and outcomes.get(2, 0) >= 20, outcomes  # both paths exercised
