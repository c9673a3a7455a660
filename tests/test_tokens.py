"""Token store: keyring off the calling thread, with a timeout; session and file storage."""

from __future__ import annotations

import asyncio
import json
import os
import stat
import threading
import time
import uuid
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from keyring.backend import KeyringBackend

from ohmygpt_desktop.api.models import Secret
from ohmygpt_desktop.core.tokens import (
    KeyringFailure,
    KeyringTimeout,
    KeyringUnavailable,
    TokenStorage,
    TokenStore,
    TokenStoreError,
)
from tests.helpers.keyrings import (
    BlockingKeyring,
    FailKeyring,
    MemoryKeyring,
    RaisingKeyring,
)

TOKEN = Secret("omg-oat-v1-THIS-IS-THE-SECRET-TOKEN-VALUE-123456")
T = TypeVar("T")
HOST = "api.ohmygpt.com"
USER = "user-42"


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


def make_store(tmp_path: Path, backend: KeyringBackend | None, timeout: float = 2.0) -> TokenStore:
    return TokenStore(
        insecure_file=tmp_path / "data" / "tokens.json", timeout=timeout, backend=backend
    )


def assert_no_secret(exc: BaseException) -> None:
    text = f"{exc} {exc!r} {exc.args!r}"
    assert TOKEN.reveal() not in text
    assert "SECRET-TOKEN" not in text
    assert exc.__cause__ is None
    assert exc.__context__ is None or TOKEN.reveal() not in repr(exc.__context__)


# ------------------------------------------------------------------- keyring


