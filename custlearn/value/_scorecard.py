"""Lesson 05: the evaluation indicator system (评估指标体系) - one scorecard per segment.

Deck 003 lists the indicators that judge a customer segment: lifetime value,
purchase frequency, satisfaction, retention rate and the referral index. The
course computes them in four lessons; :func:`indicator_scorecard` puts them
side by side for RFM segments or clusters. The formulas are the lessons':
CSAT top-box and the Wilson interval (lesson 03), NPS and its interval and
retention (lesson 04), CLV (this lesson) - taken from the ground floor
(``custlearn._stats``), so this lesson does not borrow from the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from custlearn._i18n import tr
from custlearn._stats import mean_bounds, nps_bounds, nps_counts, wilson_bounds
from custlearn._tables import Column, Scale, optional_column, read_customers, read_orders, read_surveys, read_table
from custlearn._validate import (
    DataError,
    _list,
    as_numeric_series,
    as_timestamp,
    require_choice,
    require_confidence,
    require_positive_int,
)

__all__ = ["indicator_scorecard", "Scorecard", "INDICATORS"]

#: The indicators of the scorecard, in the order of deck 003, with the label
#: shown on charts and the unit of the value.
INDICATORS = {
    "customers": ("Customers", "customers"),
    "clv": ("CLV per customer", "money per customer"),
    "purchase_frequency": ("Purchase days per customer", "purchase days per customer"),
    "satisfaction": ("Satisfied (CSAT top box)", "share of answers"),
    "retention": ("Retention rate", "share of customers"),
    "referrals": ("Referrals per customer", "referred customers per customer"),
    "nps": ("Net Promoter Score", "points"),
}
_PERIOD_NAMES = {"M": "month", "Q": "quarter", "Y": "year"}


@dataclass(frozen=True)
class Scorecard:
    """Result of :func:`indicator_scorecard`.

    ``table``: tidy, one row per segment and indicator, with ``value``,
    ``lower``, ``upper`` (the interval where the value is a sample
    estimate, else NaN), ``n`` (what the value rests on), ``unit`` and
    ``definition``. ``wide``: the values, segments as rows and indicators as
    columns. ``definitions``: each indicator's label, unit and definition.
    ``print(card)`` shows the values with their intervals.
    """

    table: pd.DataFrame
    wide: pd.DataFrame
    definitions: pd.DataFrame

    @staticmethod
    def format_value(value: float, unit: str) -> str:
        """A value as the scorecard shows it: shares in %, NPS in signed points, money and counts with commas.

        Examples
        --------
        >>> [Scorecard.format_value(v, u) for v, u in [(0.625, "share of answers"), (-16.07, "points"),
        ...                                            (4211, "customers"), (2.583, "purchase days per customer")]]
        ['62%', '-16', '4,211', '2.58']
        """
        if value is None or not np.isfinite(value):
            return "-"
        if unit.startswith("share"):
            return f"{value:.0%}"
        if unit == "points":
            return f"{value:+.0f}" if round(value) != 0 else "0"
        if unit in ("customers", "money per customer"):
            return f"{value:,.0f}"
        return f"{value:.2f}"

    def formatted(self) -> pd.DataFrame:
        """The wide view as text: each value with its interval, e.g. ``62% (55% to 68%)``."""
        def cell(row: pd.Series) -> str:
            text = self.format_value(row["value"], row["unit"])
            if np.isfinite(row["lower"]):
                text += f" ({self.format_value(row['lower'], row['unit'])} to " \
                        f"{self.format_value(row['upper'], row['unit'])})"
            return text

        cells = self.table.assign(text=self.table.apply(cell, axis=1))
        out = cells.pivot(index="segment", columns="indicator", values="text")
        return out.reindex(index=self.wide.index, columns=self.wide.columns).rename(
            columns=self.definitions["label"].to_dict())

    def __repr__(self) -> str:
        return tr("Indicator scorecard: value (interval, where it is a sample estimate)") + "\n" + \
            self.formatted().to_string()


# --------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------


def _read_segments(segments: Any, segment_col: str) -> pd.Series:
    """One label per customer (index = customer id), ordered: categories, or sorted labels."""
    from custlearn.value._cluster import CustomerClusters

    if isinstance(segments, CustomerClusters):
        names = {c: f"{c}: {name}" for c, name in segments.profiles["name"].items()}
        labels = segments.labels.map(names)
        return labels.astype(pd.CategoricalDtype(list(names.values()), ordered=True))
    if isinstance(segments, pd.DataFrame):
        segments = read_table(segments, [Column(segment_col, "label", "segment_col")], table="segments",
                              min_rows=1)[segment_col]
    if not isinstance(segments, pd.Series):
        kind = tr("nothing (None)") if segments is None else tr("a {kind}", kind=type(segments).__name__)
        raise DataError(tr("segments must be one label per customer (a Series indexed by customer id, or "
                           "a table with a {segment_col!r} column), but {kind} was given. Pass e.g. clusters.labels or "
                           "value.rfm_segments(scores).", segment_col=segment_col, kind=kind))
    if len(segments) == 0 or segments.isna().any():
        raise DataError(tr("segments has {n} missing label(s) among {n2}; every customer needs one. Drop "
                           "those customers first, or fill them with a label such as 'none'.",
                           n=int(segments.isna().sum()), n2=len(segments)))
    if segments.index.has_duplicates:
        raise DataError(tr("segments has repeated customer ids (e.g. {index}); one label per customer is "
                           "needed. Drop the repeats first.",
                           index=_list(segments.index[segments.index.duplicated()][:3])))
    return segments


def _groups(segments: pd.Series, overall: str | None) -> list[tuple[str, np.ndarray]]:
    """(name, mask over the customers) per segment, in order, then all customers together."""
    from custlearn.value._rfm import RFM_SEGMENT_RULES

    rfm_order = [*RFM_SEGMENT_RULES["segment"], "Others"]
    if isinstance(segments.dtype, pd.CategoricalDtype):
        names = [c for c in segments.cat.categories if (segments == c).any()]
    elif set(segments.unique()) <= set(rfm_order):  # RFM segments: in the order of the rules, best first
        names = [s for s in rfm_order if (segments == s).any()]
    else:
        try:
            names = sorted(segments.unique())
        except TypeError:  # labels of mixed kinds: keep the order they first appear in
            names = list(segments.unique())
    out = [(str(name), (segments == name).to_numpy()) for name in names]
    return out + ([(overall, np.ones(len(segments), dtype=bool))] if overall is not None else [])


def _tables(orders: Any, surveys: Any, customers: Any) -> tuple[Any, Any, Any]:
    """orders, surveys and customers from three tables or from one loaded dataset."""
    if hasattr(orders, "orders") and not isinstance(orders, pd.DataFrame):
        dataset = orders
        return dataset.orders, getattr(dataset, "surveys", None), getattr(dataset, "customers", None)
    return orders, surveys, customers


# --------------------------------------------------------------------------
# Per customer, then per group
# --------------------------------------------------------------------------


def _purchases(orders: Any, ids: pd.Index, as_of: Any, period: str, cols: dict[str, str]) -> tuple[pd.DataFrame, Any]:
    """Per customer: purchase days in the last period, active in the previous and the last period."""
    clean = read_orders(orders, customer_col=cols["customer"], date_col=cols["date"], min_rows=1)
    end = clean[cols["date"]].max() if as_of is None else as_timestamp(as_of).normalize()
    clean = clean[(clean[cols["date"]] <= end).to_numpy()]
    if not clean[cols["customer"]].isin(ids).any():
        raise DataError(tr("None of the {n:,} customers of the segments has an order on or before {end} "
                           "(ids such as {ids}; the orders have {clean}). Check that the segments are indexed by the "
                           "orders' customer ids.",
                           n=len(ids), end=end.date(), ids=_list(ids[:3]),
                           clean=_list(clean[cols['customer']].iloc[:3])))
    last = end.to_period(period)
    when = clean[cols["date"]].dt.to_period(period)
    days = clean[(when == last).to_numpy()].drop_duplicates([cols["customer"], cols["date"]])
    per = pd.DataFrame(index=ids)
    per["days"] = days.groupby(cols["customer"]).size().reindex(ids, fill_value=0).to_numpy()
    per["active_before"] = ids.isin(clean.loc[(when == last - 1).to_numpy(), cols["customer"]])
    per["active_last"] = per["days"] > 0
    return per, end


def _answers(surveys: Any, segments: pd.Series, end: Any, cols: dict[str, str]) -> pd.DataFrame:
    """The survey answers of the segments' customers up to ``end``: position of the customer, satisfaction, NPS."""
    scores = {cols["satisfaction"]: Scale(1, cols["scale"]), cols["recommend"]: Scale(0, 10)}
    clean = read_surveys(surveys, customer_col=cols["customer"], date_col=cols["survey_date"], scores=scores,
                         missing="keep", as_of=end, arguments={cols["satisfaction"]: "satisfaction_col",
                                                              cols["recommend"]: "recommend_col"})
    where = segments.index.get_indexer(clean[cols["customer"]])
    kept = where >= 0
    return pd.DataFrame({"customer": where[kept], "satisfaction": clean[cols["satisfaction"]].to_numpy()[kept],
                         "recommend": clean[cols["recommend"]].to_numpy()[kept]})


