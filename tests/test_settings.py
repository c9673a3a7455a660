"""Settings: declared once, validated, precedence, damaged files, listeners."""

from __future__ import annotations

import json
import os
import stat
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ohmygpt_desktop.core.paths import AppPaths
from ohmygpt_desktop.core.settings import (
    ENDPOINT_KEYS,
    SETTINGS,
    SPECS,
    Settings,
    SettingsError,
)

NO_ENV: dict[str, str] = {}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.json"


def backups(path: Path) -> list[Path]:
    return sorted(path.parent.glob("settings.json.bad-*"))


# ---------------------------------------------------------------- the table


def test_table_declares_everything_once() -> None:
    names = [spec.name for spec in SETTINGS]
    assert len(names) == len(set(names))
    assert set(names) == {
        "api_base_url", "auth_base_url", "client_id", "redirect_uri", "scope", "endpoints",
        "token_exchange_url", "permission_level", "organization", "support",
        "update_feed_url", "update_public_key",
        "proxy_mode", "proxy_url", "language", "theme", "tray", "refresh_interval_s",
        "payment_watch_minutes", "recharge_min", "recharge_max", "recharge_presets",
        "low_balance_usd", "runs_out_warning_days", "keyring_timeout_s",
        "credits_per_usd", "request_deadline_s", "operator", "ledger_url", "ledger_share_links",
    }  # fmt: skip
    assert not any("secret" in name for name in names)
    for spec in SETTINGS:
        assert spec.description
        # Every default passes its own validation.
        assert spec.validate(spec.default_value()) == spec.default
        if spec.env is not None:
            assert spec.env == "OHMYGPT_" + spec.name.upper()


def test_defaults(path: Path) -> None:
    s = Settings.load(path, env=NO_ENV)
    assert s.load_problem is None
    assert s.api_base_url == "https://api.ohmygpt.com"
    assert s.auth_base_url == "https://next.ohmygpt.com"
    assert s.client_id == ""
    assert s.redirect_uri == ""
    assert s.effective_redirect_uri() == "https://next.ohmygpt.com/next/v1/oauth/succeed"
    assert s.scope == "general_api_access"
    assert s.endpoints == {}
    assert s.proxy_mode == "system"
    assert s.language == "system"
    assert s.theme == "system"
    assert s.refresh_interval_s == 300
    assert s.payment_watch_minutes == 30
    assert s.recharge_min == Decimal("1")
    assert s.recharge_max == Decimal("1000")
    assert s.recharge_presets == [Decimal(v) for v in (5, 10, 20, 50, 100)]
    assert s.low_balance_usd == Decimal("1.00")
    assert s.keyring_timeout_s == 3.0
    assert not path.exists()  # loading never writes


def test_round_trip(path: Path) -> None:
    s = Settings.load(path, env=NO_ENV)
    s.set("api_base_url", "http://127.0.0.1:8765/")
    s.set("refresh_interval_s", 60)
    s.set("recharge_presets", [Decimal("10.10"), Decimal("25")])
    s.set("low_balance_usd", Decimal("2.50"))
    s.set("endpoints", {"balance": "/api/v2/balance"})
    s.set("language", "zh_CN")
    s.set("redirect_uri", "http://localhost:9000/cb")
    s.save()

    raw = json.loads(path.read_text())
    assert raw["recharge_presets"] == ["10.10", "25"]  # money is stored as text
    assert raw["low_balance_usd"] == "2.50"

    again = Settings.load(path, env=NO_ENV)
    assert again.load_problem is None
    assert again.api_base_url == "http://127.0.0.1:8765"  # trailing slash trimmed
    assert again.refresh_interval_s == 60
    assert again.recharge_presets == [Decimal("10.10"), Decimal("25")]
    assert str(again.recharge_presets[0]) == "10.10"
    assert again.low_balance_usd == Decimal("2.50")
    assert again.endpoints == {"balance": "/api/v2/balance"}
    assert again.language == "zh_CN"
    assert again.effective_redirect_uri() == "http://localhost:9000/cb"


def test_save_file_mode_and_no_temp_files(path: Path) -> None:
    s = Settings.load(path, env=NO_ENV)
    s.set("theme", "dark")
    s.save()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    s.set("theme", "light")
    s.save()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]


def test_save_only_writes_set_values(path: Path) -> None:
    s = Settings.load(path, env=NO_ENV)
    s.set("theme", "dark")
    s.save()
    assert json.loads(path.read_text()) == {"theme": "dark"}


