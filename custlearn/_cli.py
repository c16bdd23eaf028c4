"""The command lines (``python -m custlearn.datasets``, ``python -m custlearn.sql``) in the language of the moment.

custlearn's own words in a command line go through :func:`custlearn._i18n.tr`.
argparse writes a few words of its own (``usage:``, the section titles, the
help of ``-h``, its error messages) through ``gettext``; :func:`argparse_language`
shows them from custlearn's catalogue while a command line is built and run,
so ``CUSTLEARN_LANG=zh python -m custlearn.datasets --help`` is Chinese
throughout.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator

from custlearn._i18n import N_, get_language, translated

#: The words of argparse (Python 3.11) a learner may meet, marked for the catalogue exactly as argparse writes them.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
)


@contextlib.contextmanager
def argparse_language() -> Iterator[None]:
    """While the block runs, argparse's own words are in custlearn's language (English: untouched)."""
    if get_language() == "en":
        yield
        return
    original = argparse._
    argparse._ = translated
    try:
        yield
    finally:
        argparse._ = original
