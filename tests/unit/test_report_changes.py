"""What a resubmitted report changed: answers, resolution statuses, files."""

from __future__ import annotations

from mina_bot.reports.changes import change_message, changes


def content(done=None, progress=None, note=None, files=()):
    return {"answers": {"done": {"text": done}, "planned": {"text": None},
                        "problems": {"text": "کمبود نیرو"}},
            "progress": [{"resolution_id": 8, "number": 8, "session_number": 1,
                          "subject": "پایلوت", "progress": progress, "text": note}],
            "attachments": [{"file_unique_id": f, "file_name": f} for f in files]}


def test_every_kind_of_change_is_a_line():
    before = content("نصب", "in_progress", None, ("a.pdf",))
    after = content(None, "done", "اجرا شد", ("b.pdf",))
    lines = changes(before, after, "fa")
    assert lines == ["➖ پاسخ «کارهای انجام‌شده» حذف شد (بود: نصب)",
                     "🔄 مصوبه ۸ جلسه ۱: ⏳ در حال انجام ← ✅ انجام شد اجرا شد",
                     "📎 پیوست افزوده شد: b.pdf", "🗑 پیوست حذف شد: a.pdf"]


def test_no_change_is_said():
    same = content("نصب", "done")
    assert change_message(same, same, 3, "fa").splitlines() == [
        "تغییرات نسخه ۳ نسبت به نسخه ۲:", "بدون تغییر در پاسخ‌ها و پیوست‌ها."]