def _referrals(customers: Any, ids: pd.Index, end: Any, cols: dict[str, str]) -> np.ndarray | None:
    """Customers each customer referred (``referred_by``, signed up by ``end``); None without the column."""
    extra = optional_column(cols["referred_by"], "label", "referred_by_col", default="referred_by", missing="keep")
    people = read_customers(customers, customer_col=cols["customer"], extra=extra, min_rows=1,
                            signup_col=cols["signup"] if cols["signup"] in getattr(customers, "columns", []) else None)
    if cols["referred_by"] not in people.columns:
        return None
    named = people[people[cols["referred_by"]].notna().to_numpy()]
    if cols["signup"] in named.columns:
        named = named[(named[cols["signup"]] <= end).to_numpy()]
    referrer = read_table(named, [Column(cols["referred_by"], "id", "referred_by_col")], table="customers")
    return referrer[cols["referred_by"]].value_counts().reindex(ids, fill_value=0).to_numpy()


def _model_clv(orders: Any, ids: pd.Index, end: Any, cols: dict[str, str]) -> np.ndarray:
    """12-month CLV (spend, 10% a year) from BG/NBD + Gamma-Gamma fitted on the orders up to ``end``."""
    from custlearn.value._btyd import BetaGeo, GammaGamma, clv
    from custlearn.value._clv import clv_summary

    summary = clv_summary(orders, end, customer_col=cols["customer"], date_col=cols["date"],
                          amount_col=cols["amount"], time_unit="weeks")
    values = clv(BetaGeo().fit(summary), GammaGamma().fit(summary), summary, months=12, discount_rate=0.10,
                 rate_per="year")["clv"]
    return values.reindex(ids, fill_value=0.0).to_numpy()


