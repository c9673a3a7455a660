"""The tray: the balance in the icon's tooltip, its menu, notifications, and closing the
window into the tray while a payment is watched (the offscreen platform has no tray: a
stand-in takes its place, see ``tests.helpers.tray``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from ohmygpt_desktop.ui.main_window import MainWindow
from ohmygpt_desktop.ui.recharge_dialog import RechargeDialog
from tests.helpers.asyncutil import recording, until
from tests.helpers.recharging import Widgets, signed_in, widget_scope
from tests.helpers.signin import until_idle
from tests.helpers.tray import FakeTrayIcon, fake_tray

STILL_RUNNING = "Still running in the tray"
WATCHING_GOES_ON = (
    "OhMyGPT Desktop keeps watching for your payment here. To quit, use Quit in this icon's menu."
)


@pytest.fixture
def widgets() -> Iterator[Widgets]:
    with widget_scope() as scope:
        yield scope


def started_window(widgets: Widgets, run, ctx) -> MainWindow:
    window = widgets.add(MainWindow(ctx))
    window.show()
    window.start()
    run(until(lambda: window._started))
    return window


def menu_entries(icon: FakeTrayIcon) -> dict[str, object]:
    menu = icon.contextMenu()
    assert menu is not None
    return {action.text(): action for action in menu.actions() if action.text()}


def test_the_tray_menu_opens_refreshes_recharges_and_quits(
    make_ctx, run, sandbox, widgets, monkeypatch
) -> None:
    icons = fake_tray(monkeypatch)
    ctx, account = signed_in(make_ctx, run, sandbox, payment_intervals=(3600,))
    ctx.settings.set("tray", "always")
    window = started_window(widgets, run, ctx)
    (icon,) = icons
    assert icon.isVisible()
    assert icon.toolTip() == "OhMyGPT Desktop\nalice@example.com: 340,000 credits (≈ $10.00)"
    entries = menu_entries(icon)
    assert list(entries) == ["Open OhMyGPT Desktop", "Refresh", "Recharge…", "Quit"]

    # Closed into the tray ("always"), Open brings the window back.
    window.close()
    assert not window.isVisible()
    assert icon.messages[-1] == (
        STILL_RUNNING,
        "OhMyGPT Desktop keeps running here. To quit, use Quit in this icon's menu.",
    )
    entries["Open OhMyGPT Desktop"].trigger()
    assert window.isVisible()

    # Refresh reads the balance from the server; the tooltip follows.
    run(until_idle())  # the start-up refresh is over: this one is the menu's
    sandbox.state.set_balance("888", "680000")
    before = sandbox.state.request_counts["balance"]
    entries["Refresh"].trigger()
    run(until(lambda: "680,000 credits" in icon.toolTip()))
    assert sandbox.state.request_counts["balance"] == before + 1

    # Recharge… opens the recharge dialog for the current account, window in front.
    window.hide()
    entries["Recharge…"].trigger()
    assert window.isVisible()
    (dialog,) = [d for d in window.findChildren(RechargeDialog) if d.isVisible()]
    assert dialog.account_key == account.key
    dialog.reject()

    # Quit ends the app through the window's close: no tray any more.
    with recording(window.closed) as closed:
        entries["Quit"].trigger()
    assert closed == [()]
    assert not window.isVisible()
    assert not icon.isVisible()


def test_a_low_balance_is_notified_once_per_crossing(
    make_ctx, run, sandbox, widgets, monkeypatch
) -> None:
    icons = fake_tray(monkeypatch)
    ctx, account = signed_in(make_ctx, run, sandbox, payment_intervals=(3600,))
    window = started_window(widgets, run, ctx)
    window.tray.notify("Hello", "a first message makes the icon")
    (icon,) = icons

    def read(credits: str) -> list[tuple[str, str]]:
        sandbox.state.set_balance("888", credits)
        run(ctx.accounts.refresh_balance(account.key))
        return [m for m in icon.messages if m[0] == "Low balance"]

    low = (
        "Low balance",
        "The balance of alice@example.com fell below $1.00: 20,000 credits (≈ $0.59). "
        "Recharge to keep your API calls running.",
    )
    assert read("20000") == [low]  # $10.00 → $0.59: below the $1.00 level
    assert "20,000 credits (≈ $0.59)" in icon.toolTip()
    assert read("10000") == [low]  # still below: said once
    assert read("340000") == [low]  # back above: nothing to say
    assert read("20000") == [low, low]  # below again: a new crossing


def test_closing_while_a_payment_is_watched_keeps_running_in_the_tray(
    make_ctx, run, sandbox, widgets, monkeypatch
) -> None:
    icons = fake_tray(monkeypatch)
    ctx, account = signed_in(make_ctx, run, sandbox, payment_intervals=(3600,))
    assert ctx.settings.tray == "watching"  # the default
    window = started_window(widgets, run, ctx)
    assert icons == []  # nothing watched: no icon
    ctx.watcher.watch(account.key)
    (icon,) = icons
    assert icon.isVisible()

    with recording(window.closed) as closed:
        window.close()
    assert closed == []  # the app runs on (its context, its payment watch)
    assert not window.isVisible()
    assert ctx.watcher.watching(account.key)
    assert icon.messages == [(STILL_RUNNING, WATCHING_GOES_ON)]

    icon.activated.emit(QSystemTrayIcon.ActivationReason.Context)  # the menu, not Open
    assert not window.isVisible()
    icon.messageClicked.emit()  # clicking the notification opens the window
    assert window.isVisible()

    with recording(window.closed) as closed:
        menu_entries(icon)["Quit"].trigger()
    assert closed == [()]
    assert not icon.isVisible()


@pytest.mark.parametrize("tray", ["no system tray", "never"])
def test_closing_quits_without_a_tray_or_when_told_to(
    tray, make_ctx, run, sandbox, widgets, monkeypatch
) -> None:
    if tray == "never":
        fake_tray(monkeypatch)
    ctx, account = signed_in(make_ctx, run, sandbox, payment_intervals=(3600,))
    if tray == "never":
        ctx.settings.set("tray", "never")
    window = started_window(widgets, run, ctx)
    ctx.watcher.watch(account.key)
    with recording(window.closed) as closed:
        window.close()
    assert closed == [()]
    assert not window.isVisible()
