"""Reference platform and hall server: the server side of shared/platform-api.md, version 1 (+ 1.1, docs/api.md)."""

API_VERSION = "1"
API_REVISION = "1.1"
"""The contract's major version (the path prefix) and the revision this server speaks (docs/api.md)."""
