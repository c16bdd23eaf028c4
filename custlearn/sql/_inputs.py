"""The door of lesson 09: any table (a pandas frame, CSV or Parquet files, a table of the engine),
checked before a measure runs, and the answer typed as the pandas function types it.

The rule is the one of :mod:`custlearn._tables`, the course's door for every table:

- A **pandas frame** is read by ``custlearn._tables`` itself (same checks,
  same messages as the pandas function), then handed to the engine.
- **Files** (a path, a glob such as ``"orders/*.csv"``, or a folder of
  Parquet files, hive-partitioned ``month=2024-01/`` folders too) and
  **tables** of the engine (a name the DuckDB connection or the Spark session
  knows) are checked in SQL before the measure runs: the columns (DESCRIBE),
  then one pass that counts missing ids and dates, unreadable dates, missing
  and negative amounts. Each problem is a :class:`custlearn.DataError`
  naming the column, what was found and how to fix it.
- Dates are cut to the calendar day in SQL: a DATE column as it is, a
  TIMESTAMP by ``CAST(... AS DATE)`` (its wall-clock day), text by
  ``TRY_CAST`` to a timestamp, then to a date.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr, translated
from custlearn._tables import Column, _require, read_customers, read_orders, read_scores, Scale
from custlearn._validate import _list
from custlearn.sql._engines import Engine, _type_kind, run

_CSV = (".csv", ".csv.gz", ".tsv")
_PARQUET = (".parquet", ".pq")


@dataclass
class Source:
    """A table registered in the engine: its view, its columns (name -> type), the id dtype to return."""

    view: str
    columns: dict[str, str]
    id_dtype: Any = np.dtype("int64")
    date_unit: str = "ns"


# --------------------------------------------------------------------------- any input as a view


def _kind_of_path(text: str, table: str) -> tuple[str, str]:
    """("csv" | "parquet", what to read): a file, a glob or a folder; DataError if nothing is there."""
    path = Path(text)
    if path.is_dir():
        found = [p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(_CSV + _PARQUET)]
    elif any(ch in text for ch in "*?["):
        found = [Path(p) for p in glob.glob(text, recursive=True) if Path(p).is_file()]
    elif path.is_file():
        found = [path]
    else:
        raise DataError(
            tr('{table}="{text}" is neither a file nor a folder that exists. Give the path to a CSV or '
               'Parquet file, a glob such as "{parent}", or a folder of Parquet files.',
               table=table, text=text, parent=Path(text).parent / "*.parquet")
        )
    kinds = {"csv" if p.name.lower().endswith(_CSV) else "parquet" if p.name.lower().endswith(_PARQUET) else "?"
             for p in found}
    if not found or "?" in kinds or len(kinds) > 1:
        what = tr("no CSV or Parquet file") if not found else tr("files of kinds {kinds}", kinds=_list(sorted(kinds)))
        raise DataError(
            tr('{table}="{text}" holds {what}. custlearn.sql reads CSV files (.csv) or Parquet files '
               "(.parquet), one kind at a time.", table=table, text=text, what=what)
        )
    return kinds.pop(), text


def register(runner: Engine, source: Any, table: str, clean: pd.DataFrame | None = None) -> Source:
    """Make ``source`` a view of the engine. ``clean`` is the checked frame when ``source`` was one."""
    if clean is not None:
        return Source(runner.frame(clean), {c: str(clean[c].dtype) for c in clean.columns})
    if not isinstance(source, (str, os.PathLike)):
        kind = tr("nothing (None)") if source is None else tr("a {kind}", kind=type(source).__name__)
        raise DataError(
            tr("{table} must be a pandas DataFrame, a path to CSV or Parquet files, or the name of a "
               "table of the engine, but {kind} was given. For example {table}=shop.{table} or "
               '{table}="_build/warehouse/{table}".', table=table, kind=kind)
        )
    text = os.fspath(source)
    path_like = os.sep in text or "/" in text or any(c in text for c in "*?[") or Path(text).exists() \
        or text.lower().endswith(_CSV + _PARQUET)
    try:
        if path_like:
            kind, what = _kind_of_path(text, table)
            view = runner.files(what, kind)
        else:
            view = runner.table(text)
        columns = runner.columns(view)
    except DataError:
        raise
    except Exception as error:  # the engine's own words, first line
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        where = (tr('the files "{text}"', text=text) if path_like
                 else tr('a table called "{text}" in the {engine} engine', text=text, engine=runner.name))
        raise DataError(
            tr("{table}: could not read {where}: {first}. Check the path or the table name (a file path "
               "needs a folder or an extension such as .csv or .parquet).", table=table, where=where, first=first)
        ) from None
    return Source(view, columns)


# --------------------------------------------------------------------------- slots and checks


def day_slot(runner: Engine, column: str, type_name: str) -> str:
    """The SQL expression for the calendar day of a date column of this type."""
    q = runner.quote(column)
    kind = _type_kind(type_name) if not type_name.startswith("datetime") else "timestamp"
    if kind == "date":
        return q
    if kind == "timestamp":
        return f"CAST({q} AS DATE)"
    return f"CAST(TRY_CAST({q} AS TIMESTAMP) AS DATE)"


def check_kinds(src: Source, wanted: dict[str, str], table: str) -> None:
    """Each column must be of the kind a measure reads: "date" (a date, a time or text) or "number"."""
    for column, want in wanted.items():
        kind = _type_kind(src.columns[column])
        if src.columns[column].startswith("datetime"):
            kind = "timestamp"
        if want == "date" and kind in ("number", "flag"):
            raise DataError(
                tr('The column "{column}" of the {table} table should hold dates, but it holds {kind} '
                   "(type {columns}). Convert it to dates first (CAST or strptime in SQL, pd.to_datetime "
                   "in pandas).",
                   column=column, table=table, kind=tr("numbers") if kind == "number" else tr("true/false values"),
                   columns=src.columns[column])
            )
        if want == "number" and kind != "number":
            what = {"text": tr("text"), "flag": tr("true/false values"), "date": tr("dates"),
                    "timestamp": tr("dates")}.get(kind, kind)
            raise DataError(
                tr('The column "{column}" of the {table} table holds {what} (type {columns}), but numbers '
                   "are expected. Convert it first (CAST(... AS DOUBLE) in SQL, pd.to_numeric in pandas) "
                   "and look at the rows that do not convert.",
                   column=column, table=table, what=what, columns=src.columns[column])
            )


def _drop(column: str) -> str:
    return tr('Drop those rows on purpose (WHERE "{c}" IS NOT NULL) or fill them, then call again.', c=column)


def _count_error(count: int, column: str, table: str, what: str, fix: str) -> DataError:
    return DataError(tr('The column "{column}" of the {table} table has {count} {what}, but every row '
                        "needs one. {fix}", column=column, table=table, count=count, what=what, fix=fix))


def orders_source(
    runner: Engine,
    orders: Any,
    *,
    customer_col: str,
    date_col: str,
    amount_col: str | None = None,
    order_col: str | None = None,
    allow_refunds: bool = True,
    min_rows: int = 0,
    arguments: dict[str, str] | None = None,
) -> tuple[Source, dict[str, str], dict[str, Any]]:
    """The orders as a checked view, its slots, and what the check counted (first and last day ...)."""
    args = {"customer": "customer_col", "date": "date_col", "amount": "amount_col", "order": "order_col",
            **(arguments or {})}
    clean = None
    if isinstance(orders, pd.DataFrame):
        extra = [Column(order_col, "id", args["order"])] if order_col is not None else []
        clean = read_orders(orders, customer_col=customer_col, date_col=date_col, amount_col=amount_col,
                            allow_refunds=allow_refunds, extra=extra, min_rows=min_rows, arguments=arguments)
    src = register(runner, orders, "orders", clean)
    columns = [Column(customer_col, "id", args["customer"]), Column(date_col, "day", args["date"])]
    columns += [Column(amount_col, "number", args["amount"])] if amount_col is not None else []
    columns += [Column(order_col, "id", args["order"])] if order_col is not None else []
    _require(pd.DataFrame(columns=list(src.columns)), columns, "orders")
    check_kinds(src, {date_col: "date", **({amount_col: "number"} if amount_col else {})}, "orders")
    if clean is not None:
        src.id_dtype = clean[customer_col].dtype
        src.date_unit = np.datetime_data(clean[date_col].dtype)[0]
    q = runner.quote
    slots = {"orders": q(src.view), "customer": q(customer_col), "date": q(date_col),
             "day": day_slot(runner, date_col, src.columns[date_col]),
             "amount": f"CAST({q(amount_col)} AS DOUBLE)" if amount_col else "0.0",
             "order": q(order_col) if order_col else "0"}
    if clean is not None:  # custlearn._tables checked the frame already: no second pass in SQL
        days = clean[date_col]
        first, last = (days.min().normalize(), days.max().normalize()) if len(days) else (None, None)
        return src, slots, {"row_count": len(clean), "first_day": first, "last_day": last}
    counts = run(runner, "check_orders", slots, {}).iloc[0].to_dict()
    _orders_problems(counts, customer_col, date_col, amount_col, order_col, allow_refunds, min_rows)
    return src, slots, counts


def _orders_problems(counts: dict[str, Any], customer_col: str, date_col: str, amount_col: str | None,
                     order_col: str | None, allow_refunds: bool, min_rows: int) -> None:
    """Raise the first problem the check found, in the words of custlearn._tables."""
    n = int(counts["row_count"])
    if n < min_rows:
        raise DataError(tr("The orders table has {n} rows, but at least {min_rows} is needed. Check the "
                           "filter that produced it (a date window or a condition that matched nothing).",
                           n=n, min_rows=min_rows))
    for column, key, what in [(customer_col, "missing_ids", tr("missing id(s)")),
                              (date_col, "missing_dates", tr("missing date(s)")),
                              (amount_col, "missing_amounts", tr("missing value(s)")),
                              (order_col, "missing_orders", tr("missing id(s)"))]:
        if column is not None and int(counts[key]):
            raise _count_error(int(counts[key]), column, "orders", what, _drop(column))
    if int(counts["unreadable_dates"]):
        raise DataError(
            tr('The column "{date_col}" of the orders table should hold dates, but {unreadable_dates} '
               "value(s) cannot be read as a date. Fix or drop those rows (TRY_CAST(... AS DATE) IS NULL "
               "finds them).", date_col=date_col, unreadable_dates=int(counts["unreadable_dates"]))
        )
    if amount_col is not None and not allow_refunds and int(counts["negative_amounts"]):
        raise DataError(
            tr('The column "{amount_col}" of the orders table has {negative_amounts} negative value(s), '
               "but values of zero or more are expected here. If these rows are refunds or returns, pass "
               "allow_refunds=True to net them into the customer's spend; if they are errors, drop them "
               'first (WHERE "{amount_col}" >= 0).',
               amount_col=amount_col, negative_amounts=int(counts["negative_amounts"]))
        )


def before_every_order(as_of: pd.Timestamp, counts: dict[str, Any]) -> None:
    """The pandas measures' error for an ``as_of`` before the first order."""
    if int(counts["row_count"]) and as_of < pd.Timestamp(counts["first_day"]):
        raise DataError(
            tr("as_of={as_of} is before every order (the first order is on {first_day}), so no customer "
               "has bought yet. Give an as_of date inside or after the order history, e.g. "
               'as_of="{last_day}".',
               as_of=as_of.date(), first_day=pd.Timestamp(counts["first_day"]).date(),
               last_day=pd.Timestamp(counts["last_day"]).date())
        )


