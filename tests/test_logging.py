"""The log file: rotating, owner-only, and never holding a secret."""

from __future__ import annotations

import logging
import logging.handlers
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from ohmygpt_desktop.core.logs import redact, register_secret, setup_logging

TOKEN = "omg-oat-v1-AbCdEf0123456789_tokenBODY"
API_KEY = "sk-abcdefghij0123456789"
CLIENT_SECRET = "cs_live_Zz9Yy8Xx7Ww6"
CODE = "AUTHcode7788"
CHECKOUT = "https://checkout.stripe.com/c/pay/cs_test_a1B2c3#fidkdWxOYHwnPyd1blpxYHZxWjA0"
INVOICE = "https://invoice.stripe.com/i/acct_1ABC/test_YWNjdF8x"
SANDBOX_PAY = "http://127.0.0.1:8765/c/pay/cs_sandbox_123"

SECRETS = (
    TOKEN,
    "AbCdEf0123456789",
    API_KEY,
    CLIENT_SECRET,
    CODE,
    "cs_test_a1B2c3",
    "fidkdWxOYHwnPyd1blpxYHZxWjA0",
    "test_YWNjdF8x",
    "cs_sandbox_123",
    "Bearer-Only-Value-123",
)


@pytest.fixture
def restore_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    level = root.level
    handlers = list(root.handlers)
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


@pytest.fixture
def log_file(tmp_path: Path, restore_root_logger: None) -> Path:
    return tmp_path / "logs" / "ohmygpt-desktop.log"


def flush() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


def assert_clean(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} leaked into the log"


def test_setup_logging_writes_a_rotating_owner_only_file(log_file: Path) -> None:
    handler = setup_logging(log_file)
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert handler.maxBytes > 0
    assert handler.backupCount >= 1
    logging.getLogger("ohmygpt_desktop.test").info("hello from the test")
    flush()
    assert "hello from the test" in log_file.read_text(encoding="utf-8")
    if os.name == "posix":
        assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
        assert stat.S_IMODE(log_file.parent.stat().st_mode) == 0o700

    # Rotation: a small limit makes it roll over to .1.
    handler.maxBytes = 2_000
    for index in range(100):
        logging.getLogger("ohmygpt_desktop.test").info("line %d %s", index, "x" * 40)
    flush()
    assert log_file.with_name(log_file.name + ".1").exists()
    assert log_file.stat().st_size <= 2_000


def test_setup_logging_twice_keeps_one_file_handler(log_file: Path) -> None:
    setup_logging(log_file)
    setup_logging(log_file)
    ours = [h for h in logging.getLogger().handlers if getattr(h, "_ohmygpt", False)]
    assert len(ours) == 1


def test_messages_and_args_are_redacted(log_file: Path) -> None:
    setup_logging(log_file)
    register_secret(CLIENT_SECRET)
    log = logging.getLogger("ohmygpt_desktop.test")
    log.info("token in the message: %s", TOKEN)
    log.info(f"token formatted in: {TOKEN}")  # careless code must be safe too
    log.info("api key %s", API_KEY)
    log.info("headers %s", {"Authorization": "Bearer " + TOKEN})
    log.info("header line Authorization: Bearer Bearer-Only-Value-123")
    log.info("form client_secret=%s&grant_type=authorization_code", "other-Secret-999")
    log.info("configured secret is %s", CLIENT_SECRET)
    log.info("redirect to http://127.0.0.1:8765/callback?code=%s&state=xyz", CODE)
    log.info("pay here: %s", CHECKOUT)
    log.info("invoice: %s", INVOICE)
    log.info("sandbox checkout %s", SANDBOX_PAY)
    flush()
    text = log_file.read_text(encoding="utf-8")
    assert_clean(text)
    assert "other-Secret-999" not in text
    assert "omg-oat-v1-[REDACTED]" in text
    assert "code=[REDACTED]" in text
    assert "state=xyz" in text  # only secrets go, the rest stays readable
    assert "[checkout link]" in text
    assert "[invoice link]" in text
    assert "[payment link]" in text


def test_exception_tracebacks_are_redacted(log_file: Path) -> None:
    setup_logging(log_file)
    log = logging.getLogger("ohmygpt_desktop.test")
    try:
        raise RuntimeError(f"request failed: Authorization: Bearer {TOKEN} url={CHECKOUT}")
    except RuntimeError:
        log.exception("call failed for code=%s", CODE)
    try:
        secret_in_local = TOKEN  # noqa: F841 - tracebacks show source lines, not locals
        raise ValueError("bad " + TOKEN)
    except ValueError as exc:
        log.error("with exc_info", exc_info=exc)
    log.warning("stack", stack_info=True, extra={"token": TOKEN})
    flush()
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError" in text
    assert "ValueError" in text
    assert_clean(text)


def test_debug_raises_the_level(log_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    setup_logging(log_file)
    log = logging.getLogger("ohmygpt_desktop.test")
    assert logging.getLogger().level == logging.INFO
    log.debug("quiet detail")
    flush()
    assert "quiet detail" not in log_file.read_text(encoding="utf-8")

    setup_logging(log_file, debug=True)
    assert logging.getLogger().level == logging.DEBUG
    log.debug("loud detail with %s", TOKEN)
    flush()
    text = log_file.read_text(encoding="utf-8")
    assert "loud detail" in text
    assert_clean(text)
    # Debug mode also logs to stderr, redacted as well.
    err = capsys.readouterr().err
    assert_clean(err)


def test_redact_leaves_plain_text_alone() -> None:
    plain = "Balance 12.50 USD for user 888 at https://api.ohmygpt.com/api/v1/user/balance"
    assert redact(plain) == plain


def test_redact_is_idempotent() -> None:
    once = redact(f"x {TOKEN} y")
    assert redact(once) == once
