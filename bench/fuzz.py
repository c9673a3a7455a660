"""Run the parser properties of tests/test_fuzz.py at scale and report the count.

python3 bench/fuzz.py [--examples 10000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_fuzz import amount_text, check_amount, check_paste, code_text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=10_000)
    args = parser.parse_args()
    counts = {"amount": 0, "paste": 0}

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

    started = time.perf_counter()
    amounts()
    pastes()
    elapsed = time.perf_counter() - started
    print(
        f"fuzz: amount parser {counts['amount']} examples, paste parser {counts['paste']} "
        f"examples, no failure ({elapsed:.1f}s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
