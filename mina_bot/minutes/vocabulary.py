"""The words secretariats write in minutes, in one place: headers, labels, deadlines, footers.

Every entry is compared by `match_key` (spaces, ZWNJ and Arabic ي/ك ignored), so each word is
listed once, in its usual spelling.
"""

from __future__ import annotations

import re

from mina_bot.persian import match_key

SUBJECT, UNITS, DEADLINE, NUMBER, NOTE = "subject", "units", "deadline", "number", "note"

# Header cell -> column. Longer phrases are tried first, so «مسئول اجرا» is not just «مسئول».
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    SUBJECT: ("موضوع", "شرح مصوبه", "شرح مصوبات", "مصوبه", "مصوبات", "عنوان", "شرح",
              "متن مصوبه", "شرح اقدام", "اقدام", "تصمیمات", "تصمیم", "موضوع مصوبه",
              "شرح موضوع", "مصوبات جلسه", "subject", "resolution"),
    UNITS: ("متولی", "مسئول اجرا", "مسئول پیگیری", "واحد مسئول", "اقدام کننده",
            "اقدام‌کننده", "مسئول", "مجری", "واحد متولی", "مسئول انجام", "پیگیری کننده",
            "دستگاه مسئول", "واحد اقدام کننده", "واحد", "responsible", "unit", "units"),
    DEADLINE: ("بازه زمانی", "مهلت", "مهلت اجرا", "زمان اجرا", "تاریخ انجام", "مهلت انجام",
               "زمان انجام", "زمان", "زمانبندی", "زمان‌بندی", "تاریخ", "موعد", "مدت",
               "مهلت زمانی", "تاریخ اجرا", "deadline", "due", "time frame"),
    NUMBER: ("ردیف", "شماره", "ش", "#", "no", "row"),
    NOTE: ("توضیحات", "ملاحظات", "وضعیت", "notes", "note"),
}
HEADER_KEYS: dict[str, str] = {match_key(w): col for col, ws in HEADER_WORDS.items() for w in ws}

NEXT_AGENDA_LABELS = tuple(match_key(w) for w in (
    "دستور جلسه آینده", "دستور جلسه بعدی", "دستور جلسه بعد", "دستور کار جلسه آینده",
    "دستور کار جلسه بعد", "دستور جلسات آینده", "next agenda",
))
# Lines that end a resolution table (besides the two labels above and the attendance).
END_LABELS = tuple(match_key(w) for w in (
    "حاضرین", "حاضران", "اسامی حاضرین", "غایبین", "امضا", "امضاء", "امضای اعضا",
    "رونوشت", "پایان جلسه", "ختم جلسه",
))
RESOLUTIONS_LABELS = tuple(match_key(w) for w in ("مصوبات", "مصوبات جلسه", "تصمیمات"))

# Deadline words.
NO_DEADLINE = frozenset({"", "-", "–", "—", "_", "--", "ندارد", "*"})
NEXT_SESSION_WORDS = tuple(match_key(w) for w in (
    "جلسه آینده", "جلسه بعدی", "جلسه بعد", "جلسه آتی", "نشست آینده", "نشست بعدی", "نشست آتی",
    "next session",
))
URGENT_WORDS = tuple(match_key(w) for w in (
    "فوری", "فورا", "بلافاصله", "در اسرع وقت", "اسرع وقت", "سریعا", "urgent", "asap",
))
# Recurrence: (words, value); the longer phrase first («هر دو هفته» before «هر هفته»).
RECURRENCE_WORDS: tuple[tuple[str, str], ...] = tuple(
    (match_key(w), value) for w, value in (
        ("هر دو هفته", "biweekly"), ("دو هفته یکبار", "biweekly"), ("دوهفتگی", "biweekly"),
        ("هر هفته", "weekly"), ("هفتگی", "weekly"), ("هفته‌ای یکبار", "weekly"),
        ("هر ماه", "monthly"), ("ماهانه", "monthly"), ("ماهیانه", "monthly"),
        ("مستمر", "continuous"), ("دائمی", "continuous"), ("دائم", "continuous"),
        ("به طور مستمر", "continuous"), ("همیشگی", "continuous"), ("weekly", "weekly"),
    )
)
# A subject asks for something every week with «هر هفته» or «هفتگی», unless «هفتگی» only
# describes meetings («جلسات هفتگی»).
SUBJECT_WEEKLY = ("هر هفته", "هفتگی")
MEETING_WORDS = frozenset(match_key(w) for w in ("جلسه", "جلسات", "نشست", "نشست‌ها",
                                                 "نشست‌های", "جلسه‌های", "دیدار"))

# Lines a PDF or Word copy repeats on every page: «صفحه ۱ از ۲», «- ۲ -», «Page 1 of 2».
FOOTER = re.compile(
    r"^\s*(?:(?:صفحه|برگ|page)\s*[:：]?\s*\d+\s*(?:(?:از|/|of)\s*\d+)?|[-–—]?\s*\d{1,3}\s*[-–—]?)"
    r"\s*$", re.IGNORECASE)
PAGE_HEADER = re.compile(
    r"^\s*(?:(?:بسمه\s*تعالی|باسمه\s*تعالی|به\s*نام\s*خدا)|(?:شماره|تاریخ|پیوست)\s*[:：].{0,30})"
    r"\s*$")

ATTENDANCE_LABELS = {
    match_key("اعضاء"): "member", match_key("اعضا"): "member", match_key("اعضای جلسه"): "member",
    match_key("سایر حاضرین"): "guest", match_key("حاضرین"): "guest",
    match_key("مدعوین"): "guest", match_key("سایر حاضران"): "guest",
    match_key("نماینده"): "stand_in", match_key("جانشین"): "stand_in",
    match_key("زمان"): "time", match_key("سمت"): "role",
    match_key("نام و نام خانوادگی"): "member", match_key("نام"): "member",
}


def label_pattern(words: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    """A regex for any of `words` in normalized text, spaces and ZWNJs between words optional."""
    loose = sorted({r"[\s\u200c]*".join(map(re.escape, re.split(r"[\s\u200c]+", w)))
                    for w in words}, key=len, reverse=True)
    return re.compile("(?:" + "|".join(loose) + ")")


_LIST_WORDS = [w for col in (UNITS, DEADLINE) for w in HEADER_WORDS[col] if len(w) > 3]
LIST_LABEL = re.compile(rf"({label_pattern(_LIST_WORDS).pattern})\s*[:：]\s*")
NEXT_SESSION_LINE = re.compile(r"^[\W_]*" + label_pattern([
    "زمان جلسه آینده", "زمان جلسه بعدی", "زمان جلسه بعد", "زمان برگزاری جلسه آینده",
    "زمان برگزاری جلسه بعدی", "زمان برگزاری جلسه بعد", "تاریخ جلسه آینده", "تاریخ جلسه بعدی",
    "تاریخ جلسه بعد", "تاریخ برگزاری جلسه آینده", "تاریخ برگزاری جلسه بعد", "جلسه بعدی",
    "جلسه آینده", "جلسه بعد", "زمان جلسه", "زمان و مکان جلسه آینده", "next session",
]).pattern + r"(?:\s*[:：]|\s|$)")
