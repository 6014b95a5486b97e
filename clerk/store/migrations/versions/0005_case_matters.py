"""matters as the unit: chosen matters, handling region and one status per matter (issue 17)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 10:00:00

Cases accepted before this revision have no matter rows: they are given one per matter of their
bundle under their situation answers when the catalog still has it (done by the program on read,
``clerk.intake.matters.ensure_rows``), so nothing is lost here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMNs: a batch rebuild of ``cases`` on SQLite drops the table, and its ON DELETE
    # CASCADE foreign keys would take every case's materials with it.
    op.add_column("cases", sa.Column("chosen_matters", sa.JSON(), nullable=True))
    op.add_column("cases", sa.Column("handling_region", sa.String(length=12), nullable=False, server_default=""))
    op.add_column("cases", sa.Column("remote_intake", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "case_matters",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("case_uuid", sa.String(length=36), sa.ForeignKey("cases.case_uuid", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("national_code", sa.String(length=40), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("department", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("time_limit_days", sa.Integer(), nullable=False),
        sa.Column("due_days", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("status_at", sa.String(length=40), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("info", sa.JSON(), nullable=False),
        sa.UniqueConstraint("case_uuid", "code"),
    )
    op.create_index("ix_case_matters_case_uuid", "case_matters", ["case_uuid"])
    op.create_index("ix_case_matters_status", "case_matters", ["status"])


def downgrade() -> None:
    op.drop_index("ix_case_matters_status", table_name="case_matters")
    op.drop_index("ix_case_matters_case_uuid", table_name="case_matters")
    op.drop_table("case_matters")
    with op.batch_alter_table("cases") as b:
        b.drop_column("remote_intake")
        b.drop_column("handling_region")
        b.drop_column("chosen_matters")
