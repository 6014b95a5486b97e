"""Masking on printouts: the one implementation lives in ``clerk.security.masking``."""

from clerk.security.masking import mask_id, mask_name, mask_phone

__all__ = ["mask_id", "mask_name", "mask_phone"]
