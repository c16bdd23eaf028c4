"""Fictional personal details: Faker draws small pools once, numpy combines them.

A per-row Faker loop runs at about 3,700 rows/s; here Faker is called a few
hundred times per locale (``seed_instance(seed)``, never a method relative to
"now") and numpy picks from the pools, so a million people take seconds.
Every person is fictional.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

import numpy as np
import pandas as pd

from custlearn._i18n import tr
from custlearn._validate import DataError

POOL_SIZE = 400
CITY_POOL = 40


def check_locale(locale: str) -> str:
    """Raise DataError unless ``locale`` is one Faker knows."""
    from faker.config import AVAILABLE_LOCALES

    if not isinstance(locale, str) or locale not in AVAILABLE_LOCALES:
        few = ", ".join(f'"{x}"' for x in ["en_US", "en_GB", "de_DE", "fr_FR", "zh_CN", "ja_JP"])
        raise DataError(
            tr('locale="{locale}" is not a locale Faker knows ({n} are available). Valid examples: {few}. '
               'Pass one of them, e.g. locale="zh_CN".', locale=locale, n=len(AVAILABLE_LOCALES), few=few)
        )
    return locale


def _ascii(text: str) -> str:
    norm = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in norm if ch.isascii() and ch.isalpha()).lower()


def _phone_template(samples: list[str]) -> str:
    """The most common digit pattern among Faker's sample phone numbers.

    Digits become ``#`` except the first digit, which is kept so that the
    numbers look local (a US area code does not start with 0, a Chinese
    mobile number starts with 1).
    """
    patterns = []
    for s in samples:
        s = s.split("x")[0].strip()
        if not s.isascii() or sum(ch.isdigit() for ch in s) < 8:
            continue
        out, seen = [], False
        cc = s.startswith("+")  # keep a leading country code such as +33 as it is
        for ch in s:
            if ch.isdigit():
                out.append(ch if (not seen or cc) else "#")
                seen = True
            else:
                if seen:
                    cc = False
                out.append(ch)
        patterns.append("".join(out))
    if not patterns:
        return "1##-###-####"
    nice = [p for p in patterns if p[0] not in "+0" and p.count("#") + 1 in (10, 11)]
    counts = Counter(nice or patterns)
    best = max(counts.values())
    return sorted(p for p, c in counts.items() if c == best)[0]


class Pools:
    """Name, city, e-mail-domain and phone-format pools for one locale and seed."""

    def __init__(self, locale: str, seed: int) -> None:
        from faker import Faker

        check_locale(locale)
        fake = Faker(locale)
        fake.seed_instance(int(seed))
        self.locale = locale
        self.first = np.array(sorted({fake.first_name() for _ in range(POOL_SIZE)}), dtype=object)
        self.last = np.array(sorted({fake.last_name() for _ in range(POOL_SIZE)}), dtype=object)
        if hasattr(fake, "first_romanized_name"):
            rf = sorted({_ascii(fake.first_romanized_name()) for _ in range(POOL_SIZE)} - {""})
            rl = sorted({_ascii(fake.last_romanized_name()) for _ in range(POOL_SIZE)} - {""})
        else:
            rf = sorted({_ascii(x) for x in self.first} - {""})
            rl = sorted({_ascii(x) for x in self.last} - {""})
        letters = list("abcdefghijklmnopqrstuvwxyz")
        self.email_first = np.array(rf or letters, dtype=object)
        self.email_last = np.array(rl or letters, dtype=object)
        cities = []
        seen = set()
        for _ in range(CITY_POOL * 10):
            c = fake.city()
            if c not in seen:
                seen.add(c)
                cities.append(c)
            if len(cities) == CITY_POOL:
                break
        self.cities = np.array(cities, dtype=object)
        try:
            domains = sorted({fake.free_email_domain() for _ in range(60)})
        except AttributeError:  # pragma: no cover - every locale has it today
            domains = ["example.com"]
        self.domains = np.array([d for d in domains if d.isascii()] or ["example.com"], dtype=object)
        self.phone_template = _phone_template([fake.phone_number() for _ in range(60)])
        self.family_name_first = locale.split("_")[0] in {"zh", "ja", "ko", "hu", "vi"}


def names(pools: Pools, rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return first-name index, last-name index and the full name of ``n`` people."""
    fi = rng.integers(0, len(pools.first), n)
    li = rng.integers(0, len(pools.last), n)
    first = pools.first.astype(str)[fi]
    last = pools.last.astype(str)[li]
    if pools.family_name_first:
        full = np.char.add(last, first)
    else:
        full = np.char.add(np.char.add(first, " "), last)
    return fi, li, full.astype(object)


def cities(pools: Pools, rng: np.random.Generator, n: int) -> np.ndarray:
    """Cities with a Zipf-like weight: a few big cities, a long tail."""
    k = len(pools.cities)
    w = 1.0 / np.arange(1, k + 1) ** 0.9
    return pools.cities[rng.choice(k, size=n, p=w / w.sum())]


def emails(pools: Pools, rng: np.random.Generator, n: int) -> np.ndarray:
    """Unique lower-case ASCII e-mail addresses (romanised names)."""
    ef = pools.email_first.astype(str)[rng.integers(0, len(pools.email_first), n)]
    el = pools.email_last.astype(str)[rng.integers(0, len(pools.email_last), n)]
    style = rng.integers(0, 4, n)
    num = rng.integers(1, 100, n)
    numtxt = np.where(rng.random(n) < 0.5, num.astype(str), "")
    add = np.char.add
    local = np.where(
        style == 0,
        add(add(ef, "."), el),
        np.where(style == 1, add(ef, el), np.where(style == 2, add(np.char.ljust(ef, 1).astype("<U1"), el), add(add(ef, "_"), el))),
    )
    local = add(local, numtxt)
    dom = pools.domains.astype(str)[rng.integers(0, len(pools.domains), n)]
    email = add(add(local, "@"), dom).astype(object)
    dup = pd.Series(email).duplicated(keep="first").to_numpy()
    if dup.any():
        idx = np.flatnonzero(dup)
        email[idx] = [f"{lo}.{i + 1}@{d}" for lo, i, d in zip(local[idx], idx, dom[idx])]
    return email


def phones(pools: Pools, rng: np.random.Generator, n: int) -> pd.Series:
    """Unique phone numbers in the locale's most common format."""
    template = pools.phone_template
    d = template.count("#")
    high = 10 ** min(d, 18)
    values = np.empty(0, dtype=np.int64)
    while len(values) < n:
        draw = rng.integers(0, high, size=int(n * 1.05) + 16, dtype=np.int64)
        values = pd.unique(np.concatenate([values, draw]))
    values = values[:n]
    tb = np.frombuffer(template.encode("ascii"), dtype=np.uint8)
    grid = np.tile(tb, (n, 1))
    pos = np.flatnonzero(tb == ord("#"))
    v = values.copy()
    for j in range(len(pos) - 1, -1, -1):
        grid[:, pos[j]] = 48 + (v % 10)
        v //= 10
    raw = np.ascontiguousarray(grid).view(f"S{len(tb)}").ravel()
    return raw.astype(str).astype(object)