def _given_clv(values: Any, ids: pd.Index) -> np.ndarray:
    if isinstance(values, pd.DataFrame):
        values = read_table(values, [Column("clv", "number", "clv")], table="clv")["clv"]
    s = as_numeric_series(values, name="clv")
    if not isinstance(values, pd.Series):
        raise DataError(tr("clv must be a Series indexed by customer id (e.g. value.clv(...)['clv']), so "
                           "that each value finds its customer. Give it an index, e.g. pd.Series(values, index=ids)."))
    lacking = ids.difference(s.index)
    if len(lacking):
        raise DataError(tr("clv has no value for {n} customer(s) of the segments (e.g. {lacking}). Pass "
                           "one value per customer, e.g. clv.reindex(segments.index, fill_value=0) if they have not "
                           "bought yet.", n=len(lacking), lacking=_list(lacking[:3])))
    return s[~s.index.duplicated()].reindex(ids).to_numpy(dtype=float)


def _rows(name: str, mask: np.ndarray, per: pd.DataFrame, answers: pd.DataFrame | None, top: int,
          confidence: float) -> list[tuple]:
    """(segment, indicator, value, lower, upper, n) for one group."""
    nan = np.nan
    rows = [(name, "customers", float(mask.sum()), nan, nan, int(mask.sum()))]
    if "clv" in per.columns:
        rows.append((name, "clv", float(per["clv"].to_numpy()[mask].mean()), nan, nan, int(mask.sum())))
    days = per["days"].to_numpy()[mask]
    rows.append((name, "purchase_frequency", float(days.mean()), *mean_bounds(days, confidence, floor=0.0), int(mask.sum())))
    if answers is not None:
        mine = answers[mask[answers["customer"].to_numpy()]]
        sat = mine["satisfaction"].dropna().to_numpy()
        rows.append((name, "satisfaction", float((sat >= top).mean()) if len(sat) else nan,
                     *wilson_bounds(int((sat >= top).sum()), len(sat), confidence), len(sat)))
    before = per["active_before"].to_numpy()[mask]
    kept = int((before & per["active_last"].to_numpy()[mask]).sum())
    rows.append((name, "retention", kept / before.sum() if before.sum() else nan,
                 *wilson_bounds(kept, int(before.sum()), confidence), int(before.sum())))
    if "referrals" in per.columns:
        made = per["referrals"].to_numpy()[mask]
        rows.append((name, "referrals", float(made.mean()), *mean_bounds(made, confidence, floor=0.0), int(mask.sum())))
    if answers is not None:
        rec = mine["recommend"].dropna().to_numpy()
        detractors, _passives, promoters = nps_counts(rec)
        rows.append((name, "nps", *nps_bounds(detractors, promoters, len(rec), confidence)[:3], len(rec)))
    return rows


