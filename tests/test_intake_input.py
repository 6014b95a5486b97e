"""``python -m clerk intake FILE.json`` with bad input: one line naming the field, exit 2, nothing written.

Run in-process through ``clerk.cli.main`` (the same entry as ``python -m clerk``; a few run as real
processes in ``test_intake_replay.py``). "Nothing written" means: for a document the model refuses,
the data dir is not even created; past the model, no case, outbox row, replay record, page-store
file or thumbnail.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from clerk import clock
from clerk.cli import main
from tests.helpers.intake import holdings, nothing_written, open_ctx, valid_document, write_document


@pytest.fixture(autouse=True)
def _monday() -> Iterator[None]:
    clock.set_clock(lambda: dt.datetime(2026, 6, 1, 10, 0, tzinfo=clock.CST))
    yield
    clock.set_clock(None)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys: pytest.CaptureFixture[str], path: Path, data_dir: Path, *extra: str) -> str:
    code, out, err = run(capsys, "intake", str(path), "--data-dir", str(data_dir), *extra)
    assert code == 2, (out, err)
    assert out == "" and err.endswith("\n") and err.count("\n") == 1, err  # exactly one line
    assert "Traceback" not in err
    return err


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        keys = path.split(".")
        target: Any = doc
        for k in keys[:-1]:
            target = target[int(k)] if isinstance(target, list) else target[k]
        last = keys[-1]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value
    return change


MODEL_REFUSALS: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("id_type list", _set("applicant.id_type", ["cn_ric"]), "applicant.id_type"),
    ("delivery string", _set("delivery", "post"), "delivery"),
    ("ticket_no object", _set("ticket_no", {}), "ticket_no"),
    ("superscript id number", _set("applicant.id_number", "¹¹⁰¹⁰⁵¹⁹⁴⁹¹²³¹⁰⁰²X"), "applicant.id_number"),
    ("commitment_signed string", _set("commitment_signed", "false"), "commitment_signed"),
    ("window with newline", _set("window", "W03\n../x"), "window"),
    ("window lower case", _set("window", "w03"), "window"),
    ("operator with newline", _set("operator", "clerk01\nroot"), "operator"),
    ("ticket_no path", _set("ticket_no", "A012/../x"), "ticket_no"),
    ("name with control char", _set("applicant.name", "张\x07三"), "applicant.name"),
    ("name with bidi override", _set("applicant.name", "张三\u202egnp.exe"), "applicant.name"),
    ("name too long", _set("applicant.name", "长" * 10_000), "applicant.name"),
    ("integer deadline", _set("materials.0", {"code": "applicant_id_card", "status": "deferred", "deadline": 20260601}),
     "materials[0].deadline"),
    ("deadline not a date", _set("materials.0", {"code": "applicant_id_card", "status": "deferred", "deadline": "2026-02-30"}),
     "materials[0].deadline"),
    ("deadline on a provided material", _set("materials.0.deadline", "2026-06-10"), "materials[0]"),
    ("materials object", _set("materials", {"code": "x"}), "materials"),
    ("material string", _set("materials.0", "applicant_id_card"), "materials[0]"),
    ("files string", _set("materials.0.files", "scans/a.png"), "materials[0].files"),
    ("status unknown", _set("materials.0.status", "missing"), "materials[0].status"),
    ("form value list", _set("form.occupation", [[["deep"]]]), "form.occupation"),
    ("form value object", _set("form.occupation", {"a": 1}), "form.occupation"),
    ("form key with newline", _set("form.a\nb", 1), "form"),
    ("situations list", _set("situations", ["first"]), "situations"),
    ("situation answer number", _set("situations", {"apply_type": 1}), "situations.apply_type"),
    ("agent string", _set("agent", "张三"), "agent"),
    ("bundle_code number", _set("bundle_code", 7), "bundle_code"),
    ("phone number type", _set("applicant.phone", 13812345678), "applicant.phone"),
    ("applicant missing", lambda d: d.pop("applicant"), "applicant"),
    ("extra key", _set("extra_key", 1), "extra_key"),
    ("case_uuid not a uuid", _set("case_uuid", "../../etc"), "case_uuid"),
    ("idempotency_key too short", _set("idempotency_key", "k"), "idempotency_key"),
    ("duplicate materials", lambda d: d["materials"].append(dict(d["materials"][0])), "重复"),
    ("form number too big", _set("form.occupation", 10**30), "form.occupation"),
]


@pytest.mark.parametrize(("what", "change", "fragment"), MODEL_REFUSALS, ids=[m[0] for m in MODEL_REFUSALS])
def test_the_model_refuses_with_one_line_and_the_data_dir_is_never_created(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], what: str, change: Callable[[dict[str, Any]], None],
        fragment: str) -> None:
    doc = valid_document(tmp_path)
    change(doc)
    data_dir = tmp_path / "data"
    err = refused(capsys, write_document(tmp_path, doc), data_dir)
    assert fragment in err, err
    assert not data_dir.exists()


RAW_REFUSALS: list[tuple[str, bytes, str]] = [
    ("lone surrogate", b'{"bundle_code": "social_security_card", "applicant": {"name": "\\ud800", "id_number": "1"}}',
     "applicant.name"),
    ("lone surrogate in a key", b'{"bundle_code": "a", "form": {"\\udc80": 1}}', "代理字符"),
    ("deep nesting", b"[" * 10_000 + b"]" * 10_000, "嵌套"),
    ("deep but parseable", b'{"form": ' + b"[" * 50 + b"]" * 50 + b"}", "嵌套"),
    ("invalid utf-8", b'{"bundle_code": "\xff\xfe"}', "UTF-8"),
    ("NaN", b'{"bundle_code": "a", "form": {"x": NaN}}', "NaN"),
    ("duplicate key", b'{"bundle_code": "a", "bundle_code": "b"}', "出现了两次"),
    ("top-level list", b"[1, 2]", "顶层"),
    ("empty file", b"", "JSON"),
    ("not json", b"bundle_code = 1", "JSON"),
    ("a 5000-digit number", b'{"form": {"x": ' + b"9" * 5000 + b"}}", "JSON"),
    ("3 MB document", b'{"bundle_code": "' + b"a" * (3 * 1024 * 1024) + b'"}', "MB"),
]


@pytest.mark.parametrize(("what", "raw", "fragment"), RAW_REFUSALS, ids=[r[0] for r in RAW_REFUSALS])
def test_unreadable_documents_are_refused_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        what: str, raw: bytes, fragment: str) -> None:
    path = tmp_path / "case.json"
    path.write_bytes(raw)
    data_dir = tmp_path / "data"
    err = refused(capsys, path, data_dir)
    assert fragment in err, err
    assert not data_dir.exists()


def test_a_directory_or_a_fifo_as_the_document_is_refused_without_blocking(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "case.json"
    folder.mkdir()
    assert "文件夹" in refused(capsys, folder, tmp_path / "data")
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)  # no writer: a blocking open would hang here for ever
    assert "管道" in refused(capsys, fifo, tmp_path / "data")
    assert "不存在" in refused(capsys, tmp_path / "none.json", tmp_path / "data")
    assert not (tmp_path / "data").exists()


def test_a_valid_document_with_a_byte_order_mark_and_full_width_digits_is_taken(
        tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = valid_document(tmp_path)
    number = doc["applicant"]["id_number"]
    doc["applicant"]["id_number"] = number.translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)})  # 全角
    path = tmp_path / "case.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(doc, ensure_ascii=False).encode())
    code, out, err = run(capsys, "intake", str(path), "--data-dir", str(data_dir))
    assert code == 0, err
    result = json.loads(out)
    assert result["outcome"] == "accepted" and "-W03-" in result["case_no"]
    ctx = open_ctx(data_dir)
    try:
        assert ctx.intake.get(result["case_uuid"]).applicant.id_number == number
    finally:
        ctx.close()


# -- refusals that need the catalog: the context is opened, nothing is written -------------------------
def _elevator(tmp_path: Path, **material: Any) -> dict[str, Any]:
    doc = valid_document(tmp_path, "elevator_retrofit", defer=True)
    for m in doc["materials"]:
        if m["code"] == "publicity_report":
            m.update(material)
    return doc


CATALOG_REFUSALS: list[tuple[str, Callable[[Path], dict[str, Any]], str]] = [
    ("deadline in 2000", lambda t: _elevator(t, deadline="2000-01-01"), "materials.publicity_report.deadline"),
    ("deadline today", lambda t: _elevator(t, deadline="2026-06-01"), "应在今天"),
    ("deadline past the deferral period", lambda t: _elevator(t, deadline="2026-07-30"), "10 个工作日"),
    ("deferred without commitment", lambda t: {**_elevator(t), "commitment_signed": False}, "commitment_signed"),
    ("not deferrable", lambda t: {**valid_document(t), "materials": [
        {"code": "applicant_id_card", "status": "deferred"}]}, "materials.applicant_id_card.status"),
    ("unknown bundle", lambda t: {**valid_document(t), "bundle_code": "no_such"}, "bundle_code"),
    ("unknown situation answer", lambda t: {**valid_document(t), "situations": {"apply_type": "martian"}},
     "situations.apply_type"),
    ("bad check digit", lambda t: {**valid_document(t), "applicant": {
        "name": "张三", "id_number": "110105194912310021", "phone": "13812345678"}}, "校验位"),
    ("unknown id_type", lambda t: {**valid_document(t), "applicant": {
        "name": "张三", "id_type": "uscc", "id_number": "x"}}, "applicant.id_type"),
    ("bool field as string", lambda t: {**valid_document(t), "form": {
        **valid_document(t)["form"], "library_reader": "false"}}, "form.library_reader"),
    ("post without address", lambda t: {**valid_document(t), "delivery": {"method": "post"}}, "delivery.address"),
    ("provided without files", lambda t: {**valid_document(t), "materials": [
        {"code": "applicant_id_card", "status": "provided"}]}, "materials.applicant_id_card.files"),
]


@pytest.mark.parametrize(("what", "make", "fragment"), CATALOG_REFUSALS, ids=[c[0] for c in CATALOG_REFUSALS])
def test_catalog_checks_refuse_before_anything_is_written(tmp_path: Path, data_dir: Path,
                                                          capsys: pytest.CaptureFixture[str], what: str,
                                                          make: Callable[[Path], dict[str, Any]], fragment: str) -> None:
    err = refused(capsys, write_document(tmp_path, make(tmp_path)), data_dir)
    assert fragment in err, err
    assert nothing_written(data_dir), holdings(data_dir)


def test_a_deferral_within_the_period_is_taken(tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "intake", str(write_document(tmp_path, _elevator(tmp_path, deadline="2026-06-10"))),
                         "--data-dir", str(data_dir))
    assert code == 0, err
    assert json.loads(out)["outcome"] == "accepted"


def test_a_contact_phone_is_required_before_anything_is_written(
        tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = valid_document(tmp_path, "newborn")  # no phone field in its form: only the applicant's
    doc["applicant"].pop("phone")
    err = refused(capsys, write_document(tmp_path, doc), data_dir)
    assert "applicant.phone" in err
    assert nothing_written(data_dir), holdings(data_dir)


def test_a_failure_after_the_files_are_stored_takes_them_out_again(
        tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure inside the transaction, after the page-store files were written (injected at the
    named point where a test can stop the process): the files are removed, no row remains."""
    from clerk import testpoints
    from clerk.errors import ClerkError

    class Injected(ClerkError):
        pass

    def fail(name: str) -> None:
        if name == "intake.before_commit":
            raise Injected("注入的失败")

    monkeypatch.setattr(testpoints, "reach", fail)
    err = refused(capsys, write_document(tmp_path, valid_document(tmp_path)), data_dir)
    assert "注入的失败" in err
    assert nothing_written(data_dir), holdings(data_dir)


