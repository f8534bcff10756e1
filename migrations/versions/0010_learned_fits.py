"""each refit of the signal learned from decisions, with its scores and whether it was adopted

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bank.db

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "learned_fits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fitted_at", bank.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("catalogue_version", sa.Integer(), nullable=False),
        sa.Column("decision_count", sa.Integer(), nullable=False),
        sa.Column("needs", sa.Integer(), nullable=False),
        sa.Column("before", sa.Float(), nullable=False),
        sa.Column("after", sa.Float(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("adopted", sa.Boolean(), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("decisions", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_learned_fits")),
    )
    with op.batch_alter_table("learned_fits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_learned_fits_adopted"), ["adopted"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("learned_fits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_learned_fits_adopted"))
    op.drop_table("learned_fits")
