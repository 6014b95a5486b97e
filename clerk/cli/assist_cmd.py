"""``ocr``, ``guide`` and ``ask``: the offline assist from the command line (no Qt, no network).

``ocr FILE --kind K --json`` reads one page; with ``--case CASE_NO --material CODE`` it also lists
the prefill offers and cross-check warnings for that material of that case. ``guide "TEXT"``
suggests bundles; ``ask "QUESTION" [--bundle CODE]`` answers from the catalog's own texts.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from clerk.cli import CliError, add_data_dir, open_context

KIND_CHOICES = ("idcard_front", "idcard_back", "business_licence", "hukou_page", "birth_certificate")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    o = sub.add_parser("ocr", help="识别证照 / read an ID card, licence, 户口簿 or 出生医学证明 page (offline)")
    add_data_dir(o)
    o.add_argument("file", type=Path, metavar="FILE", help="an image (JPEG, PNG, TIFF) or PDF (first page)")
    o.add_argument("--kind", choices=KIND_CHOICES, default=None, help="document kind (default: from its printed words)")
    o.add_argument("--page", type=int, default=1, help="page of a PDF or multi-page TIFF (default 1)")
    o.add_argument("--case", metavar="CASE_NO", default=None, help="also offer values and cross-check against this case")
    o.add_argument("--material", metavar="CODE", default=None, help="the material of --case the page belongs to")
    o.add_argument("--json", action="store_true", help="JSON output")
    o.set_defaults(handler=cmd_ocr)

    g = sub.add_parser("guide", help="智能导办 / which bundle fits what the applicant says")
    add_data_dir(g)
    g.add_argument("text", metavar="TEXT")
    g.add_argument("--limit", type=int, default=5)
    g.add_argument("--json", action="store_true", help="JSON output")
    g.set_defaults(handler=cmd_guide)

    a = sub.add_parser("ask", help="窗口助手 / answers from the catalog's own texts, with their sources")
    add_data_dir(a)
    a.add_argument("question", metavar="QUESTION")
    a.add_argument("--bundle", metavar="CODE", default=None, help="only this bundle's texts")
    a.add_argument("--limit", type=int, default=5)
    a.add_argument("--json", action="store_true", help="JSON output")
    a.set_defaults(handler=cmd_ask)


def cmd_ocr(args: argparse.Namespace) -> int:
    from clerk.assist.ocr import load_page
    from clerk.assist.reader import FIELD_LABELS, KIND_LABELS, extract

    if (args.case is None) != (args.material is None):
        raise CliError("--case 和 --material 须同时给出")
    if args.page < 1:
        raise CliError("--page 从 1 开始")
    image = load_page(args.file, args.page - 1)  # not an image or PDF → FileProblem: one line, exit 2
    result = extract(image, args.kind)
    doc: dict[str, Any] = result.as_json()
    if args.case is not None:
        doc.update(_case_checks(args, result))
    if args.json:
        print(json.dumps(doc, ensure_ascii=False, indent=2))
        return 0
    print(f"{KIND_LABELS.get(result.kind, '未识别的证照')}（{result.kind}）")
    if not result.fields:
        print("  未识别到任何字段")
    for k, v in result.fields.items():
        print(f"  {FIELD_LABELS.get(k, k)}：{v}  （置信度 {result.confidence[k]:.2f}）")
    for k, why in result.refused.items():
        print(f"  {FIELD_LABELS.get(k, k)}：未采用 — {why}")
    for w in doc.get("warnings", []):
        print(f"  ⚠ {w['message']}")
    for offer in doc.get("offers", []):
        mark = f"（现为“{offer['current_value']}”）" if offer["conflict"] else ""
        print(f"  → {offer['label']}：{offer['value']}{mark}")
    return 0


def _case_checks(args: argparse.Namespace, result: Any) -> dict[str, Any]:
    from clerk.assist.checks import cross_check, prefill_offers

    ctx = open_context(args)
    try:
        case = ctx.intake.get_by_no(args.case)
        if args.material not in {m.code for m in case.materials}:
            raise CliError(f"案件 {case.case_no} 没有材料 {args.material!r}：" + "、".join(m.code for m in case.materials))
        offers = prefill_offers(case, args.material, result, ctx.catalog)
        warnings = cross_check(case, args.material, result)
    finally:
        ctx.close()
    return {"offers": [o.as_json() for o in offers], "warnings": [w.as_json() for w in warnings]}


def cmd_guide(args: argparse.Namespace) -> int:
    from clerk.assist.guide import guide

    ctx = open_context(args)
    try:
        suggestions = guide(args.text, ctx.catalog, args.limit)
    finally:
        ctx.close()
    if args.json:
        print(json.dumps({"suggestions": [s.as_json() for s in suggestions]}, ensure_ascii=False, indent=2))
        return 0
    if not suggestions:
        print("没有找到合适的一件事，请换个说法或从目录中选择")
    for s in suggestions:
        answers = "，".join(f"{k}={v}" for k, v in s.answers.items())
        print(f"{s.score:.2f}\t{s.bundle_code}\t{s.bundle_name}" + (f"\t{answers}" if answers else ""))
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    from clerk.assist.assistant import ask

    ctx = open_context(args)
    try:
        try:
            answers = ask(args.question, ctx.catalog, args.bundle, args.limit)
        except KeyError:
            raise CliError(f"目录中没有一件事 {args.bundle!r}（python -m clerk catalog list 列出全部）") from None
    finally:
        ctx.close()
    if args.json:
        print(json.dumps({"answers": [a.as_json() for a in answers]}, ensure_ascii=False, indent=2))
        return 0
    if not answers:
        print("目录中没有回答这个问题的内容")
    for a in answers:
        src = " / ".join(v for v in a.source.as_json().values())
        print(f"{a.text}\n    —— {src}")
    return 0
