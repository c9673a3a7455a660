"""``.ci/installed_check.py``: the check CI runs on the installed ``.deb``, run here on
the app from the source tree (``--app``), so its steps are proven without a package.

It starts the standalone sandbox and the token-exchange service as processes of their
own, provisions the app through ``XDG_CONFIG_DIRS`` (never the real ``/etc``), checks
``--show-config`` and signs in with ``--smoke-test --configured``, with a client secret
and through the exchange service.
"""

from __future__ import annotations

import os
import re
import shlex
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from ohmygpt_desktop.sandbox import DEFAULT_APP
from tests.helpers.ci import CI, load_ci_script

SOURCE_APP = shlex.join([sys.executable, "-m", "ohmygpt_desktop"])
SYSTEM_FILE = Path("/etc/xdg/ohmygpt-desktop/provisioning.json")


def run_check(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("CI", None)  # as root under CI the script would also use /etc/xdg
    return subprocess.run(
        [sys.executable, str(CI / "installed_check.py"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def served_urls(output: str) -> list[str]:
    return re.findall(r"on (http://127\.0\.0\.1:\d+)", output)


def refuses_connections(url: str) -> bool:
    host, port = url.removeprefix("http://").split(":")
    try:
        socket.create_connection((host, int(port)), timeout=5).close()
    except ConnectionRefusedError:
        return True
    return False


@pytest.mark.slow
def test_the_source_app_passes_every_step_of_the_installed_check() -> None:
    system_file_before = SYSTEM_FILE.exists()
    result = run_check("--app", SOURCE_APP)
    out = result.stdout + result.stderr
    assert result.returncode == 0, out
    steps = re.findall(r"^installed check: (.+): ok in \d+\.\d\d s$", result.stdout, re.M)
    assert [re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:PORT", step) for step in steps] == [
        "start the sandbox on http://127.0.0.1:PORT",
        "start the token-exchange service on http://127.0.0.1:PORT",
        "write the provisioning files",
        "--show-config, provisioned with a client secret",
        "sign in and create an order, provisioned with a client secret (as alice@example.com)",
        "--show-config, provisioned with a token-exchange service",
        "sign in and create an order, provisioned with a token-exchange service"
        " (as alice@example.com)",
        "stop the servers",
    ], out
    assert "installed check: passed" in result.stdout
    assert DEFAULT_APP.client_secret not in out
    assert SYSTEM_FILE.exists() == system_file_before  # the real /etc is left alone
    assert all(refuses_connections(url) for url in served_urls(result.stdout))


@pytest.mark.slow
def test_a_failing_step_is_named_and_both_servers_are_stopped(tmp_path: Path) -> None:
    broken = tmp_path / "broken-app"
    broken.write_text("#!/bin/sh\necho 'cannot start' >&2\nexit 3\n")
    broken.chmod(0o755)
    result = run_check("--app", str(broken))
    assert result.returncode == 1
    assert (
        'installed check: FAILED at "--show-config, provisioned with a client secret"'
        in result.stderr
    )
    assert "exit status 3" in result.stderr
    assert "cannot start" in result.stderr  # what the app said, for the CI log
    assert "Traceback" not in result.stderr
    assert "installed check: stop the servers: ok" in result.stdout
    urls = served_urls(result.stdout)
    assert len(urls) == 2
    assert all(refuses_connections(url) for url in urls)


def test_the_system_folder_is_used_only_as_root_under_ci_or_when_asked() -> None:
    check = load_ci_script("installed_check")
    assert not check.use_system_folder(asked=False, env={}, euid=0)
    assert check.use_system_folder(asked=False, env={"CI": "true"}, euid=0)
    assert check.use_system_folder(asked=True, env={}, euid=0)
    assert not check.use_system_folder(asked=False, env={"CI": "true"}, euid=1000)
    with pytest.raises(SystemExit, match="root"):
        check.use_system_folder(asked=True, env={}, euid=1000)
