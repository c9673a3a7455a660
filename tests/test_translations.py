"""The shipped translations: complete, in step with the code, and really used at run time.

* every message of ``resources/translations/ohmygpt_<lang>.ts`` is translated and keeps
  the source's ``{placeholders}``;
* re-extracting the strings from the code (``.ci/translations.py``'s own ``update()``
  into a temp copy) adds no untranslated message: a UI string added without a
  translation fails here;
* a .qm compiled from the .ts makes real widgets (and the Qt-free modules' error
  texts) show the translation;
* running from a source checkout without .qm files, :class:`LanguageManager`
  compiles the .ts itself (into a cache folder) and loads that.

Everything is written to temp folders; the repo's .qm files (build artefacts) are
neither needed nor touched.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET  # our own .ts files
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from ohmygpt_desktop import APP_NAME
from ohmygpt_desktop.ui import i18n
from ohmygpt_desktop.ui.i18n import LanguageManager, compile_ts, translation_stems
from tests.helpers.asyncutil import outcome
from tests.helpers.ci import load_ci_script

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "ja")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")

Catalog = dict[tuple[str, str], ET.Element]


# ----------------------------------------------------------------- helpers


def load_ci_translations() -> ModuleType:
    """``.ci/translations.py`` as a module (its update() is what ``--update`` runs)."""
    return load_ci_script("translations")


def ts_path(lang: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"ohmygpt_{lang}.ts"


def read_ts(path: Path) -> Catalog:
    """``{(context, source): <translation> element}``."""
    catalog: Catalog = {}
    for context in ET.parse(path).getroot().iter("context"):  # noqa: S314
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{path.name}: {name}: message without <translation>"
            catalog[(name, message.findtext("source") or "")] = translation
    return catalog


def is_done(translation: ET.Element) -> bool:
    return translation.get("type") not in {"unfinished", "obsolete", "vanished"} and bool(
        (translation.text or "").strip()
    )


def translated(lang: str, context: str, source: str) -> str:
    """The shipped translation of ``source`` (fails when there is none)."""
    element = read_ts(ts_path(lang))[(context, source)]
    assert is_done(element), f"{lang}: {context}: {source!r} is not translated"
    return element.text or ""


def lrelease() -> str:
    tool = Path(sys.executable).parent / "pyside6-lrelease"
    if tool.is_file():
        return str(tool)
    found = shutil.which("pyside6-lrelease")
    assert found, "pyside6-lrelease comes with PySide6-Essentials"
    return found


def listing(items: list[tuple[str, str]], limit: int = 40) -> str:
    lines = [f"  [{context}] {source!r}" for context, source in items[:limit]]
    if len(items) > limit:
        lines.append(f"  … and {len(items) - limit} more")
    return "\n".join(lines)


# ------------------------------------------------------ (a) complete files


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated(lang: str) -> None:
    path = ts_path(lang)
    assert path.is_file(), f"{path} is missing: run .ci/translations.py --update"
    assert ET.parse(path).getroot().get("language") == lang  # noqa: S314
    catalog = read_ts(path)
    assert catalog, f"{path.name} has no messages"
    missing = sorted(key for key, element in catalog.items() if not is_done(element))
    assert not missing, (
        f"{path.name}: {len(missing)} message(s) without a finished translation "
        "(translate them in the .ts file):\n" + listing(missing)
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_placeholders_and_shortcuts(lang: str) -> None:
    problems = []
    for (context, source), element in read_ts(ts_path(lang)).items():
        text = element.text or ""
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"  [{context}] {source!r} → {text!r}: placeholders differ")
        # A keyboard shortcut (&S) in the source needs one in the translation ("&&" is a "&").
        if source.replace("&&", "").count("&") != text.replace("&&", "").count("&"):
            problems.append(f"  [{context}] {source!r} → {text!r}: '&' shortcut differs")
    assert not problems, f"ohmygpt_{lang}.ts:\n" + "\n".join(problems)


# --------------------------------------------------- (b) in step with code


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Catalog]:
    """The .ts files as ``.ci/translations.py --update`` would leave them (in a temp copy)."""
    folder = tmp_path_factory.mktemp("ts")
    for lang in LANGUAGES:
        if ts_path(lang).is_file():
            shutil.copyfile(ts_path(lang), ts_path(lang, folder))
    load_ci_translations().update(folder, LANGUAGES, quiet=True)
    return {lang: read_ts(ts_path(lang, folder)) for lang in LANGUAGES}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ts_files_are_up_to_date_with_the_code(lang: str, refreshed: dict[str, Catalog]) -> None:
    catalog = refreshed[lang]
    new = sorted(key for key, element in catalog.items() if not is_done(element))
    assert not new, (
        f"The code has {len(new)} string(s) with no {lang} translation. Run "
        "`.venv/bin/python .ci/translations.py --update` and translate them in "
        f"resources/translations/ohmygpt_{lang}.ts:\n" + listing(new)
    )


def test_extraction_covers_every_kind_of_translatable_string(
    refreshed: dict[str, Catalog],
) -> None:
    """self.tr, QCoreApplication.translate (and _tr), QT_TRANSLATE_NOOP with a constant context."""
    contexts = {context for context, _source in refreshed["zh_CN"]}
    expected = {
        ("MainWindow", "Loading…"),  # self.tr
        ("SettingsDialog", "US main site, direct"),  # QT_TRANSLATE_NOOP, literal context
        ("Errors", "Something went wrong inside the app. Details are in the log file."),  # _tr
        ("Settings", "{what} must not be empty."),  # core/settings.py
        ("Settings", "The OAuth scope"),  # a setting's name, QT_TRANSLATE_NOOP in a table
        ("TokenStore", "The token file {path} is damaged."),  # core/tokens.py
        ("Orders", "Could not write {path}: {reason}."),  # core/orders.py
        ("ApiError", "The OhMyGPT service did not accept the request."),  # api/errors.py
        ("SignIn", "Opening the browser"),  # core/accounts.py
        ("Recharge", "Enter an amount."),  # core/recharge.py
        (
            "SignIn",
            "This code belongs to a different sign-in attempt (for example an older "
            "browser tab). For your safety it was not used. Start again and paste the newest "
            "code.",
        ),  # core/oauth.py
    }
    missing = sorted(expected - set(refreshed["zh_CN"]))
    assert not missing, "lupdate did not extract:\n" + listing(missing)
    assert {"ApiError", "SignIn", "Recharge", "Errors", "Settings", "TokenStore", "Orders"} <= (
        contexts
    )
    # The sandbox serves English web pages: none of its text is a Qt translation.
    sandbox = "ohmygpt_desktop/sandbox/"
    text = ts_path("zh_CN").read_text(encoding="utf-8")
    assert sandbox not in text


# ------------------------------------------------------- (c) used at run time


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """.qm files compiled from the repo's .ts files, in a temp folder."""
    folder = tmp_path_factory.mktemp("qm")
    for lang in LANGUAGES:
        subprocess.run(
            [lrelease(), str(ts_path(lang)), "-qm", str(folder / f"ohmygpt_{lang}.qm")],
            check=True,
            capture_output=True,
        )
    return folder