def _definitions(end: pd.Timestamp, period: str, scale: int, top_box: int, clv_given: bool) -> dict[str, str]:
    last = end.to_period(period)
    word = _PERIOD_NAMES[period]
    clv = ("mean of the CLV given for each customer of the segment" if clv_given else
           "mean expected 12-month spend (BG/NBD + Gamma-Gamma fitted on the orders up to "
           f"{end.date()}, discounted at 10% a year; 0 for a customer without a purchase)")
    return {
        "customers": "customers in the segment",
        "clv": clv,
        "purchase_frequency": f"mean purchase days per customer in the {word} {last} (orders on one day count once)",
        "satisfaction": f"share of the segment's survey answers up to {end.date()} in the top {top_box} of the "
                        f"1-{scale} satisfaction scale (CSAT top box); Wilson interval",
        "retention": f"share of the segment's customers who bought in {last - 1} and bought again in {last}; "
                     f"Wilson interval",
        "referrals": f"customers who signed up by {end.date()} naming a customer of the segment as referrer, "
                     f"per customer of the segment",
        "nps": f"% promoters (9-10) - % detractors (0-6) among the segment's answers up to {end.date()}; "
               f"normal interval (Rocks 2016)",
    }


def indicator_scorecard(
    segments: Any,
    orders: Any,
    surveys: Any = None,
    customers: Any = None,
    *,
    clv: Any = None,
    as_of: Any = None,
    period: str = "Y",
    confidence: float = 0.95,
    satisfaction_scale: int = 5,
    top_box: int = 2,
    overall: str | None = "All customers",
    segment_col: str = "segment",
    customer_col: str = "customer_id",
    date_col: str = "order_date",
    amount_col: str = "amount",
    survey_date_col: str = "survey_date",
    satisfaction_col: str = "overall_satisfaction",
    recommend_col: str = "likely_to_recommend",
    referred_by_col: str = "referred_by",
    signup_col: str = "signup_date",
) -> Scorecard:
    """The evaluation indicator system: each segment on CLV, frequency, satisfaction, retention and referrals.

    Lesson 05, framework: the evaluation indicator system (评估指标体系) of
    deck 003 (客户价值管理): customer lifetime value, purchase frequency,
    satisfaction, retention rate and the referral index, per segment (RFM
    segments, clusters, channels...) and for all customers together, the
    yardstick. With ``last`` the calendar ``period`` that holds ``as_of``
    (the year 2025 for ``as_of="2025-12-31"``) and ``before`` the one
    before it, for the customers of a segment:

    - **customers**: how many;
    - **clv**: the mean of ``clv`` (e.g. ``value.clv(...)["clv"]``); if not
      given, the mean expected spend in the next 12 months from BG/NBD and
      Gamma-Gamma fitted on all the orders up to ``as_of`` (``clv(...,
      months=12, discount_rate=0.10, rate_per="year")``), 0 for a customer
      with no purchase; a model prediction, so no interval;
    - **purchase_frequency**: mean purchase days per customer in ``last``
      (several orders on one day are one purchase); normal interval of a mean;
    - **satisfaction**: CSAT top box (lesson 03): the share of the
      segment's survey answers up to ``as_of`` in the top ``top_box``
      points of the 1-``satisfaction_scale`` question, with the Wilson
      interval; equal to ``satisfaction.csat(answers) / 100``;
    - **retention**: of the segment's customers who bought in ``before``,
      the share who bought again in ``last``, with the Wilson interval;
      equal to the last row of ``loyalty.retention_rate`` on the segment's
      orders (choose an ``as_of`` at the end of a period: a partly observed
      ``last`` understates it);
    - **referrals** (the referral index, part 1): customers who signed up by
      ``as_of`` and name a customer of the segment in ``referred_by``, per
      customer of the segment; normal interval of a mean;
    - **nps** (part 2): the Net Promoter Score of the segment's answers to
      the 0-10 recommend question (lesson 04), with the normal interval of
      Rocks (2016); equal to ``loyalty.nps`` and ``loyalty.nps_interval``.

    Satisfaction and NPS count answers (a customer who answered twice counts
    twice), as the lessons' CSAT and NPS do; a segment with no answers shows
    no value. Without ``surveys`` the two survey indicators are left out;
    without a ``referred_by`` column, referrals. All indicators describe the
    segments on the history they were drawn from: retention is high in a
    segment drawn from recent buyers by construction. To *predict*, use a
    holdout (:func:`calibration_holdout`).

    Parameters
    ----------
    segments : Series, DataFrame or CustomerClusters
        One label per customer (index = customer id): ``clusters.labels``,
        ``value.rfm_segments(...)`` (its ``segment`` column is used), or the
        result of :func:`cluster_customers` (labels named "1: <name>" ...).
        Segments appear in the order of a categorical's categories, RFM
        segments in the order of :data:`RFM_SEGMENT_RULES`, others sorted.
    orders : DataFrame or dataset
        One row per order; or a loaded dataset (``datasets.load("shop")``),
        whose ``surveys`` and ``customers`` are then used too.
    surveys, customers : DataFrame, optional
        Survey answers and the customers table (for ``referred_by``).
    clv : Series or DataFrame, optional
        CLV per customer (a Series by customer id, or ``value.clv`` output).
    as_of : date, optional
        The end of the data (default: the last order).
    period : {"Y", "Q", "M"}, default "Y"
        The calendar period of frequency and retention.
    confidence : float, default 0.95
        Confidence of the intervals.
    satisfaction_scale, top_box : int, default 5 and 2
        The satisfaction question's scale (1 to ``satisfaction_scale``) and
        how many top points count as satisfied.
    overall : str or None, default "All customers"
        The name of the row of all the segments' customers together (None: no such row).
    segment_col, customer_col, date_col, amount_col, survey_date_col, satisfaction_col, recommend_col, referred_by_col, signup_col : str
        Column names, defaulting to the course data's.

    Returns
    -------
    Scorecard
        ``table`` (tidy: segment, indicator, label, value, lower, upper, n,
        unit, definition), ``wide`` (segments x indicators) and
        ``definitions``; ``print(card)`` shows values with intervals.

    Raises
    ------
    DataError
        A table or column is missing or invalid, the segments are not one
        label per customer or do not match the orders' customers, ``clv``
        lacks customers, or an argument is out of range.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": [1, 1, 2, 3, 3, 4],
    ...     "order_date": pd.to_datetime(["2024-03-01", "2025-02-01", "2024-05-01", "2024-06-01",
    ...                                   "2025-06-01", "2025-07-01"]), "amount": 10.0})
    >>> surveys = pd.DataFrame({"customer_id": [1, 2, 3, 4], "survey_date": pd.Timestamp("2025-08-01"),
    ...     "overall_satisfaction": [5, 2, 4, 4], "likely_to_recommend": [10, 3, 9, 7]})
    >>> customers = pd.DataFrame({"customer_id": [1, 2, 3, 4], "referred_by": [None, 1, None, 1]})
    >>> segments = pd.Series(["loyal", "lapsed", "loyal", "new"], index=pd.Index([1, 2, 3, 4], name="customer_id"))
    >>> clv = pd.Series([120.0, 5.0, 90.0, 40.0], index=[1, 2, 3, 4])
    >>> card = indicator_scorecard(segments, orders, surveys, customers, clv=clv, as_of="2025-12-31")
    >>> card.wide.T.round(2)          # segments side by side
    segment             lapsed  loyal   new  All customers
    indicator
    customers              1.0    2.0   1.0           4.00
    clv                    5.0  105.0  40.0          63.75
    purchase_frequency     0.0    1.0   1.0           0.75
    satisfaction           0.0    1.0   1.0           0.75
    retention              0.0    1.0   NaN           0.67
    referrals              0.0    1.0   0.0           0.50
    nps                 -100.0  100.0   0.0          25.00

    Customer 1 referred 2 and 4; of the three customers who bought in 2024
    (1, 2, 3), two bought again in 2025: retention 2/3. The new customer did
    not buy in 2024, so the segment has no retention rate.

    >>> indicator_scorecard(segments, orders.rename(columns={"order_date": "date"}))
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "order_date" is not in the orders table. The table has these columns: customer_id, date, amount. If your data calls it something else, pass date_col="<your column name>".
    """
    period = require_choice(period, list(_PERIOD_NAMES), argument="period")
    confidence = require_confidence(confidence)
    scale = require_positive_int(satisfaction_scale, argument="satisfaction_scale", minimum=2)
    top_box = require_positive_int(top_box, argument="top_box", maximum=scale - 1)
    orders, surveys, customers = _tables(orders, surveys, customers)
    seg = _read_segments(segments, segment_col)
    cols = {"customer": customer_col, "date": date_col, "amount": amount_col, "survey_date": survey_date_col,
            "satisfaction": satisfaction_col, "recommend": recommend_col, "referred_by": referred_by_col,
            "signup": signup_col, "scale": scale}
    per, end = _purchases(orders, seg.index, as_of, period, cols)
    per.insert(0, "clv", _given_clv(clv, seg.index) if clv is not None else _model_clv(orders, seg.index, end, cols))
    referrals = _referrals(customers, seg.index, end, cols) if customers is not None else None
    if referrals is not None:
        per["referrals"] = referrals
    answers = _answers(surveys, seg, end, cols) if surveys is not None else None
    rows = [row for name, mask in _groups(seg, overall)
            for row in _rows(name, mask, per, answers, scale - top_box + 1, confidence)]
    table = pd.DataFrame(rows, columns=["segment", "indicator", "value", "lower", "upper", "n"])
    definitions = pd.DataFrame({"label": {k: v[0] for k, v in INDICATORS.items()},
                                "unit": {k: v[1] for k, v in INDICATORS.items()},
                                "definition": _definitions(end, period, scale, top_box, clv is not None)})
    definitions = definitions.loc[[k for k in INDICATORS if k in set(table["indicator"])]]
    definitions.index.name = "indicator"
    table = table.join(definitions, on="indicator")[["segment", "indicator", "label", "value", "lower", "upper",
                                                       "n", "unit", "definition"]]
    wide = table.pivot(index="segment", columns="indicator", values="value")
    wide = wide.reindex(index=list(dict.fromkeys(table["segment"])), columns=list(definitions.index))
    return Scorecard(table=table, wide=wide, definitions=definitions)
