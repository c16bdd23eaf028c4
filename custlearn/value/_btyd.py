"""Lesson 05: "buy till you die" models - BG/NBD for purchases, Gamma-Gamma for
spend - and the CLV that combines them.

The likelihoods are written out here because they are the lesson; scipy
provides the special functions (log-gamma, log-beta, digamma, the Gaussian
hypergeometric function) and the optimiser. scipy is imported inside the
functions, so ``import custlearn.value`` stays fast.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from custlearn._i18n import tr
from custlearn._validate import (
    DataError,
    require_choice,
    require_fraction,
    require_number,
    require_positive,
    require_positive_int,
)
from custlearn.value._clv import TIME_UNITS, _number, _require_summary, _time_unit_of

__all__ = ["BetaGeo", "GammaGamma", "clv"]


def _not_fitted(model: Any) -> None:
    if getattr(model, "params_", None) is None:
        name = type(model).__name__
        raise DataError(tr("This {name} model is not fitted yet. Call {name}().fit(summary) first.", name=name))


def _unique_rows(*columns: np.ndarray) -> tuple[list[np.ndarray], np.ndarray]:
    """Distinct rows of the given columns and how often each occurs (weights)."""
    stacked = np.column_stack(columns)
    unique, counts = np.unique(stacked, axis=0, return_counts=True)
    return [unique[:, j] for j in range(unique.shape[1])], counts.astype(float)


_EDGE = 11.5  # |log parameter| beyond this (a value above 1e5 or below 1e-5) counts as "at the edge"

#: What a parameter at the edge of the search range means, for ``edge_`` messages.
_EDGE_MEANING = {
    "r": "purchase rates barely differ between customers (r and alpha very large)",
    "alpha": "purchase rates barely differ between customers (r and alpha very large)",
    "a": "drop-out after a purchase is almost never (a -> 0) or the same for all (a, b very large)",
    "b": "drop-out barely differs between customers (a and b very large)",
    "p": "spend per purchase barely varies (p very large)",
    "q": "average spend barely differs between customers (q and v very large)",
    "v": "average spend barely differs between customers (q and v very large)",
}


def _minimize(fun: Any, theta0: np.ndarray, names: list[str], model: str) -> tuple[Any, list[str]]:
    """Maximise a log-likelihood over log-parameters; return the result and parameters at the edge."""
    from scipy.optimize import minimize

    result = minimize(
        fun, theta0, jac=True, method="L-BFGS-B",
        bounds=[(-12.0, 12.0)] * len(theta0),
        options={"maxiter": 2000, "ftol": 1e-15, "gtol": 1e-9},
    )
    if not (np.all(np.isfinite(result.x)) and np.isfinite(result.fun)):
        raise DataError(
            tr("The {model} fit failed (the likelihood could not be computed). Check the summary: "
               "frequency, recency and T must be finite, in one time unit, with 0 <= recency <= T.", model=model)
        )
    edge = [n for n, v in zip(names, result.x) if abs(v) >= _EDGE]
    return result, edge


def _edge_note(edge: list[str]) -> str:
    if not edge:
        return ""
    meanings = dict.fromkeys(_EDGE_MEANING[n] for n in edge)
    return (f"; {', '.join(edge)} at the edge of the search range: " + "; ".join(meanings)
            + ". The data carry no information on this part of the model (few customers, a short "
            "period, or made-up data)")


# --------------------------------------------------------------------------
# BG/NBD
# --------------------------------------------------------------------------


def _bgnbd_loglik(params: np.ndarray, x: np.ndarray, t_x: np.ndarray, T: np.ndarray,
                  *, gradient: bool = False) -> Any:
    """BG/NBD log-likelihood of each customer (and its gradient in r, alpha, a, b).

    The likelihood of Fader, Hardie & Lee (2005), written on the log scale in
    the overflow-free form of Fader & Hardie (2013), "Overcoming the BG/NBD
    model's #NUM! error problem" (technical note 027)::

        ln L = ln G(r+x) - ln G(r) + r ln(alpha) - (r+x) ln(alpha+T)
               + ln B(a, b+x) - ln B(a, b)
               + ln(1 + [x>0] * a/(b+x-1) * ((alpha+T)/(alpha+t_x))**(r+x))

    (G = gamma function, B = beta function).
    """
    from scipy.special import betaln, digamma, expit, gammaln

    r, alpha, a, b = params
    rx = r + x
    ln_aT = np.log(alpha + T)
    ln_atx = np.log(alpha + t_x)
    repeat = x > 0
    b_x1 = np.where(repeat, b + x - 1, 1.0)
    log_c = np.where(repeat, np.log(a) - np.log(b_x1) + rx * (ln_aT - ln_atx), -np.inf)
    ll = (gammaln(rx) - gammaln(r) + r * np.log(alpha) - rx * ln_aT
          + betaln(a, b + x) - betaln(a, b) + np.logaddexp(0.0, log_c))
    if not gradient:
        return ll
    D = expit(log_c)  # c / (1 + c), 0 for one-time buyers
    psi_abx = digamma(a + b + x)
    psi_ab = digamma(a + b)
    d_r = digamma(rx) - digamma(r) + np.log(alpha) - ln_aT + D * (ln_aT - ln_atx)
    d_alpha = r / alpha - rx / (alpha + T) + D * rx * (1.0 / (alpha + T) - 1.0 / (alpha + t_x))
    d_a = psi_ab - psi_abx + D / a
    d_b = digamma(b + x) - psi_abx - digamma(b) + psi_ab - D / b_x1
    return ll, (d_r, d_alpha, d_a, d_b)


class BetaGeo:
    """The BG/NBD model of repeat purchases ("who is still alive?").

    Lesson 05, framework: the beta-geometric/negative binomial distribution
    model of Fader, Hardie & Lee (2005), "'Counting your customers' the easy
    way: an alternative to the Pareto/NBD model", *Marketing Science* 24(2),
    275-284. For a non-contractual business (customers never say they left):

    - while alive, a customer buys at random with rate ``lambda`` per time
      unit (a Poisson process); ``lambda`` differs between customers and
      follows a Gamma(r, alpha) distribution (mean ``r / alpha``);
    - after every purchase the customer drops out ("dies") with probability
      ``p``; ``p`` follows a Beta(a, b) distribution (mean ``a / (a + b)``).

    The parameters are found by maximum likelihood on the summary table of
    :func:`clv_summary` (``frequency`` x, ``recency`` t_x, ``T``); the
    likelihood of one customer is (the paper's likelihood function; also
    Fader, Hardie & Lee 2005, "Implementing the BG/NBD model for customer
    base analysis in Excel", technical note 004)::

        L = B(a, b+x)/B(a, b) * G(r+x) alpha**r / (G(r) (alpha+T)**(r+x))
            + [x>0] * B(a+1, b+x-1)/B(a, b) * G(r+x) alpha**r / (G(r) (alpha+t_x)**(r+x))

    It is maximised over log(r, alpha, a, b) with scipy's L-BFGS-B and the
    analytic gradient; identical (x, t_x, T) rows are counted once with a
    weight. Times are in the summary's unit (days or weeks): ``alpha`` and
    every prediction horizon ``t`` are in that unit too.

    Attributes (after ``fit``)
    --------------------------
    params_ : Series
        ``r``, ``alpha``, ``a``, ``b``.
    log_likelihood_ : float
        The maximised log-likelihood (sum over customers).
    time_unit_ : str or None
        The summary's time unit, when known.
    edge_ : list of str
        Parameters that ran to the edge of the search range (above 1e5 or
        below 1e-5): the maximum likelihood lies at a limit of the model
        (e.g. ``a`` near 0 = nobody seems to drop out; ``r`` and ``alpha``
        huge = everybody buys at the same rate). The fit is still usable,
        but say so when reporting it. ``repr(model)`` explains it.

    Examples
    --------
    Simulate 3000 customers from the model's own story and recover it:

    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(5)
    >>> n, T = 3000, 52.0                        # customers, weeks observed
    >>> lam = rng.gamma(0.5, 1 / 5.0, n)         # purchase rates: Gamma(r=0.5, alpha=5)
    >>> p = rng.beta(1.0, 3.0, n)                # drop-out probabilities: Beta(a=1, b=3)
    >>> bought = rng.poisson(lam * T)            # repeat purchases if nobody dropped out
    >>> x = np.minimum(rng.geometric(p), bought) # ... but each may be the last
    >>> t_x = np.where(x > 0, T * rng.beta(np.maximum(x, 1), bought - x + 1), 0.0)
    >>> summary = pd.DataFrame({"frequency": x, "recency": t_x, "T": T})
    >>> model = BetaGeo().fit(summary, time_unit="weeks")
    >>> [round(float(v), 1) for v in model.params_]      # r, alpha, a, b (truth: 0.5, 5, 1, 3)
    [0.5, 4.5, 0.9, 2.7]
    >>> p_alive = model.p_alive(summary)
    >>> bool(p_alive[x > 0].min() < 0.5 < p_alive.max())
    True
    """

    def __init__(self) -> None:
        self.params_: pd.Series | None = None
        self.log_likelihood_: float | None = None
        self.time_unit_: str | None = None
        self.edge_: list[str] = []

    def __repr__(self) -> str:
        if self.params_ is None:
            return "BetaGeo() (not fitted)"
        shown = ", ".join(f"{k}={v:.4g}" for k, v in self.params_.items())
        return f"BetaGeo({shown}; time unit: {self.time_unit_ or 'unknown'}{_edge_note(self.edge_)})"

    def fit(
        self,
        summary: pd.DataFrame,
        *,
        frequency_col: str = "frequency",
        recency_col: str = "recency",
        T_col: str = "T",
        time_unit: str | None = None,
    ) -> BetaGeo:
        """Estimate r, alpha, a, b by maximum likelihood.

        Parameters
        ----------
        summary : DataFrame
            From :func:`clv_summary`: ``frequency``, ``recency`` and ``T``.
        frequency_col, recency_col, T_col : str
            Column names.
        time_unit : {"days", "weeks"}, optional
            The unit of recency and T; taken from ``summary.attrs`` when the
            summary came from :func:`clv_summary`.

        Returns
        -------
        BetaGeo
            The fitted model (``self``).

        Raises
        ------
        DataError
            A column (``T`` included) is missing or invalid, no customer
            made a repeat purchase, or the likelihood cannot be computed.
        """
        data = _require_summary(summary, frequency_col=frequency_col, recency_col=recency_col, T_col=T_col)
        if not (data["x"] > 0).any():
            raise DataError(
                tr("No customer in the summary made a repeat purchase (frequency is 0 for all), so the "
                   "purchase and drop-out rates cannot be told apart. Use a longer observation period (an "
                   "earlier start or a later as_of).")
            )
        (x, t_x, T), w = _unique_rows(data["x"].to_numpy(), data["t_x"].to_numpy(), data["T"].to_numpy())
        n = w.sum()

        def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
            params = np.exp(theta)
            ll, grads = _bgnbd_loglik(params, x, t_x, T, gradient=True)
            grad = np.array([np.dot(w, g) for g in grads]) * params  # chain rule for log-parameters
            return -np.dot(w, ll) / n, -grad / n

        # Start: r = 1, alpha from the mean purchase rate (r / alpha = purchases per unit time), a = b = 1.
        rate = max(np.dot(w, x) / np.dot(w, T), 1e-6)
        theta0 = np.log([1.0, 1.0 / rate, 1.0, 1.0])
        result, self.edge_ = _minimize(objective, theta0, ["r", "alpha", "a", "b"], "BG/NBD")
        self.params_ = pd.Series(np.exp(result.x), index=["r", "alpha", "a", "b"], name="BG/NBD")
        self.log_likelihood_ = float(-result.fun * n)
        self.time_unit_ = _time_unit_of(summary, time_unit)
        return self

    def _data(self, summary: pd.DataFrame, cols: dict[str, str]) -> pd.DataFrame:
        _not_fitted(self)
        if self.time_unit_ is not None:
            _check_same_unit(summary, self.time_unit_, what=tr("this BetaGeo model was fitted"))
        return _require_summary(summary, **cols)

    def p_alive(
        self,
        summary: pd.DataFrame,
        *,
        frequency_col: str = "frequency",
        recency_col: str = "recency",
        T_col: str = "T",
    ) -> pd.Series:
        """Probability that each customer is still active ("alive") at T.

        Fader, Hardie & Lee (2008), "Computing P(alive) using the BG/NBD
        model", technical note 021 (brucehardie.com/notes/021; the 2005
        paper itself does not give it)::

            P(alive | x, t_x, T) = 1 / (1 + [x>0] * a/(b+x-1) * ((alpha+T)/(alpha+t_x))**(r+x))

        A one-time buyer (x = 0) is alive with probability 1 in this model
        (a drop-out can only happen after a repeat purchase).

        Parameters
        ----------
        summary : DataFrame
            ``frequency``, ``recency`` and ``T`` in the fitted time unit.

        Returns
        -------
        Series
            ``p_alive`` per customer (index of ``summary``).

        Examples
        --------
        >>> import pandas as pd
        >>> model = BetaGeo()
        >>> model.params_ = pd.Series({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
        >>> one = pd.DataFrame({"frequency": [2], "recency": [30.43], "T": [38.86]})
        >>> round(float(model.p_alive(one).iloc[0]), 3)
        0.727
        """
        d = self._data(summary, {"frequency_col": frequency_col, "recency_col": recency_col, "T_col": T_col})
        r, alpha, a, b = self.params_[["r", "alpha", "a", "b"]].to_numpy()
        x, t_x, T = d["x"].to_numpy(), d["t_x"].to_numpy(), d["T"].to_numpy()
        repeat = x > 0
        b_x1 = np.where(repeat, b + x - 1, 1.0)
        log_c = np.where(repeat, np.log(a) - np.log(b_x1) + (r + x) * (np.log(alpha + T) - np.log(alpha + t_x)), -np.inf)
        from scipy.special import expit

        return pd.Series(expit(-log_c), index=summary.index, name="p_alive")

    def expected_purchases(
        self,
        summary: pd.DataFrame,
        t: float,
        *,
        frequency_col: str = "frequency",
        recency_col: str = "recency",
        T_col: str = "T",
    ) -> pd.Series:
        """Expected number of purchases of each customer in the next ``t`` time units.

        Fader, Hardie & Lee (2005), eq. (10), with 2F1 the Gaussian
        hypergeometric function (``scipy.special.hyp2f1``)::

            E[Y(t) | x, t_x, T] =
                (a+b+x-1)/(a-1) * [1 - ((alpha+T)/(alpha+T+t))**(r+x)
                                       * 2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))]
                / (1 + [x>0] * a/(b+x-1) * ((alpha+T)/(alpha+t_x))**(r+x))

        Parameters
        ----------
        summary : DataFrame
            ``frequency``, ``recency`` and ``T`` in the fitted time unit.
        t : float, or one per customer
            The horizon, in the summary's time unit (52 = a year in weeks); a
            list, array or Series gives each customer (in row order) its own,
            e.g. ``split["duration_holdout"]``.

        Returns
        -------
        Series
            ``expected_purchases`` per customer.

        Examples
        --------
        >>> import pandas as pd
        >>> model = BetaGeo()
        >>> model.params_ = pd.Series({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
        >>> one = pd.DataFrame({"frequency": [2], "recency": [30.43], "T": [38.86]})
        >>> round(float(model.expected_purchases(one, t=39).iloc[0]), 2)
        1.23
        """
        t = _number(t, "t")
        if isinstance(t, pd.Series):  # one horizon per customer, in the summary's row order
            t = t.to_numpy()
            if len(t) != len(summary):
                raise DataError(tr("t has {n} values but the summary has {n2} customers: give one "
                                   "horizon, or one per customer.", n=len(t), n2=len(summary)))
        if not np.all(np.asarray(t) >= 0):
            raise DataError(tr("t must be a time of 0 or more (in the summary's time unit), but {t} was "
                               "given.", t=t))
        d = self._data(summary, {"frequency_col": frequency_col, "recency_col": recency_col, "T_col": T_col})
        x, t_x, T = d["x"].to_numpy(), d["t_x"].to_numpy(), d["T"].to_numpy()
        return pd.Series(self._expected(x, t_x, T, t), index=summary.index, name="expected_purchases")

    def expected_purchases_population(self, t: Any) -> Any:
        """Expected repeat purchases of a new customer in the first ``t`` time units (unconditional).

        Fader, Hardie & Lee (2005), "'Counting your customers' the easy way",
        *Marketing Science* 24(2), the expression for E[X(t)] (eq. 9 of the
        paper; ``lifetimes``' ``expected_number_of_purchases_up_to_time``):
        for a customer picked at random, with no history known, the number
        of repeat purchases in (0, t] after the first purchase at time 0::

            E[X(t)] = (a+b-1)/(a-1) * [1 - (alpha/(alpha+t))**r * 2F1(r, b; a+b-1; t/(alpha+t))]

        (2F1 = the Gaussian hypergeometric function). Summed over customers
        from each customer's first purchase, it draws the tracking chart of
        predicted against actual purchases (:func:`purchase_tracking`).

        Parameters
        ----------
        t : float, list or array
            Time(s) since the first purchase, in the fitted time unit (0 or more).

        Returns
        -------
        float or ndarray
            The expected number of repeat purchases, one per ``t``.

        Raises
        ------
        DataError
            The model is not fitted, ``t`` is negative or not a number, or ``a`` is 1.

        Examples
        --------
        >>> import pandas as pd
        >>> model = BetaGeo()
        >>> model.params_ = pd.Series({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
        >>> round(model.expected_purchases_population(39), 4)   # CDNOW parameters, 39 weeks
        1.1967
        >>> model.expected_purchases_population([0, 52, 78]).round(3).tolist()
        [0.0, 1.446, 1.861]
        >>> model.expected_purchases_population(-1)
        Traceback (most recent call last):
        ...
        custlearn.DataError: t must be a time of 0 or more (in the model's time unit), but -1 was given. ...
        """
        from scipy.special import hyp2f1

        _not_fitted(self)
        arr = np.asarray(_number(t, "t"), dtype=float)
        if not (arr >= 0).all() or not np.isfinite(arr).all():
            shown = arr[~((arr >= 0) & np.isfinite(arr))][0] if arr.ndim else arr
            raise DataError(tr("t must be a time of 0 or more (in the model's time unit), but {shown:g} "
                               "was given. Give the time since the first purchase, e.g. t=52 for a year in weeks.",
                               shown=shown))
        r, alpha, a, b = self.params_[["r", "alpha", "a", "b"]].to_numpy()
        if abs(a - 1) < 1e-12:
            raise DataError(tr("The BG/NBD expectation needs a != 1 (Fader, Hardie & Lee 2005); refit or "
                               "check the parameters."))
        out = (a + b - 1) / (a - 1) * (1 - (alpha / (alpha + arr)) ** r * hyp2f1(r, b, a + b - 1, arr / (alpha + arr)))
        out = out + 0.0  # no "-0.0" at t = 0
        return float(out) if out.ndim == 0 else out

    def _expected(self, x: np.ndarray, t_x: np.ndarray, T: np.ndarray, t: float) -> np.ndarray:
        """Eq. (10) of Fader, Hardie & Lee (2005) on checked arrays."""
        from scipy.special import hyp2f1

        r, alpha, a, b = self.params_[["r", "alpha", "a", "b"]].to_numpy()
        if abs(a - 1) < 1e-12:
            raise DataError(tr("The BG/NBD expectation needs a != 1 (eq. 10 of Fader, Hardie & Lee 2005)."))
        rx = r + x
        first = (a + b + x - 1) / (a - 1)
        hyper = hyp2f1(rx, b + x, a + b + x - 1, t / (alpha + T + t))
        second = 1 - ((alpha + T) / (alpha + T + t)) ** rx * hyper
        repeat = x > 0
        b_x1 = np.where(repeat, b + x - 1, 1.0)
        denominator = 1 + repeat * (a / b_x1) * ((alpha + T) / (alpha + t_x)) ** rx
        return first * second / denominator


def _check_same_unit(summary: pd.DataFrame, unit: str, *, what: str) -> None:
    stored = summary.attrs.get("time_unit") if isinstance(summary, pd.DataFrame) else None
    if stored is not None and stored != unit:
        raise DataError(
            tr('The summary is in {stored} (summary.attrs["time_unit"]), but {what} on a summary in '
               '{unit}. Rebuild the summary with clv_summary(..., time_unit="{unit}") or refit the model '
               "on this one.", stored=stored, what=what, unit=unit)
        )


# --------------------------------------------------------------------------
# Gamma-Gamma
# --------------------------------------------------------------------------


def _gg_loglik(params: np.ndarray, x: np.ndarray, m: np.ndarray, *, gradient: bool = False) -> Any:
    """Gamma-Gamma log-likelihood of each repeat customer (Fader & Hardie 2013, note 025)::

        ln L = ln G(px+q) - ln G(px) - ln G(q) + q ln v + (px-1) ln m + px ln x - (px+q) ln(v + x m)
    """
    from scipy.special import digamma, gammaln

    p, q, v = params
    px = p * x
    ln_vxm = np.log(v + x * m)
    ll = (gammaln(px + q) - gammaln(px) - gammaln(q) + q * np.log(v)
          + (px - 1) * np.log(m) + px * np.log(x) - (px + q) * ln_vxm)
    if not gradient:
        return ll
    psi = digamma(px + q)
    d_p = x * (psi - digamma(px) + np.log(m) + np.log(x) - ln_vxm)
    d_q = psi - digamma(q) + np.log(v) - ln_vxm
    d_v = q / v - (px + q) / (v + x * m)
    return ll, (d_p, d_q, d_v)


class GammaGamma:
    """The Gamma-Gamma model of spend per purchase.

    Lesson 05, framework: Colombo & Jiang (1999), "A stochastic RFM model",
    *Journal of Interactive Marketing* 13(3), and Fader, Hardie & Lee (2005),
    "RFM and CLV: using iso-value curves for customer base analysis",
    *Journal of Marketing Research* 42(4), 415-430 (and Fader & Hardie 2013,
    "The Gamma-Gamma model of monetary value"). Each purchase of a customer
    costs Gamma(p, nu); the customer's ``nu`` varies as Gamma(q, v) - so a
    customer's mean spend is ``p / nu`` and the population mean is
    ``p v / (q - 1)``. The likelihood of a customer with x repeat purchases
    of mean value m is::

        L = G(px+q) / (G(px) G(q)) * v**q * m**(px-1) * x**px / (v + x m)**(px+q)

    fitted by maximum likelihood (log-parameters, scipy L-BFGS-B, analytic
    gradient) on customers with ``frequency > 0``. The model assumes spend
    and purchase frequency are independent: check the correlation of
    ``frequency`` and ``monetary_value`` first (it should be near 0).

    Attributes (after ``fit``)
    --------------------------
    params_ : Series
        ``p``, ``q``, ``v``.
    log_likelihood_ : float
    edge_ : list of str
        Parameters at the edge of the search range (see :class:`BetaGeo`).

    Examples
    --------
    Simulate spend for 3000 repeat customers and recover the parameters:

    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(7)
    >>> x = rng.integers(1, 10, 3000)                    # repeat purchases
    >>> nu = rng.gamma(4.0, 1 / 15.0, 3000)              # nu ~ Gamma(q=4, v=15)
    >>> m = rng.gamma(6.0 * x, 1 / (x * nu))             # mean of x spends ~ Gamma(p=6, nu)
    >>> summary = pd.DataFrame({"frequency": x, "monetary_value": m})
    >>> model = GammaGamma().fit(summary)
    >>> [round(float(v), 1) for v in model.params_]      # p, q, v
    [6.0, 4.0, 15.0]
    """

    def __init__(self) -> None:
        self.params_: pd.Series | None = None
        self.log_likelihood_: float | None = None
        self.edge_: list[str] = []

    def __repr__(self) -> str:
        if self.params_ is None:
            return "GammaGamma() (not fitted)"
        shown = ", ".join(f"{k}={v:.4g}" for k, v in self.params_.items())
        return f"GammaGamma({shown}{_edge_note(self.edge_)})"

    @staticmethod
    def _data(summary: pd.DataFrame, frequency_col: str, monetary_col: str) -> pd.DataFrame:
        d = _require_summary(summary, frequency_col=frequency_col, recency_col=None, T_col=None,
                             monetary_col=monetary_col)
        bad = (d["x"] > 0) & ~(d["m"] > 0)
        if bad.any():
            raise DataError(
                tr('The Gamma-Gamma model needs a positive "{monetary_col}" for every customer with '
                   "repeat purchases, but {n} have 0 or less (first: {index}). Drop free orders or "
                   "refunds from the orders before clv_summary(...).",
                   monetary_col=monetary_col, n=int(bad.sum()), index=summary.index[bad.to_numpy()][0])
            )
        return d

    def fit(
        self,
        summary: pd.DataFrame,
        *,
        frequency_col: str = "frequency",
        monetary_col: str = "monetary_value",
    ) -> GammaGamma:
        """Estimate p, q, v by maximum likelihood on the repeat customers.

        Parameters
        ----------
        summary : DataFrame
            From :func:`clv_summary`: ``frequency`` and ``monetary_value``.
        frequency_col, monetary_col : str
            Column names.

        Returns
        -------
        GammaGamma
            The fitted model (``self``).

        Raises
        ------
        DataError
            Missing columns, non-positive spend of a repeat customer, fewer
            than 2 repeat customers, or a likelihood that cannot be computed.
        """
        d = self._data(summary, frequency_col, monetary_col)
        d = d[d["x"] > 0]
        if len(d) < 2:
            raise DataError(
                tr("The Gamma-Gamma model is fitted on customers with repeat purchases, but only {n} have "
                   "any. Use a longer observation period.", n=len(d))
            )
        (x, m), w = _unique_rows(d["x"].to_numpy(), d["m"].to_numpy())
        n = w.sum()

        def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
            params = np.exp(theta)
            ll, grads = _gg_loglik(params, x, m, gradient=True)
            grad = np.array([np.dot(w, g) for g in grads]) * params
            return -np.dot(w, ll) / n, -grad / n

        # Start: p = 1, q = 2, v = mean spend (so the population mean p v / (q - 1) = mean spend).
        theta0 = np.log([1.0, 2.0, float(np.dot(w, m) / n)])
        result, self.edge_ = _minimize(objective, theta0, ["p", "q", "v"], "Gamma-Gamma")
        self.params_ = pd.Series(np.exp(result.x), index=["p", "q", "v"], name="Gamma-Gamma")
        self.log_likelihood_ = float(-result.fun * n)
        return self

    def expected_spend(
        self,
        summary: pd.DataFrame,
        *,
        frequency_col: str = "frequency",
        monetary_col: str = "monetary_value",
    ) -> pd.Series:
        """Expected spend per purchase of each customer.

        Fader & Hardie (2013), "The Gamma-Gamma model of monetary value",
        technical note 025, eq. (5) (also Fader, Hardie & Lee 2005b): a weighted average of the
        population mean ``p v / (q - 1)`` and the customer's own mean ``m``,
        with more weight on ``m`` the more purchases it rests on::

            E[M | p, q, v, m, x] = (q - 1)/(p x + q - 1) * p v/(q - 1) + p x/(p x + q - 1) * m
                                 = p (v + x m) / (p x + q - 1)

        Customers with ``frequency = 0`` get the population mean.

        Returns
        -------
        Series
            ``expected_spend`` per customer.

        Examples
        --------
        >>> import pandas as pd
        >>> model = GammaGamma()
        >>> model.params_ = pd.Series({"p": 6.25, "q": 3.74, "v": 15.44})
        >>> one = pd.DataFrame({"frequency": [0, 2], "monetary_value": [0.0, 22.35]})
        >>> model.expected_spend(one).round(2).tolist()
        [35.22, 24.66]
        """
        _not_fitted(self)
        d = self._data(summary, frequency_col, monetary_col)
        p, q, v = self.params_[["p", "q", "v"]].to_numpy()
        if q <= 1:
            raise DataError(
                tr("The fitted q = {q:.3g} is 1 or less, so the model's average spend is infinite. Check "
                   "the spend data for extreme values.", q=q)
            )
        x, m = d["x"].to_numpy(), np.where(d["x"].to_numpy() > 0, d["m"].to_numpy(), 0.0)
        return pd.Series(p * (v + x * m) / (p * x + q - 1), index=summary.index, name="expected_spend")


# --------------------------------------------------------------------------
# CLV from the two models
# --------------------------------------------------------------------------

#: Average days per month (365.25 / 12).
DAYS_PER_MONTH = 365.25 / 12

#: The units a CLV horizon may be given in (``clv(..., horizon=, horizon_unit=)``).
HORIZON_UNITS = ("months", "weeks", "days")


def _horizon(months: Any, horizon: Any, horizon_unit: Any) -> tuple[int, str]:
    """The horizon as (whole number of steps, unit of a step): ``months=`` or ``horizon=`` + ``horizon_unit=``."""
    require_choice(horizon_unit, list(HORIZON_UNITS), argument="horizon_unit")
    if months is not None and horizon is not None:
        raise DataError(
            tr("Give the horizon once: months={months!r} and horizon={horizon!r} were both given. Use "
               'months=12, or horizon=39, horizon_unit="weeks".', months=months, horizon=horizon)
        )
    if horizon is None:
        given, unit, argument = (12 if months is None else months), "months", "months"
    else:
        given, unit, argument = horizon, horizon_unit, "horizon"
    if isinstance(given, (int, float, np.integer, np.floating)) and not isinstance(given, bool) \
            and np.isfinite(given) and given >= 1 and given % 1 != 0 and unit != "days":
        smaller = "weeks" if unit == "months" else "days"
        per = {"months": DAYS_PER_MONTH / 7, "weeks": 7.0}[unit]
        raise DataError(
            tr("{argument} must be a whole number of {unit}, but {given:g} was given. A horizon that is "
               "not a whole number of {unit} can be given in {smaller}: e.g. horizon={given2}, "
               'horizon_unit="{smaller}".',
               argument=argument, unit=unit, given=given, smaller=smaller, given2=round(given * per))
        )
    return require_positive_int(given, argument=argument), unit


def _monthly_rate(discount_rate: Any, rate_per: Any) -> float:
    """The discount rate per month; an annual rate is converted, a monthly one above 10% refused."""
    require_choice(rate_per, ["month", "year"], argument="rate_per")
    rate = require_fraction(discount_rate, argument="discount_rate", closed=True, example="0.1")
    if rate_per == "year":
        return (1 + rate) ** (1 / 12) - 1
    if rate > 0.10:
        raise DataError(
            tr("discount_rate={rate:g} per month is {value:.0%} a year: that is probably an annual rate. "
               'Pass rate_per="year" (it is converted to (1 + rate) ** (1/12) - 1 per month), or a '
               "monthly rate such as 0.01.", rate=rate, value=(1 + rate) ** 12 - 1)
        )
    return rate


def _prediction_unit(purchases_model: BetaGeo, summary: pd.DataFrame, time_unit: str | None) -> str:
    """The summary's time unit (argument, attrs or the model's), checked against the model's."""
    unit = _time_unit_of(summary, time_unit) or purchases_model.time_unit_
    if unit is None:
        raise DataError(
            tr("The time unit of the summary is unknown, so times cannot be converted. Pass "
               'time_unit="days" or "weeks" (the unit of recency and T), or make the summary with '
               "clv_summary(..., time_unit=...).")
        )
    if purchases_model.time_unit_ is not None and purchases_model.time_unit_ != unit:
        raise DataError(
            tr("The BetaGeo model was fitted on a summary in {time_unit_}, but this summary is in {unit}. "
               "Use the same time unit for fitting and predicting.",
               time_unit_=purchases_model.time_unit_, unit=unit)
        )
    return unit


def clv(
    purchases_model: BetaGeo,
    spend_model: GammaGamma,
    summary: pd.DataFrame,
    *,
    months: int | None = None,
    horizon: float | None = None,
    horizon_unit: str = "months",
    discount_rate: float = 0.01,
    rate_per: str = "month",
    time_unit: str | None = None,
    days_per_month: float = DAYS_PER_MONTH,
    frequency_col: str = "frequency",
    recency_col: str = "recency",
    T_col: str = "T",
    monetary_col: str = "monetary_value",
) -> pd.DataFrame:
    """Customer lifetime value over a horizon (12 months by default) from BG/NBD and Gamma-Gamma.

    Lesson 05, framework: probabilistic CLV (Fader, Hardie & Lee 2005,
    "RFM and CLV: using iso-value curves", *JMR* 42(4)); the discounted sum
    follows ``lifetimes``' ``customer_lifetime_value``. The horizon is cut
    into steps of its unit (months, weeks or days); step ``k`` brings the
    purchases expected in it times the expected spend, discounted to today
    at the monthly rate ``d`` for the time elapsed at the step's end, in
    months (cash at the end of each step)::

        CLV = sum_k  E[spend] * (E[Y(k L)] - E[Y((k-1) L)]) / (1 + d)**(k L / month)

    where ``E[Y(t)]`` is :meth:`BetaGeo.expected_purchases` and ``L`` is one
    step in the summary's time unit. With months (``months=12``, the
    default, or ``horizon=12, horizon_unit="months"``) a step is a month of
    ``days_per_month`` days (30.44 days or 4.35 weeks) and the exponent is
    simply ``k``: exactly ``lifetimes``' sum. A horizon that is not a whole
    number of months is given in weeks or days: ``horizon=39,
    horizon_unit="weeks"`` sums 39 weekly steps, each discounted for
    ``7 k / days_per_month`` months. Without discounting the CLV is
    ``E[spend] * E[Y(horizon)]`` in any unit; with discounting, finer steps
    discount each purchase for when it comes, so 52 weeks and 12 months
    (364 and 365.25 days) differ by well under 1%. Spend is in the orders'
    money: use margins rather than revenue in ``monetary_value`` for a
    profit CLV.

    Units are checked: the summary's time unit (``time_unit=`` or
    ``summary.attrs["time_unit"]`` set by :func:`clv_summary`) must be known
    and agree with the one the BG/NBD model was fitted on; an annual rate
    (``rate_per="year"``) is converted to a monthly one as
    ``(1 + annual) ** (1/12) - 1``; a monthly rate above 10% is refused as a
    likely annual rate.

    Parameters
    ----------
    purchases_model : BetaGeo
        Fitted on a summary in the same time unit.
    spend_model : GammaGamma
        Fitted.
    summary : DataFrame
        ``frequency``, ``recency``, ``T``, ``monetary_value`` per customer.
    months : int, optional
        Horizon in whole months (12 when no horizon is given).
    horizon : int, optional
        Horizon in ``horizon_unit`` (instead of ``months``), a whole number.
    horizon_unit : {"months", "weeks", "days"}, default "months"
        The unit of ``horizon`` and the length of a discounting step.
    discount_rate : float, default 0.01
        Discount rate per ``rate_per``.
    rate_per : {"month", "year"}
        The period of ``discount_rate``.
    time_unit : {"days", "weeks"}, optional
        Unit of recency and T, if the summary does not carry it.
    days_per_month : float, default 365.25 / 12
        Length of a month in days (``lifetimes`` uses 30 for daily and
        4.345 weeks for weekly data).

    Returns
    -------
    DataFrame
        Per customer: ``expected_purchases`` (in the horizon),
        ``expected_spend`` (per purchase) and ``clv`` (discounted money).

    Raises
    ------
    DataError
        Unfitted models, unknown or inconsistent time units, a rate out of
        range, a horizon given twice or not whole, or a bad summary.

    Examples
    --------
    >>> import pandas as pd
    >>> bg, gg = BetaGeo(), GammaGamma()
    >>> bg.params_ = pd.Series({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
    >>> gg.params_ = pd.Series({"p": 6.25, "q": 3.74, "v": 15.44})
    >>> one = pd.DataFrame({"frequency": [2], "recency": [30.43], "T": [38.86],
    ...                     "monetary_value": [22.35]})
    >>> out = clv(bg, gg, one, months=12, discount_rate=0.01, time_unit="weeks")
    >>> round(float(out["clv"].iloc[0]), 2)
    36.31
    >>> weeks = clv(bg, gg, one, horizon=52, horizon_unit="weeks", discount_rate=0.01, time_unit="weeks")
    >>> round(float(weeks["clv"].iloc[0]), 2)
    36.3
    >>> clv(bg, gg, one, months=8.97, time_unit="weeks")
    Traceback (most recent call last):
    ...
    custlearn.DataError: months must be a whole number of months, but 8.97 was given. A horizon that is not a whole number of months can be given in weeks: e.g. horizon=39, horizon_unit="weeks".
    >>> clv(bg, gg, one.rename(columns={"T": "age"}), time_unit="weeks")
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "T" is not in the summary table. ... Note: summary["T"] is the column, summary.T is the transpose.
    """
    if not isinstance(purchases_model, BetaGeo) or not isinstance(spend_model, GammaGamma):
        raise DataError(
            tr("clv(purchases_model, spend_model, summary): give a fitted BetaGeo and a fitted "
               "GammaGamma, but got {kind} and {kind2}.",
               kind=type(purchases_model).__name__, kind2=type(spend_model).__name__)
        )
    _not_fitted(purchases_model)
    _not_fitted(spend_model)
    steps, unit_of_step = _horizon(months, horizon, horizon_unit)
    monthly = _monthly_rate(discount_rate, rate_per)
    unit = _prediction_unit(purchases_model, summary, time_unit)
    dpm = require_number(days_per_month, argument="days_per_month", minimum=27, maximum=32, example="30.4375")
    step_days = {"months": dpm, "weeks": 7.0, "days": 1.0}[unit_of_step]
    step = step_days / TIME_UNITS[unit]

    spend = spend_model.expected_spend(summary, frequency_col=frequency_col, monetary_col=monetary_col)
    d = purchases_model._data(summary, {"frequency_col": frequency_col, "recency_col": recency_col, "T_col": T_col})
    x, t_x, T = d["x"].to_numpy(), d["t_x"].to_numpy(), d["T"].to_numpy()
    value = np.zeros(len(summary))
    previous = np.zeros(len(summary))
    for k in range(1, steps + 1):
        cumulative = purchases_model._expected(x, t_x, T, k * step)  # E[Y(k steps)]
        value += (cumulative - previous) / (1 + monthly) ** (k * step_days / dpm)
        previous = cumulative
    return pd.DataFrame(
        {
            "expected_purchases": previous,
            "expected_spend": spend.to_numpy(),
            "clv": spend.to_numpy() * value,
        },
        index=summary.index,
    )


def simulate_bgnbd(
    customers: int,
    r: float,
    alpha: float,
    a: float,
    b: float,
    T: float,
    *,
    seed: int = 0,
    day_grid: bool = False,
) -> pd.DataFrame:
    """A summary table (``frequency``, ``recency``, ``T``) drawn from the BG/NBD story itself.

    Lesson 05: the way to see what a fitted :class:`BetaGeo` can recover is to
    fit it on customers who really follow the model (Fader, Hardie & Lee 2005):
    purchase rates λ ~ Gamma(r, α), drop-out chances p ~ Beta(a, b); while alive
    a customer buys as a Poisson process, and after each repeat purchase leaves
    with probability p. Every customer is observed for ``T`` time units after
    the first purchase. Used by the tests and the benchmark.

    Parameters
    ----------
    customers : int
        How many customers.
    r, alpha, a, b : float
        The BG/NBD parameters (``alpha`` and ``T`` in the same time unit).
    T : float
        The observation length.
    seed : int
        Seed of the random numbers (same seed, same table).
    day_grid : bool
        Round ``recency`` to whole days, as :func:`clv_summary` with
        ``time_unit="weeks"`` gives (``T`` in weeks).

    Examples
    --------
    >>> s = simulate_bgnbd(1000, r=0.5, alpha=5.0, a=1.0, b=3.0, T=52.0, seed=1)
    >>> list(s.columns), bool((s["recency"] <= s["T"]).all())
    (['frequency', 'recency', 'T'], True)
    """
    customers = require_positive_int(customers, argument="customers")
    for name, value in {"r": r, "alpha": alpha, "a": a, "b": b, "T": T}.items():
        require_positive(value, argument=name)
    rng = np.random.default_rng(seed)
    lam = rng.gamma(r, 1 / alpha, customers)
    p = rng.beta(a, b, customers)
    bought = rng.poisson(lam * T)                 # purchases a never-leaving customer would make
    x = np.minimum(rng.geometric(p), bought)      # repeat purchases before leaving
    # Given `bought` purchases in (0, T], the x-th one falls at T times a Beta(x, bought - x + 1) draw.
    t_x = np.where(x > 0, T * rng.beta(np.maximum(x, 1), bought - x + 1), 0.0)
    if day_grid:
        t_x = np.round(t_x * 7) / 7
    return pd.DataFrame({"frequency": x, "recency": t_x, "T": float(T)})
