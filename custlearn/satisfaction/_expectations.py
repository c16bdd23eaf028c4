"""Established beliefs (已建立的认识) and outside reviews (外部评价): what customers expect, and what it does.

Lesson 03, "what shapes satisfaction: established beliefs" and "outside
reviews".  :func:`expectation_effect` fits Oliver's (1980)
expectation-disconfirmation model (at the same performance, a higher prior
expectation gives lower satisfaction); :func:`reviews_effect` measures how
much outside reviews move the expectation.  Both on the least squares of
:mod:`custlearn.satisfaction._regression`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from custlearn._i18n import tr
from custlearn._tables import Column, read_surveys
from custlearn._validate import DataError, require_choice, require_confidence
from custlearn.satisfaction._drivers import _driver_names, _enough_rows
from custlearn.satisfaction._regression import least_squares
from custlearn.satisfaction._touch_points import _touch_point_names


def _performance_columns(surveys: Any, performance: Any, target: Any, expectation: Any) -> list[str]:
    """The columns whose mean is the perceived performance: as given, or the touch-point ratings."""
    if not isinstance(expectation, str):
        raise DataError(tr('expectation must be one column name, e.g. "prior_expectation", but '
                           "{expectation!r} was given.", expectation=expectation))
    columns = _touch_point_names(surveys, None, target) if performance is None else \
        _driver_names(target, performance, argument="performance")
    if expectation in columns or expectation == target:
        raise DataError(
            tr('The expectation column "{expectation}" is also the target or a performance column. '
               "Expectation is what the customer expected before, performance what they got: give two "
               "different columns.", expectation=expectation)
        )
    return columns


def expectation_effect(
    surveys: pd.DataFrame,
    *,
    expectation: str = "prior_expectation",
    performance: Any = None,
    target: str = "overall_satisfaction",
    form: str = "performance",
    confidence: float = 0.95,
) -> pd.DataFrame:
    """The expectation effect: satisfaction on perceived performance and the prior expectation.

    Lesson 03, "what shapes satisfaction: established beliefs" (已建立的认识,
    deck 002): satisfaction is experience compared with what the customer
    expected beforehand.  Oliver's (1980) expectation-disconfirmation model
    ("A cognitive model of the antecedents and consequences of satisfaction
    decisions", Journal of Marketing Research 17(4)) with perceived
    performance P (by default the mean of the touch-point ratings, on the
    expectation's scale) and prior expectation E, by least squares::

        form="performance":      y = a + b_P P + b_E E + error
        form="disconfirmation":  y = a + b_D (P - E) + c_E E + error

    The two are the same model written twice: b_D = b_P and c_E = b_P +
    b_E.  In the first, ``expectation`` (b_E) answers the lesson's question:
    at the same performance, how much lower is satisfaction for one point
    more of expectation (negative when expectations set the bar).  In the
    second, ``disconfirmation`` is the effect of doing better than expected
    and ``expectation`` (c_E) the effect of the expectation itself once the
    surprise is held fixed (positive in Oliver's data: high expectations
    also colour the judgement).  Outside reviews (外部评价) act through E:
    regress E on the star rating seen to see how much they move it.

    Rows with a missing value in the target, the expectation or a
    performance column are dropped (listwise).

    Parameters
    ----------
    surveys : DataFrame
        One row per respondent.
    expectation : str, default "prior_expectation"
        What the customer expected before (same scale as the performance).
    performance : str or list of str, optional
        Column(s) whose mean is the perceived performance; default every
        column starting with ``rating_`` (the touch points).
    target : str, default "overall_satisfaction"
    form : {"performance", "disconfirmation"}, default "performance"
    confidence : float, default 0.95

    Returns
    -------
    DataFrame
        Index ``term``: ``performance`` and ``expectation``, or
        ``disconfirmation`` and ``expectation``; columns ``coefficient``,
        ``std_error``, ``lower``, ``upper``, ``n``, ``r_squared``.

    Raises
    ------
    DataError
        If a column is missing or not numeric, the expectation is also the
        target or a performance column, ``form`` is unknown, a column is
        constant or there are too few complete rows.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(7)
    >>> s = pd.DataFrame({"rating_app": rng.integers(1, 6, 400), "rating_branch": rng.integers(1, 6, 400),
    ...                   "prior_expectation": rng.integers(1, 6, 400)})
    >>> performance = s[["rating_app", "rating_branch"]].mean(axis=1)
    >>> s["overall_satisfaction"] = 1.5 + 0.7 * performance - 0.2 * s["prior_expectation"] + rng.normal(0, 0.5, 400)
    >>> expectation_effect(s)[["coefficient", "lower", "upper"]].round(2)
                 coefficient  lower  upper
    term
    performance         0.74   0.69   0.78
    expectation        -0.20  -0.24  -0.17
    >>> expectation_effect(s, form="disconfirmation")["coefficient"].round(2).tolist()
    [0.74, 0.53]
    >>> expectation_effect(s, form="gap")
    Traceback (most recent call last):
    ...
    custlearn.DataError: form="gap" is not one of the valid choices: "performance", "disconfirmation". Pass one of them, e.g. form="performance".
    """
    confidence = require_confidence(confidence)
    require_choice(form, ["performance", "disconfirmation"], argument="form")
    columns = _performance_columns(surveys, performance, target, expectation)
    arguments = {**dict.fromkeys(columns, "performance"), expectation: "expectation", target: "target"}
    data = read_surveys(surveys, customer_col=None, numbers=[target, expectation, *columns], missing="keep",
                        min_rows=1, arguments=arguments).dropna()
    frame = pd.DataFrame({target: data[target], "performance": data[columns].mean(axis=1), "expectation": data[expectation]})
    _enough_rows(frame, target, ["performance", "expectation"], "predictors")
    P, E = frame["performance"].to_numpy(), frame["expectation"].to_numpy()
    first = P if form == "performance" else P - E
    X = np.column_stack([np.ones(len(frame)), first, E])
    fit = least_squares(X, frame[target].to_numpy(dtype=float), ["intercept", form, "expectation"])
    out = fit.table(confidence).iloc[1:]
    return out.assign(n=fit.n, r_squared=fit.r_squared)


def _one_predictor(data: pd.DataFrame, y: str, x: str, name: str, confidence: float, where: str) -> dict[str, Any]:
    """Least squares of ``y`` on ``x`` with an intercept: the slope of x with its interval, as a result row."""
    _enough_rows(data, y, [x], "predictors", where=where)
    X = np.column_stack([np.ones(len(data)), data[x].to_numpy(dtype=float)])
    fit = least_squares(X, data[y].to_numpy(dtype=float), ["intercept", name])
    row = fit.table(confidence).iloc[1]
    return {"term": name, "estimate": row["coefficient"], "std_error": row["std_error"], "lower": row["lower"],
            "upper": row["upper"], "n": fit.n}


def reviews_effect(
    surveys: pd.DataFrame,
    *,
    rating: str = "review_rating_seen",
    read: str = "read_reviews",
    expectation: str = "prior_expectation",
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Outside reviews (外部评价): how much reading reviews, and the stars seen, move the prior expectation.

    Lesson 03, "what shapes satisfaction: outside reviews" (deck 002).
    Reviews shape what a customer expects before the first order, and the
    expectation sets the bar performance is judged against
    (:func:`expectation_effect`; Oliver 1980, Journal of Marketing Research
    17(4)).  Two least-squares fits of the prior expectation E
    (:mod:`custlearn.satisfaction._regression`)::

        "read vs not read":  E = a + d [read reviews] + error     (all respondents)
        "per star seen":     E = a + b stars + error                (those who read reviews)

    d is the difference in mean expectation between readers and
    non-readers; b the change in expectation for one star more in the
    reviews read.  Times the expectation effect, b gives what one star of
    outside praise does to satisfaction at the same performance.  The
    reviews are not assigned at random: readers may differ from
    non-readers in other ways, so d is a comparison, not an experiment.

    Rows with a missing expectation or read flag are dropped; a reader
    without a star rating is left out of the second fit.

    Parameters
    ----------
    surveys : DataFrame
        One row per respondent.
    rating : str, default "review_rating_seen"
        The average star rating of the reviews read (missing for non-readers).
    read : str, default "read_reviews"
        True/false (or 1/0): read reviews before the first order.
    expectation : str, default "prior_expectation"
    confidence : float, default 0.95

    Returns
    -------
    DataFrame
        Index ``term``: "read vs not read", "per star seen"; columns
        ``estimate``, ``std_error``, ``lower``, ``upper``, ``n``.

    Raises
    ------
    DataError
        If a column is missing or holds the wrong kind of values, or one of
        the two fits has too few rows or a constant column.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(4)
    >>> read = rng.random(500) < 0.5
    >>> stars = np.where(read, rng.normal(4, 0.6, 500).clip(1, 5).round(1), np.nan)
    >>> expected = np.where(read, 3.6 + 0.8 * (stars - 4), 3.2) + rng.normal(0, 0.7, 500)
    >>> s = pd.DataFrame({"read_reviews": read, "review_rating_seen": stars, "prior_expectation": expected})
    >>> reviews_effect(s)[["estimate", "lower", "upper"]].round(2)
                      estimate  lower  upper
    term
    read vs not read      0.48   0.34   0.62
    per star seen         0.81   0.66   0.96
    >>> reviews_effect(s, read="read")
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "read" is not in the surveys table. The table has these columns: read_reviews, review_rating_seen, prior_expectation. If your data calls it something else, pass read="<your column name>".
    """
    confidence = require_confidence(confidence)
    data = read_surveys(surveys, customer_col=None, numbers=[expectation, rating], missing="keep", min_rows=1,
                        arguments={expectation: "expectation", rating: "rating", read: "read"},
                        extra=[Column(read, "flag", "read", missing="keep")])
    data = data[data[expectation].notna().to_numpy() & data[read].notna().to_numpy()]
    flags = data.assign(**{read: data[read].astype(bool).astype(float)})
    readers = flags[(flags[read] == 1).to_numpy() & flags[rating].notna().to_numpy()]
    rows = [_one_predictor(flags, expectation, read, "read vs not read", confidence, ""),
            _one_predictor(readers, expectation, rating, "per star seen", confidence, tr(" among those who read reviews"))]
    return pd.DataFrame(rows).set_index("term")
