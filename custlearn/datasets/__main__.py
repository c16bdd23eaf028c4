"""Command line: build CSV datasets of any size, or regenerate the shipped ones.

Examples (from a shell)::

    python -m custlearn.datasets build --scenario shop --customers 100000 --seed 7 --out DIR
    python -m custlearn.datasets build --scenario shop --customers 5000 --seed 1 --out DIR --locale zh_CN
    python -m custlearn.datasets ship          # = build --shipped (make datasets)
"""

from __future__ import annotations

import argparse
import sys
import time

from custlearn._cli import argparse_language
from custlearn._i18n import tr
from custlearn._validate import DataError


def _parser(scenarios: list[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m custlearn.datasets", description=tr(
        "Generate the synthetic datasets of custlearn (all people are fictional)."))
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help=tr("generate one scenario into a folder (CSV + manifest.json)"))
    b.add_argument("--scenario", choices=scenarios, help=tr("shop, cafe or bank"))
    b.add_argument("--customers", type=int, default=5000)
    b.add_argument("--seed", type=int, default=0)
    b.add_argument("--start", default="2024-01-01")
    b.add_argument("--end", default="2025-12-31")
    b.add_argument("--locale", default="en_US")
    b.add_argument("--out", help=tr("output folder (created; written via a temporary folder)"))
    b.add_argument("--force", action="store_true", help=tr("replace an existing folder, even the shipped datasets/"))
    b.add_argument("--shipped", action="store_true",
                   help=tr("regenerate all shipped scenarios from their recorded seeds"))
    s = sub.add_parser("ship", help=tr("regenerate all shipped scenarios into datasets/ from their recorded seeds"))
    s.add_argument("--out", default=None, help=tr("another base folder instead of datasets/ (for checks)"))
    s.add_argument("--force", action="store_true",
                   help=tr("accepted for symmetry with build; ship always replaces the shipped files"))
    return parser


def main(argv: list[str] | None = None) -> int:
    from custlearn import datasets

    with argparse_language():
        args = _parser(list(datasets.SCENARIOS)).parse_args(argv)
    t0 = time.perf_counter()
    try:
        if args.command == "ship" or (args.command == "build" and args.shipped):
            result = datasets.ship(args.out)
            for name, man in result.items():
                size = sum(f["bytes"] for f in man["files"].values())
                print(tr("{name}: {customers} customers, seed {seed}, {files} files, {mb:.2f} MB", name=name,
                         customers=man["customers"], seed=man["seed"], files=len(man["files"]), mb=size / 1e6))
        else:
            if not args.scenario or not args.out:
                raise DataError(tr("build needs --scenario and --out, e.g. build --scenario shop "
                                   "--customers 100000 --seed 7 --out shop_100k"))
            man = datasets.build(args.scenario, args.out, customers=args.customers, seed=args.seed, start=args.start,
                                 end=args.end, locale=args.locale, force=args.force)
            size = sum(f["bytes"] for f in man["files"].values())
            print(tr("{scenario}: wrote {files} files ({mb:.2f} MB) and manifest.json to {out}", scenario=args.scenario,
                     files=len(man["files"]), mb=size / 1e6, out=args.out))
    except DataError as exc:
        print(tr("error: {message}", message=exc), file=sys.stderr)
        return 2
    print(tr("done in {seconds:.1f} s", seconds=time.perf_counter() - t0))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
