"""Lesson 05's clustering "Try it" (widgets.cluster_explorer): drawn at once, redrawn on every control,
its silhouette checked against scikit-learn on features logged and scaled by hand, its crosstab against
pandas, and bad input refused with a DataError."""

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import silhouette_score

from custlearn import DataError, widgets


def _texts(box):
    """What the demo shows: Markdown or plain text, "[figure]" for a chart."""
    return box.shown()


def _features():
    """Three groups of customers, far apart in recency, frequency and spend (ids not 0..n-1, rows shuffled)."""
    rng = np.random.default_rng(3)
    groups = [(10, 12, 900.0), (120, 4, 200.0), (400, 1, 30.0)]
    rows = [(r * rng.uniform(0.8, 1.2), max(1, round(f * rng.uniform(0.8, 1.2))), m * rng.uniform(0.8, 1.2))
            for r, f, m in groups for _ in range(20)]
    table = pd.DataFrame(rows, columns=["recency", "frequency", "monetary"],
                         index=pd.Index(np.arange(101, 161), name="customer_id"))
    return table.sample(frac=1.0, random_state=1)


def _segments(table):
    return pd.Series(np.where(table["recency"] < 60, "recent", "quiet"), index=table.index, name="segment")


def _z(table):
    """log(1 + x), then each column to mean 0 and standard deviation 1 (population sd, as StandardScaler)."""
    logged = np.log1p(table.to_numpy(dtype=float))
    return (logged - logged.mean(axis=0)) / logged.std(axis=0)


def _box_labels(box, table):
    """The cluster of each customer for the demo's current controls (what the demo clustered)."""
    from custlearn import value

    return value.cluster_customers(table, k=box.controls["k"].value, columns=list(box.controls["columns"].value),
                                   log=box.controls["log_scale"].value, scale=box.controls["log_scale"].value,
                                   stability_runs=0).labels


def test_cluster_explorer_draws_at_once_with_the_silhouette_of_scikit_learn():
    table = _features()
    box = widgets.cluster_explorer(table, k=3, segments=_segments(table))
    note, profiles, crosstab, picture = _texts(box)
    labels = _box_labels(box, table)
    assert sorted(labels.value_counts()) == [20, 20, 20]  # the three planted groups, found whole
    reference = silhouette_score(_z(table), labels.to_numpy())  # independent: features logged and scaled by hand
    assert note.startswith(f"**k = 3 on recency, frequency, monetary (log and scaled): silhouette {reference:.3f}; "
                           f"smallest cluster 33.3% of the customers.**")
    assert len(box.children[-1].outputs) == 4 and picture == "[figure]"
    assert "image/png" in box.children[-1].outputs[3]["data"]
    assert "high value, frequent, recent" in profiles and "low value, rare, lapsed" in profiles
    expected = pd.crosstab(_segments(table), labels.rename("cluster"))
    assert crosstab == expected.to_string() or crosstab == repr(expected)
    assert int(expected.to_numpy().sum()) == len(table)
    assert repr(box).startswith("Try it: choose k and the features; watch the silhouette, the profiles")


def test_cluster_explorer_redraws_for_k_features_and_scaling():
    table = _features()
    box = widgets.cluster_explorer(table, k=3)
    assert len(_texts(box)) == 3  # no segments given: note, profiles, picture
    box.controls["k"].value = 2
    labels = _box_labels(box, table)
    assert labels.nunique() == 2
    assert f"silhouette {silhouette_score(_z(table), labels.to_numpy()):.3f}" in _texts(box)[0]
    box.controls["columns"].value = ("frequency", "monetary")
    labels = _box_labels(box, table)
    reference = silhouette_score(_z(table[["frequency", "monetary"]]), labels.to_numpy())
    assert _texts(box)[0].startswith(f"**k = 2 on frequency, monetary (log and scaled): silhouette {reference:.3f}")
    box.controls["log_scale"].value = False  # raw units: the silhouette is measured in the raw numbers
    labels = _box_labels(box, table)
    raw = silhouette_score(table[["frequency", "monetary"]].to_numpy(dtype=float), labels.to_numpy())
    assert _texts(box)[0].startswith(f"**k = 2 on frequency, monetary (raw units): silhouette {raw:.3f}")
    box.controls["columns"].value = ()
    assert _texts(box) == ["**Choose at least one feature** (hold Ctrl or Cmd and click to choose several)."]


def test_cluster_explorer_says_when_a_choice_cannot_be_clustered():
    table = _features()
    table["frequency"] = np.where(table["recency"] < 60, 12, np.where(table["recency"] < 200, 4, 1))  # 3 values
    box = widgets.cluster_explorer(table, k=3)
    box.controls["columns"].value = ("frequency",)
    box.controls["k"].value = 4  # frequency alone tells 3 kinds of customer apart: k must stay below 3
    assert _texts(box) == ["**This choice cannot be clustered:** The features have 3 distinct customer(s) (rows of "
                           "frequency), so at most 2 clusters can be told apart, but k up to 4 was asked. Pass a "
                           "smaller k (or k_range), or more customers."]
    box.controls["k"].value = 2
    assert _texts(box)[0].startswith("**k = 2 on frequency (log and scaled)")


def test_cluster_explorer_draws_no_picture_without_recency_and_spend():
    table = _features().rename(columns={"recency": "days_quiet"})
    box = widgets.cluster_explorer(table, k=3)
    assert "[figure]" not in _texts(box)
    box = widgets.cluster_explorer(table, k=3, recency_col="days_quiet")
    assert _texts(box)[-1] == "[figure]"


@pytest.mark.parametrize("call, words", [
    (lambda t: widgets.cluster_explorer(t.to_dict(), k=3), "must be a pandas DataFrame"),
    (lambda t: widgets.cluster_explorer(t, k=9), "k must be a whole number from 2 to 8"),
    (lambda t: widgets.cluster_explorer(t, k=3, columns=["recency", "visits"]), '"visits"'),
    (lambda t: widgets.cluster_explorer(t.assign(monetary=-t["monetary"]), k=3), "negative value"),
    (lambda t: widgets.cluster_explorer(t, k=3, segments=list(_segments(t))), "indexed by customer id"),
    (lambda t: widgets.cluster_explorer(t, k=3, segments=_segments(t).iloc[5:]), "no label for 5 customer"),
])
def test_cluster_explorer_bad_input_raises_dataerror(call, words):
    with pytest.raises(DataError, match=words):
        call(_features())
