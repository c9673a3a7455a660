"""Turn any failure into words for people, in the user's language.

Non-GUI code raises :class:`~ohmygpt_desktop.translatable.Problem` errors: each carries
its translation context, its English template (marked with ``QT_TRANSLATE_NOOP``) and
the values of its placeholders. This is the one place that translates them, and plain
:class:`~ohmygpt_desktop.translatable.Text` and ``Sentences`` (the damaged-settings
message) alike. Any other exception is a bug: it belongs to the crash handler, and
is shown here only as a generic sentence, so no traceback reaches the screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

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
    if isinstance(exc, BaseException):
        exc = exc.text if isinstance(exc, Problem) else Problem().text
    return translate_text(exc)


def describe_unsaved_switch(email: str, problem: BaseException) -> str:
    """The account switch happened but could not be remembered (settings not saved)."""
    return _tr(
        "Accounts", "Now showing {email}, but the app could not remember this choice. {reason}"
    ).format(email=email, reason=describe(problem))


def support_line(settings: Settings) -> str:
    """Where to get help, as the deployment set it (``support``, ``organization``);
    ``""`` when it did not."""
    return support_text(settings.organization, settings.support)


def support_text(organization: str, support: str) -> str:
    """The line "Need help? Contact …" for a support address (``""`` without one)."""
    if not support:
        return ""
    if organization:
        return _tr("Support", "Need help? Contact {organization}: {support}").format(
            organization=shown(organization), support=shown(support)
        )
    return _tr("Support", "Need help? Contact {support}").format(support=shown(support))


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
