"""Run the parser properties of tests/test_fuzz.py at scale and report the count.

python3 bench/fuzz.py [--examples 10000]
"""

from __future__ import annotations

import argparse
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QLocale

from tests.test_fuzz import (
    amount_text,
    any_decimal,
    balance_values,
    check_amount,
    check_balance,
    check_formatting,
    check_paste,
    code_text,
    locales,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=10_000)
    args = parser.parse_args()
    counts = {"amount": 0, "paste": 0, "balance": 0, "formatting": 0}

    @settings(max_examples=args.examples, deadline=None, database=None)
    @given(amount_text, st.sampled_from([".", ","]))
    def amounts(text: str, point: str) -> None:
        counts["amount"] += 1
        check_amount(text, point)

    @settings(max_examples=args.examples, deadline=None, database=None)
    @given(code_text)
    def pastes(text: str) -> None:
        counts["paste"] += 1
        check_paste(text)

    @settings(max_examples=args.examples, deadline=None, database=None)
    @given(balance_values)
    def balances(value: object) -> None:
        counts["balance"] += 1
        check_balance(value)

    @settings(max_examples=args.examples, deadline=None, database=None)
    @given(any_decimal, locales, st.booleans())
    def formatting(value: Decimal, locale: QLocale, drop_cents: bool) -> None:
        counts["formatting"] += 1
        check_formatting(value, locale, drop_cents)

    started = time.perf_counter()
    amounts()
    pastes()
    balances()
    formatting()
    elapsed = time.perf_counter() - started
    print(
        f"fuzz: amount parser {counts['amount']} examples, paste parser {counts['paste']} "
        f"examples, balance parser {counts['balance']} examples, money formatting "
        f"{counts['formatting']} examples, no failure ({elapsed:.1f}s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
