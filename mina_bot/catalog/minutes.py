"""Texts for importing the minutes (صورت‌جلسه)."""

TEXTS = {
}
