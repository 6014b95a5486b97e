"""Helpers shared by the tests (qutebrowser's ``tests/helpers`` idea), one module per area.

Fixtures stay in each folder's conftest.py and import what they need from here; tests import
helpers as ``from tests.helpers.ui import start_bundle``.
"""
