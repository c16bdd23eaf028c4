"""Where to act: driver analysis and the importance-performance grid (lesson 03)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from custlearn._i18n import tr
from custlearn._tables import Column, Scale, read_surveys, read_table
from custlearn._validate import DataError, as_numeric_series, require_choice, require_number


#: The four cells of the importance-performance grid (Martilla & James 1977),
#: keyed by (high importance?, high performance?).
QUADRANTS = {
    (True, False): "Concentrate here",
    (True, True): "Keep up the good work",
    (False, False): "Low priority",
    (False, True): "Possible overkill",
}
_QUADRANT_ORDER = ["Concentrate here", "Keep up the good work", "Low priority", "Possible overkill"]

# ---------------------------------------------------------------------------
# Where to act: driver analysis and the importance-performance grid
# ---------------------------------------------------------------------------


_EXAMPLES = {"drivers": 'drivers=["reliability", "responsiveness"]',
             "touch_points": 'touch_points=["rating_delivery", "rating_checkout"]'}


def _driver_names(target: Any, drivers: Any, *, argument: str = "drivers") -> list[str]:
    """The drivers (or touch points) as a list of column names, each once, without the target itself."""
    if not isinstance(target, str):
        raise DataError(tr('target must be one column name, e.g. "overall_satisfaction", but {target!r} '
                           "was given.", target=target))
    if isinstance(drivers, str):
        drivers = [drivers]
    drivers = list(drivers) if pd.api.types.is_list_like(drivers) else []
    if not drivers:
        raise DataError(tr("{argument} is empty: give the columns that may drive the target, e.g. "
                           "{EXAMPLES}.", argument=argument, EXAMPLES=_EXAMPLES[argument]))
    if len(set(drivers)) != len(drivers):
        raise DataError(tr("{argument} lists a column twice: {drivers}. Give each column once.",
                           argument=argument, drivers=drivers))
    if target in drivers:
        raise DataError(
            tr('The target "{target}" is also in {argument}. A measure cannot drive itself: remove it '
               "from {argument}.", target=target, argument=argument)
        )
    return drivers


def _complete_answers(surveys: Any, target: str, drivers: list[str], *, argument: str = "drivers",
                      segment: str | None = None, scale: Scale | None = None) -> pd.DataFrame:
    """The target and driver columns, read once, on the rows that answered all of them (listwise).

    ``scale``: read the drivers as answers on that scale (whole points);
    ``segment``: also read that label column (no missing values allowed).
    """
    arguments = {**dict.fromkeys(drivers, argument), target: "target"}
    scores = dict.fromkeys(drivers, scale) if scale is not None else {}
    numbers = [target] if scale is not None else [target, *drivers]
    extra = [Column(segment, "label", "segment")] if segment is not None else []
    data = read_surveys(surveys, customer_col=None, scores=scores, numbers=numbers, missing="keep",
                        min_rows=1, arguments=arguments, extra=extra).dropna(subset=[target, *drivers])
    _enough_rows(data, target, drivers, argument)
    return data


#: The argument naming the explaining columns -> its words (plural, singular), in the language of the moment.
_NOUNS = {"drivers": lambda: (tr("drivers"), tr("driver")),
          "touch_points": lambda: (tr("touch points"), tr("touch point")),
          "predictors": lambda: (tr("predictors"), tr("predictor"))}


def _enough_rows(data: pd.DataFrame, target: str, drivers: list[str], argument: str, where: str = "") -> None:
    """At least p + 2 complete rows and no constant column: what a least-squares fit of p drivers needs."""
    n, p = len(data), len(drivers)
    things, noun = _NOUNS[argument]() if argument in _NOUNS else (argument.replace("_", " "), argument[:-1])
    if n < p + 2:
        raise DataError(
            tr("Only {n} complete row(s){where} (no missing value in {target} or the {things}), but at "
               "least {need} are needed to fit {p} {noun}(s). Use more responses or fewer {noun}s.",
               n=n, where=where, target=target, things=things, need=p + 2, p=p, noun=noun)
        )
    sd = data[[target, *drivers]].std(ddof=1)
    constant = [c for c in [target, *drivers] if not sd[c] > 0]
    if constant:
        raise DataError(
            tr("The column(s) {constant} have the same value on every complete row{where}, so they cannot "
               "explain or be explained (standard deviation 0). Drop them.",
               constant=', '.join(constant), where=where)
        )


def _standardised_weights(z: pd.DataFrame, target: str, drivers: list[str]) -> tuple[np.ndarray, float]:
    """Least squares of z(target) on all z(drivers) together: the weights beta_j and R^2."""
    zx, zy = z[drivers].to_numpy(), z[target].to_numpy()
    if np.linalg.matrix_rank(zx) < len(drivers):
        raise DataError(
            tr("The drivers {drivers} are perfectly collinear (one is an exact mix of the others), so "
               "their separate weights are not defined. Drop the redundant driver.", drivers=', '.join(drivers))
        )
    beta, *_ = np.linalg.lstsq(zx, zy, rcond=None)   # OLS on z-scores: no intercept needed
    residual = zy - zx @ beta
    return beta.astype(float), 1 - float(residual @ residual) / float(zy @ zy)


def driver_analysis(surveys: pd.DataFrame, target: str, drivers: Sequence[str]) -> pd.DataFrame:
    """Which attributes move overall satisfaction: correlation and standardised weight.

    Lesson 03, "what drives satisfaction" (key driver analysis). For each
    driver x_j and the target y (e.g. ``overall_satisfaction``):

    - ``correlation``: Pearson r between x_j and y (stated importance aside,
      this is the simplest "derived importance");
    - ``standardised_weight``: the coefficient beta_j of the least-squares
      regression of z(y) on all z(x_j) together, where z(v) = (v - mean) / sd::

          z(y) = sum_j beta_j z(x_j) + error

      i.e. the change in y, in standard deviations, for a one-sd rise in x_j
      with the other drivers held constant (Hair et al. 2019, *Multivariate
      Data Analysis*, 8th ed.). Correlated drivers share credit, so a
      driver can have a high r and a small beta.

    Rows with a missing value in the target or any driver are dropped
    (listwise); the number used is in the ``n`` column. The regression's R^2
    is in the ``r_squared`` column (the same on every row).

    Parameters
    ----------
    surveys : DataFrame
        One row per respondent.
    target : str
        Column with the overall measure, e.g. ``"overall_satisfaction"``.
    drivers : list of str
        Columns with the attribute scores, e.g. the five columns of
        ``servqual_scores(surveys)`` joined to the surveys.

    Returns
    -------
    DataFrame
        Index ``driver``; columns ``correlation``, ``standardised_weight``,
        ``rank`` (1 = largest weight), ``n``, ``r_squared``; sorted by
        ``standardised_weight``, largest first.

    Raises
    ------
    DataError
        If a column is missing or not numeric, ``drivers`` is empty or repeats
        a name or contains ``target``, a column is constant, drivers are
        perfectly collinear, or there are too few complete rows.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"overall": [2, 3, 3, 4, 5, 4, 5, 1],
    ...                   "speed": [2, 4, 3, 5, 5, 3, 6, 1],
    ...                   "price": [3, 2, 4, 3, 4, 5, 4, 2]})
    >>> driver_analysis(s, "overall", ["speed", "price"]).round(3)
            correlation  standardised_weight  rank  n  r_squared
    driver
    speed         0.911                0.779     1  8      0.973
    price         0.658                0.401     2  8      0.973
    >>> driver_analysis(s, "overall", ["speed", "cost"])
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "cost" is not in the surveys table. The table has these columns: overall, speed, price. If your data calls it something else, pass drivers="<your column name>".
    """
    drivers = _driver_names(target, drivers)
    data = _complete_answers(surveys, target, drivers)
    z = (data - data.mean()) / data.std(ddof=1)        # z-scores: each column in standard deviations
    beta, r_squared = _standardised_weights(z, target, drivers)
    corr = [float(np.corrcoef(z[d], z[target])[0, 1]) for d in drivers]
    out = pd.DataFrame(
        {"correlation": corr, "standardised_weight": beta},
        index=pd.Index(drivers, name="driver"),
    )
    out = out.sort_values("standardised_weight", ascending=False, kind="stable")
    out["rank"] = np.arange(1, len(drivers) + 1)
    out["n"] = len(data)
    out["r_squared"] = r_squared
    return out


def _attribute_values(values: Any, *, argument: str) -> pd.Series:
    if isinstance(values, Mapping):
        values = pd.Series(dict(values), dtype=object)
    if not isinstance(values, pd.Series):
        raise DataError(
            tr("{argument} must be a Series or dict with one value per attribute (the attribute names as "
               "index/keys), but a {kind} was given. For example "
               'driver_analysis(...)["standardised_weight"] or scores.mean().',
               argument=argument, kind=type(values).__name__)
        )
    if values.index.has_duplicates:
        dup = values.index[values.index.duplicated()].unique()
        raise DataError(tr("{argument} names an attribute twice: {dup}. Give each once.",
                           argument=argument, dup=', '.join(map(str, dup))))
    s = as_numeric_series(values, name=argument)
    s.index = values.index
    return s


def _importance(importance: Any) -> pd.Series:
    """Importance per attribute: a Series or dict, or the weights of :func:`driver_analysis`."""
    if isinstance(importance, pd.DataFrame):
        if "standardised_weight" not in importance.columns:
            raise DataError(
                tr("importance was given as a table without a standardised_weight column. Pass the result "
                   "of driver_analysis(...), or one column of numbers per attribute, e.g. "
                   'table["my_importance"].')
            )
        importance = importance["standardised_weight"]
    return _attribute_values(importance, argument="importance")


def _performance(performance: Any) -> pd.Series:
    """Performance per attribute: a Series or dict, or the mean answer of each column of a score table."""
    if isinstance(performance, pd.DataFrame):
        columns = [Column(c, "number", missing="keep") for c in performance.columns]
        performance = read_table(performance, columns, table="performance", min_rows=1).mean()
    return _attribute_values(performance, argument="performance")


def _same_attributes(importance: pd.Series, performance: pd.Series) -> pd.Series:
    """``performance`` in the order of ``importance``, once both name the same 2+ attributes."""
    only_imp = [str(a) for a in importance.index if a not in performance.index]
    only_perf = [str(a) for a in performance.index if a not in importance.index]
    if only_imp or only_perf:
        found = [tr("only importance has: {names}", names=", ".join(only_imp)) if only_imp else "",
                 tr("only performance has: {names}", names=", ".join(only_perf)) if only_perf else ""]
        raise DataError(tr("importance and performance must name the same attributes, but {found}. Check the "
                           "spelling of the names, or select the same attributes in both.",
                           found="; ".join(part for part in found if part)))
    if len(importance) < 2:
        raise DataError(
            tr("importance has {n} attribute(s), but a grid needs at least 2 to compare. Give one value "
               "per attribute.", n=len(importance))
        )
    return performance.reindex(importance.index)


def _cut(values: pd.Series, cut: Any, *, argument: str) -> float:
    """Where the cross-hair sits on one axis: the attributes' mean or median, or a number."""
    if isinstance(cut, str):
        require_choice(cut, ["mean", "median"], argument=argument)
        return float(values.mean() if cut == "mean" else values.median())
    return require_number(cut, argument=argument, example='"mean" (the default), "median" or a number such as 4')


