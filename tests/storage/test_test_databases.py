"""The test databases themselves: every test gets the template as migrated, whatever the test
before it wrote (on PostgreSQL the same copy comes back emptied)."""

from __future__ import annotations

import sqlalchemy as sa

from storage.db import make_engine


def _state(url: str) -> tuple[list, list, int]:
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            members = connection.exec_driver_sql("SELECT name FROM member").all()
            questions = connection.exec_driver_sql(
                "SELECT id, questions FROM report_questionnaire").all()
            new_id = connection.execute(sa.text(
                "INSERT INTO member (name, language, is_admin, active, muted_reminders, "
                "reminder_prefs, created_at, updated_at) VALUES ('x', 'fa', false, true, '[]', "
                "'{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP) RETURNING id")).scalar_one()
            connection.exec_driver_sql("UPDATE report_questionnaire SET questions = '[]'")
    finally:
        engine.dispose()
    return members, questions, new_id


def test_a_released_copy_comes_back_as_the_template(database_server, migrated_template_url):
    first = database_server.create(template=migrated_template_url)
    members, questions, new_id = _state(first)
    assert members == [] and len(questions) == 1 and new_id == 1
    database_server.release(first)

    again = database_server.create(template=migrated_template_url)
    try:
        assert _state(again) == (members, questions, new_id)  # no row, the template's, id 1
    finally:
        database_server.release(again)


def test_a_copy_whose_tables_a_test_changed_is_not_given_again(database_server,
                                                               migrated_template_url):
    changed = database_server.create(template=migrated_template_url)
    engine = make_engine(changed)
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE notes (body TEXT)")
    engine.dispose()
    database_server.release(changed)

    fresh = database_server.create(template=migrated_template_url)
    engine = make_engine(fresh)
    try:
        assert "notes" not in sa.inspect(engine).get_table_names()
    finally:
        engine.dispose()
        database_server.release(fresh)
