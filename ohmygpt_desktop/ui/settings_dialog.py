"""The Settings dialog: service line, OAuth app, network, appearance, balance & recharge.

Every value is checked by the setting's own validator (``core.settings``) as it is
typed; the message appears under the field and OK stays disabled while anything
is invalid. Values decided by an environment variable or the command line are
shown read-only with where they come from. On OK the values are applied and
saved, and :attr:`SettingsDialog.applied` names what changed; the app decides
what to rebuild (a new HTTP client for the API line or proxy, a new language…).

The OAuth client secret is not a setting: it goes to the system keyring through
``ctx.tokens`` (off the GUI thread) and never into the settings file.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import httpx
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ohmygpt_desktop.api import Secret
from ohmygpt_desktop.api.endpoints import CODE_PAGE
from ohmygpt_desktop.core.accounts import api_host
from ohmygpt_desktop.core.logs import register_secret
from ohmygpt_desktop.core.settings import SPECS, SettingsError, coerce
from ohmygpt_desktop.ui.errors import describe
from ohmygpt_desktop.ui.formatting import sentence_gap, shown
from ohmygpt_desktop.ui.i18n import LANGUAGES
from ohmygpt_desktop.ui.plain import PlainLabel, tooltip_text
from ohmygpt_desktop.ui.tasks import Op

if TYPE_CHECKING:
    from ohmygpt_desktop.app import AppContext

#: The documented API base URLs with their labels (docs/api.md#hosts).
API_LINES: tuple[tuple[str, str], ...] = (
    ("https://api.ohmygpt.com", QT_TRANSLATE_NOOP("SettingsDialog", "US main site, direct")),
    ("https://cfcus02.opapi.win", QT_TRANSLATE_NOOP("SettingsDialog", "Cloudflare CDN")),
    ("https://cfwus02.opapi.win", QT_TRANSLATE_NOOP("SettingsDialog", "Cloudflare Worker")),
    ("https://c-z0-api-01.hash070.com", QT_TRANSLATE_NOOP("SettingsDialog", "Optimized CDN")),
    ("https://www.aigptx.top", QT_TRANSLATE_NOOP("SettingsDialog", "Premium reverse proxy 1")),
    ("https://cn2us02.opapi.win", QT_TRANSLATE_NOOP("SettingsDialog", "Premium reverse proxy 2")),
)

#: The documented hosts of the authorization pages (docs/api.md#hosts).
AUTH_HOSTS: tuple[tuple[str, str], ...] = (
    ("https://next.ohmygpt.com", QT_TRANSLATE_NOOP("SettingsDialog", "Main")),
    (
        "https://next.aigptx.top",
        QT_TRANSLATE_NOOP("SettingsDialog", "Alternative for some regions"),
    ),
)

#: Settings whose change needs a new HTTP client.
NETWORK_SETTINGS = frozenset({"api_base_url", "proxy_mode", "proxy_url", "endpoints"})
#: Settings that demo mode (``--sandbox``) decides.
DEMO_SETTINGS = frozenset({"api_base_url", "auth_base_url", "client_id", "scope"})
#: The name :attr:`SettingsDialog.applied` uses for a changed client secret.
CLIENT_SECRET = "client_secret"  # noqa: S105 - a name, not a secret

LatencyCallback = Callable[[str, float | None], None]


# ------------------------------------------------------------------ latency


def _client_kwargs(proxy_mode: str, proxy_url: str) -> dict[str, Any]:
    """httpx proxy options, as the API client builds them."""
    if proxy_mode == "none":
        return {"trust_env": False}
    if proxy_mode == "custom" and proxy_url:
        return {"trust_env": False, "proxy": proxy_url}
    return {"trust_env": True}


async def measure_latency(
    client: httpx.AsyncClient, url: str, limit_s: float = 3.0
) -> float | None:
    """Milliseconds until ``url`` answers a HEAD request (any HTTP status), else None."""
    start = time.perf_counter()
    try:
        async with asyncio.timeout(limit_s + 0.5):
            await client.head(url)
    except (httpx.HTTPError, OSError, TimeoutError, ValueError):
        return None
    return (time.perf_counter() - start) * 1000.0


async def _measure_one(
    client: httpx.AsyncClient,
    url: str,
    limit_s: float,
    results: dict[str, float | None],
    on_result: LatencyCallback | None,
) -> None:
    ms = await measure_latency(client, url, limit_s)
    results[url] = ms
    if on_result is not None:
        on_result(url, ms)


async def measure_lines(
    urls: Sequence[str],
    *,
    limit_s: float = 3.0,
    proxy_mode: str = "system",
    proxy_url: str = "",
    on_result: LatencyCallback | None = None,
) -> dict[str, float | None]:
    """Measure every URL at the same time; ``on_result`` hears each as it finishes."""
    # (No function is defined inside the ``async with``: pyside6-lupdate then loses
    # track of the classes below and files their strings under an empty context.)
    results: dict[str, float | None] = {}
    client = httpx.AsyncClient(
        timeout=limit_s, follow_redirects=False, **_client_kwargs(proxy_mode, proxy_url)
    )
    try:
        await asyncio.gather(
            *(_measure_one(client, url, limit_s, results, on_result) for url in urls)
        )
    finally:
        await client.aclose()
    return results


# ------------------------------------------------------------------ fields


@dataclass
class _Field:
    """One setting in the dialog."""

    name: str
    read: Callable[[], Any]
    write: Callable[[Any], None]
    inputs: list[QWidget]
    error: QLabel
    note: QLabel
    #: Index of the tab the field is on (to show the first error).
    tab: int


class SettingsDialog(QDialog):
    """Edit the settings; emits :attr:`applied` with the changed names after OK."""

    #: Names of the settings changed by OK (plus ``"client_secret"`` when it changed).
    applied = Signal(list)

    TAB_SERVICE, TAB_OAUTH, TAB_NETWORK, TAB_APPEARANCE, TAB_BALANCE = range(5)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        api_lines: Sequence[tuple[str, str]] = API_LINES,
        auth_hosts: Sequence[tuple[str, str]] = AUTH_HOSTS,
        latency_timeout: float = 3.0,
        network_changes_live: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = ctx.settings
        self.setObjectName("SettingsDialog")
        # Values set by the environment or the command line look read-only.
        self.setStyleSheet(
            'QLineEdit[readOnly="true"] { background: palette(window); '
            "color: palette(placeholder-text); }"
        )
        self._api_lines = [(url.rstrip("/"), label) for url, label in api_lines]
        self._auth_hosts = [(url.rstrip("/"), label) for url, label in auth_hosts]
        self._latency_timeout = latency_timeout
        self._network_live = network_changes_live
        self._fields: dict[str, _Field] = {}
        self._values: dict[str, Any] = {}
        self._errors: dict[str, str] = {}
        self._latency: dict[str, float | None] = {}
        self._latency_pending: set[str] = set()
        self._latency_op: Op[dict[str, float | None]] | None = None
        self._secret_op: Op[bool] | None = None
        self._secret_stored: bool | None = None
        self._secret_load_error: str = ""
        self._saving = False
        self._status_error = ""

        outer = QVBoxLayout(self)
        outer.setContentsMargins(14, 14, 14, 12)
        outer.setSpacing(10)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("SettingsTabs")
        outer.addWidget(self.tabs, 1)
        self._build_service_tab()
        self._build_oauth_tab()
        self._build_network_tab()
        self._build_appearance_tab()
        self._build_balance_tab()

        bottom = QHBoxLayout()
        self.status_label = PlainLabel(self)
        self.status_label.setObjectName("SettingsStatus")
        self.status_label.setWordWrap(True)
        bottom.addWidget(self.status_label, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.apply_and_accept)
        self.buttons.rejected.connect(self.reject)
        bottom.addWidget(self.buttons)
        outer.addLayout(bottom)

        self.load_values()
        self._connect_validation()
        self.setMinimumSize(640, 520)
        self.retranslate()
        self.validate()
        self._load_secret_state()

    # ================================================================ building

    def _field_box(
        self, *inputs: QWidget, row: QWidget | None = None
    ) -> tuple[QWidget, QLabel, QLabel]:
        """A column: the input(s), an error line and a "set by …" note."""
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        if row is not None:
            column.addWidget(row)
        else:
            for widget in inputs:
                column.addWidget(widget)
        error = PlainLabel(box)
        error.setObjectName("FieldError")
        error.setWordWrap(True)
        error.setStyleSheet("QLabel#FieldError { color: #c5221f; }")
        error.hide()
        column.addWidget(error)
        note = PlainLabel(box)
        note.setObjectName("OverrideNote")
        note.setWordWrap(True)
        font = note.font()
        font.setItalic(True)
        note.setFont(font)
        note.setStyleSheet("QLabel#OverrideNote { color: palette(placeholder-text); }")
        note.hide()
        column.addWidget(note)
        return box, error, note

    def _hint(self, parent: QWidget) -> QLabel:
        label = PlainLabel(parent)
        label.setWordWrap(True)
        label.setObjectName("Hint")
        label.setStyleSheet("color: palette(placeholder-text);")
        return label

    def _add_field(
        self,
        form: QFormLayout,
        caption: QLabel,
        name: str,
        tab: int,
        read: Callable[[], Any],
        write: Callable[[Any], None],
        inputs: list[QWidget],
        row: QWidget | None = None,
    ) -> _Field:
        box, error, note = self._field_box(*inputs, row=row)
        form.addRow(caption, box)
        field = _Field(name, read, write, inputs, error, note, tab)
        self._fields[name] = field
        return field

    def _new_form(self, page: QWidget) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(12)
        return form

    def _new_page(self) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget(self.tabs)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        return page, layout

    # ---- Service

    def _build_service_tab(self) -> None:
        page, layout = self._new_page()
        form = self._new_form(page)

        # API line: documented lines + Custom…
        self.api_caption = PlainLabel(page)
        api_row = QWidget(page)
        api_column = QVBoxLayout(api_row)
        api_column.setContentsMargins(0, 0, 0, 0)
        api_column.setSpacing(6)
        combo_row = QHBoxLayout()
        self.api_combo = QComboBox(api_row)
        self.api_combo.setObjectName("ApiLine")
        for url, _label in self._api_lines:
            self.api_combo.addItem("", url)
        self.api_combo.addItem("", None)  # Custom…
        combo_row.addWidget(self.api_combo, 1)
        self.test_button = QPushButton(api_row)
        self.test_button.setObjectName("TestLines")
        self.test_button.clicked.connect(self.test_lines)
        combo_row.addWidget(self.test_button)
        api_column.addLayout(combo_row)
        self.api_custom = QLineEdit(api_row)
        self.api_custom.setObjectName("ApiCustomUrl")
        self.api_custom.setPlaceholderText("https://")
        self.api_custom.setClearButtonEnabled(True)
        api_column.addWidget(self.api_custom)

        self.latency_tree = QTreeWidget(api_row)
        self.latency_tree.setObjectName("LatencyResults")
        self.latency_tree.setColumnCount(2)
        self.latency_tree.setRootIsDecorated(False)
        self.latency_tree.setUniformRowHeights(True)
        self.latency_tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.latency_tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.latency_tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for url, _label in self._api_lines:
            item = QTreeWidgetItem(self.latency_tree)
            item.setData(0, Qt.ItemDataRole.UserRole, url)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.latency_tree.itemDoubleClicked.connect(self._on_latency_double_clicked)
        rows = len(self._api_lines)
        self.latency_tree.setFixedHeight(
            self.latency_tree.sizeHintForRow(0) * rows + header.sizeHint().height() + 8
            if rows
            else 60
        )
        self.latency_tree.hide()
        api_column.addWidget(self.latency_tree)
        fastest_row = QHBoxLayout()
        self.latency_hint = self._hint(api_row)
        fastest_row.addWidget(self.latency_hint, 1)
        self.fastest_button = QPushButton(api_row)
        self.fastest_button.setObjectName("UseFastest")
        self.fastest_button.clicked.connect(self.use_fastest)
        self.fastest_button.hide()
        fastest_row.addWidget(self.fastest_button)
        api_column.addLayout(fastest_row)
        self._add_field(
            form,
            self.api_caption,
            "api_base_url",
            self.TAB_SERVICE,
            read=lambda: self._combo_url(self.api_combo, self.api_custom),
            write=lambda v: self._set_combo_url(self.api_combo, self.api_custom, v),
            inputs=[self.api_combo, self.api_custom],
            row=api_row,
        )
        self.api_combo.currentIndexChanged.connect(self._sync_custom_fields)

        # Authorization page host.
        self.auth_caption = PlainLabel(page)
        auth_row = QWidget(page)
        auth_column = QVBoxLayout(auth_row)
        auth_column.setContentsMargins(0, 0, 0, 0)
        auth_column.setSpacing(6)
        self.auth_combo = QComboBox(auth_row)
        self.auth_combo.setObjectName("AuthHost")
        for url, _label in self._auth_hosts:
            self.auth_combo.addItem("", url)
        self.auth_combo.addItem("", None)
        auth_column.addWidget(self.auth_combo)
        self.auth_custom = QLineEdit(auth_row)
        self.auth_custom.setObjectName("AuthCustomUrl")
        self.auth_custom.setPlaceholderText("https://")
        self.auth_custom.setClearButtonEnabled(True)
        auth_column.addWidget(self.auth_custom)
        self._add_field(
            form,
            self.auth_caption,
            "auth_base_url",
            self.TAB_SERVICE,
            read=lambda: self._combo_url(self.auth_combo, self.auth_custom),
            write=lambda v: self._set_combo_url(self.auth_combo, self.auth_custom, v),
            inputs=[self.auth_combo, self.auth_custom],
            row=auth_row,
        )
        self.auth_combo.currentIndexChanged.connect(self._sync_custom_fields)

        layout.addLayout(form)
        self.service_note = self._hint(page)
        layout.addWidget(self.service_note)
        layout.addStretch(1)
        self.tabs.addTab(page, "")

    # ---- OAuth app

    def _build_oauth_tab(self) -> None:
        page, layout = self._new_page()
        self.oauth_intro = self._hint(page)
        layout.addWidget(self.oauth_intro)
        form = self._new_form(page)

        self.client_id_caption = PlainLabel(page)
        self.client_id_edit = QLineEdit(page)
        self.client_id_edit.setObjectName("ClientId")
        self._add_field(
            form,
            self.client_id_caption,
            "client_id",
            self.TAB_OAUTH,
            read=self.client_id_edit.text,
            write=lambda v: self.client_id_edit.setText(v),
            inputs=[self.client_id_edit],
        )

        # The client secret is not a setting: a field of its own, kept in the keyring.
        self.secret_caption = PlainLabel(page)
        self.secret_edit = QLineEdit(page)
        self.secret_edit.setObjectName("ClientSecret")
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setClearButtonEnabled(True)
        self.secret_hint = self._hint(page)
        self.secret_hint.setObjectName("SecretHint")
        self.forget_secret = QCheckBox(page)
        self.forget_secret.setObjectName("ForgetSecret")
        self.forget_secret.hide()
        secret_box, self.secret_error, self.secret_note = self._field_box(
            self.secret_edit, self.secret_hint, self.forget_secret
        )
        form.addRow(self.secret_caption, secret_box)

        self.redirect_caption = PlainLabel(page)
        self.redirect_edit = QLineEdit(page)
        self.redirect_edit.setObjectName("RedirectUri")
        self.redirect_hint = self._hint(page)
        self._add_field(
            form,
            self.redirect_caption,
            "redirect_uri",
            self.TAB_OAUTH,
            read=self.redirect_edit.text,
            write=lambda v: self.redirect_edit.setText(v),
            inputs=[self.redirect_edit, self.redirect_hint],
        )

        self.scope_caption = PlainLabel(page)
        self.scope_edit = QLineEdit(page)
        self.scope_edit.setObjectName("Scope")
        self._add_field(
            form,
            self.scope_caption,
            "scope",
            self.TAB_OAUTH,
            read=self.scope_edit.text,
            write=lambda v: self.scope_edit.setText(v),
            inputs=[self.scope_edit],
        )
        layout.addLayout(form)
        layout.addStretch(1)
        self.tabs.addTab(page, "")

    # ---- Network

    def _build_network_tab(self) -> None:
        page, layout = self._new_page()
        form = self._new_form(page)
        self.proxy_caption = PlainLabel(page)
        mode_row = QWidget(page)
        mode_column = QVBoxLayout(mode_row)
        mode_column.setContentsMargins(0, 0, 0, 0)
        mode_column.setSpacing(4)
        self.proxy_group = QButtonGroup(self)
        self.proxy_radios: dict[str, QRadioButton] = {}
        for mode in ("system", "none", "custom"):
            radio = QRadioButton(mode_row)
            radio.setObjectName(f"Proxy_{mode}")
            self.proxy_group.addButton(radio)
            self.proxy_radios[mode] = radio
            mode_column.addWidget(radio)
        self._add_field(
            form,
            self.proxy_caption,
            "proxy_mode",
            self.TAB_NETWORK,
            read=self._proxy_mode,
            write=lambda v: self.proxy_radios.get(v, self.proxy_radios["system"]).setChecked(True),
            inputs=list(self.proxy_radios.values()),
            row=mode_row,
        )
        self.proxy_url_caption = PlainLabel(page)
        self.proxy_url_edit = QLineEdit(page)
        self.proxy_url_edit.setObjectName("ProxyUrl")
        self.proxy_url_edit.setPlaceholderText("socks5://127.0.0.1:1080")
        self.proxy_hint = self._hint(page)
        self._add_field(
            form,
            self.proxy_url_caption,
            "proxy_url",
            self.TAB_NETWORK,
            read=self.proxy_url_edit.text,
            write=lambda v: self.proxy_url_edit.setText(v),
            inputs=[self.proxy_url_edit, self.proxy_hint],
        )
        self.proxy_group.buttonToggled.connect(lambda *_: self._sync_custom_fields())
        layout.addLayout(form)
        self.network_note = self._hint(page)
        layout.addWidget(self.network_note)
        layout.addStretch(1)
        self.tabs.addTab(page, "")

    # ---- Appearance

    def _build_appearance_tab(self) -> None:
        page, layout = self._new_page()
        form = self._new_form(page)
        self.language_caption = PlainLabel(page)
        self.language_combo = QComboBox(page)
        self.language_combo.setObjectName("Language")
        self.language_combo.setMinimumWidth(220)
        self.language_combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        for code, native in LANGUAGES:
            self.language_combo.addItem(native, code)
        self._add_field(
            form,
            self.language_caption,
            "language",
            self.TAB_APPEARANCE,
            read=self.language_combo.currentData,
            write=lambda v: self._set_combo_data(self.language_combo, v),
            inputs=[self.language_combo],
        )
        self.theme_caption = PlainLabel(page)
        self.theme_combo = QComboBox(page)
        self.theme_combo.setObjectName("Theme")
        self.theme_combo.setMinimumWidth(220)
        self.theme_combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        for code in ("system", "light", "dark"):
            self.theme_combo.addItem("", code)
        self._add_field(
            form,
            self.theme_caption,
            "theme",
            self.TAB_APPEARANCE,
            read=self.theme_combo.currentData,
            write=lambda v: self._set_combo_data(self.theme_combo, v),
            inputs=[self.theme_combo],
        )
        layout.addLayout(form)
        layout.addStretch(1)
        self.tabs.addTab(page, "")

    # ---- Balance & recharge

    def _spin(self, page: QWidget, name: str) -> QSpinBox:
        spin = QSpinBox(page)
        spin.setObjectName(name)
        spin.setRange(0, 999_999)
        spin.setMaximumWidth(160)
        return spin

    def _money_edit(self, page: QWidget, name: str) -> tuple[QLineEdit, QWidget]:
        row = QWidget(page)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        edit = QLineEdit(row)
        edit.setObjectName(name)
        edit.setMaximumWidth(160)
        line.addWidget(edit)
        line.addWidget(PlainLabel("USD", row))
        line.addStretch(1)
        return edit, row

    def _build_balance_tab(self) -> None:
        page, layout = self._new_page()
        form = self._new_form(page)
        tab = self.TAB_BALANCE

        self.refresh_caption = PlainLabel(page)
        self.refresh_spin = self._spin(page, "RefreshInterval")
        self._add_field(
            form,
            self.refresh_caption,
            "refresh_interval_s",
            tab,
            read=self.refresh_spin.value,
            write=lambda v: self.refresh_spin.setValue(int(v)),
            inputs=[self.refresh_spin],
        )
        self.watch_caption = PlainLabel(page)
        self.watch_spin = self._spin(page, "PaymentWatchMinutes")
        self._add_field(
            form,
            self.watch_caption,
            "payment_watch_minutes",
            tab,
            read=self.watch_spin.value,
            write=lambda v: self.watch_spin.setValue(int(v)),
            inputs=[self.watch_spin],
        )
        self.min_caption = PlainLabel(page)
        self.min_edit, min_row = self._money_edit(page, "RechargeMin")
        self._add_field(
            form,
            self.min_caption,
            "recharge_min",
            tab,
            read=lambda: self._read_money(self.min_edit),
            write=lambda v: self.min_edit.setText(format(v, "f")),
            inputs=[self.min_edit],
            row=min_row,
        )
        self.max_caption = PlainLabel(page)
        self.max_edit, max_row = self._money_edit(page, "RechargeMax")
        self._add_field(
            form,
            self.max_caption,
            "recharge_max",
            tab,
            read=lambda: self._read_money(self.max_edit),
            write=lambda v: self.max_edit.setText(format(v, "f")),
            inputs=[self.max_edit],
            row=max_row,
        )
        self.presets_caption = PlainLabel(page)
        self.presets_edit = QLineEdit(page)
        self.presets_edit.setObjectName("RechargePresets")
        self.presets_hint = self._hint(page)
        self._add_field(
            form,
            self.presets_caption,
            "recharge_presets",
            tab,
            read=self._read_presets,
            write=lambda v: self.presets_edit.setText(", ".join(format(d, "f") for d in v)),
            inputs=[self.presets_edit, self.presets_hint],
        )
        self.low_caption = PlainLabel(page)
        self.low_edit, low_row = self._money_edit(page, "LowBalance")
        self._add_field(
            form,
            self.low_caption,
            "low_balance_usd",
            tab,
            read=lambda: self._read_money(self.low_edit),
            write=lambda v: self.low_edit.setText(format(v, "f")),
            inputs=[self.low_edit],
            row=low_row,
        )
        self.rate_caption = PlainLabel(page)
        self.rate_edit = QLineEdit(page)
        self.rate_edit.setObjectName("CreditsPerUsd")
        self.rate_edit.setMaximumWidth(160)
        self.rate_hint = self._hint(page)
        self._add_field(
            form,
            self.rate_caption,
            "credits_per_usd",
            tab,
            read=self._read_rate,
            write=lambda v: self.rate_edit.setText(format(v, "f")),
            inputs=[self.rate_edit, self.rate_hint],
        )
        layout.addLayout(form)
        layout.addStretch(1)
        self.tabs.addTab(page, "")

    # ================================================================ values

    @staticmethod
    def _set_combo_data(combo: QComboBox, value: Any) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    @staticmethod
    def _combo_url(combo: QComboBox, custom: QLineEdit) -> str:
        data = combo.currentData()
        return data if data is not None else custom.text()

    @staticmethod
    def _set_combo_url(combo: QComboBox, custom: QLineEdit, url: str) -> None:
        index = combo.findData(url.rstrip("/"))
        if index < 0:
            combo.setCurrentIndex(combo.count() - 1)
            custom.setText(url)
        else:
            combo.setCurrentIndex(index)

    def _proxy_mode(self) -> str:
        for mode, radio in self.proxy_radios.items():
            if radio.isChecked():
                return mode
        return "system"

    def _read_money(self, edit: QLineEdit) -> Decimal:
        text = edit.text().strip().replace(",", ".")
        if text.startswith("$"):
            text = text[1:].strip()
        try:
            return Decimal(text)
        except InvalidOperation:
            raise ValueError(self.tr("Enter an amount in USD, for example 10 or 12.50.")) from None

    def _read_rate(self) -> Decimal:
        try:
            return Decimal(self.rate_edit.text().strip())
        except InvalidOperation:
            raise ValueError(self.tr("Enter a number, for example 34000.")) from None

    def _read_presets(self) -> list[Decimal]:
        amounts: list[Decimal] = []
        for part in self.presets_edit.text().replace("，", ",").split(","):
            item = part.strip().lstrip("$").strip()
            if not item:
                continue
            try:
                amounts.append(Decimal(item))
            except InvalidOperation:
                raise ValueError(
                    self.tr("“{item}” is not an amount. Separate amounts with commas.").format(
                        item=item
                    )
                ) from None
        return amounts

    def load_values(self) -> None:
        """Fill every field from the effective settings."""
        for field in self._fields.values():
            field.write(self.settings.get(field.name))
            overridden = self.settings.overridden(field.name)
            for widget in field.inputs:
                if isinstance(widget, QLineEdit):
                    widget.setReadOnly(overridden)
                    widget.setEnabled(True)
                    if overridden:
                        widget.setClearButtonEnabled(False)
                    # The read-only look comes from a style sheet rule on readOnly.
                    widget.style().unpolish(widget)
                    widget.style().polish(widget)
                elif not isinstance(widget, QLabel):
                    widget.setEnabled(not overridden)
            field.note.setVisible(overridden)
        if self.ctx.demo_mode:
            self.secret_edit.setEnabled(False)
        self._sync_custom_fields()

    def _sync_custom_fields(self) -> None:
        self.api_custom.setVisible(self.api_combo.currentData() is None)
        self.auth_custom.setVisible(self.auth_combo.currentData() is None)
        proxy_overridden = self.settings.overridden("proxy_url")
        self.proxy_url_edit.setEnabled(self._proxy_mode() == "custom" or proxy_overridden)

    def _connect_validation(self) -> None:
        for edit in (
            self.api_custom,
            self.auth_custom,
            self.client_id_edit,
            self.secret_edit,
            self.redirect_edit,
            self.scope_edit,
            self.proxy_url_edit,
            self.min_edit,
            self.max_edit,
            self.presets_edit,
            self.low_edit,
            self.rate_edit,
        ):
            edit.textChanged.connect(self.validate)
        for combo in (self.api_combo, self.auth_combo, self.language_combo, self.theme_combo):
            combo.currentIndexChanged.connect(self.validate)
        for spin in (self.refresh_spin, self.watch_spin):
            spin.valueChanged.connect(self.validate)
        self.proxy_group.buttonToggled.connect(lambda *_: self.validate())
        self.forget_secret.toggled.connect(self.validate)
        self.auth_combo.currentIndexChanged.connect(self._retranslate_redirect_hint)
        self.auth_custom.textChanged.connect(self._retranslate_redirect_hint)

    # ============================================================== validation

    @staticmethod
    def check_value(name: str, raw: Any) -> Any:
        """The setting's own validation; raises ValueError with a human message."""
        spec = SPECS[name]
        return spec.validate(coerce(spec, raw, from_text=isinstance(raw, str)))

    def validate(self) -> bool:
        """Check every editable field; show messages; enable OK only when all are valid."""
        self._values.clear()
        self._errors.clear()
        for field in self._fields.values():
            if self.settings.overridden(field.name):
                continue
            if field.name == "proxy_url" and self._proxy_mode() != "custom":
                continue
            try:
                self._values[field.name] = self.check_value(field.name, field.read())
            except SettingsError as exc:  # the setting's own check: translatable
                self._errors[field.name] = describe(exc)
            except ValueError as exc:  # the dialog's own parsing: already translated
                self._errors[field.name] = str(exc)
        self._cross_checks()
        for field in self._fields.values():
            message = self._errors.get(field.name, "")
            field.error.setText(message)
            field.error.setVisible(bool(message))
        secret_message = self._secret_problem()
        self.secret_error.setText(secret_message)
        self.secret_error.setVisible(bool(secret_message))
        valid = not self._errors and not secret_message
        self.ok_button.setEnabled(valid and not self._saving)
        self._update_status()
        return valid

    def _effective(self, name: str) -> Any:
        """The value the app will use after OK (edited, or the overriding one)."""
        if name in self._values:
            return self._values[name]
        return self.settings.get(name)

    def _cross_checks(self) -> None:
        if (
            self._proxy_mode() == "custom"
            and not self.settings.overridden("proxy_url")
            and "proxy_url" not in self._errors
            and not self._values.get("proxy_url")
        ):
            self._errors["proxy_url"] = self.tr("Enter the address of the proxy.")
        low, high = self._effective("recharge_min"), self._effective("recharge_max")
        if "recharge_min" in self._errors or "recharge_max" in self._errors:
            return
        if low > high and not self.settings.overridden("recharge_max"):
            self._errors["recharge_max"] = self.tr(
                "The maximum must not be less than the minimum ({low} USD)."
            ).format(low=format(low, "f"))
            return
        presets = self._values.get("recharge_presets")
        if presets and "recharge_presets" not in self._errors:
            outside = [p for p in presets if not low <= p <= high]
            if outside:
                self._errors["recharge_presets"] = self.tr(
                    "Every amount must be between the minimum and the maximum "
                    "({low}–{high} USD); {amount} is not."
                ).format(
                    low=format(low, "f"), high=format(high, "f"), amount=format(outside[0], "f")
                )

    def _secret_problem(self) -> str:
        text = self.secret_edit.text()
        if not text:
            return ""
        if any(ch.isspace() or not ch.isprintable() for ch in text):
            return self.tr("The client secret must not contain spaces or line breaks.")
        if len(text) > 500:
            return self.tr("The client secret is too long.")
        if not self._effective("client_id"):
            return self.tr("Enter the client id first: the secret is stored for it.")
        return ""

    def _update_status(self) -> None:
        if self._status_error:
            self.status_label.setText(self._status_error)
            self.status_label.setStyleSheet("QLabel#SettingsStatus { color: #c5221f; }")
            return
        self.status_label.setStyleSheet("")
        if self._saving:
            self.status_label.setText(self.tr("Saving the client secret to the system keyring…"))
        elif self._errors or self.secret_error.text():
            tabs = sorted(
                {self._fields[name].tab for name in self._errors}
                | ({self.TAB_OAUTH} if self.secret_error.text() else set())
            )
            names = ", ".join(self.tabs.tabText(i).replace("&&", "&") for i in tabs)
            self.status_label.setText(
                self.tr("Correct the marked values first ({tabs}).").format(tabs=names)
            )
            self.status_label.setStyleSheet("QLabel#SettingsStatus { color: #c5221f; }")
        else:
            self.status_label.setText("")

    def errors(self) -> dict[str, str]:
        """Current validation messages by setting name (tests)."""
        return dict(self._errors)

    # =========================================================== client secret

    def _secret_host(self, api_base_url: str) -> str:
        return api_host(api_base_url)

    def _load_secret_state(self) -> None:
        """Find out whether a secret is stored (to say so); never shows it."""
        client_id = self.settings.client_id
        if self.ctx.demo_mode or not client_id:
            self._secret_stored = False
            self._retranslate_secret()
            return

        async def probe() -> bool:
            secret = await self.ctx.tokens.load_client_secret(self.ctx.accounts.host, client_id)
            return secret is not None and bool(secret.reveal())

        def loaded(stored: bool) -> None:
            self._secret_stored = stored
            self._retranslate_secret()

        def failed(exc: Exception) -> None:
            self._secret_stored = None
            self._secret_load_error = describe(exc)
            self._retranslate_secret()

        Op(probe).on_success(loaded).on_failure(failed).start(self)

    async def _store_secret(
        self,
        old_host: str,
        old_client_id: str,
        new_host: str,
        new_client_id: str,
        new_secret: Secret | None,
        forget: bool,
    ) -> bool:
        """Keyring work for OK; True when the stored secret changed."""
        tokens = self.ctx.tokens
        changed = False
        if forget and old_client_id:
            await tokens.delete_client_secret(old_host, old_client_id)
            changed = True
        if new_secret is not None:
            register_secret(new_secret.reveal())  # never in a log line from now on
            await tokens.save_client_secret(new_host, new_client_id, new_secret)
            return True
        if not forget and old_client_id and old_client_id == new_client_id and old_host != new_host:
            # Another API line: the secret of the same app goes with it.
            existing = await tokens.load_client_secret(old_host, old_client_id)
            if existing is not None and existing.reveal():
                await tokens.save_client_secret(new_host, new_client_id, existing)
                changed = True
        return changed

    # ============================================================== applying

    def changes(self) -> dict[str, Any]:
        """The validated values that differ from the current effective settings."""
        return {
            name: value
            for name, value in self._values.items()
            if not self.settings.overridden(name) and value != self.settings.get(name)
        }

    def apply_and_accept(self) -> None:
        if self._saving or not self.validate():
            self._show_first_error()
            return
        changes = self.changes()
        self._status_error = ""
        typed = self.secret_edit.text()
        new_secret = Secret(typed) if typed and not self.ctx.demo_mode else None
        forget = not self.forget_secret.isHidden() and self.forget_secret.isChecked()
        old_client_id = self.settings.client_id
        new_client_id = self._effective("client_id")
        old_host = self.ctx.accounts.host
        new_host = (
            old_host
            if self.ctx.demo_mode or "api_base_url" not in changes
            else self._secret_host(changes["api_base_url"])
        )
        keyring_work = (
            new_secret is not None
            or forget
            or (old_client_id and old_client_id == new_client_id and old_host != new_host)
        )
        if not keyring_work or self.ctx.demo_mode:
            self._finish(changes, secret_changed=False)
            return
        self._set_saving(True)
        self._secret_op = (
            Op(
                self._store_secret,
                old_host,
                old_client_id,
                new_host,
                new_client_id,
                new_secret,
                forget,
            )
            .on_success(lambda changed: self._finish(changes, secret_changed=changed))
            .on_failure(self._secret_failed)
            .on_done(lambda: self._set_saving(False))
            .start(self)
        )

    def _secret_failed(self, exc: Exception) -> None:
        self._status_error = self.tr("The client secret could not be saved: {reason}").format(
            reason=describe(exc)
        )
        self.tabs.setCurrentIndex(self.TAB_OAUTH)
        self._update_status()

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.tabs.setEnabled(not saving)
        self.cancel_button.setEnabled(not saving)
        if saving:
            self.ok_button.setEnabled(False)
            self._update_status()
        else:
            self.validate()

    def _finish(self, changes: dict[str, Any], *, secret_changed: bool) -> None:
        try:
            for name, value in changes.items():
                self.settings.set(name, value)
            if changes:
                self.settings.save()
        except SettingsError as exc:
            self._status_error = describe(exc)
            self._update_status()
            return
        names = list(changes)
        if secret_changed:
            names.append(CLIENT_SECRET)
        self.secret_edit.clear()
        self.applied.emit(names)
        self.accept()

    def _show_first_error(self) -> None:
        if self._errors:
            first = next(iter(self._errors))
            self.tabs.setCurrentIndex(self._fields[first].tab)
        elif self.secret_error.text():
            self.tabs.setCurrentIndex(self.TAB_OAUTH)

    def reject(self) -> None:
        if self._saving:
            return
        super().reject()

    def done(self, result: int) -> None:
        if self._latency_op is not None:
            self._latency_op.cancel()
        super().done(result)

    # =============================================================== latency

    def test_lines(self) -> None:
        """Measure every documented line at once; results appear as they arrive."""
        if self._latency_op is not None and self._latency_op.running:
            return
        urls = [url for url, _ in self._api_lines]
        if not urls:
            return
        self._latency = {}
        self._latency_pending = set(urls)
        proxy_mode = self._effective("proxy_mode")
        proxy_url = self._effective("proxy_url") if proxy_mode == "custom" else ""
        if "proxy_url" in self._errors or "proxy_mode" in self._errors:
            proxy_mode, proxy_url = "system", ""
        self.latency_tree.show()
        self.test_button.setEnabled(False)
        self._render_latency()

        def arrived(url: str, ms: float | None) -> None:
            if not isValid(self):
                return
            self._latency[url] = ms
            self._latency_pending.discard(url)
            self._render_latency()

        def finished() -> None:
            self._latency_pending.clear()
            self.test_button.setEnabled(True)
            self._render_latency()

        def failed(exc: Exception) -> None:
            self.latency_hint.setText(describe(exc))

        self._latency_op = (
            Op(
                measure_lines,
                urls,
                limit_s=self._latency_timeout,
                proxy_mode=proxy_mode,
                proxy_url=proxy_url,
                on_result=arrived,
            )
            .on_failure(failed)
            .on_done(finished)
            .start(self)
        )

    @property
    def latency_running(self) -> bool:
        return self._latency_op is not None and self._latency_op.running

    def latency_text(self, url: str) -> str:
        """What the results list shows for ``url`` ("123 ms", "unreachable", "testing…")."""
        if url in self._latency_pending:
            return self.tr("testing…")
        if url not in self._latency:
            return ""
        ms = self._latency[url]
        if ms is None:
            return self.tr("unreachable")
        return self.tr("{ms} ms").format(ms=max(1, round(ms)))

    def fastest_line(self) -> str | None:
        reachable = [(ms, url) for url, ms in self._latency.items() if ms is not None]
        return min(reachable)[1] if reachable else None

    def use_fastest(self) -> None:
        url = self.fastest_line()
        if url is not None:
            self._set_combo_url(self.api_combo, self.api_custom, url)

    def _on_latency_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if self.api_combo.isEnabled():
            self._set_combo_url(
                self.api_combo, self.api_custom, item.data(0, Qt.ItemDataRole.UserRole)
            )

    def _render_latency(self) -> None:
        fastest = self.fastest_line()
        done = not self._latency_pending and bool(self._latency)
        for index in range(self.latency_tree.topLevelItemCount()):
            item = self.latency_tree.topLevelItem(index)
            url = item.data(0, Qt.ItemDataRole.UserRole)
            label = self._line_label(url)
            item.setText(0, label)
            item.setToolTip(0, tooltip_text(shown(url)))
            item.setText(1, self.latency_text(url))
            is_fastest = done and url == fastest
            font = QFont(self.latency_tree.font())
            font.setBold(is_fastest)
            item.setFont(0, font)
            item.setFont(1, font)
            if url in self._latency and self._latency[url] is None:
                item.setForeground(1, self.palette().placeholderText())
            else:
                item.setForeground(1, self.palette().text())
        can_pick = done and fastest is not None and self.api_combo.isEnabled()
        self.fastest_button.setVisible(can_pick)
        if self._latency_pending:
            self.latency_hint.setText(self.tr("Measuring each line's response time…"))
        elif done and fastest is None:
            self.latency_hint.setText(
                self.tr("No line answered. Check your connection or the proxy settings.")
            )
        elif done:
            hint = self.tr("Fastest: {line}.").format(line=self._line_label(fastest or ""))
            if self.api_combo.isEnabled():
                hint += sentence_gap() + self.tr("Double-click a line to use it.")
            self.latency_hint.setText(hint)
        else:
            self.latency_hint.setText("")
        self.fastest_button.setText(self.tr("Use the fastest"))

    def _line_label(self, url: str) -> str:
        for line_url, label in self._api_lines:
            if line_url == url:
                return self.tr("{label} — {host}").format(
                    label=self.tr(label), host=url.split("://", 1)[-1]
                )
        return shown(url)

    # =========================================================== translation

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        titles = (
            self.tr("Service"),
            self.tr("OAuth app"),
            self.tr("Network"),
            self.tr("Appearance"),
            self.tr("Balance && recharge"),
        )
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)

        # Service
        self.api_caption.setText(self.tr("API line:"))
        for index, (url, _label) in enumerate(self._api_lines):
            self.api_combo.setItemText(index, self._line_label(url))
            self.api_combo.setItemData(index, url, Qt.ItemDataRole.ToolTipRole)
        self.api_combo.setItemText(self.api_combo.count() - 1, self.tr("Custom…"))
        self.test_button.setText(self.tr("Test"))
        self.test_button.setToolTip(self.tr("Measure how fast each line answers from here."))
        self.latency_tree.setHeaderLabels([self.tr("Line"), self.tr("Response time")])
        self._render_latency()
        self.auth_caption.setText(self.tr("Sign-in page:"))
        auth_labels = {
            url: self.tr("{label} — {host}").format(label=self.tr(label), host=url.split("://")[-1])
            for url, label in self._auth_hosts
        }
        for index, (url, _label) in enumerate(self._auth_hosts):
            self.auth_combo.setItemText(index, auth_labels[url])
        self.auth_combo.setItemText(self.auth_combo.count() - 1, self.tr("Custom…"))
        if self._network_live:
            self.service_note.setText(
                self.tr("A new API line takes effect as soon as you click OK.")
            )
        else:
            self.service_note.setText(
                self.tr("A new API line takes effect the next time you start the app.")
            )

        # OAuth app
        self.oauth_intro.setText(
            self.tr(
                "The OhMyGPT OAuth app this program signs in with. You get the client id "
                "and secret when you register an app with OhMyGPT."
            )
        )
        self.client_id_caption.setText(self.tr("Client id:"))
        self.secret_caption.setText(self.tr("Client secret:"))
        self.forget_secret.setText(self.tr("Remove the stored client secret"))
        self._retranslate_secret()
        self.redirect_caption.setText(self.tr("Redirect URI:"))
        self._retranslate_redirect_hint()
        self.scope_caption.setText(self.tr("Scope:"))

        # Network
        self.proxy_caption.setText(self.tr("Proxy:"))
        self.proxy_radios["system"].setText(self.tr("Use the system proxy settings"))
        self.proxy_radios["none"].setText(self.tr("No proxy"))
        self.proxy_radios["custom"].setText(self.tr("Custom proxy"))
        self.proxy_url_caption.setText(self.tr("Proxy address:"))
        self.proxy_hint.setText(
            self.tr("An http://, https:// or socks5:// address, e.g. socks5://127.0.0.1:1080.")
        )
        if self._network_live:
            self.network_note.setText(self.tr("Proxy changes take effect as soon as you click OK."))
        else:
            self.network_note.setText(
                self.tr("Proxy changes take effect the next time you start the app.")
            )

        # Appearance
        self.language_caption.setText(self.tr("Language:"))
        self.language_combo.setItemText(0, self.tr("System default"))
        self.theme_caption.setText(self.tr("Theme:"))
        for index, text in enumerate((self.tr("System"), self.tr("Light"), self.tr("Dark"))):
            self.theme_combo.setItemText(index, text)

        # Balance & recharge
        self.refresh_caption.setText(self.tr("Refresh the balance every:"))
        self.refresh_spin.setSuffix(self.tr(" seconds"))
        self.watch_caption.setText(self.tr("Watch for a payment for:"))
        self.watch_spin.setSuffix(self.tr(" minutes"))
        self.min_caption.setText(self.tr("Smallest recharge:"))
        self.max_caption.setText(self.tr("Largest recharge:"))
        self.presets_caption.setText(self.tr("Quick amounts:"))
        self.presets_hint.setText(self.tr("USD amounts separated by commas, e.g. 5, 10, 20."))
        self.low_caption.setText(self.tr("Low-balance warning below:"))
        self.rate_caption.setText(self.tr("Credits per US dollar:"))
        self.rate_hint.setText(
            self.tr(
                "The OhMyGPT documentation does not state this rate; 34000 is what other "
                "programs use. The app shows balances in dollars and checks that a payment "
                "arrived with it: change it only if OhMyGPT tells you otherwise."
            )
        )

        # Notes on overridden values.
        for field in self._fields.values():
            field.note.setText(self._override_text(field.name))
        self.validate()

    def _override_text(self, name: str) -> str:
        source = self.settings.override_source(name)
        if source is None:
            return ""
        if self.ctx.demo_mode and name in DEMO_SETTINGS and source == "command line":
            return self.tr("Set by demo mode (--sandbox); it cannot be changed here.")
        if source == "command line":
            return self.tr("Set on the command line; it cannot be changed here.")
        return self.tr("Set by the environment variable {name}; it cannot be changed here.").format(
            name=source
        )

    def _retranslate_secret(self) -> None:
        self.forget_secret.setVisible(bool(self._secret_stored) and not self.ctx.demo_mode)
        if self.ctx.demo_mode:
            self.secret_edit.setPlaceholderText("")
            self.secret_hint.setText(
                self.tr("Demo mode uses the sandbox's own app and its secret.")
            )
            return
        if self._secret_stored:
            self.secret_edit.setPlaceholderText(self.tr("Stored — type a new one to replace it"))
        else:
            self.secret_edit.setPlaceholderText(self.tr("Not set"))
        hint = self.tr("(stored in the system keyring, never in the settings file)")
        if self._secret_load_error:
            hint += sentence_gap() + self.tr("Could not check the keyring: {reason}").format(
                reason=self._secret_load_error
            )
        self.secret_hint.setText(hint)

    def _retranslate_redirect_hint(self) -> None:
        auth = self._combo_url(self.auth_combo, self.auth_custom).strip().rstrip("/")
        default = (auth or "https://next.ohmygpt.com") + CODE_PAGE
        self.redirect_edit.setPlaceholderText(default)
        self.redirect_hint.setText(
            self.tr(
                "Leave empty to use the provider's code page ({url}): you paste the code "
                "shown there into the app. A loopback address such as "
                "http://127.0.0.1:8765/callback lets the app finish sign-in by itself."
            ).format(url=default)
        )


__all__ = [
    "API_LINES",
    "AUTH_HOSTS",
    "CLIENT_SECRET",
    "NETWORK_SETTINGS",
    "SettingsDialog",
    "measure_latency",
    "measure_lines",
]
