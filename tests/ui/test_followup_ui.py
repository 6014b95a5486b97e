"""Follow-up screens through their real widgets: 出件 against a real back office, 一键评价, 容缺 commitments,
deadline marks in the case list, the signature pad and field mode (screenshots with WINDOW_CLERK_SHOTS=1)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from clerk import clock
from clerk.demo import DemoPeople
from clerk.intake.model import CaseStatus, FileRef, MaterialStatus
from clerk.store.models import OutboxRow
from tests.helpers.ui import cases, field_panel, followup, intake
from ui.qt import QPoint, Qt

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PASSWORD = "s3cret-pass"


def shoot(widget: Any, name: str) -> None:
    """Saves a 1600×1000 grab for docs/screenshots when WINDOW_CLERK_SHOTS is set."""
    if os.environ.get("WINDOW_CLERK_SHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / name))


def png(text: str = "scan") -> bytes:
    import io

    from PIL import Image, ImageDraw

    im = Image.new("RGB", (160, 100), (250, 250, 250))
    ImageDraw.Draw(im).text((5, 5), text, fill=(10, 10, 10))
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def accepted_case(ctx: Any, actor: Any, people: Any, *, defer: bool = False) -> Any:
    """A case accepted through the real intake service (every required material scanned; one deferred)."""
    from clerk.catalog.merge import merge
    from clerk.demo import fill_form

    def suits(b: Any) -> bool:
        defaults = {q.code: q.options[0].code for q in b.situations}
        return b.applicant_kinds[0].value == "person" and (
            not defer or any(m.deferrable and m.required for m in merge(b, defaults).materials))

    bundle = next(b for b in ctx.catalog.bundles if suits(b))
    view = ctx.intake.start_draft(actor, bundle.code, {q.code: q.options[0].code for q in bundle.situations})
    merged = merge(bundle, view.situations)
    deferrable = [m.code for m in merged.materials if m.deferrable and m.required]
    ctx.intake.save_draft(view.case_uuid, applicant=people.person(),
                          form=fill_form(merged, people.rng, people))
    for m in ctx.intake.get(view.case_uuid).materials:
        if defer and m.code == deferrable[0]:
            ctx.intake.set_material(view.case_uuid, m.code, MaterialStatus.DEFERRED)
        elif m.required and m.status is MaterialStatus.MISSING:
            blob = ctx.pages.put_bytes(png(f"{view.case_uuid[:8]} {m.code}"))
            ref = FileRef(sha256=blob.sha256, size=blob.size, media_type="image/png", pages=1)
            ctx.intake.attach_files(view.case_uuid, m.code, [(ref, f"{m.code}.png")])
    return ctx.intake.accept(actor, view.case_uuid, commitment_signed=defer)


@pytest.fixture
def people() -> DemoPeople:
    return DemoPeople(23)


@pytest.fixture
def server(tmp_path: Path, session: Any) -> Iterator[Any]:
    """A real back office on loopback; the session's clerk is a user of it."""
    from backoffice.embedded import start_server

    srv = start_server(f"sqlite:///{tmp_path / 'bo.db'}", tmp_path / "bo-files")
    srv.create_user(session.actor.username, PASSWORD, ["clerk"], display_name="测试窗口", windows=["W01"])
    srv.create_user("sup01", PASSWORD, ["supervisor"], display_name="赵主任", windows=["W01"])
    srv.create_user("field01", PASSWORD, ["field"], display_name="李上门", windows=["W01"])
    yield srv
    if srv.running:
        srv.stop()


def _outbox(ctx: Any, kind: str, case_uuid: str | None = None) -> list[dict[str, Any]]:
    with ctx.store.read() as s:
        q = s.query(OutboxRow).filter_by(kind=kind)
        if case_uuid:
            q = q.filter_by(case_uuid=case_uuid)
        return [r.payload for r in q.all()]


def _ready_for_pickup(session: Any, server: Any, people: Any, n: int = 2) -> list[Any]:
    from clerk.sync import login, make_engine

    ctx = session.ctx
    login(ctx, server.url, session.actor.username, PASSWORD)
    engine = make_engine(ctx, backoff_base_s=0.05, backoff_cap_s=1.0)
    cases = [accepted_case(ctx, session.actor, people) for _ in range(n)]
    assert engine.run_once(catalog=False).pushed == n
    for c in cases:
        for status in ("in_review", "approved", "ready_for_pickup"):
            server.advance(c.case_uuid, status)
    engine.run_once(catalog=False)
    return cases


