"""Turn any failure into words for people, in the user's language.

Non-GUI code raises errors whose English text is a translatable source
(``QT_TRANSLATE_NOOP``); this is the one place that translates them: API errors,
sign-in and recharge problems, and every :class:`~ohmygpt_desktop.translatable.Problem`
(settings, token store, order history), as well as plain
:class:`~ohmygpt_desktop.translatable.Text` and ``Sentences`` (the damaged-settings
message). Unknown exceptions become a generic sentence: no traceback reaches the screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from ohmygpt_desktop.api import ApiError
from ohmygpt_desktop.core.accounts import SignInError
from ohmygpt_desktop.core.oauth import PasteRefused
from ohmygpt_desktop.core.recharge import AmountRefused, OrderOutcomeUnknown
from ohmygpt_desktop.translatable import Problem, Sentences, Text, format_template
from ohmygpt_desktop.ui.formatting import sentence_gap, shown

if TYPE_CHECKING:
    from ohmygpt_desktop.core.settings import Settings

_tr = QCoreApplication.translate

#: What :func:`describe` and :func:`translate_text` accept.
Describable = BaseException | Text | Sentences


def translate_text(text: Text | Sentences) -> str:
    """``text`` in the user's language; its values that are texts or errors too."""
    if isinstance(text, Sentences):
        return sentence_gap().join(_render(part) for part in text)
    return format_template(_tr(text.context, text.template), text.params, _render)


def _render(value: Any) -> str:
    """A placeholder's value: translated when it is a text or an error, else as it is
    with every character visible (file names, the server's or the user's words)."""
    if isinstance(value, Text | Sentences | BaseException):
        return describe(value)
    return shown(str(value))


def describe(exc: Describable) -> str:
    """A short, human, translated message for ``exc`` (an error, a Text or Sentences)."""
    if isinstance(exc, Text | Sentences):
        return translate_text(exc)
    if isinstance(exc, SignInError):
        return _tr("SignIn", "{step} failed: {reason}").format(
            step=_tr("SignIn", exc.step.value), reason=describe(exc.cause)
        )
    if isinstance(exc, ApiError):
        return _tr("ApiError", exc.template).format(**exc.params)
    if isinstance(exc, Problem):  # SettingsError, TokenStoreError, OrderHistoryError
        return translate_text(exc.text)
    if isinstance(exc, PasteRefused):
        return _tr("SignIn", exc.problem.value)
    if isinstance(exc, AmountRefused):
        return _tr("Recharge", exc.problem.value).format(**exc.params)
    if isinstance(exc, OrderOutcomeUnknown):
        reason = describe(exc.cause) if isinstance(exc.cause, ApiError) else ""
        storage = describe(exc.storage) if exc.storage is not None else ""
        return _tr("Recharge", exc.template).format(
            reason=reason, order_no=exc.order_no, storage=storage
        )
    return _tr("Errors", "Something went wrong inside the app. Details are in the log file.")


def describe_unsaved_switch(email: str, problem: BaseException) -> str:
    """The account switch happened but could not be remembered (settings not saved)."""
    return _tr(
        "Accounts", "Now showing {email}, but the app could not remember this choice. {reason}"
    ).format(email=email, reason=describe(problem))


def details(exc: BaseException) -> str:
    """Technical detail for a “Details” pane (never secrets: errors carry none)."""
    if isinstance(exc, SignInError):
        return details(exc.cause)
    if isinstance(exc, ApiError):
        return exc.details() or type(exc).__name__
    if isinstance(exc, Problem):
        return exc.detail or type(exc).__name__
    return type(exc).__name__


def describe_settings_problem(settings: Settings) -> str | None:
    """Why the settings file was not (fully) used, translated; ``None`` when it was."""
    if settings.load_problem_text is None:
        return None
    return translate_text(settings.load_problem_text)


def describe_startup_problem(problem: str | Describable, settings: Settings | None = None) -> str:
    """One of ``AppContext.startup_problems`` in the user's language.

    The settings file's problem (``settings.load_problem``, English) is shown from its
    translatable form; a Text, Sentences or error is translated; other text is
    shown as it is.
    """
    if not isinstance(problem, str):
        return describe(problem)
    if settings is not None and problem == settings.load_problem:
        return describe_settings_problem(settings) or problem
    return problem
