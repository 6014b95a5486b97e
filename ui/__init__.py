"""The PySide6 desktop front end of the window-clerk workstation (thin: widgets over clerk/ services)."""
