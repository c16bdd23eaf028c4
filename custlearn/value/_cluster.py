"""Lesson 05: clustering customers (聚类分析) - letting the data draw the segments.

k-means (scikit-learn) on log-transformed, standardised features such as the
RFM table, with k chosen by the silhouette, profiles in the original units,
suggested names, and a stability check. The adjusted Rand index, which says
how much two segmentations agree, is written out here (it is the lesson's
yardstick for "the same clusters again?"); k-means and the silhouette come
from scikit-learn, imported inside the functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from custlearn._i18n import tr
from custlearn._tables import Column, read_table
from custlearn._validate import DataError, _list, require_flag, require_positive_int

__all__ = ["cluster_customers", "CustomerClusters", "adjusted_rand_index", "CLUSTER_NAME_WORDS"]

#: The words of the suggested cluster names: for each measure, the word when
#: the cluster's mean is at least 1.5 times the mean of all customers, in
#: between, or at most 2/3 of it. Recency is "days since the last order", so a
#: LOW recency is the good one ("recent").
CLUSTER_NAME_WORDS = {
    "monetary": ("high value", "mid value", "low value"),
    "frequency": ("frequent", "occasional", "rare"),
    "recency": ("lapsed", "quiet", "recent"),
}
_HIGH, _LOW = 1.5, 1 / 1.5


# --------------------------------------------------------------------------
# Agreement of two segmentations
# --------------------------------------------------------------------------


def _ari(a: np.ndarray, b: np.ndarray) -> float:
    """Adjusted Rand index of two label arrays (the formula of :func:`adjusted_rand_index`)."""
    _, a_codes = np.unique(a, return_inverse=True)
    _, b_codes = np.unique(b, return_inverse=True)
    table = np.zeros((a_codes.max() + 1, b_codes.max() + 1))
    np.add.at(table, (a_codes, b_codes), 1)

    def pairs(counts: np.ndarray) -> float:
        return float((counts * (counts - 1) / 2).sum())

    index, rows, cols = pairs(table), pairs(table.sum(axis=1)), pairs(table.sum(axis=0))
    expected = rows * cols / pairs(np.array([len(a_codes)]))
    maximum = (rows + cols) / 2
    if maximum == expected:  # both trivial (one group each, or every customer alone): identical partitions
        return 1.0
    return (index - expected) / (maximum - expected)


def _labels(values: Any, name: str) -> pd.Series:
    if isinstance(values, pd.DataFrame) or not isinstance(values, (pd.Series, list, tuple, np.ndarray)):
        kind = tr("nothing (None)") if values is None else tr("a {kind}", kind=type(values).__name__)
        raise DataError(tr("{name} must be one label per customer (a Series, list or array), but {kind} "
                           "was given. Pass one column, e.g. clusters.labels or segments['segment'].",
                           name=name, kind=kind))
    s = values if isinstance(values, pd.Series) else pd.Series(list(values), name=name)
    if s.isna().any():
        raise DataError(tr("{name} has {n} missing label(s); every customer needs one. Drop those "
                           "customers from both, or fill them with a label such as 'none'.",
                           name=name, n=int(s.isna().sum())))
    return s


def adjusted_rand_index(labels_a: Any, labels_b: Any) -> float:
    """How much two segmentations of the same customers agree: 1 = the same groups, about 0 = chance.

    Lesson 05, framework: comparing partitions with the adjusted Rand index
    (Hubert & Arabie 1985, "Comparing partitions", *Journal of
    Classification* 2, 193-218). Count pairs of customers: from the table
    n_ij of customers in group i of ``a`` and group j of ``b``, with row sums
    a_i, column sums b_j and n customers (C(m, 2) = m (m - 1) / 2 pairs)::

        index    = sum_ij C(n_ij, 2)                       pairs together in both
        expected = sum_i C(a_i, 2) * sum_j C(b_j, 2) / C(n, 2)
        maximum  = (sum_i C(a_i, 2) + sum_j C(b_j, 2)) / 2
        ARI      = (index - expected) / (maximum - expected)

    The names of the groups do not matter (cluster 1 and cluster 2 swapped
    is the same segmentation), nor does the number of groups. Equal to
    scikit-learn's ``adjusted_rand_score``.

    Parameters
    ----------
    labels_a, labels_b : Series, list or array
        One label per customer. Two Series are matched by their index
        (customer id) and must hold the same customers; lists and arrays by
        position.

    Returns
    -------
    float
        From about -0.5 (worse than chance) through 0 (chance) to 1.

    Raises
    ------
    DataError
        Not one label per customer, missing labels, or different customers.

    Examples
    --------
    >>> round(adjusted_rand_index([1, 1, 1, 2, 2, 2], [1, 1, 2, 2, 3, 3]), 4)   # (2 - 1.2) / (4.5 - 1.2)
    0.2424
    >>> adjusted_rand_index(["a", "a", "b"], [2, 2, 1])        # the same groups, other names
    1.0
    >>> adjusted_rand_index([1, 2, 1], [1, 2])
    Traceback (most recent call last):
    ...
    custlearn.DataError: labels_a and labels_b must label the same customers, but they have 3 and 2 labels. Pass two labellings of the same customers.
    """
    a, b = _labels(labels_a, "labels_a"), _labels(labels_b, "labels_b")
    if isinstance(labels_a, pd.Series) and isinstance(labels_b, pd.Series):
        if a.index.has_duplicates or b.index.has_duplicates:
            raise DataError(tr("labels_a and labels_b must have one label per customer id, but an id "
                               "repeats. Drop the repeated ids first (s[~s.index.duplicated()])."))
        if not a.index.sort_values().equals(b.index.sort_values()):
            only = a.index.difference(b.index).union(b.index.difference(a.index))
            raise DataError(tr("labels_a and labels_b must label the same customers, but {n} customer(s) "
                               "are in only one of them (e.g. {only}). Keep the common ones, e.g. "
                               "a.loc[a.index.intersection(b.index)].", n=len(only), only=_list(only[:3])))
        b = b.reindex(a.index)
    elif len(a) != len(b):
        raise DataError(tr("labels_a and labels_b must label the same customers, but they have {n} and "
                           "{n2} labels. Pass two labellings of the same customers.", n=len(a), n2=len(b)))
    if len(a) == 0:
        raise DataError(tr("labels_a and labels_b are empty: there are no customers to compare. Check the "
                           "filter that produced them."))
    return _ari(a.astype(str).to_numpy(), b.astype(str).to_numpy())


# --------------------------------------------------------------------------
# The result
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class CustomerClusters:
    """Result of :func:`cluster_customers`.

    ``labels``: the cluster (1..k) of each customer, indexed like the
    features; cluster 1 has the highest mean monetary value (the numbers
    are an order by value, not a quality of the clustering). ``profiles``:
    per cluster, the suggested name, size, share of customers and of
    revenue, and the mean of each feature in its original units.
    ``k_scores``: per k tried, the silhouette, the inertia (for the elbow)
    and the share of the smallest cluster. ``stability``: the adjusted Rand
    index of re-fits against ``labels``. ``pipeline``: the fitted
    scikit-learn pipeline (log, scale, k-means); its own cluster numbers
    are k-means' (0..k-1): use :meth:`predict` for the numbers above.
    """

    k: int
    labels: pd.Series
    profiles: pd.DataFrame
    k_scores: pd.DataFrame
    stability: pd.DataFrame
    columns: tuple[str, ...]
    chosen_by: str
    pipeline: Any = field(repr=False)
    relabel: tuple[int, ...] = field(repr=False)

    def __repr__(self) -> str:
        how = (tr("chosen by the silhouette over k = {ks}", ks=", ".join(map(str, self.k_scores.index)))
               if self.chosen_by == "silhouette" else tr("given"))
        stable = "; ".join(f"{check}: mean ARI {row.mean_ari:.2f}" for check, row in self.stability.iterrows())
        names = "; ".join(f"{c}: {row['name']} ({row['share_of_customers']:.0%})" for c, row in self.profiles.iterrows())
        return (tr("{k} clusters of {n:,} customers on {columns} (k {how}; silhouette {silhouette:.3f}). {names}.",
                   k=self.k, n=len(self.labels), columns=", ".join(self.columns), how=how,
                   silhouette=self.k_scores.loc[self.k, "silhouette"], names=names)
                + (tr(" Stability: {stable}.", stable=stable) if stable else ""))

    def predict(self, features: pd.DataFrame) -> pd.Series:
        """The cluster (1..k, as in ``labels``) of each row of new ``features`` (same columns).

        Each row goes through the fitted pipeline (log, scale, nearest k-means
        centre) and gets the number that centre has in ``labels``: new
        customers, or the same customers a month later, land in the clusters
        found today.

        Parameters
        ----------
        features : DataFrame
            One row per customer with the columns in ``columns``.

        Returns
        -------
        Series
            ``cluster`` per row (index of ``features``).

        Raises
        ------
        DataError
            A column is missing, not numeric or has missing values.

        Examples
        --------
        >>> import pandas as pd
        >>> table = pd.DataFrame({"x": [1.0, 2, 3, 50, 52, 55]})
        >>> result = cluster_customers(table, k=2, stability_runs=0)
        >>> result.predict(pd.DataFrame({"x": [0.0, 60.0]})).tolist()
        [2, 1]
        """
        clean = read_table(features, [Column(c, "number") for c in self.columns], table="features", min_rows=1)
        raw = self.pipeline.predict(clean[list(self.columns)].to_numpy(dtype=float))
        return pd.Series(np.asarray(self.relabel)[raw], index=features.index, name="cluster")


# --------------------------------------------------------------------------
# Steps
# --------------------------------------------------------------------------


def _k_values(k: Any, k_range: Any) -> list[int]:
    if k is not None:
        return [require_positive_int(k, argument="k", minimum=2)]
    if isinstance(k_range, (str, bytes)) or not isinstance(k_range, Iterable):
        raise DataError(tr("k_range must be a range or list of whole numbers of 2 or more, but "
                           "{k_range!r} was given. For example k_range=range(2, 9).", k_range=k_range))
    values = sorted({require_positive_int(v, argument="k_range", minimum=2) for v in k_range})
    if not values:
        raise DataError(tr("k_range is empty: give the numbers of clusters to try, e.g. k_range=range(2, "
                           "9)."))
    return values


def _read_features(features: Any, columns: Any, named: list[str], log: bool) -> tuple[pd.DataFrame, list[str]]:
    """The clustering columns and the named R, F, M columns present, as float, checked."""
    if columns is None and isinstance(features, pd.DataFrame):
        columns = list(features.columns)
    if isinstance(columns, str) or not isinstance(columns, Iterable) or not list(columns):
        raise DataError(tr("columns must be a list of feature columns, but {columns!r} was given. For "
                           'example columns=["recency", "frequency", "monetary"].', columns=columns))
    columns = list(columns)
    present = [c for c in named if isinstance(features, pd.DataFrame) and c in features.columns and c not in columns]
    clean = read_table(features, [Column(c, "number", "columns") for c in columns + present], table="features",
                       min_rows=1)
    if log:
        negative = [c for c in columns if (clean[c] < 0).any()]
        if negative:
            raise DataError(tr("log=True takes log(1 + value), which needs values of 0 or more, but "
                               '"{negative}" has {n} negative value(s) (refunds?). Remove or correct them, or pass '
                               "log=False.", negative=negative[0], n=int((clean[negative[0]] < 0).sum())))
    return clean, columns


def _transformer(log: bool, scale: bool) -> Any:
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import FunctionTransformer, StandardScaler

    steps = [("log1p", FunctionTransformer(np.log1p, feature_names_out="one-to-one"))] if log else []
    steps += [("scale", StandardScaler())] if scale else []
    return Pipeline(steps or [("as_is", FunctionTransformer(feature_names_out="one-to-one"))])


def _one_thread() -> Any:
    """Run k-means and the silhouette on one thread (OpenMP and BLAS).

    Measured on the course's 2-core machines shared by other work: scikit-learn's
    OpenMP threads waiting for each other made k-means 7 to 20 times slower than one
    thread; on an idle machine two threads are at best about 1.7 times faster.
    """
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1)


def _search(z: np.ndarray, k_values: list[int], n_init: int, seed: int, rows: np.ndarray) -> tuple[dict, pd.DataFrame]:
    """k-means for each k on all customers; silhouette on the sampled ``rows``; the table of scores."""
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    fits, scores = {}, []
    for k in k_values:
        fit = KMeans(n_clusters=k, n_init=n_init, random_state=seed).fit(z)
        sampled = fit.labels_[rows]
        silhouette = silhouette_score(z[rows], sampled) if len(np.unique(sampled)) > 1 else np.nan
        smallest = np.bincount(fit.labels_, minlength=k).min() / len(z)
        fits[k] = fit
        scores.append({"k": k, "silhouette": float(silhouette), "inertia": float(fit.inertia_),
                       "smallest_cluster": float(smallest)})
    return fits, pd.DataFrame(scores).set_index("k")


def _canonical(raw: np.ndarray, clean: pd.DataFrame, k: int, monetary_col: str) -> np.ndarray:
    """relabel[raw] = 1..k: by mean monetary value, highest first (else by size); ties by k-means' number."""
    size = np.bincount(raw, minlength=k)
    if monetary_col in clean.columns:
        key = np.bincount(raw, weights=clean[monetary_col].to_numpy(), minlength=k) / np.maximum(size, 1)
    else:
        key = size.astype(float)
    order = np.lexsort((np.arange(k), -key))  # first by key (descending), then by k-means' number
    relabel = np.empty(k, dtype=np.int64)
    relabel[order] = np.arange(1, k + 1)
    return relabel


