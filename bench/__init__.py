"""`python bot.py bench`: the national-scale benchmark harness and the figures the bot must reach."""