@pytest.fixture
def manager_for(qapp: QApplication, tmp_path: Path) -> Iterator[Callable[[Path], LanguageManager]]:
    made: list[LanguageManager] = []

    def make(folder: Path) -> LanguageManager:
        manager = LanguageManager(qapp, translations_dir=folder, cache_dir=tmp_path / "cache")
        made.append(manager)
        return manager

    yield make
    for manager in made:
        manager.reset()
    qapp.processEvents()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_widgets_show_the_translation(
    lang: str,
    qtbot: Any,
    qapp: QApplication,
    compiled: Path,
    manager_for: Callable[[Path], LanguageManager],
    make_ctx: Callable[..., Any],
) -> None:
    from ohmygpt_desktop.api.errors import PermissionDeniedError
    from ohmygpt_desktop.core.oauth import PasteProblem, PasteRefused
    from ohmygpt_desktop.core.recharge import AmountProblem, AmountRefused
    from ohmygpt_desktop.ui.errors import describe
    from ohmygpt_desktop.ui.login_panel import LoginPanel
    from ohmygpt_desktop.ui.main_window import MainWindow
    from ohmygpt_desktop.ui.settings_dialog import SettingsDialog

    manager = manager_for(compiled)
    assert manager.apply(lang) is True
    assert Path(manager.installed_files()[0]).name == f"ohmygpt_{lang}.qm"

    window = MainWindow()  # the frame shown before the services exist
    qtbot.addWidget(window)
    assert window.loading_label.text() == translated(lang, "MainWindow", "Loading…")

    ctx = make_ctx(sandbox=None)
    panel = LoginPanel(ctx)
    qtbot.addWidget(panel)
    assert panel.sign_in_button.text() == translated(lang, "LoginPanel", "Sign in with OhMyGPT")
    welcome = translated(lang, "LoginPanel", "Welcome to {app}").format(app=APP_NAME)
    assert panel.title_label.text() == welcome  # no OAuth app yet: the first-run screen
    assert panel.first_run.demo_button.text() == translated(lang, "FirstRunPage", "Try the demo")

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == translated(lang, "SettingsDialog", "Settings")
    tab = translated(lang, "SettingsDialog", "Balance && recharge")
    assert dialog.tabs.tabText(SettingsDialog.TAB_BALANCE) == tab
    line = translated(lang, "SettingsDialog", "US main site, direct")
    assert dialog.api_combo.itemText(0).startswith(line)

    # Texts of the Qt-free modules, translated where they are shown (ui/errors.py).
    assert describe(PermissionDeniedError()) == translated(
        lang, "ApiError", PermissionDeniedError.template
    )
    assert describe(PasteRefused(PasteProblem.DENIED)) == translated(
        lang, "SignIn", PasteProblem.DENIED.value
    )
    below = describe(AmountRefused(AmountProblem.BELOW_MIN, minimum="5"))
    assert below == translated(lang, "Recharge", AmountProblem.BELOW_MIN.value).format(minimum="5")
    assert "$5" in below

    # Back to the source language.
    manager.apply("en")
    qapp.processEvents()
    assert panel.sign_in_button.text() == "Sign in with OhMyGPT"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_settings_errors_are_shown_translated(
    lang: str,
    qtbot: Any,
    compiled: Path,
    manager_for: Callable[[Path], LanguageManager],
    make_ctx: Callable[..., Any],
) -> None:
    """core/settings.py's messages (field names included) reach the dialog translated."""
    from ohmygpt_desktop.ui.settings_dialog import SettingsDialog

    assert manager_for(compiled).apply(lang) is True
    dialog = SettingsDialog(make_ctx(sandbox=None))
    qtbot.addWidget(dialog)
    dialog.open()

    dialog.field("scope").input.setText("  ")
    expected = translated(lang, "Settings", "{what} must not be empty.").format(
        what=translated(lang, "Settings", "The OAuth scope")
    )
    assert dialog.errors()["scope"] == expected
    assert dialog.field("scope").error.text() == expected
    assert not dialog.ok_button.isEnabled()

    dialog.field("recharge_min").input.setText("1.005")
    assert dialog.errors()["recharge_min"] == translated(
        lang, "Settings", "{what} can have at most 2 decimal places (got {value})."
    ).format(what=translated(lang, "Settings", "The minimum recharge"), value="1.005")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_damaged_settings_banner_is_translated(
    lang: str,
    tmp_path: Path,
    compiled: Path,
    manager_for: Callable[[Path], LanguageManager],
) -> None:
    from ohmygpt_desktop.core.settings import Settings
    from ohmygpt_desktop.ui.errors import describe_settings_problem, describe_startup_problem

    path = tmp_path / "settings.json"
    path.write_text("{,,", encoding="utf-8")
    settings = Settings.load(path, env={})
    assert settings.load_problem is not None
    assert "not valid JSON" in settings.load_problem  # English for the log

    assert manager_for(compiled).apply(lang) is True
    banner = describe_settings_problem(settings)
    damaged = translated(
        lang,
        "Settings",
        "The settings file {path} is not valid JSON (line {line}, column {column}), so "
        "default settings are used.",
    ).format(path=path, line=1, column=2)
    copy = translated(lang, "Settings", "A copy of it was saved as {backup}.").format(
        backup=settings.backup_path
    )
    assert banner == damaged + copy  # no space between Chinese/Japanese sentences
    # What the main window shows for ctx.startup_problems.
    assert describe_startup_problem(settings.load_problem, settings) == banner
    assert describe_startup_problem("Other words.", settings) == "Other words."


