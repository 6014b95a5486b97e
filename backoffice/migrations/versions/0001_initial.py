"""initial: the tables the back office made with create_all before it had migrations

Revision ID: 0001
Revises: (none)
Create Date: 2026-12-01 11:58:16.669064
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('appointments',
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('org_code', sa.String(length=32), nullable=False),
    sa.Column('service', sa.String(length=32), nullable=False),
    sa.Column('day', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('code')
    )
    op.create_table('audit',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('ts', sa.Float(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('org_code', sa.String(length=32), nullable=False),
    sa.Column('roles', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=100), nullable=False),
    sa.Column('target', sa.String(length=200), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('status', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('client', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_audit_org', 'audit', ['org_code', 'id'], unique=False)
    op.create_table('blobs',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('stored_ts', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('sha256')
    )
    op.create_table('cases',
    sa.Column('case_uuid', sa.String(length=36), nullable=False),
    sa.Column('platform_case_id', sa.String(length=40), nullable=False),
    sa.Column('case_no', sa.String(length=64), nullable=False),
    sa.Column('org_code', sa.String(length=32), nullable=False),
    sa.Column('operator', sa.String(length=64), nullable=False),
    sa.Column('window', sa.String(length=32), nullable=True),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('doc_hash', sa.String(length=64), nullable=False),
    sa.Column('document', sa.Text(), nullable=False),
    sa.Column('outstanding', sa.Text(), nullable=False),
    sa.Column('created_ts', sa.Float(), nullable=False),
    sa.Column('updated_ts', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('case_uuid'),
    sa.UniqueConstraint('org_code', 'case_no', name='uq_case_no_per_org'),
    sa.UniqueConstraint('platform_case_id')
    )
    op.create_index('ix_cases_org_code', 'cases', ['org_code'], unique=False)
    op.create_index('ix_cases_updated_ts', 'cases', ['updated_ts'], unique=False)
    op.create_table('evaluations',
    sa.Column('evaluation_uuid', sa.String(length=36), nullable=False),
    sa.Column('doc_hash', sa.String(length=64), nullable=False),
    sa.Column('document', sa.Text(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('window', sa.String(length=32), nullable=False),
    sa.Column('created_ts', sa.Float(), nullable=False),
    sa.Column('operator', sa.String(length=64), nullable=False),
    sa.Column('org_code', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('evaluation_uuid')
    )
    op.create_table('login_attempts',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('user_key', sa.String(length=64), nullable=False),
    sa.Column('addr_key', sa.String(length=64), nullable=False),
    sa.Column('ts', sa.Float(), nullable=False),
    sa.Column('state', sa.String(length=8), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_login_addr', 'login_attempts', ['addr_key', 'ts'], unique=False)
    op.create_index('ix_login_ts', 'login_attempts', ['ts'], unique=False)
    op.create_index('ix_login_user', 'login_attempts', ['user_key', 'ts'], unique=False)
    op.create_table('queue_calls',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('org_code', sa.String(length=32), nullable=False),
    sa.Column('day', sa.String(length=10), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('ticket_no', sa.String(length=16), nullable=False),
    sa.Column('window', sa.String(length=32), nullable=False),
    sa.Column('called_ts', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_call_day', 'queue_calls', ['org_code', 'day', 'id'], unique=False)
    op.create_table('queue_counters',
    sa.Column('org_code', sa.String(length=32), nullable=False),
    sa.Column('day', sa.String(length=10), nullable=False),
    sa.Column('service', sa.String(length=32), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('org_code', 'day', 'service')
    )
    op.create_table('queue_services',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('prefix', sa.String(length=4), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('sort', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('code'),
    sa.UniqueConstraint('prefix')
    )
    op.create_table('queue_tickets',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('org_code', sa.String(length=32), nullable=False),
    sa.Column('day', sa.String(length=10), nullable=False),
    sa.Column('service', sa.String(length=32), nullable=False),
    sa.Column('ticket_no', sa.String(length=16), nullable=False),
    sa.Column('priority', sa.String(length=16), nullable=False),
    sa.Column('prio_rank', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('target_window', sa.String(length=32), nullable=True),
    sa.Column('window', sa.String(length=32), nullable=True),
    sa.Column('appointment_code', sa.String(length=64), nullable=True),
    sa.Column('issued_ts', sa.Float(), nullable=False),
    sa.Column('first_called_ts', sa.Float(), nullable=True),
    sa.Column('called_ts', sa.Float(), nullable=True),
    sa.Column('started_ts', sa.Float(), nullable=True),
    sa.Column('finished_ts', sa.Float(), nullable=True),
    sa.Column('last_action', sa.String(length=16), nullable=True),
    sa.Column('last_window', sa.String(length=32), nullable=True),
    sa.Column('call_key', sa.String(length=64), nullable=True),
    sa.Column('move_key', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_ticket_number', 'queue_tickets', ['org_code', 'day', 'ticket_no'], unique=False)
    op.create_index('ix_ticket_target', 'queue_tickets', ['org_code', 'day', 'state', 'target_window', 'prio_rank', 'issued_ts', 'id'], unique=False)
    op.create_index('ix_ticket_waiting', 'queue_tickets', ['org_code', 'day', 'state', 'service', 'prio_rank', 'issued_ts', 'id'], unique=False)
    op.create_index('ix_ticket_window', 'queue_tickets', ['org_code', 'day', 'window', 'state'], unique=False)
    op.create_table('queue_windows',
    sa.Column('org_code', sa.String(length=32), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('services', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('updated_ts', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('org_code', 'code')
    )
    op.create_table('users',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=100), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('roles', sa.Text(), nullable=False),
    sa.Column('org_code', sa.String(length=32), nullable=False),
    sa.Column('windows', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('username')
    )
    op.create_table('visits',
    sa.Column('visit_uuid', sa.String(length=36), nullable=False),
    sa.Column('operator', sa.String(length=64), nullable=False),
    sa.Column('scheduled_for', sa.String(length=40), nullable=False),
    sa.Column('doc_hash', sa.String(length=64), nullable=False),
    sa.Column('document', sa.Text(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('created_ts', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('visit_uuid')
    )
    op.create_index('ix_visits_operator', 'visits', ['operator'], unique=False)
    op.create_table('case_events',
    sa.Column('event_uuid', sa.String(length=36), nullable=False),
    sa.Column('case_uuid', sa.String(length=36), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('doc_hash', sa.String(length=64), nullable=False),
    sa.Column('document', sa.Text(), nullable=False),
    sa.Column('created_ts', sa.Float(), nullable=False),
    sa.Column('operator', sa.String(length=64), nullable=False),
    sa.Column('org_code', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['case_uuid'], ['cases.case_uuid'], ),
    sa.PrimaryKeyConstraint('event_uuid')
    )
    op.create_index('ix_case_events_case_uuid', 'case_events', ['case_uuid'], unique=False)
    op.create_table('case_files',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('case_uuid', sa.String(length=36), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('material_code', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['case_uuid'], ['cases.case_uuid'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_uuid', 'sha256')
    )
    op.create_index('ix_case_files_case_uuid', 'case_files', ['case_uuid'], unique=False)
    op.create_table('case_updates',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('case_uuid', sa.String(length=36), nullable=False),
    sa.Column('org_code', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('at_ts', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['case_uuid'], ['cases.case_uuid'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_case_updates_case_uuid', 'case_updates', ['case_uuid'], unique=False)
    op.create_index('ix_update_org', 'case_updates', ['org_code', 'id'], unique=False)
    op.create_table('tokens',
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.String(length=200), nullable=False),
    sa.Column('expires_ts', sa.Float(), nullable=False),
    sa.Column('issued_ts', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['username'], ['users.username'], ),
    sa.PrimaryKeyConstraint('token_hash')
    )
    op.create_index('ix_tokens_username', 'tokens', ['username'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_tokens_username', table_name='tokens')
    op.drop_table('tokens')
    op.drop_index('ix_update_org', table_name='case_updates')
    op.drop_index('ix_case_updates_case_uuid', table_name='case_updates')
    op.drop_table('case_updates')
    op.drop_index('ix_case_files_case_uuid', table_name='case_files')
    op.drop_table('case_files')
    op.drop_index('ix_case_events_case_uuid', table_name='case_events')
    op.drop_table('case_events')
    op.drop_index('ix_visits_operator', table_name='visits')
    op.drop_table('visits')
    op.drop_table('users')
    op.drop_table('queue_windows')
    op.drop_index('ix_ticket_window', table_name='queue_tickets')
    op.drop_index('ix_ticket_waiting', table_name='queue_tickets')
    op.drop_index('ix_ticket_target', table_name='queue_tickets')
    op.drop_index('ix_ticket_number', table_name='queue_tickets')
    op.drop_table('queue_tickets')
    op.drop_table('queue_services')
    op.drop_table('queue_counters')
    op.drop_index('ix_call_day', table_name='queue_calls')
    op.drop_table('queue_calls')
    op.drop_index('ix_login_user', table_name='login_attempts')
    op.drop_index('ix_login_ts', table_name='login_attempts')
    op.drop_index('ix_login_addr', table_name='login_attempts')
    op.drop_table('login_attempts')
    op.drop_table('evaluations')
    op.drop_index('ix_cases_updated_ts', table_name='cases')
    op.drop_index('ix_cases_org_code', table_name='cases')
    op.drop_table('cases')
    op.drop_table('blobs')
    op.drop_index('ix_audit_org', table_name='audit')
    op.drop_table('audit')
    op.drop_table('appointments')
