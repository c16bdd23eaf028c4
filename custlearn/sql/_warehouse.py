"""Lesson 09: a large company written as a warehouse would hold it (``make warehouse``).

The company is the course's ``shop`` (or ``cafe``, ``bank``) simulation, run
in chunks of customers with the generator's own building block
(``custlearn.datasets`` simulates one chunk; chunk ``i`` uses seed
``seed * 100_000 + i``, its customer and order ids continue where the last
chunk stopped). Each chunk is written by DuckDB as Parquet and then dropped,
so memory stays bounded whatever the size::

    <out>/orders/order_month=2024-01/chunk00000_0.parquet   hive-partitioned by month
    <out>/customers/chunk00000.parquet
    <out>/manifest.json                                       what was written, and how

The same seed gives the same rows (checked by ``tests/test_sql.py``).
"""

from __future__ import annotations

import json
import resource
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr
from custlearn._validate import require_choice, require_positive_int

__all__ = ["write_warehouse", "SCENARIOS", "WINDOW"]

SCENARIOS = ["shop", "cafe", "bank"]
#: The observation window of the warehouse company (the shipped data's).
WINDOW = ("2024-01-01", "2025-12-31")
_ORDERS_PER_CUSTOMER = {"shop": 3.4, "cafe": 12.3, "bank": 14.4}  # about, in the shipped data


def _chunk(scenario: str, customers: int, seed: int) -> dict[str, pd.DataFrame]:
    """One chunk of the company: the core simulation's customers and orders, in the shipped schema's dtypes."""
    from custlearn.datasets import _io, _params, _schema

    start, end = (pd.Timestamp(d) for d in WINDOW)
    params = _params.get(scenario)
    if scenario == "bank":
        from custlearn.datasets import _bank as simulation
    else:
        from custlearn.datasets import _shop as simulation
    tables = simulation.simulate(params, customers, seed, start, end, "en_US", False).tables
    schema = _schema.schema(scenario)  # the core columns; add-on columns (e.g. lesson 06's bank offices and staff) are left out
    return {t: _io.coerce(tables[t], [c for c in schema[t] if c[0] in tables[t].columns]) for t in ("customers", "orders")}


def as_stored(con: Any, frame: pd.DataFrame) -> Any:
    """The frame as a DuckDB relation, as a file should hold it: a column of whole days as DATE.

    Parquet's DATE reads in every engine; nanosecond timestamps (pandas' default) do not in Spark.
    A column with times of day keeps them (a TIMESTAMP).
    """
    days = [c for c in frame.columns if pd.api.types.is_datetime64_any_dtype(frame[c])
            and (frame[c].dropna() == frame[c].dropna().dt.normalize()).all()]
    relation = con.from_df(frame)
    if not days:
        return relation
    quoted = {c: '"' + str(c).replace('"', '""') + '"' for c in frame.columns}
    return relation.select(", ".join(f"CAST({quoted[c]} AS DATE) AS {quoted[c]}" if c in days else quoted[c]
                                     for c in frame.columns))


def _write_chunk(con: Any, frames: dict[str, pd.DataFrame], out: Path, index: int) -> None:
    """Write one chunk: its orders as one file per month folder, its customers as one file."""
    orders = frames["orders"]
    months = orders["order_date"].dt.strftime("%Y-%m")
    for month in sorted(months.unique()):
        folder = out / "orders" / f"order_month={month}"
        folder.mkdir(exist_ok=True)
        as_stored(con, orders[(months == month).to_numpy()]).write_parquet(str(folder / f"chunk{index:05d}.parquet"))
    as_stored(con, frames["customers"]).write_parquet(str(out / "customers" / f"chunk{index:05d}.parquet"))


