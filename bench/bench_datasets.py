"""Benchmark of custlearn.datasets (run by ``make bench``, not by the tests).

Prints a table: ``generate("shop")`` at 10k, 100k and 1M customers (seconds,
peak memory of the process), the speed-up against a per-row Faker loop timed
on a sample in the same run and extrapolated, linearity (seconds per 1,000
customers), and the time of ``load("shop")``.

Goals (issue 3): 1M customers in <= 30 s and <= 4 GB on 2 cores; >= 10x the
per-row Faker loop; load("shop") well under 1 s.

Usage::

    .venv/bin/python bench/bench_datasets.py          # 10k, 100k, 1M
    .venv/bin/python bench/bench_datasets.py --quick  # skip 1M
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

CHILD = r"""
import json, resource, sys, time
from custlearn import datasets
n = int(sys.argv[1])
t0 = time.perf_counter()
ds = datasets.generate("shop", customers=n, seed=7, progress=False)
sec = time.perf_counter() - t0
rows = sum(len(df) for df in ds.tables.values())
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": sec, "peak_mb": peak_kb / 1024, "rows": rows, "orders": len(ds.orders)}))
"""

LOAD = r"""
import json, time
from custlearn import datasets
times = []
for _ in range(5):
    datasets._shipped.cache_clear()
    t0 = time.perf_counter()
    datasets.load("shop")
    times.append(time.perf_counter() - t0)
t0 = time.perf_counter()
datasets.load("shop")
cached = time.perf_counter() - t0
print(json.dumps({"cold": sorted(times)[len(times) // 2], "cached": cached}))
"""


def faker_rows_per_second(sample: int = 2000) -> float:
    """Per-row Faker loop (name, email, phone, city per customer), the naive baseline."""
    from faker import Faker

    fake = Faker("en_US")
    fake.seed_instance(7)
    t0 = time.perf_counter()
    rows = [(fake.name(), fake.email(), fake.phone_number(), fake.city()) for _ in range(sample)]
    sec = time.perf_counter() - t0
    assert len(rows) == sample
    return sample / sec


def run_child(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 1M run")
    args = parser.parse_args(argv)
    sizes = [10_000, 100_000] + ([] if args.quick else [1_000_000])

    print(f"custlearn.datasets benchmark  (python {sys.version.split()[0]}, {os.cpu_count()} cores)")
    rps = faker_rows_per_second()
    print(f"per-row Faker baseline: {rps:,.0f} rows/s (name, email, phone, city; 2,000-row sample)")
    print()
    header = f"{'customers':>10} {'seconds':>8} {'peak MB':>8} {'rows':>11} {'s/1k cust':>10} {'Faker loop s':>13} {'speed-up':>9}"
    print(header)
    print("-" * len(header))
    results = []
    for n in sizes:
        r = run_child(CHILD, str(n))
        base = n / rps
        r.update(n=n, baseline=base)
        results.append(r)
        print(f"{n:>10,} {r['seconds']:>8.2f} {r['peak_mb']:>8.0f} {r['rows']:>11,} {1000 * r['seconds'] / n:>10.4f} {base:>13.1f} {base / r['seconds']:>8.1f}x")
    print()
    for a, b in zip(results, results[1:]):
        ratio = (b["seconds"] / a["seconds"]) / (b["n"] / a["n"])
        print(f"linearity {a['n']:,} -> {b['n']:,}: time grew {b['seconds'] / a['seconds']:.1f}x for {b['n'] / a['n']:.0f}x customers (1.0 = linear: {ratio:.2f})")
    ld = run_child(LOAD)
    print(f'load("shop"): {ld["cold"] * 1000:.0f} ms from CSV (median of 5), {ld["cached"] * 1000:.1f} ms cached')
    big = [r for r in results if r["n"] == 1_000_000]
    ok = True
    if big:
        r = big[0]
        ok = r["seconds"] <= 30 and r["peak_mb"] <= 4096 and r["baseline"] / r["seconds"] >= 10
        print(f"goals for 1M: <= 30 s [{r['seconds']:.1f} s], <= 4 GB [{r['peak_mb'] / 1024:.2f} GB], >= 10x [{r['baseline'] / r['seconds']:.0f}x]: {'met' if ok else 'NOT met'}")
    ok = ok and ld["cold"] < 1.0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
