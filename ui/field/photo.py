"""Taking a photo of a document on a visit: the laptop's camera (QtMultimedia) when it has one, else a picture
file (from a phone, a card reader …) through the file-picker seam. Either way the result is a file path."""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path

from ui.qt import QCoreApplication, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget, Signal
from ui.widgets.files import IMAGE_FILTER, FilePicker, native_file_picker


def camera_available() -> bool:
    """Whether Qt sees a video input (never on the offscreen platform used by tests)."""
    from ui.qt import QGuiApplication

    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        return False
    try:
        from ui.qt.multimedia import QMediaDevices
    except ImportError:  # QtMultimedia not installed: pictures from files only
        return False
    return bool(QMediaDevices.videoInputs())


class CameraDialog(QDialog):
    """A live view of the default camera and a "拍照" button; the picture is saved as PNG in a temp dir.

    Signals:
        captured(str): path of the picture taken.
    """

    captured = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        from ui.qt.multimedia import QCamera, QImageCapture, QMediaCaptureSession, QVideoWidget

        super().__init__(parent)
        self.setWindowTitle(self.tr("拍摄材料照片"))
        self.resize(900, 680)
        self.path: Path | None = None
        v = QVBoxLayout(self)
        self.view = QVideoWidget(self)
        v.addWidget(self.view, 1)
        self.hint = QLabel(self.tr("将材料平放、对准取景框后点“拍照”"), self)
        v.addWidget(self.hint)
        row = QHBoxLayout()
        row.addStretch(1)
        cancel = QPushButton(self.tr("取消"), self)
        cancel.clicked.connect(self.reject)
        row.addWidget(cancel)
        self.shoot_button = QPushButton(self.tr("拍照"), self)
        self.shoot_button.setObjectName("primaryButton")
        self.shoot_button.clicked.connect(self.shoot)
        row.addWidget(self.shoot_button)
        v.addLayout(row)
        self.camera = QCamera(self)
        self.capture = QImageCapture(self)
        self.session = QMediaCaptureSession(self)
        self.session.setCamera(self.camera)
        self.session.setImageCapture(self.capture)
        self.session.setVideoOutput(self.view)
        self.capture.imageCaptured.connect(self._taken)
        self.capture.errorOccurred.connect(lambda _id, _err, text: self.hint.setText(self.tr("拍照失败：") + text))
        self.camera.start()

    def shoot(self) -> None:
        self.shoot_button.setEnabled(False)
        self.capture.capture()

    def _taken(self, _id: int, image: object) -> None:
        out = Path(tempfile.gettempdir()) / f"visit-photo-{uuid.uuid4().hex[:8]}.png"
        image.save(str(out), "PNG")  # type: ignore[attr-defined]
        self.path = out
        self.camera.stop()
        self.captured.emit(str(out))
        self.accept()


class PhotoTaker:
    """``take(parent) -> [Path]``: the camera when there is one, else the image-file picker (a seam for tests)."""

    def __init__(self, pick_image: FilePicker | None = None,
                 has_camera: Callable[[], bool] = camera_available) -> None:
        self.pick_image: FilePicker = pick_image or native_file_picker(IMAGE_FILTER)
        self.has_camera = has_camera

    def take(self, parent: QWidget) -> list[Path]:
        if self.has_camera():
            dialog = CameraDialog(parent)
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.path is not None:
                return [dialog.path]
            return []
        return self.pick_image(parent, QCoreApplication.translate("PhotoTaker", "选择材料照片（未检测到摄像头）"))
