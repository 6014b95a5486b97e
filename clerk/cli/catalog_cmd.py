"""``catalog list|show|check``: the 一件事 catalog from the command line."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from clerk.catalog.loader import CatalogError, load_catalog_dir
from clerk.catalog.merge import MatterChoiceError, SituationError, merge
from clerk.catalog.schema import SCHEMA_VERSION
from clerk.cli import CliError, add_data_dir


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("catalog", help="一件事目录 / the bundle catalog")
    csub = p.add_subparsers(dest="catalog_command", required=True, metavar="ACTION")
    lp = csub.add_parser("list", help="one line per bundle: code<TAB>name")
    add_data_dir(lp)
    lp.set_defaults(handler=cmd_list)
    sp = csub.add_parser("show", help="the merged form and checklist of a bundle")
    add_data_dir(sp)
    sp.add_argument("code")
    sp.add_argument("--answer", action="append", default=[], metavar="SITUATION=OPTION")
    sp.add_argument("--matters", default=None, metavar="CODE,CODE",
                    help="the chosen matters (单办/联办; default: every matter the answers switch on)")
    sp.add_argument("--json", action="store_true", help="JSON output (the default is a readable listing)")
    sp.set_defaults(handler=cmd_show)
    cp = csub.add_parser("check", help="validate a catalog directory (default: the shipped forms/)")
    cp.add_argument("path", nargs="?", type=Path)
    cp.set_defaults(handler=cmd_check)


def cmd_list(args: argparse.Namespace) -> int:
    from clerk.context import workstation_catalog

    for b in workstation_catalog(args.data_dir).bundles:
        print(f"{b.code}\t{b.name}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    answers: dict[str, str] = {}
    for a in args.answer:
        if "=" not in a:
            raise CliError(f"--answer {a!r}: 应写成 情形=选项，如 settle_with=father")
        k, v = a.split("=", 1)
        answers[k.strip()] = v.strip()
    from clerk.context import workstation_catalog

    multi: dict[str, object] = {}
    chosen = [c.strip() for c in args.matters.split(",") if c.strip()] if args.matters is not None else None
    try:
        bundle = workstation_catalog(args.data_dir).bundle(args.code)
    except KeyError:
        raise CliError(f"目录中没有一件事 {args.code!r}（python -m clerk catalog list 列出全部）") from None
    for s in bundle.situations:  # a multiple-choice answer is written a+b
        if s.multiple and s.code in answers:
            multi[s.code] = [v for v in answers[s.code].split("+") if v]
    try:
        merged = merge(bundle, {**answers, **multi}, chosen)
    except SituationError as exc:
        raise CliError(*(f"{k}: {v}" for k, v in exc.problems.items())) from exc
    except MatterChoiceError as exc:
        raise CliError(f"matters: {exc.message}") from exc
    if args.json:
        print(json.dumps(merged.as_json(), ensure_ascii=False, indent=2))
        return 0
    days = merged.matter_days
    print(f"{bundle.name}（{bundle.code}）  {'联办' if merged.joint else '单独办理'}，"
          f"时限 {merged.time_limit_days} 个工作日（按事项先后顺序累计）")
    for m in merged.matters:
        names = {x.code: x.name for x in merged.matters}
        before = [names[d] for d in m.depends_on if d in days]
        after = f"，在{'、'.join(before)}之后" if before else ""
        print(f"  事项 {m.name}（{m.code}，编码 {m.national_code or '—'}）— {m.department}，"
              f"{m.time_limit_days} 个工作日{after}，第 {days[m.code]} 个工作日办结")
    for c in bundle.conditions:
        print(f"  条件 {c.label}：{c.message}")
    print("表单：")
    for f in merged.fields:
        print(f"  {'*' if f.required else ' '} {f.label}（{f.code}，{f.type.value}）")
    print("材料：")
    for mm in merged.materials:
        flags = "".join([" 可容缺" if mm.deferrable else "", " 免提交" if mm.e_license else ""])
        print(f"  {'*' if mm.required else ' '} {mm.name}（{mm.code}）{flags}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Problems: one per line on stderr, exit 2. A valid catalog with schema 1 files: exit 0, and one
    line per thing to add to each of them (``upgrade_notes``) before the summary."""
    notes: list[str] = []
    try:
        catalog = load_catalog_dir(args.path, thorough=True, notes=notes)
    except CatalogError as exc:
        raise CliError(*exc.problems) from exc
    for line in notes:
        print(line)
    old = sum(1 for b in catalog.bundles if b.schema_version < SCHEMA_VERSION)
    tail = f"；其中 {old} 个文件仍为旧版格式，需更新的内容见上" if old else ""
    print(f"目录有效：{len(catalog.bundles)} 件事，版本 {catalog.version}{tail}")
    return 0
