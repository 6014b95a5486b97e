"""上门办 (the field laptop, ``main.py --mode field``): the visit list, signature, photos, receipt, sync back.

``install(shell)`` adds the side panel (``FieldPanel``); ``accept_visit`` is the accept rule the field
shell installs the intake screen with (the applicant's signature is required).
"""

from __future__ import annotations

from ui.field.accept import accept_visit
from ui.field.panel import FieldPanel
from ui.shell import Shell

__all__ = ["FieldPanel", "accept_visit", "install"]


def install(shell: Shell, *, probe: bool = True) -> FieldPanel:
    panel = FieldPanel(shell, probe=probe)
    shell.add_side_panel(panel)
    return panel
