"""Provisioning: an organisation sets the app up with a ``provisioning.json``, its people
just sign in (against the sandbox, run as the organisation's "real" service).

Covers the layers and where each value comes from (``--show-config``), locked keys in
the Settings dialog, a provisioned client secret that is never stored, sign-in through
a token-exchange service instead, the support contact, the permission level known
before recharging, and ``--smoke-test --configured``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from ohmygpt_desktop.api.endpoints import DEFAULT_ENDPOINTS
from ohmygpt_desktop.app import AppContext, StartupFailure, _run, parse_args
from ohmygpt_desktop.core.permissions import FILE_NAME as PERMISSIONS_FILE
from ohmygpt_desktop.core.provisioning import ProvisioningError, load_provisioning
from ohmygpt_desktop.core.settings import Origin, Settings
from ohmygpt_desktop.resources import resources_dir
from ohmygpt_desktop.sandbox import COMMUNITY_APP, DEFAULT_APP, SandboxServer
from ohmygpt_desktop.ui.about_dialog import AboutDialog
from ohmygpt_desktop.ui.crash_dialog import CrashDialog, CrashReport
from ohmygpt_desktop.ui.errors import describe
from ohmygpt_desktop.ui.login_panel import LoginPanel
from ohmygpt_desktop.ui.main_window import MainWindow
from ohmygpt_desktop.ui.settings_dialog import SettingsDialog
from ohmygpt_desktop.ui.startup_failure import startup_failure_box
from tests.helpers.browser import FakeBrowser
from tests.helpers.ci import load_ci_script
from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.recharging import (
    Widgets,
    click,
    open_recharge,
    type_amount,
    wait_idle,
    widget_scope,
)
from tests.helpers.sandbox_browser import authorize_code
from tests.helpers.signed_in import sign_in as sign_in_without_ui
from tests.helpers.signin import approve_in_browser, paste, show, sign_in, until_idle
from tests.test_exchange import TOKEN_PATH, StartExchange, start_exchange  # noqa: F401
from tests.test_smoke import run_app

MakeCtx = Callable[..., AppContext]
ORG = "Acme IT"
SUPPORT = "help@acme.example"


@pytest.fixture
def widgets() -> Iterator[Widgets]:
    with widget_scope() as scope:
        yield scope


@pytest.fixture
def no_system(tmp_path: Path) -> dict[str, str]:
    """An environment whose system provisioning folder is empty (never the real /etc)."""
    return {"XDG_CONFIG_DIRS": str(tmp_path / "no-system-config")}


def write_json(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def service(sandbox: SandboxServer, app: Any = DEFAULT_APP, **more: Any) -> dict[str, Any]:
    """A provisioning that points at the sandbox as the organisation's service."""
    return {
        "api_base_url": sandbox.base_url,
        "auth_base_url": sandbox.base_url,
        "client_id": app.client_id,
        "scope": app.scope,
        "organization": ORG,
        "support": SUPPORT,
        **more,
    }


def provisioned_ctx(
    make_ctx: MakeCtx, tmp_path: Path, no_system: dict[str, str], data: dict[str, Any], **kw: Any
) -> AppContext:
    """A context of a real-service profile on a provisioning file (OHMYGPT_PROVISIONING)."""
    path = write_json(tmp_path / "org" / "provisioning.json", data)
    env = {**no_system, "OHMYGPT_PROVISIONING": str(path), **kw.pop("env", {})}
    return make_ctx(sandbox=None, env=env, **kw)


# ------------------------------------------------------------------ layers and origins


