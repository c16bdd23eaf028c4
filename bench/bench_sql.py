"""Benchmark lesson 09 (custlearn.sql): RFM and clv_summary on pandas, DuckDB and Spark.

    .venv/bin/python bench/bench_sql.py [--quick] [--no-spark] [--no-100m]

Data: the company of ``make warehouse`` (10M orders, Parquet by month, in
``_build/warehouse``) and, for the 100M row, ``_build/warehouse-100m``
(``make warehouse WAREHOUSE_ORDERS=100000000 WAREHOUSE_DIR=_build/warehouse-100m``);
a missing 10M company is written first. ``--quick`` uses 1M orders
(``_build/warehouse-1m``, written if missing) and skips Spark and 100M.

Each measurement runs in its own process, so its peak memory is its own:
the table's note gives the process's peak resident memory (VmHWM) and,
for Spark, the Java process's too (VmHWM). pandas times ``value.rfm`` on a
frame already in memory (loading it from Parquet is not timed; pandas reads
Parquet only with pyarrow, which the course does not install, so DuckDB
loads it). Spark's session start-up is timed on its own row; the Spark rows
time a warm session: the whole call (the answer fetched into pandas) and the
query alone (run to Spark's ``noop`` sink, nothing fetched).

Two tables per measure: the answer from data already in memory (pandas'
frame) or on disk (DuckDB, Spark); and from the files to the answer (pandas
reads a CSV export of the same orders, DuckDB reads that CSV or the Parquet).

Targets (issue 20): DuckDB at least 5x faster than pandas at 10M orders
(ratio <= 0.2); 100M orders with DuckDB from Parquet within 8 GB of memory.

Which targets are met, and what bounds the others (2 cores shared with other
work; the table prints the measured ratios of the day):

- 100M orders within 8 GB: met (DuckDB streams the Parquet; the answer, one
  row per customer, is what stays in memory).
- 5x from data in memory: not met, for either measure. pandas' ``value.rfm``
  on a frame already in memory is one hash group-by over int64 arrays; the
  row "DuckDB: the query alone" (the same SQL into a DuckDB table: nothing
  checked, nothing fetched) is DuckDB's floor, and that floor alone is about
  as long as pandas' whole call. The 2.5M-group hash aggregate is the cost on
  2 cores, not the checks, the sort or the fetch.
- 5x from the files: not met. pandas must parse the CSV first, which is most
  of its time; DuckDB from Parquet is faster than that, but its own group-by
  floor (above) keeps the ratio far from 0.2. DuckDB from the CSV must parse
  the same text as pandas and is slower than pandas.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from _harness import Bench

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2025-12-31"
MEASURES = ["rfm", "clv_summary"]
MEMORY_TARGET_MB = 8 * 1024


def _own_peak_mb() -> float:
    """Peak resident memory of this process (VmHWM: unlike ru_maxrss, not inherited from the parent)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _children_peak_mb() -> float:
    """Peak resident memory (VmHWM) of this process's descendants (Spark's Java), in MB."""
    me, parents = os.getpid(), {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    peak = 0.0
    for pid in parents:
        p = pid
        while p in parents and p != me and p > 1:
            p = parents[p]
        if p == me and pid != me:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak += int(line.split()[1]) / 1024
    return peak


def _frame(folder: Path):
    import duckdb

    con = duckdb.connect()
    return con.read_parquet(str(folder / "orders" / "**" / "*.parquet"), hive_partitioning=True).project(
        "customer_id, order_date, amount").df()


def _csv(folder: Path) -> Path:
    """The company's orders as one CSV file, as an export from a shop system would come (written once)."""
    path = folder.parent / f"{folder.name}-csv" / "orders.csv"
    if not path.exists():
        import duckdb

        path.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect()
        con.read_parquet(str(folder / "orders" / "**" / "*.parquet"), hive_partitioning=True).project(
            "* EXCLUDE (order_month)").order("order_id").write_csv(str(path))
    return path


def worker(kind: str, measure: str, folder: Path, repeat: int) -> dict:
    """Time one measure on one engine in this (fresh) process; return seconds and memory."""
    from custlearn import sql, value

    orders = str(folder / "orders")
    result: dict = {"kind": kind, "measure": measure}
    if kind == "pandas-csv":
        import pandas as pd

        csv = _csv(folder)
        fn = lambda: getattr(value, measure)(  # noqa: E731
            pd.read_csv(csv, usecols=["customer_id", "order_date", "amount"], parse_dates=["order_date"]), AS_OF)
    elif kind == "duckdb-csv":
        fn = lambda: getattr(sql, measure)(str(_csv(folder)), AS_OF)  # noqa: E731
    elif kind in ("pandas", "duckdb-frame"):
        frame = _frame(folder)
        fn = (lambda: getattr(value, measure)(frame, AS_OF)) if kind == "pandas" else \
            (lambda: getattr(sql, measure)(frame, AS_OF))
    elif kind == "duckdb":
        fn = lambda: getattr(sql, measure)(orders, AS_OF)  # noqa: E731
        result["query_only"] = _duckdb_query_only(measure, orders, repeat)
    else:
        start = time.perf_counter()
        spark = sql.spark_session(config={"spark.driver.memory": "4g"})
        spark.range(1).collect()
        result["startup"] = time.perf_counter() - start
        fn = lambda: getattr(sql, measure)(orders, AS_OF, engine="spark", spark=spark)  # noqa: E731
        result["query_only"] = _spark_query_only(spark, measure, orders, repeat)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        answer = fn()
        times.append(time.perf_counter() - start)
    result.update(seconds=min(times), rows=len(answer), peak_mb=_own_peak_mb(), children_mb=_children_peak_mb())
    return result


def _spark_query_only(spark, measure: str, orders: str, repeat: int) -> float:
    """The measure's SQL run to Spark's noop sink: the query's own time, nothing fetched."""
    from custlearn.sql._engines import SparkEngine, render, query_text
    from custlearn.sql._inputs import orders_source
    from custlearn.value import TIME_UNITS

    runner = SparkEngine(spark)
    try:
        _src, slots, _counts = orders_source(runner, orders, customer_col="customer_id", date_col="order_date",
                                             amount_col="amount", allow_refunds=False)
        values = {"as_of": AS_OF, "unit": TIME_UNITS["days"]}
        text, params = render(query_text(measure), slots, values)
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            spark.sql(text, args=params).write.format("noop").mode("overwrite").save()
            best = min(best, time.perf_counter() - start)
        return best
    finally:
        runner.close()


def _duckdb_query_only(measure: str, orders: str, repeat: int) -> float:
    """The measure's SQL run into a DuckDB temporary table: the engine's own time (scan, group, no fetch).

    What is left of the whole call is the input check and moving the answer into pandas.
    """
    from custlearn.sql._engines import DuckDBEngine, query_text, render
    from custlearn.sql._inputs import orders_source
    from custlearn.value import TIME_UNITS

    runner = DuckDBEngine()
    try:
        _src, slots, _counts = orders_source(runner, orders, customer_col="customer_id", date_col="order_date",
                                             amount_col="amount", allow_refunds=False)
        text, params = render(query_text(measure), slots, {"as_of": AS_OF, "unit": TIME_UNITS["days"]})
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            runner.con.execute(f"CREATE OR REPLACE TEMP TABLE custlearn_bench AS {text}", params)
            best = min(best, time.perf_counter() - start)
        runner.con.execute("DROP TABLE custlearn_bench")
        return best
    finally:
        runner.close()


def _run(kind: str, measure: str, folder: Path, repeat: int) -> dict:
    cmd = [sys.executable, __file__, "--worker", kind, measure, str(folder), str(repeat)]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        return {"kind": kind, "measure": measure, "error": (out.stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(lines[-1])


def _ensure(folder: Path, orders: int) -> dict:
    manifest = folder / "manifest.json"
    if not manifest.exists():
        from custlearn import sql

        print(f"Writing {orders:,} orders to {folder} first (make warehouse) ...", flush=True)
        sql.write_warehouse(folder, orders)
    return json.loads(manifest.read_text())


def _memory(r: dict) -> str:
    text = f"peak {r['peak_mb']:,.0f} MB"
    if r.get("children_mb"):
        text += f" + Java {r['children_mb']:,.0f} MB"
    return text


def _verify(folder: Path) -> None:
    """Same answer first (outside the timings): DuckDB from Parquet equals pandas on the same orders."""
    import pandas as pd

    from custlearn import sql, value

    frame = _frame(folder)
    for measure in MEASURES:
        pd.testing.assert_frame_equal(getattr(sql, measure)(str(folder / "orders"), AS_OF),
                                      getattr(value, measure)(frame, AS_OF), check_exact=False, rtol=1e-9)
    print(f"DuckDB from Parquet equals pandas on {len(frame):,} orders (rfm, clv_summary).", flush=True)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--worker"]:
        kind, measure, folder, repeat = argv[1], argv[2], Path(argv[3]), int(argv[4])
        print(json.dumps(worker(kind, measure, folder, repeat)))
        return 0
    quick = "--quick" in argv
    spark = not quick and "--no-spark" not in argv
    folder = ROOT / "_build" / ("warehouse-1m" if quick else "warehouse")
    manifest = _ensure(folder, 1_000_000 if quick else 10_000_000)
    label = f"{manifest['orders']:,} orders ({manifest['customers']:,} customers, Parquet by month)"
    _verify(folder)
    ok = True
    _csv(folder)
    for measure in MEASURES:
        bench = Bench(f"{measure} on {label}: the answer from data in memory or on disk")
        runs = [_run(kind, measure, folder, 1 if kind == "spark" else 2)  # Spark: one run of each, warm session
                for kind in ("pandas", "duckdb", "duckdb-frame", *(["spark"] if spark else []))]
        ok &= _report(bench, runs)
        bench = Bench(f"{measure} on {label}: from the files to the answer")
        ok &= _report(bench, [_run(kind, measure, folder, 2) for kind in ("pandas-csv", "duckdb-csv", "duckdb")])
    big = ROOT / "_build" / "warehouse-100m"
    if not quick and "--no-100m" not in argv and (big / "manifest.json").exists():
        big_manifest = json.loads((big / "manifest.json").read_text())
        for measure in MEASURES:
            bench = Bench(f"{measure} on {big_manifest['orders']:,} orders (DuckDB from Parquet)", repeat=1)
            r = _run("duckdb", measure, big, 1)
            if "error" in r:
                print(f"\n{measure} at 100M: {r['error']}")
                ok = False
                continue
            fits = r["peak_mb"] <= MEMORY_TARGET_MB
            bench.add("custlearn.sql (DuckDB, 2 cores)", r["seconds"], baseline=True,
                      note=f"{_memory(r)} (target <= 8 GB: {'yes' if fits else 'NO'}); {r['rows']:,} customers")
            bench.report()
            ok &= fits
    elif not quick and "--no-100m" not in argv:
        print("\n(100M: no _build/warehouse-100m; write it with "
              "make warehouse WAREHOUSE_ORDERS=100000000 WAREHOUSE_DIR=_build/warehouse-100m)")
    return 0 if ok else 1


def _report(bench: Bench, runs: list[dict]) -> bool:
    names = {"pandas": "pandas value.* (frame in memory)", "duckdb": "custlearn.sql DuckDB, from Parquet",
             "pandas-csv": "pandas: pd.read_csv (3 columns) + value.*", "duckdb-csv": "custlearn.sql DuckDB, from the CSV",
             "duckdb-frame": "custlearn.sql DuckDB, from the pandas frame", "spark": "custlearn.sql Spark local[2], whole call"}
    for r in runs:
        if "error" in r:
            print(f"\n{r['kind']} {r['measure']}: failed: {r['error']}")
            continue
        target = 0.2 if r["kind"].startswith("duckdb") and r["kind"] != "duckdb-frame" else None
        bench.add(names[r["kind"]], r["seconds"], baseline=r["kind"].startswith("pandas"), target=target,
                  note=_memory(r))
        if r["kind"] == "duckdb":
            bench.add("  DuckDB: the query alone (into a table)", r["query_only"],
                      note="same SQL, nothing checked or fetched: the engine's floor")
        if r["kind"] == "spark":
            bench.add("  Spark: the query alone (noop sink)", r["query_only"], note="same session, nothing fetched")
            bench.add("  Spark: session start-up (once)", r["startup"], note="JVM start, local[2]")
    return bench.report() and not any("error" in r for r in runs)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
