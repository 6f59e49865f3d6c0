"""Who needs a menu of their own: only those whose commands differ from the default menu."""

from __future__ import annotations

from mina_bot.actors import Actor, UnitRole
from mina_bot.commands import default_language, needs_own_menu
from storage.models import Role


def member(role: Role, language: str = "fa") -> Actor:
    return Actor(telegram_id=7, member_id=3, language=language,
                 memberships=(UnitRole(unit_id=4, unit_key="infrastructure",
                                       unit_name="کمیته زیرساخت", role=role),))


def test_an_ordinary_member_sees_the_default_menu_in_their_clients_language():
    assert not needs_own_menu(member(Role.MEMBER), None)
    assert not needs_own_menu(member(Role.MEMBER), "fa")
    assert not needs_own_menu(member(Role.MEMBER, "en"), "en-US")


def test_a_language_other_than_the_clients_needs_its_own_menu():
    assert needs_own_menu(member(Role.MEMBER, "en"), "fa")
    assert needs_own_menu(member(Role.MEMBER), "en")


def test_officers_secretariat_and_strangers_need_their_own():
    assert needs_own_menu(member(Role.SECRETARY), "fa")
    assert needs_own_menu(member(Role.HEAD), "fa")
    assert needs_own_menu(Actor(telegram_id=9), "fa")  # a stranger: start and help only
    assert needs_own_menu(Actor(telegram_id=1, member_id=1, is_admin=True), "fa")


def test_clients_other_than_english_get_the_persian_default():
    assert default_language("en") == "en" and default_language("EN-gb") == "en"
    assert default_language("de") == default_language(None) == default_language("") == "fa"
