"""Logging: a rotating file in the platform log dir, with secrets redacted.

The redaction filter runs on every record of every handler: tokens
(``omg-oat-v1-…``), API keys, ``Authorization`` headers, ``client_secret=…``
values, authorization codes in URLs and payment links never reach a log line,
whoever logged them.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import re
import sys
from pathlib import Path

from ohmygpt_desktop import APP_NAME

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"omg-oat-v1-(?!\[REDACTED\])[A-Za-z0-9._~+/=-]*"), "omg-oat-v1-[REDACTED]"),
    (re.compile(r"\bsk-[A-Za-z0-9_-]{8,}"), "sk-[REDACTED]"),
    (
        re.compile(r"(?i)(authorization['\"]?\s*[:=]\s*['\"]?)(bearer\s+)?[^\s'\",;)]+"),
        r"\1[REDACTED]",
    ),
    (re.compile(r"(?i)\bbearer\s+[A-Za-z0-9._~+/=-]+"), "Bearer [REDACTED]"),
    (
        re.compile(
            r"(?i)(\b(?:client_secret|secret|token|code|password)['\"]?\s*[=:]\s*['\"]?)[^\s&'\",;}]+"
        ),
        r"\1[REDACTED]",
    ),
    (re.compile(r"(?i)https?://checkout\.stripe\.com/\S*"), "[checkout link]"),
    (re.compile(r"(?i)https?://invoice\.stripe\.com/\S*"), "[invoice link]"),
    (re.compile(r"(?i)https?://[^\s/]+/(?:c/pay|i/acct_[^/\s]+)/\S*"), "[payment link]"),
]

_extra_secrets: set[str] = set()


def register_secret(value: str) -> None:
    """Also redact this exact value (e.g. the configured client secret)."""
    if value and len(value) >= 6:
        _extra_secrets.add(value)


def redact(text: str) -> str:
    for secret in _extra_secrets:
        if secret in text:
            text = text.replace(secret, "[REDACTED]")
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Formats the record's message, redacts it, and freezes the result."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            message = f"{record.msg!r} {record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def setup_logging(log_file: Path | None, *, debug: bool = False) -> logging.Handler | None:
    """Configure the root logger: rotating file (and stderr in debug mode).

    A log file that cannot be written is no reason to stop: one line on stderr
    says so and the log goes to stderr instead. Returns the file handler, if any.
    """
    root = logging.getLogger()
    level = logging.DEBUG if debug else logging.INFO
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_ohmygpt", False):
            root.removeHandler(handler)
            handler.close()
    redactor = RedactingFilter()
    formatter = logging.Formatter(LOG_FORMAT)
    file_handler: logging.Handler | None = None
    to_stderr = debug
    if log_file is not None:
        try:
            log_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            file_handler = logging.handlers.RotatingFileHandler(
                log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
            )
        except OSError as exc:
            print(
                f"{APP_NAME}: cannot write the log file {log_file} ({exc.strerror or exc}); "
                "logging to stderr instead.",
                file=sys.stderr,
                flush=True,
            )
            to_stderr = True
        else:
            file_handler.setFormatter(formatter)
            file_handler.addFilter(redactor)
            file_handler._ohmygpt = True  # type: ignore[attr-defined]
            root.addHandler(file_handler)
            with contextlib.suppress(OSError):
                log_file.chmod(0o600)
    if to_stderr:
        stream = logging.StreamHandler()
        stream.setFormatter(formatter)
        stream.addFilter(redactor)
        stream._ohmygpt = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    for noisy in ("httpx", "httpcore", "uvicorn.access", "asyncio", "keyring"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return file_handler
