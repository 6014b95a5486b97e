"""``python -m clerk`` as a person runs it: real processes, real data dir, no Qt loaded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from clerk.demo import DemoPeople, scan_image


def clerk(*args: str, data_dir: Path | None = None, check: bool = False) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "clerk", *args]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if check:
        assert r.returncode == 0, r.stderr
    return r


def test_catalog_list_and_show(data_dir: Path) -> None:
    r = clerk("catalog", "list", data_dir=data_dir, check=True)
    lines = dict(line.split("\t") for line in r.stdout.splitlines())
    for code in ("newborn", "enterprise_info_change", "transport_company_opening", "restaurant_opening", "credit_repair",
                 "utility_joint_installation", "school_enrollment", "social_security_card", "disability_services",
                 "retirement", "enterprise_deregistration", "after_death"):
        assert code in lines
    assert lines["newborn"] == "新生儿出生一件事"
    r = clerk("catalog", "show", "newborn", "--answer", "settle_with=father", "--json", data_dir=data_dir, check=True)
    doc = json.loads(r.stdout)
    assert {"code", "name", "situations", "fields", "materials", "matters", "time_limit_days"} <= set(doc)
    assert {"code", "name", "national_code", "time_limit_days"} <= set(doc["matters"][0])
    assert {"code", "label", "type", "required", "options"} <= set(doc["fields"][0]) <= {
        "code", "label", "type", "required", "options", "person", "person_field"}
    assert {"code", "name", "required", "deferrable", "e_license", "matters"} <= set(doc["materials"][0])
    assert "father_hukou_booklet" in {m["code"] for m in doc["materials"]}
    r = clerk("catalog", "show", "newborn", "--answer", "settle_with=uncle", "--json", data_dir=data_dir)
    assert r.returncode == 2 and "settle_with" in r.stderr and "Traceback" not in r.stderr
    r = clerk("catalog", "show", "nothing", data_dir=data_dir)
    assert r.returncode == 2 and "nothing" in r.stderr


def test_catalog_check(tmp_path: Path) -> None:
    r = clerk("catalog", "check", check=True)
    assert "目录有效" in r.stdout
    bad = tmp_path / "cat" / "bundles"
    bad.mkdir(parents=True)
    (bad / "x.yaml").write_text("code: y\nname: 错\nmatters: []\n", encoding="utf-8")
    (bad / "z.yaml").write_text(": : :\n", encoding="utf-8")
    r = clerk("catalog", "check", str(tmp_path / "cat"))
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) >= 2 and "x.yaml" in r.stderr and "z.yaml" in r.stderr


def _intake_file(tmp_path: Path, **changes: Any) -> Path:
    people = DemoPeople(5)
    (tmp_path / "scans").mkdir(exist_ok=True)
    pdf_like = tmp_path / "scans" / "birth.png"
    pdf_like.write_bytes(scan_image("出生医学证明", dpi=20))
    doc: dict[str, Any] = {
        "bundle_code": "social_security_card",
        "situations": {},
        "applicant": people.person(),
        "agent": None,
        "form": {},
        "materials": [],
        "delivery": {"method": "window"},
        "operator": "clerk01",
        "window": "W03",
    }
    doc.update(changes)
    f = tmp_path / "case.json"
    f.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return f


def _complete_document(tmp_path: Path, data_dir: Path) -> dict[str, Any]:
    shown = json.loads(clerk("catalog", "show", "social_security_card", "--json", data_dir=data_dir, check=True).stdout)
    from clerk.catalog import merge
    from clerk.catalog.loader import load_catalog_dir
    from clerk.demo import fill_form

    people = DemoPeople(9)
    merged = merge(load_catalog_dir().bundle("social_security_card"), {})
    form = fill_form(merged, people.rng, people)
    for f in merged.fields:
        if isinstance(form[f.code], bool) or f.type.value == "date":
            continue
    scans = tmp_path / "scans"
    scans.mkdir(exist_ok=True)
    mats = []
    for m in shown["materials"]:
        p = scans / f"{m['code']}.png"
        p.write_bytes(scan_image(m["name"], dpi=20))
        mats.append({"code": m["code"], "status": "provided", "files": [f"scans/{p.name}"]})
    applicant = people.person()
    return {"form": form, "materials": mats, "applicant": applicant}


def test_intake_accepts_a_complete_case(tmp_path: Path, data_dir: Path) -> None:
    parts = _complete_document(tmp_path, data_dir)
    f = _intake_file(tmp_path, **parts)
    r = clerk("intake", str(f), data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["outcome"] == "accepted" and out["missing"] == [] and out["due_date"]
    assert out["case_no"].startswith("230102-") and "-W03-" in out["case_no"]
    found = json.loads(clerk("search", out["case_no"], "--json", data_dir=data_dir, check=True).stdout)
    assert found["total"] == 1 and found["items"][0]["status"] == "accepted"


def test_intake_with_a_missing_material_gives_a_notice(tmp_path: Path, data_dir: Path) -> None:
    parts = _complete_document(tmp_path, data_dir)
    dropped = parts["materials"].pop(0)["code"]
    f = _intake_file(tmp_path, **parts)
    out = json.loads(clerk("intake", str(f), data_dir=data_dir, check=True).stdout)
    assert out["outcome"] == "notified" and dropped in out["missing"]


def _count_cases(data_dir: Path) -> int:
    """Cases in the cache, drafts included (read through the CLI: the cache may be encrypted). No cache
    at all (an intake refused before it opened the data dir): none, and the search says so in one line."""
    if not (data_dir / "cache.sqlite3").exists():
        r = clerk("search", "", "--json", data_dir=data_dir)
        assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and not (data_dir / "cache.sqlite3").exists()
        return 0
    r = clerk("search", "", "--json", data_dir=data_dir, check=True)
    return int(json.loads(r.stdout)["total"])


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"bundle_code": "no_such"}, "bundle_code"),
        ({"applicant": {"kind": "person", "name": "张三", "id_type": "cn_ric", "id_number": "110105194912310021"}}, "校验位"),
        ({"applicant": {"kind": "person", "name": "张三", "id_type": "cn_ric", "id_number": "11010519491331002X"}}, "出生日期"),
        ({"applicant": {"kind": "person", "name": "长" * 10_000, "id_type": "cn_ric", "id_number": "11010519491231002X"}}, "太长"),
        ({"form": {"no_such_field": 1}}, "form.no_such_field"),
        ({"form": {"apply_date": "2026-13-45"}}, ""),
        ({"materials": [{"code": "nope", "status": "provided", "files": []}]}, "materials.nope"),
        ({"materials": [{"code": "id_card", "status": "provided", "files": ["scans/missing.pdf"]}]}, ""),
        ({"situations": {"apply_type": "martian"}}, "situations.apply_type"),
        ({"extra_key": 1}, "extra_key"),
    ],
)
def test_bad_input_exits_2_names_the_field_and_writes_nothing(tmp_path: Path, data_dir: Path, change: dict[str, Any], fragment: str) -> None:
    f = _intake_file(tmp_path, **change)
    r = clerk("intake", str(f), data_dir=data_dir)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr and r.stderr.strip()
    assert fragment in r.stderr
    assert _count_cases(data_dir) == 0


def test_files_that_are_not_what_they_say_are_refused(tmp_path: Path, data_dir: Path) -> None:
    parts = _complete_document(tmp_path, data_dir)
    code = parts["materials"][0]["code"]
    fake = tmp_path / "scans" / "evil.pdf"
    fake.write_bytes(b"MZ\x90\x00" + b"\x00" * 200)
    empty = tmp_path / "scans" / "empty.png"
    empty.write_bytes(b"")
    parts["materials"][0]["files"] = ["scans/evil.pdf", "scans/empty.png"]
    f = _intake_file(tmp_path, **parts)
    r = clerk("intake", str(f), data_dir=data_dir)
    assert r.returncode == 2
    assert "evil.pdf" in r.stderr and "可执行程序" in r.stderr
    assert "empty.png" in r.stderr and "空文件" in r.stderr
    assert f"materials.{code}.files[0]" in r.stderr
    assert _count_cases(data_dir) == 0


def test_unreadable_json(tmp_path: Path, data_dir: Path) -> None:
    f = tmp_path / "bad.json"
    f.write_bytes(b"{\xff")
    r = clerk("intake", str(f), data_dir=data_dir)
    assert r.returncode == 2 and "JSON" in r.stderr
    r = clerk("intake", str(tmp_path / "none.json"), data_dir=data_dir)
    assert r.returncode == 2 and "不存在" in r.stderr


def test_demo_data_and_search(data_dir: Path) -> None:
    r = clerk("demo-data", "--cases", "12", data_dir=data_dir, check=True)
    assert json.loads(r.stdout)["cases"] == 12
    assert _count_cases(data_dir) == 12
    r = clerk("search", "", "--json", "--limit", "5", data_dir=data_dir, check=True)
    out = json.loads(r.stdout)
    assert out["total"] == 12 and len(out["items"]) == 5


def test_no_qt_is_loaded_by_the_cli(data_dir: Path) -> None:
    code = "import sys, clerk.cli as c; c.main(['catalog','list','--data-dir',sys.argv[1]]); print('PySide6' in sys.modules)"
    r = subprocess.run([sys.executable, "-c", code, str(data_dir)], capture_output=True, text=True, timeout=60)
    assert r.stdout.strip().endswith("False")
