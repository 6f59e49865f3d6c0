"""`python bot.py org load FILE.yaml`: load, then print one line per problem or the count."""

from __future__ import annotations

import sys
from pathlib import Path

from mina_bot.catalog import text
from mina_bot.organisation.errors import OrgFileError
from mina_bot.organisation.loader import load_file
from mina_bot.reports.questions_file import apply_questions
from mina_bot.runtime import Runtime


def run_org_load(runtime: Runtime, path: Path) -> int:
    """Load the file in one transaction; 0 when loaded, 1 when refused (nothing written)."""
    lang = runtime.settings.language
    try:
        with runtime.session() as session:
            report = load_file(session, path, clock=runtime.clock, lang=lang,
                               then=apply_questions(runtime.clock.now(), runtime.settings.tz))
    except OrgFileError as exc:
        print(text("org.file.refused", lang), file=sys.stderr)
        for problem in exc.problems:
            print(text("org.file.error_line", lang, line=problem.line, where=problem.where,
                       problem=problem.message), file=sys.stderr)
        return 1
    print(text("org.file.loaded", lang, count=report.total))
    for change, count in sorted(report.changes.items()):
        print(f"  {change}: {count}")
    return 0
