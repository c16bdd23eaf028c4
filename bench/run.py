"""Run every benchmark in bench/ (``make bench``), each in its own process.

Each ``bench/bench_*.py`` prints a table of timings with ratios against a
baseline measured in the same run. Pass ``--quick`` to skip the largest sizes:
``make bench BENCH_ARGS=--quick``. Benchmarks are not part of ``make test``.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    scripts = sorted(HERE.glob("bench_*.py"))
    only = [a for a in argv if not a.startswith("-")]
    flags = [a for a in argv if a.startswith("-")]
    if only:
        scripts = [s for s in scripts if any(o in s.name for o in only)]
    if not scripts:
        print("No benchmarks found in bench/.")
        return 0
    failed = 0
    for script in scripts:
        print(f"\n# {script.name}", flush=True)
        start = time.perf_counter()
        code = subprocess.call([sys.executable, str(script), *flags], cwd=HERE.parent)
        print(f"\n({script.name}: {time.perf_counter() - start:.1f} s, exit {code})", flush=True)
        failed += code != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