@pytest.mark.parametrize("lang", LANGUAGES)
def test_token_store_and_order_errors_are_described_translated(
    lang: str,
    tmp_path: Path,
    qtbot: Any,
    run: Any,
    compiled: Path,
    manager_for: Callable[[Path], LanguageManager],
    make_ctx: Callable[..., Any],
) -> None:
    from ohmygpt_desktop.core.orders import OrderHistory, OrderHistoryError
    from ohmygpt_desktop.core.tokens import (
        KeyringTimeout,
        TokenStorage,
        TokenStore,
        TokenStoreError,
    )
    from ohmygpt_desktop.ui.errors import describe
    from ohmygpt_desktop.ui.history_view import HistoryView
    from tests.helpers.keyrings import BlockingKeyring

    assert manager_for(compiled).apply(lang) is True

    # A keyring that does not answer.
    hung = BlockingKeyring()
    store = TokenStore(insecure_file=tmp_path / "tokens.json", timeout=0.05, backend=hung)
    try:
        with pytest.raises(KeyringTimeout) as timeout:
            run(store.load("api.example.com", "u1"))
    finally:
        hung.release()
    assert describe(timeout.value) == translated(
        lang, "TokenStore", "The system keyring did not answer in time (waited {seconds} seconds)."
    ).format(seconds="0.05")

    # A damaged token file.
    (tmp_path / "tokens.json").write_text("not json", encoding="utf-8")
    with pytest.raises(TokenStoreError) as damaged:
        run(store.load("api.example.com", "u1", TokenStorage.FILE))
    assert describe(damaged.value) == translated(
        lang, "TokenStore", "The token file {path} is damaged."
    ).format(path=tmp_path / "tokens.json")

    # Exporting the orders to a folder that does not exist.
    target = tmp_path / "no-such-folder" / "orders.csv"
    with (
        OrderHistory(tmp_path / "orders.sqlite3") as history,
        pytest.raises(OrderHistoryError) as export,
    ):
        history.export_csv(target)
    reason = translated(lang, "Orders", "Could not write {path}: {reason}.").format(
        path=target, reason=export.value.params["reason"]
    )
    assert describe(export.value) == reason
    # … and as the history view shows it.
    ctx = make_ctx(sandbox=None)
    view = HistoryView(ctx)
    qtbot.addWidget(view)
    assert run(outcome(view.export_to(str(target)))) is None
    level, text = ctx.messages.history[-1]
    assert level == "error"
    assert text == translated(lang, "HistoryView", "Could not export the orders: {reason}").format(
        reason=reason
    )


