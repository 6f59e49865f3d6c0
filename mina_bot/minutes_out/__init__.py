"""The minutes the bot writes: a session's صورتجلسه drafted from what it knows, as Word and PDF."""