# -- 出件 --------------------------------------------------------------------------------------------------
@pytest.mark.gui
def test_handout_refuses_wrong_id_then_hands_over(qtbot: Any, session: Any, server: Any, people: Any,
                                                  make_window: Any) -> None:
    first, second = _ready_for_pickup(session, server, people)
    w = make_window()
    followup(w).evaluation_timeout_ms = 60_000
    page = followup(w).handout
    with qtbot.waitSignal(page.loaded, timeout=10000) as loaded:
        w.tabs.setCurrentWidget(page)
    assert loaded.args == [2]
    assert page.table.item(0, 0).text() == first.case_no
    assert "*" in page.table.item(0, 3).text()  # phones masked

    with qtbot.waitSignal(page.opened, timeout=10000):
        qtbot.keyClicks(page.lookup, first.case_no)  # as the barcode scanner types it
        qtbot.keyClick(page.lookup, Qt.Key.Key_Return)
    assert page.case is not None and page.case.case_uuid == first.case_uuid
    assert page.hand_button.isEnabled()

    with qtbot.waitSignal(page.refused, timeout=10000) as refused:
        qtbot.keyClicks(page.presented, second.applicant.id_number)
        qtbot.mouseClick(page.hand_button, Qt.MouseButton.LeftButton)
    assert "证件号码与申请人不一致" in refused.args[0]
    assert page.result.isVisible() and "不能交付" in page.result.text()
    assert session.ctx.intake.get(first.case_uuid).status is CaseStatus.READY_FOR_PICKUP
    assert [e for e in _outbox(session.ctx, "event", first.case_uuid) if e["type"] == "delivered"] == []
    shoot(w, "followup-handout-refused.png")

    page.presented.clear()
    with qtbot.waitSignal(page.handed_over, timeout=10000), qtbot.waitSignal(page.printed, timeout=20000) as printed:
        qtbot.keyClicks(page.presented, first.applicant.id_number)
        qtbot.keyClick(page.presented, Qt.Key.Key_Return)
    assert session.ctx.intake.get(first.case_uuid).status is CaseStatus.DELIVERED
    delivered = [e for e in _outbox(session.ctx, "event", first.case_uuid) if e["type"] == "delivered"]
    assert len(delivered) == 1 and delivered[0]["method"] == "window"
    assert Path(printed.args[0]).read_bytes()[:5] == b"%PDF-"
    qtbot.waitUntil(lambda: followup(w).evaluation is not None and followup(w).evaluation.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10000)
    shoot(w, "followup-handout.png")
    followup(w).evaluation.close()