@pytest.mark.parametrize(
    ("name", "value", "fragment"),
    [
        ("api_base_url", "ftp://example.com", "must start with"),
        ("api_base_url", "http://api.ohmygpt.com", "https://"),
        ("api_base_url", "https://", "no host"),
        ("proxy_mode", "sometimes", "must be one of"),
        ("proxy_url", "ftp://proxy:8080", "must start with"),
        ("language", "fr", "must be one of"),
        ("theme", "blue", "must be one of"),
        ("refresh_interval_s", 5, "between 30 and 86400"),
        ("refresh_interval_s", "300", "whole number"),
        ("refresh_interval_s", True, "whole number"),
        ("payment_watch_minutes", 2000, "between 1 and 1440"),
        ("recharge_min", Decimal("0"), "at least"),
        ("recharge_max", Decimal("1.001"), "2 decimal places"),
        ("recharge_min", Decimal("NaN"), "number"),
        ("recharge_presets", [Decimal(5), Decimal(5)], "twice"),
        ("low_balance_usd", Decimal("-1"), "at least"),
        ("endpoints", {"nope": "/x"}, "Unknown endpoint"),
        ("endpoints", {"balance": "api/balance"}, "single '/'"),
        ("endpoints", {"balance": "//evil.example/x"}, "single '/'"),
        ("scope", "", "empty"),
        ("keyring_timeout_s", 0, "between"),
        ("credits_per_usd", Decimal(0), "more than 0"),
        ("credits_per_usd", Decimal("-34000"), "more than 0"),
        ("credits_per_usd", Decimal("Infinity"), "number"),
        ("credits_per_usd", Decimal("1e12"), "too large"),
        ("credits_per_usd", "lots", "number"),
        ("request_deadline_s", 0.5, "between 1 and 600 seconds"),
        ("request_deadline_s", 3600, "between 1 and 600 seconds"),
    ],
)
def test_set_validates(path: Path, name: str, value: Any, fragment: str) -> None:
    s = Settings.load(path, env=NO_ENV)
    before = s.get(name)
    with pytest.raises(SettingsError, match=fragment):
        s.set(name, value)
    assert s.get(name) == before


def test_errors_carry_a_translatable_template(path: Path) -> None:
    """The UI translates ``template`` (context "Settings") and fills in ``params``."""
    s = Settings.load(path, env=NO_ENV)
    with pytest.raises(SettingsError) as info:
        s.set("scope", "  ")
    exc = info.value
    assert isinstance(exc, ValueError)
    assert (exc.context, exc.template) == ("Settings", "{what} must not be empty.")
    what = exc.params["what"]
    assert (what.context, what.template) == ("Settings", "The OAuth scope")
    assert str(exc) == "The OAuth scope must not be empty."
    # A problem inside a problem: both parts are translatable.
    with pytest.raises(SettingsError) as info:
        Settings.load(path, env={"OHMYGPT_THEME": "blue"})
    assert info.value.template == "Environment variable {variable}: {problem}"
    assert isinstance(info.value.params["problem"], SettingsError)
    assert str(info.value).startswith("Environment variable OHMYGPT_THEME: The theme must be")


def test_load_problem_is_the_english_of_load_problem_text(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"theme": "blue"}))
    s = Settings.load(path, env=NO_ENV)
    assert s.load_problem_text is not None
    assert s.load_problem == str(s.load_problem_text)
    assert [part.context for part in s.load_problem_text] == ["Settings"] * 4
    assert s.load_problem_text[-1].template == "{name}: {problem}"
    assert Settings.load(path.with_name("missing.json"), env=NO_ENV).load_problem_text is None


def test_set_unknown_setting(path: Path) -> None:
    s = Settings.load(path, env=NO_ENV)
    with pytest.raises(SettingsError, match="Unknown setting"):
        s.set("client_secret", "x")
    with pytest.raises(AttributeError):
        _ = s.client_secret


def test_proxy_url_credentials_not_echoed(path: Path) -> None:
    s = Settings.load(path, env=NO_ENV)
    with pytest.raises(SettingsError) as info:
        s.set("proxy_url", "ftp://bob:hunter2@proxy:1080")
    assert "hunter2" not in str(info.value)
    s.set("proxy_url", "socks5://bob:hunter2@proxy:1080")
    s.set("proxy_mode", "custom")
    assert s.proxy_url == "socks5://bob:hunter2@proxy:1080"


