"""The signed-out screen, “Add account” and “Sign in again”.

1. “Sign in with OhMyGPT” starts a sign-in attempt and opens the authorization
   page in the system browser (if that fails, the address is shown to copy).
2. The person pastes the code (or the whole address) shown after approving; with
   a loopback redirect URI the app also receives it by itself.
3. The code is exchanged in the background; a failure names the step.

Thin: attempts, paste parsing and sign-in live in ``core``.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ohmygpt_desktop import APP_NAME
from ohmygpt_desktop.api import build_authorization_url, origin_of
from ohmygpt_desktop.core.accounts import Account, ClientSecretMissing, SignInError, SignInStep
from ohmygpt_desktop.core.loopback import LoopbackReceiver, is_loopback_redirect
from ohmygpt_desktop.core.oauth import PasteRefused, SignInAttempt
from ohmygpt_desktop.core.tokens import TokenStorage
from ohmygpt_desktop.ui.errors import describe, support_line
from ohmygpt_desktop.ui.follow import follow_settings
from ohmygpt_desktop.ui.formatting import sentence_gap, shown
from ohmygpt_desktop.ui.plain import PlainLabel
from ohmygpt_desktop.ui.storage_choice import StorageChoiceCancelled, ask_storage
from ohmygpt_desktop.ui.styles import (
    ERROR_NOTE,
    ERROR_TEXT_STYLE,
    INFO_NOTE,
    PRIMARY_STYLE,
    WARNING_NOTE,
    bold,
    link_button,
    note_frame,
    set_themed_style,
)
from ohmygpt_desktop.ui.tasks import Op

if TYPE_CHECKING:
    import asyncio

    from ohmygpt_desktop.core.context import AppContext
    from ohmygpt_desktop.ui.first_run import FirstRunPage

log = logging.getLogger(__name__)


def listens_for_redirect(redirect_uri: str, auth_base_url: str) -> bool:
    """True when the app itself should receive the redirect (a loopback URI that is
    not the provider's own code page, as in demo mode where both are on 127.0.0.1)."""
    return is_loopback_redirect(redirect_uri) and origin_of(redirect_uri) != origin_of(
        auth_base_url
    )


def _event_loop() -> asyncio.AbstractEventLoop:
    import asyncio

    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.get_event_loop()


def _stop_in_background(receiver: LoopbackReceiver) -> None:
    """Stop a receiver without blocking the GUI thread (shutdown waits for its poll)."""
    threading.Thread(target=receiver.stop, name="loopback-stop", daemon=True).start()


class LoginPanel(QWidget):
    signedIn = Signal(str)  # account key
    cancelRequested = Signal()
    settingsRequested = Signal()
    #: The panel is done with a submitted code (pasted, or sent back by the browser):
    #: either it was refused and the refusal is shown, or the exchange it started has
    #: ended and its outcome is shown. Nothing the submission started is still running
    #: then, so tests wait on this before checking that something did *not* happen.
    settled = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("LoginPanel")
        self._reauth_key: str | None = None
        self._can_cancel = False
        self._attempt: SignInAttempt | None = None
        self._auth_url = ""
        self._browser_failed = False
        self._show_url = False
        self._paste_problem: Exception | None = None
        self._failure: Exception | None = None
        self._op: Op[Account] | None = None
        self._receiver: LoopbackReceiver | None = None
        self._receiver_uri = ""
        self._receiver_problem: OSError | None = None
        self._first_run: FirstRunPage | None = None
        #: The open “no secure keyring” dialog, if any (tests reach it here).
        self.storage_dialog: QWidget | None = None

        self._build()
        self.retranslate()
        self._update()
        # An OAuth app set up here (the first-run form) or in Settings: sign in.
        follow_settings(self, ctx.settings, ["client_id"], self._on_app_changed)

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a frame around the page, not a stop
        outer.addWidget(scroll)
        viewport = QWidget(scroll)
        scroll.setWidget(viewport)
        row = QHBoxLayout(viewport)
        row.setContentsMargins(24, 24, 24, 24)
        row.addStretch(1)
        column = QWidget(viewport)
        column.setMaximumWidth(580)
        column.setMinimumWidth(360)
        column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row.addWidget(column, 3)
        row.addStretch(1)
        set_themed_style(self, PRIMARY_STYLE)

        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addStretch(1)

        self.title_label = PlainLabel(column)
        self.title_label.setObjectName("LoginTitle")
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title_label.setFont(font)
        layout.addWidget(self.title_label)
        layout.addSpacing(8)

        # One of the two pages shows (a hidden one takes no room, unlike in a stack):
        # the sign-in page, or the first-run page (built when first needed).
        self._pages = QVBoxLayout()
        self._pages.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._pages)
        self._column = column
        self.signin_page = QWidget(column)
        self._pages.addWidget(self.signin_page)
        self._build_signin_page(self.signin_page)

        layout.addSpacing(12)
        self.cancel_button = link_button("CancelSignIn", column)
        self.cancel_button.clicked.connect(self.cancel)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(2)

    def _build_signin_page(self, page: QWidget) -> None:
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)

        self.intro_label = PlainLabel(page)
        self.intro_label.setWordWrap(True)
        layout.addWidget(self.intro_label)

        self.demo_hint = note_frame("DemoHint", INFO_NOTE, page)
        demo_layout = QVBoxLayout(self.demo_hint)
        demo_layout.setContentsMargins(12, 8, 12, 8)
        self.demo_label = PlainLabel(self.demo_hint)
        self.demo_label.setWordWrap(True)
        demo_layout.addWidget(self.demo_label)
        layout.addWidget(self.demo_hint)

        # Step 1: the browser.
        layout.addSpacing(6)
        self.step1_label = PlainLabel(page)
        self.step1_label.setObjectName("StepLabel")
        bold(self.step1_label)
        layout.addWidget(self.step1_label)
        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        self.sign_in_button = QPushButton(page)
        self.sign_in_button.setObjectName("PrimaryButton")
        self.sign_in_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.sign_in_button.clicked.connect(self.start_sign_in)
        buttons.addWidget(self.sign_in_button)
        self.show_url_button = link_button("ShowUrlLink", page)
        self.show_url_button.clicked.connect(self._reveal_url)
        buttons.addWidget(self.show_url_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        # While the person is in the browser: what is happening, and what they can do
        # (instead of a Sign in button that invites a second click).
        self.waiting_row = QWidget(page)
        waiting_layout = QVBoxLayout(self.waiting_row)
        waiting_layout.setContentsMargins(0, 0, 0, 0)
        waiting_layout.setSpacing(6)
        self.waiting_label = PlainLabel(self.waiting_row)
        self.waiting_label.setObjectName("WaitingForBrowser")
        self.waiting_label.setWordWrap(True)
        bold(self.waiting_label)
        waiting_layout.addWidget(self.waiting_label)
        waiting_buttons = QHBoxLayout()
        waiting_buttons.setSpacing(12)
        self.open_again_button = QPushButton(self.waiting_row)
        self.open_again_button.setObjectName("OpenPageAgain")
        self.open_again_button.clicked.connect(self.open_page_again)
        waiting_buttons.addWidget(self.open_again_button)
        self.stop_waiting_button = QPushButton(self.waiting_row)
        self.stop_waiting_button.setObjectName("StopWaiting")
        self.stop_waiting_button.clicked.connect(self.stop_waiting)
        waiting_buttons.addWidget(self.stop_waiting_button)
        waiting_buttons.addStretch(1)
        waiting_layout.addLayout(waiting_buttons)
        layout.addWidget(self.waiting_row)

        self.browser_box = note_frame("BrowserBox", WARNING_NOTE, page)
        browser_layout = QVBoxLayout(self.browser_box)
        browser_layout.setContentsMargins(12, 10, 12, 10)
        browser_layout.setSpacing(6)
        self.browser_message = PlainLabel(self.browser_box)
        self.browser_message.setWordWrap(True)
        browser_layout.addWidget(self.browser_message)
        url_row = QHBoxLayout()
        url_row.setSpacing(6)
        self.url_field = QLineEdit(self.browser_box)
        self.url_field.setObjectName("AuthUrl")
        self.url_field.setReadOnly(True)
        url_row.addWidget(self.url_field, 1)
        self.copy_url_button = QPushButton(self.browser_box)
        self.copy_url_button.clicked.connect(self.copy_url)
        url_row.addWidget(self.copy_url_button)
        browser_layout.addLayout(url_row)
        self.copied_label = PlainLabel(self.browser_box)
        browser_layout.addWidget(self.copied_label)
        layout.addWidget(self.browser_box)

        self.loopback_label = PlainLabel(page)
        self.loopback_label.setObjectName("LoopbackStatus")
        self.loopback_label.setWordWrap(True)
        layout.addWidget(self.loopback_label)

        # Step 2: the code.
        layout.addSpacing(10)
        self.step2_label = PlainLabel(page)
        bold(self.step2_label)
        layout.addWidget(self.step2_label)
        paste_row = QHBoxLayout()
        paste_row.setSpacing(6)
        self.paste_field = QLineEdit(page)
        self.paste_field.setObjectName("PasteField")
        self.paste_field.setClearButtonEnabled(True)
        self.paste_field.textChanged.connect(self._on_paste_changed)
        self.paste_field.returnPressed.connect(self.submit)
        paste_row.addWidget(self.paste_field, 1)
        self.step2_label.setBuddy(self.paste_field)
        self.continue_button = QPushButton(page)
        self.continue_button.setObjectName("ContinueButton")
        self.continue_button.clicked.connect(self.submit)
        paste_row.addWidget(self.continue_button)
        layout.addLayout(paste_row)
        self.paste_error = PlainLabel(page)
        self.paste_error.setObjectName("PasteError")
        self.paste_error.setWordWrap(True)
        set_themed_style(self.paste_error, ERROR_TEXT_STYLE)
        layout.addWidget(self.paste_error)

        # Progress and failure.
        progress_row = QHBoxLayout()
        progress_row.setSpacing(10)
        self.progress = QProgressBar(page)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(120)
        self.progress.setMaximumHeight(10)
        progress_row.addWidget(self.progress)
        self.progress_label = PlainLabel(page)
        progress_row.addWidget(self.progress_label)
        progress_row.addStretch(1)
        self.progress_row = QWidget(page)
        self.progress_row.setLayout(progress_row)
        progress_row.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.progress_row)

        self.error_box = note_frame("ErrorBox", ERROR_NOTE, page)
        error_layout = QVBoxLayout(self.error_box)
        error_layout.setContentsMargins(12, 10, 12, 10)
        error_layout.setSpacing(6)
        self.error_label = PlainLabel(self.error_box)
        self.error_label.setObjectName("SignInError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        error_layout.addWidget(self.error_label)
        retry_row = QHBoxLayout()
        retry_row.setSpacing(10)
        self.retry_button = QPushButton(self.error_box)
        self.retry_button.setObjectName("RetryButton")
        self.retry_button.clicked.connect(self.start_sign_in)
        retry_row.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignTop)
        self.retry_note = PlainLabel(self.error_box)
        self.retry_note.setWordWrap(True)
        retry_row.addWidget(self.retry_note, 1)
        error_layout.addLayout(retry_row)
        layout.addWidget(self.error_box)

    @property
    def first_run(self) -> FirstRunPage:
        """Without an OAuth app: the demo, the person's own app, or their administrator.

        Built when first needed (no OAuth app, or asked for): a configured app never
        shows it, so the first paint does not wait for it.
        """
        if self._first_run is None:
            from ohmygpt_desktop.ui.first_run import FirstRunPage

            page = self._first_run = FirstRunPage(self.ctx, self._column)
            page.settingsRequested.connect(self.settingsRequested)
            self._pages.addWidget(page)
            page.setVisible(not self.ctx.oauth_configured())
            # Built last, it would come after Cancel in the tab order: it comes before.
            last = page
            while page.isAncestorOf(last.nextInFocusChain()):
                last = last.nextInFocusChain()
            QWidget.setTabOrder(last, self.cancel_button)
        return self._first_run

    # -------------------------------------------------------------- public API

    def prepare(self, *, reauth_key: str | None = None, can_cancel: bool = False) -> None:
        """Reset for a new sign-in (signed out, Add account, or sign in again).

        A pending attempt of the same kind is kept (the person may be in the browser).
        """
        self._can_cancel = can_cancel
        if self.busy():
            self._update()
            return
        pending = self._attempt is not None and self.ctx.attempts.current is self._attempt
        if not (pending and reauth_key == self._reauth_key):
            self._abandon()
            self._reauth_key = reauth_key
        self.retranslate()
        self._update()

    def busy(self) -> bool:
        """True while a code exchange is running (the window must not switch away)."""
        return self._op is not None and self._op.running

    @property
    def reauth_key(self) -> str | None:
        return self._reauth_key

    # ----------------------------------------------------------------- actions

    def start_sign_in(self) -> None:
        """A new attempt (replacing any older one), then open the browser."""
        if self.busy():
            return
        ctx = self.ctx
        self._attempt = ctx.attempts.start(reauth_key=self._reauth_key)
        self._paste_problem = None
        self._failure = None
        self._browser_failed = False
        self._show_url = False
        self.paste_field.clear()
        redirect_uri = ctx.settings.effective_redirect_uri()
        self._auth_url = build_authorization_url(
            ctx.settings.auth_base_url,
            client_id=ctx.settings.client_id,
            redirect_uri=redirect_uri,
            scope=ctx.settings.scope,
            state=self._attempt.state,
        )
        self.url_field.setText(self._auth_url)
        self.url_field.setCursorPosition(0)
        self._ensure_receiver(redirect_uri)
        if self._receiver is not None:
            self._receiver.expect(self._attempt.state)
        opened = self._open_auth_page()
        self.retranslate()
        self._update()
        if opened:
            self.paste_field.setFocus()
        else:
            self.copy_url_button.setFocus()

    def open_page_again(self) -> None:
        """Open the pending sign-in's page once more (the same sign-in, not a new one)."""
        if not self._auth_url or self.busy():
            return
        if not self._open_auth_page():
            self.retranslate()
            self._update()

    def _open_auth_page(self) -> bool:
        """Open the attempt's authorization page in the browser; whether that worked
        (if not, the address is shown to copy)."""
        try:
            opened = bool(self.ctx.open_url(self._auth_url))
        except Exception:
            log.warning("Opening the browser raised", exc_info=True)
            opened = False
        if not opened:
            log.info("%s failed: no browser could be started", SignInStep.OPEN_BROWSER.name)
            self._browser_failed = True
        return opened

    def stop_waiting(self) -> None:
        """Give up the pending sign-in: its page can no longer finish it."""
        if self.busy():
            return
        self._abandon()
        self.retranslate()
        self._update()
        self.sign_in_button.setFocus()

    def submit(self) -> None:
        """Continue: check the pasted text against the attempt, then exchange the code."""
        text = self.paste_field.text()
        if not text.strip():
            return
        self._accept(text)

    def cancel(self) -> None:
        if self.busy():
            return
        self._abandon()
        self.retranslate()
        self._update()
        self.cancelRequested.emit()

    def copy_url(self) -> None:
        if self._auth_url:
            QGuiApplication.clipboard().setText(self._auth_url)
            self.copied_label.setText(self.tr("Copied. Paste it into your browser’s address bar."))
            self.copied_label.show()

    # -------------------------------------------------------------- mechanics

    def _reveal_url(self) -> None:
        self._show_url = True
        self._update()

    def _on_paste_changed(self, text: str) -> None:
        if self._paste_problem is not None:
            self._paste_problem = None
            self.paste_error.hide()
        self.continue_button.setEnabled(bool(text.strip()) and not self.busy())

    def _accept(self, text: str, *, redirect: bool = False) -> None:
        if self.busy():
            return
        try:
            attempt, code = self.ctx.attempts.accept(text, redirect=redirect)
        except PasteRefused as exc:
            log.info("Pasted text refused: %s", exc.problem.name)
            self._paste_problem = exc
            self._failure = None
            self.retranslate()
            self._update()
            self.settled.emit()
            return
        self._paste_problem = None
        self._failure = None
        self._attempt = attempt
        self._op = (
            Op(self._exchange, code, attempt)
            .on_success(lambda account: self._on_signed_in(account, attempt))
            .on_failure(self._on_failed)
            .on_done(self._on_exchange_done)
            .start(self)
        )
        self.retranslate()
        self._update()

    async def _exchange(self, code: str, attempt: SignInAttempt) -> Account:
        return await self.ctx.sign_in(
            code, choose_storage=self._choose_storage, reauth_key=attempt.reauth_key
        )

    async def _choose_storage(self) -> TokenStorage:
        return await ask_storage(self, file_path=str(self.ctx.tokens.insecure_file))

    def _on_signed_in(self, account: Account, attempt: SignInAttempt) -> None:
        self.ctx.attempts.finish(attempt)
        reauth_key = self._reauth_key
        self._attempt = None
        self._reauth_key = None
        self._stop_receiver()
        self.paste_field.clear()
        self._show_url = False
        self._browser_failed = False
        self.retranslate()
        if reauth_key and reauth_key != account.key:
            previous = self.ctx.accounts.get(reauth_key)
            self.ctx.messages.info(
                self.tr(
                    "You signed in as {email}, not as {previous}. Both accounts are kept; "
                    "{previous} still needs to sign in again."
                ).format(
                    email=shown(account.email),
                    previous=shown(previous.email if previous else reauth_key),
                )
            )
        else:
            self.ctx.messages.success(
                self.tr("Signed in as {email}.").format(email=shown(account.email))
            )
        self.signedIn.emit(account.key)

    def _on_exchange_done(self) -> None:
        self._update()
        self.settled.emit()

    def _on_failed(self, exc: Exception) -> None:
        if isinstance(exc, SignInError):
            log.info("Sign-in failed at %s: %r", exc.step.name, exc.cause)
        else:
            log.info("Sign-in failed: %s", type(exc).__name__)
        self._failure = exc
        self.retranslate()

    def _ensure_receiver(self, redirect_uri: str) -> None:
        """Listen on a loopback redirect URI (one receiver serves successive attempts)."""
        self._receiver_problem = None
        if not listens_for_redirect(redirect_uri, self.ctx.settings.auth_base_url):
            self._stop_receiver()
            return
        if self._receiver is not None and self._receiver_uri == redirect_uri:
            return
        self._stop_receiver()
        receiver = LoopbackReceiver(
            redirect_uri,
            self._on_redirect,
            loop=_event_loop(),
            translate=QCoreApplication.translate,
        )
        try:
            receiver.start()
        except OSError as exc:
            log.warning("Could not listen for the sign-in redirect: %s", exc.strerror or exc)
            self._receiver_problem = exc
            return
        self._receiver = receiver
        self._receiver_uri = redirect_uri

    def _stop_receiver(self) -> None:
        receiver, self._receiver = self._receiver, None
        if receiver is not None:
            receiver.expect(None)  # at once: stopping takes a moment
            _stop_in_background(receiver)

    def _on_redirect(self, url: str) -> None:
        """The browser came back to the loopback receiver: like a paste, but the
        attempt's state is required (the receiver checked it too)."""
        if not isValid(self) or self.busy() or self._receiver is None:
            return
        self._accept(url, redirect=True)

    def _abandon(self) -> None:
        """Drop the pending attempt, its receiver and every message."""
        if self._attempt is not None and self.ctx.attempts.current is self._attempt:
            self.ctx.attempts.cancel()
        self._attempt = None
        self._stop_receiver()
        self._receiver_problem = None
        self._auth_url = ""
        self.url_field.clear()
        self._browser_failed = False
        self._show_url = False
        self._paste_problem = None
        self._failure = None
        self.paste_field.clear()

    def _on_app_changed(self) -> None:
        self.retranslate()
        self._update()

    # ------------------------------------------------------------------ events

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._update()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous() and not self.busy():
            self._abandon()
            self.retranslate()
            self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -------------------------------------------------------------- rendering

    def retranslate(self) -> None:
        """(Re)set every text, including the ones that depend on the state."""
        account = self.ctx.accounts.get(self._reauth_key) if self._reauth_key else None
        if self._reauth_key:
            email = shown(account.email if account else self._reauth_key)
            self.title_label.setText(self.tr("Sign in again to {email}").format(email=email))
        elif self._can_cancel:
            self.title_label.setText(self.tr("Add an OhMyGPT account"))
        elif not self.ctx.oauth_configured():
            self.title_label.setText(self.tr("Welcome to {app}").format(app=APP_NAME))
        else:
            self.title_label.setText(self.tr("Sign in to OhMyGPT"))

        settings = self.ctx.settings
        loopback = listens_for_redirect(settings.effective_redirect_uri(), settings.auth_base_url)
        if self._reauth_key:
            intro = self.tr(
                "The app can no longer use this account’s sign-in. Sign in again: the account "
                "keeps its place and its order history."
            )
        else:
            intro = self.tr(
                "Your browser opens OhMyGPT’s authorization page. You approve the app there; "
                "it never sees your password."
            )
        if loopback:
            intro += sentence_gap() + self.tr(
                "After you approve, the app finishes signing in by itself. You can also "
                "paste the code the page shows."
            )
        else:
            intro += sentence_gap() + self.tr(
                "After you approve, the page shows a code: copy it and paste it below."
            )
        self.intro_label.setText(intro)
        demo = self.tr(
            "Demo mode: the sandbox’s authorization page lets you pick a demo user "
            "(for example alice@example.com). No real account or money is involved."
        )
        if self.ctx.switch_profile is not None:
            demo += sentence_gap() + self.tr(
                "To go back to your own accounts, choose Leave the demo in the menu (☰)."
            )
        self.demo_label.setText(demo)
        self.step1_label.setText(self.tr("1. Approve the app in your browser"))
        self.sign_in_button.setText(self.tr("Sign in with OhMyGPT"))
        self.show_url_button.setText(self.tr("Browser did not open?"))
        step = QCoreApplication.translate("SignIn", SignInStep.OPEN_BROWSER.value)
        if self._browser_failed:
            self.browser_message.setText(
                self.tr(
                    "{step} did not work: your browser could not be opened. "
                    "Copy this address into your browser."
                ).format(step=step)
            )
        else:
            self.browser_message.setText(
                self.tr("If your browser did not open, copy this address into your browser.")
            )
        self.copy_url_button.setText(self.tr("Copy"))
        self.copied_label.hide()

        if self._receiver_problem is not None:
            self.loopback_label.setText(
                self.tr(
                    "The app could not listen for your browser on {address} ({reason}). "
                    "Paste the code below instead."
                ).format(
                    address=self.ctx.settings.effective_redirect_uri(),
                    reason=self._receiver_problem.strerror or type(self._receiver_problem).__name__,
                )
            )
        else:
            self.loopback_label.setText(
                self.tr(
                    "The app finishes by itself once you approve. If nothing happens, paste "
                    "the code or the whole address below."
                )
            )
        self.waiting_label.setText(self.tr("Waiting for you to approve in your browser…"))
        self.open_again_button.setText(self.tr("Open the page again"))
        self.stop_waiting_button.setText(self.tr("Cancel"))

        self.step2_label.setText(self.tr("2. Paste the code shown in your browser"))
        self.paste_field.setPlaceholderText(
            self.tr("The code, or the whole address (…?code=…&state=…)")
        )
        self.continue_button.setText(self.tr("Continue"))
        self.paste_error.setText(describe(self._paste_problem) if self._paste_problem else "")
        self.progress_label.setText(self.tr("Signing in…"))
        self.error_label.setText(self._failure_text())
        self.retry_button.setText(self.tr("Retry"))
        self.retry_note.setText(
            self.tr("Each code works only once, so Retry starts a new sign-in in your browser.")
        )
        self.cancel_button.setText(self.tr("Cancel"))

    def _failure_text(self) -> str:
        exc = self._failure
        if exc is None:
            return ""
        if isinstance(exc, StorageChoiceCancelled):
            return self.tr(
                "Signing in was cancelled because no place to keep the sign-in was chosen. "
                "Nothing was saved."
            )
        if isinstance(exc, SignInError | ClientSecretMissing):
            text = describe(exc)
        else:
            text = self.tr("Signing in failed: {reason}").format(reason=describe(exc))
        help_line = support_line(self.ctx.settings)
        return f"{text}\n{help_line}" if help_line else text

    def _update(self) -> None:
        """Show, hide and enable widgets from the state."""
        configured = self.ctx.oauth_configured()
        self.signin_page.setVisible(configured)
        if not configured or self._first_run is not None:
            self.first_run.setVisible(not configured)
        busy = self.busy()
        started = self._attempt is not None
        self.demo_hint.setVisible(self.ctx.demo_mode)
        waiting = started and not busy and self._failure is None
        self.sign_in_button.setVisible(not waiting)
        self.sign_in_button.setEnabled(not busy)
        self.waiting_row.setVisible(waiting)
        self.show_url_button.setVisible(
            started and not busy and not (self._browser_failed or self._show_url)
        )
        self.browser_box.setVisible(
            bool(self._auth_url) and (self._browser_failed or self._show_url)
        )
        self.loopback_label.setVisible(
            started and (self._receiver is not None or self._receiver_problem is not None)
        )
        self.paste_field.setEnabled(not busy)
        self.continue_button.setEnabled(not busy and bool(self.paste_field.text().strip()))
        self.paste_error.setVisible(self._paste_problem is not None and not busy)
        self.progress_row.setVisible(busy)
        self.error_box.setVisible(self._failure is not None and not busy)
        self.cancel_button.setVisible(self._can_cancel)
        self.cancel_button.setEnabled(not busy)
