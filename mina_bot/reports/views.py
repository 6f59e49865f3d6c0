"""Messages for reading reports: the compliance table, a unit's list, versions, the trend."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from mina_bot.callbacks import encode
from mina_bot.catalog import Safe, label, name_in, text
from mina_bot.export.dto import Trend, TrendWeek
from mina_bot.jalali import format_date, format_datetime
from mina_bot.pages import Buttons, page_count, page_nav
from mina_bot.reports.reading import LATE, MISSING, ON_TIME, Compliance, WeekCounts
from mina_bot.reports.render import report_html
from storage.models import ReportSubmission

COMPLIANCE_PAGE = 40  # units on a page of the compliance table: ~2,500 characters, 40 buttons


def compliance_message(table: Compliance, lang: str, tz: dt.tzinfo,
                       page: int = 0) -> tuple[str, Buttons]:
    """Every committee with on time (time), late, missing, a page of COMPLIANCE_PAGE units at a
    time (319 at national size); a button per submitted report on the page, then «next»."""
    day = table.council.starts_at.astimezone(tz).date()
    lines = [text("reports.compliance.heading", lang, number=table.council.number,
                  date=format_date(day, lang, "weekday_long"),
                  deadline=format_datetime(table.deadline, tz, lang)), ""]
    buttons: Buttons = []
    pages = page_count(len(table.lines), COMPLIANCE_PAGE)
    page = min(max(page, 0), pages - 1)
    for line in table.lines[page * COMPLIANCE_PAGE:(page + 1) * COMPLIANCE_PAGE]:
        when = format_datetime(line.submitted_at, tz, lang) if line.submitted_at else ""
        lines.append(text("reports.compliance.line", lang,
                          state=Safe(text(f"reports.state.{line.state}", lang)),
                          unit=name_in(line.unit, lang), when=when))
        if line.report_id is not None:
            buttons.append([(f"{text('reports.button.open', lang)}: {name_in(line.unit, lang)}",
                             encode("rpt", "open", line.report_id))])
    counts = {s: sum(1 for x in table.lines if x.state == s) for s in (ON_TIME, LATE, MISSING)}
    lines += ["", text("reports.compliance.summary", lang, **counts)]
    if pages > 1:
        lines.append(text("reports.compliance.page", lang, page=page + 1, pages=pages))
    nav = page_nav(("rpt", "page"), page, pages, lang, table.council.id)
    return "\n".join(lines), buttons + nav


def own_list(rows: Sequence[tuple], lang: str) -> tuple[str, Buttons]:
    """A unit member's latest submitted reports, each with a button."""
    if not rows:
        return text("reports.list.empty", lang), []
    lines, buttons = [text("reports.list.heading", lang)], []
    for report, council, unit in rows:
        late = Safe(text("reports.view.late_mark", lang)) if report.late else ""
        lines.append(text("reports.list.line", lang, unit=name_in(unit, lang),
                          number=council.number, late=late))
        buttons.append([(label("reports.button.open_number", lang, number=council.number),
                         encode("rpt", "open", report.id))])
    return "\n".join(lines), buttons


def report_message(content: dict, versions: Sequence[ReportSubmission], lang: str,
                   tz: dt.tzinfo) -> str:
    """The latest version in full, then the list of every version."""
    lines = [report_html(content, lang, tz)]
    if len(versions) > 1:
        lines.append("")
        for version in versions:
            late = Safe(text("reports.view.late_mark", lang)) if version.late else ""
            lines.append(text("reports.history.line", lang, version=version.version,
                              receipt=version.receipt_number,
                              when=format_datetime(version.submitted_at, tz, lang), late=late))
    return "\n".join(lines)


VERSION_ROW, VERSION_BUTTONS = 5, 40  # the newest 40 earlier versions, five to a row


def version_buttons(report_id: int, versions: Sequence[ReportSubmission], lang: str) -> Buttons:
    """A button per earlier version (the latest is the one shown), newest last."""
    earlier = [(label("reports.button.version", lang, version=v.version),
                encode("rpt", "ver", report_id, v.version))
               for v in versions[:-1][-VERSION_BUTTONS:]]
    return [earlier[i:i + VERSION_ROW] for i in range(0, len(earlier), VERSION_ROW)]


def version_message(submission: ReportSubmission, count: int, lang: str, tz: dt.tzinfo) -> str:
    """An earlier version in full, under its number and receipt."""
    return "\n".join([text("reports.version.heading", lang, version=submission.version,
                           count=count, receipt=submission.receipt_number), "",
                      report_html(submission.content, lang, tz)])


def trend_dto(series: Sequence[WeekCounts], lang: str, tz: dt.tzinfo) -> Trend:
    """The trend chart's data: per session date, units on time / late / missing."""
    weeks = tuple(
        TrendWeek(label=format_date(c.council.starts_at.astimezone(tz).date(), lang),
                  on_time=c.on_time, late=c.late, missing=c.missing)
        for c in series)
    return Trend(title=text("reports.trend.title", lang), weeks=weeks,
                 on_time_label=text("reports.state.on_time", lang).split(" ", 1)[1],
                 late_label=text("reports.state.late", lang).split(" ", 1)[1],
                 missing_label=text("reports.state.missing", lang).split(" ", 1)[1],
                 axis_label=text("reports.trend.axis", lang), lang=lang)
