"""Resolutions: their life from the minutes to the secretariat's confirmation."""
