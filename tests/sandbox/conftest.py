"""The sandbox fixtures come from the root conftest (tests/fixtures/sandbox.py)."""
