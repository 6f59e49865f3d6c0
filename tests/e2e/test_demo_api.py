"""The demo page's own routes: the sample people from the database, and the demo clock."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from bot import prepare_runtime
from demo.page import DemoPage
from tests.fixtures.bot import harness_settings


@pytest.fixture
async def page(sample_organisation, database_url, fake_clock):
    runtime = prepare_runtime(harness_settings(database_url), clock=fake_clock)
    started = DemoPage(runtime, fake_clock, "http://127.0.0.1:1")
    await started.start(0)
    yield started
    await started.stop()
    runtime.engine.dispose()


async def test_people_come_from_the_database_with_their_roles(page):
    async with httpx.AsyncClient(base_url=page.url) as http:
        people = (await http.get("/api/people")).json()
        config = (await http.get("/api/config")).json()
    secretary = next(p for p in people if p["telegram_id"] == 1003)
    assert secretary["name"] == "آقای دکتر اصغری"
    assert secretary["roles"] == [{"unit": "کمیته زیرساخت و تبادل داده",
                                   "unit_kind": "committee", "role": "secretary"}]
    assert {p["telegram_id"] for p in people} >= set(range(1001, 1018))
    assert config["sandbox"] == "http://127.0.0.1:1"
    assert config["clock"]["text"] == "دوشنبه ۶ اردیبهشت ۱۴۰۰ ۰۷:۳۰"


async def test_the_clock_moves_the_bots_now_and_tells_listeners(page, fake_clock):
    start = fake_clock.now()
    heard = []

    async def listener(moment):
        heard.append(moment)

    page.clock_listeners.append(listener)
    async with httpx.AsyncClient(base_url=page.url) as http:
        moved = await http.post("/api/clock", json={"minutes": 1440})
    assert moved.json()["text"] == "سه‌شنبه ۷ اردیبهشت ۱۴۰۰ ۰۷:۳۰"
    assert page.runtime.clock.now() == start + timedelta(days=1) == heard[0]


@pytest.mark.parametrize("body", [{"minutes": -60}, {"minutes": 0}, {"minutes": "soon"}, {},
                                  {"minutes": 60 * 24 * 100}, {"minutes": 10**400},
                                  {"minutes": 10**15}, {"minutes": "9" * 5000}])
async def test_the_clock_refuses_bad_moves(page, fake_clock, body):
    start = fake_clock.now()
    async with httpx.AsyncClient(base_url=page.url) as http:
        refused = await http.post("/api/clock", json=body)
    assert refused.status_code == 400 and fake_clock.now() == start


@pytest.mark.parametrize(("headers", "why"), [
    ({"Origin": "http://evil.example"}, "origin not allowed"),
    ({"Host": "evil.example"}, "host not allowed"),
    ({"Content-Type": "text/plain"}, "send application/json"),
    ({"Content-Type": "application/x-www-form-urlencoded"}, "send application/json"),
])
async def test_the_api_answers_only_the_page_itself(page, fake_clock, headers, why):
    start = fake_clock.now()
    async with httpx.AsyncClient(base_url=page.url) as http:
        refused = await http.post("/api/clock", content=b'{"minutes": 60}',
                                  headers={"Content-Type": "application/json"} | headers)
        people = await http.get("/api/people", headers={"Origin": "http://evil.example"})
        own = await http.post("/api/clock", json={"minutes": 1}, headers={"Origin": page.url})
    assert refused.status_code == 403 and refused.json() == {"error": why}
    assert people.status_code == 403 and "Access-Control-Allow-Origin" not in people.headers
    assert own.status_code == 200 and fake_clock.now() == start + timedelta(minutes=1)
