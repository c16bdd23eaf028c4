"""Tests of custlearn.datasets: determinism, shipped files, planted effects, raw extract, bad input.

Each planted effect is recovered from generated data within a stated
tolerance.  Formulas the lessons teach (BG/NBD likelihood, Cronbach's alpha)
are written out here independently of the generator.
"""

from __future__ import annotations

import ast
import csv
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from custlearn import DataError, datasets
from custlearn.datasets import _addons, _io, _params, _streams
from custlearn.datasets.__main__ import main as datasets_cli

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "datasets"
DIMS = ["tangibles", "reliability", "responsiveness", "assurance", "empathy"]
WEIGHT_ORDER = ["reliability", "responsiveness", "assurance", "empathy", "tangibles"]


@pytest.fixture(scope="module")
def big_shop():
    return datasets.generate("shop", customers=25_000, seed=2024)


@pytest.fixture(scope="module")
def big_cafe():
    return datasets.generate("cafe", customers=20_000, seed=2025)


@pytest.fixture(scope="module")
def big_bank():
    return datasets.generate("bank", customers=20_000, seed=2026)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    """What `make datasets` runs (``python -m custlearn.datasets ship --force``), into a temporary
    folder, in this process; with the Datasets it generated and wrote, kept in memory."""
    out = tmp_path_factory.mktemp("shipped")
    made = {}
    generate = datasets.generate

    def generate_and_keep(name, **kwargs):
        made[name] = generate(name, **kwargs)
        return made[name]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(datasets, "generate", generate_and_keep)
        assert datasets_cli(["ship", "--force", "--out", str(out)]) == 0
    assert sorted(made) == sorted(datasets.SCENARIOS)
    return out, made


