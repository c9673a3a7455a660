"""What the token-exchange service is told: its OAuth app, where its secret is, its limits."""

from __future__ import annotations

import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ohmygpt_desktop.api.endpoints import DEFAULT_ENDPOINTS, Endpoints
from ohmygpt_desktop.api.models import Secret
from ohmygpt_desktop.serving import is_loopback

log = logging.getLogger(__name__)

#: A secret file larger than this is not a client secret.
MAX_SECRET_FILE_BYTES = 4096


class SecretSource:
    """Where the OAuth client secret comes from: a value (from the environment) or a file.

    A file is read again whenever it changes (a rotated secret, a secret mount updated
    in place), so rotating the secret needs no restart. :meth:`current` is ``None``
    while the file is missing, unreadable, empty or too large.
    """

    def __init__(self, *, value: Secret | None = None, path: Path | None = None) -> None:
        if (value is None) == (path is None):
            raise ValueError("give exactly one of value and path")
        self._value = value
        self.path = path
        self._seen: tuple[int, int, int] | None = None
        self._from_file: Secret | None = None

    @classmethod
    def from_value(cls, value: str | Secret) -> SecretSource:
        return cls(value=Secret(value))

    @classmethod
    def from_file(cls, path: Path) -> SecretSource:
        return cls(path=Path(path))

    def current(self) -> Secret | None:
        if self.path is None:
            return self._value or None
        try:
            info = self.path.stat()
        except OSError as exc:
            self._forget(f"cannot be read ({exc.strerror or type(exc).__name__})")
            return None
        seen = (info.st_ino, info.st_mtime_ns, info.st_size)
        if seen != self._seen:
            self._seen = seen
            self._from_file = self._read(info)
        return self._from_file

    def _forget(self, why: str) -> None:
        if self._seen is not None or self._from_file is not None:
            log.warning("The client secret file %s %s.", self.path, why)
        self._seen = None
        self._from_file = None

    def _read(self, info: os.stat_result) -> Secret | None:
        assert self.path is not None
        if info.st_size > MAX_SECRET_FILE_BYTES:
            log.warning(
                "The client secret file %s is larger than %d bytes: not a client secret.",
                self.path,
                MAX_SECRET_FILE_BYTES,
            )
            return None
        try:
            text = self.path.read_bytes().decode("utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            log.warning(
                "The client secret file %s cannot be read (%s).", self.path, type(exc).__name__
            )
            return None
        if not text:
            log.warning("The client secret file %s is empty.", self.path)
            return None
        if os.name == "posix" and info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            log.warning(
                "The client secret file %s can be read by other users (mode %03o); "
                "make it readable by the service's user only (chmod 600).",
                self.path,
                stat.S_IMODE(info.st_mode),
            )
        log.info("Read the client secret from %s.", self.path)
        return Secret(text)

    def describe(self) -> str:
        """Where the secret comes from, for messages (never the secret)."""
        return f"the file {self.path}" if self.path is not None else "the environment"


@dataclass(frozen=True)
class ExchangeConfig:
    """The service's settings. ``api_base_url`` must be https (http only on loopback)."""

    client_id: str
    client_secret: SecretSource
    api_base_url: str
    endpoints: Endpoints = DEFAULT_ENDPOINTS
    #: Requests to the token endpoint per client address and minute (token bucket;
    #: also the burst size).
    rate_per_minute: float = 10
    #: Largest request body accepted, in bytes.
    max_body_bytes: int = 4096
    #: Seconds one issue-token call may take, connect retries included.
    upstream_deadline: float = 15.0
    #: Proxy for calls to OhMyGPT: ``None`` honours HTTP(S)_PROXY, ``""`` none.
    upstream_proxy: str | None = None
    upstream_connect_retries: int = 2
    upstream_retry_backoff: float = 0.5
    #: Addresses whose buckets are kept at most; the longest idle are forgotten first.
    max_tracked_clients: int = 100_000

    def __post_init__(self) -> None:
        if not self.client_id or self.client_id != self.client_id.strip():
            raise ValueError("the client id must be given, without spaces around it")
        object.__setattr__(self, "api_base_url", check_api_base_url(self.api_base_url))
        if not self.rate_per_minute > 0:
            raise ValueError("the rate limit must be more than 0 requests a minute")
        if self.max_body_bytes < 256:
            raise ValueError("the body limit must be at least 256 bytes")
        if not self.upstream_deadline > 0:
            raise ValueError("the upstream timeout must be more than 0 seconds")


def check_api_base_url(url: str) -> str:
    """``url`` without a trailing slash, or ValueError saying what is wrong with it."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise ValueError(f"the API base URL {url!r} is not a valid URL") from None
    scheme = parts.scheme.lower()
    if scheme not in ("https", "http") or not parts.hostname:
        raise ValueError(f"the API base URL must start with https:// (got {url!r})")
    if scheme == "http" and not is_loopback(parts.hostname):
        raise ValueError(
            f"the API base URL must use https:// (plain http:// only on this computer), got {url!r}"
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ValueError(f"the API base URL must be a plain base address, got {url!r}")
    return url.strip().rstrip("/")
