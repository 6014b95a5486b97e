"""The CLI with matters as the unit: a case JSON's ``"matters"`` (单办), the eligibility refusal in one
line with 单独办理 (exit 2, nothing written), and ``case show --json`` with each matter's status."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from clerk.cli import main
from tests.helpers.intake import valid_document


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _write(tmp_path: Path, doc: dict[str, Any], name: str = "case.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_an_ineligible_bundle_is_refused_in_one_line_offering_the_matters_alone(
        tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = valid_document(tmp_path, "newborn")
    doc["form"]["birth_date"] = (dt.date.today() - dt.timedelta(days=500)).isoformat()  # over one year old
    code, out, err = _run(capsys, "intake", str(_write(tmp_path, doc)), "--data-dir", str(data_dir))
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "单独办理" in err and "一周岁" in err
    code, out, _ = _run(capsys, "search", "", "--json", "--data-dir", str(data_dir))
    assert code != 0 or json.loads(out)["total"] == 0  # nothing written (maybe no cache at all)


def test_one_matter_taken_alone_and_shown_with_its_national_code(
        tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = valid_document(tmp_path, "newborn")
    doc["form"]["birth_date"] = (dt.date.today() - dt.timedelta(days=500)).isoformat()  # 联办 refused, 单办 fine
    doc["matters"] = ["vaccination_certificate"]
    code, out, err = _run(capsys, "intake", str(_write(tmp_path, doc)), "--data-dir", str(data_dir))
    assert code == 0, err
    case_no = json.loads(out)["case_no"]
    code, out, _ = _run(capsys, "case", "show", case_no, "--json", "--data-dir", str(data_dir))
    shown = json.loads(out)
    assert code == 0 and [m["code"] for m in shown["matters"]] == ["vaccination_certificate"]
    assert shown["matters"][0]["national_code"] == "990101000003" and shown["matters"][0]["status"] == "accepted"
    assert shown["due_date"] == shown["matters"][0]["due_date"]
    code, out, err = _run(capsys, "case", "show", "230102-20990101-W01-0001", "--data-dir", str(data_dir))
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1


def test_an_unknown_or_unaccompanied_matter_is_refused(tmp_path: Path, data_dir: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    doc = valid_document(tmp_path, "newborn")
    doc["matters"] = ["no_such_matter"]
    code, _, err = _run(capsys, "intake", str(_write(tmp_path, doc)), "--data-dir", str(data_dir))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "no_such_matter" in err
