"""Where the random numbers come from: the core streams, and one stream per add-on.

Every random number of a dataset comes from a numpy ``Generator`` made from
the scenario's seed, so the same seed gives the same files, byte for byte.

**Core streams** (every column shipped today).  :func:`core` spawns the
children of ``numpy.random.SeedSequence(seed)`` in the order of
``CORE[scenario]``: child ``i`` (``spawn_key=(i,)``) is the stream of the
``i``-th name.  Each part of the story draws from its own stream (the people
from ``people``, the purchase rounds from ``loop``, ...), and inside a stream
in a fixed order.  That order *is* the data: drawing one number more or less,
in another order, or inserting a name into the middle of a list, moves every
later number of that stream and every file that depends on it.  The lists
are frozen.  The raw extract of lesson 1 draws from :func:`raw`, which is
``SeedSequence(seed).spawn(1)[0]``: the same bits as the ``people`` stream
(a historical accident, kept because the shipped raw files depend on it).

**Add-on streams** (new columns and tables).  :func:`addon` gives the stream
of one named add-on::

    SeedSequence(seed, spawn_key=(ADDON_KEY, w0, w1, w2, w3))

with ``w0..w3`` the first 16 bytes of SHA-256(name) read as four big-endian
unsigned 32-bit words.  Its spawn key has five numbers, every core stream's
has one, so it never repeats a core stream; it depends only on the seed and
the name, not on which other add-ons exist or in which order they run.
Drawing from it cannot move a number of any existing column.  How to use it:
see :mod:`custlearn.datasets._addons` and "How to add a column without moving
the others" in ``datasets/README.md``.

Examples
--------
>>> from custlearn.datasets import _streams
>>> a = _streams.addon(7, "touch points").random(3)
>>> b = _streams.addon(7, "touch points").random(3)
>>> bool((a == b).all())
True
>>> bool((a == _streams.core(7, "shop")["people"].random(3)).any())
False
"""

from __future__ import annotations

import hashlib

import numpy as np

from custlearn._i18n import tr
from custlearn._validate import DataError

_STORY = ("people", "sat", "acq", "proc", "loop", "orders", "survey")
CORE = {
    "shop": _STORY + ("member",),
    "cafe": _STORY + ("member",),
    "bank": _STORY,
}
ADDON_KEY = 0x41444421  # "ADD!": first word of every add-on spawn key


def core(seed: int, scenario: str) -> dict[str, np.random.Generator]:
    """The core streams of a scenario by name (children of ``SeedSequence(seed)`` in ``CORE`` order)."""
    return spawn(seed, CORE[scenario])


def spawn(seed: int, names: tuple[str, ...] | list[str]) -> dict[str, np.random.Generator]:
    """Children ``0, 1, ...`` of ``SeedSequence(seed)``, one per name, in the order given."""
    children = np.random.SeedSequence(int(seed)).spawn(len(names))
    return {name: np.random.default_rng(child) for name, child in zip(names, children)}


def raw(seed: int) -> np.random.Generator:
    """The stream of the raw extract (shop, lesson 1): child 0 of ``SeedSequence(seed)``."""
    return spawn(seed, ["raw"])["raw"]


def addon_key(name: str) -> tuple[int, ...]:
    """The spawn key of the add-on stream ``name``: ``(ADDON_KEY, w0, w1, w2, w3)`` from SHA-256(name)."""
    if not isinstance(name, str) or not name.strip():
        raise DataError(tr("An add-on stream needs a non-empty name (text), but {name!r} was given. Name "
                           'it after what it draws, e.g. "touch points".', name=name))
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return (ADDON_KEY,) + tuple(int.from_bytes(digest[i : i + 4], "big") for i in range(0, 16, 4))


def addon(seed: int, name: str) -> np.random.Generator:
    """The random stream of the add-on ``name`` for ``seed``: independent of every core stream."""
    return np.random.default_rng(np.random.SeedSequence(int(seed), spawn_key=addon_key(name)))