def customers_source(
    runner: Engine,
    customers: Any,
    *,
    customer_col: str,
    signup_col: str | None = None,
    closed_col: str | None = None,
) -> tuple[Source, dict[str, str]]:
    """The customers as a checked view (one row per id, readable days) and its slots."""
    clean = None
    if isinstance(customers, pd.DataFrame):
        extra = [Column(closed_col, "day", "closed_col", missing="keep")] if closed_col else []
        clean = read_customers(customers, customer_col=customer_col, signup_col=signup_col, extra=extra)
    src = register(runner, customers, "customers", clean)
    columns = [Column(customer_col, "id", "customer_col")]
    columns += [Column(signup_col, "day", "signup_col")] if signup_col else []
    columns += [Column(closed_col, "day", "closed_col")] if closed_col else []
    _require(pd.DataFrame(columns=list(src.columns)), columns, "customers")
    check_kinds(src, {c: "date" for c in (signup_col, closed_col) if c}, "customers")
    if clean is not None:
        src.id_dtype = clean[customer_col].dtype
        if signup_col:
            src.date_unit = np.datetime_data(clean[signup_col].dtype)[0]
    q = runner.quote
    none = "CAST(NULL AS DATE)"
    slots = {"customers": q(src.view), "customer": q(customer_col),
             "signup": day_slot(runner, signup_col, src.columns[signup_col]) if signup_col else none,
             "signup_raw": q(signup_col) if signup_col else "NULL",
             "closed": day_slot(runner, closed_col, src.columns[closed_col]) if closed_col else none,
             "closed_raw": q(closed_col) if closed_col else "NULL"}
    counts = run(runner, "check_customers", slots, {}).iloc[0].to_dict()
    if int(counts["missing_ids"]):
        raise _count_error(int(counts["missing_ids"]), customer_col, "customers", tr("missing id(s)"),
                           _drop(customer_col))
    if int(counts["repeated_ids"]):
        raise DataError(
            tr('The customers table has {repeated_ids} repeated id(s) in "{customer_col}", but one row '
               "per id is expected. Remove the repeats on purpose (SELECT DISTINCT if they are exact "
               "copies; lesson 01 shows how to merge real duplicates).",
               repeated_ids=int(counts["repeated_ids"]), customer_col=customer_col)
        )
    if signup_col and int(counts["missing_signups"]) - int(counts["unreadable_signups"]):
        raise _count_error(int(counts["missing_signups"]) - int(counts["unreadable_signups"]), signup_col,
                           "customers", tr("missing date(s)"), _drop(signup_col))
    for column, key in [(signup_col, "unreadable_signups"), (closed_col, "unreadable_closings")]:
        if column and int(counts[key]):
            raise DataError(tr('The column "{column}" of the customers table should hold dates, but '
                               "{counts} value(s) cannot be read as a date. Fix or drop those rows.",
                               column=column, counts=int(counts[key])))
    return src, slots


