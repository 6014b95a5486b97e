"""Hall devices in the window: the read key and automatic reading (simulator reader), the device panel."""

from __future__ import annotations

from pathlib import Path

from clerk.devices.health import DeviceState, Probes
from clerk.events import CardRead, CardReadFailed
from tests.helpers.devices import card, sim_file
from tests.ui.conftest import idle
from tests.ui.test_followup_ui import shoot


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