def csv_column_sha256(path: Path) -> dict[str, str]:
    """Per-column checksums as datasets/README.md defines them, with the csv module (independent of _io)."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return {col: hashlib.sha256("".join(r[i] + "\n" for r in rows).encode("utf-8")).hexdigest() for i, col in enumerate(rows[0])}


# --------------------------------------------------------------------------- API and loading


def test_available_lists_three_scenarios():
    av = datasets.available()
    assert av["scenario"].tolist() == ["shop", "cafe", "bank"]
    assert list(av.columns) == ["scenario", "tables", "customers", "start", "end", "story"]
    assert (av["customers"] > 0).all()


def test_load_shop_tables_dtypes_and_summary():
    shop = datasets.load("shop")
    assert set(shop.tables) == {"customers", "orders", "surveys", "tickets"}
    assert shop["orders"] is shop.orders
    assert shop.name == "shop" and shop.as_of == shop.end == pd.Timestamp("2025-12-31")
    assert shop.start == pd.Timestamp("2024-01-01")
    c, o, s, t = shop.customers, shop.orders, shop.surveys, shop.tickets
    assert c["customer_id"].dtype == np.int64 and c["customer_id"].min() == 1 and c["customer_id"].is_unique
    assert len(c) == _params.SHIPPED["shop"]["customers"]
    assert pd.api.types.is_datetime64_any_dtype(c["signup_date"])
    assert pd.api.types.is_datetime64_any_dtype(o["order_date"])
    assert pd.api.types.is_datetime64_any_dtype(t["opened_at"])
    assert isinstance(o["category"].dtype, pd.CategoricalDtype)
    assert o["returned"].dtype == bool and c["acquired_with_discount"].dtype == bool
    assert o["order_date"].between(shop.start, shop.end).all()
    assert (o["amount"] > 0).all() and (o["discount"] >= 0).all()
    assert np.allclose(o["amount"], o["amount"].round(2))
    assert s["overall_satisfaction"].between(1, 5).all()
    assert s["likely_to_recommend"].between(0, 10).all()
    assert s["customer_effort"].between(1, 7).all()
    for d in DIMS:
        for k in (1, 2, 3):
            assert s[f"per_{d}_{k}"].between(1, 7).all() and s[f"exp_{d}_{k}"].between(1, 7).all()
    assert t.loc[~t["resolved"], "hours_to_resolve"].isna().all()
    assert o["customer_id"].isin(c["customer_id"]).all()
    assert c["email"].is_unique and c["phone"].is_unique
    text = repr(shop)
    assert "orders" in text and f"{len(o):,}" in text and "fictional" in text
    assert "<table>" in shop._repr_html_()


def test_load_returns_copies():
    # Speed is measured in bench/bench_datasets.py, not asserted here.
    datasets._shipped.cache_clear()
    shop = datasets.load("shop")
    shop.orders.loc[:, "amount"] = -1.0
    shop.tables["customers"] = shop.customers.iloc[:0]
    again = datasets.load("shop")
    assert (again.orders["amount"] > 0).all() and len(again.customers) == 5000


@pytest.mark.parametrize("name", ["shop", "cafe", "bank"])
def test_shipped_data_equals_in_memory_generation(regenerated, name):
    """load() without files (installed package) must give exactly the shipped data."""
    gen = regenerated[1][name]
    rec = _params.SHIPPED[name]
    assert (len(gen.customers), gen._meta["seed"], gen._meta["locale"]) == (rec["customers"], rec["seed"], rec["locale"])
    shipped = datasets.load(name)
    for t in shipped.tables:
        pd.testing.assert_frame_equal(shipped.tables[t], gen.tables[t], check_exact=True)
    pd.testing.assert_frame_equal(datasets.truth(name), datasets.truth(gen), check_exact=True)


def test_load_falls_back_to_generation_without_files(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTLEARN_DATA", str(tmp_path))
    datasets._shipped.cache_clear()
    try:
        bank = datasets.load("bank")
        assert len(bank.customers) == _params.SHIPPED["bank"]["customers"]
    finally:
        monkeypatch.delenv("CUSTLEARN_DATA")
        datasets._shipped.cache_clear()
    pd.testing.assert_frame_equal(bank.orders, datasets.load("bank").orders)


def test_truth_parameters_describe():
    tr = datasets.truth("shop")
    assert len(tr) == 5000 and tr["customer_id"].is_unique
    for col in ["purchase_rate", "dropout_prob", "alive_at_end", "churn_date", "latent_satisfaction", "spend_mean", "future_purchases", "future_value", "acquired_with_discount", "complaint_outcome"]:
        assert col in tr.columns
    assert set(tr["complaint_outcome"].astype(str)) <= {"none", "resolved_well", "resolved_poorly", "unresolved"}
    p = datasets.parameters("shop")
    for key in ["r", "alpha", "a", "b", "gg_p", "gg_q", "gg_gamma", "horizon_weeks", "seed", "customers"]:
        assert key in p
    assert p["horizon_weeks"] == 52 and p["seed"] == _params.SHIPPED["shop"]["seed"]
    assert abs(sum(p["satisfaction"]["weights"].values()) - 1.0) < 1e-9
    p["r"] = 99  # a copy
    assert datasets.parameters("shop")["r"] == 0.8
    # the dictionary describes exactly the columns of every table
    for name in datasets.SCENARIOS:
        d = datasets.describe(name)
        ds = datasets.load(name)
        tables = dict(ds.tables, truth=datasets.truth(name))
        for t, df in tables.items():
            assert d.loc[d["table"] == t, "column"].tolist() == list(df.columns), (name, t)
        assert d["meaning"].str.len().min() > 3
    assert "fictional" in " ".join(datasets.describe("shop", "customers")["meaning"])


def test_scenario_extras():
    cafe = datasets.load("cafe")
    assert {"is_member", "member_since"} <= set(cafe.customers.columns)
    m = cafe.customers
    assert m.loc[~m["is_member"], "member_since"].isna().all()
    assert m.loc[m["is_member"], "member_since"].notna().all()
    bank = datasets.load("bank")
    assert {"product", "account_opened", "account_closed", "branch"} <= set(bank.customers.columns)
    assert {"staff_attitude", "product_knowledge"} <= set(bank.surveys.columns)
    assert {"true_member_effect", "pre_join_rate"} <= set(datasets.truth("cafe").columns)
    assert "closure_cause" in datasets.truth("bank").columns
    assert set(bank.tables) == {"customers", "orders", "surveys", "tickets", "offices", "staff"}
    assert {"branch_office", "relationship_manager"} <= set(bank.customers.columns)


# --------------------------------------------------------------------------- determinism and files


def _build_args(out: Path, locale: str) -> list[str]:
    return ["build", "--scenario", "shop", "--customers", "400", "--seed", "9", "--out", str(out), "--locale", locale]


def test_two_processes_write_identical_bytes(tmp_path):
    """A fresh interpreter with its own hash seed and this test process write the same bytes (CLI build, two locales)."""
    locales = ("en_US", "zh_CN")
    other = [_build_args(tmp_path / f"a_{loc}", loc) for loc in locales]
    code = f"import sys; from custlearn.datasets.__main__ import main; sys.exit(max([main(a) for a in {other!r}]))"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ, PYTHONHASHSEED="random"), cwd=REPO)
    assert r.returncode == 0, r.stderr
    for locale in locales:
        a, b = tmp_path / f"a_{locale}", tmp_path / f"b_{locale}"
        assert datasets_cli(_build_args(b, locale)) == 0
        files = sorted(p.name for p in a.iterdir())
        assert files == sorted(p.name for p in b.iterdir())
        assert "orders.csv" in files and "manifest.json" in files
        for f in files:
            assert (a / f).read_bytes() == (b / f).read_bytes(), f"{locale}/{f} differs"
        raw = (a / "customers.csv").read_bytes()
        assert b"\r\n" not in raw


def test_manifest_matches_shipped_files():
    total = 0
    for name in datasets.SCENARIOS:
        folder = DATA / name
        man = json.loads((folder / "manifest.json").read_text())
        rec = _params.SHIPPED[name]
        assert man["seed"] == rec["seed"] and man["customers"] == rec["customers"]
        assert sorted(man["files"]) == sorted(p.name for p in folder.glob("*.csv"))
        for fname, info in man["files"].items():
            path = folder / fname
            assert sha(path) == info["sha256"], f"{name}/{fname} changed since the manifest"
            assert path.stat().st_size == info["bytes"]
            total += info["bytes"]
    assert total <= 25e6


def test_regenerating_shipped_files_gives_same_checksums(regenerated):
    """`make datasets` writes files with exactly the shipped checksums."""
    out = regenerated[0]
    for name in datasets.SCENARIOS:
        man = json.loads((out / name / "manifest.json").read_text())
        shipped = json.loads((DATA / name / "manifest.json").read_text())
        assert {f: i["sha256"] for f, i in man["files"].items()} == {f: i["sha256"] for f, i in shipped["files"].items()}, name
        for f, info in man["files"].items():
            assert sha(out / name / f) == info["sha256"]


def test_column_checksums_match_regenerated_data(regenerated):
    """Every column listed in the manifests' per-column checksums matches the regenerated data.

    Only the manifest's columns are checked: a change that adds columns (from an add-on stream)
    passes as long as every column that was there keeps its values byte for byte.  (The
    checksums' definition is checked against the csv module in the add-on test below.)
    """
    out = regenerated[0]
    checked = 0
    for name in datasets.SCENARIOS:
        shipped = json.loads((DATA / name / "manifest.json").read_text())
        now = json.loads((out / name / "manifest.json").read_text())
        for fname, info in shipped["files"].items():
            assert sorted(info["columns"]) == sorted(pd.read_csv(DATA / name / fname, nrows=0).columns), f"{name}/{fname}"
            for col, digest in info["columns"].items():
                assert now["files"][fname]["columns"].get(col) == digest, f"{name}/{fname}: column {col} changed"
                checked += 1
    assert checked > 300


def test_build_is_atomic_on_failure(tmp_path, monkeypatch):
    calls = {"n": 0}
    real = _io.write_csv

    def failing(df, path):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full (simulated)")
        real(df, path)

    monkeypatch.setattr(_io, "write_csv", failing)
    out = tmp_path / "shop_small"
    with pytest.raises(OSError):
        datasets.build("shop", out, customers=200, seed=1)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- the data engine: steps, add-on streams


def test_every_function_of_the_data_engine_fits_one_screen():
    """At most 60 lines of code per function in custlearn/datasets/, from the first statement after the docstring."""
    too_long = []
    for path in sorted((REPO / "custlearn" / "datasets").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                body = node.body[1:] if ast.get_docstring(node, clean=False) is not None else node.body
                if body and node.end_lineno - body[0].lineno + 1 > 60:
                    too_long.append(f"{path.name}:{node.name} ({node.end_lineno - body[0].lineno + 1} lines)")
    assert not too_long, too_long


def _dummy_addon(w, rng):
    """Test only: a survey column that follows latent satisfaction, a customer flag and a new table."""
    s = w.sat["S"][w.tables["surveys"]["customer_id"].to_numpy() - 1]
    return {
        "surveys": {"dummy_mood": np.round(s + rng.normal(0, 0.5, len(s)), 3)},
        "customers": {"dummy_flag": rng.random(w.n) < 0.5},
        "dummy_table": {"dummy_id": np.arange(1, 11, dtype=np.int64), "dummy_value": np.round(rng.normal(size=10), 3)},
    }


DUMMY_COLUMNS = (
    ("surveys", "dummy_mood", "float", "z-score", "Test only."),
    ("customers", "dummy_flag", "bool", "", "Test only."),
    ("dummy_table", "dummy_id", "int", "", "Test only."),
    ("dummy_table", "dummy_value", "float", "", "Test only."),
)


def test_an_addon_column_leaves_every_existing_column_unchanged(tmp_path, monkeypatch):
    """Columns and a table drawn from an add-on stream move no value of any existing column (files and per-column checksums)."""
    before = datasets.build("shop", tmp_path / "before", customers=300, seed=5)
    extra = _addons.AddOn("dummy mood", ("shop",), DUMMY_COLUMNS, _dummy_addon)
    monkeypatch.setattr(_addons, "ADDONS", [*_addons.ADDONS, extra])  # beside the registered add-ons
    after = datasets.build("shop", tmp_path / "after", customers=300, seed=5)
    assert sorted(after["files"]) == sorted([*before["files"], "dummy_table.csv"])
    for fname, info in after["files"].items():  # the per-column checksums are the documented ones
        assert info["columns"] == csv_column_sha256(tmp_path / "after" / fname), fname
    for fname, info in before["files"].items():
        new = after["files"][fname]["columns"]
        assert {c: new[c] for c in info["columns"]} == info["columns"], fname
        changed = fname in ("surveys.csv", "customers.csv")
        assert (after["files"][fname]["sha256"] != info["sha256"]) == changed, fname
        old_df = pd.read_csv(tmp_path / "before" / fname, dtype=str, keep_default_na=False)
        new_df = pd.read_csv(tmp_path / "after" / fname, dtype=str, keep_default_na=False)
        pd.testing.assert_frame_equal(new_df[list(old_df.columns)], old_df)
    surveys = pd.read_csv(tmp_path / "after" / "surveys.csv")
    latent = pd.read_csv(tmp_path / "after" / "truth.csv").set_index("customer_id")["latent_satisfaction"]
    assert surveys["dummy_mood"].corr(surveys["customer_id"].map(latent)) > 0.7
    assert datasets.describe("shop", "dummy_table")["column"].tolist() == ["dummy_id", "dummy_value"]
    # its stream: the same numbers for the same seed and name, none of a core stream's
    first = _streams.addon(5, "dummy mood").random(5)
    assert (first == _streams.addon(5, "dummy mood").random(5)).all()
    assert not np.isin(first, _streams.addon(5, "dummy mood 2").random(5)).any()
    for rng in _streams.core(5, "shop").values():
        assert not np.isin(first, rng.random(1000)).any()


def test_an_addon_may_only_add_the_columns_it_declares(monkeypatch):
    """An add-on cannot overwrite a column or return columns it does not declare; its stream needs a name."""
    def overwrite(w, rng):
        return {"surveys": {"comment": np.full(len(w.tables["surveys"]), "x", dtype=object)}}

    monkeypatch.setattr(_addons, "ADDONS", [_addons.AddOn("bad", ("shop",), (("surveys", "comment", "str", "", "Test only."),), overwrite)])
    with pytest.raises(DataError, match=r"would overwrite the column surveys\.comment"):
        datasets.generate("shop", customers=60, seed=1)
    monkeypatch.setattr(_addons, "ADDONS", [_addons.AddOn("undeclared", ("shop",), DUMMY_COLUMNS[:1], _dummy_addon)])
    with pytest.raises(DataError, match="declares"):
        datasets.generate("shop", customers=60, seed=1)
    with pytest.raises(DataError, match="non-empty name"):
        _streams.addon(1, " ")


# --------------------------------------------------------------------------- planted effects (shop)


def bgnbd_fit(orders: pd.DataFrame, end: pd.Timestamp) -> np.ndarray:
    """Maximum-likelihood BG/NBD fit, Fader, Hardie & Lee (2005), eq. (6); weeks."""
    from scipy.optimize import minimize
    from scipy.special import gammaln

    end = end + pd.Timedelta(days=1)
    g = orders.groupby("customer_id")["order_date"].agg(["min", "max", "count"])
    x = (g["count"] - 1).to_numpy(float)
    t_x = ((g["max"] - g["min"]).dt.days / 7).to_numpy()
    T = ((end - g["min"]).dt.days / 7).to_numpy()

    def nll(theta):
        r, alpha, a, b = np.exp(theta)
        a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
        a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
        a3 = -(r + x) * np.log(alpha + T)
        a4 = np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-12)) - (r + x) * np.log(alpha + t_x), -np.inf)
        return -np.sum(a1 + a2 + np.logaddexp(a3, a4))

    res = minimize(nll, np.log([1.0, 5.0, 1.0, 2.0]), method="L-BFGS-B")
    assert res.success
    return np.exp(res.x)


def test_bgnbd_parameters_recovered(big_shop):
    """Tolerance: r and alpha within 15 %, a and b within 30 % (complaints move p during life), E[p] within 15 %."""
    P = datasets.parameters(big_shop)
    r, alpha, a, b = bgnbd_fit(big_shop.orders, big_shop.end)
    assert abs(r / P["r"] - 1) < 0.15, r
    assert abs(alpha / P["alpha"] - 1) < 0.15, alpha
    assert abs(a / P["a"] - 1) < 0.30, a
    assert abs(b / P["b"] - 1) < 0.30, b
    assert abs((a / (a + b)) / (P["a"] / (P["a"] + P["b"])) - 1) < 0.15


def test_gamma_gamma_spend_parameters_recovered(big_shop):
    """Gamma-Gamma ML fit (Fader, Hardie & Lee 2005, "RFM and CLV"; Colombo & Jiang 1999) on
    repeat orders' amounts: p, q and gamma within 15 %."""
    from scipy.optimize import minimize
    from scipy.special import gammaln

    o = big_shop.orders.sort_values(["customer_id", "order_date", "order_id"])
    o = o[o.groupby("customer_id").cumcount() > 0]  # repeat orders (no welcome discount)
    g = o.groupby("customer_id")["amount"].agg(["mean", "count"])
    m, x = g["mean"].to_numpy(), g["count"].to_numpy(float)

    def nll(theta):
        p, q, gam = np.exp(theta)
        ll = gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * np.log(gam) + (p * x - 1) * np.log(m) + p * x * np.log(x) - (p * x + q) * np.log(gam + m * x)
        return -ll.sum()

    res = minimize(nll, np.log([2.0, 2.0, 10.0]), method="Nelder-Mead", options={"maxiter": 4000, "xatol": 1e-7, "fatol": 1e-7})
    p, q, gam = np.exp(res.x)
    P = datasets.parameters(big_shop)
    assert abs(p / P["gg_p"] - 1) < 0.15, p
    assert abs(q / P["gg_q"] - 1) < 0.15, q
    assert abs(gam / P["gg_gamma"] - 1) < 0.15, gam


def test_dropout_marginal_is_beta_and_prospects_exist(big_shop):
    from scipy import stats

    P = datasets.parameters(big_shop)
    tr = datasets.truth(big_shop)
    ks = stats.kstest(tr["dropout_prob"], stats.beta(P["a"], P["b"]).cdf)
    assert ks.pvalue > 0.001
    ks = stats.kstest(tr["purchase_rate"], stats.gamma(P["r"], scale=1 / P["alpha"]).cdf)
    assert ks.pvalue > 0.001
    buyers = big_shop.orders["customer_id"].unique()
    share = 1 - len(buyers) / len(big_shop.customers)
    assert 0.10 < share < 0.25  # prospects: signed up, never bought
    assert not tr.loc[tr["is_prospect"], "customer_id"].isin(buyers).any()


def revenue_top20(orders: pd.DataFrame) -> float:
    rev = orders.groupby("customer_id")["amount"].sum().sort_values(ascending=False)
    return rev.iloc[: int(round(0.2 * len(rev)))].sum() / rev.sum()


def test_top20_revenue_share(big_shop):
    """Top 20 % of buying customers bring 60-80 % of revenue (shipped and large sample)."""
    assert 0.60 <= revenue_top20(big_shop.orders) <= 0.80
    assert 0.60 <= revenue_top20(datasets.load("shop").orders) <= 0.80


def cronbach_alpha(items: np.ndarray) -> float:
    k = items.shape[1]
    return k / (k - 1) * (1 - items.var(axis=0, ddof=1).sum() / items.sum(axis=1).var(ddof=1))


def test_servqual_reliability_gaps_and_driver_weights(big_shop):
    s = big_shop.surveys
    for d in DIMS:
        alpha = cronbach_alpha(s[[f"per_{d}_{k}" for k in (1, 2, 3)]].to_numpy(float))
        assert 0.70 <= alpha <= 0.90, (d, alpha)
    gap = {d: (s[[f"per_{d}_{k}" for k in (1, 2, 3)]].mean(axis=1) - s[[f"exp_{d}_{k}" for k in (1, 2, 3)]].mean(axis=1)).mean() for d in DIMS}
    assert gap["reliability"] < -0.5 and gap["responsiveness"] < -0.5 and gap["tangibles"] > 0
    X = np.column_stack([np.ones(len(s))] + [s[[f"per_{d}_{k}" for k in (1, 2, 3)]].mean(axis=1) for d in DIMS])
    beta = np.linalg.lstsq(X, s["overall_satisfaction"].to_numpy(float), rcond=None)[0][1:]
    coef = dict(zip(DIMS, beta))
    assert sorted(DIMS, key=lambda d: -coef[d]) == WEIGHT_ORDER, coef


def test_loyalty_rises_steeply_only_at_the_top(big_shop):
    s = big_shop.surveys.merge(datasets.truth(big_shop), on="customer_id")
    by = s.groupby("overall_satisfaction").agg(alive=("alive_at_end", "mean"), p=("dropout_prob", "mean"), ref=("referrals", "mean"))
    # dropout probability falls and referrals rise most between 4 and 5 (non-linear)
    assert by.loc[4, "p"] - by.loc[5, "p"] > 1.3 * (by.loc[3, "p"] - by.loc[4, "p"]) > 0
    assert by.loc[4, "p"] - by.loc[5, "p"] > 3 * (by.loc[2, "p"] - by.loc[3, "p"])
    assert by.loc[5, "ref"] - by.loc[4, "ref"] > 2 * (by.loc[4, "ref"] - by.loc[3, "ref"]) > 0
    assert by.loc[5, "alive"] - by.loc[4, "alive"] > by.loc[3, "alive"] - by.loc[2, "alive"]
    group = pd.cut(s["likely_to_recommend"], [-1, 6, 8, 10], labels=["detractor", "passive", "promoter"])
    ref = s.groupby(group, observed=True)["referrals"].mean()
    assert ref["promoter"] > 3 * ref["passive"] and ref["passive"] > ref["detractor"]
    c = big_shop.customers
    referred = c[c["acquisition_channel"] == "referral"]
    assert len(referred) > 0.05 * len(c)
    assert referred["referred_by"].notna().all() and c.loc[c["acquisition_channel"] != "referral", "referred_by"].isna().all()
    assert (referred["referred_by"] < referred["customer_id"]).all()


def test_discount_acquired_customers_drop_out_faster(big_shop):
    o, c = big_shop.orders, big_shop.customers
    last = o.groupby("customer_id")["order_date"].max()
    early = c[c["signup_date"] < "2024-07-01"].set_index("customer_id")
    early = early[early.index.isin(last.index)]
    inactive = last.reindex(early.index) < pd.Timestamp("2025-07-01")  # no order in the last 26 weeks
    rate = inactive.groupby(early["acquired_with_discount"]).mean()
    assert rate[True] > rate[False] + 0.08, rate
    tr = datasets.truth(big_shop)
    tr = tr[~tr["is_prospect"]]
    m = tr.groupby("acquired_with_discount")["dropout_prob"].mean()
    assert m[True] > 1.5 * m[False]


def test_service_recovery_and_complaint_outcome_ordering(big_shop):
    o, t = big_shop.orders, big_shop.tickets
    tr = datasets.truth(big_shop).set_index("customer_id")
    first = t[t["is_complaint"]].sort_values("opened_at").drop_duplicates("customer_id")
    first = first[first["opened_at"] < "2025-01-01"].copy()
    first["outcome"] = first["customer_id"].map(tr["complaint_outcome"]).astype(str)
    odate = o.set_index("order_id")["order_date"]
    first["order_date"] = first["order_id"].map(odate)
    last = o.groupby("customer_id")["order_date"].max()
    first["no_later_order"] = first["customer_id"].map(last) <= first["order_date"]
    lost = first.groupby("outcome")["no_later_order"].mean()
    assert lost["resolved_well"] < lost["resolved_poorly"] < lost["unresolved"], lost
    # dropping out right after the complaint purchase, versus the customer's own base p
    rank = o.groupby("customer_id")["order_date"].rank(method="first")
    repeat = first["order_id"].map(pd.Series(rank.to_numpy(), index=o["order_id"])) > 1
    f = first[repeat.to_numpy()].copy()
    f["dropped_here"] = f["customer_id"].map(tr["churn_date"]) == f["order_date"]
    f["p_base"] = f["customer_id"].map(tr["dropout_prob"])
    g = f.groupby("outcome")[["dropped_here", "p_base"]].mean()
    assert g.loc["resolved_well", "dropped_here"] < 0.8 * g.loc["resolved_well", "p_base"]  # below pre-complaint level
    assert g.loc["unresolved", "dropped_here"] > 1.3 * g.loc["unresolved", "p_base"]


def profit_per_customer(ds) -> pd.Series:
    """The formula of datasets/README.md (lesson 5)."""
    o, t, c = ds.orders, ds.tickets, ds.customers.set_index("customer_id")
    kept = o.loc[~o["returned"]].groupby("customer_id")["margin"].sum()
    ret = o.groupby("customer_id")["return_cost"].sum()
    tick = t.groupby("customer_id")["handling_cost"].sum()
    idx = c.index
    return kept.reindex(idx, fill_value=0) - ret.reindex(idx, fill_value=0) - tick.reindex(idx, fill_value=0) - c["acquisition_cost"]


@pytest.mark.parametrize("which", ["big", "shipped"])
def test_whale_curve_peak_above_100_percent(big_shop, which):
    ds = big_shop if which == "big" else datasets.load("shop")
    profit = profit_per_customer(ds).sort_values(ascending=False)
    assert profit.sum() > 0
    curve = profit.cumsum() / profit.sum()
    assert curve.max() > 1.2, curve.max()
    worst30 = profit.iloc[-int(0.3 * len(profit)) :]
    assert worst30.sum() < 0  # the least profitable 30 % destroy part of the profit


def test_future_values_come_from_the_horizon(big_shop):
    tr = datasets.truth(big_shop)
    assert tr["future_purchases"].sum() > 0
    assert (tr.loc[tr["future_purchases"] == 0, "future_value"] == 0).all()
    dead = tr["churn_date"].notna() & (tr["churn_date"] <= big_shop.end)
    assert (tr.loc[dead, "future_purchases"] == 0).all()
    assert not tr.loc[dead, "alive_at_end"].any()


# --------------------------------------------------------------------------- the customer journey (effect 10)


@pytest.mark.parametrize("name", ["shop", "cafe", "bank"])
def test_journey_model_is_exactly_the_planted_one(name):
    """The planted joint model, checked on its full table of profiles (no sampling): answer shares, exact
    means, rating shares, and a population regression that returns the planted penalties, rewards and
    expectation effect."""
    from custlearn.datasets import _journey

    M, J = _journey.model(name), datasets.parameters(name)["journey"]
    # overall answers: 1 + number of cuts below S + N(0, 0.45), S ~ N(0, 1) (README effect 3), by scipy
    from scipy import stats

    cdf = stats.norm(0, np.sqrt(1 + 0.45**2)).cdf([-1.9, -0.95, 0.15, 1.0])
    pi = np.diff(np.concatenate([[0], cdf, [1]]))
    assert np.allclose(M.answer.sum(axis=-1), 1, atol=1e-12)
    assert np.allclose((M.answer * np.arange(1, 6)).sum(axis=-1), M.eta, atol=1e-9)
    assert np.allclose((M.prior[..., None] * M.answer).sum(axis=(0, 1, 2)), pi, atol=1e-9)
    p_r = M.prior.sum(axis=(0, 2))
    for j, (tp, spec) in enumerate(J["touch_points"].items()):
        shares = [p_r[M.R[:, j] == level].sum() for level in range(1, 6)]
        assert np.allclose(shares, spec["shares"], atol=1e-9), tp
    assert np.allclose(M.prior.sum(axis=(1, 2)), [v["share"] for v in J["needs"].values()])
    # the population regression of the mean answer on low/high codes and expectation, by numpy lstsq
    low, high = (M.R <= J["low"]).astype(float), (M.R >= J["high"]).astype(float)
    n_s, n_r = M.prior.shape[:2]
    X = np.concatenate([np.ones((n_r * 5, 1)), np.repeat(low, 5, axis=0), np.repeat(high, 5, axis=0),
                        np.tile(np.arange(1, 6), n_r)[:, None]], axis=1)
    w = np.sqrt(M.prior.sum(axis=0).ravel())
    y = (M.prior * M.eta).sum(axis=0).ravel() / M.prior.sum(axis=0).ravel()
    b = np.linalg.lstsq(X * w[:, None], y * w, rcond=None)[0]
    k = len(J["touch_points"])
    assert np.allclose(-b[1:1 + k], [v["penalty"] for v in J["touch_points"].values()], atol=1e-9)
    assert np.allclose(b[1 + k:1 + 2 * k], [v["reward"] for v in J["touch_points"].values()], atol=1e-9)
    assert b[-1] == pytest.approx(J["expectation_effect"], abs=1e-9)
    assert np.allclose(M.prior.sum(axis=(1, 2)) @ M.m, 1.0)  # need multipliers average 1 over customers


def test_journey_columns_are_in_the_dictionary_and_come_from_their_own_stream(big_shop):
    cols = ["main_need", "read_reviews", "review_rating_seen", "prior_expectation", "rating_website_app",
            "rating_checkout", "rating_delivery", "rating_returns", "rating_service_contact"]
    d = datasets.describe("shop", "surveys")
    assert d["column"].tolist()[-len(cols):] == cols
    assert list(big_shop.surveys.columns[-len(cols):]) == cols
    assert set(datasets.describe("bank", "surveys")["column"]) >= {"rating_branch", "rating_app", "rating_phone", "rating_adviser"}
    assert "journey" in [a.stream for a in _addons.ADDONS if "shop" in a.scenarios]


@pytest.mark.parametrize("fixture", ["big_shop", "big_bank"])
def test_journey_effects_recovered_in_a_large_sample(request, fixture):
    """About 6,000 respondents: penalties, rewards, the expectation and review effects within 3.5 standard
    errors of the planted values (statsmodels OLS), shares within 2 points."""
    import statsmodels.api as sm

    ds = request.getfixturevalue(fixture)
    s, J = ds.surveys, datasets.parameters(ds)["journey"]
    names = [f"rating_{t}" for t in J["touch_points"]]
    D = pd.concat({**{f"low {c}": (s[c] <= 2).astype(float) for c in names},
                   **{f"high {c}": (s[c] >= 4).astype(float) for c in names},
                   "expectation": s["prior_expectation"].astype(float)}, axis=1)
    fit = sm.OLS(s["overall_satisfaction"].astype(float), sm.add_constant(D)).fit()
    for t, spec in J["touch_points"].items():
        assert abs(-fit.params[f"low rating_{t}"] - spec["penalty"]) < 3.5 * fit.bse[f"low rating_{t}"], t
        assert abs(fit.params[f"high rating_{t}"] - spec["reward"]) < 3.5 * fit.bse[f"high rating_{t}"], t
        shares = s[f"rating_{t}"].value_counts(normalize=True).sort_index().to_numpy()
        assert np.allclose(shares, spec["shares"], atol=0.02), t
    assert abs(fit.params["expectation"] - J["expectation_effect"]) < 3.5 * fit.bse["expectation"]
    readers = s[s["read_reviews"]]
    rv = sm.OLS(readers["prior_expectation"].astype(float), sm.add_constant(readers["review_rating_seen"])).fit()
    assert abs(rv.params["review_rating_seen"] - J["reviews"]["expectation_per_star"]) < 3.5 * rv.bse["review_rating_seen"]
    assert s["read_reviews"].mean() == pytest.approx(J["reviews"]["read_share"], abs=0.02)
    needs = s["main_need"].value_counts(normalize=True)
    assert all(needs[k] == pytest.approx(v["share"], abs=0.02) for k, v in J["needs"].items())
    assert s["review_rating_seen"].dropna().between(1, 5).all() and s["prior_expectation"].between(1, 5).all()


def test_journey_truth_and_what_if_refuse_what_they_cannot_answer():
    with pytest.raises(DataError, match='changes names "delivery"'):
        datasets.journey_what_if("shop", {"delivery": 0.5})
    with pytest.raises(DataError, match=r'changes\["rating_app"\] must be a number from -4 to 4'):
        datasets.journey_what_if("bank", {"rating_app": 5})
    with pytest.raises(DataError, match='statistic="median"'):
        datasets.journey_what_if("bank", {"rating_app": 1}, statistic="median")
    with pytest.raises(DataError, match='There is no scenario "shoes"'):
        datasets.journey_truth("shoes")
    # a change of 0 changes nothing; +1 for every touch point at once raises the planted top-box share
    assert datasets.journey_what_if("cafe", {"rating_staff": 0}).loc["change", "planted"] == pytest.approx(0, abs=1e-12)
    up = datasets.journey_what_if("cafe", {f"rating_{t}": 1 for t in ("ordering", "food_and_drink", "staff", "ambience")})
    assert up.loc["change", "planted"] > 10


# --------------------------------------------------------------------------- cafe and bank


def test_cafe_naive_member_gap_overstates_true_effect(big_cafe):
    c, o = big_cafe.customers, big_cafe.orders
    P = datasets.parameters(big_cafe)
    true = P["membership"]["true_effect"] - 1
    end = big_cafe.end + pd.Timedelta(days=1)
    g = o.groupby("customer_id")["order_date"].agg(["min", "count"])
    weeks = (end - g["min"]).dt.days / 7
    rate = (g["count"] / weeks).reindex(c["customer_id"])
    member = c.set_index("customer_id")["is_member"]
    naive = rate[member].mean() / rate[~member].mean() - 1
    assert naive > 5 * true, (naive, true)
    # pre-join visits are kept: members visited before joining
    oj = o.merge(c[c["is_member"]][["customer_id", "member_since"]], on="customer_id")
    assert (oj["order_date"] < oj["member_since"]).groupby(oj["customer_id"]).any().mean() > 0.9
    tr = datasets.truth(big_cafe)
    assert set(tr.loc[tr["customer_id"].isin(c.loc[c["is_member"], "customer_id"]), "true_member_effect"]) == {P["membership"]["true_effect"]}


def test_bank_closure_driven_by_staff_attitude_and_complaints(big_bank):
    c, s = big_bank.customers, big_bank.surveys
    closed = c.set_index("customer_id")["account_closed"].notna()
    att = s.groupby("customer_id")["staff_attitude"].mean()
    low = closed.reindex(att.index)[att <= 3].mean()
    high = closed.reindex(att.index)[att >= 5].mean()
    assert low > 1.5 * high, (low, high)
    kn = s.groupby("customer_id")["product_knowledge"].mean()
    assert closed.reindex(kn.index)[kn <= 3].mean() > closed.reindex(kn.index)[kn >= 5].mean()
    tr = datasets.truth(big_bank).set_index("customer_id")
    rate = closed.groupby(tr["complaint_outcome"].astype(str)).mean()
    assert rate["unresolved"] > rate["resolved_poorly"] > rate["resolved_well"], rate
    assert (c["account_opened"] == c["signup_date"]).all()
    o = big_bank.orders.merge(c[["customer_id", "account_closed"]], on="customer_id")
    assert (o["account_closed"].isna() | (o["order_date"] <= o["account_closed"])).all()


# --------------------------------------------------------------------------- lesson 06: service (effects 10-12)


def _ols(y, *columns):
    """Least-squares coefficients of y on an intercept and ``columns`` (numpy, written here)."""
    X = np.column_stack([np.ones(len(y)), *columns])
    return np.linalg.lstsq(X, np.asarray(y, float), rcond=None)[0]


@pytest.mark.parametrize("name", ["shop", "cafe", "bank"])
def test_ticket_classification_follows_its_rules(name):
    ds = datasets.load(name)
    t = ds.tickets
    S = datasets.parameters(name)["service"]
    assert set(t["stage"].astype(str)) <= set(S["stages"])
    assert (t["time_limit_hours"] == t["stage"].astype(str).map(S["time_limit_hours"])).all()
    in_sale = t[t["stage"] == "in-sale"]
    assert len(in_sale) > 0 and in_sale["category"].astype(str).isin(S["in_sale_categories"]).all()
    if name == "bank":
        opened = in_sale["customer_id"].map(ds.customers.set_index("customer_id")["account_opened"])
        assert ((in_sale["opened_at"] - opened) <= pd.Timedelta(days=S["in_sale_days_bank"])).all()
    else:
        day = in_sale["order_id"].map(ds.orders.set_index("order_id")["order_date"])
        assert ((in_sale["opened_at"] - day) <= pd.Timedelta(hours=S["in_sale_hours"])).all()
    # a delivery or a damaged item is after-sale service (deck 001: 送货上门, 维修)
    assert (t.loc[t["category"].isin(["late delivery", "card delivery delay", "damaged or wrong item"]), "stage"]
            == "after-sale").all()
    assert ((t["contacts"] == 1) == t["first_contact_resolution"]).all() and t["contacts"].between(1, 9).all()
    assert not (t["reopened"] & ~t["resolved"]).any() and not (t["follow_up_call"] & ~t["resolved"]).any()
    assert t.loc[t["category"].isin(["installation/service problem", "online banking problem"]), "technical"].all()
    assert not (t["paid"] & (t["category"] == "installation/service problem") & ~t["on_site_visit"]).any()
    assert t["owner_team"].notna().all()


def test_bank_offices_nest_in_branches_and_staff_work_in_them():
    bank = datasets.load("bank")
    c, offices, staff = bank.customers, bank.offices, bank.staff
    P = datasets.parameters("bank")["service_profit_chain"]
    assert len(offices) == P["offices_per_branch"] * c["branch"].nunique() == 36
    assert (offices.groupby("branch", observed=True)["location"].apply(lambda s: (s == "city centre").sum()) == 1).all()
    office_branch = c["branch_office"].astype(str).map(offices.set_index("branch_office")["branch"].astype(str))
    assert (office_branch == c["branch"].astype(str)).all()  # every customer's office is in their own branch
    assert set(staff["branch_office"].astype(str)) == set(offices["branch_office"])
    assert (staff.groupby("branch_office", observed=True)["role"].apply(lambda r: (r == "office manager").sum()) == 1).all()
    assert staff["employee_satisfaction"].between(1, 5).all() and staff["pay_band"].between(1, 4).all()
    assert staff["employee_id"].is_unique and (staff["training_hours"] >= 0).all()
    managers = c["relationship_manager"].dropna().astype(int)
    their = staff.set_index("employee_id").loc[managers.to_numpy()]
    assert (their["role"] == "relationship manager").all()
    assert (their["branch_office"].astype(str).to_numpy() == c.loc[managers.index, "branch_office"].astype(str)).all()


def test_service_profit_chain_planted_with_a_confounder(big_bank):
    """Effect 11: the adjusted office slope recovers the planted staff effect; the naive one overstates it."""
    P = datasets.parameters("bank")["service_profit_chain"]
    c = big_bank.customers.assign(closed=big_bank.customers["account_closed"].notna(),
                                  z=datasets.truth(big_bank)["true_staff_attitude"].to_numpy())
    office = c.groupby("branch_office", observed=True).agg(rate=("closed", "mean"), z=("z", "mean"))
    office["E"] = big_bank.staff.groupby("branch_office", observed=True)["employee_satisfaction"].mean()
    office["centre"] = (big_bank.offices.set_index("branch_office")["location"] == "city centre").astype(float)
    naive = _ols(office["rate"], office["E"])[1]
    adjusted, centre = _ols(office["rate"], office["E"], office["centre"])[1:]
    assert abs(adjusted - P["closure_per_point"]) < 0.02, adjusted
    assert naive < adjusted - 0.015, (naive, adjusted)
    assert abs(centre - P["centre_closure_effect"]) < 0.025, centre
    assert 0.45 < _ols(office["z"], office["E"], office["centre"])[1] < 0.75
    assert office.groupby("centre")["E"].mean().diff().iloc[-1] > 0.3  # city-centre staff are more satisfied


def test_key_accounts_with_a_manager_stay_longer(big_bank):
    """Effect 12: among the top 10 % by margin on the designation day, a manager goes with 0.4 x the closures."""
    P = datasets.parameters("bank")["key_accounts"]
    c = big_bank.customers.set_index("customer_id")
    day = pd.Timestamp("2024-12-31")
    open_then = c[(c["account_opened"] <= day) & ~(c["account_closed"] <= day)]
    margin = big_bank.orders[big_bank.orders["order_date"] <= day].groupby("customer_id")["margin"].sum()
    value = margin.reindex(open_then.index, fill_value=0.0)
    key = value.sort_values(ascending=False, kind="stable").index[: round(P["top_share"] * len(value))]
    k = open_then.loc[key]
    left, managed = k["account_closed"].notna(), k["relationship_manager"].notna()
    assert abs(managed.mean() - P["relationship_manager_share"]) < 0.05
    ratio = left[managed].mean() / left[~managed].mean()
    assert 0.25 < ratio < 0.6, ratio
    others = open_then.drop(index=key)
    assert others["relationship_manager"].notna().mean() < 0.04
    t = big_bank.tickets
    premium = t["customer_id"].map(c["relationship_manager"].notna()) & (t["opened_at"] > day + pd.Timedelta(days=1))
    assert t.loc[premium & t["resolved"], "follow_up_call"].mean() > 0.75


# --------------------------------------------------------------------------- raw extract


def test_raw_extract_counts_match_raw_problems():
    raw = datasets.load("shop", raw=True)
    clean = datasets.load("shop")
    probs = datasets.raw_problems("shop").set_index("problem")["count"]
    dup = datasets.duplicates("shop")
    rc, ro = raw.customers, raw.orders
    assert rc["phone"].dtype != np.int64 and not pd.api.types.is_datetime64_any_dtype(ro["order_date"])
    assert len(rc) == len(clean.customers) + probs["duplicate_person"] == len(clean.customers) + len(dup)
    assert dup["customer_id"].isin(rc["customer_id"]).all() and dup["duplicate_of"].isin(clean.customers["customer_id"]).all()
    # canonical value of each raw record's person
    person = rc["customer_id"].map(dict(zip(dup["customer_id"], dup["duplicate_of"]))).fillna(rc["customer_id"]).astype(int)
    canon = clean.customers.set_index("customer_id").loc[person.to_numpy()].reset_index(drop=True)
    for problem, col in [("name_format", "name"), ("email_format", "email"), ("phone_format", "phone"), ("city_variant", "city")]:
        v = rc[col]
        n = int((v.notna() & (v.astype(str) != canon[col].astype(str))).sum())
        assert n == probs[problem], problem
        assert int(v.isna().sum()) == probs.get(f"missing_{col}", 0), col
    assert probs["missing_email"] > 0 and probs["missing_phone"] > 0 and probs["city_variant"] > 0
    # same phone digits, different format
    digits_raw = rc["phone"].str.replace(r"\D", "", regex=True)
    digits_canon = canon["phone"].str.replace(r"\D", "", regex=True)
    assert (digits_raw[rc["phone"].notna()] == digits_canon[rc["phone"].notna()]).all()
    assert rc["age"].isna().sum() == probs["missing_age"]
    assert int(((rc["age"] < 18) | (rc["age"] > 100)).fillna(False).sum()) == probs["age_out_of_range"] > 0
    assert int((ro["amount"] < 0).sum()) == probs["negative_amount"] > 0
    iso = ro["order_date"].str.fullmatch(r"\d{4}-\d{2}-\d{2}")
    assert int((~iso).sum()) == probs["date_format"] > 0
    parsed = pd.to_datetime(ro["order_date"], format="mixed", dayfirst=False)
    outside = ~parsed.between(raw.start, raw.end)
    assert int(outside.sum()) == probs["date_outside_window"] > 0
    assert int(ro["customer_id"].isin(dup["customer_id"]).sum()) == probs["order_on_duplicate_record"] > 0
    assert len(ro) == len(clean.orders)


# --------------------------------------------------------------------------- people


def test_people_unique_and_locale_zh_cn():
    zh = datasets.generate("shop", customers=3000, seed=4, locale="zh_CN")
    c = zh.customers
    assert c["name"].str.contains(r"[\u4e00-\u9fff]", regex=True).mean() > 0.95
    assert c["email"].map(str.isascii).all() and c["email"].is_unique
    assert c["phone"].is_unique and c["phone"].str.fullmatch(r"1\d{10}").all()
    assert c["city"].astype(str).str.contains(r"[\u4e00-\u9fff]", regex=True).all()


# --------------------------------------------------------------------------- bad input


def test_unknown_scenario_and_table():
    with pytest.raises(DataError, match=r'"shop", "cafe", "bank"'):
        datasets.load("store")
    with pytest.raises(DataError, match="scenarios are"):
        datasets.generate("store", customers=10)
    with pytest.raises(DataError, match=r'Its tables are: "customers", "orders"'):
        datasets.describe("shop", "purchases")
    with pytest.raises(DataError, match="Its tables are"):
        datasets.load("shop")["purchases"]
    with pytest.raises(DataError, match='"shop" only'):
        datasets.load("bank", raw=True)


@pytest.mark.parametrize("customers", [0, -5, 2.5, "100", True])
def test_customers_must_be_positive_int(customers):
    with pytest.raises(DataError, match="customers must be a whole number of at least 1"):
        datasets.generate("shop", customers=customers)


def test_end_before_start_and_bad_dates():
    with pytest.raises(DataError, match="is before start"):
        datasets.generate("shop", customers=10, start="2025-01-01", end="2024-01-01")
    with pytest.raises(DataError, match="is not a date"):
        datasets.generate("shop", customers=10, start="soon")


def test_unknown_locale_lists_valid_ones():
    with pytest.raises(DataError, match=r'locale="xx_XX".*"en_US".*"zh_CN"'):
        datasets.generate("shop", customers=10, locale="xx_XX")


def test_unwritable_out_dir(tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    with pytest.raises(DataError, match="Cannot write into"):
        datasets.build("shop", blocker / "sub" / "shop", customers=50, seed=1)
    with pytest.raises(DataError, match="is a file"):
        datasets.build("shop", blocker, customers=50, seed=1)


def test_refuses_shipped_dir_and_existing_dir_without_force(tmp_path):
    before = sha(DATA / "shop" / "orders.csv")
    with pytest.raises(DataError, match="--force"):
        datasets.build("shop", DATA / "shop", customers=50, seed=1)
    r = subprocess.run([sys.executable, "-m", "custlearn.datasets", "build", "--scenario", "shop", "--customers", "50", "--out", str(DATA / "shop")], capture_output=True, text=True, cwd=REPO)
    assert r.returncode == 2 and "--force" in r.stderr
    assert sha(DATA / "shop" / "orders.csv") == before
    out = tmp_path / "mine"
    datasets.build("shop", out, customers=50, seed=1)
    with pytest.raises(DataError, match="not empty"):
        datasets.build("shop", out, customers=50, seed=2)
    datasets.build("shop", out, customers=60, seed=2, force=True)
    assert json.loads((out / "manifest.json").read_text())["customers"] == 60
    assert [p.name for p in tmp_path.iterdir()] == ["mine"]


def test_readme_documents_every_column_and_the_profit_formula():
    text = (DATA / "README.md").read_text(encoding="utf-8")
    assert "$" not in text and "fictional" in text
    for name in datasets.SCENARIOS:
        for col in datasets.describe(name)["column"]:
            if col.startswith(("exp_", "per_", "true_per_", "true_exp_")):
                continue
            assert f"`{col}`" in text, (name, col)
    assert "sum(orders.margin where returned is False)" in text
    probs = datasets.raw_problems("shop")
    for problem, count in zip(probs["problem"], probs["count"]):
        assert f"| {problem} |" in text and f"| {count} |" in text, problem
