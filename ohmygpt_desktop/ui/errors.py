"""Turn any failure into words for people, in the user's language.

Non-GUI code raises errors whose English text is a translatable source
(``QT_TRANSLATE_NOOP``); this is the one place that translates them. Unknown
exceptions become a generic sentence: no traceback reaches the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ohmygpt_desktop.api import ApiError
from ohmygpt_desktop.core.accounts import SignInError
from ohmygpt_desktop.core.oauth import PasteRefused
from ohmygpt_desktop.core.recharge import AmountRefused, OrderOutcomeUnknown
from ohmygpt_desktop.core.tokens import (
    KeyringFailure,
    KeyringTimeout,
    KeyringUnavailable,
    TokenStoreError,
)

_tr = QCoreApplication.translate


def describe(exc: BaseException) -> str:
    """A short, human, translated message for ``exc``."""
    if isinstance(exc, SignInError):
        return _tr("SignIn", "{step} failed: {reason}").format(
            step=_tr("SignIn", exc.step.value), reason=describe(exc.cause)
        )
    if isinstance(exc, ApiError):
        return _tr("ApiError", exc.template).format(**exc.params)
    if isinstance(exc, PasteRefused):
        return _tr("SignIn", exc.problem.value)
    if isinstance(exc, AmountRefused):
        return _tr("Recharge", exc.problem.value).format(**exc.params)
    if isinstance(exc, OrderOutcomeUnknown):
        return _tr(
            "Recharge",
            "The connection was lost while the order was being created, so the app cannot "
            "tell whether it exists. It is listed as “unknown” in your order history: check "
            "your OhMyGPT orders before paying again.",
        )
    if isinstance(exc, KeyringTimeout):
        return _tr("Errors", "The system keyring did not answer in time.")
    if isinstance(exc, KeyringUnavailable):
        return _tr("Errors", "No secure system keyring is available on this computer.")
    if isinstance(exc, KeyringFailure):
        return _tr("Errors", "The system keyring reported an error.")
    if isinstance(exc, TokenStoreError):
        return _tr("Errors", "The saved sign-in could not be read or written.")
    return _tr("Errors", "Something went wrong inside the app. Details are in the log file.")


def details(exc: BaseException) -> str:
    """Technical detail for a “Details” pane (never secrets: errors carry none)."""
    if isinstance(exc, SignInError):
        return details(exc.cause)
    if isinstance(exc, ApiError):
        return exc.details() or type(exc).__name__
    return type(exc).__name__
