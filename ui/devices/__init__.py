"""Hall devices in the window: the ID-card reader (read key F12, automatic reading), the document
camera (Ctrl+Shift+G, ``ui.devices.camera``), the commitment letter's signing pad (``ui.devices.signature``,
opened on ``SignatureRequested``), the device panel.

``install(shell)`` starts the card poller of ``settings.devices.idcard_reader`` (``clerk.devices.poller``:
``Authenticate`` polled on its own thread, never the GUI's) publishing ``CardRead`` /
``CardReadFailed`` / ``CardRemoved`` on the shell's bus — the intake page, the hand-out and the
kiosk take the card from there — puts a reader indicator in the status bar, the read key F12
(读身份证) and 设备状态 (the device panel: ``clerk.devices.health`` with the screens Qt sees).
"""

from __future__ import annotations

from typing import Any

from clerk.devices.idcard import IdCardError
from clerk.events import CardRead, CardReadFailed, CardRemoved
from ui.devices.camera import CameraDialog
from ui.devices.panel import DevicePanel, qt_probes
from ui.devices.signature import SignatureDialog, pad_available
from ui.events import DevicesTrouble, EventListener, ShowDevicesRequested, SignatureRequested
from ui.ops import Query
from ui.qt import QCoreApplication, QLabel, QObject, QWidget, bring_to_front
from ui.shell import Shell

__all__ = ["CameraDialog", "DevicePanel", "SignatureDialog", "Devices", "ReaderIndicator", "install", "qt_probes", "start_card_poller"]


