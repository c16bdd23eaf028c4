"""Lesson 05 - customer value: RFM, the 20/80/30 curve and lifetime value.

The measures of lesson 05 (顾客价值 / 客户价值管理), each a plain function over
an orders table or a per-customer table:

- :func:`rfm`, :func:`rfm_scores`, :func:`rfm_segments` (with the visible,
  replaceable rules table :data:`RFM_SEGMENT_RULES`): RFM segmentation;
- :func:`pareto_table`, :func:`whale_curve`, :func:`customer_profit`
  (profit after cost to serve): value concentration and Kotler's
  20/80/30 rule;
- :func:`clv_simple` (Gupta & Lehmann 2003), :func:`clv_historical`
  (past value), :func:`clv_summary` (the BTYD table), :class:`BetaGeo`
  (BG/NBD), :class:`GammaGamma` and :func:`clv`: lifetime value three ways;
- :func:`calibration_holdout`, :func:`purchase_tracking` and
  :func:`holdout_by_frequency`: checking the BG/NBD model on a holdout period;
- :func:`cluster_customers` (k-means on log-scaled features, k by the
  silhouette) and :func:`adjusted_rand_index`: clustering (聚类分析);
- :func:`indicator_scorecard`: the evaluation indicator system (评估指标体系),
  each segment on CLV, frequency, satisfaction, retention and referrals.

Use::

    from custlearn import value
    table = value.rfm(shop.orders, as_of="2025-12-31")
    segments = value.rfm_segments(value.rfm_scores(table))

A BTYD summary has a column called ``T``: always write ``summary["T"]``;
``summary.T`` is the transposed table.

scipy is imported inside the model code only, so ``import custlearn.value``
stays fast.
"""

from custlearn.value._btyd import DAYS_PER_MONTH, HORIZON_UNITS, BetaGeo, GammaGamma, clv, simulate_bgnbd
from custlearn.value._cluster import CLUSTER_NAME_WORDS, CustomerClusters, adjusted_rand_index, cluster_customers
from custlearn.value._clv import TIME_UNITS, clv_historical, clv_simple, clv_summary
from custlearn.value._curves import ParetoResult, WhaleCurve, customer_profit, pareto_table, whale_curve
from custlearn.value._holdout import calibration_holdout, holdout_by_frequency, purchase_tracking
from custlearn.value._rfm import RFM_SEGMENT_RULES, rfm, rfm_scores, rfm_segments
from custlearn.value._scorecard import INDICATORS, Scorecard, indicator_scorecard

__all__ = [
    "rfm",
    "rfm_scores",
    "rfm_segments",
    "RFM_SEGMENT_RULES",
    "pareto_table",
    "whale_curve",
    "customer_profit",
    "ParetoResult",
    "WhaleCurve",
    "clv_simple",
    "clv_historical",
    "clv_summary",
    "TIME_UNITS",
    "BetaGeo",
    "GammaGamma",
    "clv",
    "simulate_bgnbd",
    "DAYS_PER_MONTH",
    "HORIZON_UNITS",
    "calibration_holdout",
    "purchase_tracking",
    "holdout_by_frequency",
    "cluster_customers",
    "CustomerClusters",
    "adjusted_rand_index",
    "CLUSTER_NAME_WORDS",
    "indicator_scorecard",
    "Scorecard",
    "INDICATORS",
]
