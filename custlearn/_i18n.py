"""The language custlearn speaks: English (the default) or Simplified Chinese.

Every sentence custlearn shows a learner — a ``DataError`` message, the
feedback and hints of ``check()``, a chart's title and axis labels, a
widget's labels, the ``datasets`` command line — is written in the code as an
English *template* and passed through :func:`tr`::

    raise DataError(tr("{table} has {n} rows, but at least {need} are needed.",
                       table=table, n=len(df), need=min_rows))

:func:`tr` looks the template up in the catalogue of the current language
(for Chinese: ``custlearn/_messages_zh.py`` for messages, the command line and
widgets, ``custlearn/_messages_zh_feedback.py`` for ``check()`` and the charts;
English template -> Chinese template, the same ``{fields}``) and fills the fields in. The English
template is the key, so the code reads as before, and a test
(``tests/test_i18n.py``) finds every ``tr("...")`` in the package and fails
when one has no Chinese, when the two templates name different fields, or
when the catalogue keeps a template the code no longer uses.

The language is chosen by :func:`set_language` or, before custlearn is
imported, by the environment variable ``CUSTLEARN_LANG`` (``make lab
LANG=zh`` sets it). The terms come from the course glossary
(``docs/glossary.yml``): one Chinese word per concept everywhere.

This module imports nothing from custlearn but :class:`DataError`: it is on
the ground floor, and every floor may use it.
"""

from __future__ import annotations

import os
from typing import Any

from custlearn._errors import DataError

__all__ = ["LANGUAGES", "set_language", "get_language", "tr", "N_", "translated"]

#: The languages custlearn speaks, with their names in themselves.
LANGUAGES = {"en": "English", "zh": "简体中文"}
ENV_VAR = "CUSTLEARN_LANG"

_ALIASES = {"zh-cn": "zh", "zh_cn": "zh", "zh-hans": "zh", "cn": "zh", "chinese": "zh", "中文": "zh",
            "en-us": "en", "en_us": "en", "en-gb": "en", "en_gb": "en", "english": "en"}


def _normalise(language: Any, source: str) -> str:
    if not isinstance(language, str):
        raise DataError(tr('{source} must be a language code as text, e.g. "zh" or "en", but '
                           "{kind} {value} was given.", source=source, kind=type(language).__name__,
                           value=repr(language)))
    code = language.strip().lower()
    code = _ALIASES.get(code, code)
    if code not in LANGUAGES:
        shown = ", ".join(f'"{k}" ({v})' for k, v in LANGUAGES.items())
        raise DataError(tr('{source}="{value}" is not a language custlearn speaks. '
                           'The choices are {shown}; e.g. custlearn.set_language("zh").',
                           source=source, value=language, shown=shown))
    return code


def _from_environment() -> str:
    value = os.environ.get(ENV_VAR, "").strip()
    if not value:
        return "en"
    try:
        return _normalise(value, ENV_VAR)
    except DataError:
        return "en"  # a stray value must not stop `import custlearn`; set_language() says what is wrong


_current = "en"  # the environment's choice is read at the end of the module, once tr() exists
_catalogues: dict[str, dict[str, str]] = {}


def set_language(language: str) -> None:
    """Choose the language of custlearn's messages, feedback, charts and widgets.

    Parameters
    ----------
    language : {"en", "zh"}
        ``"en"`` for English (the default), ``"zh"`` for Simplified Chinese
        (``"zh-CN"``, ``"zh-Hans"`` and ``"中文"`` are read as ``"zh"``).

    Returns
    -------
    None
        What custlearn says from now on, in this Python session, is in that
        language. The data and their column names stay as they are.

    Raises
    ------
    DataError
        If the language is not one custlearn speaks.

    Examples
    --------
    >>> import custlearn
    >>> custlearn.set_language("zh")
    >>> custlearn.get_language()
    'zh'
    >>> custlearn.set_language("en")
    >>> custlearn.set_language("fr")
    Traceback (most recent call last):
    ...
    custlearn.DataError: language="fr" is not a language custlearn speaks. The choices are "en" (English), "zh" (简体中文); e.g. custlearn.set_language("zh").
    """
    global _current
    _current = _normalise(language, "language")
    _east_asian_width(_current == "zh")


def _east_asian_width(on: bool) -> None:
    """Chinese labels are two columns wide: pandas aligns its tables by that in Chinese (not in English)."""
    import sys

    if "pandas" in sys.modules or on:
        import pandas as pd

        pd.set_option("display.unicode.east_asian_width", on)


def get_language() -> str:
    """The language custlearn speaks now: ``"en"`` or ``"zh"``.

    >>> import custlearn
    >>> custlearn.get_language() in ("en", "zh")
    True
    """
    return _current


def _catalogue(language: str) -> dict[str, str]:
    if language not in _catalogues:
        if language == "zh":
            from custlearn._messages_zh import MESSAGES
            from custlearn._messages_zh_feedback import FEEDBACK

            _catalogues[language] = {**MESSAGES, **FEEDBACK}
        else:
            _catalogues[language] = {}
    return _catalogues[language]


def N_(template: str, /) -> str:
    """Mark ``template`` as English text to translate when it is shown, and return it unchanged.

    For text fixed when a module is imported (an exercise's question, a
    likely mistake's explanation) but shown later, in the language of that
    moment: mark it with ``N_("...")`` where it is written and show it with
    :func:`translated`. The tests find ``N_("...")`` like ``tr("...")``.

    >>> N_("What share of revenue?")
    'What share of revenue?'
    """
    return template


def translated(text: str, /) -> str:
    """``text`` (an English template marked with :func:`N_`) in the current language, no fields filled in.

    >>> translated("any text the catalogue does not know")
    'any text the catalogue does not know'
    """
    return _catalogue(_current).get(text, text) if _current != "en" else text


def tr(template: str, /, **fields: Any) -> str:
    """``template`` (English) in the current language, with ``fields`` filled in.

    A template with no translation yet is shown in English (the tests make
    sure every template of the package has one). Templates are
    :meth:`str.format` strings: a literal brace is written twice (``{{``).

    >>> from custlearn._i18n import tr, set_language
    >>> template = '{source}="{value}" is not a language custlearn speaks. ' \\
    ...            'The choices are {shown}; e.g. custlearn.set_language("zh").'
    >>> tr(template, source="language", value="fr", shown='"en", "zh"')[:50]
    'language="fr" is not a language custlearn speaks. '
    >>> set_language("zh")
    >>> tr(template, source="language", value="fr", shown='"en", "zh"')[:33]
    'language="fr" 不是 custlearn 支持的语言。'
    >>> set_language("en")
    """
    text = _catalogue(_current).get(template, template) if _current != "en" else template
    return text.format(**fields)


_current = _from_environment()
