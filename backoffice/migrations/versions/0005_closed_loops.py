"""closed loops of issue 19: evaluation links (one per visit, 补充评价), 差评 rectifications, the 办不成事 ledger

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 15:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('complaints',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('complaint_uuid', sa.String(length=36), nullable=False),
    sa.Column('doc_hash', sa.String(length=64), nullable=False),
    sa.Column('org_code', sa.String(length=32), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('matter_code', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('contact', sa.Text(), nullable=False),
    sa.Column('taken_by', sa.String(length=64), nullable=False),
    sa.Column('window', sa.String(length=32), nullable=False),
    sa.Column('assignee', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('opened_ts', sa.Float(), nullable=False),
    sa.Column('closed_ts', sa.Float(), nullable=True),
    sa.Column('result', sa.Text(), nullable=False),
    sa.Column('history', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('complaint_uuid')
    )
    op.create_index('ix_complaint_org_status', 'complaints', ['org_code', 'status'], unique=False)
    op.create_table('evaluation_links',
    sa.Column('evaluation_uuid', sa.String(length=36), nullable=False),
    sa.Column('org_code', sa.String(length=32), nullable=False),
    sa.Column('case_uuid', sa.String(length=36), nullable=True),
    sa.Column('case_no', sa.String(length=64), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('supplements', sa.String(length=36), nullable=True),
    sa.Column('matter_codes', sa.Text(), nullable=False),
    sa.Column('reasons', sa.Text(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('window', sa.String(length=32), nullable=False),
    sa.Column('operator', sa.String(length=64), nullable=False),
    sa.Column('at_ts', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('evaluation_uuid'),
    sa.UniqueConstraint('case_uuid', 'channel', name='uq_evaluation_per_case_channel')
    )
    op.create_index(op.f('ix_evaluation_links_org_code'), 'evaluation_links', ['org_code'], unique=False)
    op.create_table('rectifications',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('org_code', sa.String(length=32), nullable=False),
    sa.Column('evaluation_uuid', sa.String(length=36), nullable=False),
    sa.Column('case_uuid', sa.String(length=36), nullable=True),
    sa.Column('case_no', sa.String(length=64), nullable=False),
    sa.Column('matter_codes', sa.Text(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('reasons', sa.Text(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('operator', sa.String(length=64), nullable=False),
    sa.Column('window', sa.String(length=32), nullable=False),
    sa.Column('opened_ts', sa.Float(), nullable=False),
    sa.Column('due_date', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('appeal_from', sa.String(length=16), nullable=False),
    sa.Column('re_score', sa.Integer(), nullable=True),
    sa.Column('closed_ts', sa.Float(), nullable=True),
    sa.Column('history', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('evaluation_uuid')
    )
    op.create_index('ix_rectification_org_status', 'rectifications', ['org_code', 'status'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_rectification_org_status', table_name='rectifications')
    op.drop_table('rectifications')
    op.drop_index(op.f('ix_evaluation_links_org_code'), table_name='evaluation_links')
    op.drop_table('evaluation_links')
    op.drop_index('ix_complaint_org_status', table_name='complaints')
    op.drop_table('complaints')
