"""The catalog: every text in Persian and English, parameters escaped, Persian digits."""

import re

from mina_bot.catalog import TEXTS, Safe, label, text


def test_every_text_has_persian_and_english():
    missing = [key for key, entry in TEXTS.items() if not entry.get("fa") or not entry.get("en")]
    assert missing == []


def test_both_languages_use_the_same_placeholders():
    pattern = re.compile(r"{(\w+)}")
    differing = [
        key for key, entry in TEXTS.items()
        if set(pattern.findall(entry["fa"])) != set(pattern.findall(entry["en"]))
    ]
    assert differing == []


def test_user_text_is_escaped_and_safe_fragments_are_not():
    rendered = text("start.member", "fa", name="<b>Ali & co</a>", help=Safe("<b>ok</b>"))
    assert "&lt;b&gt;Ali &amp; co&lt;/a&gt;" in rendered
    assert "<b>ok</b>" in rendered


def test_numbers_are_persian_in_persian_and_latin_in_english():
    assert "۱۲" in text("help.line", "fa", command="x", description=12)
    assert "12" in text("help.line", "en", command="x", description=12)


def test_a_button_shows_a_name_as_typed_with_the_readers_digits():
    assert label("button.revoke", "en", name="R&D <Lab>") == text("button.revoke", "en",
                                                                  name=Safe("R&D <Lab>"))
    assert "R&D <Lab>" in label("button.revoke", "en", name="R&D <Lab>")
    assert "۱۲" in label("units.button", "fa", name="فناوری", count=12)
