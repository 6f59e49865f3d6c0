"""Weekly reports: the guided draft, submission with receipts, reading and compliance."""
