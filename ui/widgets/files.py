"""The file-dialog seam: a screen asks a ``FilePicker`` for files (the native dialog; tests put a function in).

Every file dialog of the program opens in the last folder used (this run), else the user's documents
folder — never the program's own directory (``start_dir``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ui.qt import QFileDialog, QStandardPaths, QWidget

FilePicker = Callable[[QWidget, str], list[Path]]
"""``pick(parent, title) -> paths``: the native file dialog by default; tests put a plain function here."""

IMAGE_FILTER = "图像 (*.png *.jpg *.jpeg *.tif *.tiff)"
FILE_FILTER = "材料文件 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)"

_last_dir: list[Path] = []


def documents_dir() -> Path:
    """The user's documents folder (home when there is none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    d = Path(found) if found else Path.home()
    return d if d.is_dir() else Path.home()


def start_dir() -> Path:
    """Where a file dialog opens: the folder last used, else the documents folder."""
    return _last_dir[-1] if _last_dir and _last_dir[-1].is_dir() else documents_dir()


def remember_dir(path: Path | str) -> None:
    p = Path(path)
    folder = p if p.is_dir() else p.parent
    if folder.is_dir():
        _last_dir[:] = [folder]


def open_files(parent: QWidget, title: str, filter_: str = FILE_FILTER) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, title, str(start_dir()), filter_)
    if names:
        remember_dir(names[0])
    return [Path(n) for n in names]


def save_file(parent: QWidget, title: str, suggested_name: str, filter_: str) -> str:
    """The save dialog with ``suggested_name`` in the last-used (or documents) folder; "" when cancelled."""
    name, _ = QFileDialog.getSaveFileName(parent, title, str(start_dir() / suggested_name), filter_)
    if name:
        remember_dir(name)
    return str(name or "")


def existing_dir(parent: QWidget, title: str, current: Path | None = None) -> str:
    folder = QFileDialog.getExistingDirectory(parent, title, str(current if current and current.is_dir() else start_dir()))
    if folder:
        remember_dir(folder)
    return str(folder or "")


def native_file_picker(filter_: str = FILE_FILTER) -> FilePicker:
    def pick(parent: QWidget, title: str) -> list[Path]:
        return open_files(parent, title, filter_)

    return pick
