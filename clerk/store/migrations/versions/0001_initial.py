"""initial cache: cases, materials, pages, blobs, outbox

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-26 18:52:27.985491
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('blobs',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('media_type', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('sha256')
    )
    op.create_table('cases',
    sa.Column('case_uuid', sa.String(length=36), nullable=False),
    sa.Column('case_no', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('bundle_code', sa.String(length=64), nullable=False),
    sa.Column('catalog_version', sa.String(length=64), nullable=False),
    sa.Column('situations', sa.JSON(), nullable=False),
    sa.Column('applicant_kind', sa.String(length=16), nullable=False),
    sa.Column('applicant_name', sa.String(length=200), nullable=False),
    sa.Column('applicant_initials', sa.String(length=64), nullable=False),
    sa.Column('applicant_id_type', sa.String(length=40), nullable=False),
    sa.Column('applicant_id_number', sa.String(length=40), nullable=False),
    sa.Column('applicant_phone', sa.String(length=40), nullable=False),
    sa.Column('applicant', sa.JSON(), nullable=False),
    sa.Column('agent', sa.JSON(), nullable=True),
    sa.Column('form', sa.JSON(), nullable=False),
    sa.Column('delivery', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('updated_at', sa.String(length=40), nullable=False),
    sa.Column('accepted_at', sa.String(length=40), nullable=True),
    sa.Column('notified_at', sa.String(length=40), nullable=True),
    sa.Column('rejected_at', sa.String(length=40), nullable=True),
    sa.Column('commitment_signed_at', sa.String(length=40), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('return_by', sa.Date(), nullable=True),
    sa.Column('reject_reason', sa.Text(), nullable=False),
    sa.Column('operator', sa.String(length=64), nullable=False),
    sa.Column('window', sa.String(length=16), nullable=False),
    sa.Column('org_code', sa.String(length=16), nullable=False),
    sa.Column('device_id', sa.String(length=64), nullable=False),
    sa.Column('ticket_no', sa.String(length=16), nullable=True),
    sa.Column('platform_case_id', sa.String(length=64), nullable=True),
    sa.Column('platform_note', sa.Text(), nullable=False),
    sa.Column('platform_updated_at', sa.String(length=40), nullable=True),
    sa.PrimaryKeyConstraint('case_uuid'),
    sa.UniqueConstraint('case_no')
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cases_applicant_id_number'), ['applicant_id_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_applicant_initials'), ['applicant_initials'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_applicant_name'), ['applicant_name'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_applicant_phone'), ['applicant_phone'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_due_date'), ['due_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_status'), ['status'], unique=False)
        batch_op.create_index('ix_cases_status_created', ['status', 'created_at'], unique=False)

    op.create_table('kv',
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('outbox',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('idempotency_key', sa.String(length=64), nullable=False),
    sa.Column('case_uuid', sa.String(length=36), nullable=True),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.String(length=40), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('done_at', sa.String(length=40), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('idempotency_key')
    )
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_case_uuid'), ['case_uuid'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbox_state'), ['state'], unique=False)

    op.create_table('sequences',
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )
    op.create_table('case_materials',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('case_uuid', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('info', sa.JSON(), nullable=False),
    sa.Column('reused_from', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['case_uuid'], ['cases.case_uuid'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_uuid', 'code')
    )
    with op.batch_alter_table('case_materials', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_materials_case_uuid'), ['case_uuid'], unique=False)

    op.create_table('material_files',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('material_id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('media_type', sa.String(length=64), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('source_name', sa.String(length=260), nullable=False),
    sa.ForeignKeyConstraint(['material_id'], ['case_materials.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sha256'], ['blobs.sha256'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('material_files', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_material_files_material_id'), ['material_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_material_files_sha256'), ['sha256'], unique=False)

    op.create_table('pages',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('material_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('media_type', sa.String(length=64), nullable=False),
    sa.Column('page_index', sa.Integer(), nullable=False),
    sa.Column('rotation', sa.Integer(), nullable=False),
    sa.Column('source_name', sa.String(length=260), nullable=False),
    sa.Column('blank_score', sa.Double(), nullable=True),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['material_id'], ['case_materials.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sha256'], ['blobs.sha256'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('pages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pages_material_id'), ['material_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pages_sha256'), ['sha256'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('pages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pages_sha256'))
        batch_op.drop_index(batch_op.f('ix_pages_material_id'))

    op.drop_table('pages')
    with op.batch_alter_table('material_files', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_material_files_sha256'))
        batch_op.drop_index(batch_op.f('ix_material_files_material_id'))

    op.drop_table('material_files')
    with op.batch_alter_table('case_materials', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_materials_case_uuid'))

    op.drop_table('case_materials')
    op.drop_table('sequences')
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_state'))
        batch_op.drop_index(batch_op.f('ix_outbox_case_uuid'))

    op.drop_table('outbox')
    op.drop_table('kv')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('ix_cases_status_created')
        batch_op.drop_index(batch_op.f('ix_cases_status'))
        batch_op.drop_index(batch_op.f('ix_cases_due_date'))
        batch_op.drop_index(batch_op.f('ix_cases_created_at'))
        batch_op.drop_index(batch_op.f('ix_cases_applicant_phone'))
        batch_op.drop_index(batch_op.f('ix_cases_applicant_name'))
        batch_op.drop_index(batch_op.f('ix_cases_applicant_initials'))
        batch_op.drop_index(batch_op.f('ix_cases_applicant_id_number'))

    op.drop_table('cases')
    op.drop_table('blobs')

