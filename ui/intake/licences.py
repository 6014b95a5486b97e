"""调用电子证照 on the intake screen: one button looks up every material the catalog lets an
e-licence replace (``clerk.elicence.service.fetch_for_case``) and lists what was found (type,
number, issuer, validity) and what was not. "持证人在场并已读取身份证" is the holder's consent for
licences of someone other than the applicant.

Signals: none (the page's ``materials_changed`` takes the case read again).
"""

from __future__ import annotations

from typing import Any

from ui import messages
from ui.ops import Op
from ui.qt import QCheckBox, QHBoxLayout, QLabel, QPushButton, QWidget


class LicenceBar(QWidget):
    """The button, the consent tick and the last lookup's result, above the checklist's cards."""

    def __init__(self, page: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.button = QPushButton(self.tr("调用电子证照"), self)
        self.button.setObjectName("fetchLicences")
        self.button.clicked.connect(self.fetch)
        lay.addWidget(self.button)
        self.consent = QCheckBox(self.tr("持证人在场并已读取身份证"), self)
        self.consent.setObjectName("holderPresent")
        lay.addWidget(self.consent)
        lay.addStretch(1)
        self.result = QLabel(self)
        self.result.setObjectName("licenceResult")
        self.result.setWordWrap(True)
        self.result.hide()

    def fetch(self) -> None:
        page = self.page
        if page.case is None:
            return
        ctx, case_uuid, bundle_code = page.ctx, page.case.case_uuid, page.case.bundle_code
        if not ctx.settings.platform_url:
            messages.warning(page, self.tr("未配置平台，无法调用电子证照；可标为“免提交”（待核验电子证照），同步时调取"))
            return
        auths = ({m.code: {"kind": "holder_present", "id_read": True} for m in page.case.materials}
                 if self.consent.isChecked() else {})
        page.autosave.flush()  # the holders' ID numbers as typed, written before the lookup reads them

        def job() -> tuple[list[Any], Any]:
            from clerk.elicence.service import fetch_for_case
            from clerk.sync.session import make_client

            client = make_client(ctx)
            try:
                out = fetch_for_case(ctx.store, ctx.pages, ctx.catalog.bundle(bundle_code), client, case_uuid,
                                     authorisations=auths)
            finally:
                client.close()
            return out, ctx.intake.get(case_uuid)

        self.button.setEnabled(False)
        Op(page, job).success(self._done).failure(self._failed).run_in_background()

    def _done(self, result: tuple[list[Any], Any]) -> None:
        outcomes, view = result
        self.button.setEnabled(True)
        self.page.materials_changed(view)
        lines = [o.line() for o in outcomes] or [self.tr("没有可调用电子证照的材料")]
        self.result.setText("\n".join(lines))
        self.result.show()

    def _failed(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        messages.error(self.page, str(exc))


def add_licence_bar(page: Any) -> LicenceBar:
    """Puts the bar at the top of the page's checklist panel (under its summary)."""
    panel = page.checklist
    bar = LicenceBar(page, panel)
    lay = panel.layout()
    index = lay.indexOf(panel.summary) + 1
    lay.insertWidget(index, bar)
    lay.insertWidget(index + 1, bar.result)
    return bar
