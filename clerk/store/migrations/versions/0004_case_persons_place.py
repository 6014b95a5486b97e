"""cases.persons and cases.place: who on the form is the same person (同申请人), where a case was taken

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as b:
        b.add_column(sa.Column("persons", sa.JSON(), nullable=False, server_default="{}"))
        b.add_column(sa.Column("place", sa.JSON(), nullable=False, server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("cases") as b:
        b.drop_column("place")
        b.drop_column("persons")
