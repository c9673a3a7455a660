"""Balance history and forecasts (core/usage.py), on synthetic histories."""

from __future__ import annotations

import csv
import json
import random
import sqlite3
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from ohmygpt_desktop.core import usage
from ohmygpt_desktop.core.orders import OrderHistory
from ohmygpt_desktop.core.usage import (
    ForecastState,
    Sample,
    SampleKind,
    UsageHistory,
    daily_spending,
    forecast,
    paid_order_matcher,
)

T0 = datetime(2026, 3, 1, tzinfo=UTC)
KEY = "888@api.test"


class Clock:
    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def series(
    hours: int, start: float, per_hour: float, *, every: float = 1.0, t0: datetime = T0
) -> list[Sample]:
    """A read every ``every`` hours for ``hours`` hours, spending ``per_hour``."""
    out = []
    steps = int(hours / every)
    for i in range(steps + 1):
        value = Decimal(str(round(start - per_hour * every * i, 2)))
        out.append(Sample(t0 + timedelta(hours=every * i), value))
    return out


def end_of(samples: list[Sample]) -> datetime:
    return samples[-1].at


# ------------------------------------------------------------------ forecast


def test_steady_spending_forecasts_the_exact_day() -> None:
    samples = series(24 * 5, 10_000, 10)  # 240 a day, 8800 left
    result = forecast(samples, end_of(samples))
    assert result.state is ForecastState.FALLING
    assert result.spent_per_day == Decimal("240.00")
    assert result.days == pytest.approx(8800 / 240, rel=1e-6)
    assert not result.noisy


def test_bursty_spending_within_days_gives_the_daily_rate() -> None:
    # Spends 600 in the 8 working hours of each day, nothing at night.
    samples, value = [], 20_000.0
    for hour in range(24 * 7):
        if 9 <= hour % 24 < 17:
            value -= 75
        samples.append(Sample(T0 + timedelta(hours=hour), Decimal(str(value))))
    result = forecast(samples, end_of(samples))
    assert result.state is ForecastState.FALLING
    assert float(result.spent_per_day) == pytest.approx(600, rel=0.1)
    low, high = result.runs_out_in
    assert low <= result.days <= high
    assert result.days == pytest.approx(value / 600, rel=0.1)


def test_noisy_spending_gives_a_range() -> None:
    rng = random.Random(7)
    samples, value = [], 50_000.0
    for hour in range(24 * 7):
        value -= rng.choice([0, 0, 0, 40, 200])
        samples.append(Sample(T0 + timedelta(hours=hour), Decimal(str(value))))
    result = forecast(samples, end_of(samples))
    assert result.state is ForecastState.FALLING
    low, high = result.runs_out_in
    assert low < result.days < high
    assert result.noisy


def test_top_ups_are_left_out_of_the_rate() -> None:
    first = series(48, 1000, 10)  # 240 a day
    top_up_at = end_of(first) + timedelta(hours=1)
    second = series(72, 5000, 10, t0=top_up_at)
    second[0] = Sample(second[0].at, second[0].balance, kind=SampleKind.TOPUP)
    samples = first + second
    result = forecast(samples, end_of(samples))
    assert result.spent_per_day == Decimal("240.00")
    assert result.days == pytest.approx(float(samples[-1].balance) / 240, rel=1e-6)


def test_an_unmarked_rise_splits_the_stretch_too() -> None:
    first = series(48, 1000, 10)
    second = series(48, 3000, 10, t0=end_of(first) + timedelta(hours=1))
    result = forecast(first + second, end_of(second))
    assert result.spent_per_day == Decimal("240.00")


def test_a_flat_balance_is_not_falling() -> None:
    samples = series(24 * 3, 500, 0)
    result = forecast(samples, end_of(samples))
    assert result.state is ForecastState.NOT_FALLING
    assert result.runs_out_in is None


def test_a_rising_balance_is_not_falling() -> None:
    samples = [Sample(T0 + timedelta(hours=h), Decimal(100 + h)) for h in range(72)]
    # Every read is a rise: no stretch holds two samples; ask the same of gentle rises.
    assert forecast(samples, end_of(samples)).state is ForecastState.NOT_ENOUGH_DATA
    flat_then_up = series(48, 500, 0) + series(48, 600, 0, t0=T0 + timedelta(hours=49))
    assert forecast(flat_then_up, end_of(flat_then_up)).state is ForecastState.NOT_FALLING


