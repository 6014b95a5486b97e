"""Application-wide set-up shared by main.py, tests and benches: CJK font, stylesheet, translator."""

from __future__ import annotations

import logging
from pathlib import Path

from ui.qt import QApplication, QFont, QFontDatabase, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
FONT_CANDIDATES = (
    *sorted((RESOURCES / "fonts").glob("*.tt[fc]")),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
)
STYLESHEET = RESOURCES / "styles" / "window.qss"
TRANSLATIONS = RESOURCES / "translations"
LANGUAGES = ("zh_CN", "en")


def load_cjk_font(point_size: int = 10) -> str | None:
    """Registers the CJK face (wqy-zenhei) with Qt and makes it the application font; returns its family."""
    for path in FONT_CANDIDATES:
        if not path.exists():
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            font = QFont(families[0], point_size)
            QApplication.setFont(font)
            return families[0]
    log.warning("no CJK font found; Chinese may show as boxes (install fonts-wqy-zenhei)")
    return None


def install_qt_translator(app: QApplication, lang: str) -> QTranslator | None:
    """Qt's own strings (file dialogs, OK/Cancel, context menus of text fields) in ``lang``: the
    ``qtbase_<lang>.qm`` that ships with Qt (PySide6/Qt/translations); English needs none."""
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China) if lang == "zh_CN"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    if lang == "en":
        return None
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{lang}", folder):
        app.installTranslator(translator)
        return translator
    log.warning("Qt's own translation for %s not found in %s; its dialogs stay English", lang, folder)
    return None


def install_translator(app: QApplication, lang: str) -> QTranslator | None:
    """Loads the UI translation for ``lang`` (source strings are Simplified Chinese: zh_CN needs none)
    and Qt's own (``install_qt_translator``)."""
    install_qt_translator(app, lang)
    if lang == "zh_CN":
        return None
    translator = QTranslator(app)
    if translator.load(str(TRANSLATIONS / f"window_clerk_{lang}.qm")):
        app.installTranslator(translator)
        return translator
    log.warning("no translation for %s; showing Chinese", lang)
    return None


def apply_style(app: QApplication) -> None:
    if STYLESHEET.exists():
        icons = (RESOURCES / "icons").as_posix()
        app.setStyleSheet(STYLESHEET.read_text(encoding="utf-8").replace("@ICONS@", icons))


def prepare(app: QApplication, lang: str = "zh_CN") -> None:
    """Everything an application needs before the first window: font, stylesheet, translation."""
    app.setApplicationName("window-clerk")
    app.setApplicationDisplayName("")
    load_cjk_font()
    apply_style(app)
    install_translator(app, lang)
