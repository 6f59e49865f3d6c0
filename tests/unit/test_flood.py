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
    assert len(guard._accounts) == 1
