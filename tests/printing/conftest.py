"""Fixtures for the printouts: a hall, realistic cases, and a real CUPS queue printing to cups-pdf (tests.helpers.printing)."""

from __future__ import annotations

import pytest

from clerk.intake.model import CaseStatus, CaseView
from clerk.settings import HallSettings
from printing.samples import sample_case


@pytest.fixture
def hall() -> HallSettings:
    return HallSettings()


@pytest.fixture
def accepted_case() -> CaseView:
    return sample_case(CaseStatus.ACCEPTED)


@pytest.fixture
def notified_case() -> CaseView:
    return sample_case(CaseStatus.NOTIFIED, missing=6)


@pytest.fixture
def rejected_case() -> CaseView:
    return sample_case(CaseStatus.REJECTED)
