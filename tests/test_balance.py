"""The balance card: figures, freshness, loading, errors, sign in again, low balance."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from ohmygpt_desktop.sandbox import DEFAULT_APP
from ohmygpt_desktop.ui.balance_view import AGE_TICK_MS, BalanceView
from ohmygpt_desktop.ui.history_view import HistoryView
from ohmygpt_desktop.ui.recharge_dialog import RechargeDialog
from tests.helpers.asyncutil import until
from tests.helpers.recharging import Widgets, click, signed_in, widget_scope
from tests.helpers.signed_in import sign_in
from tests.test_provisioning import ORG, provisioned_ctx, service


@pytest.fixture
def widgets() -> Iterator[Widgets]:
    with widget_scope() as scope:
        yield scope


def make_view(widgets: Widgets, ctx) -> BalanceView:
    view = widgets.add(BalanceView(ctx))
    view.resize(720, 200)
    view.show()
    return view


def test_a_fresh_balance(make_ctx, run, sandbox, widgets) -> None:
    ctx, _account = signed_in(make_ctx, run, sandbox)
    view = make_view(widgets, ctx)
    assert view.amount_label.text() == "340,000 credits"  # the figures: tests below
    assert view.account_label.text() == "alice@example.com · sandbox"
    assert view.updated_label.text() == "Updated just now"
    assert not view.is_stale()
    assert view.amount_label.isEnabled()
    assert not view.stale_badge.isVisible()
    for hidden in (view.busy_row, view.notice, view.watch_strip, view.low_label):
        assert not hidden.isVisible(), hidden.objectName()
    assert view.recharge_button.isEnabled()
    assert view.refresh_button.isEnabled()


DEFAULT_RATE_SOURCE = (
    "34,000 credits per US dollar: not stated by OhMyGPT; what other programs use."
)


def fits(label: QLabel) -> bool:
    """The label shows its whole text (not clipped by its layout)."""
    return (
        label.width() >= label.sizeHint().width()
        and label.height() >= label.minimumSizeHint().height()
    )


def test_assumed_rate_shows_credits_first_and_dollars_approximately(
    make_ctx, run, sandbox, widgets
) -> None:
    ctx, _account = signed_in(make_ctx, run, sandbox)
    view = make_view(widgets, ctx)
    assert view.amount_label.text() == "340,000 credits"
    assert view.usd_label.isVisible()
    assert view.usd_label.text() == "≈ $10.00"
    assert view.usd_label.toolTip() == DEFAULT_RATE_SOURCE
    assert view.amount_label.toolTip() == DEFAULT_RATE_SOURCE
    assert view.credits_label.text() == "Free balance: 1,500 credits (≈ $0.04)"
    for label in (view.amount_label, view.usd_label, view.credits_label, view.stale_badge):
        assert fits(label), label.objectName()
    # The person corrects the rate: still approximate, now "set in your settings".
    ctx.settings.set("credits_per_usd", Decimal(50000))
    assert view.usd_label.text() == "≈ $6.80"
    assert view.usd_label.toolTip() == ("50,000 credits per US dollar: set in your settings.")
    assert view.amount_label.text() == "340,000 credits"


def test_provisioned_rate_shows_exact_dollars(make_ctx, run, sandbox, widgets, tmp_path) -> None:
    data = service(sandbox, client_secret=DEFAULT_APP.client_secret, credits_per_usd="34000")
    no_system = {"XDG_CONFIG_DIRS": str(tmp_path / "none")}
    ctx = provisioned_ctx(make_ctx, tmp_path, no_system, data)
    run(sign_in(ctx, sandbox))
    view = make_view(widgets, ctx)
    assert view.amount_label.text() == "$10.00"
    assert not view.usd_label.isVisible()
    assert view.amount_label.toolTip() == f"34,000 credits per US dollar: set by {ORG}."
    assert view.credits_label.text() == ("340,000 credits · Free balance: 1,500 credits ($0.04)")
    for label in (view.amount_label, view.credits_label):
        assert fits(label), label.objectName()


def test_age_text_stays_current(make_ctx, run, sandbox, widgets) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    view = make_view(widgets, ctx)
    updated = account.balance_updated
    assert updated is not None
    timer = view._age_timer
    assert timer.isActive()
    assert timer.interval() == AGE_TICK_MS <= 60_000

    view.now = lambda: updated + timedelta(minutes=2, seconds=5)
    timer.timeout.emit()  # what the timer does every AGE_TICK_MS
    assert view.updated_label.text() == "Updated 2 min ago"
    view.now = lambda: updated + timedelta(minutes=9)
    timer.timeout.emit()
    assert view.updated_label.text() == "Updated 9 min ago"
    # Older than two refresh intervals: no longer presented as current.
    view.now = lambda: updated + timedelta(hours=3)
    timer.timeout.emit()
    assert view.is_stale()
    assert view.updated_label.text().startswith("Not current — last updated ")
    assert view.updated_label.toolTip()  # the exact time


def test_age_text_forms(make_ctx, run, sandbox, widgets) -> None:
    ctx, _account = signed_in(make_ctx, run, sandbox)
    view = make_view(widgets, ctx)
    now = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)
    view.now = lambda: now
    assert view.age_text(now - timedelta(seconds=30)) == "just now"
    assert view.age_text(now - timedelta(minutes=1)) == "1 min ago"
    assert view.age_text(now - timedelta(days=3)).startswith("on ")


def test_loading_greys_out_the_old_figure(make_ctx, run, sandbox, widgets, qtbot) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    view = make_view(widgets, ctx)
    sandbox.state.set_fault("balance", "latency", times=1, seconds=0.5)
    click(qtbot, view.refresh_button)

    assert view.busy_row.isVisible()
    assert view.status_label.text() == "Updating…"
    assert view.is_stale()
    assert not view.amount_label.isEnabled()  # greyed out …
    assert view.stale_badge.isVisible()  # … and labelled
    assert view.stale_badge.text() == "Not current"
    assert view.updated_label.text().startswith("Not current — last updated")
    assert not view.refresh_button.isEnabled()

    run(until(lambda: not view.busy_row.isVisible()))
    assert not account.refreshing
    assert not view.is_stale()
    assert view.amount_label.isEnabled()
    assert not view.busy_row.isVisible()
    assert view.updated_label.text() == "Updated just now"


def test_first_load_has_no_figure(make_ctx, run, sandbox, widgets) -> None:
    ctx = make_ctx()
    account = run(sign_in(ctx, sandbox, refresh=False))
    view = make_view(widgets, ctx)
    assert view.amount_label.text() == "—"
    assert view.updated_label.text() == "Not read yet"
    sandbox.state.set_fault("balance", "latency", times=1, seconds=0.3)
    view.refresh()
    assert view.status_label.text() == "Loading the balance…"
    assert not view.stale_badge.isVisible()  # nothing old to label
    run(until(lambda: view.amount_label.text() == "340,000 credits"))
    assert account.balance is not None


def test_error_with_reason_and_retry(make_ctx, run, sandbox, widgets, qtbot) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    view = make_view(widgets, ctx)
    sandbox.state.set_fault("balance", "status", status=503)
    click(qtbot, view.refresh_button)
    run(until(lambda: view.notice.isVisible()))

    assert view.notice_label.text() == (
        "Could not update the balance (the figure shown is from just now): The OhMyGPT "
        "service had a problem (error 503). Please try again later."
    )
    assert view.retry_button.isVisible()
    assert not view.reauth_button.isVisible()
    assert view.amount_label.text() == "340,000 credits"  # the last figure …
    assert view.is_stale()  # … not presented as fresh
    assert view.stale_badge.isVisible()

    sandbox.state.clear_faults()
    click(qtbot, view.retry_button)
    run(until(lambda: not view.notice.isVisible() and not view.busy_row.isVisible()))
    assert not account.refreshing
    assert not view.is_stale()


SUPPORT = "help@example.org"


def test_a_refused_assumed_balance_path_names_its_setting(
    make_ctx, run, sandbox, widgets, qtbot
) -> None:
    """The balance path is our assumption: a 404 says so and names the setting to fix it."""
    ctx, _account = signed_in(make_ctx, run, sandbox)
    ctx.settings.set("support", SUPPORT)
    view = make_view(widgets, ctx)
    sandbox.state.set_fault("balance", "status", status=404)
    click(qtbot, view.refresh_button)
    run(until(lambda: view.notice.isVisible()))

    text = view.notice_label.text()
    assert "endpoints.balance" in text, text
    assert "assumption" in text, text
    assert "did not accept the request" not in text, text
    assert f"Need help? Contact {SUPPORT}" in text, text
    assert view.retry_button.isVisible()


def test_a_permission_refusal_names_the_balance_read(
    make_ctx, run, sandbox, widgets, qtbot
) -> None:
    ctx, _account = signed_in(make_ctx, run, sandbox)
    view = make_view(widgets, ctx)
    sandbox.state.set_fault(
        "balance", "status", status=403, error_type="oauth_permission_denied_error"
    )
    click(qtbot, view.refresh_button)
    run(until(lambda: view.notice.isVisible()))

    text = view.notice_label.text()
    assert "Reading the balance needs" in text, text
    assert "recharge orders" not in text, text


def test_malformed_balance_reply(make_ctx, run, sandbox, widgets) -> None:
    ctx, _account = signed_in(make_ctx, run, sandbox)
    view = make_view(widgets, ctx)
    sandbox.state.set_fault("balance", "wrong_type", field="balance", value="lots")
    view.refresh()
    run(until(lambda: view.notice.isVisible()))
    assert "not a plain number" in view.notice_label.text()
    assert "Traceback" not in view.notice_label.text()


def test_invalid_token_offers_sign_in_again(make_ctx, run, sandbox, widgets, qtbot) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    view = make_view(widgets, ctx)
    sandbox.state.revoke_user_tokens("888")
    click(qtbot, view.refresh_button)
    run(until(lambda: view.reauth_button.isVisible()))

    assert account.needs_reauth
    assert "has expired or was revoked" in view.notice_label.text()
    assert "alice@example.com" in view.notice_label.text()
    assert not view.retry_button.isVisible()
    assert not view.refresh_button.isEnabled()
    assert view.is_stale()
    asked: list[str] = []
    view.reauthRequested.connect(asked.append)
    click(qtbot, view.reauth_button)
    assert asked == [account.key]
    # Refresh does not hammer the server with a dead token.
    before = sandbox.state.request_counts["balance"]
    view.refresh()
    assert sandbox.state.request_counts["balance"] == before


def test_low_balance_hint(make_ctx, run, sandbox, widgets) -> None:
    sandbox.state.set_balance("888", "20000")  # $0.59
    ctx, _account = signed_in(make_ctx, run, sandbox)
    view = make_view(widgets, ctx)
    assert view.usd_label.text() == "≈ $0.59"
    assert view.low_label.isVisible()
    assert view.low_label.text() == (
        "Your balance is below $1.00. Recharge to keep your API calls running."
    )
    ctx.settings.set("low_balance_usd", Decimal("0.50"))
    view.render()
    assert not view.low_label.isVisible()


def test_watching_shows_waiting_and_refresh_pokes(make_ctx, run, sandbox, widgets, qtbot) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox, payment_intervals=(3600,))
    view = make_view(widgets, ctx)
    ctx.history.begin(
        account_key=account.key,
        email=account.email,
        host=account.host,
        kind="checkout",
        amount=Decimal(10),
        product_id="10001",
        balance_before=account.balance.balance,
    )
    local_id = ctx.history.list()[0].local_id
    ctx.history.complete(local_id, order_no="a" * 32, checkout_url="http://127.0.0.1/x")
    ctx.watcher.watch(account.key)
    assert view.watch_strip.isVisible()
    assert view.watch_label.text() == "Waiting for your payment… (checking the balance)"

    # Refresh while watching asks the watcher to check now (it compares with the order).
    before = sandbox.state.request_counts["balance"]
    click(qtbot, view.refresh_button)
    run(until(lambda: sandbox.state.request_counts["balance"] == before + 1))
    run(until(lambda: not account.refreshing))
    click(qtbot, view.check_now_button)
    run(until(lambda: sandbox.state.request_counts["balance"] == before + 2))

    run(ctx.watcher.stop())
    run(until(lambda: not view.watch_strip.isVisible()))


def test_follows_the_current_account(make_ctx, run, sandbox, widgets) -> None:
    ctx, alice = signed_in(make_ctx, run, sandbox)
    view = make_view(widgets, ctx)
    assert view.account_label.text().startswith("alice@")
    sandbox.state.set_balance("1024", "68000")
    bob = run(sign_in(ctx, sandbox, "1024"))
    run(until(lambda: view.account_label.text().startswith("bob@")))
    assert view.amount_label.text() == "68,000 credits"
    recharge: list[str] = []
    view.rechargeRequested.connect(recharge.append)
    view.recharge_button.click()
    assert recharge == [bob.key]
    ctx.accounts.switch(alice.key)
    assert view.account_label.text().startswith("alice@")
    assert view.amount_label.text() == "340,000 credits"


def test_no_account(make_ctx, widgets) -> None:
    ctx = make_ctx()
    view = make_view(widgets, ctx)
    assert view.updated_label.text() == "No account is signed in."
    assert not view.recharge_button.isEnabled()
    assert not view.refresh_button.isEnabled()
    view.refresh()  # harmless


# ------------------------------------------------------------------ languages


class PseudoTranslator(QTranslator):
    """Translates every text to «text» (placeholders kept), like a real language would."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"«{source}»"

    def isEmpty(self) -> bool:
        return False


