"""Lesson 01, *protect customer privacy* (保护顾客隐私): keyed tokens instead of identifiers.

:func:`pseudonymize` replaces names, e-mails, phones and ids by keyed
HMAC-SHA-256 tokens (RFC 2104; FIPS 198-1): the same person keeps the same
token, so tables still join, but nobody without the key can compute the
token of a guessed e-mail. What this does and does not protect is told in
:mod:`custlearn.customer_data`.
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr
from custlearn._validate import require_columns, require_frame, require_positive_int

__all__ = ["pseudonymize"]


def _key_bytes(key: Any) -> bytes:
    """The secret as bytes, refused when missing or short enough to guess (never shown in a message)."""
    if key is None or (isinstance(key, (str, bytes)) and len(key) == 0):
        raise DataError(tr("pseudonymize needs a secret key, but none was given. Make one once with "
                           "secrets.token_hex(32), keep it in a password vault or an environment variable (not in the "
                           "notebook), and pass key=os.environ['...']."))
    if isinstance(key, str):
        key = key.encode("utf-8")
    if not isinstance(key, (bytes, bytearray)):
        raise DataError(tr("key must be text or bytes, but a {kind} was given. Use secrets.token_hex(32) "
                           "to make one.", kind=type(key).__name__))
    if len(key) < 16:
        raise DataError(tr("The key is too short ({n} bytes; at least 16 are needed): a short key can be "
                           "guessed. Make one with secrets.token_hex(32).", n=len(key)))
    return bytes(key)


def pseudonymize(df: pd.DataFrame, columns: str | Sequence[str], key: str | bytes, *, length: int = 16,
                 prefix: str = "") -> pd.DataFrame:
    """Replace identifying columns by keyed tokens (HMAC-SHA-256), so tables still join.

    Lesson 01, *protect customer privacy* (保护顾客隐私). Each value becomes
    ``token = HMAC-SHA-256(key, value as UTF-8 text)`` written in hexadecimal
    (RFC 2104, Krawczyk, Bellare & Canetti 1997; NIST FIPS 198-1, 2008),
    cut to its first ``length`` characters (16 hex = 64 bits; 64 = the full
    digest). The same value and key always give the same token (tables still
    join, repeat customers still count once); another key gives unrelated
    tokens; without the key nobody can compute the token of a guessed e-mail,
    which defeats the dictionary attack that breaks a plain SHA-256 of an
    e-mail or phone. Missing values stay missing. Standardise values first
    (``standardize_email``...): ``Ann@X.com`` and ``ann@x.com`` give different tokens.

    The key is never printed, stored or put in an error message.
    Pseudonymised data are **still personal data** (GDPR Art. 4(5) and
    Recital 26; PIPL Art. 73: de-identified 去标识化, not anonymised 匿名化):
    whoever has the key can re-identify, and the columns left in clear (age,
    city, dates) can single people out. Keep the key apart from the data and
    drop columns the analysis does not need (data minimisation).

    Parameters
    ----------
    df : DataFrame
    columns : str or list of str
        Columns to replace (identifiers: ids, names, e-mails, phones).
    key : str or bytes
        The secret, at least 16 bytes (e.g. ``secrets.token_hex(32)``).
    length : int, default 16
        Hex characters kept, 8-64.
    prefix : str
        Text put before each token (e.g. ``"c_"``).

    Returns
    -------
    DataFrame: a copy of ``df`` with those columns replaced by text tokens.

    Raises
    ------
    DataError
        No key or a short key, a column not in ``df``, ``length`` outside 8-64.

    Examples
    --------
    >>> import pandas as pd
    >>> people = pd.DataFrame({"email": ["ann@x.com", "bob@y.com", "ann@x.com"], "age": [34, 51, 34]})
    >>> safe = pseudonymize(people, "email", key="course-demo-key-not-for-real-use")
    >>> safe["email"].str.len().tolist(), safe["email"].iloc[0] == safe["email"].iloc[2], safe["age"].tolist()
    ([16, 16, 16], True, [34, 51, 34])
    >>> pseudonymize(people, "email", key="")
    Traceback (most recent call last):
    ...
    custlearn.DataError: pseudonymize needs a secret key, but none was given. ...
    >>> pseudonymize(people, "email", key="course-demo-key-not-for-real-use", length=4)
    Traceback (most recent call last):
    ...
    custlearn.DataError: length must be a whole number from 8 to 64, but 4 was given.
    """
    secret = _key_bytes(key)
    require_frame(df, table="df", min_rows=0)
    columns = list(columns) if isinstance(columns, Iterable) and not isinstance(columns, str) else [columns]
    if not columns:
        raise DataError(tr("columns is empty: name the identifying columns to pseudonymise, e.g. "
                           "['email', 'phone']."))
    require_columns(df, columns, table="df", argument="columns")
    length = require_positive_int(length, argument="length", minimum=8, maximum=64)
    if not isinstance(prefix, str):
        raise DataError(tr('prefix is the text put before each token, e.g. prefix="c_", but {prefix!r} '
                           "was given.", prefix=prefix))
    out = df.copy()
    for c in columns:
        out[c] = _tokens(out[c], secret, length=length, prefix=prefix)
    return out


def _tokens(values: pd.Series, secret: bytes, *, length: int, prefix: str) -> pd.Series:
    """``prefix`` + the first ``length`` hex characters of HMAC-SHA-256(key, value as NFC UTF-8 text)."""
    present = values.notna()
    text = values[present].map(lambda v: unicodedata.normalize("NFC", str(v)))
    tokens = [prefix + hmac.new(secret, v.encode("utf-8"), hashlib.sha256).hexdigest()[:length]
              for v in text.tolist()]
    out = pd.Series(pd.NA, index=values.index, dtype="str")
    out[present] = tokens
    return out
