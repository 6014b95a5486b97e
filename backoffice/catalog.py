"""GET /api/v1/catalog: the shipped 一件事 catalog (``forms/``) as JSON, with an ETag."""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from backoffice import authz
from backoffice.auth import CurrentOperator
from backoffice.authz import Perm
from backoffice.context import get_ctx
from backoffice.errors import ApiError

log = logging.getLogger(__name__)
router = APIRouter()
_lock = threading.Lock()


def _signature(directory: Path) -> tuple[tuple[str, float, int], ...]:
    files = sorted(directory.rglob("*.yaml")) + sorted(directory.glob("VERSION")) + sorted(directory.glob("*.json"))
    return tuple((str(f), f.stat().st_mtime, f.stat().st_size) for f in files)


def build_catalog(directory: Path | None) -> dict[str, Any]:
    """The catalog document; an empty bundle list when ``forms/`` has no bundles yet."""
    from clerk.catalog.loader import DEFAULT_CATALOG_DIR, CatalogError, load_catalog_dir

    directory = directory or DEFAULT_CATALOG_DIR
    holidays: dict[str, Any] = {}
    holidays_file = directory / "holidays.json"
    if holidays_file.exists():
        holidays = json.loads(holidays_file.read_text(encoding="utf-8"))
    try:
        catalog = load_catalog_dir(directory)
    except CatalogError as exc:
        if any("no bundle files" in p for p in exc.problems):
            version_file = directory / "VERSION"
            base = version_file.read_text().strip() if version_file.exists() else "local"
            return {"version": f"{base}+empty", "bundles": [], "holidays": holidays}
        raise
    doc = catalog.model_dump(mode="json")
    doc["holidays"] = {**doc.get("holidays", {}), **holidays}
    return doc


def _cached(request: Request) -> tuple[bytes, str]:
    ctx = get_ctx(request)
    from clerk.catalog.loader import DEFAULT_CATALOG_DIR, CatalogError

    directory = ctx.config.catalog_dir or DEFAULT_CATALOG_DIR
    with _lock:
        sig = _signature(directory) if directory.exists() else ()
        cached = ctx.state.get("catalog")
        if cached is not None and cached[0] == sig:
            return cached[1], cached[2]
        try:
            doc = build_catalog(directory)
        except (CatalogError, OSError, ValueError) as exc:
            log.warning("catalog does not load: %s", exc)
            raise ApiError(503, "catalog_unavailable", f"the catalog does not load: {exc}") from None
        body = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        ctx.state["catalog"] = (sig, body, etag)
        return body, etag


def _matches(header: str, etag: str) -> bool:
    tags = [t.strip() for t in header.split(",")]
    return "*" in tags or any(t.removeprefix("W/") == etag for t in tags)


@router.get("/api/v1/catalog")
def get_catalog(request: Request, op: CurrentOperator) -> Response:
    authz.require(op, Perm.CATALOG)
    body, etag = _cached(request)
    inm = request.headers.get("if-none-match")
    if inm and _matches(inm, etag):
        return Response(status_code=304, headers={"ETag": etag})
    return Response(body, media_type="application/json", headers={"ETag": etag, "Cache-Control": "no-cache"})


__all__ = ["router", "build_catalog", "JSONResponse"]