def test_values_returned_are_copies(path: Path) -> None:
    s = Settings.load(path, env=NO_ENV)
    s.endpoints["balance"] = "/mutated"
    s.recharge_presets.append(Decimal(999))
    assert s.endpoints == {}
    assert Decimal(999) not in s.recharge_presets


# ---------------------------------------------------------------- precedence


def test_precedence_env_over_file_and_overrides_over_env(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"refresh_interval_s": 100, "theme": "dark", "language": "ja"}))
    env = {"OHMYGPT_REFRESH_INTERVAL_S": "200", "OHMYGPT_THEME": "light"}
    s = Settings.load(path, env=env, overrides={"theme": "system"})
    assert s.language == "ja"  # file
    assert s.refresh_interval_s == 200  # env beats file
    assert s.theme == "system"  # override beats env
    assert s.overridden("refresh_interval_s")
    assert s.overridden("theme")
    assert not s.overridden("language")
    assert s.override_source("refresh_interval_s") == "OHMYGPT_REFRESH_INTERVAL_S"
    assert s.override_source("theme") == "command line"
    assert s.override_source("language") is None


def test_credits_per_usd_is_an_assumption_the_user_may_correct(path: Path) -> None:
    """The docs give no rate: today's 34000 is the default, labelled as such, and changeable."""
    from ohmygpt_desktop.api.models import CREDITS_PER_USD

    spec = SPECS["credits_per_usd"]
    assert spec.default == CREDITS_PER_USD == Decimal(34000)
    assert "documentation does not state" in spec.description
    assert spec.env == "OHMYGPT_CREDITS_PER_USD"
    assert Settings.load(path, env=NO_ENV).credits_per_usd == Decimal(34000)
    s = Settings.load(path, env={"OHMYGPT_CREDITS_PER_USD": "36000"})
    assert s.credits_per_usd == Decimal(36000)
    assert s.overridden("credits_per_usd")
    s = Settings.load(path, env=NO_ENV)
    s.set("credits_per_usd", Decimal("33333.5"))
    s.save()
    assert json.loads(path.read_text())["credits_per_usd"] == "33333.5"
    assert Settings.load(path, env=NO_ENV).credits_per_usd == Decimal("33333.5")


def test_env_values_are_parsed(path: Path) -> None:
    env = {
        "OHMYGPT_RECHARGE_PRESETS": "3, 7.50",
        "OHMYGPT_ENDPOINTS": '{"balance": "/v9/balance"}',
        "OHMYGPT_KEYRING_TIMEOUT_S": "0.5",
        "OHMYGPT_LOW_BALANCE_USD": "0.25",
        "OHMYGPT_CLIENT_ID": "  ",  # empty variables are ignored
    }
    s = Settings.load(path, env=env)
    assert s.recharge_presets == [Decimal(3), Decimal("7.50")]
    assert s.endpoints == {"balance": "/v9/balance"}
    assert s.keyring_timeout_s == 0.5
    assert s.low_balance_usd == Decimal("0.25")
    assert not s.overridden("client_id")


@pytest.mark.parametrize(
    ("var", "value"),
    [
        ("OHMYGPT_REFRESH_INTERVAL_S", "soon"),
        ("OHMYGPT_REFRESH_INTERVAL_S", "5"),
        ("OHMYGPT_API_BASE_URL", "not a url"),
        ("OHMYGPT_ENDPOINTS", "{broken"),
        ("OHMYGPT_RECHARGE_MIN", "lots"),
    ],
)
def test_bad_env_value_names_the_variable(path: Path, var: str, value: str) -> None:
    with pytest.raises(SettingsError, match=var):
        Settings.load(path, env={var: value})


def test_bad_override_names_the_setting(path: Path) -> None:
    with pytest.raises(SettingsError, match="refresh_interval_s"):
        Settings.load(path, env=NO_ENV, overrides={"refresh_interval_s": "1"})
    with pytest.raises(SettingsError, match="Unknown setting"):
        Settings.load(path, env=NO_ENV, overrides={"nonsense": 1})


