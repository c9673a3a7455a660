"""The services behind the Settings dialog, without the dialog: the API line test
(core.clients) and the OAuth client secret in the keyring (core.client_secret)."""

from __future__ import annotations

import asyncio
import logging
import uuid
from pathlib import Path
from typing import Any

import pytest

from ohmygpt_desktop.api import Secret
from ohmygpt_desktop.api.client import USER_AGENT
from ohmygpt_desktop.core.client_secret import ClientSecrets, SecretUpdate
from ohmygpt_desktop.core.clients import measure_lines
from ohmygpt_desktop.core.logs import redact
from ohmygpt_desktop.core.tokens import TokenStore
from ohmygpt_desktop.sandbox import SandboxServer
from tests.helpers.signin import free_port

# ------------------------------------------------------------------- line test


def test_line_test_measures_each_line(run: Any, sandbox: SandboxServer) -> None:
    """The sandbox answers in some milliseconds; a closed port is unreachable; each
    result is heard as it arrives."""
    dead = f"http://127.0.0.1:{free_port()}"
    heard: list[tuple[str, float | None]] = []
    results = run(
        measure_lines(
            [sandbox.base_url, dead],
            proxy_mode="none",
            proxy_url="",
            limit_s=2.0,
            on_result=lambda url, ms: heard.append((url, ms)),
        )
    )
    fast = results[sandbox.base_url]
    assert fast is not None
    assert 0 < fast < 2000
    assert results[dead] is None
    assert sorted(heard, key=lambda item: item[0]) == sorted(
        results.items(), key=lambda item: item[0]
    )


class RecordingProxy:
    """An HTTP proxy on loopback that records each request head and answers 204."""

    def __init__(self) -> None:
        self.heads: list[list[str]] = []
        self.server: asyncio.Server | None = None

    async def __aenter__(self) -> str:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        port = self.server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    async def __aexit__(self, *exc_info: object) -> None:
        assert self.server is not None
        self.server.close()
        await self.server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        self.heads.append(head.decode("latin-1").split("\r\n"))
        writer.write(b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")
        await writer.drain()
        writer.close()
        await writer.wait_closed()


def test_line_test_goes_through_the_proxy_settings(run: Any, sandbox: SandboxServer) -> None:
    """The line test uses the client's proxy handling: a custom proxy receives the
    request (a HEAD of the line, said to come from the app), and a dead one makes
    even the running sandbox unreachable."""
    line = "http://line.invalid"
    proxy = RecordingProxy()

    async def through_proxy() -> dict[str, float | None]:
        async with proxy as address:
            return await measure_lines([line], proxy_mode="custom", proxy_url=address, limit_s=2.0)

    assert run(through_proxy())[line] is not None
    ((request_line, *headers),) = proxy.heads
    assert request_line == "HEAD http://line.invalid/ HTTP/1.1"
    assert f"User-Agent: {USER_AGENT}".lower() in {h.lower() for h in headers}

    dead_proxy = f"http://127.0.0.1:{free_port()}"
    results = run(
        measure_lines([sandbox.base_url], proxy_mode="custom", proxy_url=dead_proxy, limit_s=2.0)
    )
    assert results == {sandbox.base_url: None}


# --------------------------------------------------------------- client secret


@pytest.mark.keyring
def test_client_secret_in_the_real_keyring(
    run: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Store, say it is stored, carry it to another API line, forget it: in the real
    Secret Service keyring, never in a file, and never in a log line."""
    tokens = TokenStore(insecure_file=tmp_path / "tokens.json", timeout=10.0)
    assert run(tokens.secure_backend_available())  # it is there (the marker checked)
    secrets = ClientSecrets(tokens)
    host = f"test-{uuid.uuid4().hex}.invalid"
    other = f"test-{uuid.uuid4().hex}.invalid"
    typed = Secret(f"cs-{uuid.uuid4().hex}")

    async def scenario() -> None:
        assert not await secrets.stored(host, "my-app")
        # A new secret typed for a client id entered in the same dialog.
        first = SecretUpdate(host=host, client_id="", new_host=host, new_client_id="my-app")
        assert not first.needed
        first = SecretUpdate(
            host=host, client_id="", new_host=host, new_client_id="my-app", secret=typed
        )
        assert await secrets.apply(first)
        assert await secrets.stored(host, "my-app")
        assert await secrets.load(host, "my-app") == typed
        # Another API line, the same app: the secret goes with it.
        move = SecretUpdate(host=host, client_id="my-app", new_host=other, new_client_id="my-app")
        assert move.needed
        assert await secrets.apply(move)
        assert await secrets.load(other, "my-app") == typed
        # Forgotten.
        forget = SecretUpdate(
            host=other, client_id="my-app", new_host=other, new_client_id="my-app", forget=True
        )
        assert await secrets.apply(forget)
        assert not await secrets.stored(other, "my-app")

    try:
        with caplog.at_level(logging.DEBUG):
            run(scenario())
    finally:
        for where in (host, other):
            run(tokens.delete_client_secret(where, "my-app"))
    assert not (tmp_path / "tokens.json").exists()
    assert typed.reveal() not in caplog.text
    assert typed.reveal() not in redact(f"sent {typed.reveal()}")  # registered for redaction