@pytest.mark.parametrize("hours", [0, 1, 6])
def test_too_little_data_is_not_enough(hours: int) -> None:
    samples = series(hours, 1000, 10)
    result = forecast(samples, end_of(samples))
    assert result.state is ForecastState.NOT_ENOUGH_DATA
    assert result.days is None
    assert forecast([], T0).state is ForecastState.NOT_ENOUGH_DATA


def test_old_data_only_is_not_enough() -> None:
    samples = series(72, 1000, 1)
    later = end_of(samples) + timedelta(days=10)
    assert forecast(samples, later).state is ForecastState.NOT_ENOUGH_DATA


def test_gaps_in_the_reads_keep_the_rate() -> None:
    samples = series(24 * 6, 10_000, 10)
    holes = [s for s in samples if not (30 <= (s.at - T0).total_seconds() / 3600 < 90)]
    result = forecast(holes, end_of(holes))
    assert result.spent_per_day == Decimal("240.00")


def test_time_passing_since_the_last_read_counts() -> None:
    samples = series(72, 10_000, 10)
    now = end_of(samples) + timedelta(days=2)
    assert forecast(samples, now).days == pytest.approx(
        float(samples[-1].balance) / 240 - 2, rel=1e-6
    )


def test_a_clock_going_back_draws_no_rate_across_it() -> None:
    first = series(48, 1000, 10)
    # The clock is set back a day: the reads go on, stamped a day earlier.
    second = series(48, float(first[-1].balance) - 10, 10, t0=end_of(first) - timedelta(days=1))
    result = forecast(first + second, end_of(first))
    assert result.spent_per_day == Decimal("240.00")


def test_ran_out() -> None:
    samples = series(24, 100, 10)
    assert samples[-1].balance < 0
    result = forecast(samples, end_of(samples))
    assert result.state is ForecastState.RAN_OUT
    assert result.sort_key == (0, 0.0)


def test_sort_key_orders_soonest_first() -> None:
    soon = forecast(series(72, 1000, 10), T0 + timedelta(hours=72))
    late = forecast(series(72, 100_000, 10), T0 + timedelta(hours=72))
    flat = forecast(series(72, 1000, 0), T0 + timedelta(hours=72))
    unknown = forecast([], T0)
    ordered = sorted([unknown, flat, late, soon], key=lambda f: f.sort_key)
    assert ordered == [soon, late, flat, unknown]


def test_daily_spending_sums_the_falls_per_day() -> None:
    top_up = Sample(T0 + timedelta(hours=49), Decimal(5000), kind=SampleKind.TOPUP)
    samples = [*series(48, 1000, 10), top_up]
    days = daily_spending(samples, 3, T0 + timedelta(hours=49), UTC)
    assert [d.isoformat() for d, _ in days] == ["2026-03-01", "2026-03-02", "2026-03-03"]
    assert [v for _, v in days] == [Decimal(230), Decimal(240), Decimal(10)]


# ------------------------------------------------------------------ storage


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def history(tmp_path: Path, clock: Clock) -> Iterator[UsageHistory]:
    h = UsageHistory(tmp_path / "usage.sqlite3", clock=clock)
    yield h
    h.close()


def test_unchanged_reads_add_a_row_at_most_hourly(history: UsageHistory, clock: Clock) -> None:
    for _ in range(12):  # every 5 minutes for an hour
        history.record(KEY, Decimal(100), Decimal(0))
        clock.advance(minutes=5)
    assert history.count(KEY) == 1
    history.record(KEY, Decimal(100), Decimal(0))
    assert history.count(KEY) == 2
    history.record(KEY, Decimal(99), Decimal(0))  # a change is always kept
    assert history.count(KEY) == 3


