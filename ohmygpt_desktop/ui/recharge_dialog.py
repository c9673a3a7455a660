"""The recharge dialog: choose an amount and a way to pay, create the order, pay.

Two pages. The entry page validates the amount as it is typed and names the
account that is topped up next to the button. "Create order" sends exactly
one request (the button cannot fire twice); while it runs, Cancel stops
*waiting* but never abandons the request (``Op.shielded``: the app's background
work holds it): the order service records its outcome in the history either way
(write-ahead), and the payment watcher follows the history. On success the payment
page opens in the browser and the result page shows the order number, the link
(copy, open again) and a QR code of it. An order that was created but could not be
written to the history gets the same page, with a warning instead of the payment
watch (the watch works from the history).
"""

from __future__ import annotations

import logging
import math
import re
import time
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ohmygpt_desktop.api import AssumedEndpointRefused, InvalidTokenError, RateLimitedError
from ohmygpt_desktop.api.models import usd_to_credits
from ohmygpt_desktop.core.orders import OrderHistoryError
from ohmygpt_desktop.core.permissions import RechargeNotAllowed
from ohmygpt_desktop.core.recharge import (
    AmountRefused,
    OrderNotRecorded,
    OrderNotSaved,
    OrderOutcomeUnknown,
    RechargeKind,
    ReferenceRefused,
    check_reference,
    parse_amount,
)
from ohmygpt_desktop.core.service_pages import orders_page
from ohmygpt_desktop.core.settings import operator_name
from ohmygpt_desktop.translatable import Problem
from ohmygpt_desktop.ui.customer_message_box import CustomerMessageBox
from ohmygpt_desktop.ui.errors import describe, support_line
from ohmygpt_desktop.ui.fit import keep_wrapped_text_whole
from ohmygpt_desktop.ui.formatting import (
    amount_for_input,
    format_credits,
    format_local_datetime,
    format_usd,
    shown,
)
from ohmygpt_desktop.ui.plain import PlainLabel, title_safe, tooltip_text
from ohmygpt_desktop.ui.qr import QrCodeWidget
from ohmygpt_desktop.ui.styles import link_button, set_themed_style
from ohmygpt_desktop.ui.tasks import Op, unexpected_error_handler
from ohmygpt_desktop.ui.team_history import TeamOpenOrders, operator_text

if TYPE_CHECKING:
    from ohmygpt_desktop.core.accounts import Account
    from ohmygpt_desktop.core.context import AppContext
    from ohmygpt_desktop.core.orders import OrderRecord

log = logging.getLogger(__name__)

#: A light check of the optional invoice email (the server checks properly).
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")

_STYLE = """
#Heading { font-weight: bold; }
#FieldError { color: $error_text; }
#ProblemBox { background: $error_bg; border-radius: 6px; }
#ProblemBox QLabel { color: $error_fg; }
#UnknownBox, #UnsavedBox, #DuplicateBox { background: $warning_bg; border-radius: 6px; }
#UnknownBox QLabel, #UnknownBox QCheckBox, #UnsavedBox QLabel, #DuplicateBox QLabel {
    color: $warning_fg;
}
#InfoBox { background: $info_bg; border-radius: 6px; }
#InfoBox QLabel { color: $info_fg; }
#PaysFor { font-weight: bold; }
#CreateButton, #DoneButton { font-weight: bold; padding: 5px 16px; }
"""


def _small(label: QLabel) -> None:
    font = QFont(label.font())
    font.setPointSizeF(max(font.pointSizeF(), 9.0) * 0.92)
    label.setFont(font)