def scores_source(runner: Engine, scores: Any, column: str, scale: Scale) -> tuple[Source, dict[str, str]]:
    """0-10 answers as a checked view: a Series/list (read as the pandas measure reads it) or a table's column."""
    if isinstance(scores, pd.DataFrame) or not isinstance(scores, (str, os.PathLike)):
        if isinstance(scores, pd.DataFrame):
            _require(scores, [Column(column, "number", "column")], "surveys")
            scores = scores[column]
        clean = pd.DataFrame({"score": read_scores(scores, scale=scale).to_numpy()})
        src = register(runner, None, "scores", clean)
        return src, {"scores": runner.quote(src.view), "score": runner.quote("score")}
    src = register(runner, scores, "scores")
    _require(pd.DataFrame(columns=list(src.columns)), [Column(column, "number", "column")], "surveys")
    check_kinds(src, {column: "number"}, "surveys")
    slots = {"scores": runner.quote(src.view), "score": runner.quote(column)}
    counts = run(runner, "check_scores", slots, {}).iloc[0].to_dict()
    if int(counts["row_count"]) == 0:
        raise DataError(tr("{column} is empty: there are no answers, so there is nothing to score. Check "
                           "the filter that produced it (a date window or a segment with no survey responses).",
                           column=column))
    if int(counts["missing"]):
        raise DataError(tr("{column} has {missing} missing value(s), but missing values are not allowed "
                           'here. Drop them first (WHERE "{column}" IS NOT NULL): a blank answer is not a score.',
                           column=column, missing=int(counts['missing'])))
    if int(counts["outside"]) or int(counts["decimals"]):
        bad = int(counts["outside"]) or int(counts["decimals"])
        raise DataError(tr("{column} must be whole numbers from {low:g} to {high:g}, but {bad} value(s) "
                           "are {problem}. {fix}", column=column, low=scale.low, high=scale.high, bad=bad,
                           problem=tr("outside that range") if counts["outside"] else tr("not whole"),
                           fix=translated(scale.fix) if scale.fix else scale.fix))
    return src, slots


