"""The quarterly report of resolution 1: its document, cover letter and approval."""
