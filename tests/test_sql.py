"""Lesson 09: custlearn.sql gives the pandas functions' answers, on DuckDB (here) and Spark (tests_spark/).

The references are the pandas measures of lessons 04, 05 and 07 (themselves tested
against published values and well-kept libraries), and for the RFM scores a
small independent implementation of the "same values, same score" rule below.
Every equality is checked from a pandas frame, from the shipped CSV files and
from Parquet files written to a temporary folder. ``tests_spark/`` runs the
same cases on Spark (``make test-spark``).
"""

from __future__ import annotations

import functools
import hashlib
import subprocess
import sys
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from custlearn import DataError, churn, datasets, loyalty, sql, value

ROOT = Path(__file__).resolve().parents[1]
COMPANIES = ["shop", "cafe", "bank"]
AS_OF = "2025-12-31"
CUTOFF = "2025-06-30"


# --------------------------------------------------------------------------- references


def reference_scores(values: np.ndarray, bins: int, *, larger_is_worse: bool = False) -> np.ndarray:
    """The tie rule "same", written independently of SQL: 1 + (bins * k) // n, k = strictly worse customers."""
    v = np.asarray(values, dtype=float)
    ordered = np.sort(v)
    n = len(v)
    k = n - np.searchsorted(ordered, v, side="right") if larger_is_worse else np.searchsorted(ordered, v, side="left")
    return 1 + (bins * k) // n


def reference_rfm_scores(rfm: pd.DataFrame, bins: int = 5) -> pd.DataFrame:
    out = rfm.copy()
    out["recency_score"] = reference_scores(rfm["recency"], bins, larger_is_worse=True)
    out["frequency_score"] = reference_scores(rfm["frequency"], bins)
    out["monetary_score"] = reference_scores(rfm["monetary"], bins)
    out["rfm_score"] = out["recency_score"] * 100 + out["frequency_score"] * 10 + out["monetary_score"]
    return out


def test_reference_scores_on_a_hand_worked_example():
    # 5 customers, bins 5: frequency 1, 1, 2, 4, 6 -> worse counts 0, 0, 2, 3, 4 -> scores 1, 1, 3, 4, 5
    assert reference_scores([1, 1, 2, 4, 6], 5).tolist() == [1, 1, 3, 4, 5]
    # recency (days): 5, 5, 10, 40, 90 -> larger is worse: worse counts 3, 3, 2, 1, 0
    assert reference_scores([5, 5, 10, 40, 90], 5, larger_is_worse=True).tolist() == [4, 4, 3, 2, 1]
    # 10 customers, bins 4: k = 0..9 -> 1 + 4k // 10
    assert reference_scores(np.arange(10), 4).tolist() == [1, 1, 1, 2, 2, 3, 3, 3, 4, 4]


def assert_same(ours, theirs, what: str = "") -> None:
    """Same index, columns, dtypes, values (floats within 1e-9 relative), attrs."""
    if isinstance(theirs, pd.DataFrame):
        pd.testing.assert_frame_equal(ours, theirs, check_exact=False, rtol=1e-9, atol=0, obj=what or "frame")
        assert ours.attrs == theirs.attrs, what
    else:
        assert ours == pytest.approx(theirs, rel=1e-9, abs=0), what


# --------------------------------------------------------------------------- the cases, shared with tests_spark


def sources(name: str, form: str, folder: Path) -> dict:
    """The company's tables as a pandas frame, the shipped CSV files, or Parquet files in ``folder``."""
    ds = datasets.load(name)
    if form == "frame":
        return {"orders": ds.orders, "customers": ds.customers, "surveys": ds.surveys}
    csv = {t: str(ROOT / "datasets" / name / f"{t}.csv") for t in ("orders", "customers", "surveys")}
    if form == "csv":
        return csv
    out = {}
    con = duckdb.connect()
    for table, path in csv.items():
        target = folder / name / table
        target.mkdir(parents=True, exist_ok=True)
        con.read_csv(path).write_parquet(str(target / "part-0.parquet"))
        out[table] = str(target)
    con.close()
    return out


