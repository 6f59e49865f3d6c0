"""The update processor: chats run side by side, one chat's updates one by one in arrival order."""

from __future__ import annotations

import asyncio
import datetime as dt
import random

import pytest
from telegram import CallbackQuery, Chat, InlineQuery, Message, Update, User

from messenger.concurrency import SHARED, PerChatUpdateProcessor, chat_key

WHEN = dt.datetime(2021, 4, 26, tzinfo=dt.UTC)
_ids = iter(range(1, 1_000_000))


def message(chat_id: int, user_id: int | None = None) -> Update:
    """A text message in `chat_id` (a private chat when no user is given)."""
    user = User(user_id or chat_id, "someone", is_bot=False)
    kind = Chat.PRIVATE if user_id is None else Chat.GROUP
    return Update(next(_ids), message=Message(next(_ids), WHEN, Chat(chat_id, kind),
                                              from_user=user, text="x"))


class Recorder:
    """Feeds updates to a processor as PTB's fetcher does (one task each, in arrival order)."""

    def __init__(self, processor: PerChatUpdateProcessor) -> None:
        self.processor = processor
        self.log: list[tuple[str, str]] = []
        self.tasks: list[asyncio.Task] = []
        self.running = self.most = 0
        self.busy: set[str] = set()  # chats with an update running ("chat:index" names)
        self.overlaps: list[str] = []

    def feed(self, update: object, name: str, *, hold: asyncio.Event | None = None,
             pause: float = 0.0) -> asyncio.Task:
        async def handle() -> None:
            self.log.append(("start", name))
            chat = name.split(":")[0]
            if chat in self.busy:
                self.overlaps.append(name)
            self.busy.add(chat)
            self.running += 1
            self.most = max(self.most, self.running)
            if hold is not None:
                await hold.wait()
            await asyncio.sleep(pause)
            self.running -= 1
            self.busy.discard(chat)
            self.log.append(("end", name))

        task = asyncio.create_task(self.processor.process_update(update, handle()))
        self.tasks.append(task)
        return task

    def order(self, prefix: str) -> list[str]:
        return [name for event, name in self.log if event == "start" and name.startswith(prefix)]


async def test_a_slow_update_holds_back_its_chat_but_not_another_chat():
    recorder = Recorder(PerChatUpdateProcessor(16))
    slow = asyncio.Event()
    first = recorder.feed(message(1), "a1", hold=slow)
    second = recorder.feed(message(1), "a2")
    other = recorder.feed(message(2), "b1")
    await asyncio.wait_for(other, 1)  # chat 2 is answered while chat 1's first is still busy
    assert not first.done() and not second.done()
    assert ("start", "a2") not in recorder.log
    slow.set()
    await asyncio.wait_for(asyncio.gather(first, second), 1)
    assert recorder.log == [("start", "a1"), ("start", "b1"), ("end", "b1"), ("end", "a1"),
                            ("start", "a2"), ("end", "a2")]
    assert recorder.processor.busy_chats == 0


@pytest.mark.parametrize("limit", [1, 2, 16])
async def test_each_chat_keeps_its_arrival_order_even_when_every_slot_is_taken(limit):
    recorder = Recorder(PerChatUpdateProcessor(limit))
    rng = random.Random(limit)
    chats = [rng.choice((1, 2, 3, -100)) for _ in range(200)]
    for index, chat in enumerate(chats):
        recorder.feed(message(chat), f"{chat}:{index:03}", pause=rng.random() / 500)
    await asyncio.wait_for(asyncio.gather(*recorder.tasks), 10)
    for chat in set(chats):
        assert recorder.order(f"{chat}:") == sorted(recorder.order(f"{chat}:"))
    assert recorder.overlaps == []  # never two updates of one chat at once
    assert recorder.most <= min(limit, len(set(chats)))
    assert recorder.processor.busy_chats == 0


async def test_thousands_of_chats_leave_nothing_behind():
    recorder = Recorder(PerChatUpdateProcessor(16))
    for chat in range(5000):
        recorder.feed(message(chat), str(chat))
    await asyncio.wait_for(asyncio.gather(*recorder.tasks), 10)
    assert recorder.most == 16  # the limit is used, and kept
    assert recorder.processor.busy_chats == 0


async def test_an_update_cancelled_while_waiting_keeps_the_chat_in_order():
    recorder = Recorder(PerChatUpdateProcessor(16))
    slow = asyncio.Event()
    first = recorder.feed(message(1), "a1", hold=slow)
    cancelled = recorder.feed(message(1), "a2")
    third = recorder.feed(message(1), "a3")
    await asyncio.sleep(0.01)
    cancelled.cancel()
    await asyncio.sleep(0.01)
    assert recorder.order("a") == ["a1"]  # a3 still waits for a1
    slow.set()
    await asyncio.wait_for(asyncio.gather(first, third), 1)
    assert recorder.order("a") == ["a1", "a3"] and cancelled.cancelled()
    assert recorder.processor.busy_chats == 0


async def test_an_update_that_fails_lets_its_chat_go_on():
    processor = PerChatUpdateProcessor(4)

    async def fail() -> None:
        raise RuntimeError("a handler's bug")

    recorder = Recorder(processor)
    with pytest.raises(RuntimeError):
        await processor.process_update(message(1), fail())
    await asyncio.wait_for(recorder.feed(message(1), "after"), 1)
    assert recorder.order("after") == ["after"] and processor.busy_chats == 0


def test_the_key_is_the_chat_else_the_user_else_one_shared_key():
    assert chat_key(message(-100123, user_id=7)) == -100123  # a group: the whole group in order
    assert chat_key(message(7)) == 7
    inline = Update(1, inline_query=InlineQuery("q", User(7, "u", False), "", ""))
    assert chat_key(inline) == 7  # no chat: the user, like their private chat
    press = Update(2, callback_query=CallbackQuery("c", User(8, "u", False), "i",
                                                   message=message(8).message))
    assert chat_key(press) == 8
    assert chat_key(Update(3)) is SHARED
    assert chat_key(object()) is SHARED


def test_zero_is_refused():
    with pytest.raises(ValueError, match="positive"):
        PerChatUpdateProcessor(0)