def _name(means: pd.Series, overall: pd.Series, named: dict[str, str]) -> str:
    words = []
    for measure in ("monetary", "frequency", "recency"):
        col = named[measure]
        if col in means.index and overall[col] > 0:
            ratio = means[col] / overall[col]
            high, middle, low = CLUSTER_NAME_WORDS[measure]
            words.append(high if ratio >= _HIGH else low if ratio <= _LOW else middle)
    return ", ".join(words)


def _profiles(clean: pd.DataFrame, labels: np.ndarray, k: int, named: dict[str, str]) -> pd.DataFrame:
    """Per cluster: suggested name, size, shares, mean of each feature in its own units."""
    grouped = clean.groupby(labels)
    means = grouped.mean().reindex(range(1, k + 1))
    out = pd.DataFrame(index=pd.RangeIndex(1, k + 1, name="cluster"))
    out["customers"] = np.bincount(labels, minlength=k + 1)[1:]
    out["share_of_customers"] = out["customers"] / len(labels)
    monetary = named["monetary"]
    if monetary in clean.columns and clean[monetary].sum() > 0:
        out["share_of_revenue"] = grouped[monetary].sum().reindex(out.index).to_numpy() / clean[monetary].sum()
    for col in clean.columns:
        out[f"mean_{col}"] = means[col].to_numpy()
    names = [_name(means.loc[c], clean.mean(), named) or f"cluster {c}" for c in out.index]
    repeated = pd.Series(names).duplicated(keep=False).to_numpy()
    out.insert(0, "name", [f"{n} ({c})" if r else n for n, c, r in zip(names, out.index, repeated)])
    return out


