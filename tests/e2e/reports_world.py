"""The world weekly-report tests start from: the sample organisation and two resolutions."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from storage.models import AgendaKind, Resolution
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import sessions as sessions_repo
from storage.repositories import units as units_repo

# Session 1 was Monday 1400/01/30 10:00 Tehran; session 2 is Monday 1400/02/06.
SESSION_1 = dt.datetime(2021, 4, 19, 5, 30, tzinfo=dt.UTC)
SESSION_2 = dt.datetime(2021, 4, 26, 5, 30, tzinfo=dt.UTC)
SATURDAY_MORNING = dt.datetime(2021, 4, 24, 5, 0, tzinfo=dt.UTC)  # 1400/02/04 09:30
AFTER_DEADLINE = dt.datetime(2021, 4, 25, 9, 0, tzinfo=dt.UTC)  # Sunday 13:30, deadline 12:00


def seed_reports_world(session: Session) -> dict[str, int]:
    """Sessions 1 and 2, resolutions 2 and 8 for infrastructure, an agenda, on the sample
    organisation (the test asks for `sample_organisation`)."""
    first = sessions_repo.create_session(session, number=1, starts_at=SESSION_1, place=None)
    second = sessions_repo.create_session(session, number=2, starts_at=SESSION_2, place=None)
    infra = units_repo.get_by_key(session, key="infrastructure")
    ids = {"session1": first.id, "session2": second.id, "infra": infra.id}
    for number, subject, due in (
        (2, "ارائه گزارش پیشرفت کار کمیته زیرساخت", dt.date(2021, 5, 3)),
        (8, "اجرای پایلوت در استان گیلان", dt.date(2021, 4, 20)),
    ):
        resolution = resolutions_repo.add_resolution(session, resolution=Resolution(
            session_id=first.id, number=number, subject=subject, time_frame="دو هفته",
            due_date=due))
        resolutions_repo.set_units(session, resolution_id=resolution.id,
                                   units=[(infra.id, "کمیته زیرساخت")])
        ids[f"resolution{number}"] = resolution.id
    sessions_repo.add_agenda_item(session, session_id=second.id, kind=AgendaKind.STANDING,
                                  title="گزارش کمیته‌ها", position=1)
    sessions_repo.add_agenda_item(session, session_id=second.id, kind=AgendaKind.CARRIED,
                                  title="بررسی پایلوت گیلان", position=2)
    session.commit()
    return ids
