"""The first screen without an OAuth app: three ways on, none a dead end.

1. **Try the demo**: the composition root starts the embedded sandbox in this process
   and switches the app to the demo profile (``ctx.switch_profile``); no restart.
2. **I have an OAuth app**: a short form (client id, secret, redirect URI, scope).
   *Check* loads the authorization page for those values from the configured sign-in
   page host and says what it found (:mod:`ohmygpt_desktop.core.app_check`); *Save*
   keeps the values in the settings and the secret in the system keyring, as Settings
   does, and the sign-in screen follows.
3. **Ask your administrator**: what to ask for (an organisation configuration,
   ``provisioning.json``, or the OAuth app's client id and secret), with a request to
   copy.

One column; each way is a heading, a sentence and a button. The form and the
request open in place of the choices, with a way back.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ohmygpt_desktop import APP_NAME, __version__
from ohmygpt_desktop.api import Secret
from ohmygpt_desktop.core.app_check import PageCheck, PageVerdict, check_authorization_page
from ohmygpt_desktop.core.client_secret import ClientSecretRefused, SecretUpdate, check_secret_text
from ohmygpt_desktop.core.provisioning import ENV_VAR, FILE_NAME
from ohmygpt_desktop.core.settings import (
    SECRETS,
    SPECS,
    SettingsError,
    check_setting,
    default_redirect_uri,
)
from ohmygpt_desktop.ui.errors import describe
from ohmygpt_desktop.ui.formatting import sentence_gap, shown
from ohmygpt_desktop.ui.plain import PlainLabel
from ohmygpt_desktop.ui.setting_fields import (
    SecretBox,
    SettingField,
    form_text,
    hint_label,
    make_field,
)
from ohmygpt_desktop.ui.styles import (
    ERROR_NOTE,
    ERROR_TEXT_STYLE,
    SUCCESS_NOTE,
    WARNING_NOTE,
    bold,
    link_button,
    note_frame,
    note_style,
    set_themed_style,
)
from ohmygpt_desktop.ui.tasks import Op

if TYPE_CHECKING:
    from ohmygpt_desktop.core.context import AppContext

log = logging.getLogger(__name__)


def system_provisioning_folder() -> str:
    """Where an administrator puts ``provisioning.json`` for everyone on the computer."""
    from ohmygpt_desktop.core.provisioning import system_files

    return str(system_files(os.environ)[0].parent) + os.sep


def _wrapping(parent: QWidget, name: str = "") -> PlainLabel:
    label = PlainLabel(parent)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def _heading(parent: QWidget) -> PlainLabel:
    label = _wrapping(parent)
    bold(label)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


class FirstRunPage(QWidget):
    """The three ways on; the form and the request open in place of them."""

    #: "Open Settings" (the sign-in page host and the other settings live there).
    settingsRequested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("FirstRunPage")
        self._demo_op: Op[bool] | None = None
        self._demo_message = ""
        self._demo_failed = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.choices = QWidget(self)
        self._build_choices(self.choices)
        layout.addWidget(self.choices)
        self.app_form = OAuthAppForm(ctx, self)
        self.app_form.backRequested.connect(self.show_choices)
        self.app_form.settingsRequested.connect(self.settingsRequested)
        layout.addWidget(self.app_form)
        self.admin_page = AdminRequest(self)
        self.admin_page.backRequested.connect(self.show_choices)
        layout.addWidget(self.admin_page)
        layout.addStretch(1)

        self.retranslate()
        self.show_choices()

    def _build_choices(self, page: QWidget) -> None:
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.intro_label = _wrapping(page, "FirstRunIntro")
        layout.addWidget(self.intro_label)

        # 1. The demo (the main action: nothing to know or ask for).
        self.demo_section = QWidget(page)
        demo = QVBoxLayout(self.demo_section)
        demo.setContentsMargins(0, 14, 0, 0)
        demo.setSpacing(6)
        self.demo_title = _heading(self.demo_section)
        demo.addWidget(self.demo_title)
        self.demo_text = _wrapping(self.demo_section)
        demo.addWidget(self.demo_text)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.demo_button = QPushButton(self.demo_section)
        self.demo_button.setObjectName("PrimaryButton")
        self.demo_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.demo_button.clicked.connect(self.try_demo)
        row.addWidget(self.demo_button)
        self.demo_progress = QWidget(self.demo_section)
        progress = QHBoxLayout(self.demo_progress)
        progress.setContentsMargins(0, 0, 0, 0)
        progress.setSpacing(8)
        bar = QProgressBar(self.demo_progress)
        bar.setRange(0, 0)
        bar.setTextVisible(False)
        bar.setFixedWidth(100)
        bar.setMaximumHeight(10)
        progress.addWidget(bar)
        self.demo_progress_label = PlainLabel(self.demo_progress)
        progress.addWidget(self.demo_progress_label)
        row.addWidget(self.demo_progress)
        row.addStretch(1)
        demo.addLayout(row)
        self.demo_status = _wrapping(self.demo_section, "DemoStatus")
        demo.addWidget(self.demo_status)
        layout.addWidget(self.demo_section)

        # 2. The person's own OAuth app.
        layout.addSpacing(14)
        self.own_app_title = _heading(page)
        layout.addWidget(self.own_app_title)
        self.own_app_text = _wrapping(page)
        layout.addWidget(self.own_app_text)
        self.own_app_button = QPushButton(page)
        self.own_app_button.setObjectName("OwnAppButton")
        self.own_app_button.clicked.connect(self.show_app_form)
        layout.addWidget(self.own_app_button, 0, Qt.AlignmentFlag.AlignLeft)

        # 3. The administrator.
        layout.addSpacing(14)
        self.admin_title = _heading(page)
        layout.addWidget(self.admin_title)
        self.admin_text = _wrapping(page)
        layout.addWidget(self.admin_text)
        self.admin_button = QPushButton(page)
        self.admin_button.setObjectName("AdminButton")
        self.admin_button.clicked.connect(self.show_admin_request)
        layout.addWidget(self.admin_button, 0, Qt.AlignmentFlag.AlignLeft)

    # ---- navigation

    def show_choices(self) -> None:
        self._show(self.choices)
        self._update()

    def show_app_form(self) -> None:
        self._show(self.app_form)
        self.app_form.client_id.input.setFocus()

    def show_admin_request(self) -> None:
        self._show(self.admin_page)
        self.admin_page.copy_button.setFocus()

    def _show(self, page: QWidget) -> None:
        for each in (self.choices, self.app_form, self.admin_page):
            each.setVisible(each is page)

    # ---- the demo

    def try_demo(self) -> None:
        """Switch this app to the demo (the sandbox starts in the background)."""
        switch = self.ctx.switch_profile
        if switch is None or self.demo_busy():
            return
        self._demo_message = ""
        self._demo_op = (
            Op(switch, True)
            .on_success(self._on_demo_switched)
            .on_failure(self._on_demo_failed)
            .on_done(self._update)
            .start(self)
        )
        self._update()

    def demo_busy(self) -> bool:
        return self._demo_op is not None and self._demo_op.running

    def _on_demo_switched(self, switched: bool) -> None:
        if not switched:  # a demo already running got the hand-over
            self._demo_failed = False
            self._demo_message = self.tr(
                "The demo is already open in another window of this app. It was brought "
                "to the front."
            )

    def _on_demo_failed(self, exc: Exception) -> None:
        log.info("The demo could not start: %s", exc)
        self._demo_failed = True
        self._demo_message = describe(exc)

    def _update(self) -> None:
        busy = self.demo_busy()
        self.demo_section.setVisible(self.ctx.switch_profile is not None)
        self.demo_button.setEnabled(not busy)
        self.own_app_button.setEnabled(not busy)
        self.admin_button.setEnabled(not busy)
        self.demo_progress.setVisible(busy)
        self.demo_status.setText(self._demo_message)
        set_themed_style(self.demo_status, ERROR_TEXT_STYLE if self._demo_failed else "")
        self.demo_status.setVisible(bool(self._demo_message) and not busy)

    # ---- texts

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.intro_label.setText(
            self.tr(
                "To sign in to OhMyGPT, this app needs an OhMyGPT OAuth app: its client ID "
                "and client secret. Usually whoever gave you the app sets that up. Choose "
                "how to go on:"
            )
        )
        self.demo_title.setText(self.tr("Try the demo"))
        self.demo_text.setText(
            self.tr(
                "Look around first: a stand-in OhMyGPT service runs on this computer, with "
                "demo users and no real money. Your own settings and accounts are kept apart."
            )
        )
        self.demo_button.setText(self.tr("Try the demo"))
        self.demo_progress_label.setText(self.tr("Starting the demo service…"))
        self.own_app_title.setText(self.tr("I have an OAuth app"))
        self.own_app_text.setText(
            self.tr("Enter its client ID and client secret, check them, and sign in.")
        )
        self.own_app_button.setText(self.tr("Set up my OAuth app…"))
        self.admin_title.setText(self.tr("Ask your administrator"))
        self.admin_text.setText(
            self.tr(
                "Got this app from your organisation? Its administrator can set it up for "
                "you, so that you only need to sign in."
            )
        )
        self.admin_button.setText(self.tr("What to ask for…"))


class OAuthAppForm(QWidget):
    """Client id, secret, redirect URI and scope; Check, Save, and a way back."""

    backRequested = Signal()
    settingsRequested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("OAuthAppForm")
        #: The result of the last Check, if any.
        self.last_check: PageCheck | None = None
        self._check_op: Op[PageCheck] | None = None
        self._save_op: Op[None] | None = None
        self._save_error = ""
        self._build()
        self.load()
        self.retranslate()
        self._update()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.title = _heading(self)
        layout.addWidget(self.title)
        self.intro = _wrapping(self)
        layout.addWidget(self.intro)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        self.client_id = self._field("client_id", form)
        self.secret_caption = PlainLabel(self)
        box = SecretBox(self)
        self.secret_edit, self.secret_hint, self.secret_error = box.edit, box.hint, box.error
        self.secret_edit.textChanged.connect(self._on_edited)
        form.addRow(self.secret_caption, box)
        self.redirect = self._field("redirect_uri", form)
        self.scope = self._field("scope", form)
        layout.addLayout(form)

        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("PrimaryButton")
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        self.check_button = QPushButton(self)
        self.check_button.setObjectName("CheckAppButton")
        self.check_button.clicked.connect(self.check)
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.result_box = note_frame("CheckResult", WARNING_NOTE, self)
        result = QVBoxLayout(self.result_box)
        result.setContentsMargins(12, 8, 12, 8)
        result.setSpacing(4)
        self.check_result = _wrapping(self.result_box, "CheckResultText")
        self.check_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        result.addWidget(self.check_result)
        self.open_page_button = link_button("OpenAuthPage", self.result_box)
        self.open_page_button.clicked.connect(self.open_page)
        result.addWidget(self.open_page_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.result_box)
        self.save_status = _wrapping(self, "SaveStatus")
        layout.addWidget(self.save_status)

        self.host_note = hint_label(self)
        layout.addWidget(self.host_note)
        links = QHBoxLayout()
        links.setSpacing(16)
        self.back_button = link_button("BackToChoices", self)
        self.back_button.clicked.connect(self.backRequested)
        links.addWidget(self.back_button)
        self.settings_button = link_button("OpenSettingsLink", self)
        self.settings_button.clicked.connect(self.settingsRequested)
        links.addWidget(self.settings_button)
        links.addStretch(1)
        layout.addLayout(links)

    def _field(self, name: str, form: QFormLayout) -> SettingField:
        field = make_field(SPECS[name], self)
        field.changed.connect(self._on_edited)
        form.addRow(field.caption, field)
        return field

    def _fields(self) -> dict[str, SettingField]:
        return {"client_id": self.client_id, "redirect_uri": self.redirect, "scope": self.scope}

    # ---- values

    def load(self) -> None:
        """Fill the fields from the settings (values set outside the app are read-only)."""
        settings = self.ctx.settings
        for name, field in self._fields().items():
            field.write(settings.get(name))
            field.set_overridden(settings.overridden(name))

    def _default_redirect(self) -> str:
        return default_redirect_uri(self.ctx.settings.auth_base_url)

    def _read(self) -> dict[str, str] | None:
        """The checked values (empty redirect URI: the default), or ``None`` after
        showing what is wrong under each field."""
        values: dict[str, str] = {}
        ok = True
        for name, field in self._fields().items():
            spec = SPECS[name]
            raw = field.read().strip()
            message = ""
            if name == "client_id" and not raw:
                message = self.tr("Enter the client ID of your OAuth app.")
            else:
                try:
                    values[name] = check_setting(spec, raw, from_text=True)
                except SettingsError as exc:
                    message = describe(exc)
            field.show_error(message)
            ok = ok and not message
        return values if ok else None

    def _read_secret(self) -> Secret | None:
        text = self.secret_edit.text()
        message = ""
        if not text:
            message = self.tr("Enter the client secret of your OAuth app.")
        else:
            try:
                check_secret_text(text)
            except ClientSecretRefused as exc:
                message = describe(exc)
        self.secret_error.setText(message)
        self.secret_error.setVisible(bool(message))
        return None if message else Secret(text)

    def _on_edited(self) -> None:
        self._save_error = ""
        self._update()

    # ---- Check

    def check(self) -> None:
        """Load the authorization page for the values typed in and say what it shows."""
        if self.busy():
            return
        values = self._read()
        if values is None:
            return
        self._check_op = (
            Op(
                check_authorization_page,
                self.ctx.client,
                self.ctx.settings.auth_base_url,
                client_id=values["client_id"],
                redirect_uri=values["redirect_uri"] or self._default_redirect(),
                scope=values["scope"],
            )
            .on_success(self._on_checked)
            .on_done(self._update)
            .start(self)
        )
        self.last_check = None
        self._update()

    def _on_checked(self, result: PageCheck) -> None:
        self.last_check = result
        self.retranslate()

    def open_page(self) -> None:
        """Open the page that was checked in the browser, to see it for oneself."""
        if self.last_check is not None and self.last_check.url:
            self.ctx.open_url(self.last_check.url)

    # ---- Save

    def save(self) -> None:
        """The secret to the keyring, then the values to the settings: the sign-in
        screen follows (it watches the client id)."""
        if self.busy():
            return
        values = self._read()
        secret = self._read_secret()
        if values is None or secret is None:
            return
        self._save_error = ""
        self._save_op = (
            Op(self._store_secret, values["client_id"], secret)
            .on_success(lambda _: self._store_settings(values))
            .on_failure(self._on_save_failed)
            .on_done(self._update)
            .start(self)
        )
        self._update()

    async def _store_secret(self, client_id: str, secret: Secret) -> None:
        host = self.ctx.accounts.host
        await self.ctx.client_secrets.apply(
            SecretUpdate(host, client_id, host, client_id, secret=secret)
        )

    def _store_settings(self, values: dict[str, Any]) -> None:
        settings = self.ctx.settings
        self.secret_edit.clear()
        try:
            with settings.batch():
                for name, value in values.items():
                    if not settings.overridden(name) and value != settings.get(name):
                        settings.set(name, value)
            settings.save()
        except SettingsError as exc:  # set for this run all the same: say it was not kept
            self.ctx.messages.warning(
                self.tr(
                    "Your OAuth app is set up for now, but the settings could not be saved: "
                    "{reason}"
                ).format(reason=describe(exc))
            )
            return
        log.info("OAuth app set up from the first-run screen")

    def _on_save_failed(self, exc: Exception) -> None:
        log.info("The client secret could not be saved: %s", type(exc).__name__)
        self._save_error = self.tr(
            "The client secret could not be saved: {reason} Nothing was changed."
        ).format(reason=describe(exc))

    def busy(self) -> bool:
        return any(op is not None and op.running for op in (self._check_op, self._save_op))

    # ---- rendering

    def _update(self) -> None:
        checking = self._check_op is not None and self._check_op.running
        saving = self._save_op is not None and self._save_op.running
        self.check_button.setEnabled(not (checking or saving))
        self.save_button.setEnabled(not (checking or saving))
        self.back_button.setEnabled(not saving)
        self.result_box.setVisible(checking or self.last_check is not None)
        self.open_page_button.setVisible(
            self.last_check is not None
            and bool(self.last_check.url)
            and self.last_check.verdict is not PageVerdict.UNREACHABLE
        )
        if checking:
            self.check_result.setText(self.tr("Loading the authorization page…"))
            self._paint_result(WARNING_NOTE)
        saving_text = self.tr("Saving the client secret to the system keyring…")
        self.save_status.setText(saving_text if saving else self._save_error)
        set_themed_style(
            self.save_status, ERROR_TEXT_STYLE if self._save_error and not saving else ""
        )
        self.save_status.setVisible(saving or bool(self._save_error))

    def _paint_result(self, kind: str) -> None:
        set_themed_style(self.result_box, note_style("CheckResult", kind))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        host = self.ctx.settings.auth_base_url
        self.title.setText(self.tr("I have an OAuth app"))
        self.intro.setText(
            self.tr(
                "Enter the details of your OhMyGPT OAuth app. Check loads its authorization "
                "page to see whether the service accepts them; Save keeps them for sign-in."
            )
        )
        for field in self._fields().values():
            field.retranslate()
            field.note.setText(self.tr("Set outside the app; it cannot be changed here."))
        default = self._default_redirect()
        self.redirect.input.setPlaceholderText(default)
        self.redirect.set_help_params(url=default)
        self.secret_caption.setText(form_text(SECRETS[0].label))
        self.secret_hint.setText(self.tr("Kept in the system keyring, never in the settings file."))
        self.check_button.setText(self.tr("Check"))
        self.save_button.setText(self.tr("Save and continue"))
        self.open_page_button.setText(self.tr("Open the page in your browser"))
        self.host_note.setText(
            self.tr(
                "The sign-in pages come from {host}. To use another host, open Settings."
            ).format(host=shown(host))
        )
        self.back_button.setText(self.tr("← Back"))
        self.settings_button.setText(self.tr("Open Settings"))
        if self.last_check is not None:
            text, kind = self._verdict_text(self.last_check)
            self.check_result.setText(text)
            self._paint_result(kind)

    def _verdict_text(self, result: PageCheck) -> tuple[str, str]:
        """What the check found, in plain words, and the kind of its note."""
        verdict = result.verdict
        status = str(result.status or "")
        unsure = sentence_gap() + self.tr(
            "So the app could not tell whether the service accepts this client ID and "
            "redirect URI. Open the page in your browser to see."
        )
        if verdict is PageVerdict.FOUND:
            text = self.tr("Found: the authorization page asks to approve this app.")
            if result.title:
                page = self.tr("Page: “{title}”").format(title=shown(result.title))
                text += sentence_gap() + page
            return text, SUCCESS_NOTE
        if verdict is PageVerdict.UNKNOWN_CLIENT:
            return self.tr(
                "The service does not know this client ID. Check it for typing mistakes, "
                "or ask whoever created the OAuth app."
            ), ERROR_NOTE
        if verdict is PageVerdict.BAD_REDIRECT:
            return self.tr(
                "The service does not allow this redirect URI for this app. Its domain must "
                "be the domain registered for the OAuth app; leave it empty to use the "
                "service’s own code page."
            ), ERROR_NOTE
        if verdict is PageVerdict.BAD_SCOPE:
            return self.tr(
                "The service refused the scope: it must match the OAuth app’s permissions exactly."
            ), ERROR_NOTE
        if verdict is PageVerdict.UNREACHABLE:
            assert result.error is not None
            return self.tr("Could not connect to {host}: {reason}").format(
                host=shown(self.ctx.settings.auth_base_url), reason=describe(result.error)
            ), ERROR_NOTE
        if verdict is PageVerdict.NO_PAGE:
            return self.tr(
                "There is no authorization page at {host} (HTTP 404). Check the sign-in "
                "page host in Settings."
            ).format(host=shown(self.ctx.settings.auth_base_url)), ERROR_NOTE
        if verdict is PageVerdict.REFUSED:
            if result.code:
                text = self.tr("The service refused the request ({code}).").format(
                    code=shown(result.code)
                )
            else:
                text = self.tr(
                    "The service refused the request (HTTP {status}) without saying why."
                ).format(status=status)
            return text + unsure, WARNING_NOTE
        if verdict is PageVerdict.SERVICE_ERROR:
            text = self.tr("The service had a problem (HTTP {status}).").format(status=status)
            return text + unsure, WARNING_NOTE
        if verdict is PageVerdict.REDIRECTED:
            text = self.tr(
                "The page sent the browser on to {host}, probably to log in first."
            ).format(host=shown(result.where or "?"))
            return text + unsure, WARNING_NOTE
        text = self.tr(
            "The authorization page loaded, but the app cannot read it (it may be drawn "
            "in the browser)."
        )
        return text + unsure, WARNING_NOTE


class AdminRequest(QWidget):
    """What to ask an administrator for, and a ready-made request to copy."""

    backRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AdminRequest")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.title = _heading(self)
        layout.addWidget(self.title)
        self.explanation = _wrapping(self, "AdminExplanation")
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.explanation)
        self.request_caption = PlainLabel(self)
        bold(self.request_caption)
        layout.addWidget(self.request_caption)
        self.request_text = QPlainTextEdit(self)
        self.request_text.setObjectName("AdminRequestText")
        self.request_text.setReadOnly(True)
        self.request_text.setMinimumHeight(150)
        layout.addWidget(self.request_text)
        row = QHBoxLayout()
        row.setSpacing(10)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("PrimaryButton")
        self.copy_button.clicked.connect(self.copy)
        row.addWidget(self.copy_button)
        self.copied_label = PlainLabel(self)
        self.copied_label.hide()
        row.addWidget(self.copied_label)
        row.addStretch(1)
        layout.addLayout(row)
        self.back_button = link_button("BackToChoices", self)
        self.back_button.clicked.connect(self.backRequested)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.retranslate()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.request_text.toPlainText())
        self.copied_label.setText(self.tr("Copied. Paste it into an e-mail or a chat."))
        self.copied_label.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        names = {
            "file": FILE_NAME,
            "folder": system_provisioning_folder(),
            "variable": ENV_VAR,
        }
        self.title.setText(self.tr("Ask your administrator"))
        self.explanation.setText(
            self.tr(
                "Ask whoever gave you this app for one of these:\n"
                "• An organisation configuration: a file named {file} that they place in "
                "{folder} (or anywhere, named by the {variable} environment variable). The "
                "app then starts on the sign-in screen.\n"
                "• Or the client ID and client secret of your organisation’s OhMyGPT OAuth "
                "app: enter them under I have an OAuth app."
            ).format(**names)
        )
        self.request_caption.setText(self.tr("A request you can send:"))
        self.request_text.setPlainText(
            self.tr(
                "Hello,\n\n"
                "I would like to use {app} {version} with our OhMyGPT account. Could you set "
                "it up for me? Either of these works:\n\n"
                "- an organisation configuration file, {file}, placed in {folder} (or named "
                "by the {variable} environment variable), or\n"
                "- the client ID and client secret of our OhMyGPT OAuth app, with its "
                "redirect URI and scope if they are not the defaults.\n\n"
                "Thank you."
            ).format(app=APP_NAME, version=__version__, **names)
        )
        self.copy_button.setText(self.tr("Copy request"))
        self.back_button.setText(self.tr("← Back"))
        self.copied_label.hide()


__all__ = [
    "AdminRequest",
    "FirstRunPage",
    "OAuthAppForm",
    "system_provisioning_folder",
]
