r"""Reading and writing the CSV files: explicit dtypes, byte-stable output, manifests.

The only place of custlearn that touches files on disk.

``manifest.json`` records, per CSV file, its SHA-256, bytes and rows, and a
SHA-256 per column (``columns``).  A column's checksum is taken over its
*canonical text*: the column name, then the column's value in every row in
the file's order, each followed by ``\n``, encoded as UTF-8; a value is the
field as a CSV reader gives it back from the file (RFC 4180: surrounding
quotes removed, doubled quotes undone, a missing value empty).  With the
standard library alone::

    rows = list(csv.reader(open(path, newline="", encoding="utf-8")))
    i = rows[0].index(column)
    hashlib.sha256("".join(r[i] + "\n" for r in rows).encode("utf-8")).hexdigest()

A change that only adds columns changes the file checksums but not the
checksum of any column that was there before: ``tests/test_datasets.py``
checks every column of the manifest against regenerated data.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from custlearn._i18n import tr
from custlearn._validate import DataError
from custlearn.datasets import _schema

MANIFEST = "manifest.json"
CHUNK_ROWS = 500_000  # rows read at a time for the column checksums of large files


def data_dir() -> Path:
    """Where the shipped CSVs live: ``$CUSTLEARN_DATA`` or ``<repo>/datasets``."""
    env = os.environ.get("CUSTLEARN_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "datasets"


def shipped_dir() -> Path:
    """The repository's ``datasets/`` folder (protected from accidental overwrite)."""
    return Path(__file__).resolve().parents[2] / "datasets"


def coerce(df: pd.DataFrame, cols: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    """Give ``df`` the dictionary's column order and dtypes (the same for generated and loaded data)."""
    out = {}
    for name, kind, _, _ in cols:
        s = df[name]
        if kind == "int":
            s = s.astype(np.int64)
        elif kind == "Int64":
            s = s.astype("Int64")
        elif kind == "float":
            s = s.astype(np.float64)
        elif kind == "bool":
            s = s.astype(bool)
        elif kind == "str":
            s = s.astype("str")
        elif kind == "category":
            s = s.astype("str")
            cats = sorted(pd.unique(s.dropna()))
            s = s.astype(pd.CategoricalDtype(cats))
        elif kind in ("date", "datetime"):
            s = pd.to_datetime(s).astype("datetime64[ns]")
        out[name] = s.reset_index(drop=True)
    return pd.DataFrame(out)


def write_csv(df: pd.DataFrame, path: Path) -> None:
    df.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")


def column_sha256(path: Path) -> dict[str, str]:
    """SHA-256 of each column's canonical text, read back from the CSV file ``path`` (see the module docstring)."""
    header = list(pd.read_csv(path, nrows=0, encoding="utf-8").columns)
    hashes = {c: hashlib.sha256(f"{c}\n".encode("utf-8")) for c in header}
    for part in pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8", chunksize=CHUNK_ROWS):
        for c in header:
            values = part[c].tolist()
            if values:
                hashes[c].update(("\n".join(values) + "\n").encode("utf-8"))
    return {c: h.hexdigest() for c, h in hashes.items()}


def read_csv(path: Path, cols: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    dtype, dates = {}, []
    for name, kind, _, _ in cols:
        if kind in ("date", "datetime"):
            dates.append(name)
            dtype[name] = "str"
        elif kind == "int":
            dtype[name] = "int64"
        elif kind == "Int64":
            dtype[name] = "Int64"
        elif kind == "float":
            dtype[name] = "float64"
        elif kind == "bool":
            dtype[name] = "bool"
        elif kind == "category":
            dtype[name] = "category"
        else:
            dtype[name] = "str"
    df = pd.read_csv(path, dtype=dtype, keep_default_na=False, na_values=[""], encoding="utf-8")
    for name in dates:
        df[name] = pd.to_datetime(df[name], format="ISO8601").astype("datetime64[ns]")
    return coerce(df, cols)


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_scenario(frames: dict[str, pd.DataFrame], meta: dict, out: Path) -> dict:
    """Write every table of one scenario plus ``manifest.json`` into ``out`` atomically.

    Files go to a temporary directory next to ``out`` first, then the
    directory is moved into place: nothing half-written on failure.
    """
    out = Path(out)
    parent = out.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=parent))
    except OSError as exc:
        raise DataError(
            tr("Cannot write into {parent} ({reason}). Choose a folder you can write to, e.g. --out "
               "~/custlearn-data/{name}, or fix its permissions.",
               parent=parent, reason=exc.strerror or exc, name=out.name)
        ) from None
    try:
        files = {}
        for name, df in frames.items():
            path = tmp / f"{name}.csv"
            write_csv(df, path)
            files[f"{name}.csv"] = {"sha256": sha256(path), "bytes": path.stat().st_size, "rows": int(len(df)), "columns": column_sha256(path)}
        manifest = dict(meta)
        manifest["files"] = files
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8", newline="\n")
        old = None
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=parent))
            os.rmdir(old)
            os.replace(out, old)
        os.replace(tmp, out)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return manifest


def read_manifest(folder: Path) -> dict | None:
    path = Path(folder) / MANIFEST
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def read_scenario(folder: Path, scenario: str) -> dict[str, pd.DataFrame] | None:
    """Read all tables of a scenario folder, or None if a file is missing."""
    schema = _schema.schema(scenario)
    folder = Path(folder)
    if not all((folder / f"{t}.csv").is_file() for t in schema):
        return None
    return {t: read_csv(folder / f"{t}.csv", cols) for t, cols in schema.items()}
