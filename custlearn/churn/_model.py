"""Lesson 07, fourth step: a churn-risk score, judged honestly on a later period.

:func:`churn_risk_model` learns from the features at one cut-off and the
churn that followed, and is judged on a later cut-off, as it will be used;
:func:`gains_table` shows how many churners a campaign reaches when it
contacts the customers with the highest scores first.

scikit-learn is imported inside :func:`churn_risk_model` only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr
from custlearn._validate import (
    as_numeric_series,
    as_timestamp,
    require_positive,
    require_positive_int,
    require_window,
)
from custlearn.churn._define import _data_end, _kind, _labels, _window
from custlearn.churn._features import (
    _COLUMN_OPTIONS,
    _RECENT_DAYS,
    _SURVEY_COLS,
    _FeatureColumns,
    _features_at,
    _read_data,
    _survey_columns,
    churn_features,
)
from custlearn.churn._survival import _one_column

__all__ = ["ChurnRiskModel", "churn_risk_model", "gains_table"]


@dataclass(eq=False)
class ChurnRiskModel:
    """A fitted churn-risk score (returned by :func:`churn_risk_model`).

    Attributes
    ----------
    pipeline : sklearn Pipeline
        Median imputation, standard scaling, logistic regression.
    features : list of str
        The feature columns, in the model's order.
    train_cutoff, test_cutoff : Timestamp
    window_days : int
    kind : str
    auc : float
        Area under the ROC curve on the held-out (later) period.
    train_auc : float
        The same on the training period (compare: a large gap = overfitting).
    coefficients : DataFrame
        Per feature: ``coefficient`` (log-odds per standard deviation),
        ``odds_ratio``, ``sd`` and ``reading`` (in plain words).
    scores : DataFrame
        Held-out customers: ``churn_risk`` (predicted probability) and the
        later outcome ``churned``.
    """

    pipeline: Any
    features: list[str]
    train_cutoff: pd.Timestamp
    test_cutoff: pd.Timestamp
    window_days: int
    kind: str
    auc: float
    train_auc: float
    coefficients: pd.DataFrame = field(repr=False)
    scores: pd.DataFrame = field(repr=False)
    _feature_kwargs: dict = field(default_factory=dict, repr=False)

    def __repr__(self) -> str:
        return tr("ChurnRiskModel({kind}, window {window_days} days; trained at {train_cutoff}, tested at "
                  "{test_cutoff}: held-out AUC {auc:.3f}, training AUC {train_auc:.3f})", kind=self.kind,
                  window_days=self.window_days, train_cutoff=self.train_cutoff.date(),
                  test_cutoff=self.test_cutoff.date(), auc=self.auc, train_auc=self.train_auc)

    def score(self, dataset: Any, cutoff: Any) -> pd.DataFrame:
        """Churn risk of every customer at ``cutoff`` (e.g. today, for the action list).

        Parameters
        ----------
        dataset : Dataset, dict or object with tables
            As in :func:`churn_features` (the model's column names are used).
        cutoff : date

        Returns
        -------
        DataFrame
            The features of :func:`churn_features` with a ``churn_risk``
            column (probability of churning in the next ``window_days``
            days), highest risk first; every customer, whatever
            ``active_days`` was.
        """
        features = churn_features(dataset, cutoff, kind=self.kind, **self._feature_kwargs)
        missing = [f for f in self.features if f not in features.columns]
        if missing:
            raise DataError(tr("The data at {cutoff} lack the model's feature(s) {missing}.",
                               cutoff=cutoff, missing=', '.join(missing)))
        out = features.copy()
        out["churn_risk"] = self.pipeline.predict_proba(features[self.features].astype(float))[:, 1]
        return out.sort_values("churn_risk", ascending=False, kind="stable")

    def gains(self, deciles: int = 10) -> pd.DataFrame:
        """:func:`gains_table` of the held-out scores, in ``deciles`` groups."""
        return gains_table(self.scores["churned"], self.scores["churn_risk"], deciles=deciles)


def churn_risk_model(
    dataset: Any,
    train_cutoff: Any = None,
    test_cutoff: Any = None,
    *,
    window_days: int | None = None,
    kind: str = "non-contractual",
    features: Sequence[str] | None = None,
    active_days: int | None = None,
    as_of: Any = None,
    C: float = 1.0,
    random_state: int = 0,
    **feature_kwargs: Any,
) -> ChurnRiskModel:
    """A churn-risk score from logistic regression, judged honestly on a later period.

    Lesson 07, framework: churn early warning (价值流失预警). The model
    learns from the past and is judged on the future, as it will be used::

        train: features at train_cutoff  ->  churned in (train_cutoff, train_cutoff + window]
        test:  features at test_cutoff   ->  churned in (test_cutoff,  test_cutoff + window]
        with train_cutoff + window <= test_cutoff (the training outcome is known at test time)

        P(churn) = 1 / (1 + exp(-(b0 + sum_j b_j * (x_j - mean_j) / sd_j)))

    The pipeline (scikit-learn) fills missing values with the training
    median, standardises each feature and fits an L2-penalised logistic
    regression (``C``; ``random_state`` fixed). Each coefficient is the change
    in log-odds of churning for one standard deviation more of the feature;
    ``exp(b)`` is the odds ratio. The held-out AUC (Hanley & McNeil 1982) is
    the probability that a random churner gets a higher score than a random
    stayer (0.5 = coin toss, 1 = perfect ranking).

    Sources: Neslin et al. (2006), *JMR* 43(2) (churn models judged on a
    later validation sample, top-decile lift); Hanley, J. A. & McNeil, B. J.
    (1982). The meaning and use of the area under a ROC curve. *Radiology*
    143(1), 29-36; Hosmer, D. W., Lemeshow, S. & Sturdivant, R. X. (2013).
    *Applied Logistic Regression*, 3rd ed., Wiley.

    Parameters
    ----------
    dataset : Dataset, dict or object with tables
        As in :func:`churn_features`.
    train_cutoff, test_cutoff : date, optional
        Defaults: ``test_cutoff = as_of - window_days`` and ``train_cutoff =
        test_cutoff - window_days`` (the latest honest split).
    window_days : int, optional
        Default: non-contractual, the "at risk" gap of
        :func:`custlearn.lifecycle.default_thresholds` on all orders up to
        ``as_of`` (fixed once, so train and test use the same definition);
        contractual, 182 days.
    kind : {"non-contractual", "contractual"}
    features : sequence of str, optional
        Feature columns (default: every numeric column of
        :func:`churn_features`).
    active_days : int, optional
        Keep only customers who bought within this many days before each
        cut-off: an early warning for customers not yet lapsed (the AUC on
        everyone is flattered by customers long gone).
    as_of : date, optional
        Last day observed (default: ``dataset.as_of`` or the last order).
    C : float
        Inverse strength of the L2 penalty (scikit-learn).
    random_state : int
    **feature_kwargs
        Passed to :func:`churn_features` (column names, ``survey_cols``).

    Returns
    -------
    ChurnRiskModel
        With ``auc`` (held-out), ``train_auc``, ``coefficients``, ``scores``,
        ``pipeline``; ``.score(dataset, cutoff)`` ranks customers at any date
        and ``.gains()`` gives the held-out :func:`gains_table`.

    Raises
    ------
    DataError
        Windows that overlap or end after the data, a feature that is not
        there, one class only (nobody or everybody churned), bad arguments.

    Examples
    --------
    300 customers who buy every 5-60 days until a day of their own (then stop):

    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(1)
    >>> ids = np.arange(1, 301)
    >>> gap, stop = rng.integers(5, 60, size=300), rng.integers(30, 366, size=300)
    >>> rows = [(c, pd.Timestamp("2024-01-01") + pd.Timedelta(days=int(d)))
    ...         for c, g, s in zip(ids, gap, stop) for d in range(0, s, g)]
    >>> data = {"customers": pd.DataFrame({"customer_id": ids, "signup_date": pd.Timestamp("2024-01-01")}),
    ...         "orders": pd.DataFrame(rows, columns=["customer_id", "order_date"]).assign(amount=10.0)}
    >>> model = churn_risk_model(data, "2024-06-30", "2024-09-30", window_days=90, as_of="2024-12-31",
    ...                          returned_col=None, discount_col=None)
    >>> round(model.auc, 2)
    0.94
    >>> model.coefficients.index[0]
    'recency_days'
    """
    kind = _kind(kind)
    C = require_positive(C, argument="C", example="1.0")
    random_state = require_positive_int(random_state, argument="random_state", minimum=0)
    active_days = None if active_days is None else require_window(active_days, argument="active_days")
    cols, survey_cols, recent_days = _feature_options(feature_kwargs)
    data = _read_data(dataset, kind, cols, survey_cols)
    end = _data_end(data.orders, cols.date_col, getattr(dataset, "as_of", None) if as_of is None else as_of)
    window_days = _window(window_days, data.orders, end, kind, cols)
    train_cutoff, test_cutoff = _time_split(train_cutoff, test_cutoff, end, window_days)

    def learning_table(cutoff: pd.Timestamp) -> tuple[pd.DataFrame, pd.Series]:
        """Features at the cut-off, and whether each customer churned in the window after it."""
        x = _features_at(data, cutoff, kind, cols, survey_cols, recent_days)
        y = _labels(data.customers, data.orders, cutoff, window_days, end, kind, cols)["churned"]
        x = x.loc[x.index.isin(y.index)]
        if active_days is not None:       # an early warning for customers not yet lapsed
            x = x[x["recency_days"] <= active_days]
        return x, y.reindex(x.index)

    x_train, y_train = learning_table(train_cutoff)
    x_test, y_test = learning_table(test_cutoff)
    features = _feature_list(features, x_train)
    _check_both_outcomes(y_train, tr("training"))
    _check_both_outcomes(y_test, tr("test"))
    pipeline = _fit(x_train[features], y_train, C, random_state)
    risk_train = pipeline.predict_proba(x_train[features].astype(float))[:, 1]
    risk_test = pipeline.predict_proba(x_test[features].astype(float))[:, 1]

    from sklearn.metrics import roc_auc_score

    return ChurnRiskModel(
        pipeline=pipeline, features=features, train_cutoff=train_cutoff, test_cutoff=test_cutoff,
        window_days=window_days, kind=kind,
        auc=float(roc_auc_score(y_test.astype(int), risk_test)),
        train_auc=float(roc_auc_score(y_train.astype(int), risk_train)),
        coefficients=_coefficients(pipeline, features),
        scores=pd.DataFrame({"churn_risk": risk_test, "churned": y_test.astype(bool).to_numpy()}, index=x_test.index),
        _feature_kwargs=dict(feature_kwargs),
    )


def _feature_options(feature_kwargs: dict[str, Any]) -> tuple[_FeatureColumns, tuple[str, ...], int]:
    """The keywords meant for :func:`churn_features`: column names, ``survey_cols``, ``recent_days``."""
    allowed = (*_COLUMN_OPTIONS, "survey_cols", "recent_days")
    unknown = [k for k in feature_kwargs if k not in allowed]
    if unknown:
        raise DataError(
            tr("churn_risk_model passes its extra keywords to churn_features, which has no {unknown}=. "
               "Its keywords are: {allowed}.", unknown=unknown[0], allowed=', '.join(allowed))
        )
    cols = _FeatureColumns(**{k: v for k, v in feature_kwargs.items() if k in _COLUMN_OPTIONS})
    survey_cols = _survey_columns(feature_kwargs.get("survey_cols", _SURVEY_COLS))
    recent_days = require_window(feature_kwargs.get("recent_days", _RECENT_DAYS), argument="recent_days")
    return cols, survey_cols, recent_days


def _time_split(train_cutoff: Any, test_cutoff: Any, end: pd.Timestamp,
                window_days: int) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The two cut-offs (default: the latest honest split); the training outcome must be known at test time."""
    step = pd.Timedelta(days=window_days)
    test_cutoff = end - step if test_cutoff is None else as_timestamp(test_cutoff, argument="test_cutoff").normalize()
    train_cutoff = (test_cutoff - step if train_cutoff is None
                    else as_timestamp(train_cutoff, argument="train_cutoff").normalize())
    if train_cutoff + step > test_cutoff:
        raise DataError(
            tr("The training outcome window ({train_cutoff} + {window_days} days = {train_cutoff2}) ends "
               "after test_cutoff {test_cutoff}: at test time the training outcome would not be known yet "
               "(a leak from the future). Choose train_cutoff on or before {test_cutoff2}.",
               train_cutoff=train_cutoff.date(), window_days=window_days,
               train_cutoff2=(train_cutoff + step).date(), test_cutoff=test_cutoff.date(),
               test_cutoff2=(test_cutoff - step).date())
        )
    return train_cutoff, test_cutoff


def _feature_list(features: Any, x_train: pd.DataFrame) -> list[str]:
    """The features asked for, or every numeric feature that varies in the training period."""
    if features is None:
        return [c for c in x_train.columns if pd.api.types.is_numeric_dtype(x_train[c]) and x_train[c].nunique() > 1]
    features = [features] if isinstance(features, str) else list(features)
    unknown = [f for f in features if f not in x_train.columns]
    if unknown:
        raise DataError(
            tr("features names {unknown}, which churn_features does not make. Choose among: {columns}.",
               unknown=', '.join(map(repr, unknown)), columns=', '.join(x_train.columns))
        )
    return features


def _check_both_outcomes(y: pd.Series, period: str) -> None:
    if len(y) == 0:
        raise DataError(tr("The {period} period has no customers.", period=period))
    if y.nunique() < 2:
        raise DataError(
            tr("In the {period} period every customer has the same outcome (churned = {churned} for all "
               "{n}), so there is nothing to learn or judge. Change the cut-offs or window_days.",
               period=period, churned=bool(y.iloc[0]), n=len(y))
        )


def _fit(x: pd.DataFrame, y: pd.Series, C: float, random_state: int) -> Any:
    """Fill missing values with the training median, standardise, fit an L2-penalised logistic regression."""
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    pipeline = Pipeline([
        ("fill_missing", SimpleImputer(strategy="median")),
        ("standardise", StandardScaler()),
        ("logistic", LogisticRegression(C=C, max_iter=1000, random_state=random_state)),
    ])
    return pipeline.fit(x.astype(float), y.astype(int))


def _coefficients(pipeline: Any, features: list[str]) -> pd.DataFrame:
    """Each feature's coefficient (per standard deviation), its odds ratio and a reading in words."""
    coef = pipeline.named_steps["logistic"].coef_[0]
    sd = pipeline.named_steps["standardise"].scale_
    odds = np.exp(coef)
    constant = pipeline.named_steps["standardise"].var_ == 0
    reading = [
        f"{f} is constant in the training period: it carries no information" if flat else
        f"+1 SD ({s:.3g}) of {f} {'raises' if b >= 0 else 'lowers'} the odds of churning x{o:.2f}"
        for f, b, s, o, flat in zip(features, coef, sd, odds, constant)
    ]
    table = pd.DataFrame({"coefficient": coef, "odds_ratio": odds, "sd": sd, "reading": reading},
                         index=pd.Index(features, name="feature"))
    return table.reindex(table["coefficient"].abs().sort_values(ascending=False).index)


def gains_table(y_true: Any, score: Any, deciles: int = 10) -> pd.DataFrame:
    """Gains and lift by decile of a risk score: how many churners a campaign reaches.

    Lesson 07: judging a churn score as a manager would use it. Sort the
    customers by score, highest first, cut them into ``deciles`` groups of
    (nearly) equal size (the first groups get one more customer when the
    count does not divide; ties are cut in the input order), then per group::

        churn_rate         = churners / customers
        cumulative_capture = churners in this and higher groups / all churners   (the gain)
        lift               = churn_rate / overall churn rate
        cumulative_lift    = cumulative churn rate / overall churn rate

    Top-decile lift 3 means that contacting the 10 % with the highest scores
    reaches three times as many churners as contacting 10 % at random.

    Sources: Neslin et al. (2006), *JMR* 43(2) (top-decile lift as a churn
    model's yardstick); Blattberg, R. C., Kim, B.-D. & Neslin, S. A. (2008).
    *Database Marketing: Analyzing and Managing Customers*, Springer (gains
    and lift charts).

    Parameters
    ----------
    y_true : list, array or Series of True/False (or 1/0)
        The later outcome: True if the customer churned.
    score : list, array or Series of numbers
        The risk score (higher = more likely to churn).
    deciles : int, default 10
        Number of groups (10 = deciles, 5 = quintiles).

    Returns
    -------
    DataFrame
        Index ``decile`` (1 = highest scores); columns ``customers``,
        ``churners``, ``churn_rate``, ``min_score``, ``max_score``,
        ``cumulative_customers`` (share), ``cumulative_capture``, ``lift``,
        ``cumulative_lift``.

    Raises
    ------
    DataError
        Missing values, lengths that differ, fewer customers than groups,
        no churner at all.

    Examples
    --------
    >>> g = gains_table([1, 1, 0, 1, 0, 0, 0, 0, 1, 0],
    ...                 [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05], deciles=5)
    >>> g[["customers", "churners", "cumulative_capture", "lift"]]
            customers  churners  cumulative_capture  lift
    decile
    1               2         2                0.50   2.5
    2               2         1                0.75   1.25
    3               2         0                0.75   0.0
    4               2         0                0.75   0.0
    5               2         1                1.00   1.25
    >>> gains_table([1, 0, 1], [0.9, 0.5, 0.1])
    Traceback (most recent call last):
    ...
    custlearn.DataError: There are 3 customers, fewer than the 10 groups asked for. Pass a smaller deciles=.
    """
    deciles = require_positive_int(deciles, argument="deciles")
    s = as_numeric_series(score, name="score")
    y = _one_column(y_true, "y_true").astype(object)
    y = as_numeric_series(y.map(lambda v: int(v) if isinstance(v, (bool, np.bool_)) else v), name="y_true")
    if len(y) != len(s):
        raise DataError(tr("y_true has {n} values but score has {n2}: give one outcome and one score per "
                           "customer.", n=len(y), n2=len(s)))
    if not y.isin([0, 1]).all():
        raise DataError(tr("y_true must be True/False (or 1/0), but {y!r} was found.", y=y[~y.isin([0, 1])].iloc[0]))
    if len(s) < deciles:
        raise DataError(
            tr("There are {n} customers, fewer than the {deciles} groups asked for. Pass a smaller "
               "deciles=.", n=len(s), deciles=deciles)
        )
    if y.sum() == 0:
        raise DataError(tr("No customer churned (y_true is all False): capture and lift are undefined."))
    order = np.argsort(-s.to_numpy(), kind="stable")       # highest score first, ties in input order
    ys, ss = y.to_numpy()[order], s.to_numpy()[order]
    group = np.concatenate([np.full(len(part), i + 1) for i, part in enumerate(np.array_split(ys, deciles))])
    frame = pd.DataFrame({"decile": group, "y": ys, "score": ss})
    table = frame.groupby("decile").agg(customers=("y", "size"), churners=("y", "sum"),
                                        min_score=("score", "min"), max_score=("score", "max"))
    table["churners"] = table["churners"].astype(int)
    overall = table["churners"].sum() / table["customers"].sum()
    table["churn_rate"] = table["churners"] / table["customers"]
    cum_customers = table["customers"].cumsum()
    cum_churners = table["churners"].cumsum()
    table["cumulative_customers"] = cum_customers / table["customers"].sum()
    table["cumulative_capture"] = cum_churners / table["churners"].sum()
    table["lift"] = table["churn_rate"] / overall
    table["cumulative_lift"] = (cum_churners / cum_customers) / overall
    return table[["customers", "churners", "churn_rate", "min_score", "max_score", "cumulative_customers",
                  "cumulative_capture", "lift", "cumulative_lift"]]


