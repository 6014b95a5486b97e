"""Masks personal data on printouts (ID numbers, phone numbers, names).

Kept in ``printing/`` for now; it belongs in ``clerk/security`` once that module exists.
"""

from __future__ import annotations


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
