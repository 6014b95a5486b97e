"""Style sheets and colours shared by the follow-up and field screens (the global sheet is resources/styles)."""

from __future__ import annotations

from ui.qt import QColor

AMBER = QColor("#fff3c4")
AMBER_TEXT = QColor("#7a4d00")
RED = QColor("#fde2e1")
RED_TEXT = QColor("#a61b1b")

FOLLOWUP = """
QLabel#followHead { font-size: 16px; font-weight: bold; color: #102a43; padding: 2px 0; }
QLabel#followHint { color: #627d98; }
QLabel#refusal { background: #fde2e1; color: #8a1313; border: 1px solid #f5a3a0; border-radius: 6px;
                 padding: 10px 12px; font-size: 15px; font-weight: bold; }
QLabel#success { background: #e3f4e8; color: #14532d; border: 1px solid #9fd8b0; border-radius: 6px;
                 padding: 10px 12px; font-size: 15px; font-weight: bold; }
QFrame#caseCard { background: #ffffff; border: 1px solid #d9e2ec; border-radius: 6px; }
QLabel#caseCardTitle { font-size: 17px; font-weight: bold; color: #1f4e8c; }
QLabel#caseCardBody { font-size: 14px; color: #243b53; }
QLabel#noteBox { background: #fff8e1; border: 1px solid #f0b429; border-radius: 6px; padding: 8px 10px; color: #3d2b00; }
QPushButton#primaryButton { background: #1f4e8c; color: #ffffff; border: 1px solid #1f4e8c; font-weight: bold;
                            padding: 6px 22px; }
QPushButton#primaryButton:disabled { background: #9fb3c8; border-color: #9fb3c8; }
"""
"""The follow-up pages' widgets (出件, 补正/容缺) and the field laptop's, which shares them."""
