"""Every API operation the UI uses × every sandbox fault, driven through the widgets.

Operations: the token exchange and the user-info read (the login panel's paste
flow), the balance read (the balance card's Refresh), and both kinds of order
(the recharge dialog, Stripe Checkout and Stripe Invoice).

Each cell checks what a person would notice:

* the message the widget shows, compared with ``describe()`` of the error the
  fault must map to (for sign-in: the failed step plus that reason);
* the window stays responsive: a 50 ms precise timer running during the
  operation never sees a gap of a second or more;
* no duplicate order, and an order history that tells the truth: no row after
  a definite refusal (the documented JSON error envelope, or a request that never
  left), otherwise exactly one “unknown” row — with the order number when the
  reply named one — and a dialog that never says the order was not created;
  never a “creating” row once the operation ended;
* the app is usable afterwards: with the fault gone, the same widget does the
  same operation successfully.

“Latency beyond the timeout” shortens the client's timeout on the context
(there is no setting for it); “drip past the deadline” shortens the client's
overall deadline (the ``request_deadline_s`` setting, applied to the context's
client directly here); “connection refused” points a context's API base
URL at a closed port, except for the user-info read, which cannot be reached that
way (the exchange before it would fail first): there, only the user-info request
is sent to the closed port.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import httpx
import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer

from ohmygpt_desktop.api import (
    ApiError,
    AuthorizationError,
    ConnectError,
    ConnectionLost,
    InsufficientBalanceError,
    InvalidTokenError,
    MalformedResponseError,
    PermissionDeniedError,
    RateLimitedError,
    RequestTimeout,
    Secret,
    ServerError,
    UnsafeUrlError,
)
from ohmygpt_desktop.api.client import DEFAULT_DEADLINE_S, DEFAULT_TIMEOUT
from ohmygpt_desktop.app import AppContext, Options
from ohmygpt_desktop.core.accounts import SignInError, SignInStep
from ohmygpt_desktop.core.orders import OrderStatus
from ohmygpt_desktop.core.recharge import OrderOutcomeUnknown
from ohmygpt_desktop.core.tokens import TokenStorage
from ohmygpt_desktop.sandbox import SandboxServer
from ohmygpt_desktop.ui.balance_view import BalanceView
from ohmygpt_desktop.ui.errors import describe
from ohmygpt_desktop.ui.login_panel import LoginPanel
from ohmygpt_desktop.ui.recharge_dialog import RechargeDialog
from tests.helpers.asyncutil import until
from tests.helpers.browser import FakeBrowser
from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.recharging import (
    Widgets,
    open_recharge,
    type_amount,
    wait_requests_done,
    widget_scope,
)
from tests.helpers.recharging import click as click_widget
from tests.helpers.recharging import wait_idle as wait_dialog_idle
from tests.helpers.signin import (
    approve_in_browser,
    click,
    free_port,
    paste,
    show,
    sign_in,
    until_idle,
)
from tests.helpers.signin import wait_idle as wait_panel_idle

#: The client's timeout in the latency cells, and the server's delay (well beyond it).
TIMEOUT_S = 0.4
LATENCY_S = 2.0
#: The client's overall deadline in the slow-drip cells.
DEADLINE_S = 1.0
#: The longest the event loop may stand still while an operation runs.
MAX_GAP_S = 1.0
USER_ID = "888"
EMAIL = "alice@example.com"


@pytest.fixture
def widgets() -> Iterator[Widgets]:
    with widget_scope() as scope:
        yield scope


# ------------------------------------------------------------------ the matrix


@dataclass(frozen=True)
class Fault:
    """One way the service or the network misbehaves, and the error it must become."""

    id: str
    #: Sandbox fault kind; ``None`` for “connection refused” (no server at all).
    kind: str | None
    params: dict[str, Any] = field(default_factory=dict)
    #: The error the user must be told about.
    expected: Callable[[], ApiError] = MalformedResponseError
    #: The same fault as the token exchange must report it (the exchange maps
    #: 400/401/403 to “code/app refused” unless the body says “invalid token”).
    expected_for_exchange: Callable[[], ApiError] | None = None
    #: Nothing proves what the server did: an order's outcome is unknown (the row stays).
    outcome_unknown: bool = False
    #: The reply names the new order (its number is kept on the unknown row).
    names_order: bool = False
    #: Only meaningful where the reply carries a payment link.
    orders_only: bool = False
    #: A piece of text the message must contain (beyond matching describe()).
    mentions: str = ""

    def error_for(self, op: str) -> ApiError:
        if op == "issue_token" and self.expected_for_exchange is not None:
            return self.expected_for_exchange()
        if self.expected is PermissionDeniedError:
            return PermissionDeniedError(operation=op)  # a refused read names the read
        return self.expected()


FAULTS: tuple[Fault, ...] = (
    Fault(
        "latency_beyond_timeout",
        "latency",
        {"seconds": LATENCY_S},
        RequestTimeout,
        outcome_unknown=True,
    ),
    Fault(
        "drip_past_deadline",
        "drip",
        {"bytes_per_second": 1},
        RequestTimeout,
        outcome_unknown=True,
    ),
    Fault("connection_refused", None, {}, ConnectError),
    Fault("dropped_mid_body", "drop", {}, ConnectionLost, outcome_unknown=True),
    Fault(
        "html_500",
        "html",
        {"status": 500},
        lambda: ServerError(status=500),
        outcome_unknown=True,
        mentions="500",
    ),
    Fault(
        "cdn_502",
        "html",
        {},
        lambda: ServerError(status=502),
        outcome_unknown=True,
        mentions="502",
    ),
    Fault(
        "cdn_504",
        "html",
        {"status": 504},
        lambda: ServerError(status=504),
        outcome_unknown=True,
        mentions="504",
    ),
    Fault("redirect_302", "redirect", {}, MalformedResponseError, outcome_unknown=True),
    Fault("non_json_200", "non_json", {}, MalformedResponseError, outcome_unknown=True),
    Fault("status_401_in_200", "error_in_200", {}, InvalidTokenError),
    Fault("status_402", "status", {"status": 402}, InsufficientBalanceError),
    Fault(
        "status_403",
        "status",
        {"status": 403},
        PermissionDeniedError,
        expected_for_exchange=AuthorizationError,
    ),
    Fault(
        "status_429_retry_after",
        "status",
        {"status": 429, "retry_after": 7},
        lambda: RateLimitedError(retry_after=7),
        mentions="7 seconds",
    ),
    # For orders these spoil the payment link, the first field of the reply: the
    # order number in it is still readable.
    Fault(
        "missing_field",
        "missing_field",
        {},
        MalformedResponseError,
        outcome_unknown=True,
        names_order=True,
    ),
    Fault(
        "mistyped_field",
        "wrong_type",
        {},
        MalformedResponseError,
        outcome_unknown=True,
        names_order=True,
    ),
    Fault(
        "plain_http_foreign_url",
        "bad_url",
        {"url": "http://evil.example/pay"},
        UnsafeUrlError,
        outcome_unknown=True,
        names_order=True,
        orders_only=True,
    ),
    Fault(
        "lookalike_host_url",
        "bad_url",
        {"url": "https://checkout.stripe.com.evil.example/c/pay/x"},
        UnsafeUrlError,
        outcome_unknown=True,
        names_order=True,
        orders_only=True,
    ),
    Fault("oversized_10mb", "oversized", {}, MalformedResponseError, outcome_unknown=True),
)

SIGN_IN_OPS = ("issue_token", "user_info")
ORDER_KINDS = {"checkout": "checkout_order", "invoice": "invoice_order"}
STEPS = {"issue_token": SignInStep.EXCHANGE_CODE, "user_info": SignInStep.READ_USER}


def cells(ops: tuple[str, ...]) -> list[Any]:
    return [
        pytest.param(op, fault, id=f"{op}-{fault.id}")
        for op in ops
        for fault in FAULTS
        if not (fault.orders_only and op not in ORDER_KINDS)
    ]


# ------------------------------------------------------------------ helpers


class Watchdog:
    """A 50 ms precise timer: the longest gap between its ticks while the block runs."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._tick)
        self.longest = 0.0
        self.ticks = 0
        self._last = 0.0

    def _tick(self) -> None:
        now = time.monotonic()
        self.longest = max(self.longest, now - self._last)
        self._last = now
        self.ticks += 1

    def __enter__(self) -> Watchdog:
        self._last = time.monotonic()
        self.timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._tick()
        self.timer.stop()

    def check(self) -> None:
        assert self.longest < MAX_GAP_S, (
            f"the event loop stood still for {self.longest:.2f}s during the operation"
        )


