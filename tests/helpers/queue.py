"""Helpers of the queue tests (the hall server fixtures are in tests/queue/conftest.py)."""

PASSWORD = "hall-secret"
