"""python -m sandbox: run the Bot API sandbox until Ctrl+C and print where it listens."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json

from sandbox.profiles import PROFILES
from sandbox.server import BotApiSandbox


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="python -m sandbox", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--profile", choices=sorted(PROFILES), default="telegram")
    parser.add_argument("--bot-username", default="mina_demo_bot")
    parser.add_argument("--token", default=None, help="accept only this bot token")
    parser.add_argument("--lenient", action="store_true",
                        help="accept a local http webhook (Telegram wants https on 443/80/88/8443)")
    return parser.parse_args(argv)


def _settle_collector() -> None:
    """Keep start-up out of full collections and let a call's objects die young: the sandbox
    keeps every message, and its full passes stalled every chat (80+ ms under the benchmark's
    load, counted in the bot's round trips). The Bot API it stands in for has no such pauses."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, *gc.get_threshold()[1:])


async def run(args: argparse.Namespace) -> None:
    """Start the sandbox, print its URLs, serve until cancelled."""
    sandbox = BotApiSandbox(args.profile, args.bot_username, args.token, lenient=args.lenient)
    await sandbox.start(args.host, args.port)
    _settle_collector()
    print(f"Bot API sandbox listening on {sandbox.url}", flush=True)
    print(json.dumps(sandbox.describe(), ensure_ascii=False), flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await sandbox.stop()


def main(argv: list[str] | None = None) -> None:
    """Entry point."""
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run(parse_args(argv)))


if __name__ == "__main__":
    main()
