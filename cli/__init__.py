"""The command line's subcommands beside the bot: each parses, calls the core, prints."""
