"""Flood control: a flooding account is warned once and slowed; others pass."""

from mina_bot.flood import FloodGuard, Verdict


def test_fifty_a_second_is_warned_once_then_dropped_until_the_cooloff_ends():
    guard = FloodGuard(limit=20, window=10, cooloff=30)
    verdicts = [guard.check(1, now=i / 50) for i in range(50)]
    assert verdicts[:20] == [Verdict.PASS] * 20
    assert verdicts[20] == Verdict.WARN
    assert set(verdicts[21:]) == {Verdict.DROP}
    assert guard.check(1, now=31.0) == Verdict.PASS


def test_another_account_is_not_affected():
    guard = FloodGuard(limit=20, window=10, cooloff=30)
    for i in range(50):
        guard.check(1, now=i / 50)
    assert guard.check(2, now=1.0) == Verdict.PASS


def test_a_steady_pace_under_the_limit_is_never_slowed():
    guard = FloodGuard(limit=20, window=10, cooloff=30)
    assert all(guard.check(1, now=i * 0.6) == Verdict.PASS for i in range(500))


def test_idle_accounts_are_forgotten_when_the_table_is_full():
    guard = FloodGuard(limit=5, window=1, cooloff=1, max_accounts=10)
    for account in range(10):
        guard.check(account, now=0)
    assert guard.check(99, now=5) == Verdict.PASS
    assert len(guard) == 1


def test_accounts_quiet_for_a_window_are_forgotten_but_a_cooloff_is_kept():
    """5,000 members asking once each must not stay in memory for the bot's lifetime."""
    guard = FloodGuard(limit=2, window=10, cooloff=30)
    for account in range(5000):
        guard.check(account, now=account / 1000)
    for _ in range(3):
        guard.check(9999, now=5.0)  # the third is over the limit: a 30 s cool-off
    assert guard.check(1, now=16.0) == Verdict.PASS  # a sweep: quiet since 6.0 means forgotten
    assert len(guard) == 2  # account 1 again, and 9999 still cooling off
    assert guard.check(9999, now=20.0) == Verdict.DROP