def _stability(z: np.ndarray, labels: np.ndarray, k: int, runs: int, seed: int) -> pd.DataFrame:
    """ARI against ``labels`` of k-means from other random starts, and of fits on bootstrap samples."""
    from sklearn.cluster import KMeans

    rng = np.random.default_rng(seed)
    starts, boots = [], []
    for i in range(runs):
        starts.append(_ari(KMeans(n_clusters=k, n_init=1, random_state=seed + 1 + i).fit(z).labels_, labels))
        rows = rng.integers(0, len(z), len(z))
        boot = KMeans(n_clusters=k, n_init=1, random_state=seed + 1 + i).fit(z[rows])
        boots.append(_ari(boot.predict(z), labels))
    out = pd.DataFrame({"runs": [runs, runs],
                        "mean_ari": [np.mean(starts) if runs else np.nan, np.mean(boots) if runs else np.nan],
                        "min_ari": [np.min(starts) if runs else np.nan, np.min(boots) if runs else np.nan]},
                       index=pd.Index(["other starts", "bootstrap samples"], name="check"))
    return out if runs else out.iloc[:0]


# --------------------------------------------------------------------------
# The lesson function
# --------------------------------------------------------------------------


def cluster_customers(
    features: pd.DataFrame,
    k: int | None = None,
    *,
    k_range: Iterable[int] = range(2, 9),
    columns: Iterable[str] | None = None,
    log: bool = True,
    scale: bool = True,
    random_state: int = 0,
    n_init: int = 10,
    sample: int | None = 3000,
    stability_runs: int = 5,
    recency_col: str = "recency",
    frequency_col: str = "frequency",
    monetary_col: str = "monetary",
) -> CustomerClusters:
    """Segment customers by k-means on their features (e.g. the RFM table), with k chosen by the silhouette.

    Lesson 05, framework: cluster analysis (聚类分析), the decks' third way to
    segment customers beside RFM and CLV; k-means (MacQueen 1967; Lloyd
    1982) from scikit-learn, the silhouette of Rousseeuw (1987), "Silhouettes:
    a graphical aid to the interpretation and validation of cluster
    analysis", *J. Computational and Applied Mathematics* 20, 53-65. Steps:

    1. **log**: ``log(1 + x)`` of each feature, because spend and frequency
       are skewed (a few customers spend 50 times the median) and k-means,
       which averages squared distances, would spend its clusters on them;
    2. **scale**: standardise each feature (mean 0, standard deviation 1),
       because k-means measures distance: unscaled, the feature with the
       largest numbers (money) decides alone;
    3. **k-means** with ``n_init`` random starts (k-means++), the best kept,
       on one processor thread (on a shared machine, scikit-learn's
       threads waiting for each other were up to 20 times slower);
    4. **k**: when ``k`` is None, each k of ``k_range`` is fitted and the one
       with the highest silhouette wins. The silhouette of a customer i::

           a(i) = mean distance from i to the other customers of its cluster
           b(i) = mean distance from i to the customers of the nearest other cluster
           s(i) = (b(i) - a(i)) / max(a(i), b(i))      (0 if i is alone in its cluster)

       from -1 (closer to another cluster) to 1 (well inside its own); the
       silhouette of a clustering is the mean of s(i) (computed with
       scikit-learn's ``silhouette_score`` in the log-scaled space). With
       more than ``sample`` customers it is computed on ``sample`` of them,
       the same for every k: ``numpy.random.default_rng(random_state).choice(n,
       sample, replace=False)`` of the rows in the order of step 5. On 100,000
       customers, 3,000 rows give the silhouette to about +/- 0.005 (standard
       deviation over samples) in a fifth of the time of 5,000 (the cost
       grows with the square of the sample). ``k_scores`` also gives the
       inertia (for an elbow chart) and the smallest cluster's share;
    5. **order**: the rows are first sorted by their values, so the result
       does not depend on the order of the rows (or on the customer ids);
       clusters are then numbered by mean ``monetary_col``, highest first
       (by size if there is no such column): cluster 1 is the most valuable.
       The numbers are an order, not a score of the clustering;
    6. **profiles** in the original units and a suggested name per cluster:
       for monetary value, frequency and recency (when present), the
       cluster's mean against the mean of all customers: at least 1.5
       times is "high value" / "frequent" / "lapsed" (recency in days: high
       is bad), at most 2/3 is "low value" / "rare" / "recent", in between
       "mid value" / "occasional" / "quiet" (:data:`CLUSTER_NAME_WORDS`);
       a repeated name gets the cluster number. Names are a start for the
       business test: can each cluster be named and treated differently?
    7. **stability**: the adjusted Rand index (:func:`adjusted_rand_index`)
       between ``labels`` and ``stability_runs`` re-fits of k-means from a
       single other random start each ("other starts": does k-means find the
       same clusters wherever it starts?) and fits on bootstrap samples of
       the customers, each then assigning every customer ("bootstrap
       samples": would other customers give the same clusters?). Near 1:
       stable; below about 0.8: the clusters are not a firm fact of the data.

    Pitfalls the lesson shows: outliers pull k-means (log helps); k-means
    assumes round clusters of similar spread; a cluster is a description,
    not a strategy.

    Parameters
    ----------
    features : DataFrame
        One row per customer, e.g. ``value.rfm(orders, as_of)``.
    k : int, optional
        The number of clusters; None chooses it over ``k_range``.
    k_range : iterable of int, default range(2, 9)
        The values of k to try (each at least 2).
    columns : list of str, optional
        The columns to cluster on (default: every column of ``features``).
    log, scale : bool, default True
        Steps 1 and 2.
    random_state : int, default 0
        Seed of k-means, the silhouette sample and the stability re-fits.
    n_init : int, default 10
        Random starts of k-means (the best is kept).
    sample : int or None, default 3000
        Customers in the silhouette sample (None: all).
    stability_runs : int, default 5
        Re-fits of each stability check (0 skips the check).
    recency_col, frequency_col, monetary_col : str
        The columns the names, the order and ``share_of_revenue`` read, when present.

    Returns
    -------
    CustomerClusters
        ``k``, ``labels``, ``profiles``, ``k_scores``, ``stability``,
        ``columns``, ``chosen_by`` and the fitted ``pipeline``.

    Raises
    ------
    DataError
        A column is missing, not numeric, missing values or negative (with
        ``log=True``); too few distinct customers for the number of
        clusters; bad arguments.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"recency": [5, 9, 7, 300, 320, 280, 150],
    ...                       "frequency": [12, 10, 15, 1, 1, 2, 4],
    ...                       "monetary": [900.0, 700, 1200, 20, 35, 50, 200]},
    ...                      index=pd.Index(range(1, 8), name="customer_id"))
    >>> result = cluster_customers(table, k_range=range(2, 4), stability_runs=0)
    >>> result.k, result.labels.tolist()
    (2, [1, 1, 1, 2, 2, 2, 2])
    >>> result.profiles[["name", "customers", "mean_monetary"]].round(1)
                                 name  customers  mean_monetary
    cluster
    1        high value, frequent, recent          3          933.3
    2             low value, rare, lapsed          4           76.2
    >>> cluster_customers(table.assign(monetary=[900.0, -70, 1200, 20, 35, 50, 200]), k=2)
    Traceback (most recent call last):
    ...
    custlearn.DataError: log=True takes log(1 + value), which needs values of 0 or more, but "monetary" has 1 negative value(s) (refunds?). Remove or correct them, or pass log=False.
    """
    k_values = _k_values(k, k_range)
    log, scale = require_flag(log, argument="log"), require_flag(scale, argument="scale")
    seed = require_positive_int(random_state, argument="random_state", minimum=0)
    n_init = require_positive_int(n_init, argument="n_init")
    runs = require_positive_int(stability_runs, argument="stability_runs", minimum=0)
    named = {"recency": recency_col, "frequency": frequency_col, "monetary": monetary_col}
    clean, columns = _read_features(features, columns, list(named.values()), log)
    order = np.lexsort(clean[columns].to_numpy(dtype=float).T[::-1])  # rows sorted by value: row order is irrelevant
    x = clean[columns].to_numpy(dtype=float)[order]
    distinct = len(np.unique(x, axis=0))
    if distinct <= max(k_values):
        raise DataError(tr("The features have {distinct} distinct customer(s) (rows of {columns}), so at "
                           "most {max} clusters can be told apart, but k up to {max2} was asked. Pass a smaller k (or "
                           "k_range), or more customers.",
                           distinct=distinct, columns=', '.join(columns), max=max(distinct - 1, 1),
                           max2=max(k_values)))
    n = len(x)
    size = n if sample is None else require_positive_int(sample, argument="sample", minimum=10)
    rows = np.arange(n) if size >= n else np.sort(np.random.default_rng(seed).choice(n, size, replace=False))
    transformer = _transformer(log, scale).fit(x)
    z = transformer.transform(x)
    with _one_thread():
        fits, k_scores = _search(z, k_values, n_init, seed, rows)
        best = int(k_scores["silhouette"].idxmax()) if len(k_values) > 1 else k_values[0]
        stability = _stability(z, fits[best].labels_, best, runs, seed)
    relabel = _canonical(fits[best].labels_, clean.iloc[order], best, monetary_col)
    sorted_labels = relabel[fits[best].labels_]
    labels = np.empty(n, dtype=np.int64)
    labels[order] = sorted_labels
    from sklearn.pipeline import Pipeline

    return CustomerClusters(
        k=best,
        labels=pd.Series(labels, index=features.index, name="cluster"),
        profiles=_profiles(clean, labels, best, named),
        k_scores=k_scores,
        stability=stability,
        columns=tuple(columns),
        chosen_by="given" if k is not None else "silhouette",
        pipeline=Pipeline(transformer.steps + [("kmeans", fits[best])]),
        relabel=tuple(int(v) for v in relabel),
    )
