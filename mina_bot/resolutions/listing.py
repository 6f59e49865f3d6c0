"""The secretariat's /resolutions list: filters (unit, state, session, overdue) and pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from mina_bot.callbacks import ButtonData, encode
from mina_bot.catalog import join, text
from mina_bot.pages import PAGE, Buttons, fit, page_count
from mina_bot.persian import match_key, shorten, to_latin_digits
from mina_bot.resolutions.views import due_label, status_label
from storage.models import CouncilSession, Resolution, ResolutionStatus, ShareState

STATES = {"a": None, "o": ResolutionStatus.OPEN, "r": ResolutionStatus.REPORTED_DONE,
          "c": ResolutionStatus.CONFIRMED, "x": ResolutionStatus.CANCELLED}
# A share filter: the resolutions where a share (of the chosen unit, if one) is in these states.
SHARES = {"a": None, "w": (ShareState.OPEN, ShareState.SENT_BACK),
          "p": (ShareState.REPORTED_DONE,), "k": (ShareState.CONFIRMED,),
          "n": (ShareState.NOT_APPLICABLE,)}
_WORDS = {match_key(w): code for w, code in (
    ("باز", "o"), ("open", "o"), ("گزارش‌شده", "r"), ("reported", "r"), ("تأییدشده", "c"),
    ("تاییدشده", "c"), ("confirmed", "c"), ("لغوشده", "x"), ("cancelled", "x"), ("همه", "a"),
)}
_OVERDUE = {match_key("معوق"), "overdue"}


@dataclass(frozen=True)
class Filters:
    """What the list shows."""

    state: str = "a"
    unit_id: int = 0
    session_number: int = 0
    overdue: bool = False
    page: int = 0
    share: str = "a"

    def data(self, **changes: object) -> str:
        """Button data for these filters with some changed."""
        f = replace(self, **changes)
        return encode("res", "ls", f.state, f.unit_id, f.session_number, int(f.overdue), f.page,
                      f.share)

    @classmethod
    def decode(cls, data: ButtonData) -> Filters:
        """Filters from a list button (StaleButton when malformed)."""
        state = data.args[0] if data.args and data.args[0] in STATES else "a"
        share = data.args[5] if len(data.args) > 5 and data.args[5] in SHARES else "a"
        return cls(state=state, unit_id=data.int_arg(1), session_number=data.int_arg(2),
                   overdue=bool(data.int_arg(3)), page=data.int_arg(4), share=share)

    @classmethod
    def parse(cls, words: Sequence[str], unit_keys: dict[str, int]) -> Filters:
        """Filters typed after /resolutions: a unit, a state word, «معوق», a session number."""
        f = cls()
        for word in words:
            key = match_key(word)
            if key in _WORDS:
                f = replace(f, state=_WORDS[key])
            elif key in _OVERDUE:
                f = replace(f, overdue=True)
            elif to_latin_digits(key).isdigit():  # more than 9 digits names no session
                digits = to_latin_digits(key).lstrip("0")[:10]
                f = replace(f, session_number=int(digits or "0") if len(digits) < 10
                            else NO_SESSION)
            elif key in unit_keys:
                f = replace(f, unit_id=unit_keys[key])
        return f


NO_SESSION = 999_999_999  # what a session number too long for any session is read as


def list_view(
    rows: Sequence[tuple[Resolution, CouncilSession, Sequence[str]]], f: Filters, *,
    today: dt.date, lang: str, units: Sequence[tuple[int, str]],
) -> tuple[str, Buttons]:
    """One page of the list with the filter buttons."""
    pages = page_count(len(rows))
    page = min(f.page, pages - 1)
    labels = [status_label(STATES[f.state], lang) if STATES[f.state]
              else text("resolutions.filter.all", lang)]
    labels += [name for uid, name in units if uid == f.unit_id]
    if f.session_number:
        labels.append(text("resolutions.filter.session", lang, number=f.session_number))
    if f.overdue:
        labels.append(text("resolutions.filter.overdue", lang))
    if SHARES[f.share]:
        labels.append(_share_label(f.share, lang))
    lines = [text("resolutions.list.header", lang, filters=join(labels, lang), count=len(rows),
                  page=page + 1, pages=pages)]
    if not rows:
        lines.append(text("resolutions.list.none", lang))
    buttons: Buttons = []
    for r, council, unit_names in rows[page * PAGE:(page + 1) * PAGE]:
        lines.append(text("resolutions.list.line", lang, number=r.number, session=council.number,
                          status=status_label(r.status, lang), units=join(unit_names, lang),
                          due=due_label(r.due_date, today, lang, r.status),
                          subject=shorten(r.subject, 90)))
        buttons.append([(text("resolutions.button.open", lang, number=r.number),
                         encode("res", "open", r.id))])
    buttons.append([(("• " if f.state == code else "") + (
        status_label(state, lang) if state else text("resolutions.filter.all", lang)),
        f.data(state=code, page=0)) for code, state in STATES.items()])
    buttons.append([(("• " if f.overdue else "") + text("resolutions.filter.overdue", lang),
                     f.data(overdue=not f.overdue, page=0)),
                    (("• " if not f.unit_id else "") + text("resolutions.filter.all", lang),
                     f.data(unit_id=0, page=0))])
    buttons.append([(("• " if f.share == code else "") + _share_label(code, lang),
                     f.data(share=code, page=0)) for code in SHARES if code != "a"])
    buttons.append([(text("resolutions.button.pending", lang), encode("res", "pq"))])
    unit_buttons = [(("• " if uid == f.unit_id else "") + shorten(name, 24),
                     f.data(unit_id=uid, page=0)) for uid, name in units]
    buttons += [unit_buttons[i:i + 3] for i in range(0, len(unit_buttons), 3)]
    nav = []
    if page > 0:
        nav.append((text("resolutions.button.previous", lang), f.data(page=page - 1)))
    if page + 1 < pages:
        nav.append((text("resolutions.button.next", lang), f.data(page=page + 1)))
    return fit(lines, lang), [*buttons, nav]


def _share_label(code: str, lang: str) -> str:
    return text("resolutions.filter.share", lang,
                state=text(f"resolutions.share.{SHARES[code][0].value}", lang))
