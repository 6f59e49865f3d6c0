"""Running Mina in production: webhook server, health, backups."""