class ReaderIndicator(EventListener, QLabel):
    """读卡器：就绪 / 未连接 / 未设置 in the status bar; the last card read, masked."""

    def __init__(self, shell: Shell, configured: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerIndicator")
        self.configured = configured
        self.down: str | None = None
        self.set_state(QCoreApplication.translate("Devices", "读卡器：就绪（F12 读卡）") if configured else QCoreApplication.translate("Devices", "读卡器：未设置"))
        self.listen(shell.events)

    def set_state(self, text: str, tip: str = "") -> None:
        self.setText(text)
        self.setToolTip(tip)

    def on_event_card_read(self, event: CardRead) -> None:
        self.down = None
        from clerk.security.masking import mask_name

        self.set_state(QCoreApplication.translate("Devices", "读卡器：已读 {name}").format(name=mask_name(event.card.name)))

    def on_event_card_read_failed(self, event: CardReadFailed) -> None:
        if event.reader_down:
            self.down = event.message
            self.set_state(QCoreApplication.translate("Devices", "读卡器：不可用"), event.message)

    def on_event_card_removed(self, event: CardRemoved) -> None:
        if self.down is None:
            self.set_state(QCoreApplication.translate("Devices", "读卡器：就绪（F12 读卡）"))


class _Requests(EventListener, QObject):
    """What other features ask of the devices (the signing pad, the panel), and the trouble badge:
    ``DevicesTrouble`` from the reader's events and from each device check."""

    def __init__(self, feature: Devices, parent: QObject) -> None:
        super().__init__(parent)
        self.feature = feature
        self.reader_down = ""
        self.checked: tuple[str, ...] = ()
        self.listen(feature.shell.events)

    def on_event_signature_requested(self, event: SignatureRequested) -> None:
        self.feature.open_signature(event.case_uuid)

    def on_event_show_devices_requested(self, _event: ShowDevicesRequested) -> None:
        self.feature.show_panel()

    def on_event_card_read_failed(self, event: CardReadFailed) -> None:
        if event.reader_down:
            self.reader_down = QCoreApplication.translate("Devices", "身份证阅读器：{reason}").format(reason=event.message)
            self.publish()

    def on_event_card_read(self, _event: CardRead) -> None:
        if self.reader_down:
            self.reader_down = ""
            self.publish()

    def set_checked(self, checks: list[Any]) -> None:
        from clerk.devices.health import needed_down

        self.checked = tuple(c.line() for c in needed_down(checks) if c.kind != "idcard_reader")
        reader = next((c for c in checks if c.kind == "idcard_reader"), None)
        if reader is not None and reader.needed:
            self.reader_down = reader.line() if reader in needed_down(checks) else ""
        self.publish()

    def publish(self) -> None:
        items = self.checked + ((self.reader_down,) if self.reader_down else ())
        self.feature.shell.events.publish(DevicesTrouble(items))


class Devices:
    """The installed feature: the poller (or None without a reader), the indicator, the panel."""

    def __init__(self, shell: Shell) -> None:
        self.shell = shell
        self.signature: SignatureDialog | None = None
        self.poller: Any = None
        self.problem = ""
        self.demo_card_file: Any = None
        spec = shell.ctx.settings.devices.idcard_reader
        if not spec and shell.demo:  # the demo's reader: a simulator file the 设备 menu lays cards on
            self.demo_card_file = shell.ctx.paths.data_dir / "demo-idcard.json"
            self.demo_card_file.write_text("null", encoding="utf-8")
            spec = f"sim:{self.demo_card_file}"
        if spec:
            from clerk.devices.poller import CardPoller
            from clerk.devices.readers import open_reader

            try:
                self.poller = CardPoller(open_reader(spec), shell.events)
            except IdCardError as exc:
                self.problem = exc.one_line()
        self.indicator = ReaderIndicator(shell, self.poller is not None, shell.widget)
        if self.problem:
            self.indicator.set_state(QCoreApplication.translate("Devices", "读卡器：设置有误"), self.problem)
        self.panel: DevicePanel | None = None
        self.camera: CameraDialog | None = None
        self.requests: _Requests | None = None

    def start(self) -> None:
        if self.poller is not None:
            self.poller.start()

    def stop(self) -> None:
        if self.poller is not None:
            self.poller.stop()

    def read_card(self) -> None:
        """The read key (F12): a read now on the poller's thread; the answer comes as an event."""
        if self.poller is None:
            self.shell.status(self.problem or QCoreApplication.translate("Devices", "没有设置身份证阅读器：请在设置中填写 devices.idcard_reader"))
            return
        self.poller.request_read()

    def toggle_demo_card(self) -> None:
        """演示：把一张（虚构的）身份证放到读卡器上，或取下。"""
        if self.demo_card_file is None:
            return
        import json
        import random

        if json.loads(self.demo_card_file.read_text(encoding="utf-8") or "null") is not None:
            self.demo_card_file.write_text("null", encoding="utf-8")
            return
        self.demo_card_file.write_text(json.dumps(demo_card(random.Random()), ensure_ascii=False), encoding="utf-8")

    @property
    def pad_available(self) -> bool:
        return pad_available(self.shell.ctx.settings.devices.signature_pad)

    def open_signature(self, case_uuid: str) -> SignatureDialog:
        """The signing pad for the case's commitment letter (saved with the case, printed with it)."""
        dialog = SignatureDialog(self.shell.ctx, self.shell.actor, case_uuid, self.shell.events, self.shell.widget,
                                 printer=self.shell.ctx.settings.printer_a4)
        self.signature = dialog
        dialog.show()
        return dialog

    def open_camera(self) -> CameraDialog:
        """Ctrl+Shift+G: the document camera's dialog (pages go to the intake screen's scan target)."""
        dialog = CameraDialog(self.shell.events, self.shell.widget, device_id=self.shell.ctx.settings.devices.camera)
        self.camera = dialog
        dialog.show()
        return dialog

    def check_needed(self) -> None:
        """The devices the daily work needs (printers, the reader), off the GUI thread: the badge."""
        from clerk.devices.health import check_devices

        settings, requests = self.shell.ctx.settings, self.requests
        if requests is None:
            return
        Query(requests, lambda: check_devices(settings, kinds=["printer", "idcard_reader"])) \
            .success(requests.set_checked).failure(lambda _e: None).run_in_background()

    def show_panel(self) -> DevicePanel:
        if self.panel is None:
            self.panel = DevicePanel(self.shell.ctx.settings, self.shell.widget)
            if self.requests is not None:
                self.panel.checked.connect(self.requests.set_checked)
        self.panel.refresh()
        self.panel.show()
        bring_to_front(self.panel)
        return self.panel


def demo_card(rng: Any) -> dict[str, Any]:
    """A made-up resident card (``clerk.demo.DemoPeople``) in the simulator's JSON shape."""
    import datetime as dt

    from clerk.demo import DemoPeople

    person = DemoPeople(rng.randrange(1 << 30)).person()
    number = person["id_number"]
    nation = rng.choice(["汉"] * 8 + ["满", "蒙古", "回", "朝鲜"])
    issued = dt.date(2016 + rng.randrange(8), rng.randrange(1, 13), rng.randrange(1, 28))
    return {"card_type": "resident", "name": person["name"], "sex": "男" if int(number[16]) % 2 else "女",
            "nation": nation, "birth_date": f"{number[6:10]}-{number[10:12]}-{number[12:14]}",
            "address": person["address"], "id_number": number, "issuer": "哈尔滨市公安局道里分局",
            "valid_from": issued.isoformat(), "valid_to": issued.replace(year=issued.year + 20).isoformat(),
            "photo": None}


def start_card_poller(ctx: Any) -> Any:
    """The running card poller of ``ctx.settings.devices.idcard_reader`` publishing on ``ctx.events``
    (the kiosk, the hall screens), or None without a usable reader setting."""
    spec = ctx.settings.devices.idcard_reader
    if not spec:
        return None
    from clerk.devices.poller import CardPoller
    from clerk.devices.readers import open_reader

    try:
        poller = CardPoller(open_reader(spec), ctx.events)
    except IdCardError:
        return None
    poller.start()
    return poller


def install(shell: Shell) -> Devices:
    feature = Devices(shell)
    feature.requests = _Requests(feature, shell.widget)
    shell.add_status_widget(feature.indicator)
    menu = shell.add_menu(QCoreApplication.translate("Devices", "设备"), "devicesMenu")
    shell.add_action(QCoreApplication.translate("Devices", "读身份证"), ["F12"], feature.read_card, menu=menu)
    shell.add_action(QCoreApplication.translate("Devices", "高拍仪拍摄"), ["Ctrl+Shift+G"], feature.open_camera, menu=menu)
    shell.add_action(QCoreApplication.translate("Devices", "设备状态"), [], feature.show_panel, menu=menu)
    if feature.demo_card_file is not None:
        shell.add_action(QCoreApplication.translate("Devices", "演示：放上 / 取下身份证"), ["Ctrl+Shift+I"], feature.toggle_demo_card, menu=menu)
    shell.on_close(feature.stop)
    feature.start()
    feature.check_needed()
    return feature
