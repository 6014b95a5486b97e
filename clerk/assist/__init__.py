"""Offline assist at the window: OCR field extraction, cross-checks, the bundle guide, the window assistant.

Everything runs on this machine's CPU with models shipped inside the installed packages; nothing is
sent anywhere. The public calls, each returning plain data (dataclasses with ``as_json``):

- ``extract(page, kind) -> Extraction(kind, fields, confidence, refused, detected_kind)`` — OCR one
  page (slow: ~1–3 s, call it off the UI thread; the engine loads on first use, never on import);
- ``prefill_offers(case, material_code, extraction, catalog) -> list[Offer]`` — values to offer;
- ``cross_check(case, material_code, extraction) -> list[CheckWarning]`` — dismissible warnings;
- ``guide(text, catalog) -> list[Suggestion]`` — 智能导办, bundles with situation answers;
- ``ask(question, catalog, bundle=None) -> list[Answer]`` — 窗口助手, catalog texts with sources.
"""

from clerk.assist.assistant import Answer, Source, ask
from clerk.assist.checks import CheckWarning, Offer, cross_check, material_rule, prefill_offers
from clerk.assist.guide import Suggestion, guide
from clerk.assist.ocr import OcrLine, OcrUnavailable, engine, engine_loaded
from clerk.assist.reader import KIND_LABELS, KINDS, Extraction, extract, extract_lines

__all__ = [
    "KINDS", "KIND_LABELS", "Answer", "CheckWarning", "Extraction", "Offer", "OcrLine", "OcrUnavailable", "Source",
    "Suggestion", "ask", "cross_check", "engine", "engine_loaded", "extract", "extract_lines", "guide",
    "material_rule", "prefill_offers",
]
