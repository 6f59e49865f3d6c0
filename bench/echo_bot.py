"""The reference bot of the process benchmarks: bare PTB, one echo handler, long polling."""

from __future__ import annotations

import os

from telegram import Update
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send the text back."""
    await update.effective_chat.send_message(update.effective_message.text)


def main() -> None:
    """Poll the Bot API at MINA_API_BASE_URL with MINA_BOT_TOKEN until stopped."""
    application = (ApplicationBuilder().token(os.environ["MINA_BOT_TOKEN"])
                   .base_url(os.environ["MINA_API_BASE_URL"]).build())
    application.add_handler(MessageHandler(filters.TEXT, echo))
    application.run_polling(allowed_updates=None)


if __name__ == "__main__":
    main()