def _errors_defined_in_the_app() -> set[type[BaseException]]:
    """Every public exception class of the app's modules (the sandbox's and the
    token-exchange service's English excepted: they answer web clients, not people)."""
    import importlib
    import inspect
    import pkgutil

    import ohmygpt_desktop

    found: set[type[BaseException]] = set()
    for info in pkgutil.walk_packages(ohmygpt_desktop.__path__, "ohmygpt_desktop."):
        if ".sandbox" in info.name or ".exchange" in info.name or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, BaseException)
                and value.__module__ == info.name
                and not name.startswith("_")
            ):
                found.add(value)
    return found


def test_every_error_for_people_is_described_translated(
    compiled: Path, manager_for: Callable[[Path], LanguageManager]
) -> None:
    """Every error a person can be shown is one translatable type (context, template,
    params): describe() gives its own message in the user's language, never the generic
    "Something went wrong" and never the English text."""
    from datetime import UTC, datetime
    from decimal import Decimal

    from ohmygpt_desktop import api, app, cli, smoke
    from ohmygpt_desktop.api.endpoints import EndpointPathError
    from ohmygpt_desktop.core import (
        account_store,
        accounts,
        client_secret,
        files,
        oauth,
        orders,
        permissions,
        provisioning,
        recharge,
        settings,
        sqlite_files,
        tokens,
        updates,
        usage,
    )
    from ohmygpt_desktop.translatable import QT_TRANSLATE_NOOP, Problem, Text
    from ohmygpt_desktop.ui.errors import describe
    from ohmygpt_desktop.ui.storage_choice import StorageChoiceCancelled

    record = orders.OrderRecord(
        local_id=7,
        order_no="ord_1234",
        account_key="888@api.ohmygpt.com",
        email="alice@example.com",
        host="api.ohmygpt.com",
        kind="checkout",
        amount=Decimal("10.00"),
        product_id="p1",
        created_at=datetime.now(UTC),
        status=orders.OrderStatus.AWAITING_PAYMENT,
        balance_before=None,
        balance_after=None,
        checkout_url=None,
        note=None,
        updated_at=datetime.now(UTC),
    )
    full = orders.OrderHistoryFull()
    lost = api.ConnectionLost()
    examples: dict[type[BaseException], Problem] = {
        api.ApiError: api.ApiError(),
        api.NetworkError: api.NetworkError(),
        api.ConnectError: api.ConnectError(),
        api.RequestTimeout: api.RequestTimeout(),
        api.ConnectionLost: lost,
        api.InvalidTokenError: api.InvalidTokenError(),
        api.AuthorizationError: api.AuthorizationError(),
        api.InvalidClientError: api.InvalidClientError(),
        api.errors.TokenExchangeSetupError: api.errors.TokenExchangeSetupError(),
        api.InsufficientBalanceError: api.InsufficientBalanceError(),
        api.PermissionDeniedError: api.PermissionDeniedError(),
        api.AssumedEndpointRefused: api.AssumedEndpointRefused(endpoint="balance"),
        api.RateLimitedError: api.RateLimitedError(retry_after=7),
        api.BadRequestError: api.BadRequestError(),
        api.ServerError: api.ServerError(status=502),
        api.MalformedResponseError: api.MalformedResponseError(),
        api.errors.UnusableBalanceError: api.errors.UnusableBalanceError(digits=15),
        api.UnsafeUrlError: api.UnsafeUrlError(),
        EndpointPathError: EndpointPathError(
            QT_TRANSLATE_NOOP("Settings", "The path for endpoint {key} must be text."),
            key="'balance'",
        ),
        settings.SettingsError: settings.SettingsError(
            QT_TRANSLATE_NOOP("Settings", "{what} must not be empty."),
            what=Text("Settings", QT_TRANSLATE_NOOP("Settings", "The OAuth scope")),
        ),
        account_store.AccountStoreError: account_store.AccountStoreError(),
        client_secret.ClientSecretRefused: client_secret.ClientSecretRefused(
            QT_TRANSLATE_NOOP("ClientSecret", "The client secret is too long.")
        ),
        tokens.TokenStoreError: tokens.TokenStoreError(),
        tokens.KeyringUnavailable: tokens.KeyringUnavailable(),
        tokens.KeyringTimeout: tokens.KeyringTimeout(),
        tokens.KeyringFailure: tokens.KeyringFailure(),
        orders.OrderHistoryError: orders.OrderHistoryError(),
        orders.OrderHistoryFull: full,
        orders.OrderNotFound: orders.OrderNotFound(local_id=7),
        oauth.PasteRefused: oauth.PasteRefused(oauth.PasteProblem.STATE_MISMATCH),
        recharge.AmountRefused: recharge.AmountRefused(
            recharge.AmountProblem.BELOW_MIN, minimum="5"
        ),
        recharge.ReferenceRefused: recharge.ReferenceRefused(
            recharge.ReferenceProblem.TOO_LONG, maximum=200, count=201
        ),
        accounts.SignInError: accounts.SignInError(
            accounts.SignInStep.EXCHANGE_CODE, api.AuthorizationError()
        ),
        accounts.ClientSecretMissing: accounts.ClientSecretMissing(),
        provisioning.ProvisioningError: provisioning.ProvisioningError(
            Path("/etc/xdg/ohmygpt-desktop/provisioning.json"),
            Text("Provisioning", QT_TRANSLATE_NOOP("Provisioning", "it does not exist.")),
        ),
        permissions.RechargeNotAllowed: permissions.RechargeNotAllowed(
            declared="general_api_access"
        ),
        recharge.AccountNotSignedIn: recharge.AccountNotSignedIn(),
        recharge.OrderOutcomeUnknown: recharge.OrderOutcomeUnknown(None, lost),
        recharge.OrderOutcomeUnrecorded: recharge.OrderOutcomeUnrecorded(
            lost, full, order_no="ord_1234"
        ),
        recharge.OrderNotSaved: recharge.OrderNotSaved(record, full),
        recharge.OrderNotRecorded: recharge.OrderNotRecorded(full),
        app.ProfileSwitchError: app.ProfileSwitchError(error="boom"),
        usage.UsageHistoryError: usage.UsageHistoryError(),
    }
    # Not shown themselves: the base (its template is the generic sentence, for bugs);
    # why the app cannot start is its ``reason`` (a Text or a Problem); the smoke test
    # speaks English on a terminal; a cancelled choice of storage is no failure (the
    # sign-in panel words it).
    not_for_people = {
        Problem,
        app.StartupFailure,
        smoke.SmokeFailure,
        cli.CliError,  # the command line speaks English on a terminal too
        StorageChoiceCancelled,
        files.LockBusy,  # the settings and account stores word it as their save error
        updates.FeedError,  # a feed that cannot be used is logged and ignored, never shown
        sqlite_files.Damaged,  # caught where a database opens: the file is moved aside
    }
    assert _errors_defined_in_the_app() - not_for_people == set(examples)

    generic = translated("zh_CN", "Errors", Problem.template)
    assert manager_for(compiled).apply("zh_CN") is True
    for kind, error in examples.items():
        assert isinstance(error, Problem), f"{kind.__name__} carries no translatable text"
        assert translated("zh_CN", error.context, error.template)  # its own, translated
        text = describe(error)
        assert text != str(error), f"{kind.__name__}: shown in English"
        assert generic not in text, f"{kind.__name__}: {text}"
        for value in error.params.values():
            if isinstance(value, str | int):
                assert str(value) in text, f"{kind.__name__}: {value!r} missing from {text}"


