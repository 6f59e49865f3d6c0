"""Council sessions: the weekly schedule and each session's agenda."""
