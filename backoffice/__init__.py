"""Reference platform and hall server: the server side of shared/platform-api.md, version 1."""

API_VERSION = "1"