def importance_performance(
    importance: Any,
    performance: Any,
    *,
    importance_cut: Any = "mean",
    performance_cut: Any = "mean",
) -> pd.DataFrame:
    """Importance-performance grid: where to act first.

    Lesson 03, Martilla & James (1977, "Importance-performance analysis",
    Journal of Marketing 41(1)). Each attribute gets an importance (e.g. its
    standardised weight from :func:`driver_analysis`) and a performance
    (e.g. its mean perception score). Cross-hairs split the grid into four
    quadrants; an attribute is "high" on an axis when its value is at or
    above the cut (>=)::

        high importance, low performance   -> "Concentrate here"
        high importance, high performance  -> "Keep up the good work"
        low importance,  low performance   -> "Low priority"
        low importance,  high performance  -> "Possible overkill"

    Where to put the cross-hairs is a judgement (Martilla & James 1977).
    The default is the mean of the attributes' values on each axis (the
    "data-centred" grid, Bacon 2003, International Journal of Market
    Research 45(1)), so attributes are compared with each other rather
    than with the scale midpoint; ``"median"`` or a number (e.g. 4 on a 1-7
    scale) are the alternatives.

    Parameters
    ----------
    importance : Series, dict or the DataFrame of :func:`driver_analysis`
        One number per attribute, keyed by attribute name. Given the result
        of :func:`driver_analysis`, its ``standardised_weight`` column is used.
    performance : Series, dict or DataFrame
        One number per attribute, keyed by attribute name; or a table of
        per-respondent scores with one column per attribute (e.g.
        :func:`servqual_scores`), whose column means (missing answers
        skipped) are used. Must name the same attributes as ``importance``.
    importance_cut, performance_cut : "mean", "median" or float, default "mean"

    Returns
    -------
    DataFrame
        Index ``attribute``; columns ``importance``, ``performance``,
        ``importance_cut``, ``performance_cut``, ``quadrant``; sorted by
        quadrant (Concentrate here first) and then importance, largest first.

    Raises
    ------
    DataError
        If an input is not a Series/dict of numbers, has missing values,
        fewer than 2 attributes, or the two name different attributes; or a
        cut is not "mean", "median" or a number.

    Examples
    --------
    >>> imp = {"reliability": 0.40, "responsiveness": 0.30, "tangibles": 0.05, "empathy": 0.10}
    >>> perf = {"reliability": 4.8, "responsiveness": 5.9, "tangibles": 4.9, "empathy": 5.8}
    >>> importance_performance(imp, perf)[["importance", "performance", "quadrant"]]
                    importance  performance               quadrant
    attribute
    reliability           0.40          4.8       Concentrate here
    responsiveness        0.30          5.9  Keep up the good work
    tangibles             0.05          4.9           Low priority
    empathy               0.10          5.8      Possible overkill

    Straight from the survey: weights from :func:`driver_analysis`, mean
    perception per dimension from :func:`servqual_scores`:

    >>> import pandas as pd
    >>> s = pd.DataFrame({"overall": [2, 3, 3, 4, 5, 4, 5, 1],
    ...                   "speed": [2, 4, 3, 5, 5, 3, 6, 1],
    ...                   "price": [3, 2, 4, 3, 4, 5, 4, 2]})
    >>> weights = driver_analysis(s, "overall", ["speed", "price"])
    >>> importance_performance(weights, s[["speed", "price"]])["quadrant"].to_dict()
    {'speed': 'Keep up the good work', 'price': 'Low priority'}
    """
    imp = _importance(importance)
    perf = _same_attributes(imp, _performance(performance))
    i_cut = _cut(imp, importance_cut, argument="importance_cut")
    p_cut = _cut(perf, performance_cut, argument="performance_cut")
    out = pd.DataFrame(
        {
            "importance": imp.to_numpy(),
            "performance": perf.to_numpy(),
            "importance_cut": i_cut,
            "performance_cut": p_cut,
        },
        index=pd.Index(imp.index, name="attribute"),
    )
    # "high" on an axis: at or above its cut
    high_imp = out["importance"] >= i_cut
    high_perf = out["performance"] >= p_cut
    out["quadrant"] = [QUADRANTS[(bool(a), bool(b))] for a, b in zip(high_imp, high_perf)]
    order = out["quadrant"].map({q: i for i, q in enumerate(_QUADRANT_ORDER)})
    return out.assign(_order=order).sort_values(
        ["_order", "importance"], ascending=[True, False], kind="stable"
    ).drop(columns="_order")
