"""The per-server context (settings, database, clock) every route reaches through ``app.state``."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from fastapi import Request

from backoffice.config import HALL_TZ, Config
from backoffice.crypto import Cipher
from backoffice.db import Database


@dataclass
class ServerContext:
    config: Config
    db: Database
    state: dict[str, Any] = field(default_factory=dict)
    cipher: Cipher = field(init=False)

    def __post_init__(self) -> None:
        self.cipher = Cipher(self.config.data_key)

    def now_ts(self) -> float:
        return self.config.clock.timestamp()

    def iso(self, ts: float) -> str:
        return datetime.fromtimestamp(ts, HALL_TZ).isoformat(timespec="seconds")


def get_ctx(request: Request) -> ServerContext:
    ctx = request.app.state.ctx
    assert isinstance(ctx, ServerContext)
    return ctx


def canonical_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