@functools.lru_cache(maxsize=None)
def reference(name: str, measure: str):
    """The pandas answer, computed once per company and measure (shared by the input forms)."""
    ds = datasets.load(name)
    o, c = ds.orders, ds.customers
    kind = "contractual" if name == "bank" else "non-contractual"
    table = value.rfm(o, AS_OF)
    return {
        "rfm": lambda: value.rfm(o, AS_OF),
        "rfm cutoff": lambda: value.rfm(o, CUTOFF),
        "clv": lambda: value.clv_summary(o, AS_OF),
        "clv weeks": lambda: value.clv_summary(o, CUTOFF, time_unit="weeks", amount_col=None),
        "scores": lambda: reference_rfm_scores(table),
        "scores 4": lambda: reference_rfm_scores(table, 4),
        "rpr": lambda: loyalty.repeat_purchase_rate(o),
        "rpr 90": lambda: loyalty.repeat_purchase_rate(o, count="days", within_days=90, as_of=CUTOFF),
        "retention": lambda: loyalty.retention_rate(o),
        "churn": lambda: loyalty.churn_rate(o, "Q", as_of=CUTOFF),
        "cohorts": lambda: loyalty.cohort_retention(c, o),
        "nps": lambda: loyalty.nps(ds.surveys["likely_to_recommend"]),
        "pareto": lambda: value.pareto_table(table["monetary"]),
        "labels": lambda: churn.label_churn(c, o, CUTOFF, kind=kind),
    }[measure]()


def check_company(name: str, form: str, folder: Path, **engine) -> None:
    """The measures of custlearn.sql against their pandas functions, on one company and one input form.

    A pandas frame goes through every measure; files (the shipped CSV, Parquet) through the measures
    that read each kind of table at the file door: orders, customers and surveys.
    """
    src = sources(name, form, folder)
    o, c = src["orders"], src["customers"]
    kind = "contractual" if name == "bank" else "non-contractual"
    assert_same(sql.rfm(o, AS_OF, **engine), reference(name, "rfm"), f"{name} rfm")
    assert_same(sql.clv_summary(o, AS_OF, **engine), reference(name, "clv"), f"{name} clv")
    assert_same(sql.label_churn(c, o, CUTOFF, kind=kind, **engine), reference(name, "labels"), f"{name} labels")
    assert_same(sql.nps(src["surveys"], **engine), reference(name, "nps"), f"{name} nps")
    if form != "frame":
        return
    assert_same(sql.rfm(o, CUTOFF, **engine), reference(name, "rfm cutoff"), f"{name} rfm cutoff")
    assert_same(sql.clv_summary(o, CUTOFF, time_unit="weeks", amount_col=None, **engine),
                reference(name, "clv weeks"), f"{name} clv weeks")
    table = reference(name, "rfm")
    assert_same(sql.rfm_scores(table, **engine), reference(name, "scores"), f"{name} rfm_scores")
    assert_same(sql.rfm_scores(table, 4, **engine), reference(name, "scores 4"), f"{name} rfm_scores 4")
    assert_same(sql.repeat_purchase_rate(o, **engine), reference(name, "rpr"), f"{name} rpr")
    assert_same(sql.repeat_purchase_rate(o, count="days", within_days=90, as_of=CUTOFF, **engine),
                reference(name, "rpr 90"), f"{name} rpr 90")
    assert_same(sql.retention_rate(o, **engine), reference(name, "retention"), f"{name} retention")
    assert_same(sql.churn_rate(o, "Q", as_of=CUTOFF, **engine), reference(name, "churn"), f"{name} churn_rate")
    assert_same(sql.cohort_retention(c, o, **engine), reference(name, "cohorts"), f"{name} cohorts")
    pareto, expected = sql.pareto_table(table["monetary"], **engine), reference(name, "pareto")
    assert_same(pareto.table, expected.table, f"{name} pareto")
    assert_same(pareto.top_share, expected.top_share, f"{name} pareto top_share")