def test_os_environ_is_the_default_env(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OHMYGPT_THEME", "dark")
    assert Settings.load(path).theme == "dark"


def test_save_never_writes_env_or_override_values(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"theme": "light"}))
    s = Settings.load(
        path,
        env={"OHMYGPT_THEME": "dark", "OHMYGPT_API_BASE_URL": "https://staging.example.com"},
        overrides={"language": "ja"},
    )
    assert s.theme == "dark"
    s.set("refresh_interval_s", 120)
    s.save()
    assert json.loads(path.read_text()) == {"theme": "light", "refresh_interval_s": 120}
    # Setting an overridden value stores the file value; the override still wins.
    s.set("theme", "system")
    assert s.theme == "dark"
    s.save()
    assert json.loads(path.read_text())["theme"] == "system"


# ---------------------------------------------------------------- damaged files


def test_corrupt_json_is_backed_up_and_reported(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text('{"theme": "dark",,,')
    s = Settings.load(path, env=NO_ENV)
    assert s.theme == "system"
    assert s.load_problem is not None
    assert "not valid JSON" in s.load_problem
    [backup] = backups(path)
    assert backup.read_text() == '{"theme": "dark",,,'
    assert str(backup) in s.load_problem
    assert s.backup_path == backup
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert path.read_text() == '{"theme": "dark",,,'  # not silently reset
    # Loading the same broken file again reuses the identical backup.
    Settings.load(path, env=NO_ENV)
    assert backups(path) == [backup]


def test_not_an_object(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text("[1, 2, 3]")
    s = Settings.load(path, env=NO_ENV)
    assert s.load_problem is not None
    assert "JSON object" in s.load_problem
    assert len(backups(path)) == 1
    assert s.refresh_interval_s == 300


def test_binary_garbage(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xff\xfe\x00garbage")
    s = Settings.load(path, env=NO_ENV)
    assert s.load_problem is not None
    assert len(backups(path)) == 1


def test_one_bad_value_keeps_the_good_ones(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"theme": "dark", "refresh_interval_s": 1, "recharge_min": "2.50"}))
    s = Settings.load(path, env=NO_ENV)
    assert s.theme == "dark"
    assert s.recharge_min == Decimal("2.50")
    assert s.refresh_interval_s == 300  # default for the bad one only
    assert s.load_problem is not None
    assert "refresh_interval_s" in s.load_problem
    assert "between 30 and 86400" in s.load_problem
    [backup] = backups(path)
    assert str(backup) in s.load_problem
    assert json.loads(backup.read_text())["refresh_interval_s"] == 1
    # Saving writes the repaired file; the backup keeps the original.
    s.save()
    assert json.loads(path.read_text()) == {"theme": "dark", "recharge_min": "2.50"}
    assert Settings.load(path, env=NO_ENV).load_problem is None


def test_unknown_keys_preserved(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"theme": "dark", "future_feature": {"a": [1, 2]}}))
    s = Settings.load(path, env=NO_ENV)
    assert s.load_problem is None
    s.set("theme", "light")
    s.save()
    data = json.loads(path.read_text())
    assert data == {"theme": "light", "future_feature": {"a": [1, 2]}}


def test_save_creates_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "settings.json"
    s = Settings.load(path, env=NO_ENV)
    s.set("theme", "dark")
    s.save()
    assert json.loads(path.read_text()) == {"theme": "dark"}


def test_save_failure_is_a_settings_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    s = Settings.load(blocker / "settings.json", env=NO_ENV)
    s.set("theme", "dark")
    with pytest.raises(SettingsError, match="Could not save"):
        s.save()


# ---------------------------------------------------------------- listeners


def test_listeners_hear_the_settings_they_follow(path: Path) -> None:
    s = Settings.load(path, env={"OHMYGPT_LANGUAGE": "ja"})
    seen: list[frozenset[str]] = []
    remove = s.add_listener(["theme", "language"], seen.append)
    s.set("theme", "dark")
    s.set("theme", "dark")  # unchanged: no call
    s.set("refresh_interval_s", 120)  # not followed: no call
    s.set("language", "en")  # the environment still decides: no change, no call
    assert seen == [frozenset({"theme"})]
    with pytest.raises(SettingsError):
        s.set("theme", "blue")
    s.reset("theme")
    assert seen == [frozenset({"theme"})] * 2
    remove()
    s.set("theme", "light")
    assert len(seen) == 2
    with pytest.raises(SettingsError, match="Unknown setting"):
        s.add_listener(["colour"], seen.append)


