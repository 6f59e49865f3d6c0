"""The words the national dataset is made of: provinces, people's names, resolution subjects."""

from __future__ import annotations

PROVINCES = (
    "آذربایجان شرقی", "آذربایجان غربی", "اردبیل", "اصفهان", "البرز", "ایلام", "بوشهر", "تهران",
    "چهارمحال و بختیاری", "خراسان جنوبی", "خراسان رضوی", "خراسان شمالی", "خوزستان", "زنجان",
    "سمنان", "سیستان و بلوچستان", "فارس", "قزوین", "قم", "کردستان", "کرمان", "کرمانشاه",
    "کهگیلویه و بویراحمد", "گلستان", "گیلان", "لرستان", "مازندران", "مرکزی", "هرمزگان", "همدان",
    "یزد",
)

# A provincial committee for each national one (key suffix, Persian name, English name).
PROVINCIAL_COMMITTEES = (
    ("design", "کمیته طراحی و روش‌شناسی", "Design Committee"),
    ("data", "کمیته تامین داده", "Data Provision Committee"),
    ("infra", "کمیته زیرساخت و تبادل داده", "Infrastructure Committee"),
    ("it", "کمیته فناوری اطلاعات", "IT Committee"),
    ("org", "کمیته سازماندهی، آموزش و پشتیبانی", "Organisation Committee"),
    ("field", "کمیته عملیات میدانی", "Field Operations Committee"),
    ("pr", "کمیته اطلاع‌رسانی و روابط عمومی", "Public Relations Committee"),
    ("quality", "کمیته کنترل کیفیت", "Quality Control Committee"),
)

FIRST_NAMES = (
    "علی", "محمد", "حسین", "رضا", "مهدی", "زهرا", "فاطمه", "مریم", "سارا", "نرگس", "امیر",
    "حمید", "سعید", "لیلا", "مینا", "الهام", "کاوه", "بهرام", "شیرین", "پریسا", "جواد", "مجید",
    "نسرین", "رویا", "احمد", "یاسمن", "هادی", "بهاره", "کیوان", "سمیرا",
)
LAST_NAMES = (
    "محمدی", "حسینی", "احمدی", "رضایی", "کریمی", "موسوی", "جعفری", "صادقی", "رحیمی", "عباسی",
    "نوری", "قاسمی", "اکبری", "فاضلی", "غلامی", "سیفی", "ستوده", "کرامتی", "قادری", "شاگری",
    "اصغری", "محزون", "نصیری", "فرامرزی", "شباک", "پیرحسینی", "هاشمی", "طاهری", "مرادی", "زارعی",
)

SUBJECT_ACTIONS = (
    "تهیه و ارائه گزارش", "پیگیری و اعلام نتیجه", "تدوین شیوه‌نامه", "برگزاری جلسه هماهنگی",
    "ارسال مستندات", "بررسی و جمع‌بندی", "تامین اعتبار", "به‌روزرسانی نقشه‌ها",
    "مکاتبه با دستگاه‌های اجرایی", "آموزش رده‌های اجرایی",
)
SUBJECT_TOPICS = (
    "دریافت ریزداده‌های ثبت احوال", "آزمایش سرشماری ۱۴۰۰", "کیفیت داده‌های اداره پست",
    "وب‌سرویس دستگاه‌های اجرایی", "برآورد جمعیت شهرستانی", "اتاق امن داده",
    "پایلوت استان گیلان", "گانت‌چارت سرشماری", "شناسنامه ثبتی", "تبادل داده با آموزش و پرورش",
    "نیازسنجی آموزشی استان‌ها", "تجهیزات شبکه و امنیت",
)
SUBJECT_TAILS = (
    "به دبیرخانه ارسال شود.", "در جلسه آینده ارائه شود.", "هر هفته گزارش شود.",
    "با همکاری کمیته‌های استانی انجام شود.", "تا پایان ماه نهایی شود.", "",
)
TIME_FRAMES = (("یک هفته", 7), ("دو هفته", 14), ("۱۰ روز", 10), ("یک ماه", 30), ("-", None))


def subject(pick: int, action: int, topic: int, tail: int) -> str:
    """A resolution subject put together from the vocabulary (indexes wrap)."""
    text = (f"{SUBJECT_ACTIONS[action % len(SUBJECT_ACTIONS)]} درباره "
            f"{SUBJECT_TOPICS[topic % len(SUBJECT_TOPICS)]} (بند {pick}) "
            f"{SUBJECT_TAILS[tail % len(SUBJECT_TAILS)]}")
    return text.strip()


def province_names(count: int) -> list[str]:
    """`count` region names: the 31 provinces, then numbered regions of them (10× the country)."""
    return [PROVINCES[i % len(PROVINCES)] + ("" if i < len(PROVINCES) else
                                             f" ناحیه {i // len(PROVINCES) + 1}")
            for i in range(count)]
