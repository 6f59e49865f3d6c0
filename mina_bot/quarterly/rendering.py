"""The quarter's documents read and rendered in one worker process (`Workers.run`): the document
itself (hundreds of kilobytes of rows) never travels through the bot, whose threads would hold
everyone's answers pickling it back and forth."""

from __future__ import annotations

import datetime as dt

from mina_bot.export.charted import render_charted_pdf, render_charted_xlsx
from mina_bot.quarterly.document import gathered
from mina_bot.quarterly.files import QuarterFiles
from mina_bot.settings import Settings


def made(settings: Settings, *, year: int, quarter: int, now: dt.datetime, lang: str,
         letter: str | None, xlsx: bool) -> QuarterFiles:
    """The quarter with `letter` (else the stored one, else the draft), rendered."""
    draft, doc = gathered(settings, year=year, quarter=quarter, now=now, lang=lang,
                          letter=letter)
    return QuarterFiles(draft=draft, stem=doc.pack.file_stem, title=doc.pack.title,
                        pdf=render_charted_pdf(doc),
                        xlsx=render_charted_xlsx(doc) if xlsx else None)
