"""The free-text intent matcher: 40+ ways to ask «what do I owe?» in each language, and texts
that are not that question."""

from __future__ import annotations

import pytest

from mina_bot.intents import OWE, intent_of

PERSIAN = [
    "چه کاری بر عهده من است؟", "چه کاری بر عهده من هست", "چه کارهایی بر عهده من است؟",
    "چه کاری بر عهده‌ام است؟", "چه کاری به عهده من است", "چه چیزی به عهده‌ام هست؟",
    "كارهاي من", "کارهای من", "کار های من", "کارهایم چیست؟", "کارهای من چیه؟",
    "من چه کارهایی دارم؟", "چه کارهایی دارم", "سلام، چه کارهایی دارم؟", "چه کاری دارم؟",
    "چه کارهایی باید بکنم؟", "سلام. چه کارهایی باید بکنم؟", "چه کاری باید بکنم",
    "من الان باید چه کار کنم؟", "باید چیکار کنم؟", "باید چه کنم", "باید چکار کنم؟",
    "مهلت‌های من", "مهلت های من", "مهلتهای من؟", "سلام مهلت‌هایم را بگو", "مهلت من کی است؟",
    "وظایف من", "وظایفم را بگو", "وظیفه من چیست؟", "وظیفه‌ام چیه",
    "تعهدات من", "تعهداتم", "مصوبات من", "مصوباتم را نشان بده", "بدهی‌های من", "بدهیهای من",
    "بدهکارم؟", "چی گردن منه؟", "کارهای عقب‌افتاده من", "کارهای مانده من",
    "کارهای باقی‌مانده من کدام‌اند؟", "صبح بخیر! کارهای من؟", "درود، وظایف من چیست؟",
    "كارهاى من", "كار‌هاي من ؟",
]
ENGLISH = [
    "What do I owe?", "what do i owe", "WHAT DO I OWE", "Hi, what do I owe?",
    "hello! what do I owe", "What do I owe right now?", "what i owe", "Do I owe anything?",
    "What should I do?", "what should i do next", "What do I have to do?",
    "What do I need to do this week?", "What must I do?", "What am I supposed to do?",
    "What's on my plate?", "What is on my plate?", "What am I responsible for?",
    "What's due?", "What is due for me?", "What's my due date?", "My tasks", "my tasks?",
    "Show my tasks", "list my tasks please", "My deadlines", "my deadline", "My duties",
    "my duty", "My to-do", "my todo list", "My resolutions", "My commitments",
    "my action items", "My assignments", "my pending work", "my pending items",
    "my open items", "My workload", "What's left for me?", "What is left for me?",
    "What's assigned to me?", "what is assigned to me", "Anything due?",
    "anything for me to do?", "Good morning, what do I owe?", "hey — my tasks",
]
NOT_OWE = [
    "سلام، چه خبر؟", "سلام", "ممنون", "گزارش هفته را کی بفرستم؟", "با این فایل چه کار کنم؟",
    "کاری دارم با دبیرخانه", "hello", "thanks", "however", "How do I send the report?",
    "ok", "", "کارهای من" + " و" * 100,
]


def test_the_table_is_big_enough():
    assert len(PERSIAN) >= 40 and len(ENGLISH) >= 40


@pytest.mark.parametrize("question", PERSIAN + ENGLISH)
def test_every_way_of_asking_what_i_owe_is_understood(question):
    assert intent_of(question) == OWE


@pytest.mark.parametrize("other", NOT_OWE)
def test_other_texts_are_not_that_question(other):
    assert intent_of(other) is None
