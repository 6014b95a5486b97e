"""The document camera (高拍仪) at the window: live preview, capture with one key, crop and deskew.

Most document cameras are UVC cameras, which Qt Multimedia shows as video inputs. The dialog shows
the live picture (``QVideoWidget``), Space or 拍摄 takes a still (``QImageCapture``); each still is
cropped and deskewed off the GUI thread (``clerk.devices.camera.crop_document``, OpenCV) and
published as ``CameraPageCaptured`` — the intake screen files it into its scan target material, as
a scanned page. Several pages in a row: the dialog stays open and counts. Without a camera it says
so plainly and offers nothing to press.
"""

from __future__ import annotations

from typing import Any

from clerk.devices.camera import CroppedPage, crop_document
from clerk.events import EventBus
from ui.events import CameraPageCaptured
from ui.ops import Query
from ui.qt import (
    QBuffer,
    QByteArray,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QImage,
    QIODevice,
    QKeySequence,
    QLabel,
    QPushButton,
    QShortcut,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)


def image_bytes(image: QImage, quality: int = 92) -> bytes:
    """A still as JPEG bytes (what ``crop_document`` takes)."""
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "JPEG", quality)  # type: ignore[call-overload]  # PySide6 takes the str at run time
    buf.close()
    return bytes(data.data())


def camera_inputs() -> list[Any]:
    """The video inputs Qt Multimedia sees (imported here only: never at start-up)."""
    from ui.qt.multimedia import QMediaDevices

    return list(QMediaDevices.videoInputs())


class CameraDialog(QDialog):
    """Signals:
        captured(object): a page was taken and cropped (``CroppedPage``).
    """

    captured = Signal(object)

    def __init__(self, events: EventBus, parent: QWidget | None = None, *, device_id: str = "",
                 inputs: list[Any] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraDialog")
        self.setWindowTitle(self.tr("高拍仪"))
        self.events = events
        self.count = 0
        self.camera: Any = None
        self.session: Any = None
        self.capture: Any = None
        v = QVBoxLayout(self)
        self.state = QLabel(self)
        self.state.setObjectName("cameraState")
        self.state.setWordWrap(True)
        v.addWidget(self.state)
        self.preview: QWidget | None = None
        inputs = camera_inputs() if inputs is None else inputs
        chosen = next((d for d in inputs if bytes(d.id().data()).decode(errors="replace") == device_id), None) \
            if device_id else None
        device = chosen or (inputs[0] if inputs else None)
        if device is not None:
            self._open(device)
            v.addWidget(self.preview, 1)  # type: ignore[arg-type]
        row = QHBoxLayout()
        self.crop = QCheckBox(self.tr("自动裁边纠偏"), self)
        self.crop.setChecked(True)
        row.addWidget(self.crop)
        self.counter = QLabel(self)
        row.addWidget(self.counter, 1)
        self.shoot = QPushButton(self.tr("拍摄（空格）"), self)
        self.shoot.setObjectName("cameraShoot")
        self.shoot.clicked.connect(self.take)
        row.addWidget(self.shoot)
        done = QPushButton(self.tr("完成"), self)
        done.clicked.connect(self.accept)
        row.addWidget(done)
        v.addLayout(row)
        QShortcut(QKeySequence(Qt.Key.Key_Space), self, self.take)
        self.shoot.setEnabled(self.camera is not None)
        if self.camera is None:
            self.state.setText(self.tr("没有发现高拍仪：请插上高拍仪的 USB 线后重新打开；也可以用扫描仪或扫描文件夹"))
        else:
            self.state.setText(self.tr("高拍仪：{name}。把材料平放在镜头下，按空格拍摄").format(name=device.description()))
        self._show_count()
        self.resize(900, 680)

    def _open(self, device: Any) -> None:
        from ui.qt.multimedia import QCamera, QImageCapture, QMediaCaptureSession, QVideoWidget

        self.camera = QCamera(device, self)
        self.session = QMediaCaptureSession(self)
        self.session.setCamera(self.camera)
        self.capture = QImageCapture(self)
        self.session.setImageCapture(self.capture)
        preview = QVideoWidget(self)
        preview.setMinimumSize(640, 480)
        self.session.setVideoOutput(preview)
        self.preview = preview
        self.capture.imageCaptured.connect(lambda _id, image: self.take_frame(image))
        self.capture.errorOccurred.connect(lambda _id, _err, text: self.state.setText(self.tr("拍摄失败：{error}").format(error=text)))
        self.camera.errorOccurred.connect(lambda _err, text: self._camera_failed(text))
        self.camera.start()

    def _camera_failed(self, text: str) -> None:
        self.shoot.setEnabled(False)
        self.state.setText(self.tr("高拍仪不能使用：{error}。请重新插拔高拍仪的 USB 线").format(error=text))

    def take(self) -> None:
        """Space / 拍摄: a still from the camera (it arrives as ``take_frame``)."""
        if self.capture is not None and self.capture.isReadyForCapture():
            self.capture.capture()

    def take_frame(self, image: QImage) -> None:
        """A still (from the camera, or given): cropped off the GUI thread, then published."""
        data = image_bytes(image)
        crop = self.crop.isChecked()
        self.state.setText(self.tr("正在裁边纠偏…"))
        Query(self, lambda: crop_document(data, crop=crop)).success(self._cropped).run_in_background()

    def _cropped(self, page: CroppedPage) -> None:
        self.count += 1
        self.events.publish(CameraPageCaptured(page.data, self.count, page.found))
        self.captured.emit(page)
        if page.found:
            self.state.setText(self.tr("第 {n} 页已拍（已裁边，纠偏 {angle}°）").format(n=self.count, angle=f"{page.angle:.1f}"))
        else:
            self.state.setText(self.tr("第 {n} 页已拍（没有找到材料边缘，保留整幅画面）").format(n=self.count))
        self._show_count()

    def _show_count(self) -> None:
        self.counter.setText(self.tr("已拍 {n} 页").format(n=self.count))

    def done(self, result: int) -> None:
        if self.camera is not None:
            self.camera.stop()
        super().done(result)
