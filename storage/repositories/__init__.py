"""Queries over the Mina tables: keyword-only functions that take a Session first."""
