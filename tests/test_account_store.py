"""Accounts are not settings: their own file, validated records, and a one-time move
out of the settings file of older versions."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ohmygpt_desktop.app import AppContext
from ohmygpt_desktop.core.account_store import AccountRecord, AccountStore, AccountStoreError
from ohmygpt_desktop.core.paths import AppPaths
from ohmygpt_desktop.core.settings import Settings

NO_ENV: dict[str, str] = {}


def account(user_id: str = "u1", host: str = "api.ohmygpt.com", **extra: Any) -> AccountRecord:
    values: dict[str, Any] = {
        "user_id": user_id,
        "email": f"{user_id}@example.com",
        "host": host,
        "added_at": "2026-01-01T10:00:00+00:00",
        "last_used_at": "2026-01-02T10:00:00+00:00",
        "token_storage": "keyring",
        "scope": "general_api_access",
    }
    values.update(extra)
    return AccountRecord(**values)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "accounts.json"


def keys(store: AccountStore) -> list[str]:
    return [record.key for record in store.records()]


# ---------------------------------------------------------------- the store


def test_accounts_upsert_remove_current(path: Path) -> None:
    store = AccountStore.load(path)
    a, b, c = account("a"), account("b"), account("c", host="127.0.0.1:8765")
    for rec in (a, b, c):
        store.upsert(rec)
    assert keys(store) == ["a@api.ohmygpt.com", "b@api.ohmygpt.com", "c@127.0.0.1:8765"]

    # Upsert of an existing key keeps its position.
    store.upsert(account("b", email="new@example.com", needs_reauth=True))
    recs = store.records()
    assert keys(store) == ["a@api.ohmygpt.com", "b@api.ohmygpt.com", "c@127.0.0.1:8765"]
    assert recs[1].email == "new@example.com"
    assert recs[1].needs_reauth is True

    store.set_current("b@api.ohmygpt.com")
    assert store.current == "b@api.ohmygpt.com"
    with pytest.raises(AccountStoreError, match="no account"):
        store.set_current("zzz@nowhere")

    store.save()
    again = AccountStore.load(path)
    assert again.records() == recs
    assert again.current == "b@api.ohmygpt.com"
    data = json.loads(path.read_text())
    assert "token" not in json.dumps(data).replace("token_storage", "")  # only metadata
    assert all(set(item) == set(AccountRecord.__dataclass_fields__) for item in data["accounts"])
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600

    again.remove("b@api.ohmygpt.com")
    assert keys(again) == ["a@api.ohmygpt.com", "c@127.0.0.1:8765"]
    assert again.current == "a@api.ohmygpt.com"  # the first remaining one
    again.remove("c@127.0.0.1:8765")  # not current: current unchanged
    assert again.current == "a@api.ohmygpt.com"
    again.remove("a@api.ohmygpt.com")
    assert again.records() == []
    assert again.current == ""
    again.remove("not-there@x")  # no error


def test_account_validation(path: Path) -> None:
    store = AccountStore.load(path)
    with pytest.raises(AccountStoreError, match="token_storage"):
        store.upsert(account("x", token_storage="plaintext"))
    with pytest.raises(AccountStoreError, match="ISO"):
        store.upsert(account("x", added_at="yesterday"))
    with pytest.raises(AccountStoreError, match="host"):
        store.upsert(account("x", host="a b"))
    assert store.records() == []


def test_account_unknown_fields_survive(path: Path) -> None:
    path.parent.mkdir(parents=True)
    item = {**account("a").to_dict(), "avatar_color": "#123456"}
    path.write_text(json.dumps({"version": 1, "current": "", "accounts": [item]}))
    store = AccountStore.load(path)
    assert store.load_problem is None
    store.upsert(account("a", email="changed@example.com"))
    store.save()
    [saved] = json.loads(path.read_text())["accounts"]
    assert saved["avatar_color"] == "#123456"
    assert saved["email"] == "changed@example.com"


def test_invalid_records_are_left_out_and_reported(path: Path) -> None:
    path.parent.mkdir(parents=True)
    good, bad = account("a").to_dict(), {"user_id": "x"}
    raw = json.dumps({"current": "a@api.ohmygpt.com", "accounts": [good, bad, good]})
    path.write_text(raw)
    store = AccountStore.load(path)
    assert keys(store) == ["a@api.ohmygpt.com"]
    assert store.current == "a@api.ohmygpt.com"
    problem = store.load_problem
    assert problem is not None
    assert "Account #2 has no 'email'" in problem
    assert "listed twice" in problem
    assert store.backup_path is not None
    assert store.backup_path.read_text() == raw
    assert str(store.backup_path) in problem


@pytest.mark.parametrize("content", [b"{,,", b"[1, 2]", b"\xff\xfe", b"[" * 100_000])
def test_a_damaged_file_is_kept_and_explained(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    store = AccountStore.load(path)
    assert store.records() == []
    assert store.load_problem is not None
    assert "is damaged" in store.load_problem
    assert store.backup_path is not None
    assert store.backup_path.read_bytes() == content
    store.upsert(account("a"))
    store.save()  # a fresh file: the damaged one stays in its copy
    assert keys(AccountStore.load(path)) == ["a@api.ohmygpt.com"]


def test_save_failure_is_an_account_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    store = AccountStore.load(blocker / "accounts.json")
    store.upsert(account("a"))
    with pytest.raises(AccountStoreError, match="Could not save the account list"):
        store.save()


# ------------------------------------------------------------- the migration


def legacy_settings(path: Path, items: list[Any], current: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"theme": "dark", "accounts": items, "current_account": current, "future": [1]}
    path.write_text(json.dumps(data))


def test_accounts_move_out_of_the_settings_file_once(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    items = [account("a").to_dict(), {**account("b").to_dict(), "avatar_color": "#123456"}]
    legacy_settings(paths.settings_file, items, current="b@api.ohmygpt.com")

    settings = Settings.load(paths.settings_file, env=NO_ENV)
    assert settings.load_problem is None  # old keys are not a damaged settings file
    store = AccountStore.load(paths.accounts_file, migrate_from=settings)
    assert keys(store) == ["a@api.ohmygpt.com", "b@api.ohmygpt.com"]
    assert store.current == "b@api.ohmygpt.com"
    assert store.load_problem is None

    # The account file has them (unknown fields too); the settings file let go of them
    # and kept everything else.
    data = json.loads(paths.accounts_file.read_text())
    assert data["current"] == "b@api.ohmygpt.com"
    assert data["accounts"][1]["avatar_color"] == "#123456"
    assert json.loads(paths.settings_file.read_text()) == {"theme": "dark", "future": [1]}
    if os.name == "posix":
        assert stat.S_IMODE(paths.accounts_file.stat().st_mode) == 0o600

    # Once: the next start reads the account file and changes nothing.
    before = paths.accounts_file.read_bytes()
    again = AccountStore.load(
        paths.accounts_file, migrate_from=Settings.load(paths.settings_file, env=NO_ENV)
    )
    assert keys(again) == keys(store)
    assert paths.accounts_file.read_bytes() == before


def test_migration_adds_to_an_existing_account_file(tmp_path: Path) -> None:
    """An older version that ran after the move wrote accounts to settings.json again:
    they join the account file, the ones already there win."""
    paths = AppPaths.under(tmp_path)
    store = AccountStore.load(paths.accounts_file)
    store.upsert(account("a", email="kept@example.com"))
    store.set_current("a@api.ohmygpt.com")
    store.save()
    legacy_settings(
        paths.settings_file,
        [account("a", email="old@example.com").to_dict(), account("c").to_dict()],
        current="c@api.ohmygpt.com",
    )
    store = AccountStore.load(
        paths.accounts_file, migrate_from=Settings.load(paths.settings_file, env=NO_ENV)
    )
    assert keys(store) == ["a@api.ohmygpt.com", "c@api.ohmygpt.com"]
    assert store.get("a@api.ohmygpt.com").email == "kept@example.com"
    assert store.current == "a@api.ohmygpt.com"
    assert "accounts" not in json.loads(paths.settings_file.read_text())


def test_migration_keeps_a_copy_of_records_it_cannot_use(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    legacy_settings(paths.settings_file, [account("a").to_dict(), {"user_id": "x"}])
    store = AccountStore.load(
        paths.accounts_file, migrate_from=Settings.load(paths.settings_file, env=NO_ENV)
    )
    assert keys(store) == ["a@api.ohmygpt.com"]
    assert store.load_problem is not None
    assert "Account #2 has no 'email'" in store.load_problem
    assert store.backup_path is not None
    assert {"user_id": "x"} in json.loads(store.backup_path.read_text())["accounts"]


def test_migration_that_cannot_write_loses_nothing(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    legacy_settings(paths.settings_file, [account("a").to_dict()], current="a@api.ohmygpt.com")
    paths.accounts_file.mkdir(parents=True)  # the account file cannot be written
    store = AccountStore.load(
        paths.accounts_file, migrate_from=Settings.load(paths.settings_file, env=NO_ENV)
    )
    assert keys(store) == ["a@api.ohmygpt.com"]  # shown this run all the same
    assert store.current == "a@api.ohmygpt.com"
    data = json.loads(paths.settings_file.read_text())
    assert [item["user_id"] for item in data["accounts"]] == ["a"]  # still there


def test_the_app_shows_migrated_accounts(make_ctx: Callable[..., AppContext], home: Path) -> None:
    paths = AppPaths.under(home)
    legacy_settings(paths.settings_file, [account("a").to_dict()], current="a@api.ohmygpt.com")
    ctx = make_ctx(sandbox=None)
    assert [a.key for a in ctx.accounts.accounts()] == ["a@api.ohmygpt.com"]
    assert ctx.accounts.current().email == "a@example.com"
    assert ctx.startup_problems == []
    assert "accounts" not in json.loads(paths.settings_file.read_text())
