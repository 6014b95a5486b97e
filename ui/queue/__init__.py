"""The hall queue's screens: caller bar (window mode), kiosk, hall display, supervisor dashboard."""
