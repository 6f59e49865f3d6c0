"""How Mina talks to the messenger: the Bot API transport, per-chat order, persistence, keyboards,
the sender adapter and the context every callback gets. No feature lives here."""
