"""Top-ups on behalf of someone: operator, reference, duplicate-order guard, customer
message, and the history that answers support questions."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ohmygpt_desktop.core.recharge import (
    REFERENCE_MAX,
    ReferenceProblem,
    ReferenceRefused,
    check_reference,
)
from ohmygpt_desktop.core.settings import operator_name, os_user_name
from tests.helpers.recharging import signed_in

# ------------------------------------------------------------------ core


def test_check_reference() -> None:
    assert check_reference(None) is None
    assert check_reference("   ") is None
    assert check_reference("  TICKET-42 ") == "TICKET-42"
    assert check_reference("x" * REFERENCE_MAX) == "x" * REFERENCE_MAX
    with pytest.raises(ReferenceRefused) as too_long:
        check_reference("x" * (REFERENCE_MAX + 1))
    assert too_long.value.problem is ReferenceProblem.TOO_LONG
    assert str(too_long.value) == "The reference is too long: at most 200 characters (it has 201)."
    for bad in ("a\nb", "a\tb", "a\x00b", "a\u202eb"):
        with pytest.raises(ReferenceRefused) as control:
            check_reference(bad)
        assert control.value.problem is ReferenceProblem.CONTROL


def test_operator_defaults_to_the_os_user(make_ctx, home) -> None:
    ctx = make_ctx()
    assert ctx.settings.operator == ""
    assert operator_name(ctx.settings) == os_user_name() != ""
    ctx.settings.set("operator", "  Alice Agent ")
    assert operator_name(ctx.settings) == "Alice Agent"
    env = {"XDG_CONFIG_DIRS": str(home / "none"), "OHMYGPT_OPERATOR": "bob"}
    assert operator_name(make_ctx(env=env).settings) == "bob"


def test_create_order_records_operator_and_reference(make_ctx, run, sandbox) -> None:
    ctx, account = signed_in(make_ctx, run, sandbox)
    ctx.settings.set("operator", "alice")
    record = run(ctx.recharge.create_order(account.key, Decimal(25), reference=" T-1 "))
    assert (record.operator, record.reference) == ("alice", "T-1")
    assert ctx.history.get(record.local_id) == record
    with pytest.raises(ReferenceRefused):
        run(ctx.recharge.create_order(account.key, Decimal(25), reference="a\nb"))
    assert len(sandbox.state.orders()) == 1  # a refused reference sends nothing
    assert len(ctx.history.list()) == 1
