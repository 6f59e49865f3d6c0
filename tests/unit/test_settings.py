"""Settings: defaults, the one clear line for each bad value, and the token kept secret."""

from datetime import time

import pytest

from mina_bot import settings_doc
from mina_bot.settings import Settings, SettingsError, load_settings

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch, tmp_path):
    for name in ("BOT_TOKEN", "DATABASE_URL", "API_BASE_URL", "TIMEZONE", "ADMIN_IDS",
                 "LANGUAGE", "WEBHOOK_URL", "WEBHOOK_SECRET", "WEBHOOK_LISTEN",
                 "CONCURRENT_UPDATES"):
        monkeypatch.delenv(f"MINA_{name}", raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env


def test_defaults_are_persian_tehran_sqlite_and_telegram():
    settings = load_settings()
    assert settings.token is None
    assert settings.database_url == "sqlite:///./data/mina.sqlite3"
    assert settings.api_base_url == "https://api.telegram.org/bot"
    assert settings.timezone == "Asia/Tehran"
    assert settings.language == "fa"
    assert settings.admin_ids == ()
    assert settings.platform == "telegram"
    assert settings.concurrent_updates == 16
    assert settings.webhook_listen == "127.0.0.1"  # only the TLS proxy beside it reaches it


def test_environment_and_dotenv_are_read(monkeypatch, tmp_path):
    (tmp_path / ".env").write_text(f"MINA_BOT_TOKEN={TOKEN}\nMINA_LANGUAGE=en\n")
    monkeypatch.setenv("MINA_ADMIN_IDS", "111, 222")
    monkeypatch.setenv("MINA_API_BASE_URL", "https://tapi.bale.ai/bot")
    settings = load_settings()
    assert settings.token == TOKEN
    assert settings.language == "en"
    assert settings.admin_ids == (111, 222)
    assert settings.platform == "bale"


@pytest.mark.parametrize(
    ("variable", "value", "named"),
    [
        ("MINA_TIMEZONE", "Mars/Olympus", "MINA_TIMEZONE"),
        ("MINA_ADMIN_IDS", "12,abc", "MINA_ADMIN_IDS"),
        ("MINA_DATABASE_URL", "mysql://x", "MINA_DATABASE_URL"),
        ("MINA_API_BASE_URL", "not a url", "MINA_API_BASE_URL"),
        ("MINA_LANGUAGE", "de", "MINA_LANGUAGE"),
        ("MINA_BOT_TOKEN", "changeme", "MINA_BOT_TOKEN"),
        ("MINA_WEBHOOK_SECRET", "short", "MINA_WEBHOOK_SECRET"),
        ("MINA_CONCURRENT_UPDATES", "0", "MINA_CONCURRENT_UPDATES"),
        ("MINA_CONCURRENT_UPDATES", "many", "MINA_CONCURRENT_UPDATES"),
    ],
)
def test_a_bad_setting_is_one_line_naming_it(monkeypatch, variable, value, named):
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    message = str(caught.value)
    assert message.startswith(named)
    assert "\n" not in message


def test_a_malformed_token_is_never_echoed(monkeypatch):
    secretish = "123:short-but-secret"
    monkeypatch.setenv("MINA_BOT_TOKEN", secretish)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert secretish not in str(caught.value)


def test_token_does_not_show_in_repr(monkeypatch):
    monkeypatch.setenv("MINA_BOT_TOKEN", TOKEN)
    assert TOKEN not in repr(load_settings())


def test_the_settings_page_table_is_the_generated_one():
    readme = settings_doc.PAGE.read_text(encoding="utf-8")
    assert settings_doc.with_table(readme) == readme, (
        "docs/settings.md's settings table is out of date: python -m mina_bot.settings_doc")


def test_every_setting_has_a_row_with_its_variable_default_and_meaning():
    rows = settings_doc.settings_table().splitlines()[2:]
    assert len(rows) == len(Settings.model_fields)
    for row, name in zip(rows, Settings.model_fields, strict=True):
        variable, default, meaning = (cell.strip() for cell in row.strip("|").split(" | "))
        assert variable == f"`MINA_{name.upper()}`"
        assert default and meaning, row


def test_a_default_is_shown_as_it_is_written_in_env():
    assert settings_doc.shown_default(None) == "—"
    assert settings_doc.shown_default(time(9, 0)) == "`09:00`"
    assert settings_doc.shown_default(("report", "resolution")) == "`report,resolution`"
    assert settings_doc.shown_default(30.0) == "`30`"
    assert settings_doc.shown_default(True) == "`true`"
