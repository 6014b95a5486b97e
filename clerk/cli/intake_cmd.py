"""``intake FILE.json`` and ``search TEXT``: take a case in, find cases."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from clerk.catalog.merge import SituationError, merge
from clerk.cli import CliError, add_data_dir, open_context
from clerk.intake.model import CASE_STATUS_LABELS, MaterialStatus
from clerk.intake.search import CaseQuery
from clerk.intake.validation import Problems, ValidationFailed, check_form, check_person
from clerk.materials.sniff import FileProblem, inspect_file
from clerk.security.actor import Actor, Role

TOP_KEYS = {"bundle_code", "situations", "applicant", "agent", "form", "materials", "delivery", "operator", "window",
            "ticket_no", "commitment_signed"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("intake", help="take a case in from a JSON file (accept, or one-time notice)")
    add_data_dir(p)
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_intake)
    s = sub.add_parser("search", help="find cases by number, name, pinyin initials, ID number or phone")
    add_data_dir(s)
    s.add_argument("text")
    from clerk.intake.model import CaseStatus

    s.add_argument("--status", action="append", default=[], choices=[c.value for c in CaseStatus], metavar="STATUS",
                   help="only cases in this status (repeatable): " + ", ".join(c.value for c in CaseStatus))
    s.add_argument("--from", dest="date_from", type=dt.date.fromisoformat)
    s.add_argument("--to", dest="date_to", type=dt.date.fromisoformat)
    s.add_argument("--limit", type=int, default=20)
    s.add_argument("--offset", type=int, default=0)
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=cmd_search)


def _problem_lines(problems: Problems) -> list[str]:
    return [f"{k}: {v}" for k, v in problems.items()]


def load_intake_file(path: Path) -> dict[str, Any]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CliError(f"{path}: 文件不存在") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CliError(f"{path}: 不是有效的 UTF-8 JSON（{exc}）") from exc
    if not isinstance(doc, dict):
        raise CliError(f"{path}: 顶层应为一个对象")
    return doc


def precheck(ctx: Any, doc: dict[str, Any], base: Path) -> tuple[Problems, dict[str, list[tuple[Path, Any]]]]:
    """Every problem of an intake document at once, before anything is written."""
    problems: Problems = {}
    for k in doc:
        if k not in TOP_KEYS:
            problems[k] = "不认识的项目"
    code = doc.get("bundle_code")
    try:
        bundle = ctx.catalog.bundle(code) if isinstance(code, str) else None
    except KeyError:
        bundle = None
    if bundle is None:
        problems["bundle_code"] = f"事项目录中没有一件事 {code!r}"
        return problems, {}
    situations = doc.get("situations") or {}
    if not isinstance(situations, dict):
        problems["situations"] = "应为 {情形: 选项}"
        return problems, {}
    try:
        merged = merge(bundle, situations)
    except SituationError as exc:
        problems.update({f"situations.{k}": v for k, v in exc.problems.items()})
        return problems, {}
    kinds = tuple(k.value for k in bundle.applicant_kinds)
    _, p = check_person(doc.get("applicant"), "applicant", kinds=kinds)
    problems.update(p)
    if doc.get("agent") is not None:
        _, p = check_person(doc.get("agent"), "agent", kinds=("person",))
        problems.update(p)
    form = doc.get("form") or {}
    if not isinstance(form, dict):
        problems["form"] = "应为 {字段: 值}"
    else:
        _, p = check_form(merged, form)
        problems.update(p)
    files: dict[str, list[tuple[Path, Any]]] = {}
    mats = doc.get("materials") or []
    if not isinstance(mats, list):
        problems["materials"] = "应为一个列表"
        mats = []
    by_code = {m.code: m for m in merged.materials}
    for i, m in enumerate(mats):
        where = f"materials[{i}]"
        if not isinstance(m, dict) or not isinstance(m.get("code"), str):
            problems[where] = "应为 {code, status, deadline, files}"
            continue
        mm = by_code.get(m["code"])
        where = f"materials.{m['code']}"
        if mm is None:
            problems[where] = "本件事（在所选情形下）的材料清单中没有这一项"
            continue
        try:
            status = MaterialStatus(m.get("status", "provided"))
        except ValueError:
            problems[where + ".status"] = "状态应为 provided、deferred、e_license、not_required 之一"
            continue
        if status is MaterialStatus.DEFERRED and not mm.deferrable:
            problems[where + ".status"] = f"“{mm.name}”不在容缺受理范围内"
        if status is MaterialStatus.E_LICENSE and not mm.e_license:
            problems[where + ".status"] = f"“{mm.name}”不能电子证照免提交"
        if status is MaterialStatus.NOT_REQUIRED and mm.required:
            problems[where + ".status"] = f"“{mm.name}”是必需材料"
        if m.get("deadline") is not None:
            try:
                dt.date.fromisoformat(str(m["deadline"]))
            except ValueError:
                problems[where + ".deadline"] = "日期应写成 YYYY-MM-DD"
        paths = m.get("files") or []
        if status is MaterialStatus.PROVIDED and not paths:
            problems[where + ".files"] = f"“{mm.name}”标为已提交，须附文件"
        for j, rel in enumerate(paths if isinstance(paths, list) else []):
            fp = (base / str(rel)).resolve()
            try:
                info = inspect_file(fp, [t.value for t in mm.file_types], mm.max_size_mb)
            except FileProblem as exc:
                problems[f"{where}.files[{j}]"] = str(exc)
                continue
            files.setdefault(m["code"], []).append((fp, info))
    return problems, files


def cmd_intake(args: argparse.Namespace) -> int:
    doc = load_intake_file(args.file)
    ctx = open_context(args)
    try:
        problems, files = precheck(ctx, doc, args.file.resolve().parent)
        if problems:
            raise CliError(*_problem_lines(problems))
        actor = Actor(str(doc.get("operator") or "cli"), roles=(Role.CLERK,), window=str(doc.get("window") or ctx.settings.window))
        svc = ctx.intake
        view = svc.start_draft(actor, doc["bundle_code"], doc.get("situations") or {}, ticket_no=doc.get("ticket_no"))
        try:
            svc.save_draft(view.case_uuid, applicant=doc["applicant"], agent=doc.get("agent"), form=doc.get("form") or {},
                           delivery=doc.get("delivery") or {"method": "window"})
            from clerk.intake.model import FileRef

            for m in doc.get("materials") or []:
                code = m["code"]
                status = MaterialStatus(m.get("status", "provided"))
                if status is MaterialStatus.PROVIDED:
                    refs = []
                    for fp, info in files.get(code, []):
                        blob = ctx.pages.put_file(fp)
                        refs.append((FileRef(sha256=blob.sha256, size=blob.size, media_type=info.media_type, pages=info.pages), fp.name))
                    svc.attach_files(view.case_uuid, code, refs)
                else:
                    deadline = dt.date.fromisoformat(m["deadline"]) if m.get("deadline") else None
                    svc.set_material(view.case_uuid, code, status, deadline=deadline)
            missing = [m.code for m in svc.get(view.case_uuid).missing]
            if missing:
                result = svc.notify(actor, view.case_uuid)
                outcome = "notified"
            else:
                result = svc.accept(actor, view.case_uuid, commitment_signed=bool(doc.get("commitment_signed", True)))
                outcome = "accepted"
        except ValidationFailed as exc:
            svc.discard_draft(actor, view.case_uuid)
            raise CliError(*_problem_lines(exc.problems)) from exc
        except BaseException:
            svc.discard_draft(actor, view.case_uuid)
            raise
        print(json.dumps({
            "case_no": result.case_no, "case_uuid": result.case_uuid, "outcome": outcome,
            "due_date": result.due_date.isoformat() if result.due_date else None,
            "return_by": result.return_by.isoformat() if result.return_by else None,
            "missing": missing,
        }, ensure_ascii=False))
        return 0
    finally:
        ctx.close()


def cmd_search(args: argparse.Namespace) -> int:
    ctx = open_context(args, read_only=True)
    try:
        q = CaseQuery(args.text, tuple(args.status), args.date_from, args.date_to, max(1, min(args.limit, 500)), max(0, args.offset))
        items, total = ctx.intake.search(q)
    finally:
        ctx.close()
    if args.json:
        print(json.dumps({"total": total, "items": [
            {"case_no": c.case_no, "case_uuid": c.case_uuid, "status": c.status.value, "bundle_code": c.bundle_code,
             "applicant_name": c.applicant_name, "created_at": c.created_at.isoformat(),
             "due_date": c.due_date.isoformat() if c.due_date else None}
            for c in items]}, ensure_ascii=False))
        return 0
    from clerk.security.masking import mask_id

    for c in items:
        print(f"{c.case_no}\t{CASE_STATUS_LABELS[c.status.value]}\t{c.applicant_name}\t{mask_id(c.applicant_id_number)}\t{c.bundle_code}")
    print(f"共 {total} 件", file=sys.stderr)
    return 0