# -- 一键评价 --------------------------------------------------------------------------------------------------
@pytest.mark.gui
def test_evaluation_records_once_and_closes_on_timeout(qtbot: Any, session: Any, people: Any) -> None:
    from ui.followup.evaluation import EvaluationWindow
    from ui.ops import TaskManager

    case = accepted_case(session.ctx, session.actor, people)
    tasks = TaskManager()
    ev = EvaluationWindow(session.ctx, session.actor, tasks, case, timeout_ms=60_000)
    qtbot.addWidget(ev)
    ev.present()
    qtbot.waitExposed(ev)
    assert not ev.on_second_screen()  # offscreen has one screen: a dialog here
    qtbot.mouseClick(ev.faces[2], Qt.MouseButton.LeftButton)
    assert not ev.submit_button.isEnabled()  # a low score needs a reason
    assert "超过承诺时限未办结" in ev.tag_buttons  # the reasons of GB/T 39734-2020 (clerk/evaluation_content.yaml)
    qtbot.mouseClick(ev.tag_buttons["排队等候时间过长"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(ev.comment, "wait")
    ev.resize(1600, 1000)
    shoot(ev, "followup-evaluation.png")
    with qtbot.waitSignal(ev.recorded, timeout=10000) as rec:
        qtbot.mouseClick(ev.submit_button, Qt.MouseButton.LeftButton)
        ev.submit()  # a second tap while saving records nothing more
    assert rec.args[0].score == 2 and rec.args[0].case_uuid == case.case_uuid
    ev.submit()
    qtbot.waitUntil(lambda: tasks.pending == 0)
    items = _outbox(session.ctx, "evaluation")
    assert len(items) == 1 and items[0]["score"] == 2 and items[0]["tags"] == ["wait_too_long"]  # sent by its code (GB/T 39734-2020)
    assert items[0]["operator"] == session.actor.username and items[0]["window"] == "W01"

    other = EvaluationWindow(session.ctx, session.actor, tasks, case, timeout_ms=300)
    qtbot.addWidget(other)
    with qtbot.waitSignal(other.timed_out, timeout=5000):
        other.present()
    assert not other.isVisible()
    assert len(_outbox(session.ctx, "evaluation")) == 1


# -- 补正/容缺 and deadlines ------------------------------------------------------------------------------------
@pytest.mark.gui
def test_commitments_highlight_due_soon_and_fulfil(qtbot: Any, session: Any, people: Any, make_window: Any,
                                                   tmp_path: Path) -> None:
    from ui.widgets.styles import AMBER

    soon = accepted_case(session.ctx, session.actor, people, defer=True)
    deadline = next(m.deadline for m in soon.materials if m.status is MaterialStatus.DEFERRED)
    assert deadline is not None
    clock.set_clock(lambda: dt.datetime.combine(deadline - dt.timedelta(days=1), dt.time(10), tzinfo=clock.CST))
    w = make_window()
    followup(w).evaluation_enabled = False
    page = followup(w).supplements
    with qtbot.waitSignal(page.commitments_loaded, timeout=10000):
        w.tabs.setCurrentWidget(page)
    assert page.commit_table.rowCount() == 1
    assert page.row_colour(0) == AMBER.name()
    assert page.commit_table.item(0, 6).text() == "即将到期"
    shoot(w, "followup-commitments.png")

    scan = tmp_path / "brought.png"
    scan.write_bytes(png("brought later"))
    page.pick_files = lambda _parent, _title: [scan]  # the file-dialog seam
    page.commit_table.selectRow(0)
    with qtbot.waitSignal(page.sent, timeout=10000):
        qtbot.mouseClick(page.fulfil_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.commit_table.rowCount() == 0, timeout=10000)
    supplements = [e for e in _outbox(session.ctx, "event", soon.case_uuid) if e["type"] == "supplement"]
    assert len(supplements) == 1


@pytest.mark.gui
def test_case_list_marks_overdue_case(qtbot: Any, session: Any, people: Any, make_window: Any) -> None:
    case = accepted_case(session.ctx, session.actor, people)
    assert case.due_date is not None
    clock.set_clock(lambda: dt.datetime.combine(case.due_date + dt.timedelta(days=3), dt.time(10), tzinfo=clock.CST))
    w = make_window()
    page = cases(w)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.search()
    row = [r.case_uuid for r in page.model.rows].index(case.case_uuid)
    due = page.model.index(row, 7)
    assert "已超期" in page.model.data(due)
    assert page.model.data(due, Qt.ItemDataRole.BackgroundRole).name() == "#fde2e1"


# -- 上门办 ------------------------------------------------------------------------------------------------------
def _post_visit(server: Any, people: Any, hour: int) -> dict[str, Any]:
    import uuid

    import requests

    tok = requests.post(f"{server.url}/api/v1/auth/login", json={"username": "sup01", "password": PASSWORD,
                                                                 "device_id": "test"}, timeout=10).json()["token"]
    p = people.person()
    doc = {"visit_uuid": str(uuid.uuid4()), "operator": "field01",
           "applicant": {k: p[k] for k in ("kind", "name", "id_type", "id_number", "phone")},
           "bundle_code": "newborn", "address": p["address"] or "道里区友谊路 1 号 3 单元 201",
           "scheduled_for": f"2026-09-30T{hour:02d}:00:00+08:00", "note": "行动不便，需上门"}
    r = requests.post(f"{server.url}/api/v1/visits", json=doc, timeout=10,
                      headers={"Authorization": f"Bearer {tok}", "Idempotency-Key": doc["visit_uuid"]})
    assert r.status_code == 201, r.text
    return doc


def _draw(qtbot: Any, pad: Any) -> None:
    h = pad.height()
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(40, h // 2))
    for i in range(1, 30):
        qtbot.mouseMove(pad, QPoint(40 + i * 8, h // 2 + int(25 * ((-1) ** (i // 4)))))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(280, h // 2))


@pytest.mark.gui
def test_signature_pad_png_is_stored_by_field_sign(qtbot: Any) -> None:
    from ui.field.signature import SignaturePad

    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 170)
    pad.show()
    qtbot.waitExposed(pad)
    assert pad.is_empty()
    with qtbot.waitSignal(pad.changed):
        _draw(qtbot, pad)
    assert not pad.is_empty()
    data = pad.to_png()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 200
    from ui.qt import QImage

    img = QImage.fromData(data)
    dark = sum(1 for x in range(img.width()) for y in range(img.height()) if img.pixelColor(x, y).lightness() < 128)
    assert dark > 50  # ink, not a blank page


@pytest.mark.gui
def test_field_mode_prepare_visit_sign_and_photo(qtbot: Any, session: Any, server: Any, people: Any,
                                                 tmp_path: Path) -> None:
    from clerk import field
    from clerk.sync import login
    from ui.shell.field_window import FieldWindow
    from ui.shell.launch import field_session

    for hour in (9, 14):
        _post_visit(server, people, hour)
    login(session.ctx, server.url, "field01", PASSWORD)
    field_session(session)
    w = FieldWindow(session, probe=False)
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.tasks.pending == 0, timeout=10000)
    assert "还没有上门清单" in field_panel(w).prepared_label.text()
    hint = intake(w).form_scroll.widget().text()  # no bundle search on the laptop: the hint names the visit list
    assert "上门清单" in hint and "Ctrl+N 搜索" not in hint
    with qtbot.waitSignal(field_panel(w).prepared, timeout=20000), qtbot.waitSignal(field_panel(w).visits_loaded, timeout=20000):
        qtbot.mouseClick(field_panel(w).prepare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: field_panel(w).visit_list.count() == 2, timeout=10000)
    assert "已缓存 2 户" in field_panel(w).prepared_label.text()
    assert field_panel(w).net_label.text().startswith("● 在线")

    server.stop()  # on the road: offline from here
    field_panel(w).probe()
    qtbot.waitUntil(lambda: field_panel(w).online is False, timeout=15000)
    assert "离线" in field_panel(w).net_label.text()
    field_panel(w).visit_list.setCurrentRow(0)
    with qtbot.waitSignal(intake(w).case_changed, timeout=10000, check_params_cb=lambda v: v is not None):
        qtbot.mouseClick(field_panel(w).start_button, Qt.MouseButton.LeftButton)
    case = intake(w).case
    assert case is not None and case.applicant.name == field.visits(session.ctx)[0].applicant["name"]
    qtbot.waitUntil(lambda: w.tasks.pending == 0, timeout=10000)
    assert not field_panel(w).sign_button.isEnabled()
    _draw(qtbot, field_panel(w).pad)
    assert field_panel(w).sign_button.isEnabled()
    with qtbot.waitSignal(field_panel(w).signed, timeout=10000):
        qtbot.mouseClick(field_panel(w).sign_button, Qt.MouseButton.LeftButton)
    stored = field.signature_png(session.ctx, case.case_uuid)
    assert stored == field_panel(w).pad.to_png() and stored[:4] == b"\x89PNG"
    assert "已保存签名" in field_panel(w).signature_status.text()

    photo = tmp_path / "birth-certificate.png"
    photo.write_bytes(png("birth certificate"))
    field_panel(w).photos.pick_image = lambda _parent, _title: [photo]  # no camera offscreen: the image-file seam
    code = field_panel(w).material_combo.currentData()
    qtbot.mouseClick(field_panel(w).photo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(m.files for m in session.ctx.intake.get(case.case_uuid).materials
                                if m.code == code), timeout=10000)
    qtbot.waitUntil(lambda: w.tasks.pending == 0, timeout=10000)
    shoot(w, "field-signature.png")

    # 同步回传 with no network: still offline, never "同步完成" nor a green 在线 (issue 15)
    field_panel(w).sync_back()
    qtbot.waitUntil(lambda: field_panel(w).sync_button.isEnabled() and w.tasks.pending == 0, timeout=20000)
    assert field_panel(w).online is False and "离线" in field_panel(w).net_label.text()
    shown = w.statusBar().currentMessage() if w.statusBar() is not None else ""
    assert "同步完成" not in shown and "urllib3" not in shown
    w.close()


def test_field_demo_has_two_prepared_visits(session: Any) -> None:
    """Issue 15: the field demo had no visits to start from."""
    from clerk import field
    from ui.shell.demo import seed_demo_visits

    assert seed_demo_visits(session.ctx) == 2
    plans = field.visits(session.ctx)
    assert len(plans) == 2 and all(p.applicant["name"] and p.address for p in plans)
    assert seed_demo_visits(session.ctx) == 0  # kept, not doubled, on the next start


# -- the supervisor's follow-up alerts ------------------------------------------------------------------------------
@pytest.mark.gui
def test_supervisor_alerts_overdue_commitment_and_low_score(qtbot: Any, session: Any, people: Any) -> None:
    from clerk.evaluation import EvaluationService
    from clerk.queueing import HallClient
    from ui.ops import TaskManager
    from ui.queue.common import HallAccess
    from ui.queue.supervisor import SupervisorWindow

    late = accepted_case(session.ctx, session.actor, people, defer=True)
    deadline = next(m.deadline for m in late.materials if m.status is MaterialStatus.DEFERRED)
    clock.set_clock(lambda: dt.datetime.combine(deadline + dt.timedelta(days=2), dt.time(10), tzinfo=clock.CST))
    tasks = TaskManager()
    access = HallAccess(lambda: HallClient("", lambda: None))  # no hall server: the queue part stays empty
    w = SupervisorWindow(access, None, tasks, "测试大厅", auto_poll=False, followup_ctx=session.ctx)
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitUntil(lambda: w.followup is not None and bool(w.followup.alerts), timeout=10000)
    lines = [w.followup_list.item(i).text() for i in range(w.followup_list.count())]
    assert any("容缺超期" in t and late.case_no in t for t in lines)

    with qtbot.waitSignal(w.followup.low_score, timeout=10000) as live:
        EvaluationService(session.ctx).record(1, ["态度不好"], "", window="W01", operator="tester",
                                              case_uuid=late.case_uuid)
    assert "差评" in live.args[0] and "服务态度生硬、不耐心" in live.args[0]  # the reason's label, not its code
    assert "差评" in w.followup_list.item(0).text()
    w.refresh()
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10000)
    kinds = sorted(a.kind for a in w.followup.alerts)
    assert kinds == ["commitment_overdue", "low_score"]
    w.stop()


# -- 切换操作员: every screen works for the operator now at the window ---------------------------------------------
@pytest.mark.gui
def test_after_an_operator_switch_handout_supplement_and_print_are_the_new_operators(
        qtbot: Any, session: Any, server: Any, people: Any, make_window: Any, tmp_path: Path) -> None:
    """The next hand-out, supplement and print after 切换操作员 are recorded under the new operator (the
    screens read the shell's actor when they start an action; none keeps the one they were built with)."""
    from clerk.security.actor import Actor, Role
    from clerk.security.audit import list_entries
    from tests.helpers.ui import security
    from ui.printing.preview import open_preview

    (ready,) = _ready_for_pickup(session, server, people, n=1)
    deferred = accepted_case(session.ctx, session.actor, people, defer=True)
    ctx = session.ctx
    server.create_user("clerk02", PASSWORD, ["clerk"], display_name="接班人", windows=["W01"])
    w = make_window()
    followup(w).evaluation_enabled = False
    assert session.actor.username == "tester"

    dialog = security(w).switch_operator()  # the real 切换操作员 dialog (online: the platform knows clerk02)
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.username, "clerk02")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: session.actor.username == "clerk02", timeout=20000)

    page = followup(w).handout  # 出件
    w.tabs.setCurrentWidget(page)
    with qtbot.waitSignal(page.opened, timeout=10000, check_params_cb=lambda v: v is not None):
        page.open_text(ready.case_no)
    with qtbot.waitSignal(page.handed_over, timeout=10000):
        qtbot.keyClicks(page.presented, ready.applicant.id_number)
        qtbot.keyClick(page.presented, Qt.Key.Key_Return)
    handover = ctx.handout.handover_record(ready.case_uuid)
    assert handover is not None and handover.operator == "clerk02"

    supplements = followup(w).supplements  # 补正/容缺: the deferred material brought in
    with qtbot.waitSignal(supplements.commitments_loaded, timeout=10000):
        w.tabs.setCurrentWidget(supplements)
    scan = tmp_path / "brought.png"
    scan.write_bytes(png("brought later"))
    supplements.pick_files = lambda _parent, _title: [scan]
    supplements.commit_table.selectRow(0)
    with qtbot.waitSignal(supplements.sent, timeout=10000):
        qtbot.mouseClick(supplements.fulfil_button, Qt.MouseButton.LeftButton)

    preview = open_preview(w, deferred.case_uuid, ["receipt"], case_no=deferred.case_no)  # 打印
    qtbot.waitUntil(lambda: "receipt" in preview.docs, timeout=30000)
    preview.printer.set_spec(f"pdf:{tmp_path / 'out'}")
    with qtbot.waitSignal(preview.printed, timeout=30000) as printed:
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert printed.args[0].job.operator == "clerk02"
    preview.close()

    supervisor = Actor("sup01", "赵主任", (Role.SUPERVISOR,), window="W01")
    by_action = {e.action: e.operator for e in list_entries(ctx.store, supervisor, limit=50)
                 if e.action in ("handout", "supplement", "print")}
    assert by_action == {"handout": "clerk02", "supplement": "clerk02", "print": "clerk02"}
