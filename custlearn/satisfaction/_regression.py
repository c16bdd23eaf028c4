"""Least squares written out: coefficients and their standard errors from the normal equations (lesson 03).

The touch-point analyses of lesson 03 (importance, penalty-reward, the
expectation effect, the what-if) are all one regression: overall
satisfaction y on some columns X (the first a column of ones, the
intercept), for n respondents and p columns::

    b      = (X'X)^-1 X'y             the normal equations: least-squares coefficients
    e      = y - X b                  the residuals
    s^2    = e'e / (n - p)            the residual variance
    V      = s^2 (X'X)^-1             the covariance matrix of b
    se_j   = sqrt(V_jj)               the standard error of b_j
    b_j +- t se_j                     the confidence interval, t the Student quantile with n - p df

and for any combination c'b of the coefficients (a difference of two, or a
prediction x'b): standard error sqrt(c'Vc) (Greene 2018, *Econometric
Analysis*, 8th ed., ch. 4).  This assumes the residuals have the same
variance for every respondent; statsmodels' OLS gives the same numbers (the
tests check it).

Examples
--------
>>> import numpy as np
>>> X = np.column_stack([np.ones(4), [1.0, 2.0, 3.0, 4.0]])
>>> fit = least_squares(X, np.array([2.0, 4.1, 5.9, 8.0]), ["intercept", "x"])
>>> [round(float(v), 3) for v in fit.coef]     # by hand: slope 9.9 / 5 = 1.98, intercept 5 - 1.98 * 2.5
[0.05, 1.98]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from custlearn._i18n import tr
from custlearn._validate import DataError


@dataclass(frozen=True)
class LeastSquares:
    """A fitted least-squares regression: ``names``, ``coef``, ``cov`` (V), ``n``, ``df`` (n - p), ``r_squared``."""

    names: tuple[str, ...]
    coef: np.ndarray
    cov: np.ndarray
    n: int
    df: int
    r_squared: float

    def t(self, confidence: float) -> float:
        """The two-sided Student t quantile for ``confidence`` with the fit's degrees of freedom."""
        from scipy.stats import t

        return float(t.ppf(0.5 + confidence / 2.0, self.df))

    def combination(self, c: np.ndarray, confidence: float) -> tuple[float, float, float, float]:
        """c'b with its standard error and interval: (estimate, se, lower, upper)."""
        c = np.asarray(c, dtype=float)
        estimate = float(c @ self.coef)
        se = float(np.sqrt(max(c @ self.cov @ c, 0.0)))
        half = self.t(confidence) * se
        return estimate, se, estimate - half, estimate + half

    def table(self, confidence: float) -> pd.DataFrame:
        """One row per coefficient: coefficient, std_error, lower, upper."""
        se = np.sqrt(np.diag(self.cov))
        half = self.t(confidence) * se
        return pd.DataFrame({"coefficient": self.coef, "std_error": se, "lower": self.coef - half,
                             "upper": self.coef + half}, index=pd.Index(self.names, name="term"))


def least_squares(X: np.ndarray, y: np.ndarray, names: Sequence[str]) -> LeastSquares:
    """Ordinary least squares by the normal equations (the module docstring), with the checks a learner needs.

    ``X`` must hold the intercept column itself.  A design whose columns are
    an exact mix of each other (perfectly collinear) or with no residual
    degree of freedom raises :class:`custlearn.DataError`.
    """
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n, p = X.shape
    if n <= p:
        raise DataError(tr("{n} complete row(s) cannot fit {p} coefficients: at least {p2} are needed. "
                           "Use more responses or fewer columns.", n=n, p=p, p2=p + 1))
    if np.linalg.matrix_rank(X) < p:
        raise DataError(
            tr("The columns {names} are perfectly collinear (one is an exact mix of the others, or of the "
               "intercept), so their separate effects are not defined. Drop the redundant column.",
               names=', '.join(names[1:]))
        )
    xtx_inv = np.linalg.inv(X.T @ X)
    coef = xtx_inv @ (X.T @ y)  # the normal equations
    resid = y - X @ coef
    s2 = float(resid @ resid) / (n - p)
    tss = float(((y - y.mean()) ** 2).sum())
    r_squared = 1.0 - float(resid @ resid) / tss if tss > 0 else float("nan")
    return LeastSquares(tuple(names), coef, s2 * xtx_inv, n, n - p, r_squared)
