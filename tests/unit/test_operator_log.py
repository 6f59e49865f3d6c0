"""The operator log never shows a registered secret, in messages or tracebacks."""

import logging

from mina_bot.operator_log import RedactingFilter

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def _handler_with_filter():
    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            records.append(self.format(record))

    handler = Collect()
    redactor = RedactingFilter()
    redactor.secrets.add(TOKEN)
    handler.addFilter(redactor)
    logger = logging.getLogger("test.redaction")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return logger, handler, records


def test_token_in_message_and_args_is_redacted():
    logger, handler, records = _handler_with_filter()
    try:
        logger.info("POST https://api.telegram.org/bot%s/getUpdates", TOKEN)
        logger.info(f"direct https://x/bot{TOKEN}/sendMessage")
    finally:
        logger.removeHandler(handler)
    assert len(records) == 2
    assert all(TOKEN not in line and "<token>" in line for line in records)


def test_token_in_traceback_is_redacted():
    logger, handler, records = _handler_with_filter()
    try:
        try:
            raise ConnectionError(f"cannot reach https://api.telegram.org/bot{TOKEN}/getMe")
        except ConnectionError:
            logger.exception("failed")
    finally:
        logger.removeHandler(handler)
    assert "ConnectionError" in records[0]
    assert TOKEN not in records[0]


def test_the_url_encoded_token_its_key_and_invitation_codes_are_redacted():
    from mina_bot import operator_log

    logger, handler, records = _handler_with_filter()
    redactor = handler.filters[0]
    saved = operator_log.REDACTOR
    operator_log.REDACTOR = redactor
    try:
        operator_log.add_secret(TOKEN)
        logger.info("GET http://x/file/bot123456789%%3AAAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/a.txt")
        logger.info("key alone: AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw")
        logger.info("update text='/start 1MGSlUUxq3vYFoLYkSaAiA' link ?start=Zx_9-abcdefgh")
    finally:
        operator_log.REDACTOR = saved
        logging.getLogger("test.redaction").removeHandler(handler)
    joined = "\n".join(records)
    assert "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw" not in joined
    assert "1MGSlUUxq3vYFoLYkSaAiA" not in joined and "Zx_9-abcdefgh" not in joined
    assert "/start <code>" in joined and "?start=<code>" in joined
