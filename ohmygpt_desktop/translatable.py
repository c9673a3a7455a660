"""Words for people from Qt-free code, translated where they are shown.

A :class:`Text` is an English template marked with ``QT_TRANSLATE_NOOP`` (so
``pyside6-lupdate`` extracts it), its translation context and the values of its
``{placeholders}``. ``str(text)`` is the English sentence (logs, tests, stderr);
:func:`ohmygpt_desktop.ui.errors.describe` shows it in the user's language with
``QCoreApplication.translate(context, template).format(**params)``.

A value may itself be a :class:`Text`, a :class:`Problem` or :class:`Sentences`:
those are translated too. Everything else is shown as it is (file names, numbers,
the user's own input), so values are formatted (``repr``, ``:g``) before they are
passed. Values never hold a secret: a token or client secret is never a param.

:class:`Problem` is the one base of the errors that reach people: the API's
(``api/errors.py``), the settings', the token store's, the order history's, sign-in
and recharge problems. Each carries its own context, template and params, so the UI
needs no knowledge of the kinds. A leaf module: it imports no Qt and nothing of the
app, so ``api``, ``core`` and ``ui`` can all use it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for ``pyside6-lupdate`` (found by name); returns it unchanged."""
    return text


def english(value: Any) -> str:
    """``value`` as English text: a :class:`Text`/:class:`Problem` in its source language."""
    return str(value)


class Text:
    """An English template, its translation context and the values of its placeholders."""

    __slots__ = ("context", "params", "template")

    def __init__(self, context: str, template: str, /, **params: Any) -> None:
        self.context = context
        self.template = template
        self.params: dict[str, Any] = params

    def __str__(self) -> str:
        return format_template(self.template, self.params, english)

    def __repr__(self) -> str:
        return f"Text({self.context!r}, {self.template!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Text):
            return NotImplemented
        return (self.context, self.template, self.params) == (
            other.context,
            other.template,
            other.params,
        )

    __hash__ = None  # type: ignore[assignment]  # params may be unhashable


class Sentences(tuple[Any, ...]):
    """Several sentences (each a :class:`Text`, :class:`Problem` or plain ``str``).

    English joins them with a space; the UI joins the translations the way the
    language does (no space after a Chinese or Japanese full stop).
    """

    def __new__(cls, parts: Iterable[Any] = ()) -> Sentences:
        return super().__new__(cls, parts)

    def __str__(self) -> str:
        return " ".join(english(part) for part in self)

    def __repr__(self) -> str:
        return f"Sentences({list(self)!r})"


def format_template(template: str, params: Mapping[str, Any], render: Any) -> str:
    """``template.format`` with every value rendered by ``render`` (English or translated).

    A template that does not fit its values (a translation that lost a placeholder)
    gives the template with the values listed, never an exception.
    """
    values = {name: render(value) for name, value in params.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        listed = ", ".join(f"{name}={value}" for name, value in values.items())
        return f"{template} ({listed})" if listed else template


class Problem(Exception):
    """An exception whose message is a translatable :class:`Text`.

    Subclasses set :attr:`context` and usually a default :attr:`template`; a raise
    may pass another template and the params: ``SettingsError(TEMPLATE, what=...)``.
    ``str(exc)`` is the English message (plus :attr:`detail`, when there is one).
    The base class's template is the generic sentence for a failure nobody foresaw.
    """

    #: The translation context of the templates (``_CTX`` of the defining module).
    context: ClassVar[str] = "Errors"
    template: str = QT_TRANSLATE_NOOP(
        "Errors", "Something went wrong inside the app. Details are in the log file."
    )

    def __init__(self, template: str | None = None, /, *, detail: str | None = None, **params: Any):
        if template is not None:
            self.template = template
        self.params: dict[str, Any] = params
        #: Technical English detail (logs, a Details pane); never translated, never a secret.
        self.detail = detail
        super().__init__(self.message)

    @property
    def text(self) -> Text:
        return Text(self.context, self.template, **self.params)

    @property
    def message(self) -> str:
        """The English message, without :attr:`detail`."""
        return str(self.text)

    def __str__(self) -> str:
        return f"{self.message} ({self.detail})" if self.detail else self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


__all__ = ["QT_TRANSLATE_NOOP", "Problem", "Sentences", "Text", "english", "format_template"]
