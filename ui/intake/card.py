"""The hall devices at the intake screen (issue 16).

- The ID card: a card read fills the applicant block, and with it every field that names the
  applicant (``clerk.intake.persons``); the photo shows beside the applicant, an expired card is
  flagged plainly, and the number looks up the history for prefill as a typed one does. A card read
  while no case is open is kept (masked in the notice) and fills the applicant of the next case.
  The card's data goes where typed data goes (the autosaved draft); the photo is only shown.
- The document camera: a page it took (``CameraPageCaptured``) goes into the focused material as a
  scanned page does.
- The commitment letter: where a signing pad exists, 签名板签名 asks ``ui.devices`` for the signature
  (``SignatureRequested``); once it is stored (``CommitmentSigned``) the commitment counts as signed.
  Without a pad the tick box stays — a commitment ticked with no signature is the paper fallback.
"""

from __future__ import annotations

from typing import Any

from clerk import clock
from clerk.events import CardRead
from clerk.intake.lifecycle import EDITABLE
from clerk.materials.service import MaterialsService
from clerk.security.masking import mask_name
from ui import messages
from ui.events import CameraPageCaptured, CommitmentSigned, SignatureRequested
from ui.qt import QCoreApplication, QHBoxLayout, QLabel, QPixmap, Qt, QWidget


class CardStrip(QWidget):
    """Beside the applicant: the card's photo, what was read, and an expired card in red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardStrip")
        h = QHBoxLayout(self)
        h.setContentsMargins(0, 0, 0, 4)
        self.photo = QLabel(self)
        self.photo.setObjectName("cardPhoto")
        self.photo.setFixedSize(68, 84)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        h.addWidget(self.photo)
        self.text = QLabel(self)
        self.text.setObjectName("cardText")
        self.text.setWordWrap(True)
        h.addWidget(self.text, 1)
        self.expired = False
        self.hide()

    def show_card(self, card: Any) -> None:
        pix = QPixmap()
        if card.photo_png and pix.loadFromData(card.photo_png):
            self.photo.setPixmap(pix.scaled(self.photo.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation))
            self.photo.show()
        else:
            self.photo.clear()
            self.photo.hide()
        until = card.valid_to.isoformat() if card.valid_to else QCoreApplication.translate("IntakePage", "长期")
        self.expired = card.expired_on(clock.today())
        if self.expired:
            self.text.setText(QCoreApplication.translate("IntakePage", "证件已过期（有效期至 {until}）：请核实身份，并提示申请人换领证件").format(until=until))
            self.text.setStyleSheet("color: #b3261e; font-weight: bold;")
        else:
            self.text.setText(QCoreApplication.translate("IntakePage", "已读取身份证，有效期至 {until}").format(until=until))
            self.text.setStyleSheet("")
        self.show()


class CardIntake:
    """Mixin of the intake page (``IntakePage``): the events of the hall devices."""

    _pending_card: Any = None
    card_strip: CardStrip

    def setup_devices(self) -> None:
        """Called once by the page: the signing pad's button where a pad exists."""
        from ui.widgets.signature import pad_available

        page: Any = self
        page.checklist.pad = pad_available(page.ctx.settings.devices.signature_pad)
        page.checklist.sign_requested.connect(self.request_signature)

    # -- the commitment letter's signature ----------------------------------------------------------
    def request_signature(self) -> None:
        page: Any = self
        if page.case is None:
            return
        page.autosave.flush()
        page.shell.events.publish(SignatureRequested(page.case.case_uuid))

    def on_event_commitment_signed(self, event: CommitmentSigned) -> None:
        page: Any = self
        if page.case is not None and page.case.case_uuid == event.case_uuid:
            page.checklist.commitment.setChecked(True)
            page.checklist.show_commitment_problem(None)
            messages.info(page, QCoreApplication.translate("IntakePage", "申请人已在签名板上签署告知承诺书"))

    # -- the document camera ------------------------------------------------------------------------
    def on_event_camera_page_captured(self, event: CameraPageCaptured) -> None:
        page: Any = self
        code = page.focused_material()
        if page.case is None or code is None or page.case.status not in EDITABLE:
            messages.info(page, QCoreApplication.translate("IntakePage", "高拍仪拍的第 {n} 页没有存入：请先选中要拍入的材料").format(n=event.number))
            return
        ctx, case_uuid, data, n = page.ctx, page.case.case_uuid, event.data, event.number

        def job() -> Any:
            MaterialsService(ctx.store, ctx.pages, ctx.events).add_page(case_uuid, code, data,
                                                                       source_name=f"高拍仪第 {n} 页")
            return ctx.intake.get(case_uuid)

        from ui.ops import Op

        Op(page, job).success(page.materials_changed).failure(page._failed).run_in_background()

    def on_event_card_read(self, event: CardRead) -> None:
        if not self.isVisible():  # type: ignore[attr-defined]
            return
        self.take_card(event.card)

    def take_card(self, card: Any) -> None:
        """Fills the open draft's applicant from ``card`` (or keeps it for the next case)."""
        page: Any = self
        view = page.case
        if view is None or page.form_panel is None or view.status not in EDITABLE:
            self._pending_card = card
            messages.info(page, QCoreApplication.translate("IntakePage", "已读取 {name} 的身份证：选择事项后自动填入申请人").format(name=mask_name(card.name)))
            return
        self._pending_card = None
        block = page.applicant
        current = block.value()
        if current.get("kind") not in (None, "person"):
            messages.warning(page, QCoreApplication.translate("IntakePage", "申请人是单位：身份证信息没有填入（可作为代办人或法定代表人核对）"))
            return
        block.set_value({**current, "kind": "person", "name": card.name, "id_type": card.id_type,
                         "id_number": card.id_number, "address": card.address or current.get("address", "")})
        block.changed.emit(block.value())  # autosaved; every field naming the applicant filled
        page.autosave.flush()
        strip = getattr(self, "card_strip", None)
        if strip is not None:
            strip.show_card(card)
        for key in ("name", "id_number", "address"):  # a problem shown at once (the phone is still to type)
            block.show_problem(key, block.problem_for(key))
        page._look_up_history(card.id_number)
        if not current.get("phone"):
            block.phone.setFocus()  # the one thing the card does not say
        if card.expired_on(clock.today()):
            messages.warning(page, QCoreApplication.translate("IntakePage", "{name} 的身份证已过期").format(name=mask_name(card.name)))

    def take_pending_card(self) -> None:
        """A case was opened: a card read before fills its applicant (when it has none yet)."""
        card, self._pending_card = self._pending_card, None
        page: Any = self
        if card is not None and page.case is not None and not page.case.applicant.name:
            self.take_card(card)