def test_layers_apply_lowest_first_and_each_value_says_where_it_came_from(
    tmp_path: Path,
) -> None:
    bundle = write_json(
        tmp_path / "bundle" / "provisioning.json",
        {"client_id": "bundle-app", "scope": "general_api_access", "theme": "dark"},
    )
    first, second = tmp_path / "etc-first", tmp_path / "etc-second"
    # $XDG_CONFIG_DIRS lists the most important folder first.
    write_json(second / "ohmygpt-desktop" / "provisioning.json", {"theme": "light", "scope": "x"})
    system = write_json(first / "ohmygpt-desktop" / "provisioning.json", {"scope": "from_system"})
    named = write_json(tmp_path / "org.json", {"organization": ORG, "language": "ja"})
    env = {
        "XDG_CONFIG_DIRS": f"{first}{os.pathsep}{second}",
        "OHMYGPT_PROVISIONING": str(named),
        "OHMYGPT_THEME": "system",
    }
    provisioning = load_provisioning(env, bundle=bundle)
    settings_file = write_json(tmp_path / "home" / "settings.json", {"language": "zh_CN"})
    settings = Settings.load(
        settings_file, env=env, overrides={"client_id": "flag-app"}, provisioning=provisioning
    )

    assert settings.client_id == "flag-app"
    assert settings.origin("client_id") == Origin("flag")
    assert settings.scope == "from_system"
    assert settings.origin("scope") == Origin("system", str(system))
    assert settings.theme == "system"
    assert settings.origin("theme") == Origin("environment", "OHMYGPT_THEME")
    assert settings.language == "zh_CN"
    assert settings.origin("language") == Origin("settings file", str(settings_file))
    assert settings.organization == ORG
    assert settings.origin("organization") == Origin("OHMYGPT_PROVISIONING", str(named))
    assert settings.origin("refresh_interval_s") == Origin("default")
    assert [(origin.kind, found) for origin, found in provisioning.searched] == [
        ("bundle", True),
        ("system", True),
        ("system", True),
        ("OHMYGPT_PROVISIONING", True),
    ]
    # Without the provisioning the same files give the defaults.
    assert Settings.load(settings_file, env={}).scope == "general_api_access"


def test_locked_keys_ignore_the_settings_file_the_environment_and_flags(tmp_path: Path) -> None:
    named = write_json(
        tmp_path / "org.json",
        {"api_base_url": "https://api.acme.example", "locked": ["api_base_url", "theme"]},
    )
    env = {"OHMYGPT_PROVISIONING": str(named), "XDG_CONFIG_DIRS": str(tmp_path / "none")}
    env["OHMYGPT_API_BASE_URL"] = "ftp://not-even-valid"  # ignored, so not even checked
    settings_file = write_json(tmp_path / "settings.json", {"theme": "dark"})
    settings = Settings.load(
        settings_file,
        env=env,
        overrides={"api_base_url": "https://elsewhere.example"},
        provisioning=load_provisioning(env),
    )
    assert settings.api_base_url == "https://api.acme.example"
    assert settings.origin("api_base_url") == Origin("OHMYGPT_PROVISIONING", str(named))
    assert settings.theme == "system"  # locked, not provisioned: the default
    assert settings.locked("theme")
    assert settings.overridden("theme")
    assert not settings.locked("language")
    settings.set("theme", "light")
    assert settings.theme == "system"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ({"client_id": "a", "colour": "red"}, "'colour' is not a setting a provisioning file"),
        ({"api_base_url": "http://api.acme.example"}, "api_base_url: The API base URL must use"),
        ({"client_id": 7}, "client_id: 'client_id' must be text."),
        ({"support": "call us"}, "support: The support contact must be an e-mail address"),
        ({"permission_level": "admin"}, "permission_level: The permission level must be one of"),
        ({"locked": ["client_id", "nope"]}, "locked names 'nope', which is not a setting."),
        ({"client_secret": "abc def", "client_id": "a"}, "client_secret must be text without"),
        ({"client_secret": "s3cret"}, "client_secret needs a client_id as well."),
        (
            {"client_id": "a", "client_secret": "s", "token_exchange_url": "https://x.example/t"},
            "give client_secret or token_exchange_url, not both.",
        ),
        ("{not json", "it is not valid JSON (line 1, column 2)."),
        ([1, 2], "it does not hold a JSON object of settings."),
    ],
)
def test_a_bad_provisioning_file_is_refused_naming_the_file_and_the_problem(
    tmp_path: Path, content: Any, problem: str
) -> None:
    path = tmp_path / "provisioning.json"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        write_json(path, content)
    env = {"OHMYGPT_PROVISIONING": str(path), "XDG_CONFIG_DIRS": str(tmp_path / "none")}
    with pytest.raises(ProvisioningError) as refused:
        load_provisioning(env)
    assert str(refused.value).startswith(f"The provisioning file {path} cannot be used: ")
    assert problem in str(refused.value)
    assert "s3cret" not in str(refused.value)
    assert "abc def" not in str(refused.value)


