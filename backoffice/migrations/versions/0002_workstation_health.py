"""workstation health: the latest report of each window PC (1.1)

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 12:00:39.112223
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('workstation_health',
    sa.Column('org_code', sa.String(length=32), nullable=False),
    sa.Column('device_id', sa.String(length=200), nullable=False),
    sa.Column('window', sa.String(length=32), nullable=True),
    sa.Column('operator', sa.String(length=64), nullable=False),
    sa.Column('version', sa.String(length=40), nullable=False),
    sa.Column('outbox_pending', sa.Integer(), nullable=False),
    sa.Column('outbox_parked', sa.Integer(), nullable=False),
    sa.Column('outbox_oldest_ts', sa.Float(), nullable=True),
    sa.Column('last_sync_ts', sa.Float(), nullable=True),
    sa.Column('devices', sa.Text(), nullable=False),
    sa.Column('reported_ts', sa.Float(), nullable=False),
    sa.Column('client', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('org_code', 'device_id')
    )


def downgrade() -> None:
    op.drop_table('workstation_health')