def test_a_batch_is_announced_once(path: Path) -> None:
    """The dialog's OK changes several settings: each listener hears them together."""
    s = Settings.load(path, env=NO_ENV)
    network: list[frozenset[str]] = []
    theme: list[frozenset[str]] = []
    s.add_listener(["api_base_url", "proxy_mode", "proxy_url"], network.append)
    s.add_listener(["theme"], theme.append)
    with s.batch():
        s.set("api_base_url", "http://127.0.0.1:8765")
        s.set("proxy_mode", "custom")
        s.set("proxy_url", "socks5://127.0.0.1:1080")
        with s.batch():  # nested: still one announcement, at the end of the outer one
            s.set("theme", "dark")
        assert network == []
        assert theme == []
    assert network == [frozenset({"api_base_url", "proxy_mode", "proxy_url"})]
    assert theme == [frozenset({"theme"})]


def test_listener_errors_do_not_break_set(path: Path, caplog: pytest.LogCaptureFixture) -> None:
    s = Settings.load(path, env=NO_ENV)

    def broken(changed: frozenset[str]) -> None:
        raise RuntimeError("listener bug")

    seen: list[frozenset[str]] = []
    s.add_listener(["theme"], broken)
    s.add_listener(["theme"], seen.append)
    s.set("theme", "dark")
    assert seen == [frozenset({"theme"})]
    assert s.theme == "dark"
    assert "listener" in caplog.text


def test_endpoint_keys_match_brief() -> None:
    assert set(ENDPOINT_KEYS) == {
        "issue_token", "user_info", "balance", "checkout_order", "invoice_order"
    }  # fmt: skip


# ---------------------------------------------------------------- paths


def test_app_paths_home_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OHMYGPT_DESKTOP_HOME", str(tmp_path / "home"))
    paths = AppPaths.default()
    assert paths == AppPaths.under(tmp_path / "home")
    assert paths.config_dir == tmp_path / "home" / "config"
    assert paths.log_dir == tmp_path / "home" / "logs"
    assert paths.settings_file == tmp_path / "home" / "config" / "settings.json"
    assert paths.history_db == tmp_path / "home" / "data" / "orders.sqlite3"
    assert paths.insecure_tokens_file == tmp_path / "home" / "data" / "tokens-insecure.json"
    assert paths.log_file == tmp_path / "home" / "logs" / "ohmygpt-desktop.log"
    (tmp_path / "home").mkdir()
    paths.data_dir.mkdir(mode=0o755)
    paths.data_dir.chmod(0o755)
    paths.ensure()
    for folder in (paths.config_dir, paths.data_dir, paths.log_dir, paths.cache_dir):
        assert folder.is_dir()
        if os.name == "posix":
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_app_paths_platform_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OHMYGPT_DESKTOP_HOME", raising=False)
    paths = AppPaths.default()
    for folder in (paths.config_dir, paths.data_dir, paths.log_dir, paths.cache_dir):
        assert "ohmygpt-desktop" in str(folder)


# ---------------------------------------------------------------- derived


def test_flags_come_from_the_declarations(capsys: pytest.CaptureFixture[str]) -> None:
    from ohmygpt_desktop.app import build_parser, parse_args

    actions = {action.dest: action for action in build_parser()._actions}
    flagged = [spec for spec in SETTINGS if spec.flag]
    assert [spec.name for spec in flagged] == [
        "api_base_url", "auth_base_url", "client_id", "redirect_uri", "language"
    ]  # fmt: skip
    for spec in flagged:
        action = actions[spec.name]
        assert action.option_strings == [spec.flag_name]
        assert action.choices == ([c.value for c in spec.choices] or None)
        assert action.help == spec.description
    options = parse_args(["--language", "ja", "--client-id", "app-1", "--debug"])
    assert options.overrides == {"language": "ja", "client_id": "app-1"}
    with pytest.raises(SystemExit):
        parse_args(["--language", "fr"])
    assert "invalid choice: 'fr'" in capsys.readouterr().err


def test_each_setting_has_one_provisioning_key_and_secrets_are_apart() -> None:
    from ohmygpt_desktop.core.settings import SECRETS

    keys = [spec.provisioning_key for spec in (*SETTINGS, *SECRETS)]
    assert len(keys) == len(set(keys))
    assert [spec.name for spec in SETTINGS] == [spec.provisioning_key for spec in SETTINGS]
    assert not any(spec.secret for spec in SETTINGS)
    assert [(s.provisioning_key, s.secret, s.follows) for s in SECRETS] == [
        ("client_secret", True, "client_id")
    ]