def test_rises_are_top_ups_matched_to_the_paid_order(tmp_path: Path, clock: Clock) -> None:
    orders = OrderHistory(tmp_path / "orders.sqlite3", clock=clock)
    h = UsageHistory(
        tmp_path / "usage.sqlite3", clock=clock, match_order=paid_order_matcher(orders)
    )
    try:
        h.record(KEY, Decimal(100))
        clock.advance(minutes=10)
        local_id = orders.begin(
            account_key=KEY,
            email="a@b",
            host="api.test",
            kind="checkout",
            amount=Decimal(5),
            product_id="p",
            balance_before=Decimal(100),
        )
        orders.complete(local_id, order_no="ORD-1", checkout_url="https://pay/x")
        clock.advance(minutes=5)
        orders.mark_paid(local_id, balance_before=Decimal(100), balance_after=Decimal(170_100))
        clock.advance(minutes=5)
        h.record(KEY, Decimal(170_100))
        clock.advance(hours=2)
        h.record(KEY, Decimal(180_000))  # a rise with no order behind it
        top_ups = [s for s in h.samples(KEY) if s.kind is SampleKind.TOPUP]
        assert [(s.topup, s.order_no) for s in top_ups] == [
            (Decimal(170_000), "ORD-1"),
            (Decimal(9_900), None),
        ]
    finally:
        h.close()
        orders.close()


def test_the_clock_going_back_never_stores_out_of_order(
    history: UsageHistory, clock: Clock
) -> None:
    history.record(KEY, Decimal(100))
    clock.advance(hours=-3)
    history.record(KEY, Decimal(100))  # nothing new: nothing stored
    history.record(KEY, Decimal(90))
    history.record(KEY, Decimal(80))
    rows = history.samples(KEY)
    assert [s.balance for s in rows] == [Decimal(100), Decimal(90), Decimal(80)]
    assert [s.kind for s in rows[1:]] == [SampleKind.BREAK, SampleKind.BREAK]
    assert rows[0].at < rows[1].at < rows[2].at


def test_thinning_keeps_everything_for_two_days_hourly_for_30_and_daily_for_a_year(
    history: UsageHistory, clock: Clock
) -> None:
    value = Decimal(10_000_000)
    steps = 400 * 24 * 4  # a read every 15 minutes for 400 days, always spending
    for i in range(steps):
        value -= 1
        history.record(KEY, value)
        if i == steps // 2:
            history.record(KEY, value + 1000)  # a top-up half-way (kept for the year)
        clock.advance(minutes=15)
    history.thin()
    now = clock.now
    rows = history.samples(KEY)
    ages = [(now - s.at).total_seconds() for s in rows]
    assert max(ages) <= usage.KEEP_AT_MOST_S
    recent = [a for a in ages if a < usage.KEEP_ALL_S]
    hourly = [a for a in ages if usage.KEEP_ALL_S <= a < usage.HOURLY_UNTIL_S]
    daily = [a for a in ages if a >= usage.HOURLY_UNTIL_S]
    assert len(recent) == pytest.approx(2 * 24 * 4, abs=2)
    assert len(hourly) == pytest.approx(28 * 24, abs=2)
    assert len(daily) == pytest.approx(335 + 1, abs=2)  # + the top-up
    assert sum(s.kind is SampleKind.TOPUP for s in rows) == 1
    assert history.forecast(KEY).spent_per_day == Decimal(96)


def test_caps_hold_the_file(history: UsageHistory, clock: Clock, monkeypatch) -> None:
    monkeypatch.setattr(usage, "MAX_SAMPLES_PER_ACCOUNT", 50)
    monkeypatch.setattr(usage, "MAX_SAMPLES", 120)
    for i in range(200):
        for n in range(3):
            history.record(f"{n}@api.test", Decimal(10_000 - i))
        clock.advance(seconds=30)
    history.thin()
    assert history.count("0@api.test") == 40  # 120 shared by three
    assert history.count() == 120
    newest = history.samples("0@api.test")[-1]
    assert newest.balance == Decimal(10_000 - 199)


