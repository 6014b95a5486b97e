"""Operators, login (online + offline), keyring, roles and permissions, PII protection, audit chain."""