def test_a_full_disk_while_storing_the_files_is_one_line_and_leaves_nothing(
        tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The page store fails on its second write (ENOSPC cannot be made real here): one line, the
    first file taken out again."""
    import errno

    from clerk.materials.pagestore import PageStore

    real = PageStore.put_bytes
    calls: list[int] = []

    def put_bytes(self: PageStore, data: bytes) -> Any:
        calls.append(len(data))
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(PageStore, "put_bytes", put_bytes)
    err = refused(capsys, write_document(tmp_path, valid_document(tmp_path)), data_dir)
    assert "页面库" in err and "No space" in err
    monkeypatch.setattr(PageStore, "put_bytes", real)
    assert nothing_written(data_dir), holdings(data_dir)


# -- files named by the document --------------------------------------------------------------------
def _with_file(tmp_path: Path, rel: str) -> dict[str, Any]:
    doc = valid_document(tmp_path)
    doc["materials"][0]["files"] = [rel]
    return doc


def test_files_outside_the_documents_folder_are_refused_unless_allowed(
        tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case_dir = tmp_path / "case"
    case_dir.mkdir()
    outside = tmp_path / "outside.png"
    doc = valid_document(case_dir)
    outside.write_bytes((case_dir / "scans" / "applicant_id_card.png").read_bytes())
    (case_dir / "scans" / "link.png").symlink_to(outside)
    for rel, fragment in ((str(outside), "绝对路径"), ("../outside.png", ".."), ("scans/link.png", "符号链接")):
        doc["materials"][0]["files"] = [rel]
        err = refused(capsys, write_document(case_dir, doc), data_dir)
        assert "materials.applicant_id_card.files[0]" in err and fragment in err, err
        assert nothing_written(data_dir)
    doc["materials"][0]["files"] = [str(outside)]
    code, out, err = run(capsys, "intake", str(write_document(case_dir, doc)), "--data-dir", str(data_dir),
                         "--allow-files-anywhere")
    assert code == 0, err


def test_a_fifo_a_truncated_jpeg_and_a_renamed_executable_among_the_files(
        tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from clerk.demo import scan_image

    scans = tmp_path / "scans"
    scans.mkdir()
    os.mkfifo(scans / "fifo.png")
    jpeg = scan_image("身份证", dpi=30, fmt="JPEG")
    (scans / "cut.jpg").write_bytes(jpeg[: len(jpeg) // 2])
    (scans / "evil.pdf").write_bytes(b"MZ\x90\x00" + b"\x00" * 200)
    doc = valid_document(tmp_path)
    doc["materials"][0]["files"] = ["scans/fifo.png", "scans/cut.jpg", "scans/evil.pdf"]
    err = refused(capsys, write_document(tmp_path, doc), data_dir)
    assert "files[0]" in err and "管道" in err
    assert "files[1]" in err and "截断" in err
    assert "files[2]" in err and "可执行程序" in err
    assert nothing_written(data_dir), holdings(data_dir)


def test_cli_intake_stores_cleaned_images_and_uploads_no_appended_data(
        tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same gate as the UI import: a JPEG with a ZIP appended goes into the page store and the
    upload PDF without the ZIP (CLI intake used to send original files unchanged)."""
    from clerk.demo import scan_image

    jpeg = scan_image("身份证", dpi=30, fmt="JPEG")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("x.txt", "hidden " * 100)
    doc = valid_document(tmp_path)
    (tmp_path / "scans" / "id.jpg").write_bytes(jpeg + archive.getvalue())
    doc["materials"][0]["files"] = ["scans/id.jpg"]
    code, out, err = run(capsys, "intake", str(write_document(tmp_path, doc)), "--data-dir", str(data_dir))
    assert code == 0, err
    ctx = open_ctx(data_dir)
    try:
        view = ctx.intake.get(json.loads(out)["case_uuid"])
        upload = view.materials[0].files
        assert len(upload) == 1 and upload[0].media_type == "application/pdf"
        pdf = ctx.pages.read(upload[0].sha256)
        assert b"PK\x03\x04" not in pdf and jpeg in pdf
        for sha in ctx.pages.all_hashes():
            assert b"PK\x03\x04" not in ctx.pages.read(sha)
        pages = ctx.materials.list_pages(view.case_uuid, view.materials[0].code)
        assert [p.media_type for p in pages] == ["image/jpeg"]
        assert ctx.materials.thumbnail(pages[0]).startswith(b"\x89PNG")
    finally:
        ctx.close()