def test_keyring_round_trip(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    store = make_store(tmp_path, backend)

    async def scenario() -> None:
        assert await store.secure_backend_available()
        assert await store.save(HOST, USER, TOKEN) is TokenStorage.KEYRING
        assert backend.entries == {(f"ohmygpt-desktop:{HOST}", USER): TOKEN.reveal()}
        loaded = await store.load(HOST, USER, TokenStorage.KEYRING)
        assert loaded == TOKEN
        assert isinstance(loaded, Secret)
        assert await store.load(HOST, "someone-else", TokenStorage.KEYRING) is None
        await store.delete(HOST, USER, TokenStorage.KEYRING)
        assert await store.load(HOST, USER, TokenStorage.KEYRING) is None
        # Deleting a missing entry is not an error.
        await store.delete(HOST, USER, TokenStorage.KEYRING)

    run(scenario())
    # Every keyring call ran on a worker thread, never on the caller's thread.
    assert backend.threads == {"ohmygpt-keyring"}
    assert not (tmp_path / "data" / "tokens.json").exists()


def test_client_secret_uses_its_own_service(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    store = make_store(tmp_path, backend)
    client_secret = Secret("client-secret-value-xyz")

    async def scenario() -> None:
        await store.save_client_secret(HOST, "client-1", client_secret)
        assert backend.entries == {
            (f"ohmygpt-desktop-client:{HOST}", "client-1"): "client-secret-value-xyz"
        }
        assert await store.load_client_secret(HOST, "client-1") == client_secret
        assert await store.load(HOST, "client-1") is None
        await store.delete_client_secret(HOST, "client-1")
        assert await store.load_client_secret(HOST, "client-1") is None

    run(scenario())


def test_backend_resolved_lazily(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring

    backend = MemoryKeyring()
    resolved: list[str] = []

    def fake_get_keyring() -> MemoryKeyring:
        resolved.append(threading.current_thread().name)
        return backend

    monkeypatch.setattr(keyring, "get_keyring", fake_get_keyring)
    store = make_store(tmp_path, None)
    assert resolved == []  # constructing the store does not touch keyring
    run(store.save(HOST, USER, TOKEN))
    run(store.load(HOST, USER))
    assert resolved == ["ohmygpt-keyring"]  # once, and off the caller's thread
    assert backend.entries


def test_unavailable_backend(tmp_path: Path) -> None:
    store = make_store(tmp_path, FailKeyring())

    async def scenario() -> None:
        assert not await store.secure_backend_available()
        with pytest.raises(KeyringUnavailable) as info:
            await store.save(HOST, USER, TOKEN)
        assert_no_secret(info.value)
        with pytest.raises(KeyringUnavailable):
            await store.load(HOST, USER)
        with pytest.raises(KeyringUnavailable):
            await store.delete(HOST, USER)

    run(scenario())


def test_null_backend_is_unavailable_not_silent(tmp_path: Path) -> None:
    from keyring.backends import null

    store = make_store(tmp_path, null.Keyring())
    assert not run(store.secure_backend_available())
    with pytest.raises(KeyringUnavailable):
        run(store.save(HOST, USER, TOKEN))


@pytest.mark.parametrize("echo_password", [False, True])
def test_raising_backend_gives_failure_without_token(tmp_path: Path, echo_password: bool) -> None:
    store = make_store(tmp_path, RaisingKeyring(echo_password=echo_password))

    async def scenario() -> None:
        with pytest.raises(KeyringFailure) as info:
            await store.save(HOST, USER, TOKEN)
        assert_no_secret(info.value)
        assert "PasswordSetError" in str(info.value)
        with pytest.raises(KeyringFailure) as info:
            await store.load(HOST, USER)
        assert_no_secret(info.value)
        with pytest.raises(KeyringFailure):
            await store.delete(HOST, USER)

    run(scenario())


def test_errors_are_translatable_and_their_params_hold_no_token(tmp_path: Path) -> None:
    store = make_store(tmp_path, RaisingKeyring(echo_password=True))
    with pytest.raises(KeyringFailure) as info:
        run(store.save(HOST, USER, TOKEN))
    exc = info.value
    assert (exc.context, exc.template) == ("TokenStore", "The system keyring reported an error.")
    assert exc.detail is not None
    assert exc.detail.startswith("PasswordSetError")  # the backend's words: detail only
    assert TOKEN.reveal() not in f"{exc.params!r} {exc.detail}"

    path = tmp_path / "data" / "tokens.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{broken", encoding="utf-8")
    with pytest.raises(TokenStoreError) as info:
        run(store.load(HOST, USER, TokenStorage.FILE))
    assert info.value.template == "The token file {path} is damaged."
    assert info.value.params == {"path": str(path)}
    assert str(info.value) == f"The token file {path} is damaged."


def test_all_errors_are_token_store_errors() -> None:
    for cls in (KeyringUnavailable, KeyringTimeout, KeyringFailure):
        assert issubclass(cls, TokenStoreError)


@pytest.fixture
def blocking() -> Iterator[BlockingKeyring]:
    backend = BlockingKeyring()
    yield backend
    backend.release()


def test_blocking_backend_times_out_and_loop_stays_responsive(
    tmp_path: Path, blocking: BlockingKeyring
) -> None:
    store = make_store(tmp_path, blocking, timeout=0.2)

    async def scenario() -> tuple[int, float]:
        ticks = 0
        stop = asyncio.Event()

        async def ticker() -> None:
            nonlocal ticks
            while not stop.is_set():
                ticks += 1
                await asyncio.sleep(0.01)

        tick_task = asyncio.create_task(ticker())
        started = time.monotonic()
        with pytest.raises(KeyringTimeout) as info:
            await store.save(HOST, USER, TOKEN)
        elapsed = time.monotonic() - started
        stop.set()
        await tick_task
        assert_no_secret(info.value)
        assert "0.2" in str(info.value)
        return ticks, elapsed

    ticks, elapsed = run(scenario())
    assert blocking.entered.is_set()
    assert elapsed < 1.5
    assert ticks >= 5  # the loop kept running while the keyring hung
    # The hung worker is a daemon thread: it cannot block interpreter exit.
    hung = [t for t in threading.enumerate() if t.name == "ohmygpt-keyring"]
    assert hung
    assert all(t.daemon for t in hung)


def test_secure_backend_available_false_on_timeout(
    tmp_path: Path, blocking: BlockingKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring

    def hanging_get_keyring() -> BlockingKeyring:
        blocking.released.wait()
        return blocking

    monkeypatch.setattr(keyring, "get_keyring", hanging_get_keyring)
    store = make_store(tmp_path, None, timeout=0.1)
    assert run(store.secure_backend_available()) is False


# -------------------------------------------------------------- session/file


def test_session_storage_never_touches_disk(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    store = make_store(tmp_path, backend)

    async def scenario() -> None:
        assert await store.save(HOST, USER, TOKEN, TokenStorage.SESSION) is TokenStorage.SESSION
        assert await store.load(HOST, USER, TokenStorage.SESSION) == TOKEN
        assert await store.load(HOST, USER, TokenStorage.KEYRING) is None
        await store.delete(HOST, USER, TokenStorage.SESSION)
        assert await store.load(HOST, USER, TokenStorage.SESSION) is None

    run(scenario())
    assert list(tmp_path.rglob("*")) == []
    assert backend.entries == {}
    assert [op for op, *_ in backend.calls] == ["get"]


def test_file_storage_mode_and_round_trip(tmp_path: Path) -> None:
    store = make_store(tmp_path, MemoryKeyring())
    path = tmp_path / "data" / "tokens.json"

    async def scenario() -> None:
        assert await store.save(HOST, USER, TOKEN, TokenStorage.FILE) is TokenStorage.FILE
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        data = json.loads(path.read_text())
        assert data["entries"] == {f"ohmygpt-desktop:{HOST}": {USER: TOKEN.reveal()}}
        await store.save(HOST, "user-2", Secret("other-token"), TokenStorage.FILE)
        # A fresh store (next app start) reads it back.
        again = make_store(tmp_path, MemoryKeyring())
        assert await again.load(HOST, USER, TokenStorage.FILE) == TOKEN
        await again.delete(HOST, USER, TokenStorage.FILE)
        assert await again.load(HOST, USER, TokenStorage.FILE) is None
        assert await again.load(HOST, "user-2", TokenStorage.FILE) == Secret("other-token")
        await again.delete(HOST, "user-2", TokenStorage.FILE)
        assert not path.exists()  # nothing left: no file left behind

    run(scenario())
    # Only the one file was ever written (no temp files left).
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == []


def test_file_mode_tightened_when_loose(tmp_path: Path) -> None:
    store = make_store(tmp_path, MemoryKeyring())
    path = tmp_path / "data" / "tokens.json"
    run(store.save(HOST, USER, TOKEN, TokenStorage.FILE))
    os.chmod(path, 0o644)
    assert run(store.load(HOST, USER, TokenStorage.FILE)) == TOKEN
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_moving_to_keyring_removes_plaintext_copy(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    store = make_store(tmp_path, backend)
    path = tmp_path / "data" / "tokens.json"

    async def scenario() -> None:
        await store.save(HOST, USER, TOKEN, TokenStorage.FILE)
        await store.save(HOST, USER, TOKEN, TokenStorage.SESSION)
        assert not path.exists()
        await store.save(HOST, USER, TOKEN, TokenStorage.KEYRING)
        assert await store.load(HOST, USER, TokenStorage.SESSION) is None

    run(scenario())


def test_damaged_file_is_an_error_without_content(tmp_path: Path) -> None:
    path = tmp_path / "data" / "tokens.json"
    path.parent.mkdir()
    path.write_text('{"entries": {"x": "' + TOKEN.reveal() + '"')
    store = make_store(tmp_path, MemoryKeyring())
    with pytest.raises(TokenStoreError) as info:
        run(store.load(HOST, USER, TokenStorage.FILE))
    assert_no_secret(info.value)
    assert "damaged" in str(info.value)


def test_bad_arguments(tmp_path: Path) -> None:
    store = make_store(tmp_path, MemoryKeyring())
    with pytest.raises(TypeError) as type_info:
        run(store.save(HOST, USER, TOKEN.reveal()))  # type: ignore[arg-type]
    assert TOKEN.reveal() not in str(type_info.value)
    with pytest.raises(ValueError, match="empty"):
        run(store.save(HOST, USER, Secret("")))
    with pytest.raises(ValueError, match="host"):
        run(store.save("", USER, TOKEN))
    assert TOKEN.reveal() not in repr(store)


# ------------------------------------------------------------ real keyring


@pytest.mark.keyring
def test_real_secret_service_round_trip(tmp_path: Path) -> None:
    store = TokenStore(insecure_file=tmp_path / "tokens.json", timeout=10.0)
    host = f"test-{uuid.uuid4().hex}.invalid"
    token = Secret(f"omg-oat-v1-{uuid.uuid4().hex}")

    async def scenario() -> None:
        assert await store.secure_backend_available()  # it is there (the marker checked)
        try:
            await store.save(host, USER, token)
            assert await store.load(host, USER) == token
        finally:
            await store.delete(host, USER)
        assert await store.load(host, USER) is None

    run(scenario())
    assert not (tmp_path / "tokens.json").exists()


SECRET_SERVICE = "keyring.backends.SecretService.Keyring"


@pytest.mark.keyring
@pytest.mark.parametrize(
    "remembered",
    [
        "keyring.backends.macOS.Keyring",  # installed, but not viable on this system
        "keyring.backends.Gone.Keyring",  # no longer installed
        "keyring.backends.null.Keyring",  # loads, but stores nothing
        "not a class path",
    ],
)
def test_remembered_backend_that_no_longer_works_falls_back_to_discovery(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, remembered: str
) -> None:
    import keyring

    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)  # as a user's app starts
    memo = tmp_path / "cache" / "keyring-backend"
    memo.parent.mkdir()
    memo.write_text(remembered + "\n", encoding="utf-8")
    host = f"test-{uuid.uuid4().hex}.invalid"
    token = Secret(f"omg-oat-v1-{uuid.uuid4().hex}")
    store = TokenStore(insecure_file=tmp_path / "tokens.json", timeout=10.0, backend_memo=memo)
    try:
        run(store.save(host, USER, token))  # discovery found the Secret Service
        assert memo.read_text(encoding="utf-8").strip() == SECRET_SERVICE  # memo corrected

        def no_discovery() -> None:
            raise AssertionError("the remembered backend should be used, not discovery")

        monkeypatch.setattr(keyring, "get_keyring", no_discovery)
        later = TokenStore(insecure_file=tmp_path / "tokens.json", timeout=10.0, backend_memo=memo)
        assert run(later.load(host, USER)) == token  # next start: straight to that backend
    finally:
        run(store.delete(host, USER))
    assert TOKEN.reveal() not in memo.read_text(encoding="utf-8")
    assert token.reveal() not in memo.read_text(encoding="utf-8")


def test_keyring_environment_setting_wins_over_the_remembered_backend(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring

    backend = MemoryKeyring()
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.helpers.keyrings.MemoryKeyring")
    monkeypatch.setattr(keyring, "get_keyring", lambda: backend)
    memo = tmp_path / "keyring-backend"
    memo.write_text(SECRET_SERVICE, encoding="utf-8")
    store = TokenStore(insecure_file=tmp_path / "tokens.json", backend_memo=memo)
    run(store.save(HOST, USER, TOKEN))
    assert backend.entries  # the configured backend, not the remembered one
    assert memo.read_text(encoding="utf-8") == SECRET_SERVICE  # and the memo is left alone
