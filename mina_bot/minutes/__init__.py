"""The minutes (صورت‌جلسه): parsing them, and importing them into the database."""