def new_context(make_ctx: Callable[..., AppContext], fault: Fault, op: str) -> AppContext:
    """A context for the cell; for “connection refused” one whose API is a closed port."""
    kwargs: dict[str, Any] = {"payment_intervals": (3600,)}
    if fault.kind is None and op != "user_info":
        closed = f"http://127.0.0.1:{free_port()}"
        kwargs["options"] = Options(overrides={"api_base_url": closed})
    ctx = make_ctx(**kwargs)
    # Connect failures of reads are retried with backoff; keep the cells short.
    ctx.client.retry_backoff = 0.02
    return ctx


def break_things(ctx: AppContext, sandbox: SandboxServer, endpoint: str, fault: Fault) -> None:
    if fault.kind is None:
        if endpoint == "user_info":
            _send_to_closed_port(ctx, ctx.client.endpoints.user_info)
        else:
            assert ctx.client.base_url != sandbox.base_url
        return
    sandbox.state.set_fault(endpoint, fault.kind, **fault.params)
    if fault.kind == "latency":
        ctx.client._http.timeout = httpx.Timeout(TIMEOUT_S)
    if fault.kind == "drip":
        ctx.client.deadline = DEADLINE_S


def _send_to_closed_port(ctx: AppContext, path: str) -> None:
    """The network path to the server is gone for requests to ``path`` only."""
    port = free_port()

    async def reroute(request: httpx.Request) -> None:
        if request.url.path == path:
            request.url = request.url.copy_with(port=port)

    ctx.client._http.event_hooks = {"request": [reroute], "response": []}


