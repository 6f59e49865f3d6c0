"""resolution_assignment.active: the resolution's status mirrored by triggers, and its index.

«What do I owe?» looked up every assignment of the member's units, the unit's whole history,
to keep the active ones: a national committee at ten times the country has 31,000 assignments
and 2,200 duties, and its p99 grew with the organisation (`python -m bench --scale 1 3 10`).
The partial index on active assignments holds the duties alone. The database keeps the flag
itself (triggers on the resolution's status and on a new assignment), so a plain SQL fix by an
operator keeps it right too.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 20:00:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | Sequence[str] | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTIVE = "status IN ('open', 'reported_done')"
SQLITE = (
    f"""CREATE TRIGGER tr_assignment_active_on_insert AFTER INSERT ON resolution_assignment
    BEGIN
        UPDATE resolution_assignment SET active = COALESCE(
            (SELECT {ACTIVE} FROM resolution WHERE id = NEW.resolution_id), 0)
        WHERE resolution_id = NEW.resolution_id AND unit_id = NEW.unit_id;
    END""",
    f"""CREATE TRIGGER tr_assignment_active_on_status AFTER UPDATE OF status ON resolution
    BEGIN
        UPDATE resolution_assignment SET active = (NEW.{ACTIVE})
        WHERE resolution_id = NEW.id;
    END""",
)
POSTGRESQL = (
    f"""CREATE FUNCTION assignment_active_on_insert() RETURNS trigger AS $$
    BEGIN
        NEW.active := COALESCE((SELECT {ACTIVE} FROM resolution WHERE id = NEW.resolution_id),
                               false);
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER tr_assignment_active_on_insert BEFORE INSERT ON resolution_assignment
    FOR EACH ROW EXECUTE FUNCTION assignment_active_on_insert()""",
    f"""CREATE FUNCTION assignment_active_on_status() RETURNS trigger AS $$
    BEGIN
        UPDATE resolution_assignment SET active = (NEW.{ACTIVE})
        WHERE resolution_id = NEW.id AND active IS DISTINCT FROM (NEW.{ACTIVE});
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER tr_assignment_active_on_status AFTER UPDATE OF status ON resolution
    FOR EACH ROW EXECUTE FUNCTION assignment_active_on_status()""",
)


def upgrade() -> None:
    """Add the column, fill it, index it, and let the database keep it."""
    with op.batch_alter_table('resolution_assignment') as batch:
        batch.add_column(sa.Column('active', sa.Boolean(), server_default=sa.true(),
                                   nullable=False))
    op.execute(f"UPDATE resolution_assignment SET active = (SELECT {ACTIVE} FROM resolution "
               "WHERE resolution.id = resolution_assignment.resolution_id)")
    op.create_index('ix_resolution_assignment_active', 'resolution_assignment',
                    ['unit_id', 'resolution_id'], unique=False,
                    sqlite_where=sa.text('active'), postgresql_where=sa.text('active'))
    for statement in POSTGRESQL if op.get_bind().dialect.name == "postgresql" else SQLITE:
        op.execute(statement)


def downgrade() -> None:
    """Drop the triggers, the index and the column."""
    if op.get_bind().dialect.name == "postgresql":
        for name, table in (("on_insert", "resolution_assignment"), ("on_status", "resolution")):
            op.execute(f"DROP TRIGGER tr_assignment_active_{name} ON {table}")
            op.execute(f"DROP FUNCTION assignment_active_{name}()")
    else:
        op.execute("DROP TRIGGER tr_assignment_active_on_insert")
        op.execute("DROP TRIGGER tr_assignment_active_on_status")
    op.drop_index('ix_resolution_assignment_active', table_name='resolution_assignment')
    with op.batch_alter_table('resolution_assignment') as batch:
        batch.drop_column('active')
