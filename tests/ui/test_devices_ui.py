"""Hall devices in the window: the read key and automatic reading (simulator reader), the device panel."""

from __future__ import annotations

from pathlib import Path

from clerk.devices.health import DeviceState, Probes
from clerk.events import CardRead, CardReadFailed
from tests.helpers.devices import card, sim_file
from tests.ui.conftest import idle
from tests.ui.test_followup_ui import shoot
from ui.qt import Qt


def _recorder(window):  # type: ignore[no-untyped-def]
    seen: list[object] = []
    window.events.subscribe(CardRead, seen.append)
    window.events.subscribe(CardReadFailed, seen.append)
    return seen


def test_a_card_laid_on_the_reader_is_read_and_f12_reads_again(qtbot, session, make_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.devices import Devices
    from ui.qt import Qt

    path = sim_file(tmp_path / "card.json", None)
    session.ctx.settings.devices.idcard_reader = f"sim:{path}"
    window = make_window()
    seen = _recorder(window)
    feature = window.feature(Devices)
    assert feature.poller is not None
    assert "就绪" in feature.indicator.text()
    sim_file(path, card(name="高晓松"))
    qtbot.waitUntil(lambda: any(isinstance(e, CardRead) for e in seen))
    qtbot.waitUntil(lambda: "已读 高*松" in feature.indicator.text())
    first = next(e for e in seen if isinstance(e, CardRead))
    assert first.card.name == "高晓松" and not first.requested
    qtbot.keyClick(window, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: any(isinstance(e, CardRead) and e.requested for e in seen))


def test_without_a_reader_f12_says_so(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from ui.devices import Devices
    from ui.qt import Qt

    feature = window.feature(Devices)
    assert feature.poller is None and "未设置" in feature.indicator.text()
    qtbot.keyClick(window, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: "没有设置身份证阅读器" in window.statusBar().currentMessage())


def test_the_device_panel(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.devices import DevicePanel

    window.ctx.settings.printer_a4 = f"pdf:{tmp_path}"
    panel = DevicePanel(window.ctx.settings, window, probes=Probes(
        scanners=lambda: ["Canon LiDE 300（genesys:libusb:001:004）"], video_devices=lambda: [],
        screens=lambda: 1, sound_cards=lambda: ["HDA Intel PCH"]))
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.checked):
        panel.refresh()
    rows = {r[0]: r for r in panel.row_texts()}
    assert rows[f"打印机（A4：pdf:{tmp_path}）"][1] == "正常"
    assert rows["打印机（小票）"][1] == "未设置"
    assert rows["扫描仪"][2].startswith("Canon LiDE 300")
    assert rows["高拍仪"][1] == "未设置" and "USB" in rows["高拍仪"][3]
    assert rows["评价屏（副屏）"][1] == "注意" and "副屏" in rows["评价屏（副屏）"][3]
    assert rows["身份证阅读器"][1] == "未设置"
    assert "需要处理" in panel.summary.text()
    assert {c.state for c in panel.checks} >= {DeviceState.OK, DeviceState.WARNING, DeviceState.NOT_CONFIGURED}
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.wait(50)  # one turn of the event loop: rows fitted to the shown columns (a picture only)
    shoot(panel, "devices-panel.png")
    idle(qtbot, window)


def test_without_a_camera_the_dialog_says_so(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from ui.devices import CameraDialog

    dialog = CameraDialog(window.events, window, inputs=[])
    qtbot.addWidget(dialog)
    assert "没有发现高拍仪" in dialog.state.text() and not dialog.shoot.isEnabled()
    assert dialog.camera is None


def test_camera_stills_are_cropped_and_published_in_a_row(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    import random

    from clerk import samples
    from ui.devices import CameraDialog
    from ui.events import CameraPageCaptured
    from ui.qt import QImage

    seen: list[CameraPageCaptured] = []
    window.events.subscribe(CameraPageCaptured, seen.append)
    dialog = CameraDialog(window.events, window, inputs=[])
    qtbot.addWidget(dialog)
    rng = random.Random(4)
    for kind in ("idcard_front", "birth_certificate"):
        frame, _ = samples.photograph_with_corners(samples.render(kind, rng).image, rng, max_angle=10)
        image = QImage.fromData(frame)
        assert not image.isNull()
        with qtbot.waitSignal(dialog.captured):
            dialog.take_frame(image)
    assert [(e.number, e.found) for e in seen] == [(1, True), (2, True)]
    assert all(e.data[:2] == b"\xff\xd8" for e in seen)
    assert "已拍 2 页" in dialog.counter.text() and "已裁边" in dialog.state.text()
    dialog.show()
    shoot(dialog, "devices-camera-no-camera.png")
    idle(qtbot, window)


def test_the_commitment_is_signed_on_the_pad_and_printed_with_it(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from clerk import field
    from ui.devices import Devices
    from ui.events import CommitmentSigned, SignatureRequested
    from ui.qt import QPointF

    window.ctx.settings.printer_a4 = f"pdf:{tmp_path / 'printed'}"
    from clerk.intake.model import MaterialStatus

    view = window.ctx.intake.start_draft(window.actor, "newborn")
    window.ctx.intake.set_material(view.case_uuid, "father_hukou_booklet", MaterialStatus.DEFERRED)
    signed: list[CommitmentSigned] = []
    window.events.subscribe(CommitmentSigned, signed.append)
    window.events.publish(SignatureRequested(view.case_uuid))
    dialog = window.feature(Devices).signature
    assert dialog is not None and dialog.isVisible() and not dialog.save_button.isEnabled()
    dialog.pad.begin_stroke(QPointF(40, 120))
    for x in range(50, 400, 10):
        dialog.pad.extend_stroke(QPointF(x, 120 + (x % 40) - 20))
    dialog.pad.end_stroke()
    assert dialog.save_button.isEnabled()
    shoot(dialog, "devices-commitment-signature.png")
    dialog.save()
    qtbot.waitUntil(lambda: bool(signed) or bool(dialog.problem.text()))
    assert dialog.problem.text() == "" and dialog.print_problem == ""
    assert [e.case_uuid for e in signed] == [view.case_uuid]
    ref = field.signature_of(window.ctx, view.case_uuid)
    assert ref is not None and ref.signer == "applicant"
    materials = {m.code for m in window.ctx.intake.get(view.case_uuid).materials}
    assert field.SIGNATURE_MATERIAL in materials  # with the case, as in field mode
    pdfs = list((tmp_path / "printed").glob("*.pdf"))
    assert len(pdfs) == 1
    from clerk.printjobs import render_document

    unsigned = render_document(window.ctx, view.case_uuid, "commitment")
    images = pdfs[0].read_bytes().count(b"/Subtype /Image")
    assert images > unsigned.count(b"/Subtype /Image") == 0  # the signature (and its alpha mask) on the letter
    idle(qtbot, window)


# -- hand-out by card ---------------------------------------------------------------------------------------
from tests.ui.test_followup_ui import _ready_for_pickup, people, server  # noqa: E402,F401 - fixtures reused


def test_hand_out_by_card(qtbot, session, server, people, make_window) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from clerk.intake.model import CaseStatus
    from tests.helpers.devices import card_of
    from tests.helpers.ui import followup

    first, second = _ready_for_pickup(session, server, people)
    w = make_window()
    followup(w).evaluation_timeout_ms = 60_000
    page = followup(w).handout
    with qtbot.waitSignal(page.loaded, timeout=10000):
        w.tabs.setCurrentWidget(page)
    # the wrong person's card on an open case: refused, nothing handed over
    with qtbot.waitSignal(page.opened, timeout=10000):
        page.open_text(first.case_no)
    with qtbot.waitSignal(page.refused, timeout=10000) as refused:
        w.events.publish(CardRead(card_of(second.applicant.name, second.applicant.id_number)))
    assert "证件号码与申请人不一致" in refused.args[0]
    assert session.ctx.intake.get(first.case_uuid).status is CaseStatus.READY_FOR_PICKUP
    # the applicant's card with no case open: opens the holder's case; confirming hands it over
    page._set_case(None)
    with qtbot.waitSignal(page.opened, timeout=10000):
        w.events.publish(CardRead(card_of(first.applicant.name, first.applicant.id_number)))
    assert page.case is not None and page.case.case_uuid == first.case_uuid
    assert page.presented.text() == first.applicant.id_number
    with qtbot.waitSignal(page.handed_over, timeout=10000):
        page.hand_over()
    assert session.ctx.intake.get(first.case_uuid).status is CaseStatus.DELIVERED
    qtbot.waitUntil(lambda: page.case is not None and page.case.status is CaseStatus.DELIVERED)
    idle(qtbot, w)  # the delivered case shown again, its receipt written
    # the card laid on a case open for collection by the applicant is the check: handed over at once
    with qtbot.waitSignal(page.opened, timeout=10000):
        page.open_text(second.case_no)
    with qtbot.waitSignal(page.handed_over, timeout=10000):
        w.events.publish(CardRead(card_of(second.applicant.name, second.applicant.id_number)))
    assert session.ctx.intake.get(second.case_uuid).status is CaseStatus.DELIVERED
    qtbot.waitUntil(lambda: followup(w).evaluation is not None)
    followup(w).evaluation.close()
    idle(qtbot, w)


# -- the intake screen --------------------------------------------------------------------------------------
def test_a_card_read_before_the_case_fills_it_and_an_expired_card_is_flagged(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from tests.helpers.devices import card_of, ric_number
    from tests.helpers.ui import intake

    page = intake(window)
    number = ric_number("230102", dt.date(1960, 4, 5), 233)
    old = card_of("赵德柱", number, valid_from=dt.date(2006, 1, 1), valid_to=dt.date(2026, 1, 1),
                  address="黑龙江省哈尔滨市道里区安静街 3 号")
    window.events.publish(CardRead(old))  # no case open yet: kept for the next one
    qtbot.waitUntil(lambda: "赵*柱" in window.statusBar().currentMessage())
    page.start("newborn")
    qtbot.waitUntil(lambda: page.case is not None and page.applicant.value()["id_number"] == number)
    assert page.applicant.value()["name"] == "赵德柱"
    strip = page.card_strip
    assert strip.isVisible() and strip.expired and "已过期" in strip.text.text() and "2026-01-01" in strip.text.text()
    assert not strip.photo.isVisible()  # this read had no photo
    idle(qtbot, window)
    saved = window.ctx.intake.get(page.case.case_uuid)
    assert saved.applicant.id_number == number and saved.applicant.address.endswith("安静街 3 号")


def test_intake_signs_the_commitment_on_the_pad_and_files_camera_pages(qtbot, session, make_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import random

    from clerk import field, samples
    from clerk.devices.camera import crop_document
    from clerk.intake.model import MaterialStatus
    from tests.helpers.ui import intake
    from ui.devices import Devices
    from ui.events import CameraPageCaptured
    from ui.qt import QPointF

    session.ctx.settings.devices.signature_pad = "on"
    window = make_window()
    page = intake(window)
    page.start("newborn")
    qtbot.waitUntil(lambda: page.case is not None and page.form_panel is not None and page.form_panel.complete)
    idle(qtbot, window)
    page.set_material_status("father_hukou_booklet", "deferred")
    qtbot.waitUntil(lambda: page.checklist.sign_button.isVisible())
    assert not page.checklist.commitment.isChecked()
    qtbot.mouseClick(page.checklist.sign_button, Qt.MouseButton.LeftButton)
    dialog = window.feature(Devices).signature
    assert dialog is not None and dialog.case_uuid == page.case.case_uuid
    dialog.pad.begin_stroke(QPointF(30, 100))
    for x in range(40, 300, 12):
        dialog.pad.extend_stroke(QPointF(x, 100 + (x % 30)))
    dialog.pad.end_stroke()
    dialog.save()
    qtbot.waitUntil(lambda: page.checklist.commitment.isChecked())
    assert field.signature_of(window.ctx, page.case.case_uuid) is not None
    # a camera page goes into the material selected for scanning
    code = "birth_record_form"
    page.materials_ui.select(code)
    rng = random.Random(6)
    frame, _ = samples.photograph_with_corners(samples.render("birth_certificate", rng).image, rng)
    cropped = crop_document(frame)
    window.events.publish(CameraPageCaptured(cropped.data, 1, cropped.found))
    qtbot.waitUntil(lambda: next(m for m in page.case.materials if m.code == code).status is MaterialStatus.PROVIDED)
    from clerk.materials.service import MaterialsService

    pages = MaterialsService(window.ctx.store, window.ctx.pages).list_pages(page.case.case_uuid, code)
    assert [p.source_name for p in pages] == ["高拍仪第 1 页"]
    idle(qtbot, window)


def test_the_caller_bar_badge_when_a_needed_device_is_down(qtbot, session, make_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.helpers.ui import caller_bar
    from ui.devices import Devices

    session.ctx.settings.devices.idcard_reader = f"termb:{tmp_path / 'gone' / 'libtermb.so'}"
    session.ctx.settings.printer_a4 = f"pdf:{tmp_path / 'pdf'}"
    window = make_window()
    bar = caller_bar(window)
    qtbot.waitUntil(lambda: bar.device_badge.isVisible())  # the poller found the reader's library missing
    assert "身份证阅读器" in bar.device_badge.toolTip() and "不存在" in bar.device_badge.toolTip()
    feature = window.feature(Devices)
    assert "不可用" in feature.indicator.text()
    qtbot.mouseClick(bar.device_badge, Qt.MouseButton.LeftButton)  # opens the device panel
    assert feature.panel is not None and feature.panel.isVisible()
    with qtbot.waitSignal(feature.panel.checked):
        pass
    # the reader comes back (a simulator stands in): the badge goes
    sim = sim_file(tmp_path / "card.json", card())
    from clerk.devices.readers import open_reader

    feature.poller.reader = open_reader(f"sim:{sim}")
    feature.read_card()
    qtbot.waitUntil(lambda: not bar.device_badge.isVisible())
    idle(qtbot, window)


def test_the_demo_lays_a_made_up_card_on_a_simulator_reader(qtbot, session, make_window) -> None:  # type: ignore[no-untyped-def]
    from ui.devices import Devices

    session.demo = True
    window = make_window()
    seen = _recorder(window)
    feature = window.feature(Devices)
    assert feature.demo_card_file is not None and feature.poller is not None
    feature.toggle_demo_card()
    qtbot.waitUntil(lambda: any(isinstance(e, CardRead) for e in seen))
    feature.toggle_demo_card()  # taken off again
    assert feature.demo_card_file.read_text(encoding="utf-8") == "null"