def heal(ctx: AppContext, sandbox: SandboxServer) -> None:
    """The fault is gone: the sandbox behaves, the network works, the timeout is normal."""
    sandbox.state.clear_faults()
    ctx.client._http.timeout = DEFAULT_TIMEOUT
    ctx.client.deadline = DEFAULT_DEADLINE_S
    ctx.client._http.event_hooks = {"request": [], "response": []}
    if ctx.client.base_url != sandbox.base_url:
        ctx.client._http.base_url = sandbox.base_url
        ctx.client.base_url = sandbox.base_url


async def _session_only() -> TokenStorage:
    return TokenStorage.SESSION


def add_account(run: Any, ctx: AppContext, sandbox: SandboxServer) -> str:
    """A signed-in account without a network round trip (works on a cut-off context)."""
    token = Secret(sandbox.state.issue_token(USER_ID))
    account = run(
        ctx.accounts.add_signed_in(
            USER_ID, EMAIL, token, scope=ctx.settings.scope, choose_storage=_session_only
        )
    )
    return account.key


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def check_mentions(text: str, fault: Fault) -> None:
    assert "Traceback" not in text
    if fault.mentions:
        assert fault.mentions in text, text


def reauthorize(qtbot: Any, run: Any, ctx: AppContext, browser: FakeBrowser, key: str) -> None:
    """“Sign in again” for ``key`` through a login panel (as the main window routes it)."""
    panel = LoginPanel(ctx)
    show(qtbot, run, panel)
    panel.prepare(reauth_key=key, can_cancel=True)
    assert sign_in(qtbot, run, panel, browser, USER_ID) == key
    assert not ctx.accounts.get(key).needs_reauth
    panel.close()


# ------------------------------------------------------------------ sign-in


