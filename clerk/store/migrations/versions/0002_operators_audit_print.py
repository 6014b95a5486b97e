"""operators, audit chain, print queue

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 18:52:28.950379
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('audit',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('entry_uuid', sa.String(length=36), nullable=False),
    sa.Column('at', sa.String(length=40), nullable=False),
    sa.Column('operator', sa.String(length=64), nullable=False),
    sa.Column('window', sa.String(length=16), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('case_uuid', sa.String(length=36), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('entry_uuid')
    )
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_case_uuid'), ['case_uuid'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_operator'), ['operator'], unique=False)

    op.create_table('operators',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=100), nullable=False),
    sa.Column('roles', sa.JSON(), nullable=False),
    sa.Column('org_code', sa.String(length=16), nullable=False),
    sa.Column('windows', sa.JSON(), nullable=False),
    sa.Column('verifier', sa.Text(), nullable=False),
    sa.Column('failed_count', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.String(length=40), nullable=True),
    sa.Column('last_online_login', sa.String(length=40), nullable=True),
    sa.PrimaryKeyConstraint('username')
    )
    op.create_table('print_jobs',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('case_uuid', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('printer', sa.String(length=100), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('reprint', sa.Boolean(), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.Column('operator', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('printed_at', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['sha256'], ['blobs.sha256'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('print_jobs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_print_jobs_case_uuid'), ['case_uuid'], unique=False)
        batch_op.create_index(batch_op.f('ix_print_jobs_state'), ['state'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('print_jobs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_print_jobs_state'))
        batch_op.drop_index(batch_op.f('ix_print_jobs_case_uuid'))

    op.drop_table('print_jobs')
    op.drop_table('operators')
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_operator'))
        batch_op.drop_index(batch_op.f('ix_audit_case_uuid'))
        batch_op.drop_index(batch_op.f('ix_audit_at'))
        batch_op.drop_index(batch_op.f('ix_audit_action'))

    op.drop_table('audit')

