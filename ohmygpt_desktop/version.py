"""Which build this is: the release version and the git commit it was made from.

Plain Python, no Qt, nothing done at import time (start-up stays fast):

* in a bundle, ``build.spec`` bakes ``resources/build-info.json`` in (:func:`write`):
  the commit and its date as they were when the bundle was built;
* from a source checkout, ``git`` is asked once, the first time :func:`build_info` is
  called (``--version``, the About dialog), never on the way to the first window;
* installed some other way (no git, no baked file): the version alone.

The release version is ``ohmygpt_desktop.__version__`` (what pyproject.toml reads); a
release tag ``v<version>`` must agree with it, which the build checks (:func:`from_git`).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from ohmygpt_desktop import __version__
from ohmygpt_desktop.resources import resource_path

#: The baked file's name in the bundle's resources folder.
FILE_NAME = "build-info.json"
_GIT_TIMEOUT = 5.0


@dataclass(frozen=True)
class BuildInfo:
    version: str
    #: The full commit hash, ``+dirty`` appended when tracked files had changes; "" unknown.
    commit: str = ""
    #: The commit's date (UTC, ``YYYY-MM-DD``); "" unknown.
    date: str = ""
    #: The commit time in seconds since the epoch (the build's SOURCE_DATE_EPOCH); 0 unknown.
    epoch: int = 0

    @property
    def short_commit(self) -> str:
        head, _, dirty = self.commit.partition("+")
        return head[:7] + (f"+{dirty}" if dirty else "")

    def describe(self) -> str:
        """``0.1.0 (commit abc1234, 2026-12-01)``, or the version alone when unknown."""
        if not self.commit:
            return self.version
        return f"{self.version} (commit {self.short_commit}, {self.date})"


def _git(root: Path, *args: str) -> str:
    # git from PATH, as the developer who runs this checkout does; fixed arguments.
    return subprocess.run(  # noqa: S603
        ["git", "-C", str(root), *args],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
        timeout=_GIT_TIMEOUT,
    ).stdout.strip()


def from_git(root: Path, *, version: str = __version__) -> BuildInfo:
    """The checkout at ``root``: HEAD's commit and date. Raises ``OSError`` or
    ``subprocess.SubprocessError`` without git or a repository, and ``ValueError`` when
    HEAD carries a release tag (``v*``) that is not ``version``."""
    commit, epoch = _git(root, "log", "-1", "--format=%H %ct").split()
    if _git(root, "status", "--porcelain", "--untracked-files=no"):
        commit += "+dirty"
    tags = _git(root, "tag", "--points-at", "HEAD", "--list", "v[0-9]*").split()
    if tags and f"v{version}" not in tags:
        raise ValueError(f"HEAD is tagged {', '.join(tags)} but the version is {version}")
    date = datetime.fromtimestamp(int(epoch), UTC).strftime("%Y-%m-%d")
    return BuildInfo(version=version, commit=commit, date=date, epoch=int(epoch))


def write(info: BuildInfo, path: Path) -> Path:
    """Bake ``info`` into ``path`` (sorted keys, no timestamp: the same commit gives the
    same bytes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(info), sort_keys=True, indent=1) + "\n", encoding="utf-8")
    return path


def read(path: Path) -> BuildInfo:
    """A baked file; raises ``OSError``/``ValueError``/``TypeError`` when unreadable."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return BuildInfo(**{key: data[key] for key in ("version", "commit", "date", "epoch")})


@cache
def build_info() -> BuildInfo:
    """This app's build (asked once, then remembered)."""
    if getattr(sys, "frozen", False):
        try:
            return read(resource_path(FILE_NAME))
        except (OSError, ValueError, TypeError, KeyError):
            return BuildInfo(version=__version__)
    checkout = Path(__file__).resolve().parent.parent
    if not (checkout / ".git").exists():
        return BuildInfo(version=__version__)
    try:
        return from_git(checkout)
    except (OSError, ValueError, subprocess.SubprocessError):
        return BuildInfo(version=__version__)
