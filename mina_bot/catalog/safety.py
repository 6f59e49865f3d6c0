"""Texts for flood control and other protective answers."""

TEXTS = {
    "flood.slow_down": {
        "fa": (
            "پیام‌های شما خیلی سریع می‌رسند. 🙏 لطفاً چند لحظه صبر کنید و دوباره بفرستید؛ "
            "پیام‌های این چند ثانیه پردازش نمی‌شوند."
        ),
        "en": (
            "Your messages are arriving too fast. Please wait a few moments and send again; "
            "messages from these seconds are not processed."
        ),
    },
}