def test_language_change_retranslates(make_ctx, run, sandbox, widgets) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    view = make_view(widgets, ctx)
    history = widgets.add(HistoryView(ctx))
    dialog = widgets.add(RechargeDialog(ctx, account.key))
    translator = PseudoTranslator()
    assert QCoreApplication.installTranslator(translator)
    try:
        QApplication.processEvents()  # LanguageChange is delivered as an event
        assert view.refresh_button.text() == "«Refresh»"
        assert view.recharge_button.text() == "«Recharge…»"
        assert view.updated_label.text() == "«Updated {when}»".format(when="«just now»")
        assert dialog.create_button.text() == "«Create order»"
        assert dialog.windowTitle() == "«Recharge alice@example.com (sandbox)»"
        assert history.export_button.text() == "«Export…»"
        assert history.empty_label.text().startswith("«No orders yet.")
        assert history.model.headerData(0, Qt.Orientation.Horizontal) == "«Created»"
    finally:
        QCoreApplication.removeTranslator(translator)
        QApplication.processEvents()
    assert view.refresh_button.text() == "Refresh"
    assert dialog.create_button.text() == "Create order"


def test_an_error_is_one_line_with_one_retry_and_the_card_keeps_its_height(
    make_ctx, run, sandbox, widgets, qtbot
) -> None:
    ctx, _account = signed_in(make_ctx, run, sandbox)
    view = make_view(widgets, ctx)
    run(until(lambda: view.card.height() > 0))
    heights = {"idle": view.card.sizeHint().height()}

    sandbox.state.set_fault("balance", "status", status=503, seconds=0.4)
    click(qtbot, view.refresh_button)
    run(until(view.busy_row.isVisible))
    heights["loading"] = view.card.sizeHint().height()
    run(until(view.notice.isVisible))
    heights["error"] = view.card.sizeHint().height()

    # One line: what failed and when the figure shown is from; the whole in its tooltip.
    line = view.notice_label.shown_text()
    assert "\n" not in line
    assert view.notice_label.sizeHint().height() < 2 * view.notice_label.fontMetrics().height()
    assert view.notice_label.text().startswith(
        "Could not update the balance (the figure shown is from just now): "
        "The OhMyGPT service had a problem (error 503)."
    )
    buttons = [b for b in view.notice.findChildren(QPushButton) if b.isVisible()]
    assert buttons == [view.retry_button]

    sandbox.state.clear_faults()
    click(qtbot, view.retry_button)
    run(until(lambda: not view.notice.isVisible() and not view.busy_row.isVisible()))
    heights["again"] = view.card.sizeHint().height()
    assert len(set(heights.values())) == 1, heights
