"""Masking of personal data wherever a full value is not needed (lists, printouts, logs)."""

from __future__ import annotations

import re


def mask_id(id_number: str) -> str:
    """``230102199001011234`` → ``2301**********1234``; short numbers keep less of their ends."""
    s = "".join(id_number.split())
    n = len(s)
    if n >= 10:
        keep_head, keep_tail = 4, 4
    elif n >= 6:
        keep_head, keep_tail = 2, 2
    elif n >= 3:
        keep_head, keep_tail = 1, 0
    else:
        return "*" * n
    return s[:keep_head] + "*" * (n - keep_head - keep_tail) + (s[n - keep_tail :] if keep_tail else "")


def mask_phone(phone: str) -> str:
    """``13812345678`` → ``138****5678``; a landline ``0451-12345678`` → ``0451-****5678``."""
    s = phone.strip()
    digits = [i for i, ch in enumerate(s) if ch.isdigit()]
    if len(digits) < 7:
        return s
    if "-" in s:
        head, _, local = s.rpartition("-")
        if len(local) >= 5:
            return f"{head}-{'*' * (len(local) - 4)}{local[-4:]}"
    hide = set(digits[3:-4])
    return "".join("*" if i in hide else ch for i, ch in enumerate(s))


def mask_name(name: str) -> str:
    """``张三`` → ``张*``, ``张三明`` → ``张*明``, ``欧阳小明`` → ``欧**明``; enterprise names are not masked here."""
    s = name.strip()
    if len(s) <= 1:
        return s
    if len(s) == 2:
        return s[0] + "*"
    return s[0] + "*" * (len(s) - 2) + s[-1]


_ID_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])")
_PHONE_IN_TEXT = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")


_BEARER_IN_TEXT = re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]{6,}")
_SECRET_IN_TEXT = re.compile(
    r"""(?i)(["']?(?:token|access_token|password|passwd|secret|data[-_]key)["']?\s*[:=]\s*["']?)([^\s"',;}&]{4,})"""
)


_NAME_KEYS = r"(?:applicant_name|agent_name|receiver_name|contact_name|legal_rep(?:resentative)?_name|name)"
_ADDRESS_KEYS = r"(?:[a-z_]*address|addr)"
_NAME_IN_TEXT = re.compile(r"""(?i)(["']""" + _NAME_KEYS + r"""["']\s*:\s*["'])([^"'\\]{1,60})(["'])""")
_ADDRESS_IN_TEXT = re.compile(r"""(?i)(["']""" + _ADDRESS_KEYS + r"""["']\s*:\s*["'])([^"'\\]{1,200})(["'])""")


def scrub(text: str) -> str:
    """Masks ID numbers, mobile numbers, tokens / passwords, and the names and addresses of JSON or
    dict text (``"name": "张三明"`` → ``"name": "张*明"``, addresses → ``***``) inside free text (for logs)."""
    text = _NAME_IN_TEXT.sub(lambda m: m.group(1) + mask_name(m.group(2)) + m.group(3), text)
    text = _ADDRESS_IN_TEXT.sub(lambda m: m.group(1) + "***" + m.group(3), text)
    text = _ID_IN_TEXT.sub(lambda m: m.group(1)[:4] + "*" * 10 + m.group(3)[-4:], text)
    text = _PHONE_IN_TEXT.sub(lambda m: m.group(1) + "****" + m.group(3), text)
    text = _BEARER_IN_TEXT.sub(lambda m: m.group(1) + "***", text)
    return _SECRET_IN_TEXT.sub(lambda m: m.group(1) + "***", text)