def test_export_csv_is_formula_safe_and_jsonl_keeps_decimals(tmp_path: Path, clock: Clock) -> None:
    h = UsageHistory(tmp_path / "u.sqlite3", clock=clock, match_order=lambda *_: "=HYPERLINK(1)")
    h.record("=cmd@api.test", Decimal("10.50"), Decimal("0.25"))
    clock.advance(hours=1)
    h.record("=cmd@api.test", Decimal("20.75"), Decimal("0.25"))
    assert h.export_csv(tmp_path / "u.csv", "=cmd@api.test") == 2
    with (tmp_path / "u.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["Time (UTC)", "Account", "Balance (credits)"]
    assert rows[1][1] == "'=cmd@api.test"
    assert rows[2][2:] == ["20.75", "0.25", "Top-up", "10.25", "'=HYPERLINK(1)"]
    assert h.export_jsonl(tmp_path / "u.jsonl", "=cmd@api.test") == 2
    lines = [json.loads(x) for x in (tmp_path / "u.jsonl").read_text().splitlines()]
    assert lines[1]["balance"] == "20.75"
    assert lines[1]["kind"] == "topup"
    assert lines[1]["topup"] == "10.25"
    with pytest.raises(usage.UsageHistoryError):
        h.export_csv(tmp_path / "missing" / "u.csv", "=cmd@api.test")
    h.close()


def test_a_damaged_file_is_kept_aside_and_a_new_one_started(tmp_path: Path) -> None:
    path = tmp_path / "usage.sqlite3"
    path.write_bytes(b"not a database at all" * 100)
    h = UsageHistory(path)
    try:
        assert h.open_problem is not None
        assert "damaged" in str(h.open_problem)
        assert list(tmp_path.glob("usage.sqlite3.damaged-*"))
        h.record(KEY, Decimal(1))
        assert h.count(KEY) == 1
    finally:
        h.close()


def test_a_file_that_cannot_be_opened_leaves_a_history_in_memory(tmp_path: Path) -> None:
    folder = tmp_path / "file-not-folder"
    folder.write_text("x")
    h = UsageHistory(folder / "usage.sqlite3")
    assert h.open_problem is not None
    h.record(KEY, Decimal(1))
    assert h.count(KEY) == 1
    h.close()


def test_a_write_failure_does_not_raise(history: UsageHistory, clock: Clock) -> None:
    history.record(KEY, Decimal(1))
    history._conn.execute("DROP TABLE samples")  # the file goes wrong under the app
    clock.advance(hours=2)
    assert history.record(KEY, Decimal(2)) is None
    assert history.write_problem is not None


def test_forecast_is_cached_until_a_new_sample(history: UsageHistory, clock: Clock) -> None:
    for _ in range(48):
        history.record(KEY, Decimal(10_000) - Decimal(len(history.samples(KEY))) * 10)
        clock.advance(hours=1)
    first = history.forecast(KEY)
    assert history.forecast(KEY) is first
    history.record(KEY, Decimal(1))
    assert history.forecast(KEY) is not first
    everyone = history.forecast_all([KEY, "nobody@api.test"])
    assert everyone[KEY] is history.forecast(KEY)
    assert everyone["nobody@api.test"].state is ForecastState.NOT_ENOUGH_DATA
    # Without new samples, an hour on the days left are counted again.
    history.record(KEY, Decimal(1000))
    clock.advance(hours=1)
    for i in range(1, 25):
        history.record(KEY, Decimal(1000) - Decimal(10) * i)
        clock.advance(hours=1)
    before = history.forecast(KEY)
    clock.advance(minutes=59)
    assert history.forecast(KEY) is before
    clock.advance(hours=2)
    later = history.forecast(KEY).days
    assert later == pytest.approx(before.days - (59 + 120) / (24 * 60), abs=1e-6)


def test_schema_is_versioned(tmp_path: Path) -> None:
    path = tmp_path / "usage.sqlite3"
    UsageHistory(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == usage.SCHEMA_VERSION
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    h = UsageHistory(path)
    assert "newer version" in str(h.open_problem)
    h.close()


def test_forecasts_are_worked_out_in_a_thread_while_samples_come_in(
    history: UsageHistory, clock: Clock
) -> None:
    keys = [f"{n}@api.test" for n in range(50)]
    for hour in range(48):
        for n, key in enumerate(keys):
            history.record(key, Decimal(100_000 - hour * (n + 1) * 10))
        clock.advance(hours=1)
    with ThreadPoolExecutor(1) as pool:
        future = pool.submit(history.forecast_all, keys)
        for key in keys:  # the main thread goes on recording meanwhile
            history.record(key, Decimal(1))
        everyone = future.result(timeout=30)
    assert [f.state for f in everyone.values()] == [ForecastState.FALLING] * len(keys)
    assert everyone[keys[4]].spent_per_day == Decimal(1200)
    # What came in meanwhile is not hidden by a forecast worked out before it.
    assert history.forecast(keys[4]).balance == Decimal(1)
