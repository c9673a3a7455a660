"""In-memory state of the sandbox: users, codes, tokens, orders, faults, counters.

Thread-safe: the server thread and test code may call any method at any time.
All expiry uses the *sandbox clock* (real monotonic time plus an offset that
tests advance), so tests never need to sleep.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import string
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, replace
from decimal import Decimal
from typing import Any

from ohmygpt_desktop.api.models import CREDITS_PER_USD, TOKEN_PREFIX
from ohmygpt_desktop.sandbox.config import (
    SEEDED_APPS,
    SEEDED_USERS,
    SandboxConfig,
    SeededApp,
)
from ohmygpt_desktop.sandbox.faults import Fault, make_fault
from ohmygpt_desktop.sandbox.replies import SandboxError

_ALNUM = string.ascii_letters + string.digits
_CENT = Decimal("0.01")


def random_alnum(length: int) -> str:
    return "".join(secrets.choice(_ALNUM) for _ in range(length))


def money(value: Decimal) -> str:
    """A decimal string with exactly two places, never in exponent form."""
    return format(value.quantize(_CENT), "f")


@dataclass
class Account:
    user_id: str
    email: str
    balance: Decimal
    free_balance: Decimal


@dataclass
class AuthCode:
    code: str
    client_id: str
    user_id: str
    redirect_uri: str
    expires_at: float
    used: bool = False


@dataclass
class TokenRecord:
    token: str
    user_id: str
    client_id: str
    permission_level: str
    issued_at: float
    expires_at: float | None = None
    revoked: bool = False


@dataclass
class Order:
    order_no: str
    kind: str  # "checkout" or "invoice"
    session_id: str
    user_id: str
    client_id: str
    amount: Decimal  # USD
    product_id: str
    email: str
    success_url: str | None
    cancel_url: str | None
    created_at: float
    expires_at: float
    status: str = "open"  # open | paid | cancelled | expired
    credited: bool = False
    credit_due_at: float | None = None
    #: The amount exactly as the request's body spelled it (``10``, ``12.50``, ``10.00``):
    #: the documented request sends whole dollars without decimals.
    amount_sent: str = ""

    @property
    def credits(self) -> Decimal:
        return (self.amount * CREDITS_PER_USD).quantize(_CENT)

    def as_dict(self) -> dict[str, Any]:
        return {
            "order_no": self.order_no,
            "user_id": self.user_id,
            "client_id": self.client_id,
            "kind": self.kind,
            "amount": money(self.amount),
            "amount_sent": self.amount_sent,
            "credits": money(self.credits),
            "product_id": self.product_id,
            "status": self.status,
            "credited": self.credited,
            "email": self.email,
            "session_id": self.session_id,
        }


def _digest(token: str) -> str:
    """Tokens are kept by hash, as a real server would: a saved state holds none."""
    return hashlib.sha256(token.encode()).hexdigest()


class SandboxState:
    """Everything the sandbox remembers. Safe to use from any thread."""

    def __init__(self, config: SandboxConfig | None = None) -> None:
        self._lock = threading.RLock()
        self._initial_config = (config or SandboxConfig()).copy()
        self.config = self._initial_config.copy()
        self.apps: dict[str, SeededApp] = {app.client_id: app for app in SEEDED_APPS}
        self._reset_locked()

    # -- lifecycle -----------------------------------------------------------------

    def reset(self) -> None:
        """Back to the seeded state: balances, no codes/tokens/orders/faults, counts 0,
        clock offset 0, the configuration the server was started with."""
        with self._lock:
            self.config = self._initial_config.copy()
            self._reset_locked()

    def snapshot(self) -> dict[str, Any]:
        """What demo mode keeps between runs: balances, token hashes, orders, clock.

        Codes are short-lived and not kept; token values never are (only hashes).
        """
        with self._lock:
            return {
                "format": 1,
                "offset": self._offset,
                "accounts": {
                    a.user_id: [money(a.balance), money(a.free_balance)]
                    for a in self._accounts.values()
                },
                "tokens": {key: {**asdict(t), "token": ""} for key, t in self._tokens.items()},
                "orders": [{**asdict(o), "amount": money(o.amount)} for o in self._orders.values()],
            }

    def restore(self, data: dict[str, Any]) -> None:
        """Load a :meth:`snapshot`. Raises ValueError (state unchanged) if it is not one."""
        try:
            if data.get("format") != 1:
                raise ValueError("unknown sandbox state format")
            accounts = {uid: (Decimal(b), Decimal(f)) for uid, (b, f) in data["accounts"].items()}
            tokens = {key: TokenRecord(**rec) for key, rec in data["tokens"].items()}
            orders = {}
            for rec in data["orders"]:
                order = Order(**{**rec, "amount": Decimal(rec["amount"])})
                orders[order.order_no] = order
            offset = float(data["offset"])
        except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
            raise ValueError(f"not a sandbox state: {exc}") from None
        with self._lock:
            for uid, (balance, free) in accounts.items():
                if uid in self._accounts:
                    self._accounts[uid].balance = balance
                    self._accounts[uid].free_balance = free
            self._tokens.update(tokens)
            self._orders.update(orders)
            self._offset = offset

    def _reset_locked(self) -> None:
        self._offset = 0.0
        self._accounts = {
            u.user_id: Account(u.user_id, u.email, u.balance, u.free_balance) for u in SEEDED_USERS
        }
        self._codes: dict[str, AuthCode] = {}
        self._tokens: dict[str, TokenRecord] = {}
        self._orders: dict[str, Order] = {}
        self._sessions: dict[tuple[str, str], str] = {}
        self._faults: list[Fault] = []
        self._counts: Counter[str] = Counter()
        #: The update feed served at ``/_sandbox/update-feed`` (``None``: not found).
        self.update_feed: bytes | None = None

    def update_config(self, **changes: Any) -> SandboxConfig:
        """Change configuration values at run time (validated; ValueError if bad)."""
        with self._lock:
            unknown = sorted(set(changes) - set(self.config.as_dict()))
            if unknown:
                raise ValueError(f"unknown config field(s): {', '.join(unknown)}")
            candidate = replace(self.config, **changes)  # __post_init__ validates
            self.config = candidate
            self._apply_due_credits_locked()
            return candidate.copy()

    # -- clock ---------------------------------------------------------------------

    def now(self) -> float:
        """The sandbox clock, in seconds: wall time (so a saved state's times stay
        meaningful after a restart) plus the offset tests can advance."""
        with self._lock:
            return time.time() + self._offset

    def advance_clock(self, seconds: float) -> float:
        """Move the sandbox clock forward; applies credits that became due. Returns now()."""
        if isinstance(seconds, bool) or not isinstance(seconds, int | float) or seconds < 0:
            raise ValueError("advance must be a number of seconds >= 0")
        with self._lock:
            self._offset += float(seconds)
            self._apply_due_credits_locked()
            return self.now()

    # -- request counting ----------------------------------------------------------

    def record_request(self, endpoint: str) -> None:
        with self._lock:
            self._counts[endpoint] += 1
            self._apply_due_credits_locked()

    @property
    def request_counts(self) -> Counter[str]:
        """A snapshot: endpoint name -> number of requests (missing names count 0)."""
        with self._lock:
            return Counter(self._counts)

    # -- faults --------------------------------------------------------------------

    def set_fault(
        self,
        endpoint: str,
        kind: str,
        *,
        times: int | None = None,
        user_id: str | None = None,
        **params: Any,
    ) -> Fault:
        """Make ``endpoint`` (or ``"*"``) misbehave, for every request or only for those
        made with ``user_id``'s token; replaces the fault of that endpoint and user."""
        return self.add_fault(make_fault(endpoint, kind, times, user_id, **params))

    def add_fault(self, fault: Fault) -> Fault:
        """Use ``fault`` (validated: :func:`~ohmygpt_desktop.sandbox.faults.make_fault`)
        from now on, in place of the fault of its endpoint and user."""
        key = (fault.endpoint, fault.user_id)
        with self._lock:
            self._faults = [f for f in self._faults if (f.endpoint, f.user_id) != key]
            self._faults.append(fault)
        return fault

    def clear_faults(self, endpoint: str | None = None) -> None:
        with self._lock:
            if endpoint is None:
                self._faults = []
            else:
                self._faults = [f for f in self._faults if f.endpoint != endpoint]

    @property
    def faults(self) -> list[Fault]:
        with self._lock:
            return [replace(f, params=dict(f.params)) for f in self._faults]

    def take_fault(self, endpoint: str, user_id: str | None = None) -> Fault | None:
        """The fault for this request, using up one: the most specific first (this
        user's on this endpoint, this endpoint's, this user's on ``*``, then ``*``)."""
        with self._lock:
            order = [(endpoint, None), ("*", None)]
            if user_id is not None:
                order = [(endpoint, user_id), order[0], ("*", user_id), order[1]]
            chosen = None
            for wanted in order:
                chosen = next((f for f in self._faults if (f.endpoint, f.user_id) == wanted), None)
                if chosen is not None:
                    break
            if chosen is None:
                return None
            if chosen.times is not None:
                chosen.times -= 1
                if chosen.times <= 0:
                    self._faults.remove(chosen)
            return replace(chosen, params=dict(chosen.params))

    # -- apps and users ------------------------------------------------------------

    def app(self, client_id: str | None) -> SeededApp | None:
        return self.apps.get(client_id or "")

    def account(self, user_id: str) -> Account | None:
        """A copy of the user's account (credits already applied)."""
        with self._lock:
            self._apply_due_credits_locked()
            acc = self._accounts.get(user_id)
            return replace(acc) if acc else None

    def accounts(self) -> list[Account]:
        with self._lock:
            self._apply_due_credits_locked()
            return [replace(a) for a in self._accounts.values()]

    def balance(self, user_id: str) -> tuple[Decimal, Decimal]:
        """(balance, free_balance) in credits, after applying due credits."""
        acc = self.account(user_id)
        if acc is None:
            raise KeyError(user_id)
        return acc.balance, acc.free_balance

    def set_balance(
        self,
        user_id: str,
        balance: Decimal | str | None = None,
        free_balance: Decimal | str | None = None,
    ) -> None:
        """Test hook: set a user's balance and/or free balance (credits)."""
        with self._lock:
            acc = self._accounts[user_id]
            if balance is not None:
                acc.balance = _credits(balance, "balance")
            if free_balance is not None:
                acc.free_balance = _credits(free_balance, "free_balance")

    def add_user(
        self,
        user_id: str,
        email: str,
        balance: Decimal | str = "0",
        free_balance: Decimal | str = "0",
    ) -> Account:
        """Test hook: a new user (gone again on :meth:`reset`). Any email text is kept
        as it is, so tests can see how the app shows odd server values."""
        if not user_id.strip() or not email.strip():
            raise ValueError("user_id and email must not be empty")
        account = Account(
            user_id, email, _credits(balance, "balance"), _credits(free_balance, "free_balance")
        )
        with self._lock:
            if user_id in self._accounts:
                raise ValueError(f"user {user_id!r} exists already")
            self._accounts[user_id] = account
            return replace(account)

    # -- authorization codes and tokens --------------------------------------------

    def issue_code(self, client_id: str, user_id: str, redirect_uri: str) -> str:
        with self._lock:
            code = random_alnum(16)
            while code in self._codes:
                code = random_alnum(16)
            self._codes[code] = AuthCode(
                code, client_id, user_id, redirect_uri, self.now() + self.config.code_ttl
            )
            return code

    def exchange_code(self, client_id: str, client_secret: str, code: str) -> TokenRecord:
        """The issue-token logic. Raises :class:`SandboxError` like the API would."""
        app = self.app(client_id)
        if app is None or not hmac.compare_digest(
            app.client_secret.encode(), client_secret.encode()
        ):
            raise SandboxError(
                401, "oauth_invalid_client_error", "Invalid client_id or client_secret."
            )
        with self._lock:
            entry = self._codes.get(code)
            if entry is None:
                raise _bad_code("The authorization code is invalid.")
            if entry.client_id != client_id:
                raise _bad_code("The authorization code was issued to a different client.")
            if entry.used:
                raise _bad_code("The authorization code has already been used.")
            if self.now() >= entry.expires_at:
                raise _bad_code("The authorization code has expired. Please authorize again.")
            entry.used = True
            return self._new_token_locked(entry.user_id, app)

    def issue_token(self, user_id: str = "888", client_id: str | None = None) -> str:
        """Test hook: a valid token without the browser dance (default app)."""
        app = self.app(client_id) if client_id else SEEDED_APPS[0]
        if app is None:
            raise KeyError(client_id)
        with self._lock:
            if user_id not in self._accounts:
                raise KeyError(user_id)
            return self._new_token_locked(user_id, app).token

    def _new_token_locked(self, user_id: str, app: SeededApp) -> TokenRecord:
        token = TOKEN_PREFIX + random_alnum(24)
        now = self.now()
        ttl = self.config.token_ttl
        record = TokenRecord(
            token=token,
            user_id=user_id,
            client_id=app.client_id,
            permission_level=app.permission_level,
            issued_at=now,
            expires_at=None if ttl is None else now + ttl,
        )
        self._tokens[_digest(token)] = record
        return replace(record)

    def token(self, token: str | None) -> TokenRecord | None:
        """The token's record if it is valid (known, not revoked, not expired)."""
        with self._lock:
            record = self._tokens.get(_digest(token or ""))
            if record is None or record.revoked:
                return None
            if record.expires_at is not None and self.now() >= record.expires_at:
                return None
            return replace(record)

    def tokens(self) -> list[TokenRecord]:
        with self._lock:
            return [replace(t) for t in self._tokens.values()]

    def revoke_token(self, token: str) -> bool:
        with self._lock:
            record = self._tokens.get(_digest(token))
            if record is None or record.revoked:
                return False
            record.revoked = True
            return True

    def revoke_user_tokens(self, user_id: str) -> int:
        with self._lock:
            count = 0
            for record in self._tokens.values():
                if record.user_id == user_id and not record.revoked:
                    record.revoked = True
                    count += 1
            return count

    # -- orders --------------------------------------------------------------------

    def create_order(
        self,
        *,
        token: TokenRecord,
        kind: str,
        amount: Decimal,
        product_id: str,
        email: str | None = None,
        success_url: str | None = None,
        cancel_url: str | None = None,
        amount_sent: str = "",
    ) -> Order:
        if kind not in ("checkout", "invoice"):
            raise ValueError("kind must be 'checkout' or 'invoice'")
        with self._lock:
            acc = self._accounts[token.user_id]
            order_no = secrets.token_hex(16)
            prefix, length = ("cs_test_", 58) if kind == "checkout" else ("in_test_", 24)
            session = prefix + random_alnum(length)
            now = self.now()
            order = Order(
                order_no=order_no,
                kind=kind,
                session_id=session,
                user_id=token.user_id,
                client_id=token.client_id,
                amount=amount.quantize(_CENT),
                product_id=product_id,
                email=email or acc.email,
                success_url=success_url,
                cancel_url=cancel_url,
                created_at=now,
                expires_at=now + self.config.checkout_ttl,
                amount_sent=amount_sent,
            )
            self._orders[order_no] = order
            self._sessions[(kind, session)] = order_no
            return replace(order)

    def find_order(self, kind: str, session_id: str) -> Order | None:
        with self._lock:
            order = self._order_locked(kind, session_id)
            return replace(order) if order else None

    def _order_locked(self, kind: str, session_id: str) -> Order | None:
        order_no = self._sessions.get((kind, session_id))
        order = self._orders.get(order_no or "")
        if order is not None and order.status == "open" and self.now() >= order.expires_at:
            order.status = "expired"
        return order

    def _open_order_locked(
        self, kind: str, session_id: str
    ) -> tuple[Order | None, tuple[str, Order | None]]:
        """(the order, _) when it can still be paid or cancelled, else (None, refusal)."""
        order = self._order_locked(kind, session_id)
        if order is None:
            return None, ("not_found", None)
        if order.status != "open":
            reason = "already_paid" if order.status == "paid" else order.status
            return None, (reason, replace(order))
        return order, ("open", None)

    def pay_order(self, kind: str, session_id: str) -> tuple[str, Order | None]:
        """Pay an open order: ("paid", order). Otherwise (reason, order) with reason one of
        "not_found", "already_paid", "cancelled", "expired". Never credits twice."""
        with self._lock:
            order, refusal = self._open_order_locked(kind, session_id)
            if order is None:
                return refusal
            order.status = "paid"
            order.credit_due_at = self.now() + self.config.credit_delay
            self._apply_due_credits_locked()
            return "paid", replace(order)

    def cancel_order(self, kind: str, session_id: str) -> tuple[str, Order | None]:
        """Cancel an open order: ("cancelled", order), else (reason, order) as pay_order."""
        with self._lock:
            order, refusal = self._open_order_locked(kind, session_id)
            if order is None:
                return refusal
            order.status = "cancelled"
            return "cancelled", replace(order)

    def orders(self) -> list[dict[str, Any]]:
        with self._lock:
            self._apply_due_credits_locked()
            for order in self._orders.values():
                self._order_locked(order.kind, order.session_id)
            return [o.as_dict() for o in self._orders.values()]

    def _apply_due_credits_locked(self) -> int:
        now = self.now()
        applied = 0
        for order in self._orders.values():
            if (
                order.status == "paid"
                and not order.credited
                and order.credit_due_at is not None
                and now >= order.credit_due_at
            ):
                self._accounts[order.user_id].balance += order.credits
                order.credited = True
                applied += 1
        return applied


def _bad_code(message: str) -> SandboxError:
    return SandboxError(400, "oauth_invalid_code_error", message)


def _credits(value: Decimal | str, name: str) -> Decimal:
    try:
        result = Decimal(str(value))
    except ArithmeticError as exc:
        raise ValueError(f"{name} must be a decimal number") from exc
    if not result.is_finite():
        raise ValueError(f"{name} must be finite")
    return result.quantize(_CENT)