@pytest.mark.parametrize(("op", "fault"), cells(SIGN_IN_OPS))
def test_sign_in_fault(
    op: str,
    fault: Fault,
    qtbot: Any,
    run: Any,
    make_ctx: Callable[..., AppContext],
    sandbox: SandboxServer,
    browser: FakeBrowser,
    keyring_backend: MemoryKeyring,
) -> None:
    ctx = new_context(make_ctx, fault, op)
    panel = LoginPanel(ctx)
    show(qtbot, run, panel)
    signed: list[str] = []
    panel.signedIn.connect(signed.append)

    click(qtbot, panel.sign_in_button)
    code, _ = approve_in_browser(browser, USER_ID)
    break_things(ctx, sandbox, op, fault)
    with Watchdog() as dog:
        paste(qtbot, panel, code)
        wait_panel_idle(run, panel)
    dog.check()

    # The person sees which step failed and why, in words.
    expected = describe(SignInError(STEPS[op], fault.error_for(op)))
    assert panel.error_box.isVisible()
    assert panel.error_label.text() == expected
    assert panel.error_label.text().startswith(tr("SignIn", STEPS[op].value))
    check_mentions(panel.error_label.text(), fault)
    assert panel.retry_button.isVisible()
    assert not panel.progress_row.isVisible()
    # Nothing half-done is kept.
    assert signed == []
    assert ctx.accounts.accounts() == []
    assert keyring_backend.entries == {}
    if op == "user_info" and fault.kind is not None:
        assert sandbox.state.request_counts["issue_token"] == 1

    # Usable afterwards: Retry starts a new attempt in the browser and it works.
    heal(ctx, sandbox)
    click(qtbot, panel.retry_button)
    assert not panel.error_box.isVisible()
    code, _ = approve_in_browser(browser, USER_ID)
    paste(qtbot, panel, code)
    run(until_idle(lambda: signed or panel.error_box.isVisible(), message="no sign-in"))
    assert signed == [f"{USER_ID}@sandbox"], panel.error_label.text()
    assert not panel.error_box.isVisible()
    assert ctx.accounts.current().email == EMAIL


# ------------------------------------------------------------------ balance


def balance_notice(view: BalanceView) -> str:
    return view.notice_label.text()


@pytest.mark.parametrize(("op", "fault"), cells(("balance",)))
def test_balance_fault(
    op: str,
    fault: Fault,
    qtbot: Any,
    run: Any,
    make_ctx: Callable[..., AppContext],
    sandbox: SandboxServer,
    browser: FakeBrowser,
    widgets: Widgets,
) -> None:
    ctx = new_context(make_ctx, fault, op)
    key = add_account(run, ctx, sandbox)
    view = widgets.add(BalanceView(ctx))
    view.resize(720, 240)
    view.show()
    account = ctx.accounts.get(key)
    reauth_asked: list[str] = []
    view.reauthRequested.connect(reauth_asked.append)

    break_things(ctx, sandbox, "balance", fault)
    with Watchdog() as dog:
        click_widget(qtbot, view.refresh_button)
        run(until(lambda: not account.refreshing and not view.busy_row.isVisible()))
    dog.check()

    expected = fault.error_for(op)
    assert isinstance(account.error, type(expected)), repr(account.error)
    assert view.notice.isVisible()
    assert view.is_stale()
    assert view.amount_label.text() == "—"  # no figure was ever read: none is made up
    if isinstance(expected, InvalidTokenError):
        # A refused sign-in is not an error to retry: the person must sign in again.
        assert account.needs_reauth
        assert balance_notice(view) == (
            f"The sign-in for {EMAIL} has expired or was revoked. Sign in again to see "
            "the balance and to recharge."
        )
        assert view.reauth_button.isVisible()
        assert not view.retry_button.isVisible()
        assert not view.refresh_button.isEnabled()
    else:
        assert balance_notice(view) == f"Could not update the balance: {describe(expected)}"
        assert view.retry_button.isVisible()
        assert not account.needs_reauth
    check_mentions(balance_notice(view), fault)

    # Usable afterwards, in the same card.
    heal(ctx, sandbox)
    if account.needs_reauth:
        click_widget(qtbot, view.reauth_button)
        assert reauth_asked == [key]
        reauthorize(qtbot, run, ctx, browser, key)
        click_widget(qtbot, view.refresh_button)
    else:
        click_widget(qtbot, view.retry_button)
    run(
        until(
            lambda: view.amount_label.text() == "340,000 credits" and not view.busy_row.isVisible()
        )
    )
    assert not view.notice.isVisible()
    assert not view.is_stale()
    assert account.error is None


# ------------------------------------------------------------------ orders


def statuses(ctx: AppContext) -> list[OrderStatus]:
    return [record.status for record in ctx.history.list()]


