"""matters as the unit of a case (issue 17, API 1.1): per-matter statuses and 办件编号, the handling
region (跨域通办), the matters each feed line moved

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 15:00:00

Cases filed before this revision (and every case a v1 client files) have no matter rows: they keep
one case-level status. New columns have server defaults, so existing rows need no rewrite.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN (nullable or with a server default): no table rebuild, also on SQLite, where a
    # batch rebuild of ``cases`` would trip over the foreign keys of case_files and case_events
    op.add_column("cases", sa.Column("handling_region", sa.String(length=12), nullable=True))
    op.add_column("cases", sa.Column("proxy", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("case_updates", sa.Column("matters", sa.Text(), nullable=True))
    op.create_table(
        "case_matters",
        sa.Column("case_uuid", sa.String(length=36), sa.ForeignKey("cases.case_uuid"), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("national_code", sa.String(length=40), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("updated_ts", sa.Float(), nullable=False),
        sa.Column("project_no", sa.String(length=40), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("case_uuid", "code"),
    )


def downgrade() -> None:
    op.drop_table("case_matters")
    op.drop_column("case_updates", "matters")  # ALTER TABLE … DROP COLUMN (SQLite ≥ 3.35)
    op.drop_column("cases", "proxy")
    op.drop_column("cases", "handling_region")
