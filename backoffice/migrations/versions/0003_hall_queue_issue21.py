"""hall queue additions of issue 21 (appointments with slots, parked tickets, fallback devices, SMS, day closing)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 13:55:02.845925
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('queue_day_closes',
    sa.Column('org_code', sa.String(length=32), nullable=False),
    sa.Column('day', sa.String(length=10), nullable=False),
    sa.Column('rule', sa.String(length=8), nullable=False),
    sa.Column('carried', sa.Integer(), nullable=False),
    sa.Column('closed', sa.Integer(), nullable=False),
    sa.Column('missed_appointments', sa.Integer(), nullable=False),
    sa.Column('closed_ts', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('org_code', 'day')
    )
    op.create_table('queue_fallback_devices',
    sa.Column('org_code', sa.String(length=32), nullable=False),
    sa.Column('prefix', sa.String(length=2), nullable=False),
    sa.Column('device_id', sa.String(length=200), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('claimed_ts', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('org_code', 'prefix')
    )
    op.create_table('queue_slot_counts',
    sa.Column('org_code', sa.String(length=32), nullable=False),
    sa.Column('service', sa.String(length=32), nullable=False),
    sa.Column('day', sa.String(length=10), nullable=False),
    sa.Column('slot', sa.String(length=5), nullable=False),
    sa.Column('booked', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('org_code', 'service', 'day', 'slot')
    )
    op.create_table('queue_sms',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('org_code', sa.String(length=32), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=True),
    sa.Column('ticket_no', sa.String(length=16), nullable=False),
    sa.Column('appointment_code', sa.String(length=64), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('phone', sa.Text(), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=8), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('error', sa.String(length=300), nullable=False),
    sa.Column('gateway', sa.String(length=32), nullable=False),
    sa.Column('created_ts', sa.Float(), nullable=False),
    sa.Column('sent_ts', sa.Float(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('queue_sms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_queue_sms_ticket_id'), ['ticket_id'], unique=False)
        batch_op.create_index('ix_sms_org', ['org_code', 'id'], unique=False)
        batch_op.create_index('ix_sms_state', ['state', 'id'], unique=False)

    with op.batch_alter_table('appointments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('slot', sa.String(length=5), nullable=True))
        batch_op.add_column(sa.Column('person', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('id_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('active_key', sa.String(length=160), nullable=True))
        batch_op.add_column(sa.Column('state', sa.String(length=16), server_default='booked', nullable=False))
        batch_op.add_column(sa.Column('channel', sa.String(length=16), server_default='', nullable=False))
        batch_op.add_column(sa.Column('booked_by', sa.String(length=64), server_default='', nullable=False))
        batch_op.add_column(sa.Column('booking_key', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('created_ts', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('cancelled_ts', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('checked_in_ts', sa.Float(), nullable=True))
        batch_op.create_index('ix_appointment_day', ['org_code', 'day', 'service', 'slot'], unique=False)
        batch_op.create_index('ix_appointment_person', ['org_code', 'day', 'id_hash'], unique=False)
        batch_op.create_unique_constraint('appointments_active_key_key', ['active_key'])  # PostgreSQL's own name

    with op.batch_alter_table('queue_tickets', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phone', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('status_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('near_notified', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('source_device', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('parked_ts', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('carried_from', sa.String(length=10), nullable=True))
        batch_op.create_index(batch_op.f('ix_queue_tickets_status_hash'), ['status_hash'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('queue_tickets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_queue_tickets_status_hash'))
        batch_op.drop_column('carried_from')
        batch_op.drop_column('parked_ts')
        batch_op.drop_column('source_device')
        batch_op.drop_column('near_notified')
        batch_op.drop_column('status_hash')
        batch_op.drop_column('phone')

    with op.batch_alter_table('appointments', schema=None) as batch_op:
        # the unique constraint on active_key goes with its column
        batch_op.drop_index('ix_appointment_person')
        batch_op.drop_index('ix_appointment_day')
        batch_op.drop_column('checked_in_ts')
        batch_op.drop_column('cancelled_ts')
        batch_op.drop_column('created_ts')
        batch_op.drop_column('booking_key')
        batch_op.drop_column('booked_by')
        batch_op.drop_column('channel')
        batch_op.drop_column('state')
        batch_op.drop_column('active_key')
        batch_op.drop_column('id_hash')
        batch_op.drop_column('person')
        batch_op.drop_column('slot')

    with op.batch_alter_table('queue_sms', schema=None) as batch_op:
        batch_op.drop_index('ix_sms_state')
        batch_op.drop_index('ix_sms_org')
        batch_op.drop_index(batch_op.f('ix_queue_sms_ticket_id'))

    op.drop_table('queue_sms')
    op.drop_table('queue_slot_counts')
    op.drop_table('queue_fallback_devices')
    op.drop_table('queue_day_closes')