# --------------------------------------------------------------------------- typed answers


def typed(frame: pd.DataFrame, spec: dict[str, str], *, unit: str = "ns") -> pd.DataFrame:
    """The engine's answer with the pandas measure's dtypes: "int", "Int64", "float", "day", "bool"."""
    out = {}
    for column, kind in spec.items():
        s = frame[column]
        if kind == "int":
            out[column] = s.to_numpy(dtype=np.int64)
        elif kind == "Int64":
            out[column] = pd.array(s.astype(object).where(s.notna(), None), dtype="Int64")
        elif kind == "float":
            out[column] = s.to_numpy(dtype=np.float64, na_value=np.nan)
        elif kind == "bool":
            out[column] = s.to_numpy(dtype=bool)
        elif kind == "day":
            out[column] = pd.to_datetime(pd.Series(s.to_numpy(), dtype=object)).astype(f"datetime64[{unit}]").to_numpy()
        else:
            raise ValueError(f"unknown kind {kind!r}")  # a programming error
    return pd.DataFrame(out)


def by_customer(out: pd.DataFrame, customers: pd.Series, src: Source, name: str) -> pd.DataFrame:
    """The answer indexed by customer id and sorted by it, as the pandas measure returns it.

    The SQL texts of per-customer measures have no ORDER BY: sorting millions of
    ids in the engine costs more than sorting the fetched index here.
    """
    out.index = id_index(customers, src, name)
    return out if out.index.is_monotonic_increasing else out.sort_index()


def id_index(values: pd.Series, src: Source, name: str) -> pd.Index:
    """The customer ids as the pandas measure's index: integers as int64, text as str."""
    array = values.to_numpy()
    if len(array) and array.dtype.kind in "iuf" or (len(array) == 0 and src.id_dtype.kind in "iu"):
        return pd.Index(array.astype(np.int64), name=name)
    return pd.Index(array, dtype=src.id_dtype if src.id_dtype.kind not in "iu" else "str", name=name)