def write_warehouse(
    out: Any,
    orders: int = 10_000_000,
    *,
    scenario: str = "shop",
    seed: int = 0,
    chunk_customers: int = 250_000,
    progress: bool = True,
) -> dict:
    """Write a company of about ``orders`` orders as partitioned Parquet, chunk by chunk.

    Lesson 09: the data of "DuckDB on the laptop over Parquet". Whole
    customers are written until at least ``orders`` orders are reached, so
    the count is a little above ``orders``; memory holds one chunk.

    Parameters
    ----------
    out : str or Path
        The folder; its ``orders``, ``customers`` and ``manifest.json`` are replaced.
    orders : int, default 10_000_000
        How many orders, at least.
    scenario : {"shop", "cafe", "bank"}
    seed : int, default 0
        Same seed, same rows.
    chunk_customers : int, default 250_000
        Customers simulated at a time (memory grows with it).
    progress : bool, default True
        Show a tqdm progress bar of the orders written.

    Returns
    -------
    dict
        The manifest: scenario, seed, customers, orders, chunks, files, seconds, peak memory.

    Raises
    ------
    DataError
        An unknown scenario or a size that is not a whole number of at least 1.

    Examples
    --------
    >>> import tempfile
    >>> from custlearn import sql
    >>> folder = tempfile.mkdtemp()
    >>> manifest = sql.write_warehouse(folder, orders=2_000, chunk_customers=400, progress=False)
    >>> manifest["orders"] >= 2_000, manifest["chunks"]
    (True, 2)
    >>> int(sql.rfm(f"{folder}/orders", as_of="2025-12-31")["frequency"].sum()) == manifest["orders"]
    True
    """
    import duckdb
    from tqdm.auto import tqdm

    require_choice(scenario, SCENARIOS, argument="scenario")
    orders = require_positive_int(orders, argument="orders")
    chunk_customers = require_positive_int(chunk_customers, argument="chunk_customers")
    seed = require_positive_int(seed, argument="seed", minimum=0)
    out = Path(out)
    for part in ("orders", "customers"):
        shutil.rmtree(out / part, ignore_errors=True)
        (out / part).mkdir(parents=True, exist_ok=True)
    started, written, customers, index = time.perf_counter(), 0, 0, 0
    con = duckdb.connect()
    con.execute("SET threads = 1")  # one writer thread: the same bytes in the same files every time
    bar = tqdm(total=orders, unit="order", unit_scale=True, desc=tr("writing {scenario}", scenario=scenario), disable=not progress)
    try:
        while written < orders:
            frames = _chunk(scenario, chunk_customers, seed * 100_000 + index)
            frames = _renumber(frames, customers, written, orders - written)
            _write_chunk(con, frames, out, index)
            customers += len(frames["customers"])
            written += len(frames["orders"])
            bar.update(len(frames["orders"]))
            index += 1
            del frames
    finally:
        bar.close()
        con.close()
    manifest = {"scenario": scenario, "seed": seed, "customers": customers, "orders": written, "chunks": index,
                "chunk_customers": chunk_customers, "window": list(WINDOW),
                "files": sum(1 for _ in (out / "orders").rglob("*.parquet")),
                "seconds": round(time.perf_counter() - started, 1), "peak_rss_mb": round(_peak_rss_mb())}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def _renumber(frames: dict[str, pd.DataFrame], customers: int, orders: int, wanted: int) -> dict[str, pd.DataFrame]:
    """Ids continue after the chunks before; the last chunk keeps whole customers up to ``wanted`` orders."""
    c, o = frames["customers"].copy(), frames["orders"].copy()
    per_customer = o.groupby("customer_id").size().reindex(c["customer_id"], fill_value=0).cumsum()
    if per_customer.iloc[-1] > wanted:  # enough: keep the customers up to the first who reaches it
        last = per_customer.index[int((per_customer.to_numpy() >= wanted).argmax())]
        c, o = c[c["customer_id"] <= last], o[o["customer_id"] <= last]
    c["customer_id"] += customers
    o["customer_id"] += customers
    o["order_id"] = o["order_id"].rank(method="first").astype("int64") + orders
    if "referred_by" in c.columns:
        c["referred_by"] = c["referred_by"] + customers
    return {"customers": c.reset_index(drop=True), "orders": o.reset_index(drop=True)}


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024


def main(argv: list[str] | None = None) -> int:
    """``python -m custlearn.sql warehouse --orders N --out DIR [--scenario shop] [--seed 0]``."""
    import argparse

    from custlearn._cli import argparse_language

    with argparse_language():
        parser = argparse.ArgumentParser(prog="python -m custlearn.sql", description=tr(
            "Write a large company as partitioned Parquet (lesson 09)."))
        sub = parser.add_subparsers(dest="command", required=True)
        w = sub.add_parser("warehouse", help=tr("write <out>/orders (by month), <out>/customers, <out>/manifest.json"))
        w.add_argument("--orders", type=int, default=10_000_000)
        w.add_argument("--out", default="_build/warehouse")
        w.add_argument("--scenario", default="shop", choices=SCENARIOS)
        w.add_argument("--seed", type=int, default=0)
        w.add_argument("--chunk-customers", type=int, default=250_000)
        args = parser.parse_args(argv)
    try:
        manifest = write_warehouse(args.out, args.orders, scenario=args.scenario, seed=args.seed,
                                   chunk_customers=args.chunk_customers)
    except DataError as error:
        print(tr("error: {message}", message=error), file=sys.stderr)
        return 2
    print(json.dumps(manifest, indent=2))
    print(tr("Wrote {orders:,} orders of {customers:,} customers to {out}/ in {seconds:.0f} s (peak memory "
             "{peak_rss_mb:,} MB).", orders=manifest["orders"], customers=manifest["customers"], out=args.out,
             seconds=manifest["seconds"], peak_rss_mb=manifest["peak_rss_mb"]))
    return 0
