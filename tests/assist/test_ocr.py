"""The real OCR engine on a couple of generated pages, with the network blocked (kept few: each page ~1-3 s)."""

from __future__ import annotations

import io
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from clerk import samples

HERE = Path(__file__).parent


def _no_network_cmd() -> list[str]:
    """``unshare -n`` (a network namespace with no interfaces) when allowed, plus the socket block."""
    cmd = [sys.executable, str(HERE / "netblock.py")]
    if shutil.which("unshare"):
        probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
        if probe.returncode == 0:
            return ["unshare", "-n", *cmd]
    return cmd


def test_ocr_command_reads_an_id_card_front_offline_and_flags_the_wrong_holder(
        tmp_path: Path, data_dir: Path, clerk_actor: Any) -> None:
    from clerk.context import AppContext

    rng = random.Random("idcard_front:test")
    sample = samples.render("idcard_front", rng)
    page = tmp_path / "father.jpg"
    page.write_bytes(samples.photograph(sample.image, rng, max_angle=4.0))
    ctx = AppContext.open(data_dir)
    try:  # the father on the form is someone else than the holder of the scanned card
        view = ctx.intake.start_draft(clerk_actor, "newborn", {"settle_with": "father"})
        ctx.intake.save_draft(view.case_uuid, form={"father_name": "王小明", "father_id_number": "110101199003071233"})
        case_no = view.case_no
    finally:
        ctx.close()
    r = subprocess.run([*_no_network_cmd(), "ocr", str(page), "--kind", "idcard_front", "--json",
                        "--case", case_no, "--material", "father_id_card", "--data-dir", str(data_dir)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "NETWORK ATTEMPT" not in r.stderr
    doc = json.loads(r.stdout)
    assert doc["kind"] == "idcard_front" and doc["detected_kind"] == "idcard_front"
    assert doc["fields"] == sample.truth
    assert set(doc["confidence"]) == set(doc["fields"]) and all(0 < c <= 1 for c in doc["confidence"].values())
    assert [w["code"] for w in doc["warnings"]] == ["holder_mismatch"]
    offers = {o["field_path"]: o for o in doc["offers"]}
    assert offers["form.father_id_number"]["value"] == sample.truth["id_number"]
    assert offers["form.father_id_number"]["conflict"] is True


def test_ocr_command_refuses_a_file_that_is_not_a_page(tmp_path: Path, data_dir: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("not a picture", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "clerk", "ocr", str(bad), "--kind", "idcard_front", "--json"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1
    assert "不是 PDF 或图片" in r.stderr and "Traceback" not in r.stderr and r.stdout == ""


def test_a_business_licence_page_and_a_blank_page_in_process() -> None:
    from clerk.assist.ocr import engine
    from clerk.assist.reader import extract

    rng = random.Random("business_licence:test")
    sample = samples.render("business_licence", rng)
    jpg = samples.photograph(sample.image, rng, max_angle=3.0)
    e = extract(Image.open(io.BytesIO(jpg)), "business_licence")
    assert e.fields["uscc"] == sample.truth["uscc"]  # checked: a misread would be refused, not offered
    assert e.fields == sample.truth
    blank = Image.new("RGB", (1240, 1754), (250, 250, 248))
    assert extract(blank, "business_licence").fields == {}
    eng = engine()
    assert eng.loaded and eng.rss_loaded_mb > eng.rss_before_mb


def test_importing_the_core_loads_no_ocr_engine() -> None:
    code = ("import sys, clerk, clerk.assist, clerk.cli, clerk.context\n"
            "from clerk.assist import guide\nfrom clerk.catalog import load_catalog_dir\n"
            "guide('上户口', load_catalog_dir())\n"
            "print(sorted(m for m in ('rapidocr_onnxruntime', 'onnxruntime', 'cv2', 'numpy') if m in sys.modules))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


@pytest.mark.parametrize("kind", samples.KINDS)
def test_the_generator_draws_every_kind_with_checked_numbers(kind: str) -> None:
    from clerk.assist.validate import check_id_number, check_uscc

    s = samples.render(kind, random.Random(kind))
    assert s.image.size[0] > 800 and s.truth
    for k, v in s.truth.items():
        if k.endswith("id_number"):
            assert check_id_number(v).value == v
        if k == "uscc":
            assert check_uscc(v).value == v
    jpg = samples.photograph(s.image, random.Random(1), turn=90)
    assert jpg[:3] == b"\xff\xd8\xff"
