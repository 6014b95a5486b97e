"""Helpers shared by the back-office tests (the fixtures are in conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import requests

from backoffice.embedded import EmbeddedServer

PASSWORD = "s3cret-pass"
StartFn = Callable[..., EmbeddedServer]


class Api:
    """A logged-in client of one running server."""

    def __init__(self, server: EmbeddedServer, username: str = "clerk01") -> None:
        self.server = server
        self.url = server.url
        self.http = requests.Session()
        r = self.http.post(self.url + "/api/v1/auth/login",
                           json={"username": username, "password": PASSWORD, "device_id": "test-device"})
        assert r.status_code == 200, r.text
        self.token = r.json()["token"]
        self.http.headers["Authorization"] = f"Bearer {self.token}"

    def get(self, path: str, **kw: Any) -> requests.Response:
        return self.http.get(self.url + path, timeout=30, **kw)

    def post(self, path: str, **kw: Any) -> requests.Response:
        return self.http.post(self.url + path, timeout=30, **kw)

    def put(self, path: str, **kw: Any) -> requests.Response:
        return self.http.put(self.url + path, timeout=60, **kw)

    def clone(self) -> Api:
        """Another client with the same token (one requests.Session per thread)."""
        other = object.__new__(Api)
        other.server, other.url, other.token = self.server, self.url, self.token
        other.http = requests.Session()
        other.http.headers["Authorization"] = f"Bearer {self.token}"
        return other
