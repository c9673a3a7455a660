#!/usr/bin/env python3
"""Render the screenshot gallery into artifacts/screenshots/ (run by ``dev.py screenshots``)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.helpers.gallery import main  # the checkout is on the path now

if __name__ == "__main__":
    sys.exit(main())