def check_periods(**engine) -> None:
    """Every calendar period of retention and cohorts (weeks Monday-Sunday, as pandas numbers them)."""
    o, c = datasets.load("cafe").orders, datasets.load("cafe").customers
    for period in ("D", "W", "Y"):  # M and Q: in check_company
        assert_same(sql.retention_rate(o, period, **engine), loyalty.retention_rate(o, period), f"retention {period}")
        assert_same(sql.cohort_retention(c.iloc[::3], o, period, values="count", as_of=CUTOFF, **engine),
                    loyalty.cohort_retention(c.iloc[::3], o, period, values="count", as_of=CUTOFF), f"cohort {period}")


def check_refunds_and_text_ids(**engine) -> None:
    """Refunds (negative amounts) and text ids follow the pandas rules."""
    o = datasets.load("shop").orders.head(3000).copy()
    o.loc[o.index[::7], "amount"] *= -1  # every 7th row a refund
    o["customer_id"] = "C" + o["customer_id"].astype(str).str.zfill(5)
    for fn in (value.rfm, value.clv_summary):
        ours = getattr(sql, fn.__name__)(o, AS_OF, allow_refunds=True, **engine)
        assert_same(ours, fn(o, AS_OF, allow_refunds=True), f"{fn.__name__} refunds")
    with pytest.raises(DataError, match="allow_refunds=True"):
        sql.rfm(o, AS_OF, **engine)


# --------------------------------------------------------------------------- DuckDB


@pytest.mark.parametrize("form", ["frame", "csv", "parquet"])
@pytest.mark.parametrize("name", COMPANIES)
def test_duckdb_equals_pandas(name, form, tmp_path):
    check_company(name, form, tmp_path)


def test_duckdb_periods_equal_pandas():
    check_periods()


def test_duckdb_refunds_and_text_ids():
    check_refunds_and_text_ids()


def test_rfm_scores_equal_value_rfm_scores():
    for name in COMPANIES:
        table = value.rfm(datasets.load(name).orders, AS_OF)
        assert_same(sql.rfm_scores(table), value.rfm_scores(table), name)
        assert_same(sql.rfm_scores(table, 3), value.rfm_scores(table, 3, ties="same"), name)


def test_a_table_of_your_own_connection_and_hive_partitions(tmp_path):
    orders = datasets.load("shop").orders
    con = duckdb.connect()
    con.register("frame", orders)
    con.execute("CREATE TABLE shop_orders AS SELECT * FROM frame")
    assert_same(sql.rfm("shop_orders", AS_OF, connection=con), value.rfm(orders, AS_OF))
    assert con.execute("SELECT COUNT(*) FROM shop_orders").fetchone()[0] == len(orders)  # the connection stays open
    folder = tmp_path / "orders"
    con.execute("SET threads = 1")
    con.sql("SELECT *, strftime(order_date, '%Y-%m') AS order_month FROM shop_orders").write_parquet(
        str(folder), partition_by=["order_month"])
    assert len(list(folder.glob("order_month=*"))) == 24
    assert_same(sql.clv_summary(str(folder), AS_OF), value.clv_summary(orders, AS_OF))
    assert_same(sql.clv_summary(str(folder / "*" / "*.parquet"), AS_OF), value.clv_summary(orders, AS_OF))


def test_rfm_scores_from_files_are_indexed_by_customer(tmp_path):
    table = value.rfm(datasets.load("cafe").orders, AS_OF)
    path = tmp_path / "rfm.csv"
    table.iloc[::-1].to_csv(path)  # written in reverse: the answer comes back sorted by id
    assert_same(sql.rfm_scores(str(path)), reference_rfm_scores(table))


