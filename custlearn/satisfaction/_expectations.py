"""Established beliefs (已建立的认识): at the same performance, a higher prior expectation gives lower satisfaction.

Lesson 03, "what shapes satisfaction: established beliefs" and "outside
reviews".  :func:`expectation_effect` fits Oliver's (1980)
expectation-disconfirmation model with the least squares of
:mod:`custlearn.satisfaction._regression`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from custlearn._tables import read_surveys
from custlearn._validate import DataError, require_choice, require_confidence
from custlearn.satisfaction._drivers import _driver_names, _enough_rows
from custlearn.satisfaction._regression import least_squares
from custlearn.satisfaction._touch_points import _touch_point_names


def _performance_columns(surveys: Any, performance: Any, target: Any, expectation: Any) -> list[str]:
    """The columns whose mean is the perceived performance: as given, or the touch-point ratings."""
    if not isinstance(expectation, str):
        raise DataError(f'expectation must be one column name, e.g. "prior_expectation", but {expectation!r} was given.')
    columns = _touch_point_names(surveys, None, target) if performance is None else \
        _driver_names(target, performance, argument="performance")
    if expectation in columns or expectation == target:
        raise DataError(
            f'The expectation column "{expectation}" is also the target or a performance column. Expectation '
            f"is what the customer expected before, performance what they got: give two different columns."
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
