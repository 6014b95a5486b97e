"""The file-dialog seam: a screen asks a ``FilePicker`` for files (the native dialog; tests put a function in)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ui.qt import QFileDialog, QWidget

FilePicker = Callable[[QWidget, str], list[Path]]
"""``pick(parent, title) -> paths``: the native file dialog by default; tests put a plain function here."""

IMAGE_FILTER = "图像 (*.png *.jpg *.jpeg *.tif *.tiff)"
FILE_FILTER = "材料文件 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)"


def native_file_picker(filter_: str = FILE_FILTER) -> FilePicker:
    def pick(parent: QWidget, title: str) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(parent, title, "", filter_)
        return [Path(n) for n in names]

    return pick
