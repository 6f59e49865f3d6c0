"""Reminders: a planner over the database state and the clock, feeding the outbox."""