def test_the_sql_text_is_one_text_with_named_slots():
    text = sql.query_text("rfm")
    assert "{customer}" in text and ":as_of" in text and "days_between" in text
    with pytest.raises(DataError, match='measure="rfn" is not one of the valid choices'):
        sql.query_text("rfn")
    for path in (ROOT / "custlearn" / "sql" / "queries").glob("*.sql"):
        body = path.read_text()
        for dialect_only in ("date_diff(", "datediff(", " // ", " div ", "`", "::", "$"):
            assert dialect_only not in body, f"{path.name} uses {dialect_only!r}, which one engine lacks"


def test_import_custlearn_sql_loads_neither_engine():
    code = ("import sys, custlearn, custlearn.sql\n"
            "print(','.join(m for m in ('duckdb', 'pyspark') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_public_functions_fit_on_a_screen():
    import ast

    for module in ("_value", "_loyalty", "_churn", "_engines", "_inputs", "_warehouse", "_footprint"):
        source = (ROOT / "custlearn" / "sql" / f"{module}.py").read_text()
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                body = node.body[1:] if ast.get_docstring(node) is not None else node.body
                assert body[-1].end_lineno - body[0].lineno + 1 <= 60, node.name


# --------------------------------------------------------------------------- bad input


ORDERS = pd.DataFrame({"customer_id": [1, 1, 2], "order_date": ["2025-01-05", "2025-02-01", "2025-01-09"],
                       "amount": [10.0, 20.0, 5.0]})


def _csv(tmp_path: Path, frame: pd.DataFrame, name: str = "orders.csv") -> str:
    path = tmp_path / name
    frame.to_csv(path, index=False)
    return str(path)


@pytest.mark.parametrize("make, match", [
    (lambda p: ORDERS.drop(columns="amount"), 'The column "amount" is not in the orders table.*amount_col='),
    (lambda p: _csv(p, ORDERS.drop(columns="amount")), 'The column "amount" is not in the orders table.*amount_col='),
    (lambda p: _csv(p, ORDERS.assign(amount=["10", "n/a", "5"])), 'holds text .*but numbers are expected'),
    (lambda p: _csv(p, ORDERS.assign(order_date=["2025-01-05", None, "2025-01-09"])), "1 missing date"),
    (lambda p: _csv(p, ORDERS.assign(order_date=["2025-01-05", "soon", "2025-01-09"])), "cannot be read as a date"),
    (lambda p: _csv(p, ORDERS.assign(amount=[10.0, -20.0, 5.0])), "1 negative value.*allow_refunds=True"),
    (lambda p: _csv(p, ORDERS.assign(customer_id=[1, None, 2])), "1 missing id"),
    (lambda p: str(p / "missing.parquet"), "neither a file nor a folder that exists"),
    (lambda p: str(p / "*.parquet"), "holds no CSV or Parquet file"),
    (lambda p: ["orders"], "must be a pandas DataFrame, a path to CSV or Parquet files, or the name of a table"),
    (lambda p: "no_such_table", 'could not read a table called "no_such_table"'),
])
def test_bad_orders_get_a_data_error(tmp_path, make, match):
    with pytest.raises(DataError, match=match):
        sql.rfm(make(tmp_path), AS_OF)


def test_bad_arguments_get_a_data_error(tmp_path):
    with pytest.raises(DataError, match="before every order"):
        sql.rfm(_csv(tmp_path, ORDERS), "2024-01-01")
    with pytest.raises(DataError, match='engine="oracle" is not one of the valid choices'):
        sql.rfm(ORDERS, AS_OF, engine="oracle")
    with pytest.raises(DataError, match="connection must be a DuckDB connection"):
        sql.rfm(ORDERS, AS_OF, connection="memory")
    with pytest.raises(DataError, match='ties="id" cannot run in SQL exactly'):
        sql.rfm_scores(value.rfm(ORDERS, AS_OF), ties="id")
    with pytest.raises(DataError, match="bins must be a whole number from 2 to 9"):
        sql.rfm_scores(value.rfm(ORDERS, AS_OF), bins=12)
    with pytest.raises(DataError, match='time_unit="months"'):
        sql.clv_summary(ORDERS, AS_OF, time_unit="months")
    with pytest.raises(DataError, match="outside that range"):
        sql.nps(_csv(tmp_path, pd.DataFrame({"likely_to_recommend": [9, 11]}), "s.csv"))
    customers = pd.DataFrame({"customer_id": [1, 1, 2], "signup_date": ["2025-01-01"] * 3})
    with pytest.raises(DataError, match='1 repeated id'):
        sql.label_churn(_csv(tmp_path, customers, "c.csv"), ORDERS, "2025-01-10", window_days=10)
    with pytest.raises(DataError, match="not in the customers table"):
        sql.label_churn(customers.iloc[[0]], ORDERS, "2025-01-10", window_days=10)
    with pytest.raises(DataError, match="the data end on 2025-02-01"):
        sql.label_churn(customers.iloc[1:], ORDERS, "2025-01-31", window_days=30)


# --------------------------------------------------------------------------- the warehouse


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*.parquet")):
        h.update(str(path.relative_to(folder)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def test_warehouse_is_deterministic_partitioned_and_answers_like_pandas(tmp_path):
    first = sql.write_warehouse(tmp_path / "a", orders=3_000, chunk_customers=500, seed=3, progress=False)
    sql.write_warehouse(tmp_path / "b", orders=3_000, chunk_customers=500, seed=3, progress=False)
    assert first["orders"] >= 3_000 and first["chunks"] >= 2
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    months = sorted(p.name for p in (tmp_path / "a" / "orders").iterdir())
    assert months[0] == "order_month=2024-01" and months[-1] == "order_month=2025-12"
    con = duckdb.connect()
    orders = con.read_parquet(str(tmp_path / "a" / "orders" / "**" / "*.parquet")).df()
    customers = con.read_parquet(str(tmp_path / "a" / "customers" / "*.parquet")).df()
    assert len(orders) == first["orders"] and orders["order_id"].is_unique and customers["customer_id"].is_unique
    assert set(orders["customer_id"]) <= set(customers["customer_id"])
    assert_same(sql.rfm(str(tmp_path / "a" / "orders"), AS_OF), value.rfm(orders, AS_OF))
    other = sql.write_warehouse(tmp_path / "c", orders=3_000, chunk_customers=500, seed=4, progress=False)
    assert other["orders"] != first["orders"] or _digest(tmp_path / "c") != _digest(tmp_path / "a")


def test_why_ties_id_is_refused_pd_qcut_edges_are_floating_point():
    # The old rule cuts positions 1..n with pd.qcut. With exact arithmetic, position p is above the
    # j-th edge 1 + (n - 1) * j / bins when (n - 1) * j < (p - 1) * bins. For 19 customers in 6 groups
    # pd.qcut's floating-point edge lands on the other side for one customer: SQL's exact integers
    # would disagree with it, so sql.rfm_scores refuses ties="id".
    n, bins = 19, 6
    positions = np.arange(1, n + 1)
    by_qcut = pd.qcut(positions.astype(float), bins, labels=False) + 1
    exact = 1 + ((n - 1) * np.arange(1, bins)[None, :] < (positions[:, None] - 1) * bins).sum(axis=1)
    assert int((by_qcut != exact).sum()) == 1


# --------------------------------------------------------------------------- when to move: the footprint


def test_footprint_counts_bytes_as_an_independent_reckoning_does():
    orders = pd.DataFrame({"customer_id": [1, 1, 2, 3], "order_date": pd.to_datetime(
        ["2025-01-10", "2025-01-30", "2025-01-05", "2025-01-20"]), "amount": [20.0, 30.5, 15.0, 99.0],
        "items": [1, 2, 3, 4]})
    table = sql.footprint(orders, "2025-01-31")
    assert list(table.index) == list(sql._footprint.FOOTPRINT_ROWS) and table.attrs == {"orders": 4, "customers": 3}
    assert table["data"].iloc[0] == 4 * 8 and table["data"].iloc[1] == 3 * 8   # 8 bytes a number or a date
    assert table["data"].iloc[2] == 3 * 5 * 8 / 4    # 3 customers x (id + 4 columns) x 8 bytes, over 4 orders
    assert table["data"].iloc[3] == len(orders.to_csv(index=False).encode()) / 4   # the same text pandas writes
    assert (table["working"].iloc[:2] > 0).all() and (table["working"].iloc[2:] == 0).all()
    assert (table["bytes_per_order"] == table["data"] + table["working"]).all()
    assert list(table["where"]) == ["memory", "memory", "memory", "disk", "disk"]


def test_footprint_per_order_holds_for_a_company_twice_as_large():
    """The premise of "measure small, multiply": bytes per order do not grow with the company."""
    shop = datasets.load("shop").orders
    twice = pd.concat([shop, shop.assign(customer_id=shop["customer_id"] + shop["customer_id"].max(),
                                         order_id=shop["order_id"] + shop["order_id"].max())], ignore_index=True)
    one, two = sql.footprint(shop, AS_OF), sql.footprint(twice, AS_OF)
    ratio = two["bytes_per_order"] / one["bytes_per_order"]
    assert ratio.iloc[:4].between(0.95, 1.05).all(), ratio   # memory and CSV: the same per order
    assert 0.7 < ratio.iloc[4] <= 1.0, ratio                  # Parquet compresses a larger file a little better
    assert two.attrs == {"orders": 2 * len(shop), "customers": 2 * one.attrs["customers"]}
    assert one.loc["Parquet file", "data"] < one.loc["CSV file", "data"] < one.iloc[0]["data"]


def test_footprint_refuses_what_it_cannot_measure():
    with pytest.raises(DataError, match="must be a pandas DataFrame"):
        sql.footprint("_build/warehouse/orders", AS_OF)
    with pytest.raises(DataError, match="footprint needs orders on or before as_of=2024-01-01"):
        sql.footprint(ORDERS, "2024-01-01")
    with pytest.raises(DataError, match='The column "amount" is not in the orders table'):
        sql.footprint(ORDERS.drop(columns="amount"), AS_OF)


def test_many_customers_in_shuffled_order_come_back_sorted_as_pandas(tmp_path):
    # The SQL of rfm and clv_summary has no ORDER BY (the ids are sorted in pandas after the fetch):
    # 30,000 customers in shuffled rows make DuckDB's hash aggregate return them out of order.
    rng = np.random.default_rng(7)
    n = 120_000
    ids = rng.integers(0, 30_000, n)
    orders = pd.DataFrame({"customer_id": ids, "order_date": pd.Timestamp("2025-01-01")
                           + pd.to_timedelta(rng.integers(0, 365, n), unit="D"),
                           "amount": rng.integers(1, 10_000, n) / 100})
    texts = orders.assign(customer_id="c" + orders["customer_id"].astype(str))
    path = tmp_path / "orders.parquet"
    duckdb.connect().from_df(orders).write_parquet(str(path))
    for measure in ("rfm", "clv_summary"):
        for data in (orders, str(path), texts):
            got = getattr(sql, measure)(data, AS_OF)
            assert got.index.is_monotonic_increasing
            frame = texts if data is texts else orders
            assert_same(got, getattr(value, measure)(frame, AS_OF), measure)


def test_a_pandas_frame_is_checked_once_not_again_in_sql(monkeypatch):
    # custlearn._tables checks a frame; the SQL check pass (a scan of every row) runs for files and tables only.
    from custlearn.sql import _inputs

    ran = []
    real = _inputs.run
    monkeypatch.setattr(_inputs, "run", lambda runner, measure, *a: ran.append(measure) or real(runner, measure, *a))
    orders = pd.DataFrame({"customer_id": [1, 2], "order_date": ["2025-01-10", "2025-03-01"], "amount": [5.0, 7.0]})
    assert sql.rfm(orders, AS_OF)["recency"].tolist() == [355, 305]  # 2025-12-31 minus each day, counted by hand
    assert "check_orders" not in ran
    with pytest.raises(DataError, match="before every order"):
        sql.rfm(orders, "2024-12-31")
