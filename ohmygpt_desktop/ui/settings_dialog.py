"""The Settings dialog: one row per declared setting, on the tab its declaration names.

The rows are made from the settings' declarations (``core.settings``): label,
help, widget, choices, range and unit (see :mod:`ohmygpt_desktop.ui.setting_fields`).
Every value is checked by the setting's own validation as it is typed; the
message appears under the field and OK stays disabled while anything is
invalid. Values decided by an environment variable or the command line are
shown read-only with where they come from; those the provisioning locks, disabled
with "Set by <organization>.". On OK the changed values are set
together (:meth:`Settings.batch`) and saved: the components that use them follow
(they listen to the settings), and :attr:`SettingsDialog.applied` names what changed.

Two rows have more than their setting: the API line shows the line test
(``core.clients.measure_lines``), and the OAuth client secret (not a setting) is
checked, stored and forgotten by ``ctx.client_secrets`` (``core.client_secret``:
the system keyring, off the GUI thread), never in the settings file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ohmygpt_desktop.api import Secret
from ohmygpt_desktop.core.accounts import api_host
from ohmygpt_desktop.core.client_secret import (
    ClientSecretRefused,
    SecretUpdate,
    check_client_secret,
)
from ohmygpt_desktop.core.clients import LINE_TEST_LIMIT_S, measure_lines
from ohmygpt_desktop.core.settings import (
    SECRETS,
    SETTINGS,
    SPECS,
    Applies,
    Choice,
    SecretSpec,
    SettingsError,
    SettingSpec,
    Tab,
    check_setting,
    default_redirect_uri,
)
from ohmygpt_desktop.translatable import QT_TRANSLATE_NOOP
from ohmygpt_desktop.ui.a11y import add_labelled_row, name_by_label
from ohmygpt_desktop.ui.errors import describe
from ohmygpt_desktop.ui.formatting import sentence_gap, shown
from ohmygpt_desktop.ui.plain import PlainLabel, tooltip_text
from ohmygpt_desktop.ui.setting_fields import (
    RadioField,
    SecretBox,
    SettingField,
    UrlChoiceField,
    form_text,
    hint_label,
    make_field,
)
from ohmygpt_desktop.ui.styles import ERROR_TEXT_STYLE, set_themed_style
from ohmygpt_desktop.ui.tasks import Op

if TYPE_CHECKING:
    from ohmygpt_desktop.core.context import AppContext

#: The documented API base URLs with their labels (docs/api.md#hosts), as declared.
API_LINES: tuple[tuple[str, str], ...] = tuple(
    (choice.value, choice.label) for choice in SPECS["api_base_url"].suggestions
)
# The line demo mode offers and tests: the sandbox on this computer.
DEMO_LINE = QT_TRANSLATE_NOOP("SettingsDialog", "Demo sandbox on this computer")
#: The documented hosts of the authorization pages (docs/api.md#hosts), as declared.
AUTH_HOSTS: tuple[tuple[str, str], ...] = tuple(
    (choice.value, choice.label) for choice in SPECS["auth_base_url"].suggestions
)
#: Settings that demo mode (``--sandbox``) decides.
DEMO_SETTINGS = frozenset({"api_base_url", "auth_base_url", "client_id", "scope"})
#: The name :attr:`SettingsDialog.applied` uses for a changed client secret.
CLIENT_SECRET = "client_secret"  # noqa: S105 - a name, not a secret
_TABS = tuple(Tab)


class SettingsDialog(QDialog):
    """Edit the settings; emits :attr:`applied` with the changed names after OK."""

    #: Names of the settings changed by OK (plus ``"client_secret"`` when it changed).
    applied = Signal(list)

    TAB_SERVICE = _TABS.index(Tab.SERVICE)
    TAB_OAUTH = _TABS.index(Tab.OAUTH)
    TAB_NETWORK = _TABS.index(Tab.NETWORK)
    TAB_APPEARANCE = _TABS.index(Tab.APPEARANCE)
    TAB_BALANCE = _TABS.index(Tab.BALANCE)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        api_lines: Sequence[tuple[str, str]] | None = None,
        latency_timeout: float = LINE_TEST_LIMIT_S,
    ) -> None:
        """``api_lines``: the lines to offer and test (default: the documented ones, in
        demo mode the sandbox, which is what the app talks to then)."""
        super().__init__(parent)
        self.ctx = ctx
        self.settings = ctx.settings
        self.setObjectName("SettingsDialog")
        # Values set by the environment or the command line look read-only.
        set_themed_style(self, 'QLineEdit[readOnly="true"] { background: $window; color: $muted; }')
        if api_lines is None:
            api_lines = ((ctx.settings.api_base_url, DEMO_LINE),) if ctx.demo_mode else API_LINES
        self._api_lines = tuple(Choice(url, label) for url, label in api_lines)
        self._latency_timeout = latency_timeout
        self._fields: dict[str, SettingField] = {}
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
        for tab in _TABS:
            self._build_tab(tab)
        self.api_field = self._url_field("api_base_url")
        self.api_combo = self.api_field.combo
        self._build_latency_tester()
        self._build_ledger_password_button()
        self.proxy_field = self._radio_field("proxy_mode")

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
        self._connect()
        self.setMinimumSize(640, 520)
        self.retranslate()  # validates too
        self._load_secret_state()

    # ================================================================ building

    def _build_tab(self, tab: Tab) -> None:
        """One row per setting declared on ``tab`` (and the secrets that follow one)."""
        page = QWidget(self.tabs)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        if tab is Tab.OAUTH:
            self.oauth_intro = hint_label(page)
            layout.addWidget(self.oauth_intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(12)
        for spec in SETTINGS:
            if spec.tab is not tab:
                continue
            field = self._make_field(spec, page)
            add_labelled_row(form, field.caption, field)
            self._fields[spec.name] = field
            for secret in SECRETS:
                if secret.follows == spec.name:
                    self._build_secret_row(form, page, secret)
        layout.addLayout(form)
        layout.addStretch(1)
        self.tabs.addTab(page, "")

    def _make_field(self, spec: SettingSpec, page: QWidget) -> SettingField:
        if spec.name == "api_base_url":  # the lines this dialog tests (tests give their own)
            return UrlChoiceField(spec, page, suggestions=self._api_lines)
        return make_field(spec, page)

    def _url_field(self, name: str) -> UrlChoiceField:
        field = self._fields[name]
        assert isinstance(field, UrlChoiceField)
        return field

    def _radio_field(self, name: str) -> RadioField:
        field = self._fields[name]
        assert isinstance(field, RadioField)
        return field

    def _build_latency_tester(self) -> None:
        """Next to the API line: "Test", the response time of each line, "Use the fastest"."""
        field = self.api_field
        self.test_button = QPushButton(field)
        self.test_button.setObjectName("TestLines")
        self.test_button.clicked.connect(self.test_lines)
        field.row.addWidget(self.test_button)

        self.latency_tree = QTreeWidget(field)
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
        for choice in field.suggestions:
            item = QTreeWidgetItem(self.latency_tree)
            item.setData(0, Qt.ItemDataRole.UserRole, choice.value)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.latency_tree.itemDoubleClicked.connect(self._on_latency_double_clicked)
        rows = len(field.suggestions)
        self.latency_tree.setFixedHeight(
            self.latency_tree.sizeHintForRow(0) * rows + header.sizeHint().height() + 8
            if rows
            else 60
        )
        self.latency_tree.hide()
        field.add_below_input(self.latency_tree)
        fastest_row = QHBoxLayout()
        self.latency_hint = hint_label(field)
        fastest_row.addWidget(self.latency_hint, 1)
        self.fastest_button = QPushButton(field)
        self.fastest_button.setObjectName("UseFastest")
        self.fastest_button.clicked.connect(self.use_fastest)
        self.fastest_button.hide()
        fastest_row.addWidget(self.fastest_button)
        field.add_below_input(fastest_row)

    def _build_ledger_password_button(self) -> None:
        """“Set ledger password…” under the team ledger's address (kept in the keyring)."""
        field = self._fields["ledger_url"]
        self.ledger_password_button = QPushButton(field)
        self.ledger_password_button.setObjectName("SetLedgerPassword")
        self.ledger_password_button.clicked.connect(self.open_ledger_password)
        row = QHBoxLayout()
        row.addWidget(self.ledger_password_button)
        row.addStretch(1)
        field.add_below_input(row)
        #: The last "Set ledger password…" dialog (tests drive it).
        self.ledger_password_dialog: QDialog | None = None

    def open_ledger_password(self) -> None:
        from ohmygpt_desktop.ui.ledger_password import LedgerPasswordDialog

        url = self._fields["ledger_url"].read() or self.settings.ledger_url
        dialog = self.ledger_password_dialog = LedgerPasswordDialog(self.ctx.tokens, url, self)
        dialog.open()

    def _build_secret_row(self, form: QFormLayout, page: QWidget, secret: SecretSpec) -> None:
        """The client secret: not a setting, a field of its own kept in the keyring."""
        self.secret_spec = secret
        self.secret_caption = PlainLabel(page)
        box = SecretBox(page, clear_button=True, forget=True)
        self.secret_edit, self.secret_hint, self.secret_error = box.edit, box.hint, box.error
        assert box.forget is not None
        self.forget_secret = box.forget
        add_labelled_row(form, self.secret_caption, box)

    def _connect(self) -> None:
        for field in self._fields.values():
            field.changed.connect(self.validate)
        self.proxy_field.changed.connect(self._sync_proxy_url)
        self._fields["auth_base_url"].changed.connect(self._retranslate_redirect_hint)
        self.secret_edit.textChanged.connect(self.validate)
        self.forget_secret.toggled.connect(self.validate)

    # ================================================================ values

    def field(self, name: str) -> SettingField:
        """The row of setting ``name``."""
        return self._fields[name]

    def tab_of(self, name: str) -> int:
        """The index of the tab that shows setting ``name``."""
        return _TABS.index(self._fields[name].spec.tab)  # type: ignore[arg-type]

    def load_values(self) -> None:
        """Fill every field from the effective settings."""
        for name, field in self._fields.items():
            field.write(self.settings.get(name))
            field.set_overridden(self.settings.overridden(name), locked=self.settings.locked(name))
        if self.ctx.demo_mode or self.ctx.provisioned_client_secret() is not None:
            self.secret_edit.setEnabled(False)
        self._sync_proxy_url()

    def _sync_proxy_url(self) -> None:
        """The proxy address is only used (and editable) for a custom proxy."""
        custom = self.proxy_field.read() == "custom"
        self._fields["proxy_url"].input.setEnabled(
            (custom or self.settings.overridden("proxy_url"))
            and not self.settings.locked("proxy_url")
        )

    # ============================================================== validation

    def validate(self) -> bool:
        """Check every editable field; show messages; enable OK only when all are valid."""
        self._values.clear()
        self._errors.clear()
        for name, field in self._fields.items():
            if self.settings.overridden(name):
                continue
            if name == "proxy_url" and self.proxy_field.read() != "custom":
                continue
            try:
                raw = field.read()
                self._values[name] = check_setting(field.spec, raw, from_text=isinstance(raw, str))
            except SettingsError as exc:  # the setting's own check: translatable
                self._errors[name] = describe(exc)
            except ValueError as exc:  # the field's own parsing: already translated
                self._errors[name] = str(exc)
        self._cross_checks()
        for name, field in self._fields.items():
            field.show_error(self._errors.get(name, ""))
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
            self.proxy_field.read() == "custom"
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
        try:
            check_client_secret(text, self._effective("client_id"))
        except ClientSecretRefused as exc:
            return describe(exc)
        return ""

    def _update_status(self) -> None:
        if self._status_error:
            self.status_label.setText(self._status_error)
            set_themed_style(self.status_label, ERROR_TEXT_STYLE)
            return
        set_themed_style(self.status_label, "")
        if self._saving:
            self.status_label.setText(self.tr("Saving the client secret to the system keyring…"))
        elif self._errors or self.secret_error.text():
            tabs = sorted(
                {self.tab_of(name) for name in self._errors}
                | ({self.TAB_OAUTH} if self.secret_error.text() else set())
            )
            names = ", ".join(self.tabs.tabText(i).replace("&&", "&") for i in tabs)
            self.status_label.setText(
                self.tr("Correct the marked values first ({tabs}).").format(tabs=names)
            )
            set_themed_style(self.status_label, ERROR_TEXT_STYLE)
        else:
            self.status_label.setText("")

    def errors(self) -> dict[str, str]:
        """Current validation messages by setting name (tests)."""
        return dict(self._errors)

    # =========================================================== client secret

    def _load_secret_state(self) -> None:
        """Find out whether a secret is stored (to say so); never shows it."""
        client_id = self.settings.client_id
        if self.ctx.demo_mode or not client_id or self.ctx.provisioned_client_secret():
            self._secret_stored = False
            self._retranslate_secret()
            return

        def loaded(stored: bool) -> None:
            self._secret_stored = stored
            self._retranslate_secret()

        def failed(exc: Exception) -> None:
            self._secret_stored = None
            self._secret_load_error = describe(exc)
            self._retranslate_secret()

        (
            Op(self.ctx.client_secrets.stored, self.ctx.accounts.host, client_id)
            .on_success(loaded)
            .on_failure(failed)
            .start(self)
        )

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
        if self.ctx.demo_mode:  # the sandbox's own app and secret: no keyring
            self._finish(changes, secret_changed=False)
            return
        typed = self.secret_edit.text()
        host = self.ctx.accounts.host
        update = SecretUpdate(
            host=host,
            client_id=self.settings.client_id,
            new_host=api_host(changes["api_base_url"]) if "api_base_url" in changes else host,
            new_client_id=self._effective("client_id"),
            secret=Secret(typed) if typed else None,
            forget=not self.forget_secret.isHidden() and self.forget_secret.isChecked(),
        )
        if not update.needed:
            self._finish(changes, secret_changed=False)
            return
        self._set_saving(True)
        self._secret_op = (
            Op(self.ctx.client_secrets.apply, update)
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
            with self.settings.batch():  # whoever follows them hears them together
                for name, value in changes.items():
                    self.settings.set(name, value)
            if changes:
                self.settings.save()
        except SettingsError as exc:
            self._status_error = describe(exc)
            self._update_status()
            return
        later = [SPECS[name] for name in changes if SPECS[name].applies is Applies.RESTART]
        if later:
            self.ctx.messages.info(
                "\n".join(
                    self.tr(
                        "{what}: the new value takes effect the next time you start the app."
                    ).format(what=describe(spec.subject))
                    for spec in later
                )
            )
        names = list(changes)
        if secret_changed:
            names.append(CLIENT_SECRET)
        self.secret_edit.clear()
        self.applied.emit(names)
        self.accept()

    def _show_first_error(self) -> None:
        if self._errors:
            self.tabs.setCurrentIndex(self.tab_of(next(iter(self._errors))))
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
        urls = [choice.value for choice in self.api_field.suggestions]
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
            self.api_field.write(url)

    def _on_latency_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if self.api_combo.isEnabled():
            self.api_field.write(item.data(0, Qt.ItemDataRole.UserRole))

    def _render_latency(self) -> None:
        fastest = self.fastest_line()
        done = not self._latency_pending and bool(self._latency)
        for index in range(self.latency_tree.topLevelItemCount()):
            item = self.latency_tree.topLevelItem(index)
            url = item.data(0, Qt.ItemDataRole.UserRole)
            label = self.api_field.label_of(url)
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
            hint = self.tr("Fastest: {line}.").format(line=self.api_field.label_of(fastest or ""))
            if self.api_combo.isEnabled():
                hint += sentence_gap() + self.tr("Double-click a line to use it.")
            self.latency_hint.setText(hint)
        else:
            self.latency_hint.setText("")

    # =========================================================== translation

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        for index, tab in enumerate(_TABS):
            self.tabs.setTabText(index, form_text(tab.value))
        for name, field in self._fields.items():
            field.retranslate()
            field.note.setText(self._override_text(name))

        # The API line's latency tester.
        self.test_button.setText(self.tr("Test"))
        self.test_button.setToolTip(self.tr("Measure how fast each line answers from here."))
        self.latency_tree.setHeaderLabels([self.tr("Line"), self.tr("Response time")])
        self.fastest_button.setText(self.tr("Use the fastest"))
        self._render_latency()
        self.ledger_password_button.setText(self.tr("Set ledger password…"))

        # The OAuth app and its secret.
        self.oauth_intro.setText(
            self.tr(
                "The OhMyGPT OAuth app this program signs in with. You get the client id "
                "and secret when you register an app with OhMyGPT."
            )
        )
        self.secret_caption.setText(form_text(self.secret_spec.label))
        name_by_label(self.secret_caption)
        self.forget_secret.setText(self.tr("Remove the stored client secret"))
        self._retranslate_secret()
        self._retranslate_redirect_hint()
        self.validate()

    def _set_by_organization(self) -> str:
        organization = self.settings.organization
        if not organization:
            return self.tr("Set by your organisation; it cannot be changed here.")
        return self.tr("Set by {organization}.").format(organization=shown(organization))

    def _override_text(self, name: str) -> str:
        if self.settings.locked(name):
            return self._set_by_organization()
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
        if self.ctx.provisioned_client_secret() is not None:
            self.secret_edit.setPlaceholderText(self.tr("Provided"))
            self.secret_hint.setText(self._set_by_organization())
            return
        if self.ctx.exchange_url():
            self.secret_edit.setPlaceholderText(self.tr("Not needed"))
            self.secret_hint.setText(
                self.tr("Not needed: sign-in goes through the token-exchange service.")
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
        """The redirect URI's default follows the sign-in page chosen above it."""
        auth = self._fields["auth_base_url"].read().strip().rstrip("/")
        default = default_redirect_uri(auth or SPECS["auth_base_url"].default)
        redirect = self._fields["redirect_uri"]
        redirect.input.setPlaceholderText(default)
        redirect.set_help_params(url=default)


__all__ = [
    "API_LINES",
    "AUTH_HOSTS",
    "CLIENT_SECRET",
    "SettingsDialog",
]
