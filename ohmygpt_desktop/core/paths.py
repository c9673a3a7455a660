"""Where the app keeps its files.

Plain Python (no Qt). :meth:`AppPaths.default` follows the platform conventions
through ``platformdirs``; setting ``OHMYGPT_DESKTOP_HOME`` puts everything under
one folder instead (tests, portable installs).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

APP_DIR_NAME = "ohmygpt-desktop"
APP_AUTHOR = "OhMyGPT"
HOME_ENV = "OHMYGPT_DESKTOP_HOME"

_DIR_MODE = 0o700


@dataclass(frozen=True)
class AppPaths:
    config_dir: Path
    data_dir: Path
    log_dir: Path
    cache_dir: Path

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """The portable layout: ``root/config``, ``root/data``, ``root/logs``, ``root/cache``."""
        root = Path(root).expanduser()
        return cls(
            config_dir=root / "config",
            data_dir=root / "data",
            log_dir=root / "logs",
            cache_dir=root / "cache",
        )

    @classmethod
    def default(cls, env: Mapping[str, str] | None = None) -> AppPaths:
        """Platform folders, or the portable layout under ``$OHMYGPT_DESKTOP_HOME``."""
        environ = os.environ if env is None else env
        home = environ.get(HOME_ENV, "").strip()
        if home:
            return cls.under(Path(home))
        import platformdirs

        dirs = platformdirs.PlatformDirs(appname=APP_DIR_NAME, appauthor=APP_AUTHOR)
        return cls(
            config_dir=Path(dirs.user_config_dir),
            data_dir=Path(dirs.user_data_dir),
            log_dir=Path(dirs.user_log_dir),
            cache_dir=Path(dirs.user_cache_dir),
        )

    def ensure(self) -> None:
        """Create the folders (owner-only); on POSIX take others' access from existing ones.

        Raises OSError for every folder but the log folder (see ``setup_logging``).
        """
        for folder in (self.config_dir, self.data_dir, self.log_dir, self.cache_dir):
            try:
                folder.mkdir(mode=_DIR_MODE, parents=True, exist_ok=True)
                mode = stat.S_IMODE(folder.stat().st_mode)
                if os.name == "posix" and mode & 0o077:
                    # Only others' access goes: a folder made read-only stays read-only.
                    os.chmod(folder, mode & 0o700)
            except OSError:
                if folder == self.log_dir:
                    continue  # no log file is no reason not to start: logs go to stderr
                raise

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def history_db(self) -> Path:
        return self.data_dir / "orders.sqlite3"

    @property
    def usage_db(self) -> Path:
        """The balance history (samples per account) behind charts and forecasts."""
        return self.data_dir / "usage.sqlite3"

    @property
    def accounts_file(self) -> Path:
        """The signed-in accounts (never their tokens), next to the token file."""
        return self.data_dir / "accounts.json"

    @property
    def insecure_tokens_file(self) -> Path:
        return self.data_dir / "tokens-insecure.json"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "ohmygpt-desktop.log"
