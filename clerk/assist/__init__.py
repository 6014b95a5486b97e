"""Offline assist at the window: OCR field extraction, cross-checks, the bundle guide, the window assistant."""
