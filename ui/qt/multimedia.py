"""QtMultimedia (cameras, sound): imported only where a camera or a sound is used, never at start-up."""
# ruff: noqa: F401  (re-exports)

from __future__ import annotations

from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession, QMediaDevices, QSoundEffect
from PySide6.QtMultimediaWidgets import QVideoWidget
