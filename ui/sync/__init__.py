"""Sync in the window: starting the worker, the status-bar indicator, the problems dialog, case-update notices."""
