"""Lesson 07 (cases, 案例分析与实操): small estimators the capstone cases need.

07b, the cafe: *did the points membership make guests come more often?*
Guests choose to join, and frequent guests join far more often, so the naive
member / non-member gap mostly shows **who joins**, not what the membership
does (self-selection). Two better comparisons use each member's own
behaviour before joining:

- **matching on pre-join behaviour** (Rosenbaum & Rubin 1983, 1985): each
  member is compared with non-members who were guests in the same weeks, first
  came in about the same weeks and visited about as often before the member
  joined; the effect is the ratio of the visit rates after joining;
- **difference-in-differences** (Angrist & Pischke 2009, ch. 5): the member's
  change from before to after joining, divided by the same change of the
  matched non-members in the same calendar weeks, which removes what changes
  for everybody (seasons, guests drifting away).

Functions: :func:`visit_rates` (per guest, for the naive gap),
:func:`membership_did` (the matched before/after table) and
:func:`effect_estimates` (naive, matched and difference-in-differences
effects with bootstrap intervals).

07c, the bank: *what drives account closures?* :func:`rate_model` fits a
closure-rate (Poisson) model with each account's time open as exposure and
gives a rate ratio per unit of each driver, with its 95% interval.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from custlearn._validate import (
    DataError,
    as_timestamp,
    require_columns,
    require_datetime,
    require_frame,
    require_positive_int,
)

__all__ = ["visit_rates", "membership_did", "effect_estimates", "rate_model"]


def _members(customers: Any, customer_col: str, member_col: str) -> pd.Series:
    """The join date of every customer (NaT for non-members), indexed by customer."""
    customers = require_frame(customers, table="customers")
    require_columns(customers, [customer_col], table="customers", argument="customer_col")
    require_columns(customers, [member_col], table="customers", argument="member_col")
    joined = require_datetime(customers, member_col, table="customers")
    if customers[customer_col].duplicated().any():
        dup = customers.loc[customers[customer_col].duplicated(), customer_col].iloc[0]
        raise DataError(f'customers has more than one row for {customer_col}={dup}. One row per customer is '
                        f"needed: remove the duplicates (drop_duplicates('{customer_col}')) first.")
    return pd.Series(joined.to_numpy(), index=customers[customer_col].to_numpy(), name=member_col)


def _visits(orders: Any, customer_col: str, date_col: str, as_of: pd.Timestamp | None) -> pd.DataFrame:
    orders = require_frame(orders, table="orders")
    require_columns(orders, [customer_col], table="orders", argument="customer_col")
    require_columns(orders, [date_col], table="orders", argument="date_col")
    dates = require_datetime(orders, date_col, table="orders").dt.normalize()
    if dates.isna().any():
        raise DataError(f'The column "{date_col}" of orders has {int(dates.isna().sum())} missing dates. '
                        "Drop or fix those rows first.")
    out = pd.DataFrame({"customer": orders[customer_col].to_numpy(), "date": dates.to_numpy()})
    if as_of is not None:
        out = out[out["date"] <= as_of]
    return out


def visit_rates(customers: pd.DataFrame, orders: pd.DataFrame, *, as_of: Any = None,
                customer_col: str = "customer_id", date_col: str = "order_date",
                member_col: str = "member_since") -> pd.DataFrame:
    """Visits per week of every guest since the first visit, with the membership flag.

    Lesson 07b. The naive comparison of members and non-members uses this
    table: a guest's visit rate is

        visits_per_week = visits / weeks, weeks = (as_of - first visit + 1 day) / 7

    counted from the guest's first visit (so recent guests are not penalised
    for the weeks before they came), up to ``as_of``. ``member`` is True if the
    guest joined on or before ``as_of``. Guests without a visit are left out.

    Parameters
    ----------
    customers : DataFrame
        One row per customer with ``customer_col`` and the join date
        ``member_col`` (missing for non-members).
    orders : DataFrame
        One row per visit with ``customer_col`` and ``date_col``.
    as_of : date, optional
        Last day counted; default the last visit in ``orders``.

    Returns
    -------
    DataFrame
        Indexed by ``customer_col``: ``first_visit``, ``visits``, ``weeks``,
        ``visits_per_week``, ``member``.

    Raises
    ------
    DataError
        Missing columns, dates that are not dates, no visits up to ``as_of``.

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({"customer_id": [1, 2],
    ...                           "member_since": pd.to_datetime(["2024-01-08", None])})
    >>> orders = pd.DataFrame({"customer_id": [1, 1, 1, 2],
    ...                        "order_date": pd.to_datetime(["2024-01-01", "2024-01-05", "2024-01-10",
    ...                                                      "2024-01-08"])})
    >>> rates = visit_rates(customers, orders, as_of="2024-01-14")
    >>> [round(x, 3) for x in rates["visits_per_week"]], rates["member"].tolist()
    ([1.5, 1.0], [True, False])
    """
    joined = _members(customers, customer_col, member_col)
    as_of = None if as_of is None else as_timestamp(as_of).normalize()
    visits = _visits(orders, customer_col, date_col, as_of)
    if visits.empty:
        raise DataError("orders has no visit on or before as_of. Check as_of and the date column.")
    end = visits["date"].max() if as_of is None else as_of
    per = visits.groupby("customer")["date"].agg(first_visit="min", visits="size")
    per["weeks"] = ((end - per["first_visit"]).dt.days + 1) / 7
    per["visits_per_week"] = per["visits"] / per["weeks"]
    since = joined.reindex(per.index)
    per["member"] = (since.notna() & (since <= end)).to_numpy()
    per.index.name = customer_col
    return per


def membership_did(customers: pd.DataFrame, orders: pd.DataFrame, *, post_weeks: int = 13,
                   tolerance: int = 1, cohort_weeks: int = 4, as_of: Any = None, start: Any = None,
                   customer_col: str = "customer_id", date_col: str = "order_date",
                   member_col: str = "member_since") -> pd.DataFrame:
    """Each member's visits before and after joining, next to matched non-members in the same weeks.

    Lesson 07b: a before/after comparison with a comparison group
    (difference-in-differences, Angrist & Pischke 2009) whose comparison guests
    are matched on behaviour before joining (Rosenbaum & Rubin 1985). Time is
    counted in whole weeks from ``start``. For a member who first visited in
    week f and joined in week J:

    - **before** = the weeks f+1 ... J-1 (the first visit's week is left out:
      every guest has a visit there by definition), ``pre_weeks`` = J-1-f;
    - **after** = the weeks J ... J + post_weeks - 1.

    The member's **comparison guests** are the non-members (not joined by
    ``as_of``) who first visited within ``cohort_weeks`` weeks of week f and
    no later than f, whose visits *before* differ from the member's by at
    most ``tolerance``. Member and comparison guests must also visit at least
    once in week J or later: a member was by definition still a guest when
    joining, so guests who had already stopped coming are no fair comparison.
    Members with fewer than 2 weeks before, with an *after* window that passes
    ``as_of``, or without any comparison guest are left out.

    Parameters
    ----------
    customers, orders : DataFrame
        As in :func:`visit_rates`.
    post_weeks : int
        Length of the *after* window in weeks (default 13, a quarter).
    tolerance : int
        Largest difference in visits *before* between a member and a comparison guest (0 = exact).
    cohort_weeks : int
        Comparison guests first visited at most this many weeks before the member did.
    as_of, start : date, optional
        End and start of the data; default the last and the first visit.

    Returns
    -------
    DataFrame
        One row per matched member, indexed by ``customer_col``: ``join_week``
        (first day of the week of joining; weeks counted from ``start``), ``pre_weeks``, ``pre_visits``,
        ``post_visits``, ``controls`` (number of comparison guests),
        ``control_pre_visits`` and ``control_post_visits`` (their mean
        visits in the same weeks).

    Raises
    ------
    DataError
        Missing columns, bad dates, ``post_weeks`` < 1, negative ``tolerance``
        or ``cohort_weeks``, no member who can be matched.

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({"customer_id": [1, 2, 3],
    ...                           "member_since": pd.to_datetime(["2024-01-29", None, None])})
    >>> week = lambda *w: [pd.Timestamp("2024-01-01") + pd.Timedelta(weeks=k) for k in w]
    >>> orders = pd.DataFrame({"customer_id": [1] * 5 + [2] * 4 + [3] * 2,
    ...                        "order_date": week(0, 1, 3, 4, 5) + week(0, 2, 3, 5) + week(0, 1)})
    >>> did = membership_did(customers, orders, post_weeks=2, tolerance=0, cohort_weeks=0)
    >>> did[["pre_weeks", "pre_visits", "post_visits", "controls", "control_post_visits"]].to_dict("records")
    [{'pre_weeks': 3, 'pre_visits': 2, 'post_visits': 2, 'controls': 1, 'control_post_visits': 1.0}]
    """
    post_weeks = require_positive_int(post_weeks, argument="post_weeks")
    tolerance = require_positive_int(tolerance, argument="tolerance", minimum=0)
    cohort_weeks = require_positive_int(cohort_weeks, argument="cohort_weeks", minimum=0)
    joined = _members(customers, customer_col, member_col)
    as_of = None if as_of is None else as_timestamp(as_of).normalize()
    visits = _visits(orders, customer_col, date_col, as_of)
    if visits.empty:
        raise DataError("orders has no visit on or before as_of. Check as_of and the date column.")
    start = visits["date"].min() if start is None else as_timestamp(start, argument="start").normalize()
    end = visits["date"].max() if as_of is None else as_of
    visits = visits[visits["date"] >= start]
    last_week = int((end - start).days // 7)  # the week holding as_of
    ids = np.union1d(joined.index.to_numpy(), visits["customer"].unique())
    row = pd.Series(np.arange(len(ids)), index=ids)
    counts = np.zeros((len(ids), last_week + 1), dtype=np.int64)
    np.add.at(counts, (row[visits["customer"].to_numpy()].to_numpy(),
                       ((visits["date"] - start).dt.days // 7).to_numpy()), 1)
    cum = np.concatenate([np.zeros((len(ids), 1), dtype=np.int64), counts.cumsum(axis=1)], axis=1)
    total = cum[:, -1]
    first = np.where(total > 0, counts.argmax(axis=1), np.iinfo(np.int64).max // 2)
    since = joined.reindex(ids)
    is_member = (since.notna() & (since <= end)).to_numpy()
    join_week = np.full(len(ids), -1)
    join_week[is_member] = ((since[is_member] - start).dt.days // 7).to_numpy()

    rows = []
    for i in np.flatnonzero(is_member & (total > 0)):
        f, j = int(first[i]), int(join_week[i])
        a, b = f + 1, j + post_weeks  # before = weeks a..j-1, after = weeks j..b-1
        if j - a < 2 or b > last_week + 1 or total[i] - cum[i, j] == 0:
            continue
        before = cum[:, j] - cum[:, a]
        still = (total - cum[:, j]) > 0
        peers = (~is_member & still & (first <= f) & (first >= f - cohort_weeks)
                 & (np.abs(before - before[i]) <= tolerance))
        if not peers.any():
            continue
        rows.append({customer_col: ids[i], "join_week": start + pd.Timedelta(weeks=j), "pre_weeks": j - a,
                     "pre_visits": int(before[i]), "post_visits": int(cum[i, b] - cum[i, j]),
                     "controls": int(peers.sum()), "control_pre_visits": float(before[peers].mean()),
                     "control_post_visits": float((cum[peers, b] - cum[peers, j]).mean())})
    if not rows:
        raise DataError("No member could be matched: each needs at least 2 weeks between the first visit and "
                        "joining, an after-window that ends by as_of and a comparison guest. Try a shorter "
                        "post_weeks or a larger tolerance or cohort_weeks.")
    return pd.DataFrame(rows).set_index(customer_col)


def _naive(rates: pd.DataFrame) -> float:
    m = rates["visits_per_week"].to_numpy()[rates["member"].to_numpy()]
    n = rates["visits_per_week"].to_numpy()[~rates["member"].to_numpy()]
    return float(m.mean() / n.mean())


def _ratios(did: pd.DataFrame) -> tuple[float, float]:
    post = did["post_visits"].sum() / did["control_post_visits"].sum()
    pre = did["pre_visits"].sum() / did["control_pre_visits"].sum()
    return float(post), float(post / pre)


def effect_estimates(rates: pd.DataFrame, did: pd.DataFrame, *, n_boot: int = 1000, seed: int = 0,
                     confidence: float = 0.95) -> pd.DataFrame:
    """Naive, matched and difference-in-differences effects of membership, with bootstrap intervals.

    Lesson 07b. All three are multipliers of the visit rate (1.05 = +5 %):

    - **naive** = mean visits per week of members / of non-members (``rates``
      from :func:`visit_rates`);
    - **matched** = sum of the members' visits after joining / sum of their
      comparison guests' mean visits in the same weeks (``did`` from
      :func:`membership_did`);
    - **difference-in-differences** = matched ratio after / matched ratio
      before (the before ratio is 1 when the matching is exact).

    Intervals are percentile bootstraps (Efron & Tibshirani 1993, *An
    Introduction to the Bootstrap*): guests are resampled with replacement
    within members and non-members (naive), matched members with their
    comparison means (matched, difference-in-differences), ``n_boot`` times
    with a fixed ``seed``.

    Returns
    -------
    DataFrame
        Index ``estimate`` (naive, matched, difference-in-differences); columns
        ``effect``, ``lower``, ``upper`` and ``members`` (members used).

    Raises
    ------
    DataError
        Missing columns, no member or no non-member, ``confidence`` outside (0, 1).

    Examples
    --------
    >>> import pandas as pd
    >>> rates = pd.DataFrame({"visits_per_week": [1.0, 2.0, 0.5, 1.0], "member": [True, True, False, False]})
    >>> did = pd.DataFrame({"pre_visits": [4, 2], "post_visits": [3, 3],
    ...                     "control_pre_visits": [4.0, 2.0], "control_post_visits": [2.0, 2.0]})
    >>> est = effect_estimates(rates, did, n_boot=200, seed=1)
    >>> est["effect"].round(3).tolist(), est["members"].tolist()
    ([2.0, 1.5, 1.5], [2, 2, 2])
    """
    require_frame(rates, table="rates")
    require_columns(rates, ["visits_per_week", "member"], table="rates")
    require_frame(did, table="did")
    require_columns(did, ["pre_visits", "post_visits", "control_pre_visits", "control_post_visits"], table="did")
    n_boot = require_positive_int(n_boot, argument="n_boot")
    if not (isinstance(confidence, (int, float)) and 0 < confidence < 1):
        raise DataError(f"confidence must be between 0 and 1 (e.g. 0.95), but {confidence!r} was given.")
    member = rates["member"].astype(bool).to_numpy()
    if member.all() or not member.any():
        raise DataError("rates must hold both members and non-members (the column 'member' has only "
                        f"{'True' if member.all() else 'False'}).")
    rng = np.random.default_rng(seed)
    v = rates["visits_per_week"].to_numpy(dtype=float)
    vm, vn = v[member], v[~member]
    naive_boot = np.array([rng.choice(vm, len(vm)).mean() / rng.choice(vn, len(vn)).mean() for _ in range(n_boot)])
    cols = did[["pre_visits", "post_visits", "control_pre_visits", "control_post_visits"]].to_numpy(dtype=float)
    idx = rng.integers(0, len(cols), size=(n_boot, len(cols)))
    sums = cols[idx].sum(axis=1)  # n_boot x 4
    post_boot = sums[:, 1] / sums[:, 3]
    did_boot = post_boot / (sums[:, 0] / sums[:, 2])
    post, diff = _ratios(did)
    q = [(1 - confidence) / 2, (1 + confidence) / 2]
    table = pd.DataFrame(
        [[_naive(rates), *np.quantile(naive_boot, q), int(member.sum())],
         [post, *np.quantile(post_boot, q), len(did)],
         [diff, *np.quantile(did_boot, q), len(did)]],
        columns=["effect", "lower", "upper", "members"],
        index=pd.Index(["naive", "matched", "difference-in-differences"], name="estimate"))
    table["members"] = table["members"].astype(int)
    return table


def rate_model(
    frame: pd.DataFrame,
    columns: list[str],
    *,
    event: str = "churned",
    days_col: str = "duration_days",
    exposure: bool = True,
) -> pd.DataFrame:
    """Closure-rate (Poisson) model: how much each driver changes the rate of an event.

    Lesson 07, case 07c (the bank). Each row is one account, observed for
    ``days_col`` days (its *exposure*), with ``event`` True if it closed. The
    model says the closure rate per year is::

        rate = exp(b0 + b1 * x1 + b2 * x2 + ...)

    so ``exp(b_k)`` is the **rate ratio**: how many times the closure rate
    changes per one unit more of driver *k* (0.75 = 25% fewer closures per
    point), holding the others fixed. Fitting counts with exposure is the
    standard Poisson regression for rates (Cameron & Trivedi 2013,
    *Regression Analysis of Count Data*, ch. 3); standard errors come from the
    inverse Fisher information, the interval is ``exp(b ± 1.96 se)``.
    Machinery: scikit-learn's ``PoissonRegressor`` without penalty.

    Parameters
    ----------
    frame : DataFrame
        One row per account.
    columns : list of str
        The drivers (numbers; True/False columns as 0/1).
    event : str
        True/False (or 0/1) column: the account closed while observed.
    days_col : str
        Days each account was observed (at least 1 is used).
    exposure : bool
        False fits the event as if every account were observed equally long
        (shown in the case as the mistake it is).

    Returns
    -------
    DataFrame
        One row per driver: ``b``, ``se``, ``rate_ratio``, ``lower``, ``upper``.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"attitude": [1, 1, 2, 2, 3, 3, 4, 4],
    ...                       "churned": [1, 1, 1, 0, 1, 0, 0, 0],
    ...                       "duration_days": [200, 300, 365, 365, 300, 365, 365, 365]})
    >>> rate_model(frame, ["attitude"])["rate_ratio"].round(2).tolist()  # statsmodels GLM: 0.4367
    [0.44]
    """
    from sklearn.linear_model import PoissonRegressor

    frame = require_frame(frame, table="frame")
    columns = list(columns)
    if not columns:
        raise DataError("columns is empty: name at least one driver, e.g. ['staff_attitude'].")
    require_columns(frame, [*columns, event] + ([days_col] if exposure else []), table="frame")
    used = [*columns, event] + ([days_col] if exposure else [])
    bad = [c for c in used if not (pd.api.types.is_numeric_dtype(frame[c]) or pd.api.types.is_bool_dtype(frame[c]))]
    if bad:
        raise DataError(f"The column(s) {', '.join(map(repr, bad))} must hold numbers or True/False, "
                        f"but hold {frame[bad[0]].dtype}. Convert them (e.g. pd.to_numeric) first.")
    missing = [c for c in used if frame[c].isna().any()]
    if missing:
        raise DataError(f"The column(s) {', '.join(map(repr, missing))} have missing values. The model needs "
                        f"complete rows: keep the rows with answers (frame.dropna(subset=[...])) first.")
    x = frame[columns].to_numpy(float)
    years = frame[days_col].clip(lower=1).to_numpy(float) / 365.25 if exposure else np.ones(len(frame))
    y = frame[event].to_numpy(float)
    fit = PoissonRegressor(alpha=0, tol=1e-10, max_iter=1000).fit(x, y / years, sample_weight=years)
    design = np.column_stack([np.ones(len(x)), x])
    expected = years * fit.predict(x)
    se = np.sqrt(np.diag(np.linalg.inv(design.T @ (design * expected[:, None]))))[1:]
    return pd.DataFrame(
        {"b": fit.coef_, "se": se, "rate_ratio": np.exp(fit.coef_),
         "lower": np.exp(fit.coef_ - 1.96 * se), "upper": np.exp(fit.coef_ + 1.96 * se)},
        index=pd.Index(columns, name="per one unit of"),
    )
