"""search indexes: (key, created_at) so a prefix search pages from the index alone

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 19:40:00
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

PAIRS = [
    ("ix_cases_name_created", "applicant_name"),
    ("ix_cases_initials_created", "applicant_initials"),
    ("ix_cases_idnum_created", "applicant_id_number"),
    ("ix_cases_phone_created", "applicant_phone"),
]
SINGLE = [
    ("ix_cases_applicant_name", "applicant_name"),
    ("ix_cases_applicant_initials", "applicant_initials"),
    ("ix_cases_applicant_id_number", "applicant_id_number"),
    ("ix_cases_applicant_phone", "applicant_phone"),
]


def upgrade() -> None:
    with op.batch_alter_table("cases") as b:
        for name, _col in SINGLE:
            b.drop_index(name)
        for name, col in PAIRS:
            b.create_index(name, [col, "created_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("cases") as b:
        for name, _col in PAIRS:
            b.drop_index(name)
        for name, col in SINGLE:
            b.create_index(name, [col], unique=False)
