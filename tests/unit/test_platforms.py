"""Platform profiles and the webhook plan each one gets."""

from __future__ import annotations

import pytest

from mina_bot.ops.webhook import plan_webhook
from mina_bot.organisation.invitations import invite_link
from mina_bot.platforms import BALE, TELEGRAM, platform_for_api, platform_named
from tests.fixtures.bot import harness_settings


def test_telegram_keeps_the_url_and_sends_the_secret_in_the_header():
    plan = plan_webhook("https://mina.example.org/tg", "s" * 20, TELEGRAM)
    assert plan.public_url == "https://mina.example.org/tg"
    assert plan.local_path == "/tg" and plan.set_webhook_secret == "s" * 20


def test_bale_gets_a_secret_last_path_segment_instead():
    plan = plan_webhook("https://mina.example.org/tg/", "s" * 20, BALE)
    assert plan.public_url == "https://mina.example.org/tg/" + "s" * 20
    assert plan.local_path == "/tg/" + "s" * 20 and plan.set_webhook_secret is None


def test_without_a_configured_secret_each_start_makes_a_strong_one():
    first, second = (plan_webhook("https://x.org/", None, TELEGRAM) for _ in range(2))
    assert first.secret != second.secret and len(first.secret) >= 32
    assert first.local_path == "/"


@pytest.mark.parametrize(("overrides", "expected"), [
    ({}, "telegram"),
    ({"api_base_url": "https://tapi.bale.ai/bot"}, "bale"),
    ({"messenger": "bale"}, "bale"),
    ({"api_base_url": "https://tapi.bale.ai/bot", "messenger": "telegram"}, "telegram"),
])
def test_the_platform_comes_from_the_settings(overrides, expected):
    assert harness_settings("sqlite://", **overrides).platform == expected
    assert platform_named(expected).name == expected


def test_an_unknown_platform_names_the_known_ones():
    with pytest.raises(ValueError, match="bale"):
        platform_named("whatsapp")


@pytest.mark.parametrize(("url", "name"), [
    ("https://tapi.bale.ai/bot", "bale"),
    ("https://api.telegram.org/bot", "telegram"),
    ("http://127.0.0.1:8081/bot", "telegram"),
    ("https://bale.ai.example.com/bot", "telegram"),  # only Bale's own host counts
])
def test_the_api_url_tells_the_messenger(url, name):
    assert platform_for_api(url).name == name


def test_invitation_links_come_from_the_profile():
    assert invite_link("bale", "mina_bot", "c0de") == BALE.deep_link("mina_bot", "c0de")
    assert invite_link("telegram", "mina_bot", "c0de") == "https://t.me/mina_bot?start=c0de"