@pytest.mark.parametrize(("op", "fault"), cells(tuple(ORDER_KINDS)))
def test_order_fault(
    op: str,
    fault: Fault,
    qtbot: Any,
    run: Any,
    make_ctx: Callable[..., AppContext],
    sandbox: SandboxServer,
    browser: FakeBrowser,
    widgets: Widgets,
) -> None:
    endpoint = ORDER_KINDS[op]
    ctx = new_context(make_ctx, fault, op)
    key = add_account(run, ctx, sandbox)
    dialog: RechargeDialog = open_recharge(widgets, ctx, key)
    if op == "invoice":
        click_widget(qtbot, dialog.invoice_radio)
        assert dialog.invoice_radio.isChecked()
    type_amount(qtbot, dialog, "10")

    break_things(ctx, sandbox, endpoint, fault)
    with Watchdog() as dog:
        click_widget(qtbot, dialog.create_button)
        assert dialog.busy
        wait_dialog_idle(run, dialog)
        wait_requests_done(run, ctx)
    dog.check()

    # No duplicate: one request at most, one order at most.
    counts = sandbox.state.request_counts
    assert counts[endpoint] <= 1
    assert counts["checkout_order"] + counts["invoice_order"] == counts[endpoint]
    assert len(sandbox.state.orders()) <= 1
    # Nothing opened, still on the entry page, the reason shown.
    assert browser.opened == []
    assert dialog.record() is None
    assert dialog.pages.currentWidget() is dialog.entry_page
    assert dialog.problem_box.isVisible()
    text = dialog.problem_label.text()
    error = fault.error_for(op)
    check_mentions(text, fault)
    if fault.outcome_unknown:
        (row,) = ctx.history.list()
        assert row.status is OrderStatus.UNKNOWN
        if fault.names_order:
            (order,) = sandbox.state.orders()
            assert row.order_no == order["order_no"]
        else:
            assert row.order_no is None
        assert text == describe(OrderOutcomeUnknown(row, error))
        assert not text.startswith("The order was not created"), text
        assert "“unknown”" in text
        # No blind retry: a new order needs the person's confirmation.
        assert dialog.unknown_box.isVisible()
        assert not dialog.create_button.isEnabled()
    else:
        if isinstance(error, RateLimitedError):  # a countdown until Retry-After instead
            assert text.startswith("The order was not created: OhMyGPT asks for a pause"), text
        else:
            assert text == f"The order was not created. {describe(error)}"
        assert statuses(ctx) == []
        assert sandbox.state.orders() == []
        assert not dialog.unknown_box.isVisible()
    assert OrderStatus.CREATING not in statuses(ctx)
    account = ctx.accounts.get(key)
    if isinstance(error, InvalidTokenError):
        assert account.needs_reauth
        assert dialog.reauth_button.isVisible()
        assert not dialog.create_button.isEnabled()
    else:
        assert not account.needs_reauth
        assert not dialog.reauth_button.isVisible()

    # Usable afterwards: the same dialog creates the order.
    heal(ctx, sandbox)
    if account.needs_reauth:
        reauthorize(qtbot, run, ctx, browser, key)
    if fault.outcome_unknown:
        click_widget(qtbot, dialog.unknown_confirm)
    if isinstance(error, RateLimitedError):  # the person waits out the pause
        run(until(dialog.create_button.isEnabled, timeout=error.retry_after + 3))
    before = sandbox.state.request_counts[endpoint]
    opened = len(browser.opened)  # signing in again opened the authorization page
    click_widget(qtbot, dialog.create_button)
    wait_dialog_idle(run, dialog)
    wait_requests_done(run, ctx)
    record = dialog.record()
    assert record is not None, dialog.problem_label.text()
    assert record.kind == op
    assert record.amount == Decimal("10.00")
    assert record.status is OrderStatus.AWAITING_PAYMENT
    assert browser.opened[opened:] == [record.checkout_url]
    assert record.checkout_url.startswith(sandbox.base_url + "/")
    assert dialog.pages.currentWidget() is dialog.result_page
    assert sandbox.state.request_counts[endpoint] == before + 1
    assert OrderStatus.CREATING not in statuses(ctx)
    expected_rows = [OrderStatus.AWAITING_PAYMENT]
    if fault.outcome_unknown:
        expected_rows.append(OrderStatus.UNKNOWN)
    assert sorted(statuses(ctx)) == sorted(expected_rows)


def test_matrix_covers_every_fault_kind() -> None:
    """A new sandbox fault kind must get a row here."""
    from ohmygpt_desktop.sandbox import FAULT_KINDS

    assert {f.kind for f in FAULTS} - {None} == set(FAULT_KINDS)
    assert len(cells(SIGN_IN_OPS)) + len(cells(("balance",))) + len(
        cells(tuple(ORDER_KINDS))
    ) == 3 * (len(FAULTS) - 2) + 2 * len(FAULTS)
