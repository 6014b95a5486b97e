"""The signing pad lives in ``ui.widgets.signature`` (shared: the window signs commitments on it too)."""

from __future__ import annotations

from ui.widgets.signature import INK, SignaturePad

__all__ = ["INK", "SignaturePad"]
