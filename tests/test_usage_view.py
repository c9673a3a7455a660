"""Balance history through the sandbox: weeks of spending and top-ups played on the
sandbox's clock (the app's sample clock follows it), seen in the Usage tab, the
balance card's sparkline and the tray's early warning."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal

import httpx
import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFileDialog

from ohmygpt_desktop.core.usage import ForecastState, SampleKind, UsageHistory
from ohmygpt_desktop.ui import accounts_table
from ohmygpt_desktop.ui.formatting import to_qdatetime
from ohmygpt_desktop.ui.main_window import MainWindow
from ohmygpt_desktop.ui.usage_chart import ChartData, UsageChart
from tests.helpers.asyncutil import outcome, until
from tests.helpers.recharging import Widgets, signed_in, widget_scope
from tests.helpers.signin import until_idle
from tests.helpers.tray import fake_tray

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
USER = "888"  # alice@example.com, 340,000 credits in the seeded sandbox


@pytest.fixture
def widgets() -> Iterator[Widgets]:
    with widget_scope() as scope:
        yield scope


class Player:
    """Plays time and balances on the sandbox over loopback; the app reads them."""

    def __init__(self, sandbox, run, ctx, key: str) -> None:
        self.http = httpx.Client(base_url=sandbox.base_url, trust_env=False)
        self.run, self.ctx, self.key = run, ctx, key

    def close(self) -> None:
        self.http.close()

    def step(self, hours: float, balance: Decimal) -> None:
        """``hours`` pass on the sandbox clock, the balance is set, the app reads it."""
        self.http.post("/_sandbox/clock", json={"advance": hours * 3600}).raise_for_status()
        reply = self.http.post("/_sandbox/balance", json={"user_id": USER, "balance": str(balance)})
        reply.raise_for_status()
        self.run(self.ctx.accounts.refresh_balance(self.key))


def sandbox_clock(sandbox):
    return lambda: datetime.fromtimestamp(sandbox.state.now(), UTC)


def started_window(widgets: Widgets, run, ctx) -> MainWindow:
    window = widgets.add(MainWindow(ctx))
    window.resize(820, 900)
    window.show()
    window.start()
    # One run: the start-up refresh must not be left running when the loop stops.
    run(until_idle(lambda: window._started))
    return window


def close_to(actual: QColor, expected: QColor, tolerance: int = 60) -> bool:
    return (
        abs(actual.red() - expected.red())
        + abs(actual.green() - expected.green())
        + abs(actual.blue() - expected.blue())
        <= tolerance
    )


def pixels_near(chart: UsageChart, x: float, y: float, expected: QColor, reach: int = 3) -> bool:
    image = chart.grab().toImage()
    ratio = image.devicePixelRatio()
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            px, py = round((x + dx) * ratio), round((y + dy) * ratio)
            inside = 0 <= px < image.width() and 0 <= py < image.height()
            if inside and close_to(QColor(image.pixel(px, py)), expected):
                return True
    return False


def test_weeks_of_spending_and_a_top_up_show_in_the_usage_tab(
    make_ctx, run, sandbox, widgets, tmp_path
) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox, usage_clock=sandbox_clock(sandbox))
    window = started_window(widgets, run, ctx)
    player = Player(sandbox, run, ctx, account.key)
    try:
        balance = Decimal(340_000)
        for step in range(4 * 12):  # 12 days, a read every 6 hours, 24,000 a day
            balance -= 6000
            if step == 4 * 6:  # a top-up on day 6
                balance += 200_000
            player.step(6, balance)
    finally:
        player.close()
    run(until_idle())

    samples = ctx.usage.samples(account.key)
    assert len(samples) == 1 + 48
    (top_up,) = [s for s in samples if s.kind is SampleKind.TOPUP]
    assert top_up.topup == Decimal(194_000)
    forecast = ctx.usage.forecast(account.key)
    assert forecast.state is ForecastState.FALLING
    # Real time also passes between the reads (well under a second each).
    assert forecast.spent_per_day == pytest.approx(Decimal(24_000), abs=Decimal(5))
    assert forecast.days == pytest.approx(float(balance) / 24_000, abs=0.01)  # 252,000 left
    days = forecast.days

    view = window.usage_view
    window.tabs.setCurrentWidget(view)
    run(until(lambda: view.isVisible() and view.chart.height() >= 200))
    view.period_buttons[30].click()
    assert view.days == 30
    chart = view.chart
    assert len(chart.data.samples) == len(samples)
    assert f"Runs out in ~{round(days)} days" in view.summary.text()
    assert "23,999" in view.summary.text() or "24,000" in view.summary.text()
    # Spending per day as bars: 24,000 on each full day played.
    assert sorted({v for _, v in chart.data.spending if v})[-1] == Decimal(24_000)

    # The pixels: the line through the readings, the top-up marker where it happened.
    palette = chart.palette()
    highlight = palette.color(QPalette.ColorRole.Highlight)
    link = palette.color(QPalette.ColorRole.Link)
    middle = chart.data.samples[10]
    assert pixels_near(chart, chart.x_for(middle.at), chart.y_for(middle.balance), highlight)
    (x,) = chart.topup_xs()
    assert x == pytest.approx(chart.x_for(top_up.at))
    y = chart.y_for(top_up.balance)
    assert pixels_near(chart, x, y - 4, link)
    assert not pixels_near(chart, x - 40, y - 4, link, reach=1)
    assert chart.forecast_line() is not None
    assert "Top-up" in chart.hover_text(x, y)

    # The balance card's sparkline shows the same month and the forecast.
    strip = window.balance_view.usage_strip
    assert strip.isVisible()
    assert not window.balance_view.notice.isVisible()
    assert strip.label.text() == f"Runs out in ~{round(days)} days"
    assert len(strip.chart.data.samples) == len(samples)

    # 7 days leave the older readings out.
    view.period_buttons[7].click()
    assert len(chart.data.samples) < len(samples)

    # Export: CSV and JSON Lines of every sample, through the (non-blocking) save dialog.
    for button, name in ((view.csv_button, "usage.csv"), (view.jsonl_button, "usage.jsonl")):
        button.click()
        dialog = view.export_dialog
        assert isinstance(dialog, QFileDialog)
        assert dialog.isVisible()
        assert dialog.selectedFiles()[0].endswith(name.rsplit(".", 1)[1])
        dialog.fileSelected.emit(str(tmp_path / name))
        dialog.close()
        # Written off the GUI thread; the buttons wait for it.
        assert not view.csv_button.isEnabled()
        assert run(outcome(view.export_op)) == len(samples)
        assert view.csv_button.isEnabled()
    lines = (tmp_path / "usage.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 + len(samples)
    assert ",Top-up,194000.00," in lines[1 + samples.index(top_up)]
    assert len((tmp_path / "usage.jsonl").read_text(encoding="utf-8").splitlines()) == len(samples)
    assert ctx.messages.history[-1][1].startswith(f"Exported {len(samples)} balance readings")


def test_running_out_soon_is_notified_once_per_crossing(
    make_ctx, run, sandbox, widgets, monkeypatch
) -> None:
    icons = fake_tray(monkeypatch)
    ctx, account = signed_in(make_ctx, run, sandbox, usage_clock=sandbox_clock(sandbox))
    window = started_window(widgets, run, ctx)
    window.tray.notify("Hello", "a first message makes the icon")
    (icon,) = icons
    player = Player(sandbox, run, ctx, account.key)

    def warnings() -> list[str]:
        return [text for title, text in icon.messages if title == "Balance running out"]

    try:
        balance = Decimal(340_000)
        while balance > 130_000:  # 40,000 a day: more than 3 days left
            balance -= 10_000
            player.step(6, balance)
        assert warnings() == []
        for _ in range(3):  # 120,000 .. 100,000 left: 3 days or less at 40,000 a day
            balance -= 10_000
            player.step(6, balance)
        assert len(warnings()) == 1
        assert warnings()[0].startswith("alice@example.com: Runs out in")
        player.step(6, Decimal(2_000_000))  # a top-up: weeks again
        for i in range(1, 9):
            player.step(6, Decimal(2_000_000) - 10_000 * i)
        assert len(warnings()) == 1
        balance = Decimal(1_970_000)
        while balance > 90_000:  # spending fast down to a few days again
            balance -= 160_000
            player.step(24, balance)
        assert len(warnings()) == 2
    finally:
        player.close()
    run(until_idle())


def test_support_desk_sorts_customers_by_runs_out(
    qtbot, make_ctx, run, sandbox, widgets, monkeypatch
) -> None:
    from tests.test_accounts_table import AL, BEA, CY, DANA, cell, click_header, desk_window, key
    from tests.test_accounts_table import emails as shown_emails

    # Many accounts' forecasts are worked out in a worker thread (here: from 2 on).
    monkeypatch.setattr(accounts_table, "WARM_FORECASTS_AT", 2)
    threads: list[bool] = []
    many_on_gui_thread: list[int] = []
    real_forecast_all = UsageHistory.forecast_all

    def forecast_all(self, keys=None):
        on_gui = threading.current_thread() is threading.main_thread()
        threads.append(on_gui)
        wanted = list(keys) if keys is not None else []
        if on_gui and len(wanted) > 1 and not all(self._forecasts.get(k) for k in wanted):
            many_on_gui_thread.append(len(wanted))  # forecasts worked out on the GUI thread
        return real_forecast_all(self, keys)

    def both_orders(column: str) -> dict[Qt.SortOrder, list[str]]:
        """A header click, the rows once the sort is done; then the reverse."""
        seen = {}
        for _ in range(2):
            # As when samples came in for accounts scrolled out of view: their forecasts
            # are not worked out yet when the header is clicked.
            ctx.usage._forecasts.clear()
            order = click_header(qtbot, page, column)
            run(until_idle())
            seen[order] = shown_emails(page)
        return seen

    monkeypatch.setattr(UsageHistory, "forecast_all", forecast_all)
    ctx, _window, page = desk_window(qtbot, make_ctx, run, sandbox, widgets, [AL, DANA, BEA, CY])
    assert False in threads  # the table's warm-up, off the GUI thread
    ctx.usage.clock = sandbox_clock(sandbox)
    spend = {CY: 100_000, BEA: 100_000, DANA: 0}  # credits a day; al is never read
    balances = {user: Decimal(user[2]) for user in spend}
    with httpx.Client(base_url=sandbox.base_url, trust_env=False) as http:
        for _ in range(4 * 3):  # three days, a read every 6 hours
            http.post("/_sandbox/clock", json={"advance": 6 * 3600}).raise_for_status()
            for user, per_day in spend.items():
                balances[user] -= per_day // 4
                reply = http.post(
                    "/_sandbox/balance", json={"user_id": user[0], "balance": str(balances[user])}
                )
                reply.raise_for_status()
                run(ctx.accounts.refresh_balance(key(user)))
    run(until_idle())

    many_on_gui_thread.clear()
    orders = both_orders("runs_out")
    # New samples came in for every account: the sort waited for the forecasts, worked
    # out in a worker thread, instead of freezing the window.
    assert many_on_gui_thread == []
    emails = [user[1] for user in (CY, BEA, DANA, AL)]
    assert orders[ASC] == emails  # soonest first; not falling, then no data, last
    assert orders[DESC] == [DANA[1], BEA[1], CY[1], AL[1]]  # no data stays last
    cy_days = ctx.usage.forecast(key(CY)).days
    assert cy_days == pytest.approx(float(balances[CY]) / 100_000, abs=0.01)
    assert cell(page, CY, "runs_out") == f"~{round(cy_days)} d"
    assert cell(page, DANA, "runs_out") == "—"
    assert cell(page, AL, "runs_out") == "no data"
    assert cell(page, CY, "spent_per_day") == "≈ $2.94"
    assert "Runs out in ~" in cell(page, CY, "runs_out", Qt.ItemDataRole.ToolTipRole)
    spent = both_orders("spent_per_day")
    assert spent[ASC][0] == DANA[1]
    assert spent[ASC][-1] == AL[1]


@pytest.mark.parametrize("name", ["hu_HU", "ko_KR", "sk_SK", "de_DE", "en_US"])
def test_the_time_axis_shows_whole_dates_in_every_locale(name: str, qtbot) -> None:
    saved = QLocale()
    QLocale.setDefault(QLocale(name))
    try:
        chart = UsageChart()
        qtbot.addWidget(chart)
        start = datetime(2026, 1, 5, 12, tzinfo=UTC)
        end = datetime(2026, 2, 4, 12, tzinfo=UTC)
        chart.set_data(ChartData(start, end))
        whole = [
            QLocale(name).toString(to_qdatetime(m).date(), QLocale.FormatType.ShortFormat)
            for m in (start, end)
        ]
        assert list(chart.axis_dates()) == whole
    finally:
        QLocale.setDefault(saved)
