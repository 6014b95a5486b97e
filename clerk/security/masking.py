"""Masking of personal data wherever a full value is not needed (lists, printouts, logs)."""

from __future__ import annotations

import re


def mask_id(number: str) -> str:
    """2301**********1234: the first four and last four characters kept."""
    n = number.strip()
    if len(n) <= 8:
        return n[:1] + "*" * max(0, len(n) - 2) + n[-1:] if len(n) > 2 else "*" * len(n)
    return n[:4] + "*" * (len(n) - 8) + n[-4:]


def mask_phone(phone: str) -> str:
    """138****5678."""
    p = phone.strip()
    if len(p) < 7:
        return "*" * len(p)
    return p[:3] + "*" * (len(p) - 7) + p[-4:]


def mask_name(name: str) -> str:
    """张*明 (two characters: 张*)."""
    n = name.strip()
    if len(n) <= 1:
        return n
    if len(n) == 2:
        return n[0] + "*"
    return n[0] + "*" * (len(n) - 2) + n[-1]


_ID_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])")
_PHONE_IN_TEXT = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")


_BEARER_IN_TEXT = re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]{6,}")
_SECRET_IN_TEXT = re.compile(
    r"""(?i)(["']?(?:token|access_token|password|passwd|secret|data[-_]key)["']?\s*[:=]\s*["']?)([^\s"',;}&]{4,})"""
)


def scrub(text: str) -> str:
    """Masks ID numbers, mobile numbers and tokens / passwords inside free text (for logs)."""
    text = _ID_IN_TEXT.sub(lambda m: m.group(1)[:4] + "*" * 10 + m.group(3)[-4:], text)
    text = _PHONE_IN_TEXT.sub(lambda m: m.group(1) + "****" + m.group(3), text)
    text = _BEARER_IN_TEXT.sub(lambda m: m.group(1) + "***", text)
    return _SECRET_IN_TEXT.sub(lambda m: m.group(1) + "***", text)