class RechargeDialog(QDialog):
    """Recharge one account. The caller calls :meth:`open` (never ``exec``)."""

    #: The account's sign-in is no longer valid; the caller may start "sign in again".
    reauthRequested = Signal(str)

    def __init__(self, ctx: AppContext, account_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.account_key = account_key
        self.setObjectName("RechargeDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        set_themed_style(self, _STYLE)
        self.setMinimumWidth(500)
        keep_wrapped_text_whole(self)

        self._op: Op[OrderRecord] | None = None
        self._amount: Decimal | None = None
        self._amount_problem: str | None = None
        self._email_ok = True
        #: What the last attempt ended with (shown on the entry page).
        self._problem: BaseException | None = None
        self._info: str | None = None
        #: The last attempt's outcome was unknown: ask before another order.
        self._unknown_outcome = False
        self._record: OrderRecord | None = None
        #: The order was created but the history could not record it.
        self._unsaved: OrderNotSaved | None = None
        self._browser_opened = False
        #: The reference typed (checked), and why it is refused, if it is.
        self._reference: str | None = None
        self._reference_problem: str | None = None
        #: Open orders of this account from the last 30 minutes (see _update_duplicates).
        self._duplicates: list[OrderRecord] = []
        #: The person clicked "Create another order" once: the next click creates it.
        self._duplicate_armed = False
        #: Known before any request: this app may not create orders (and why).
        self._refusal = self._known_refusal()

        #: OhMyGPT asked for a pause (429 with Retry-After): no new order before this
        #: (``time.monotonic()``); the countdown ticks until then.
        self._retry_at: float | None = None
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(200)
        self._retry_timer.timeout.connect(self._on_retry_tick)
        self._retry_shown = -1
        #: With a team ledger: other desks' open orders of this account (the guard).
        self.team_open_orders = TeamOpenOrders(ctx, self.account, self)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_height)
        self._build()
        self.team_open_orders.changed.connect(self._update_state)
        self._copied_timer = QTimer(self)
        self._copied_timer.setSingleShot(True)
        self._copied_timer.setInterval(2000)
        self._copied_timer.timeout.connect(self._retranslate_result_buttons)
        ctx.accounts.accountUpdated.connect(self._on_account_updated)

        self.retranslate()
        self.amount_edit.setFocus()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self.pages = QStackedWidget(self)
        outer.addWidget(self.pages)
        self.entry_page = QWidget(self.pages)
        self.result_page = QWidget(self.pages)
        self.pages.addWidget(self.entry_page)
        self.pages.addWidget(self.result_page)
        self._build_entry(self.entry_page)
        self._build_result(self.result_page)

    def _build_entry(self, page: QWidget) -> None:
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(8)

        self.heading = PlainLabel(page)
        self.heading.setObjectName("Heading")
        font = QFont(self.heading.font())
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.3)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.account_line = PlainLabel(page)
        self.account_line.setWordWrap(True)
        self.account_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.account_line)

        # Amount: presets and a free field.
        self.amount_caption = PlainLabel(page)
        self.amount_caption.setObjectName("Heading")
        layout.addSpacing(4)
        layout.addWidget(self.amount_caption)
        presets = QHBoxLayout()
        presets.setSpacing(6)
        self.preset_group = QButtonGroup(self)
        self.preset_group.setExclusive(False)
        self.preset_buttons: list[tuple[Decimal, QPushButton]] = []
        for amount in self.ctx.settings.recharge_presets:
            button = QPushButton(page)
            button.setObjectName(f"Preset_{format(amount, 'f')}")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, a=amount: self._choose_preset(a))
            self.preset_group.addButton(button)
            presets.addWidget(button)
            self.preset_buttons.append((amount, button))
        presets.addStretch(1)
        layout.addLayout(presets)

        field_row = QHBoxLayout()
        field_row.setSpacing(6)
        self.amount_label = PlainLabel(page)
        self.currency_label = PlainLabel("$", page)
        self.amount_edit = QLineEdit(page)
        self.amount_edit.setObjectName("AmountEdit")
        self.amount_edit.setMaxLength(20)
        self.amount_edit.setClearButtonEnabled(True)
        self.amount_edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.amount_edit.setFixedWidth(140)
        self.amount_label.setBuddy(self.amount_edit)
        self.amount_edit.textChanged.connect(self._on_amount_edited)
        self.credits_hint = PlainLabel(page)
        _small(self.credits_hint)
        field_row.addWidget(self.amount_label)
        field_row.addWidget(self.currency_label)
        field_row.addWidget(self.amount_edit)
        field_row.addWidget(self.credits_hint, 1)
        layout.addLayout(field_row)
        self.amount_error = PlainLabel(page)
        self.amount_error.setObjectName("FieldError")
        self.amount_error.setWordWrap(True)
        layout.addWidget(self.amount_error)

        # How to pay.
        self.method_caption = PlainLabel(page)
        self.method_caption.setObjectName("Heading")
        layout.addSpacing(4)
        layout.addWidget(self.method_caption)
        self.method_group = QButtonGroup(self)
        self.checkout_radio = QRadioButton(page)
        self.checkout_radio.setObjectName("CheckoutRadio")
        self.invoice_radio = QRadioButton(page)
        self.invoice_radio.setObjectName("InvoiceRadio")
        self.method_group.addButton(self.checkout_radio)
        self.method_group.addButton(self.invoice_radio)
        self.checkout_radio.setChecked(True)
        self.checkout_radio.toggled.connect(self._validate)
        layout.addWidget(self.checkout_radio)
        layout.addWidget(self.invoice_radio)
        email_row = QGridLayout()
        email_row.setContentsMargins(24, 0, 0, 0)
        self.email_label = PlainLabel(page)
        self.email_edit = QLineEdit(page)
        self.email_edit.setObjectName("InvoiceEmail")
        self.email_edit.setMaxLength(254)
        self.email_label.setBuddy(self.email_edit)
        self.email_edit.textChanged.connect(self._validate)
        self.email_error = PlainLabel(page)
        self.email_error.setObjectName("FieldError")
        self.email_error.setWordWrap(True)
        email_row.addWidget(self.email_label, 0, 0)
        email_row.addWidget(self.email_edit, 0, 1)
        email_row.addWidget(self.email_error, 1, 1)
        email_row.setColumnStretch(1, 1)
        layout.addLayout(email_row)

        self._build_reference(page, layout)

        # While creating.
        self.busy_row = QWidget(page)
        busy_layout = QHBoxLayout(self.busy_row)
        busy_layout.setContentsMargins(0, 4, 0, 0)
        self.progress = QProgressBar(self.busy_row)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(80)
        self.progress.setMaximumHeight(8)
        self.busy_label = PlainLabel(self.busy_row)
        self.busy_label.setWordWrap(True)
        busy_layout.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignVCenter)
        busy_layout.addWidget(self.busy_label, 1)
        layout.addWidget(self.busy_row)

        # What went wrong last time.
        self.problem_box = QFrame(page)
        self.problem_box.setObjectName("ProblemBox")
        problem_layout = QHBoxLayout(self.problem_box)
        problem_layout.setContentsMargins(10, 8, 10, 8)
        self.problem_label = PlainLabel(self.problem_box)
        self.problem_label.setObjectName("ProblemText")
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.reauth_button = QPushButton(self.problem_box)
        self.reauth_button.setObjectName("ReauthButton")
        self.reauth_button.setAutoDefault(False)
        self.reauth_button.clicked.connect(self._on_reauth_clicked)
        self.try_anyway_button = QPushButton(self.problem_box)
        self.try_anyway_button.setObjectName("TryAnywayButton")
        self.try_anyway_button.setAutoDefault(False)
        self.try_anyway_button.clicked.connect(self._on_try_anyway_clicked)
        problem_layout.addWidget(self.problem_label, 1)
        problem_layout.addWidget(self.reauth_button, 0, Qt.AlignmentFlag.AlignVCenter)
        problem_layout.addWidget(self.try_anyway_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.problem_box)

        # The last order's outcome is unknown: no blind retry.
        self.unknown_box = QFrame(page)
        self.unknown_box.setObjectName("UnknownBox")
        unknown_layout = QVBoxLayout(self.unknown_box)
        unknown_layout.setContentsMargins(10, 8, 10, 8)
        self.unknown_label = PlainLabel(self.unknown_box)
        self.unknown_label.setObjectName("UnknownText")
        self.unknown_label.setWordWrap(True)
        self.unknown_confirm = QCheckBox(self.unknown_box)
        self.unknown_confirm.setObjectName("UnknownConfirm")
        self.unknown_confirm.toggled.connect(self._validate)
        # What the app knows of the order here, and where the service lists its orders.
        self.unknown_details = PlainLabel(self.unknown_box)
        self.unknown_details.setObjectName("UnknownOrder")
        self.unknown_details.setWordWrap(True)
        self.unknown_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.orders_link = link_button("OrdersLink", self.unknown_box)
        self.orders_link.setToolTip(tooltip_text(shown(orders_page(self.ctx.settings))))
        self.orders_link.clicked.connect(lambda: self._open(orders_page(self.ctx.settings)))
        unknown_layout.addWidget(self.unknown_label)
        unknown_layout.addWidget(self.unknown_details)
        unknown_layout.addWidget(self.orders_link, 0, Qt.AlignmentFlag.AlignLeft)
        unknown_layout.addWidget(self.unknown_confirm)
        layout.addWidget(self.unknown_box)

        # A neutral note (after "stop waiting").
        self.info_box = QFrame(page)
        self.info_box.setObjectName("InfoBox")
        info_layout = QHBoxLayout(self.info_box)
        info_layout.setContentsMargins(10, 8, 10, 8)
        self.info_label = PlainLabel(self.info_box)
        self.info_label.setObjectName("InfoText")
        self.info_label.setWordWrap(True)
        info_layout.addWidget(self.info_label)
        layout.addWidget(self.info_box)

        self._build_duplicate_box(page, layout)

        layout.addStretch(1)
        line = QFrame(page)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)

        bottom = QHBoxLayout()
        self.pays_for_label = PlainLabel(page)
        self.pays_for_label.setObjectName("PaysFor")
        self.pays_for_label.setWordWrap(True)
        self.pays_for_label.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred
        )
        self.cancel_button = QPushButton(page)
        self.cancel_button.setObjectName("CancelButton")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.create_button = QPushButton(page)
        self.create_button.setObjectName("CreateButton")
        self.create_button.setAutoDefault(False)
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.submit)
        bottom.addWidget(self.pays_for_label, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.create_button)
        layout.addLayout(bottom)

    def _build_reference(self, page: QWidget, layout: QVBoxLayout) -> None:
        """The optional reference (a ticket number...) and who the order is created by."""
        grid = QGridLayout()
        self.reference_label = PlainLabel(page)
        self.reference_edit = QLineEdit(page)
        self.reference_edit.setObjectName("ReferenceEdit")
        # No maxLength: a pasted text that is too long is kept and explained, not cut.
        self.reference_edit.setClearButtonEnabled(True)
        self.reference_label.setBuddy(self.reference_edit)
        self.reference_edit.textChanged.connect(self._validate)
        self.reference_error = PlainLabel(page)
        self.reference_error.setObjectName("FieldError")
        self.reference_error.setWordWrap(True)
        self.reference_error.hide()
        self.operator_label = PlainLabel(page)
        self.operator_label.setObjectName("OperatorLine")
        _small(self.operator_label)
        grid.addWidget(self.reference_label, 0, 0)
        grid.addWidget(self.reference_edit, 0, 1)
        grid.addWidget(self.reference_error, 1, 1)
        grid.addWidget(self.operator_label, 2, 1)
        grid.setColumnStretch(1, 1)
        layout.addSpacing(4)
        layout.addLayout(grid)

    def _build_duplicate_box(self, page: QWidget, layout: QVBoxLayout) -> None:
        """This account already has a recent open order: say so before another one."""
        self.duplicate_box = QFrame(page)
        self.duplicate_box.setObjectName("DuplicateBox")
        box_layout = QVBoxLayout(self.duplicate_box)
        box_layout.setContentsMargins(10, 8, 10, 8)
        self.duplicate_label = PlainLabel(self.duplicate_box)
        self.duplicate_label.setObjectName("DuplicateText")
        self.duplicate_label.setWordWrap(True)
        self.duplicate_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box_layout.addWidget(self.duplicate_label)
        self.duplicate_box.hide()
        layout.addWidget(self.duplicate_box)

    def _build_result(self, page: QWidget) -> None:
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(8)
        self.result_heading = PlainLabel(page)
        self.result_heading.setObjectName("Heading")
        font = QFont(self.result_heading.font())
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.3)
        self.result_heading.setFont(font)
        self.result_heading.setWordWrap(True)
        layout.addWidget(self.result_heading)
        self.result_text = PlainLabel(page)
        self.result_text.setObjectName("ResultText")
        self.result_text.setWordWrap(True)
        layout.addWidget(self.result_text)
        self.unsaved_box = QFrame(page)
        self.unsaved_box.setObjectName("UnsavedBox")
        unsaved_layout = QHBoxLayout(self.unsaved_box)
        unsaved_layout.setContentsMargins(10, 8, 10, 8)
        self.unsaved_label = PlainLabel(self.unsaved_box)
        self.unsaved_label.setObjectName("UnsavedText")
        self.unsaved_label.setWordWrap(True)
        self.unsaved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        unsaved_layout.addWidget(self.unsaved_label)
        self.unsaved_box.hide()
        layout.addWidget(self.unsaved_box)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        self.order_no_caption = PlainLabel(page)
        self.order_no_field = QLineEdit(page)
        self.order_no_field.setObjectName("OrderNumber")
        self.order_no_field.setReadOnly(True)
        self.order_no_caption.setBuddy(self.order_no_field)
        self.details_caption = PlainLabel(page)
        self.details_label = PlainLabel(page)
        self.details_label.setObjectName("OrderDetails")
        self.details_label.setWordWrap(True)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(self.order_no_caption, 0, 0)
        grid.addWidget(self.order_no_field, 0, 1)
        grid.addWidget(self.details_caption, 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.details_label, 1, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)

        qr_row = QHBoxLayout()
        self.qr = QrCodeWidget(page)
        self.qr.setObjectName("CheckoutQr")
        self.qr.setFixedSize(220, 220)
        qr_row.addWidget(self.qr)
        side = QVBoxLayout()
        self.qr_caption = PlainLabel(page)
        self.qr_caption.setWordWrap(True)
        side.addWidget(self.qr_caption)
        self.watch_note = PlainLabel(page)
        self.watch_note.setObjectName("WatchNote")
        self.watch_note.setWordWrap(True)
        side.addWidget(self.watch_note)
        side.addStretch(1)
        qr_row.addLayout(side, 1)
        layout.addLayout(qr_row)
        self.customer_message = CustomerMessageBox(self.ctx.open_url, page)
        layout.addWidget(self.customer_message)
        layout.addStretch(1)

        buttons = QHBoxLayout()
        self.copy_link_button = QPushButton(page)
        self.copy_link_button.setObjectName("CopyLinkButton")
        self.copy_link_button.setAutoDefault(False)
        self.copy_link_button.clicked.connect(self.copy_link)
        self.open_again_button = QPushButton(page)
        self.open_again_button.setObjectName("OpenAgainButton")
        self.open_again_button.setAutoDefault(False)
        self.open_again_button.clicked.connect(self.open_again)
        self.done_button = QPushButton(page)
        self.done_button.setObjectName("DoneButton")
        self.done_button.setAutoDefault(False)
        self.done_button.clicked.connect(self.accept)
        buttons.addWidget(self.copy_link_button)
        buttons.addWidget(self.open_again_button)
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        layout.addLayout(buttons)

    # ------------------------------------------------------------ i18n, events

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        account = self.account()
        email, host = self._who(account)
        self.setWindowTitle(
            title_safe(self.tr("Recharge {email} ({host})").format(email=email, host=host))
        )
        self.heading.setText(self.tr("Recharge {email}").format(email=email))
        self.account_line.setText(
            self.tr(
                "The money is added to the OhMyGPT account {email} on {host}. "
                "You pay on a Stripe page in your browser."
            ).format(email=email, host=host)
        )
        self.amount_caption.setText(self.tr("Amount"))
        for amount, button in self.preset_buttons:
            button.setText(format_usd(amount, drop_zero_cents=True))
        self.amount_label.setText(self.tr("Other &amount:"))
        settings = self.ctx.settings
        self.amount_edit.setPlaceholderText(
            self.tr("{minimum} to {maximum}").format(
                minimum=amount_for_input(settings.recharge_min),
                maximum=amount_for_input(settings.recharge_max),
            )
        )
        self.amount_edit.setToolTip(
            self.tr("US dollars, for example 10 or 12{point}50").format(
                point=QLocale().decimalPoint()
            )
        )
        self.method_caption.setText(self.tr("How to pay"))
        self.checkout_radio.setText(self.tr("Card payment page (Stripe Checkout)"))
        self.invoice_radio.setText(self.tr("Invoice (Stripe Invoice: card or bank transfer)"))
        self.email_label.setText(self.tr("Billing &email (optional):"))
        self.email_edit.setPlaceholderText(
            self.tr("Leave empty to use {email}").format(email=email)
        )
        self.reference_label.setText(self.tr("&Reference (optional):"))
        self.reference_edit.setPlaceholderText(self.tr("A ticket number or a short note"))
        self.reference_edit.setToolTip(
            self.tr("Kept with the order: shown in the order history, searchable and exported.")
        )
        self.operator_label.setText(
            self.tr("Created by {operator}").format(
                operator=shown(operator_name(self.ctx.settings))
            )
        )
        self.reauth_button.setText(self.tr("Sign in again"))
        self.try_anyway_button.setText(self.tr("Try anyway"))
        self.try_anyway_button.setToolTip(
            self.tr("OhMyGPT may have given this app the permission since.")
        )
        self.unknown_confirm.setText(
            self.tr("I checked my OhMyGPT orders: create a new order anyway")
        )
        self.create_button.setToolTip(
            self.tr("Creates the order and opens the payment page in your browser")
        )
        self.order_no_caption.setText(self.tr("Order number:"))
        self.details_caption.setText(self.tr("Details:"))
        self.done_button.setText(self.tr("Done"))
        self._retranslate_result_buttons()
        self._update_state()
        if self._record is not None:
            self._fill_result()

    def _retranslate_result_buttons(self) -> None:
        self.copy_link_button.setText(self.tr("Copy link"))
        self.open_again_button.setText(self.tr("Open again"))

    def _on_account_updated(self, key: str) -> None:
        if key == self.account_key:
            self._update_state()

    def reject(self) -> None:
        """Escape or the window's close button: stop waiting (never the request), close."""
        if self.busy:
            self.stop_waiting()
        super().reject()

    # ------------------------------------------------------------------ state

    def account(self) -> Account | None:
        return self.ctx.accounts.get(self.account_key)

    def _app_on_host(self) -> tuple[str, str]:
        account = self.account()
        host = account.host if account is not None else self.ctx.accounts.host
        return host, self.ctx.settings.client_id

    def _known_refusal(self) -> RechargeNotAllowed | None:
        return self.ctx.permissions.recharge_refusal(*self._app_on_host())

    def _who(self, account: Account | None) -> tuple[str, str]:
        """The account's email and host as shown (every character visible)."""
        if account is None:
            return shown(self.account_key), shown(self.ctx.accounts.host)
        return shown(account.email), shown(account.host)

    @property
    def busy(self) -> bool:
        return self._op is not None

    def amount(self) -> Decimal | None:
        """The valid amount entered, or None."""
        return self._amount

    def kind(self) -> RechargeKind:
        return RechargeKind.INVOICE if self.invoice_radio.isChecked() else RechargeKind.CHECKOUT

    def can_submit(self) -> bool:
        account = self.account()
        return (
            not self.busy
            and self._amount is not None
            and self._email_ok
            and account is not None
            and not account.needs_reauth
            and self.ctx.history.write_problem is None
            and self._refusal is None
            and self._reference_problem is None
            and (not self._unknown_outcome or self.unknown_confirm.isChecked())
            and self.retry_in() == 0
        )

    def retry_in(self) -> int:
        """Whole seconds until OhMyGPT accepts another order request (0: now)."""
        if self._retry_at is None:
            return 0
        return max(0, math.ceil(self._retry_at - time.monotonic()))

    def _on_retry_tick(self) -> None:
        seconds = self.retry_in()
        if seconds == 0:
            self._retry_timer.stop()
        if seconds != self._retry_shown:
            self._update_state()

    def _choose_preset(self, amount: Decimal) -> None:
        self.amount_edit.setText(amount_for_input(amount))
        self.amount_edit.setFocus()

    def _on_amount_edited(self, _text: str) -> None:
        if self._info is not None:
            # The "stopped waiting" note is about the last attempt; a new one begins.
            self._info = None
            self._update_state()
        else:
            self._validate()

    def _validate(self) -> None:
        settings = self.ctx.settings
        text = self.amount_edit.text()
        try:
            self._amount = parse_amount(
                text,
                minimum=settings.recharge_min,
                maximum=settings.recharge_max,
                decimal_point=QLocale().decimalPoint(),
            )
            self._amount_problem = None
        except AmountRefused as exc:
            self._amount = None
            # An empty field is not an error yet: the button just stays disabled.
            self._amount_problem = describe(exc) if text.strip() else None
        for amount, button in self.preset_buttons:
            button.setChecked(self._amount is not None and amount == self._amount)

        invoice = self.invoice_radio.isChecked()
        email = self.email_edit.text().strip()
        self._email_ok = not invoice or not email or bool(_EMAIL.fullmatch(email))
        self.email_label.setEnabled(invoice and not self.busy)
        self.email_edit.setEnabled(invoice and not self.busy)
        self.email_error.setVisible(not self._email_ok)
        self.email_error.setText(
            self.tr("Enter an email address like name@example.com, or leave the field empty.")
        )

        self.amount_error.setVisible(self._amount_problem is not None)
        self.amount_error.setText(self._amount_problem or "")
        try:
            self._reference = check_reference(self.reference_edit.text())
            self._reference_problem = None
        except ReferenceRefused as exc:
            self._reference = None
            self._reference_problem = describe(exc)
        self.reference_error.setVisible(self._reference_problem is not None)
        self.reference_error.setText(self._reference_problem or "")
        if self._amount is not None:
            self.credits_hint.setText(
                self.tr("= {credits} credits").format(
                    credits=format_credits(
                        usd_to_credits(self._amount, self.ctx.settings.credits_per_usd)
                    )
                )
            )
        else:
            self.credits_hint.setText("")
        self._update_pays_for()
        self.create_button.setEnabled(self.can_submit())

    def _update_pays_for(self) -> None:
        email, host = self._who(self.account())
        if self._amount is not None:
            text = self.tr("Adds {amount} to {email} ({host})").format(
                amount=format_usd(self._amount), email=email, host=host
            )
        else:
            text = self.tr("Tops up {email} ({host})").format(email=email, host=host)
        self.pays_for_label.setText(text)

    def _update_state(self) -> None:
        """Show busy/problem/info according to the current state."""
        busy = self.busy
        for widget in (
            self.amount_edit,
            self.checkout_radio,
            self.invoice_radio,
            self.reference_edit,
        ):
            widget.setEnabled(not busy)
        for _, button in self.preset_buttons:
            button.setEnabled(not busy)
        self.unknown_confirm.setEnabled(not busy)
        self.busy_row.setVisible(busy)
        self.busy_label.setText(
            self.tr(
                "Creating the order… You can stop waiting: the order is still recorded "
                "under Orders."
            )
        )
        self._update_duplicates()
        self.create_button.setText(self._create_text())
        self.cancel_button.setText(self.tr("Stop waiting") if busy else self.tr("Cancel"))

        problem = None if busy else self._problem
        account = self.account()
        signed_out = account is None or account.needs_reauth
        if isinstance(problem, (OrderOutcomeUnknown, OrderNotRecorded)):
            # Each says itself what happened to the order (it may exist / nothing was sent).
            text = describe(problem)
        elif problem is not None and self._retry_at is not None:
            self._retry_shown = seconds = self.retry_in()
            if seconds > 1:
                text = self.tr(
                    "The order was not created: OhMyGPT asks for a pause between requests. "
                    "You can try again in {seconds} seconds."
                ).format(seconds=seconds)
            elif seconds == 1:
                text = self.tr(
                    "The order was not created: OhMyGPT asks for a pause between requests. "
                    "You can try again in 1 second."
                )
            else:
                text = self.tr(
                    "The order was not created: OhMyGPT asked for a pause between requests. "
                    "You can try again now."
                )
        elif problem is not None:
            # Anything else reaches the dialog only when no order can exist.
            text = self.tr("The order was not created. {reason}").format(reason=describe(problem))
        elif self.ctx.history.write_problem is not None and not busy:
            text = describe(self.ctx.history.write_problem)
        elif signed_out and not busy:
            email, _host = self._who(account)
            text = self.tr(
                "The sign-in for {email} is no longer valid. Sign in again before recharging."
            ).format(email=email)
        elif self._refusal is not None and not busy:
            text = describe(self._refusal)
        else:
            text = ""
        cause = getattr(problem, "cause", problem)
        if isinstance(cause, AssumedEndpointRefused):
            # Only the deployment's support (or a settings change) can fix a wrong path.
            help_line = support_line(self.ctx.settings)
            text = f"{text}\n{help_line}" if help_line else text
        self.problem_label.setText(text)
        self.problem_box.setVisible(bool(text))
        self.reauth_button.setVisible(
            bool(text)
            and account is not None
            and (isinstance(problem, InvalidTokenError) or account.needs_reauth)
        )
        self.try_anyway_button.setVisible(
            self._refusal is not None and self._refusal.learned and text == describe(self._refusal)
        )

        self.unknown_box.setVisible(self._unknown_outcome and not busy)
        self.unknown_label.setText(
            self.tr(
                "So that you do not pay twice, the app creates another order only after you "
                "confirm that you checked."
            )
        )
        self.unknown_details.setText(self._unknown_order_text())
        self.orders_link.setText(self.tr("Open your OhMyGPT orders"))
        self.info_box.setVisible(self._info is not None and not busy)
        self.info_label.setText(self._info or "")
        self._validate()
        self._fit_timer.start()

    def _update_duplicates(self) -> None:
        """Read this account's recent open orders; show them (amount, when, by whom)."""
        if self.busy:
            self.duplicate_box.hide()
            return
        try:
            self._duplicates = self.ctx.history.recent_open_orders(self.account_key)
        except OrderHistoryError as exc:
            log.warning("Could not read the recent orders: %s", exc)
            self._duplicates = []
        team = self.team_open_orders.orders
        if not self._has_duplicates():
            self._duplicate_armed = False
        now = datetime.now(UTC)
        lines = [
            self.tr(
                "This account already has an open order from the last 30 minutes. Make sure "
                "it was not paid before you create another one:"
            )
        ]
        found = [(r.created_at, r.operator, r.amount) for r in self._duplicates]
        found += [(o.created_at, operator_text(o), o.amount) for o in team]  # other desks'
        for created_at, operator, amount_usd in sorted(found, key=lambda f: f[0], reverse=True):
            minutes = max(0, int((now - created_at).total_seconds() // 60))
            amount = format_usd(amount_usd)
            if operator:
                line = self.tr("Created {minutes} min ago by {operator}: {amount}, not yet paid")
            else:
                line = self.tr("Created {minutes} min ago: {amount}, not yet paid")
            lines.append(
                "• " + line.format(minutes=minutes, operator=shown(operator), amount=amount)
            )
        if self._duplicate_armed:
            lines.append(self.tr("Click “Yes, create another order” to create it anyway."))
        self.duplicate_label.setText("\n".join(lines))
        self.duplicate_box.setVisible(self._has_duplicates())

    def _has_duplicates(self) -> bool:
        return bool(self._duplicates or self.team_open_orders.orders)

    def _create_text(self) -> str:
        if self.busy:
            return self.tr("Creating…")
        if self._has_duplicates():
            if self._duplicate_armed:
                return self.tr("Yes, create another order")
            return self.tr("Create another order")
        return self.tr("Create order")

    def _fit_height(self) -> None:
        """Grow (never shrink) so that messages that appeared are not squeezed."""
        layout = self.layout()
        if layout is None:
            return
        needed = (
            layout.heightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.sizeHint().height()
        )
        if needed > self.height():
            self.resize(self.width(), needed)

    # ----------------------------------------------------------------- create

    def submit(self) -> None:
        """Create the order (one click, one request). Ignored unless the entry is valid."""
        if not self.can_submit():
            return
        if self._has_duplicates() and not self._duplicate_armed:
            # A recent order may still be paid: the first click only asks to confirm.
            self._duplicate_armed = True
            self._update_state()
            return
        amount = self._amount
        assert amount is not None
        kind = self.kind()
        email = self.email_edit.text().strip() if kind is RechargeKind.INVOICE else ""
        self._problem = None
        self._info = None
        self._unknown_outcome = False
        self._duplicate_armed = False
        self._retry_at = None
        self.unknown_confirm.setChecked(False)
        # Stopping the wait (or closing) never abandons the request: it runs to its end
        # and the order service records its outcome.
        op: Op[OrderRecord] = Op(
            self.ctx.recharge.create_order,
            self.account_key,
            amount,
            kind=kind,
            email=email or None,
            reference=self._reference,
        ).shielded(self.ctx.background)
        # Mark busy before the task exists: a second click finds the button disabled.
        self._op = op
        self._update_state()
        op.on_success(lambda record: self._on_created(op, record))
        op.on_failure(lambda exc: self._on_failed(op, exc))
        op.on_done(lambda: self._on_op_done(op))
        op.start(self)

    def stop_waiting(self) -> None:
        """Stop waiting for the reply; the request itself goes on and is recorded."""
        op = self._op
        if op is None:
            return
        self._op = None
        op.cancel()
        self._info = self.tr(
            "Stopped waiting. The request had already been sent: if OhMyGPT creates the order, "
            "it appears under Orders as “Awaiting payment” and you can open it from there."
        )
        self._update_state()

    def _on_cancel_clicked(self) -> None:
        if self.busy:
            self.stop_waiting()
        else:
            self.reject()

    def _on_op_done(self, op: Op[OrderRecord]) -> None:
        if self._op is op:
            self._op = None
            self._update_state()

    def _on_created(self, op: Op[OrderRecord], record: OrderRecord) -> None:
        if self._op is not op:
            return
        self._op = None
        self._pay(record)

    def _pay(self, record: OrderRecord, unsaved: OrderNotSaved | None = None) -> None:
        """The order exists: open its payment page and show the result.

        The payment watch already started when the history recorded the order. An
        order the history could not record cannot be watched for (the watch pays the
        history's open orders): the result page warns instead.
        """
        self._record = record
        self._unsaved = unsaved
        self._browser_opened = self._open(record.checkout_url or "")
        self._show_result()

    def _on_failed(self, op: Op[OrderRecord], exc: Exception) -> None:
        if self._op is not op:
            return
        if isinstance(exc, OrderNotSaved):  # created: it can be paid, only not recorded
            self._op = None
            self._pay(exc.record, exc)
            return
        self._op = None
        if not isinstance(exc, Problem):  # a bug: the crash handler reports it
            unexpected_error_handler(exc, "creating a recharge order")
            self._update_state()
            return
        log.info("Recharge order for %s failed: %r", self.account_key, exc)
        self._problem = exc
        self._unknown_outcome = isinstance(exc, OrderOutcomeUnknown)
        if isinstance(exc, RateLimitedError) and exc.retry_after:
            self._retry_at = time.monotonic() + exc.retry_after
            self._retry_timer.start()
        self._update_state()

    def _unknown_order_text(self) -> str:
        """The order whose outcome is unknown, as this computer knows it."""
        problem = self._problem
        if not isinstance(problem, OrderOutcomeUnknown) or problem.record is None:
            return ""
        record = problem.record
        amount = format_usd(record.amount)
        when = format_local_datetime(record.created_at)
        if problem.order_no:
            return self.tr("This order: {amount}, sent {when}, order number {order_no}.").format(
                amount=amount, when=when, order_no=shown(problem.order_no)
            )
        return self.tr("This order: {amount}, sent {when}; OhMyGPT named no order number.").format(
            amount=amount, when=when
        )

    def _on_try_anyway_clicked(self) -> None:
        """Forget the refusal seen before: the next order request goes out again."""
        self.ctx.permissions.forget(*self._app_on_host())
        self._refusal = None
        self._update_state()

    def _on_reauth_clicked(self) -> None:
        self.reauthRequested.emit(self.account_key)
        self.reject()

    # ----------------------------------------------------------------- result

    def _open(self, url: str) -> bool:
        if not url:
            return False
        try:
            return bool(self.ctx.open_url(url))
        except Exception as exc:  # no traceback: its text could carry the link
            log.warning("Could not open the payment page in a browser (%s)", type(exc).__name__)
            return False

    def record(self) -> OrderRecord | None:
        """The order created by this dialog, once there is one."""
        return self._record

    def _show_result(self) -> None:
        self._fill_result()
        self.create_button.setDefault(False)
        self.done_button.setDefault(True)
        self.pages.setCurrentWidget(self.result_page)
        self.done_button.setFocus()
        self._fit_timer.start()

    def _fill_result(self) -> None:
        record = self._record
        if record is None:
            return
        invoice = record.kind == RechargeKind.INVOICE.value
        self.result_heading.setText(self.tr("Finish the payment in your browser"))
        if self._browser_opened:
            text = (
                self.tr("The invoice page opened in your browser. Pay there.")
                if invoice
                else self.tr("The payment page opened in your browser. Pay there.")
            )
        else:
            text = self.tr(
                "The app could not open your browser. Copy the link into a browser, or scan "
                "the QR code with your phone."
            )
        self.result_text.setText(text)
        self.order_no_field.setText(record.order_no or "")
        details = [
            self.tr("{amount} for {email} ({host})").format(
                amount=format_usd(record.amount), email=shown(record.email), host=shown(record.host)
            ),
            self.tr("Stripe Invoice") if invoice else self.tr("Stripe Checkout"),
        ]
        expires = record.expires_at
        if expires is not None:
            details.append(
                self.tr("The link is usually valid until {when}.").format(
                    when=format_local_datetime(expires)
                )
            )
        self.details_label.setText("\n".join(details))
        self.details_label.setToolTip(
            ""
            if expires is None
            else self.tr(
                "Stripe Checkout links expire 24 hours after they are made unless their "
                "maker sets another time; OhMyGPT does not say which it does."
            )
        )
        self.qr.set_text(record.checkout_url or "")
        self.customer_message.set_record(record)
        self.qr.setToolTip(self.tr("The payment link as a QR code"))
        if self.ctx.demo_mode:  # the sandbox on this computer: no phone reaches it
            self.qr_caption.setText(
                self.tr(
                    "This is a demo link to the sandbox on this computer: pay in the browser "
                    "here (a phone cannot open it)."
                )
            )
        else:
            self.qr_caption.setText(self.tr("Or scan this code to pay on your phone."))
        self.unsaved_box.setVisible(self._unsaved is not None)
        self.unsaved_label.setText(describe(self._unsaved) if self._unsaved is not None else "")
        self.watch_note.setVisible(self._unsaved is None)
        self.watch_note.setText(
            self.tr(
                "You can close this window: the app checks the balance and marks the order "
                "paid as soon as the money arrives. Unpaid orders stay “Awaiting payment” "
                "under Orders until the link expires."
            )
        )

    def copy_link(self) -> None:
        record = self._record
        if record is None or not record.checkout_url:
            return
        QGuiApplication.clipboard().setText(record.checkout_url)
        self.copy_link_button.setText(self.tr("Copied"))
        self._copied_timer.start()

    def open_again(self) -> None:
        record = self._record
        if record is None or not record.checkout_url:
            return
        self._browser_opened = self._open(record.checkout_url)
        if self._unsaved is None:
            self.ctx.watcher.watch(record.account_key)
        self._fill_result()
