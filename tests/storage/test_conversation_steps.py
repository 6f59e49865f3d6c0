"""The steps PTB's conversations are at, as a restarted bot reads them back."""

from __future__ import annotations

from sqlmodel import Session

from messenger.persistence import SQLConversationPersistence
from mina_bot.conversations import Flow


async def test_a_new_process_gets_each_conversation_its_own_steps_and_nothing_else(engine):
    before = SQLConversationPersistence(engine)
    assert await before.get_conversations("report") == {}
    await before.update_conversation("report", (101, 101), 2)
    await before.update_conversation("report", (102, 102), 3)
    await before.update_conversation("invite", (101, 101), 1)
    await before.update_conversation("invite", (103, 103), 1)
    await before.update_conversation("invite", (103, 103), None)  # ended
    with Session(engine) as session:  # what the report has collected: not a step
        Flow("report", 101, 101).save(session, {"state": 9, "done": "نصب سرورها"})
        session.commit()

    after = SQLConversationPersistence(engine)  # the restarted bot
    assert await after.get_conversations("report") == {(101, 101): 2, (102, 102): 3}
    assert await after.get_conversations("invite") == {(101, 101): 1}
    assert await after.get_conversations("broadcast") == {}
    await after.update_conversation("report", (101, 101), None)
    assert await after.get_conversations("report") == {(102, 102): 3}
    assert await SQLConversationPersistence(engine).get_conversations("report") == {
        (102, 102): 3}
