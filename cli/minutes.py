"""`bot.py minutes parse|import FILE --session-date 1400/01/30`: the parser on the command line."""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

from mina_bot.jalali import JalaliDateError, parse_jalali_ymd
from mina_bot.minutes.importer import directory, import_minutes
from mina_bot.minutes.model import MinutesError, ParsedMinutes, to_json
from mina_bot.minutes.parser import parse_minutes
from mina_bot.minutes.reading import checked_minutes
from mina_bot.minutes.units import UnitDirectory
from mina_bot.settings import Settings

DEFAULT_ORG = Path(__file__).resolve().parents[1] / "examples" / "org.yaml"


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register `minutes parse` and `minutes import`."""
    minutes = sub.add_parser("minutes", help="parse or import a session's minutes")
    minutes.add_argument("action", choices=["parse", "import"])
    minutes.add_argument("file", type=Path, help="the minutes: .txt, .md, .docx or .pdf")
    minutes.add_argument("--session-date", required=True, help="Jalali, e.g. 1400/01/30")
    minutes.add_argument("--org", type=Path, default=None,
                         help="units from an organisation file (parse only; default "
                              "examples/org.yaml)")
    minutes.add_argument("--json", action="store_true", help="print JSON")
    minutes.add_argument("--held-early", action="store_true",
                         help="import: the session has not reached its planned start but was "
                              "held (without it, such minutes are refused)")


def _preview(minutes: ParsedMinutes, as_json: bool) -> str:
    data = to_json(minutes)
    if as_json:
        return json.dumps(data, ensure_ascii=False, indent=2)
    lines = [f"{r['number']}) [{', '.join(r['units'])}] due={r['due'] or '-'}"
             f" every={r['recurrence'] or '-'} unmatched={r['unmatched_units'] or '-'}"
             for r in data["resolutions"]]
    lines.extend(f"skipped line {s['line']} ({s['reason']}): {s['text']}" for s in data["skipped"])
    lines.extend(f"warning line {w['line']} ({w['code']}): {w['text']}" for w in data["warnings"])
    lines.append(f"next session: {data['next_session'] or '-'}")
    lines.extend(f"next agenda: {item}" for item in data["next_agenda"])
    return "\n".join(lines)


def _read(args: argparse.Namespace, units: UnitDirectory, limit_mb: int) -> ParsedMinutes:
    """The minutes read as /import reads them (a PDF refused the same way), then parsed."""
    try:
        session_date = parse_jalali_ymd(args.session_date)
    except JalaliDateError:
        raise MinutesError("minutes.error.bad_session_date", text=args.session_date) from None
    source = checked_minutes(args.file.name, args.file.read_bytes(), session_date=session_date,
                             units=units, max_unpacked_mb=limit_mb)
    return parse_minutes(source, session_date=session_date, units=units)


def run(args: argparse.Namespace, settings: Settings, open_runtime: Callable) -> int:
    """Run one minutes subcommand; `open_runtime` connects to the database (import only)."""
    if not args.file.is_file():
        print(f"mina: no such file: {args.file}", file=sys.stderr)
        return 2
    try:
        if args.action == "parse":
            units = UnitDirectory.from_yaml(args.org or DEFAULT_ORG)
            print(_preview(_read(args, units, settings.max_document_uncompressed_mb), args.json))
            return 0
        runtime = open_runtime(settings)
        with runtime.session() as session:
            minutes = _read(args, directory(session),
                            runtime.settings.max_document_uncompressed_mb)
            print(_preview(minutes, args.json))
            result = import_minutes(session, minutes=minutes, settings=runtime.settings,
                                    actor=None, now=runtime.clock.now(),
                                    early=bool(args.held_early))
        print(f"imported session {result.session_number}: {result.created} created, "
              f"{result.updated} updated, {result.unchanged} unchanged", file=sys.stderr)
        return 0
    except MinutesError as exc:
        print(f"mina: {html.unescape(re.sub(r'<[^>]+>', '', exc.render('fa')))}",
              file=sys.stderr)
        return 1
