"""Recharge: amount validation and write-ahead order creation. No Qt here.

An order is recorded *before* the create-order request is sent and completed
after, so a crash, a kill or a lost reply leaves a visible row instead of a
silent loss. The row is dropped only when the failure proves that no order exists
(``ApiError.proves_not_created``: the documented error envelope, or a request that
never left); any other failure keeps it as "unknown". Order creation is never
retried automatically.

A history write that fails once the request has left never turns into "not
created": an order the server made is still handed over to be paid
(:class:`OrderNotSaved`), an unclear outcome still says to check before paying
again (:class:`OrderOutcomeUnrecorded`), and a row that could not be dropped after
a refusal stays "creating" until the next start finds it ("unknown").
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum, StrEnum

from ohmygpt_desktop.api import (
    DEFAULT_PRODUCT_ID,
    ApiError,
    InvalidTokenError,
    NetworkError,
    PermissionDeniedError,
)
from ohmygpt_desktop.core.accounts import AccountManager
from ohmygpt_desktop.core.orders import (
    OrderHistory,
    OrderHistoryError,
    OrderHistoryFull,
    OrderRecord,
    OrderStatus,
)
from ohmygpt_desktop.core.permissions import AppPermissions
from ohmygpt_desktop.core.settings import operator_name
from ohmygpt_desktop.translatable import QT_TRANSLATE_NOOP, Problem

log = logging.getLogger(__name__)

_CTX = "Recharge"


class AmountProblem(Enum):
    EMPTY = QT_TRANSLATE_NOOP(_CTX, "Enter an amount.")
    NOT_A_NUMBER = QT_TRANSLATE_NOOP(_CTX, "Enter the amount as a number, for example 10 or 12.50.")
    GROUPING = QT_TRANSLATE_NOOP(
        _CTX, "Type the amount without thousands separators, for example 1000."
    )
    NOT_POSITIVE = QT_TRANSLATE_NOOP(_CTX, "The amount must be more than zero.")
    TOO_MANY_DECIMALS = QT_TRANSLATE_NOOP(_CTX, "Use at most two decimal places (cents).")
    BELOW_MIN = QT_TRANSLATE_NOOP(_CTX, "The smallest amount is ${minimum}.")
    ABOVE_MAX = QT_TRANSLATE_NOOP(_CTX, "The largest amount is ${maximum}.")


class AmountRefused(Problem, ValueError):
    """A typed amount was refused; :attr:`problem` says why (its value is the template)."""

    context = _CTX

    def __init__(self, problem: AmountProblem, **params: str) -> None:
        self.problem = problem
        super().__init__(problem.value, **params)


_SPACES = {" ", "\u00a0", "\u202f", "\u2009", "'"}
_DIGITS = frozenset("0123456789")
#: Full-width forms (CJK input methods) of the characters an amount may hold, and the
#: ideographic space: the only non-ASCII characters read as something else. Nothing
#: else is folded: NFKC would read a superscript two as 2 ("10²" as $102).
_FULL_WIDTH = str.maketrans(
    {
        **{chr(0xFF10 + d): str(d) for d in range(10)},
        "\uff0e": ".",
        "\uff0c": ",",
        "\uff04": "$",
        "\uff0d": "-",
        "\u3000": " ",
    }
)


def parse_amount(
    text: str,
    *,
    minimum: Decimal,
    maximum: Decimal,
    decimal_point: str = ".",
) -> Decimal:
    """Parse a USD amount as typed by a person; raise :class:`AmountRefused`.

    Accepts the locale's decimal point and also ``.``/``,`` (full-width forms
    too), ASCII and full-width digits, surrounding spaces and a leading ``$``.
    Refuses other digits (superscripts, circled, other scripts' digits), grouping
    separators, signs, exponents, more than two decimals, and values outside the limits.
    """
    raw = (text or "").translate(_FULL_WIDTH)
    if decimal_point not in ".,":
        raw, decimal_point = raw.replace(decimal_point, "."), "."
    raw = raw.strip()
    if raw.startswith("$") or raw.endswith("$"):
        raw = raw.strip("$").strip()
    if not raw:
        raise AmountRefused(AmountProblem.EMPTY)
    if raw.startswith("-"):
        body = raw[1:].strip()
        if body and all(c in _DIGITS or c in ".," for c in body):
            raise AmountRefused(AmountProblem.NOT_POSITIVE)
    if any(c in _SPACES for c in raw):
        raise AmountRefused(AmountProblem.GROUPING)
    separators = [i for i, c in enumerate(raw) if c in ".,"]
    if not all(c in _DIGITS or c in ".," for c in raw) or not any(c in _DIGITS for c in raw):
        raise AmountRefused(AmountProblem.NOT_A_NUMBER)
    if len(separators) > 1:
        raise AmountRefused(AmountProblem.GROUPING)
    if separators:
        sep_index = separators[0]
        sep = raw[sep_index]
        whole, frac = raw[:sep_index], raw[sep_index + 1 :]
        if sep != decimal_point and len(frac) == 3 and whole and whole != "0":
            raise AmountRefused(AmountProblem.GROUPING)
        if len(frac) > 2:
            raise AmountRefused(AmountProblem.TOO_MANY_DECIMALS)
        normalized = f"{whole or '0'}.{frac or '0'}"
    else:
        normalized = raw
    if len(normalized) > 32:
        raise AmountRefused(AmountProblem.ABOVE_MAX, maximum=_fmt(maximum))
    try:
        value = Decimal(normalized)
    except InvalidOperation:
        raise AmountRefused(AmountProblem.NOT_A_NUMBER) from None
    if value <= 0:
        raise AmountRefused(AmountProblem.NOT_POSITIVE)
    if value < minimum:
        raise AmountRefused(AmountProblem.BELOW_MIN, minimum=_fmt(minimum))
    if value > maximum:
        raise AmountRefused(AmountProblem.ABOVE_MAX, maximum=_fmt(maximum))
    return value.quantize(Decimal("0.01"))


def _fmt(value: Decimal) -> str:
    return format(value.quantize(Decimal("0.01")), "f").removesuffix(".00")


#: The longest reference (a ticket number, a few words) an order can carry.
REFERENCE_MAX = 200


class ReferenceProblem(Enum):
    TOO_LONG = QT_TRANSLATE_NOOP(
        _CTX, "The reference is too long: at most {maximum} characters (it has {count})."
    )
    CONTROL = QT_TRANSLATE_NOOP(
        _CTX, "The reference cannot contain line breaks, tabs or other control characters."
    )


class ReferenceRefused(Problem, ValueError):
    """A typed reference was refused; :attr:`problem` says why (its value is the template)."""

    context = _CTX

    def __init__(self, problem: ReferenceProblem, **params: object) -> None:
        self.problem = problem
        super().__init__(problem.value, **params)


def check_reference(text: str | None) -> str | None:
    """The reference as stored: stripped, ``None`` when empty; raise :class:`ReferenceRefused`."""
    value = (text or "").strip()
    if any(not ch.isprintable() for ch in value):
        raise ReferenceRefused(ReferenceProblem.CONTROL)
    if len(value) > REFERENCE_MAX:
        raise ReferenceRefused(ReferenceProblem.TOO_LONG, maximum=REFERENCE_MAX, count=len(value))
    return value or None


class RechargeKind(StrEnum):
    CHECKOUT = "checkout"
    INVOICE = "invoice"


class AccountNotSignedIn(Problem):
    """The account is not (or no longer) signed in to the app: nothing was sent.

    It was signed out, in another window perhaps, or its sign-in cannot be used.
    """

    context = _CTX
    template = QT_TRANSLATE_NOOP(
        _CTX, "This account is no longer signed in to the app. Sign in to it again to recharge."
    )


class OrderOutcomeUnknown(Problem):
    """The request may have reached the server, and nothing proves what it did.

    The reply was lost (``cause`` is a :class:`NetworkError`), could not be used (an
    HTML error page, a redirect, an untrusted link...), or the app failed while it
    waited. The history row stays, marked unknown. The message says so: ``{reason}``
    is the cause in words, ``{order_no}`` the number the reply named.
    """

    context = _CTX

    def __init__(
        self,
        record: OrderRecord | None,
        cause: Exception,
        *,
        order_no: str | None = None,
        storage: OrderHistoryError | None = None,
    ) -> None:
        self.record = record
        self.cause = cause
        #: The number the reply named (kept in the row, when there is one).
        self.order_no = record.order_no if record is not None else order_no
        #: Why the history could not record the outcome (see :class:`OrderOutcomeUnrecorded`).
        self.storage = storage
        super().__init__(
            self._template(),
            reason=cause if isinstance(cause, ApiError) else "",
            order_no=self.order_no,
            storage=storage if storage is not None else "",
        )

    def _template(self) -> str:
        if isinstance(self.cause, NetworkError):
            return QT_TRANSLATE_NOOP(
                _CTX,
                "The connection was lost while the order was being created, so the app cannot "
                "tell whether it exists. It is listed as “unknown” in your order history: check "
                "your OhMyGPT orders before paying again.",
            )
        if not isinstance(self.cause, ApiError):
            return QT_TRANSLATE_NOOP(
                _CTX,
                "Something went wrong inside the app while the order was being created, so it "
                "cannot tell whether the order exists. It is listed as “unknown” in your order "
                "history: check your OhMyGPT orders before paying again.",
            )
        if self.order_no:
            return QT_TRANSLATE_NOOP(
                _CTX,
                "The app could not use OhMyGPT's reply, so no payment page was opened. "
                "{reason} The reply named order {order_no}, which OhMyGPT may have created: it "
                "is listed as “unknown” in your order history. Check your OhMyGPT orders "
                "before paying again.",
            )
        return QT_TRANSLATE_NOOP(
            _CTX,
            "The app could not use OhMyGPT's reply, so no payment page was opened. {reason} "
            "OhMyGPT may have created the order anyway: it is listed as “unknown” in your "
            "order history. Check your OhMyGPT orders before paying again.",
        )


class OrderOutcomeUnrecorded(OrderOutcomeUnknown):
    """The outcome is unclear, and the history could not record it (:attr:`storage`).

    The row stays "creating" for now; the next start lists it as unknown. The
    message (``{reason}``, ``{order_no}`` and ``{storage}``, the history problem in
    words) never says that no order exists.
    """

    def __init__(
        self, cause: Exception, storage: OrderHistoryError, *, order_no: str | None = None
    ) -> None:
        super().__init__(None, cause, order_no=order_no, storage=storage)

    def _template(self) -> str:
        if self.order_no:
            return QT_TRANSLATE_NOOP(
                _CTX,
                "The app could not use OhMyGPT's reply, so no payment page was opened. "
                "{reason} The reply named order {order_no}. The app cannot tell whether "
                "OhMyGPT created the order, and it could not record it in the order history: "
                "{storage} Note the order number. Check your OhMyGPT orders before paying again.",
            )
        if isinstance(self.cause, ApiError):
            return QT_TRANSLATE_NOOP(
                _CTX,
                "{reason} The app cannot tell whether OhMyGPT created the order, and it could "
                "not record it in the order history: {storage} Check your OhMyGPT orders "
                "before paying again.",
            )
        return QT_TRANSLATE_NOOP(
            _CTX,
            "Something went wrong inside the app while the order was being created, so it "
            "cannot tell whether OhMyGPT created the order, and it could not record it in the "
            "order history: {storage} Check your OhMyGPT orders before paying again.",
        )


class OrderNotSaved(Problem):
    """OhMyGPT created the order, but the history could not record it.

    The order can be paid all the same: :attr:`record` is what the history should
    have held (``awaiting_payment``, with the link that passed the allow-list), kept
    in memory only; :attr:`cause` is the history's error. The row stays "creating"
    for now and is listed as unknown at the next start, so the app cannot mark this
    order paid: the message says so and names the order number.
    """

    context = _CTX
    template = QT_TRANSLATE_NOOP(
        _CTX,
        "The order was created, but the app could not write it to the order history: "
        "{reason} Note the order number {order_no}: the app cannot mark it paid, so check "
        "your balance after paying.",
    )

    def __init__(self, record: OrderRecord, cause: OrderHistoryError) -> None:
        super().__init__(reason=cause, order_no=record.order_no)
        self.record = record
        self.cause = cause


class OrderNotRecorded(Problem):
    """The order could not be written to the history first, so no request was sent."""

    context = _CTX
    template = QT_TRANSLATE_NOOP(_CTX, "Could not write the order history: the order was not sent.")

    def __init__(self, cause: OrderHistoryError) -> None:
        full = QT_TRANSLATE_NOOP(_CTX, "Your disk is full: the order was not sent.")
        super().__init__(full if isinstance(cause, OrderHistoryFull) else None, detail=str(cause))
        self.cause = cause


class RechargeService:
    """Creates recharge orders for any signed-in account (support staff too)."""

    def __init__(
        self,
        accounts: AccountManager,
        history: OrderHistory,
        *,
        success_url: str | None = None,
        cancel_url: str | None = None,
        permissions: AppPermissions | None = None,
    ) -> None:
        """``permissions`` remembers a refusal for lack of permission (if given)."""
        self.accounts = accounts
        self.history = history
        self.success_url = success_url
        self.cancel_url = cancel_url
        self.permissions = permissions

    async def create_order(
        self,
        account_key: str,
        amount: Decimal,
        *,
        kind: RechargeKind = RechargeKind.CHECKOUT,
        email: str | None = None,
        product_id: str = DEFAULT_PRODUCT_ID,
        reference: str | None = None,
    ) -> OrderRecord:
        """Create one order, write-ahead. Exactly one request; never retried.

        ``reference`` (a ticket number...) is checked with :func:`check_reference`
        (:class:`ReferenceRefused`, nothing is sent) and stored with the order, and so
        is the operator (the ``operator`` setting, else the OS user name).

        Raises :class:`AccountNotSignedIn` when the account cannot be used (nothing
        is sent), :class:`ApiError` when the failure proves no order exists (the
        write-ahead row is removed: no phantom order), :class:`OrderOutcomeUnknown`
        otherwise (the row stays, marked unknown, with the order number if the
        reply named one; :class:`OrderOutcomeUnrecorded` when that could not be
        written), :class:`OrderNotRecorded` when the row could not be written (nothing
        was sent), and :class:`OrderNotSaved` when the order was created but the
        history could not record it (it can still be paid).
        """
        import asyncio

        reference = check_reference(reference)
        operator = operator_name(self.accounts.settings) or None
        account = self.accounts.get(account_key)
        if account is None or account.token is None:
            raise AccountNotSignedIn()
        balance_before = account.balance.balance if account.balance else None
        # Before the request: a link's lifetime counted from here never runs past the real one.
        started = datetime.now(UTC)
        try:
            local_id = self.history.begin(
                account_key=account.key,
                email=account.email,
                host=account.host,
                kind=kind.value,
                amount=amount,
                product_id=product_id,
                balance_before=balance_before,
                operator=operator,
                reference=reference,
            )
        except OrderHistoryError as exc:
            raise OrderNotRecorded(exc) from None
        client = self.accounts.client
        try:
            if kind is RechargeKind.INVOICE:
                order = await client.invoice_order(
                    account.token,
                    amount,
                    product_id=product_id,
                    email=email or None,
                    success_url=self.success_url,
                    cancel_url=self.cancel_url,
                )
            else:
                order = await client.checkout_order(
                    account.token,
                    amount,
                    product_id=product_id,
                    success_url=self.success_url,
                    cancel_url=self.cancel_url,
                )
        except ApiError as exc:
            if not exc.proves_not_created:
                log.warning("Order %s: outcome unknown (%r)", local_id, exc)
                raise self._outcome_unknown(
                    local_id, exc, exc.message, order_no=exc.order_no
                ) from None
            self._discard(local_id)
            if isinstance(exc, InvalidTokenError):
                self.accounts.mark_needs_reauth(account_key)
            if isinstance(exc, PermissionDeniedError) and self.permissions is not None:
                self.permissions.learn_refused(account.host, self.accounts.settings.client_id)
            raise
        except asyncio.CancelledError:
            # The app is closing while the request is in flight: outcome unknown.
            self._mark_unknown(local_id, "The app closed while this order was being created.")
            raise
        except Exception as exc:
            log.exception("Order %s: unexpected error; outcome unknown", local_id)
            raise self._outcome_unknown(
                local_id, exc, "Unexpected error while creating the order."
            ) from exc
        except BaseException:
            self._mark_unknown(local_id, "Unexpected error while creating the order.")
            raise
        try:
            record = self.history.complete(
                local_id, order_no=order.order_no, checkout_url=order.checkout_url
            )
        except OrderHistoryError as exc:
            log.error("Order %s was created, but the history could not record it", order.order_no)
            unsaved = OrderRecord(
                local_id=local_id,
                order_no=order.order_no,
                account_key=account.key,
                email=account.email,
                host=account.host,
                kind=kind.value,
                amount=amount,
                product_id=product_id,
                created_at=started,
                status=OrderStatus.AWAITING_PAYMENT,
                balance_before=balance_before,
                balance_after=None,
                checkout_url=order.checkout_url,
                note=None,
                updated_at=started,
                operator=operator,
                reference=reference,
            )
            raise OrderNotSaved(unsaved, exc) from None
        log.info(
            "Order %s created for %s (%s %s USD)", order.order_no, account.key, kind.value, amount
        )
        return record

    def _mark_unknown(
        self, local_id: int, note: str, *, order_no: str | None = None
    ) -> OrderHistoryError | None:
        """Keep the row as unknown; the history's error (logged) when that failed."""
        try:
            self.history.mark_unknown(local_id, note, order_no=order_no)
        except OrderHistoryError as exc:
            log.error("Order %s: could not mark it unknown in the history: %s", local_id, exc)
            return exc
        return None

    def _outcome_unknown(
        self, local_id: int, cause: Exception, note: str, *, order_no: str | None = None
    ) -> OrderOutcomeUnknown:
        """Mark the row unknown; the error that says so (or that it could not be recorded)."""
        storage = self._mark_unknown(local_id, note, order_no=order_no)
        if storage is not None:
            return OrderOutcomeUnrecorded(cause, storage, order_no=order_no)
        try:
            record = self.history.get(local_id)
        except OrderHistoryError:
            record = None  # marked; only reading it back failed
        return OrderOutcomeUnknown(record, cause, order_no=order_no)

    def _discard(self, local_id: int) -> None:
        """Drop the row of a proven refusal; if that fails, it is "unknown" next start."""
        try:
            self.history.discard(local_id)
        except OrderHistoryError as exc:
            log.error("Order %s was refused, but its row could not be dropped: %s", local_id, exc)
