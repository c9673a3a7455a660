"""The dependency lock: exact versions with their hashes (standard library only).

``pyproject.toml`` keeps version ranges, for people installing from source. The
developer commands, CI, the bundle and the .deb install from the lock files in
``.ci/requirements/`` instead, with ``pip install --require-hashes``: every package,
its version and the SHA-256 of its files are fixed, so a build gets exactly what was
reviewed, whatever the registry serves that day.

==================  =============================================================
``all.txt``         the combined resolution (the app, every extra, the build
                    backend); each file below is resolved within it, so the one
                    virtual environment that gets ``test`` then ``build`` never
                    changes a version between them. Not installed itself.
``runtime.txt``     what running the app needs (``sandbox``, ``app``)
``test.txt``        runtime + the ``test`` extra (``test``, CI)
``build.txt``       runtime + the ``build`` extra (``build``: the bundle, the .deb)
``pip.txt``         the pip that installs all of the above
``lock-tools.txt``  pip-tools, installed only by ``python3 .ci/dev.py lock``
==================  =============================================================

Every lock but ``pip.txt`` and ``lock-tools.txt`` also pins the build backend
(``[build-system] requires``): the project itself is then installed with
``--no-deps --no-build-isolation``, from what the lock installed.

Made by pip-tools (``pip-compile --generate-hashes``): its output is a plain
requirements file that pip itself checks, so installing needs nothing but pip.
The lock is resolved for the Python and platform it runs on (CPython 3.11, Linux
x86_64 here); the hashes cover every file of each pinned release on the index.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import venv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCKS = ROOT / ".ci" / "requirements"
#: The lock files made from pyproject.toml, each with the extras it installs.
PROJECT_LOCKS: dict[str, tuple[str, ...]] = {
    "runtime": (),
    "test": ("test",),
    "build": ("build",),
}
#: pip-tools for a first ``lock``, before lock-tools.txt exists.
PIP_TOOLS = "pip-tools==7.6.2"
#: What every pip-compile run is told.
COMPILE_FLAGS = (
    "--quiet",
    "--generate-hashes",
    "--allow-unsafe",  # pin pip and setuptools too: nothing left unlocked
    "--strip-extras",  # plain name==version lines, usable as constraints
    "--no-emit-index-url",  # no machine's index or mirror in the files
    "--no-emit-find-links",
    "--newline=LF",
)

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")
_VIA_ONE = re.compile(r"^\s+# via (.+)$")
_VIA_MORE = re.compile(r"^\s+#   (.+)$")


@dataclass(frozen=True)
class Pin:
    """One locked package: its version, the hashes pip accepts, and what wants it."""

    version: str
    hashes: frozenset[str]
    via: frozenset[str]


def normalize(name: str) -> str:
    """A package name as the index compares it (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def lock_file(extras: str) -> Path:
    """The lock ``ensure_venv`` installs for ``extras`` (``""``: run the app)."""
    name = extras or "runtime"
    if name not in PROJECT_LOCKS:
        raise ValueError(f"no lock file for the extras {extras!r}")
    return LOCKS / f"{name}.txt"


def parse(text: str) -> dict[str, Pin]:
    """The pins of a pip-compile output file, by normalized name."""
    pins: dict[str, Pin] = {}
    name = version = ""
    hashes: set[str] = set()
    via: set[str] = set()
    in_via = False

    def close() -> None:
        if name:
            pins[normalize(name)] = Pin(version, frozenset(hashes), frozenset(via))

    for line in text.splitlines():
        if match := _PIN.match(line):
            close()
            name, version = match.groups()
            hashes, via, in_via = set(), set(), False
        elif "--hash=" in line:
            hashes.update(re.findall(r"--hash=(\S+)", line))
        elif match := _VIA_ONE.match(line):
            via.add(match.group(1).strip())
            in_via = False
        elif line.strip() == "# via":
            in_via = True
        elif in_via and (match := _VIA_MORE.match(line)):
            via.add(match.group(1).strip())
        else:
            in_via = False
    close()
    return pins


def project_digest() -> str:
    """What a virtual environment's installed dependencies were made from: a change to
    pyproject.toml or to any lock file means installing again."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    for path in sorted(LOCKS.glob("*.txt")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _compile(tool: Path, output: Path, *args: str) -> list[str]:
    """The pip-compile command writing ``output`` (paths relative to the checkout, so the
    command recorded in the file's header is the same on every machine)."""
    return [str(tool), *COMPILE_FLAGS, f"--output-file={output.relative_to(ROOT)}", *args]


def refresh(run_step: Callable[..., None], upgrade: Sequence[str] = ()) -> None:
    """Re-resolve every lock file with pip-tools, installed for this run only in a
    temporary virtual environment (from lock-tools.txt when it exists).

    Pins that still fit pyproject.toml are kept; ``upgrade`` (pip-compile's
    ``--upgrade`` or ``--upgrade-package NAME``) moves them to the newest releases."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    # This machine's pip configuration (mirrors, local wheel folders, constraints) is
    # not the project's: resolve against the public index alone.
    env["PIP_CONFIG_FILE"] = os.devnull
    env["CUSTOM_COMPILE_COMMAND"] = "python3 .ci/dev.py lock"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    with tempfile.TemporaryDirectory(prefix="ohmygpt-lock-tools-") as where:
        tools = Path(where)
        venv.create(tools, with_pip=True)
        py = tools / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
        pip_compile = py.parent / ("pip-compile.exe" if os.name == "nt" else "pip-compile")
        pinned = LOCKS / "lock-tools.txt"
        source = ["--require-hashes", "-r", str(pinned)] if pinned.exists() else [PIP_TOOLS]
        run_step(
            "installing pip-tools (for this run only)",
            [str(py), "-m", "pip", "install", "--quiet", *source],
            env=env,
        )

        def step(title: str, command: list[str]) -> None:
            run_step(title, command, env=env, cwd=ROOT)

        everything = LOCKS / "all.txt"
        step(
            "resolving every dependency together (all.txt)",
            _compile(
                pip_compile,
                everything,
                *upgrade,
                "--all-extras",
                "--all-build-deps",
                "pyproject.toml",
            ),
        )
        within = f"--constraint={everything.relative_to(ROOT)}"
        for name, extras in PROJECT_LOCKS.items():
            step(
                f"locking {name}.txt",
                _compile(
                    pip_compile,
                    LOCKS / f"{name}.txt",
                    within,
                    *(f"--extra={extra}" for extra in extras),
                    "--build-deps-for=editable",
                    "pyproject.toml",
                ),
            )
        for name in ("pip", "lock-tools"):
            step(
                f"locking {name}.txt",
                _compile(
                    pip_compile,
                    LOCKS / f"{name}.txt",
                    *(["--upgrade"] if "--upgrade" in upgrade else []),
                    str((LOCKS / f"{name}.in").relative_to(ROOT)),
                ),
            )
