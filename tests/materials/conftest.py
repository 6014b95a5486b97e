"""Fixtures for the materials tests: a draft case with its checklist, realistic page images, SANE's test scanner."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from clerk.materials.service import MaterialsService
from clerk.store.models import MaterialRow
from tests.helpers.materials import (  # noqa: F401 - re-exported for this folder's tests
    blank_page,
    jpeg_bytes,
    pdf_bytes,
    png_bytes,
    text_page,
)


@dataclass
class Draft:
    ctx: Any
    svc: MaterialsService
    case_uuid: str
    case_no: str
    codes: list[str]

    def set_info(self, code: str, **info: Any) -> None:
        """Changes a material's catalog facts (file types, size limit) for a test."""
        with self.ctx.store.write() as s:
            for m in s.query(MaterialRow).filter_by(case_uuid=self.case_uuid, code=code):
                m.info = {**m.info, **info}


@pytest.fixture
def draft(ctx: Any, clerk_actor: Any) -> Draft:
    view = ctx.intake.start_draft(clerk_actor, "newborn")
    svc = MaterialsService(ctx.store, ctx.pages, ctx.events)
    return Draft(ctx, svc, view.case_uuid, view.case_no, [m.code for m in view.materials])


@pytest.fixture
def sane(sane_env: dict[str, str]) -> Iterator[Any]:
    from clerk.materials.scanner import SaneScanner

    yield SaneScanner(env=sane_env)