def test_a_named_provisioning_file_that_is_missing_is_an_error(tmp_path: Path) -> None:
    env = {"OHMYGPT_PROVISIONING": str(tmp_path / "gone.json")}
    with pytest.raises(ProvisioningError, match=r"gone\.json cannot be used: it does not exist"):
        load_provisioning({**env, "XDG_CONFIG_DIRS": str(tmp_path / "none")})


def test_show_config_prints_every_value_and_its_origin_never_the_secret(
    tmp_path: Path, sandbox: SandboxServer
) -> None:
    system = write_json(
        tmp_path / "etc" / "ohmygpt-desktop" / "provisioning.json",
        {**service(sandbox), "locked": ["api_base_url", "client_secret"]},
    )
    named = write_json(tmp_path / "org.json", {"client_secret": DEFAULT_APP.client_secret})
    home = tmp_path / "home"
    write_json(home / "config" / "settings.json", {"theme": "dark"})
    script = (
        "import sys; from ohmygpt_desktop.app import main; code = main(sys.argv[1:]); "
        "print('qt imported' if 'PySide6' in sys.modules else 'no qt'); sys.exit(code)"
    )
    env = dict(
        os.environ,
        XDG_CONFIG_DIRS=str(tmp_path / "etc"),
        OHMYGPT_PROVISIONING=str(named),
        OHMYGPT_LANGUAGE="ja",
        OHMYGPT_API_BASE_URL="https://ignored.example",
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "--show-config", "--home", str(home), "--client-id", "x1"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    rows = {line.split()[0]: line for line in out.splitlines() if line[:1].isalpha()}
    assert f"system: {system} (read)" in out
    assert f"OHMYGPT_PROVISIONING: {named} (read)" in out
    assert rows["api_base_url"].split()[1] == sandbox.base_url
    assert rows["api_base_url"].endswith(f"system ({system}), locked")
    assert rows["client_secret"].split()[1:3] == ["set", "(hidden)"]
    assert rows["client_secret"].endswith(f"OHMYGPT_PROVISIONING ({named}), locked")
    assert rows["organization"].endswith(f"system ({system})")
    assert rows["client_id"].split()[1:] == ["x1", "flag"]
    assert rows["language"].split()[1:] == ["ja", "environment", "(OHMYGPT_LANGUAGE)"]
    assert rows["theme"].split()[1:3] == ["dark", "settings"]
    assert rows["refresh_interval_s"].split()[1:] == ["300", "default"]
    assert DEFAULT_APP.client_secret not in out + result.stderr
    assert out.rstrip().endswith("no qt")
    assert not (home / "data").exists()  # it only reads


def test_an_invalid_provisioning_file_stops_the_app_with_exit_2_and_the_same_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    bad = write_json(tmp_path / "org.json", {"client_id": "a", "colour": "red"})
    shown = run_app(
        "--show-config",
        home=tmp_path / "home",
        env={"OHMYGPT_PROVISIONING": str(bad), "XDG_CONFIG_DIRS": str(tmp_path / "none")},
    )
    assert shown.returncode == 2
    assert f"The provisioning file {bad} cannot be used: 'colour' is not a setting" in shown.stderr
    assert "Traceback" not in shown.stderr
    started = run_app(
        "--debug",
        home=tmp_path / "home",
        env={"OHMYGPT_PROVISIONING": str(bad), "XDG_CONFIG_DIRS": str(tmp_path / "none")},
    )
    assert started.returncode == 2
    assert f"could not start: The provisioning file {bad} cannot be used" in started.stderr
    assert "Traceback" not in started.stderr

    # The window-less start-up failure path gets the same reason for its dialog.
    monkeypatch.setenv("OHMYGPT_PROVISIONING", str(bad))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "none"))
    options = parse_args(["--home", str(tmp_path / "home")])
    with pytest.raises(StartupFailure) as failure:
        _run(options, [])
    assert failure.value.exit_code == 2
    box = startup_failure_box(describe(failure.value.reason))
    qtbot.addWidget(box)
    assert f"The provisioning file {bad} cannot be used: 'colour' is not a setting" in box.text()


