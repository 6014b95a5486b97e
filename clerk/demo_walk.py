"""The headless demo: one applicant's newborn bundle taken in and accepted, and where the data went."""

from __future__ import annotations

import json
from pathlib import Path

from clerk.context import AppContext
from clerk.demo import DemoPeople, take_demo_case
from clerk.intake.model import MATERIAL_STATUS_LABELS
from clerk.security.actor import Actor, Role
from clerk.store.models import OutboxRow

DEMO_IN_CLEAR = "演示模式：数据以明文（不加密）保存在 {dir}，请勿录入真实的个人信息 / demo mode: stored in clear, no real personal data"
"""The first line of every demo (the CLI walk-through and ``main.py --demo``)."""


def run(data_dir: Path, *, with_server: bool = True) -> int:
    from clerk.security.keys import key_for

    ctx = AppContext.open(data_dir, key_for=lambda d: key_for(d, plain_new=True))  # a new demo cache is plain
    try:
        if not ctx.store.encrypted:
            print(DEMO_IN_CLEAR.format(dir=ctx.paths.data_dir))
        actor = Actor("demo", "演示窗口", (Role.CLERK,), window=ctx.settings.window)
        people = DemoPeople(2026)
        print(f"数据目录 / data dir: {ctx.paths.data_dir}")
        print(f"目录 / catalog: {len(ctx.catalog.bundles)} 件事, version {ctx.catalog.version}")
        view = take_demo_case(ctx, actor, people, "newborn", answers={"settle_with": "father"})
        print(f"\n受理 / accepted: {view.case_no}  ({view.bundle_name})")
        print(f"  申请人 / applicant: {view.applicant.name}  {view.applicant.id_number[:4]}**********{view.applicant.id_number[-4:]}")
        print(f"  法定办结日期 / legal due date: {view.due_date}  (工作日计算，含节假日与调休)")
        for m in view.materials:
            extra = f" 截止 {m.deadline}" if m.deadline else ""
            print(f"  - {m.name}: {MATERIAL_STATUS_LABELS[m.status.value]}{extra}  {m.pages} 页")
        with ctx.store.read() as s:
            box = s.query(OutboxRow).filter_by(case_uuid=view.case_uuid).one()
        print("\n数据去向 / where the data went:")
        print(f"  本地缓存 / local cache (SQLite, WAL): {ctx.paths.db}")
        print(f"  材料文件 / page store (sha256): {ctx.paths.pages}")
        print(f"  待同步 / outbox row #{box.id} kind={box.kind} key={box.idempotency_key} state={box.state}")
        _extras(ctx, view, with_server)
    finally:
        ctx.close()
    return 0


def _extras(ctx: AppContext, view: object, with_server: bool) -> None:
    """Printing and sync, when those components are installed (they register as plugins)."""
    from clerk import plugins

    for name, hook in plugins.demo_hooks():
        try:
            for line in hook(ctx, view, with_server=with_server):
                print(f"  {line}")
        except Exception as exc:  # a demo step that fails is reported, the walk goes on
            print(f"  {name}: {exc}")
    print(json.dumps({"case_no": getattr(view, "case_no", "")}, ensure_ascii=False))
