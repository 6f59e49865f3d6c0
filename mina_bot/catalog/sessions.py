"""Texts for council sessions and their agendas."""

TEXTS = {
    "command.owe": {"fa": "چه کاری بر عهده من است؟", "en": "What do I owe?"},
    "command.session": {"fa": "جلسه آینده و دستور آن", "en": "The next session and its agenda"},
    "command.import": {"fa": "ورود صورت‌جلسه", "en": "Import the minutes"},
    "command.resolutions": {"fa": "فهرست مصوبات با فیلتر", "en": "Resolutions, filtered"},
    "command.newresolution": {"fa": "افزودن یک مصوبه", "en": "Add one resolution"},
}