# ------------------------------------------- (d) source checkout without .qm


@pytest.fixture
def ts_only(tmp_path: Path) -> Path:
    """A translations folder as in a fresh checkout: .ts files, no .qm."""
    folder = tmp_path / "translations"
    folder.mkdir()
    for lang in LANGUAGES:
        shutil.copyfile(ts_path(lang), ts_path(lang, folder))
    return folder


def test_ts_without_qm_is_compiled_to_the_cache(
    qtbot: Any,
    qapp: QApplication,
    ts_only: Path,
    tmp_path: Path,
    manager_for: Callable[[Path], LanguageManager],
) -> None:
    from ohmygpt_desktop.ui.main_window import MainWindow

    manager = manager_for(ts_only)
    assert manager.apply("zh_CN") is True
    app_file = Path(manager.installed_files()[0])
    assert app_file.name == "ohmygpt_zh_CN.qm"
    assert app_file.is_relative_to(tmp_path / "cache")
    assert not list(ts_only.glob("*.qm")), "the translations folder is left as it was"
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.loading_label.text() == translated("zh_CN", "MainWindow", "Loading…")

    # Switching back and forth reuses the compiled file while the .ts is unchanged.
    assert manager.apply("ja") is True
    assert manager.apply("zh_CN") is True
    assert Path(manager.installed_files()[0]) == app_file
    assert len(list((tmp_path / "cache").glob("*/ohmygpt_zh_CN.qm"))) == 1

    # An edited .ts is compiled again; the stale copy goes.
    ts = ts_path("zh_CN", ts_only)
    ts.write_text(
        ts.read_text(encoding="utf-8").replace(
            "<translation>正在加载…</translation>", "<translation>加载中…</translation>"
        ),
        encoding="utf-8",
    )
    assert manager.apply("zh_CN") is True
    assert QCoreApplication.translate("MainWindow", "Loading…") == "加载中…"
    assert len(list((tmp_path / "cache").glob("*/ohmygpt_zh_CN.qm"))) == 1


