"""Operator security in the UI: login, idle lock, operator switch, reveal with a reason, the audit screen."""
