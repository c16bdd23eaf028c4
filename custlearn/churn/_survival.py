"""Lesson 07, second step: how long customers last, and whether segments last alike.

Survival analysis of the time to churn: the Kaplan-Meier curve with
Greenwood's variance and a confidence band (:func:`kaplan_meier`), the median
time to churn with its interval (:func:`median_survival`) and the log-rank
test of two or more segments (:func:`logrank_test`). The inputs are
durations and churn flags, e.g. the ``duration_days`` and ``churned`` columns
of :func:`custlearn.churn.churn_durations`.

scipy is imported inside :func:`logrank_test` only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr
from custlearn._stats import z_value
from custlearn._tables import Column, Scale, read_result
from custlearn._validate import as_numeric_series, require_choice

__all__ = ["kaplan_meier", "median_survival", "logrank_test", "LogRankResult"]


def _one_column(values: Any, name: str) -> pd.Series:
    """A list, array or Series as a Series in its given order (positions pair up, not index labels)."""
    if isinstance(values, pd.DataFrame):
        raise DataError(tr("{name} must be one column (a Series, list or array), not a DataFrame. Pick "
                           'one column, e.g. df["{first}"].',
                           name=name, first=values.columns[0] if len(values.columns) else "column"))
    if isinstance(values, pd.Series):
        return pd.Series(values.to_numpy())
    if values is None or isinstance(values, (str, bytes)) or np.ndim(values) == 0:
        raise DataError(tr("{name} must be a list, array or Series with one value per customer, but "
                           "{values!r} was given.", name=name, values=values))
    return pd.Series(list(values))


def _durations_observed(durations: Any, observed: Any) -> tuple[np.ndarray, np.ndarray]:
    """Checked float durations (>= 0) and boolean event flags of equal length."""
    t = as_numeric_series(durations, name="durations")
    if (t < 0).any():
        bad = t[t < 0].iloc[0]
        raise DataError(
            tr("durations must be 0 or more (time from the start to churn or to the end of observation), "
               "but {n} negative value(s) were found, e.g. {bad:g}. Check that start and end dates are "
               "not swapped.", n=int((t < 0).sum()), bad=bad)
        )
    e = _one_column(observed, "observed")
    if e.isna().any():
        raise DataError(
            tr("observed has {n} missing value(s). Each customer needs True (churn seen) or False (still "
               "a customer at the end: censored).", n=int(e.isna().sum()))
        )
    if len(e) and not e.isin([True, False, 0, 1]).all():
        bad = e[~e.isin([True, False, 0, 1])].iloc[0]
        raise DataError(
            tr("observed must be True/False (or 1/0): True if churn was seen, False if the customer was "
               "still there at the end (censored). Found {bad!r}.", bad=bad)
        )
    if len(e) != len(t):
        raise DataError(
            tr("durations has {n} values but observed has {n2}: give one duration and one True/False per "
               "customer, in the same order.", n=len(t), n2=len(e))
        )
    if len(t) == 0:
        raise DataError(tr("durations is empty: there are no customers to follow. Check the filter that "
                           "produced it."))
    return t.to_numpy(dtype=float), e.astype(bool).to_numpy()


def _groups(groups: Any, n: int) -> np.ndarray:
    """One label per customer, none missing."""
    g = _one_column(groups, "groups")
    if len(g) != n:
        raise DataError(tr("groups has {n} values but durations has {n2}: give one group label per "
                           "customer.", n=len(g), n2=n))
    if g.isna().any():
        raise DataError(
            tr("groups has {n} missing value(s). Give every customer a group, e.g. "
               'groups.fillna("unknown"), or drop those customers.', n=int(g.isna().sum()))
        )
    return g.to_numpy()


def _km_one(t: np.ndarray, e: np.ndarray, z: float, band: str) -> pd.DataFrame:
    times = np.unique(t)                                   # distinct times, sorted
    position = np.searchsorted(times, t)
    events = np.bincount(position, weights=e, minlength=len(times)).astype(int)   # d_i
    leaving = np.bincount(position, minlength=len(times))                        # events + censored
    censored = leaving - events
    at_risk = len(t) - np.concatenate([[0], np.cumsum(leaving)[:-1]])            # n_i
    # Product-limit (Kaplan & Meier 1958): S(t) = product over t_i <= t of (1 - d_i / n_i)
    survival = np.cumprod(1.0 - events / at_risk)
    # Greenwood (1926): Var S(t) = S(t)^2 * sum over t_i <= t of d_i / (n_i (n_i - d_i))
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(events > 0, events / (at_risk * (at_risk - events)), 0.0)
        greenwood = np.cumsum(terms)                       # inf once everyone left at risk has churned
        std_error = survival * np.sqrt(greenwood)
        if band == "log-log":
            # Kalbfleisch & Prentice (2002): a band for log(-log S), mapped back:
            # S ** exp(+-z * sqrt(greenwood) / |log S|); stays inside [0, 1].
            se_loglog = np.sqrt(greenwood) / np.abs(np.log(survival))
            lower = survival ** np.exp(z * se_loglog)
            upper = survival ** np.exp(-z * se_loglog)
        else:
            # plain (linear) Greenwood band: S +- z * SE, cut to [0, 1]
            lower = np.clip(survival - z * std_error, 0.0, 1.0)
            upper = np.clip(survival + z * std_error, 0.0, 1.0)
    # Where S is 1 (no churn yet) or 0 (everyone churned) the band is the point itself.
    std_error = np.where(survival == 0, np.nan, std_error)
    for edge in (0.0, 1.0):
        lower = np.where(survival == edge, edge, lower)
        upper = np.where(survival == edge, edge, upper)
    return pd.DataFrame({
        "time": times, "at_risk": at_risk.astype(int), "events": events, "censored": censored.astype(int),
        "survival": survival, "std_error": std_error, "lower": lower, "upper": upper,
    })


def kaplan_meier(
    durations: Any,
    observed: Any,
    *,
    groups: Any = None,
    confidence: float = 0.95,
    band: str = "log-log",
) -> pd.DataFrame:
    """Kaplan-Meier survival curve with Greenwood's variance and a confidence band.

    Lesson 07, framework: survival analysis of time to churn. At each
    distinct time t_i with n_i customers still at risk (not yet churned or
    censored before t_i) and d_i churning at t_i::

        S(t)        = product over t_i <= t of (1 - d_i / n_i)        (product-limit)
        Var S(t)    = S(t)^2 * sum over t_i <= t of d_i / (n_i (n_i - d_i))   (Greenwood)
        band "log-log" (default): S(t) ** exp(+-z * sqrt(sum ...) / |log S(t)|)
        band "plain":             S(t) +- z * sqrt(Var S(t)), cut to [0, 1]

    Censored customers (still customers when observation stopped) count in
    n_i up to and including their censoring time, then leave. The log-log
    band is recommended (Kalbfleisch & Prentice 2002): it stays inside [0, 1]
    and holds its coverage better in small samples than the plain band.
    Where S(t) is 1 or 0 the band is the point itself.

    Sources: Kaplan, E. L. & Meier, P. (1958). Nonparametric estimation from
    incomplete observations. *JASA* 53(282), 457-481; Greenwood, M. (1926).
    The natural duration of cancer. *Reports on Public Health and Medical
    Subjects* 33, HMSO; Kalbfleisch, J. D. & Prentice, R. L. (2002). *The
    Statistical Analysis of Failure Time Data*, 2nd ed., Wiley (the log-log band);
    Kleinbaum, D. G. & Klein, M. (2012). *Survival Analysis: A Self-Learning
    Text*, 3rd ed., Springer, chapter 2 (worked example used in the tests).

    Parameters
    ----------
    durations : list, array or Series of numbers >= 0
        Time from the start to churn or to censoring (e.g. ``duration_days``
        of :func:`churn_durations`).
    observed : list, array or Series of True/False (or 1/0)
        True if churn was observed, False if censored.
    groups : list, array or Series, optional
        One label per customer: one curve per group, stacked with a
        ``group`` column first.
    confidence : float, default 0.95
    band : {"log-log", "plain"}

    Returns
    -------
    DataFrame
        One row per distinct time (of churn or censoring): ``time``,
        ``at_risk`` (n_i), ``events`` (d_i), ``censored``, ``survival``,
        ``std_error`` (Greenwood), ``lower``, ``upper``.

    Raises
    ------
    DataError
        Empty, missing or negative durations, observed not True/False,
        lengths that differ, a bad confidence or band.

    Examples
    --------
    Six customers; churn seen at 2, 3, 3 and 5 months, two still there at 4 and 6.

    >>> km = kaplan_meier([2, 3, 3, 4, 5, 6], [True, True, True, False, True, False])
    >>> km[["time", "at_risk", "events", "censored", "survival"]].round(3)
       time  at_risk  events  censored  survival
    0   2.0        6       1         0     0.833
    1   3.0        5       2         0     0.500
    2   4.0        3       0         1     0.500
    3   5.0        2       1         0     0.250
    4   6.0        1       0         1     0.250
    >>> round(float(km["std_error"].iloc[1]), 3)
    0.204

    The confidence level is a fraction:

    >>> kaplan_meier([2, 3, 3, 4, 5, 6], [True, True, True, False, True, False], confidence=95)
    Traceback (most recent call last):
    ...
    custlearn.DataError: confidence must be a fraction strictly between 0 and 1, e.g. confidence=0.95, but 95 was given. Give a fraction, not a percentage: 0.95, not 95.
    """
    require_choice(band, ["log-log", "plain"], argument="band")
    z = z_value(confidence)
    t, e = _durations_observed(durations, observed)
    if groups is None:
        table = _km_one(t, e, z, band)
    else:
        g = _groups(groups, len(t))
        parts = []
        for label in pd.unique(g):
            mask = g == label
            part = _km_one(t[mask], e[mask], z, band)
            part.insert(0, "group", label)
            parts.append(part)
        table = pd.concat(parts, ignore_index=True)
    table.attrs.update({"confidence": confidence, "band": band})
    return table


#: The columns of a Kaplan-Meier table that the median reads (``group`` when there are groups).
_KM_COLUMNS = [Column("group", "label", required=False), Column("time", "number", negative=False), Column("survival", "number", scale=Scale(0, 1, integer=False)),
               Column("lower", "number", missing="keep"), Column("upper", "number", missing="keep")]


def median_survival(km: pd.DataFrame) -> pd.Series | pd.DataFrame:
    """Median time to churn, with a confidence interval, from a Kaplan-Meier table.

    Lesson 07. The median is the first time at which the curve reaches 0.5
    or below; the interval takes the same reading of the band's curves (the
    first time the lower band, and the upper band, reach 0.5): the inversion
    of Brookmeyer & Crowley (1982)::

        median = min { t : S(t) <= 0.5 }
        lower  = min { t : lower band(t) <= 0.5 }
        upper  = min { t : upper band(t) <= 0.5 }    (NaN if never: "not reached")

    A median is NaN when fewer than half of the customers have churned by
    the last time observed: say "more than half are still customers after
    T days".

    Source: Brookmeyer, R. & Crowley, J. (1982). A confidence interval for the
    median survival time. *Biometrics* 38(1), 29-41; Kleinbaum & Klein (2012),
    chapter 2.

    Parameters
    ----------
    km : DataFrame
        The output of :func:`kaplan_meier` (with or without ``group``).

    Returns
    -------
    Series or DataFrame
        ``median``, ``lower``, ``upper``; one row per group if ``km`` has a
        ``group`` column.

    Raises
    ------
    DataError
        If ``km`` is not a Kaplan-Meier table.

    Examples
    --------
    >>> km = kaplan_meier([2, 3, 3, 4, 5, 6], [True, True, True, False, True, False])
    >>> float(median_survival(km)["median"])
    3.0
    >>> median_survival(km["survival"])
    Traceback (most recent call last):
    ...
    custlearn.DataError: km must be the table that kaplan_meier returns (a pandas DataFrame), but a Series was given. Make it first, e.g. km = kaplan_meier(...), and pass it whole.
    """
    km = read_result(km, _KM_COLUMNS, table="km", made_by="kaplan_meier")

    def first_at_or_below_half(part: pd.DataFrame, column: str) -> float:
        hit = part.loc[part[column] <= 0.5, "time"]
        return float(hit.iloc[0]) if len(hit) else np.nan

    def one(part: pd.DataFrame) -> pd.Series:
        return pd.Series({c: first_at_or_below_half(part, col) for c, col in
                          (("median", "survival"), ("lower", "lower"), ("upper", "upper"))})

    if "group" in km.columns:
        rows = {label: one(part) for label, part in km.groupby("group", sort=False, observed=True)}
        out = pd.DataFrame(rows).T
        out.index.name = "group"
        return out
    return one(km).rename("median_survival")


@dataclass(frozen=True)
class LogRankResult:
    """Result of :func:`logrank_test`: the statistic, its degrees of freedom, the p-value, and per group O and E."""

    chi_square: float
    df: int
    p_value: float
    groups: pd.DataFrame = field(repr=False, compare=False)

    def __repr__(self) -> str:
        return tr("Log-rank test: chi-square = {chi_square:.3f} on {df} df, p = {p_value:.3g}",
                  chi_square=self.chi_square, df=self.df, p_value=self.p_value)


def logrank_test(durations: Any, observed: Any, groups: Any) -> LogRankResult:
    """Do two or more groups churn alike? The log-rank test (Mantel 1966; Peto & Peto 1972).

    Lesson 07: compare survival curves by segment. At every distinct churn
    time t with n_t customers at risk (n_gt in group g) and d_t churning, if
    the groups were alike the churns would split in proportion to who is at
    risk::

        E_g  = sum over t of n_gt * d_t / n_t          (expected churns of group g)
        U_g  = O_g - E_g                               (observed minus expected)
        V_gh = sum over t of d_t (n_t - d_t) / (n_t - 1) * (n_gt / n_t) * (1[g=h] - n_ht / n_t)
        chi-square = U' V^-1 U  over the first k-1 groups,  df = k - 1

    With two groups this is (O_1 - E_1)^2 / V_11. The p-value is the chi-square
    upper tail (scipy). A small p says the curves differ somewhere; it does
    not say by how much, nor why (segments differ in many ways).

    Sources: Mantel, N. (1966). Evaluation of survival data and two new rank
    order statistics arising in its consideration. *Cancer Chemotherapy
    Reports* 50(3), 163-170; Peto, R. & Peto, J. (1972). Asymptotically
    efficient rank invariant test procedures. *JRSS A* 135(2), 185-207;
    Kleinbaum & Klein (2012), chapter 2 (worked example: 16.79 on the
    leukemia remission data, reproduced in the tests).

    Parameters
    ----------
    durations, observed
        As in :func:`kaplan_meier`.
    groups : list, array or Series
        One label per customer; at least two different labels.

    Returns
    -------
    LogRankResult
        ``chi_square``, ``df``, ``p_value`` and ``groups`` (a DataFrame per
        group: ``customers``, ``observed`` O_g, ``expected`` E_g).

    Raises
    ------
    DataError
        As :func:`kaplan_meier`; fewer than two groups; no churn at all.

    Examples
    --------
    >>> result = logrank_test([1, 2, 3, 4, 5, 6, 7, 8], [1, 1, 1, 0, 1, 1, 0, 0],
    ...                       ["a", "a", "a", "a", "b", "b", "b", "b"])
    >>> round(result.chi_square, 3), result.df
    (4.213, 1)
    >>> result.groups["observed"].tolist()
    [3, 2]
    >>> logrank_test([1, 2, 3], [1, 0, 1], ["a", "a", "a"])
    Traceback (most recent call last):
    ...
    custlearn.DataError: groups has only one label ('a'): the log-rank test compares two or more groups. Check the column you passed as groups.
    """
    t, e = _durations_observed(durations, observed)
    g = _groups(groups, len(t))
    labels = list(pd.unique(g))
    if len(labels) < 2:
        raise DataError(
            tr("groups has only one label ({labels!r}): the log-rank test compares two or more groups. "
               "Check the column you passed as groups.", labels=labels[0])
        )
    if not e.any():
        raise DataError(tr("No churn is observed in any group (observed is all False): there is nothing "
                           "to compare."))
    member = np.stack([g == label for label in labels])          # k x n
    churn_times = np.unique(t[e])
    observed_g = np.zeros(len(labels))
    expected_g = np.zeros(len(labels))
    variance = np.zeros((len(labels), len(labels)))
    for time in churn_times:
        at_risk_g = (member & (t >= time)).sum(axis=1)            # n_gt
        churned_g = (member & (t == time) & e).sum(axis=1)         # d_gt
        n, d = at_risk_g.sum(), churned_g.sum()
        share = at_risk_g / n
        observed_g += churned_g
        expected_g += d * share
        if n > 1:
            variance += d * (n - d) / (n - 1) * (np.diag(share) - np.outer(share, share))
    u = (observed_g - expected_g)[:-1]
    try:
        chi_square = float(u @ np.linalg.solve(variance[:-1, :-1], u))
    except np.linalg.LinAlgError:
        raise DataError(
            tr("A group has nobody at risk at any churn time (all its customers left before the first "
               "churn), so the groups cannot be compared. Drop that group or merge it with another.")
        ) from None
    from scipy.stats import chi2

    df = len(labels) - 1
    table = pd.DataFrame({"customers": member.sum(axis=1), "observed": observed_g.astype(int),
                          "expected": expected_g}, index=pd.Index(labels, name="group"))
    return LogRankResult(chi_square=chi_square, df=df, p_value=float(chi2.sf(chi_square, df)), groups=table)
