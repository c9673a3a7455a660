#!/usr/bin/env python3
"""Compare two builds file by file: ``python3 .ci/compare_builds.py A B``.

A and B are folders (two bundles, two dist trees). Prints every file only in one of
them, every file whose bytes, mode or symlink target differ, and, for a difference
known to be harmless (:data:`HARMLESS`), why. Exit status 0 when nothing unexplained
differs, 1 otherwise, 2 on bad arguments. Standard library only.
"""

from __future__ import annotations

import fnmatch
import hashlib
import os
import sys
from pathlib import Path

#: Paths (glob, relative to A/B) that may differ, and why that is harmless. Empty today:
#: two builds of one commit (dev.py build: SOURCE_DATE_EPOCH, PYTHONHASHSEED=0) are
#: identical; add an entry only with the reason.
HARMLESS: dict[str, str] = {}


def _entries(root: Path) -> dict[str, tuple[str, str]]:
    """``{relative path: (kind, fingerprint)}`` of everything under ``root``."""
    found: dict[str, tuple[str, str]] = {}
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted([*dirs, *files]):
            path = Path(folder, name)
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                found[rel] = ("symlink", os.readlink(path))
            elif path.is_dir():
                found[rel] = ("folder", "")
            else:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                found[rel] = ("file", f"{digest} mode {path.stat().st_mode & 0o777:o}")
    return found


def why_harmless(rel: str) -> str | None:
    return next((why for glob, why in HARMLESS.items() if fnmatch.fnmatch(rel, glob)), None)


def compare(a: Path, b: Path) -> tuple[list[str], list[str]]:
    """(unexplained differences, explained ones), one line each."""
    left, right = _entries(a), _entries(b)
    unexplained: list[str] = []
    explained: list[str] = []
    for rel in sorted(left.keys() | right.keys()):
        if rel not in right:
            line = f"only in {a}: {rel}"
        elif rel not in left:
            line = f"only in {b}: {rel}"
        elif left[rel] != right[rel]:
            line = f"differs: {rel} ({left[rel][0]}: {left[rel][1]} vs {right[rel][1]})"
        else:
            continue
        why = why_harmless(rel)
        (explained if why else unexplained).append(f"{line} — harmless: {why}" if why else line)
    return unexplained, explained


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not all(Path(arg).is_dir() for arg in argv):
        print(__doc__, file=sys.stderr)
        return 2
    a, b = (Path(arg) for arg in argv)
    unexplained, explained = compare(a, b)
    for line in [*explained, *unexplained]:
        print(line)
    total = len(_entries(a))
    if unexplained:
        print(f"{len(unexplained)} unexplained difference(s) between {a} and {b}")
        return 1
    residue = f", {len(explained)} explained difference(s)" if explained else ""
    print(f"{a} and {b}: {total} entries, identical{residue}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