def test_a_qm_older_than_its_ts_is_not_used(
    ts_only: Path, tmp_path: Path, manager_for: Callable[[Path], LanguageManager]
) -> None:
    stale = ts_only / "ohmygpt_ja.qm"
    ts = ts_path("ja", ts_only)
    subprocess.run([lrelease(), str(ts), "-qm", str(stale)], check=True, capture_output=True)
    os.utime(stale, (ts.stat().st_mtime - 60, ts.stat().st_mtime - 60))
    manager = manager_for(ts_only)
    assert manager.apply("ja") is True
    assert Path(manager.installed_files()[0]).is_relative_to(tmp_path / "cache")

    os.utime(stale, None)  # now newer than the .ts: the build artefact is used
    assert manager.apply("ja") is True
    assert Path(manager.installed_files()[0]) == stale


def test_without_lrelease_the_ui_stays_english(
    ts_only: Path,
    manager_for: Callable[[Path], LanguageManager],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(i18n, "lrelease_command", lambda: None)
    manager = manager_for(ts_only)
    assert manager.apply("zh_CN") is False
    assert QCoreApplication.translate("MainWindow", "Loading…") == "Loading…"
    # Qt's own strings still follow the language.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_a_broken_ts_is_not_fatal(tmp_path: Path) -> None:
    broken = tmp_path / "ohmygpt_zh_CN.ts"
    broken.write_text("<TS><context><name>X", encoding="utf-8")
    assert compile_ts(broken, tmp_path / "cache") is None


def test_candidate_names_follow_qtranslator(qapp: QApplication, tmp_path: Path) -> None:
    """The fallback looks for the .ts file QTranslator.load(locale, …) would pick as .qm."""
    ts = tmp_path / "probe.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1">'
        "<context><name>P</name><message><source>x</source><translation>y</translation>"
        "</message></context></TS>\n",
        encoding="utf-8",
    )
    probe = tmp_path / "probe.qm"
    subprocess.run([lrelease(), str(ts), "-qm", str(probe)], check=True, capture_output=True)
    for name in ("zh_CN", "ja"):
        locale = QLocale(name)
        stems = translation_stems(locale, "p")
        folder = tmp_path / name
        folder.mkdir()
        for stem in stems:
            shutil.copyfile(probe, folder / f"{stem}.qm")
        chosen = []
        while True:
            translator = QTranslator()
            if not translator.load(locale, "p", "_", str(folder)):
                break
            picked = Path(translator.filePath())
            chosen.append(picked.stem)
            picked.unlink()
        assert chosen == stems


def test_doc_comments_do_not_become_translator_notes() -> None:
    """``#:`` is Sphinx's doc-comment here; lupdate would show it to translators."""
    source = (
        "#: The documented lines.\n"
        "LINES = 1\n"
        "class W:\n"
        "    def f(self):\n"
        "        #: Translators: the button that starts paying.\n"
        "        return self.tr('Pay')\n"
    )
    staged = load_ci_translations().plain_doc_comments(source)
    assert staged.splitlines()[0] == "#  The documented lines."
    assert "#: Translators: the button that starts paying." in staged
    assert len(staged) == len(source)
    for context, _source in read_ts(ts_path("zh_CN")):
        assert context  # every string has its context
    assert "<extracomment>" not in ts_path("zh_CN").read_text(encoding="utf-8")
