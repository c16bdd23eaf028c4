"""A tiny benchmark harness: time work against a baseline measured in the same run.

Speed targets in custlearn are ratios, never absolute seconds, so a slow or
busy machine does not fail them: each benchmark times a *baseline* (for
example a bare pandas groupby computing the same columns) and the custlearn
function in the same process, and prints ``custlearn / baseline``.

    from _harness import Bench
    bench = Bench("rfm on 1M orders")
    base = bench.time("bare pandas groupby", lambda: ..., baseline=True)
    bench.time("custlearn.value.rfm", lambda: ..., target=1.5)
    bench.report()
"""

from __future__ import annotations

import gc
import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux: KiB units)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024


@dataclass
class Row:
    name: str
    seconds: float
    baseline: bool = False
    target: float | None = None
    note: str = ""


@dataclass
class Bench:
    title: str
    repeat: int = 3
    rows: list[Row] = field(default_factory=list)

    def time(self, name: str, fn: Callable[[], Any], *, baseline: bool = False,
             target: float | None = None, repeat: int | None = None, note: str = "") -> float:
        """Best-of-``repeat`` wall time of ``fn()`` in seconds (GC collected before each run)."""
        times = []
        for _ in range(repeat or self.repeat):
            gc.collect()
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        best = min(times)
        self.rows.append(Row(name, best, baseline, target, note or (f"median {statistics.median(times):.3f} s" if len(times) > 1 else "")))
        return best

    def add(self, name: str, seconds: float, *, baseline: bool = False, target: float | None = None, note: str = "") -> None:
        """Record a time measured elsewhere (e.g. an extrapolated baseline)."""
        self.rows.append(Row(name, seconds, baseline, target, note))

    def report(self) -> bool:
        """Print the table; return True if every target ratio was met."""
        base = next((r for r in self.rows if r.baseline), None)
        print(f"\n## {self.title}\n")
        print(f"| {'what':<46} | {'seconds':>9} | {'ratio':>7} | {'target':>7} | {'ok':>3} | note")
        print(f"|{'-' * 48}|{'-' * 11}|{'-' * 9}|{'-' * 9}|{'-' * 5}|------")
        ok_all = True
        for r in self.rows:
            ratio = r.seconds / base.seconds if base and base.seconds > 0 else float("nan")
            ok = "" if r.target is None else ("yes" if ratio <= r.target else "NO")
            ok_all &= ok != "NO"
            tgt = "" if r.target is None else f"≤{r.target:g}"
            label = r.name + (" (baseline)" if r.baseline else "")
            print(f"| {label:<46} | {r.seconds:>9.3f} | {ratio:>7.2f} | {tgt:>7} | {ok:>3} | {r.note}")
        return ok_all
