"""Delivery: the outbox every message the bot sends on its own passes through, and its sender.

Other features enqueue with `mina_bot.delivery.outbox.enqueue(session, kind=..., subject=...,
period=..., now=..., member=... | chat_id=..., text=html, document=file_id)` or, for the
secretariat, `enqueue_to_secretariat(session, kind=..., subject=..., period=..., now=...,
render=lambda lang: html)`; the dispatcher (a job of the running bot, or `bot.py dispatch`)
delivers within the rate limits and survives crashes.
"""