def test_a_file_baked_into_the_bundle_is_the_lowest_layer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What `dev.py build --provisioning FILE` does, short of running PyInstaller."""
    baking = load_ci_script("bundle_provisioning")
    source = write_json(tmp_path / "acme.json", {"client_id": "acme-app", "scope": "s1"})
    staged = baking.stage(source, tmp_path / "build")
    ((data_file, folder),) = baking.datas({baking.ENV: str(staged)})
    assert baking.datas({}) == []
    # PyInstaller copies a datas entry, under its own name, to that folder of the bundle.
    bundle = tmp_path / "dist" / "ohmygpt-desktop" / "_internal"
    (bundle / folder).mkdir(parents=True)
    (bundle / folder / Path(data_file).name).write_bytes(Path(data_file).read_bytes())
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    resources_dir.cache_clear()
    try:
        system = write_json(
            tmp_path / "etc" / "ohmygpt-desktop" / "provisioning.json", {"scope": "s2"}
        )
        provisioning = load_provisioning({"XDG_CONFIG_DIRS": str(tmp_path / "etc")})
    finally:
        monkeypatch.undo()
        resources_dir.cache_clear()
    baked = bundle / "resources" / "provisioning.json"
    assert provisioning.values["client_id"] == ("acme-app", Origin("bundle", str(baked)))
    assert provisioning.values["scope"] == ("s2", Origin("system", str(system)))


# ------------------------------------------------------------------ the app, provisioned


def test_a_provisioned_app_starts_on_sign_in_and_never_stores_the_secret(
    qtbot: Any,
    run: Any,
    make_ctx: MakeCtx,
    tmp_path: Path,
    no_system: dict[str, str],
    sandbox: SandboxServer,
    browser: FakeBrowser,
    keyring_backend: MemoryKeyring,
) -> None:
    secret = DEFAULT_APP.client_secret
    ctx = provisioned_ctx(
        make_ctx, tmp_path, no_system, service(sandbox, client_secret=secret, theme="dark")
    )
    window = MainWindow(ctx)
    show(qtbot, run, window)
    panel = window.login_panel
    assert window.pages.currentWidget() is panel
    assert not panel.signin_page.isHidden()
    assert panel.first_run.isHidden()
    assert not ctx.demo_mode

    key = sign_in(qtbot, run, panel, browser, "1024")
    run(until_idle(lambda: window.pages.currentWidget() is window.account_page))
    assert key == f"1024@{sandbox.base_url.removeprefix('http://')}"
    assert sandbox.state.request_counts["issue_token"] == 1
    assert ctx.settings.origin("client_id").kind == "OHMYGPT_PROVISIONING"

    # The secret is in no file and no keyring entry (the token is, in the keyring).
    folders = (ctx.paths.data_dir, ctx.paths.config_dir)
    stored = [p.read_bytes() for folder in folders for p in folder.rglob("*") if p.is_file()]
    assert ctx.paths.accounts_file.exists()
    ctx.settings.set("language", "ja")
    ctx.settings.save()  # a save writes only the person's own settings
    saved = json.loads(ctx.settings.path.read_text(encoding="utf-8"))
    assert saved == {"language": "ja"}
    assert all(secret.encode() not in data for data in stored)
    assert keyring_backend.entries
    assert secret not in keyring_backend.entries.values()
    assert not [
        s for (s, _user) in keyring_backend.entries if s.startswith("ohmygpt-desktop-client")
    ]


def test_token_exchange_url_signs_in_with_no_secret_anywhere(
    qtbot: Any,
    run: Any,
    make_ctx: MakeCtx,
    tmp_path: Path,
    no_system: dict[str, str],
    sandbox: SandboxServer,
    browser: FakeBrowser,
    keyring_backend: MemoryKeyring,
    start_exchange: StartExchange,  # noqa: F811
) -> None:
    exchange = start_exchange()
    data = service(sandbox, token_exchange_url=exchange.base_url + TOKEN_PATH)
    # Were the app to call issue-token itself, it would call a path that does not exist.
    data["endpoints"] = {"issue_token": "/the-app-must-not-call-issue-token"}
    ctx = provisioned_ctx(make_ctx, tmp_path, no_system, data)
    panel = LoginPanel(ctx)
    show(qtbot, run, panel)
    assert not panel.signin_page.isHidden()
    assert panel.first_run.isHidden()

    keys: list[str] = []
    panel.signedIn.connect(keys.append)
    click(qtbot, panel.sign_in_button)
    code, _ = approve_in_browser(browser, "2048")
    paste(qtbot, panel, code)
    run(until_idle(lambda: keys or panel.error_label.isVisible(), message="no sign-in"))
    assert keys, panel.error_label.text()
    assert ctx.accounts.current().email == "carol@example.com"
    # The exchange service, not the app, called issue-token (with its secret).
    assert sandbox.state.request_counts["issue_token"] == 1
    assert run(ctx.client_secret()) is None
    assert not [s for (s, _u) in keyring_backend.entries if s.startswith("ohmygpt-desktop-client")]

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert "token-exchange service" in dialog.secret_hint.text()


def test_a_secret_is_still_needed_without_an_exchange_service(
    qtbot: Any,
    run: Any,
    make_ctx: MakeCtx,
    tmp_path: Path,
    no_system: dict[str, str],
    sandbox: SandboxServer,
    browser: FakeBrowser,
) -> None:
    ctx = provisioned_ctx(make_ctx, tmp_path, no_system, service(sandbox))
    panel = LoginPanel(ctx)
    show(qtbot, run, panel)
    click(qtbot, panel.sign_in_button)
    code, _ = approve_in_browser(browser)
    paste(qtbot, panel, code)
    run(until_idle(lambda: panel.error_label.isVisible()))
    text = panel.error_label.text()
    assert "The client secret of the OhMyGPT app is not set." in text
    assert f"Need help? Contact {ORG}: {SUPPORT}" in text  # the organisation's support
    assert sandbox.state.request_counts["issue_token"] == 0


def test_locked_settings_are_disabled_and_say_who_set_them(
    qtbot: Any,
    run: Any,
    make_ctx: MakeCtx,
    tmp_path: Path,
    no_system: dict[str, str],
    sandbox: SandboxServer,
) -> None:
    data = service(
        sandbox,
        client_secret=DEFAULT_APP.client_secret,
        proxy_mode="custom",
        proxy_url="http://127.0.0.1:3128",
        locked=["api_base_url", "scope", "proxy_url", "client_secret"],
    )
    ctx = provisioned_ctx(
        make_ctx, tmp_path, no_system, data, env={"OHMYGPT_SCOPE": "from_the_environment"}
    )
    dialog = SettingsDialog(ctx)
    show(qtbot, run, dialog)

    for name in ("api_base_url", "scope", "proxy_url"):
        row = dialog.field(name)
        assert all(not widget.isEnabled() for widget in row.inputs), name
        assert not row.note.isHidden(), name
        assert row.note.text() == f"Set by {ORG}.", name
    assert dialog.field("scope").read() == DEFAULT_APP.scope  # not the environment's
    assert dialog.field("client_id").input.isEnabled()  # provisioned, not locked
    assert dialog.field("client_id").note.isHidden()
    assert not dialog.secret_edit.isEnabled()
    assert dialog.secret_hint.text() == f"Set by {ORG}."

    dialog.field("client_id").write("my-own-app")
    click(qtbot, dialog.ok_button)
    saved = json.loads(ctx.settings.path.read_text(encoding="utf-8"))
    assert saved == {"client_id": "my-own-app"}  # nothing locked, nothing provisioned


def test_about_and_the_crash_dialog_name_the_organisation_and_its_support(
    qtbot: Any, make_ctx: MakeCtx, tmp_path: Path, no_system: dict[str, str], sandbox: SandboxServer
) -> None:
    ctx = provisioned_ctx(make_ctx, tmp_path, no_system, service(sandbox))
    about = AboutDialog(ctx)
    qtbot.addWidget(about)
    assert about.organization_label.text() == f"Set up for you by {ORG}."
    assert about.support_label.text() == f"Need help? Contact {ORG}: {SUPPORT}"
    assert not about.support_label.isHidden()

    crash = CrashDialog(ctx.paths.log_file, support=(ctx.settings.organization, SUPPORT))
    qtbot.addWidget(crash)
    crash.add_report(CrashReport.from_exception(RuntimeError("boom")))
    assert crash.next_label.text().endswith(f"Need help? Contact {ORG}: {SUPPORT}")

    plain = AboutDialog(make_ctx())
    qtbot.addWidget(plain)
    assert plain.organization_label.isHidden()
    assert plain.support_label.isHidden()


# --------------------------------------------------------------- permission, before trying


def test_a_declared_permission_level_says_why_recharge_cannot_work_before_any_request(
    qtbot: Any,
    run: Any,
    make_ctx: MakeCtx,
    tmp_path: Path,
    no_system: dict[str, str],
    sandbox: SandboxServer,
    widgets: Widgets,
) -> None:
    data = service(
        sandbox,
        COMMUNITY_APP,
        client_secret=COMMUNITY_APP.client_secret,
        permission_level="general_api_access",
    )
    ctx = provisioned_ctx(make_ctx, tmp_path, no_system, data)
    account = run(sign_in_without_ui(ctx, sandbox, "888"))

    dialog = open_recharge(widgets, ctx, account.key)
    assert dialog.problem_box.isVisible()
    text = dialog.problem_label.text()
    assert "permission level “general_api_access”" in text
    assert "“trusted_advanced_access”" in text
    assert not dialog.try_anyway_button.isVisible()  # the organisation said so
    type_amount(qtbot, dialog, "10")
    assert not dialog.create_button.isEnabled()
    dialog.submit()
    assert sandbox.state.request_counts["checkout_order"] == 0


def test_a_refusal_seen_once_is_remembered_for_this_app_before_the_next_try(
    qtbot: Any,
    run: Any,
    make_ctx: MakeCtx,
    home: Path,
    tmp_path: Path,
    no_system: dict[str, str],
    sandbox: SandboxServer,
    widgets: Widgets,
) -> None:
    data = service(sandbox, COMMUNITY_APP, client_secret=COMMUNITY_APP.client_secret)
    ctx = provisioned_ctx(make_ctx, tmp_path, no_system, data)
    account = run(sign_in_without_ui(ctx, sandbox, "888"))

    first = open_recharge(widgets, ctx, account.key)
    assert not first.problem_box.isVisible()  # nothing known yet: it tries
    type_amount(qtbot, first, "10")
    click(qtbot, first.create_button)
    wait_idle(run, first)
    assert "trusted_advanced_access" in first.problem_label.text()
    assert sandbox.state.request_counts["checkout_order"] == 1
    first.reject()

    def known_before_trying(dialog: Any) -> None:
        assert dialog.problem_box.isVisible()
        assert "OhMyGPT refused one before" in dialog.problem_label.text()
        type_amount(qtbot, dialog, "10")
        assert not dialog.create_button.isEnabled()
        assert sandbox.state.request_counts["checkout_order"] == 1

    second = open_recharge(widgets, ctx, account.key)
    known_before_trying(second)
    second.reject()
    assert (home / "data" / PERMISSIONS_FILE).exists()

    # Remembered across a restart, for this app only.
    run(ctx.aclose())
    again = provisioned_ctx(make_ctx, tmp_path, no_system, data)
    account = run(sign_in_without_ui(again, sandbox, "888"))
    third = open_recharge(widgets, again, account.key)
    known_before_trying(third)

    # The level may have changed since: the person can try again.
    click(qtbot, third.try_anyway_button)
    assert not third.problem_box.isVisible()
    click(qtbot, third.create_button)
    wait_idle(run, third)
    assert sandbox.state.request_counts["checkout_order"] == 2


# ------------------------------------------------------------------ configured smoke test


def configured_service(tmp_path: Path, sandbox: SandboxServer) -> tuple[dict[str, str], str]:
    """The environment of an app provisioned (by a named file) to use ``sandbox`` as its
    service, and a fresh authorization code for carol there."""
    named = write_json(
        tmp_path / "org.json", service(sandbox, client_secret=DEFAULT_APP.client_secret)
    )
    env = {"OHMYGPT_PROVISIONING": str(named), "XDG_CONFIG_DIRS": str(tmp_path / "none")}
    return env, authorize_code(sandbox, user_id="2048")


@pytest.mark.slow
def test_configured_smoke_test_signs_in_to_the_provisioned_service(
    tmp_path: Path, sandbox: SandboxServer
) -> None:
    env, code = configured_service(tmp_path, sandbox)
    result = run_app(
        "--smoke-test", "--configured", "--code", code, "--create-order", "5",
        home=tmp_path / "home", env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke: signed in as carol@example.com" in result.stdout
    assert "credits (≈ $50" in result.stdout
    assert f"payment page on {sandbox.base_url}" in result.stdout
    assert "smoke: OK" in result.stdout
    assert code not in result.stdout + result.stderr
    assert sandbox.state.request_counts["issue_token"] == 1
    assert sandbox.state.request_counts["checkout_order"] == 1
    assert [order["amount_sent"] for order in sandbox.state.orders()] == ["5"]
    balance_path = DEFAULT_ENDPOINTS.balance
    assert f"smoke: assumed endpoint balance ({balance_path}): answered" in result.stdout
    assert "smoke: assumed endpoint invoice_order" in result.stdout

    again = run_app("--smoke-test", "--configured", "--code", code, home=tmp_path / "home", env=env)
    assert again.returncode == 1
    assert "smoke test FAILED while signing in" in again.stderr
    assert "Traceback" not in again.stderr
    assert sandbox.state.request_counts["checkout_order"] == 1  # no --create-order: none


@pytest.mark.slow
def test_configured_smoke_test_says_which_assumed_endpoint_was_refused(
    tmp_path: Path, sandbox: SandboxServer
) -> None:
    env, code = configured_service(tmp_path, sandbox)
    sandbox.state.set_fault("balance", "status", status=404)
    result = run_app(
        "--smoke-test", "--configured", "--code", code, home=tmp_path / "home", env=env
    )
    assert result.returncode == 1
    line = f"smoke: assumed endpoint balance ({DEFAULT_ENDPOINTS.balance}): NOT accepted"
    assert line in result.stdout, result.stdout
    assert "endpoints.balance" in result.stdout
    assert "smoke test FAILED while reading the balance" in result.stderr
    assert "Traceback" not in result.stderr


def test_configured_smoke_test_needs_a_code() -> None:
    with pytest.raises(SystemExit):
        parse_args(["--smoke-test", "--configured"])
    with pytest.raises(SystemExit):
        parse_args(["--configured", "--code", "abc"])
    with pytest.raises(SystemExit):
        parse_args(["--smoke-test", "--configured", "--code", "abc", "--create-order", "ten"])
    options = parse_args(["--smoke-test", "--configured", "--code", "abc", "--create-order", "5"])
    assert not options.sandbox
    assert options.create_order == 5
