"""The window-clerk workstation's domain core: catalog, intake, materials, queue, sync, security, store.

Nothing in this package imports Qt, ``ui`` or ``printing`` (checked by import-linter in the tests).
"""

__version__ = "0.1.0"
