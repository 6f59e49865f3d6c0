"""Texts for council sessions and their agendas."""

TEXTS = {
}
