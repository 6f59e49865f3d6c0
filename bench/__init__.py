"""`python bot.py bench`: the national-scale benchmark harness and the figures to reach."""
