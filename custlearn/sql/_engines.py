"""The two engines of lesson 09 and the one way a measure's SQL text is run on either.

A measure's SQL text (``custlearn/sql/queries/<measure>.sql``) is the same for
DuckDB and Spark SQL. It holds two kinds of slots:

- ``{name}``: an identifier (a column or a table), or an expression built only
  from quoted identifiers and course constants (the calendar day of a date
  column, the period number). Identifiers are quoted by the engine:
  ``"col"`` on DuckDB, ```col``` on Spark. No value a user gives is ever put
  into the text this way.
- ``:name``: a value (a date, a number of bins ...), sent as a bind parameter
  (both engines take ``?`` in order; :func:`render` turns each ``:name`` into
  ``?`` and lists the values in that order).

Each engine defines one helper before the first query, the only spelling the
two SQL dialects do not share: ``days_between(a, b)``, the whole days from
``a`` to ``b`` (DuckDB ``date_diff('day', a, b)``, Spark ``datediff(b, a)``).
Everything else (windows, ``RANK``, ``FLOOR``, ``CAST``, ``YEAR``/``MONTH``)
is common SQL that both engines read alike, so sqlglot is not needed.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import shutil
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr
from custlearn._validate import require_choice

ENGINES = ["duckdb", "spark"]
QUERIES = Path(__file__).resolve().parent / "queries"

_SLOT = re.compile(r"\{(\w+)\}")
_COMMENT = re.compile(r"--[^\n]*")
_PARAM = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")
_names = itertools.count(1)


def query_text(measure: str) -> str:
    """The SQL text of one measure, as the engines run it (slots unfilled).

    Lesson 09. ``{name}`` slots are column names (quoted by the engine) and
    ``:name`` slots are values sent as bind parameters.

    Parameters
    ----------
    measure : str
        One of the files in ``custlearn/sql/queries`` without ``.sql``, e.g. ``"rfm"``.

    Returns
    -------
    str
        The SQL text.

    Raises
    ------
    DataError
        If there is no query of that name.

    Examples
    --------
    >>> from custlearn import sql
    >>> print(sql.query_text("nps"))
    -- Net Promoter Score (lesson 04; Reichheld 2003): promoters answer 9-10, detractors 0-6.
    --   NPS = 100 * (promoters - detractors) / answers
    SELECT COUNT(*)                                  AS answers,
           COUNT(CASE WHEN {score} >= 9 THEN 1 END)  AS promoters,
           COUNT(CASE WHEN {score} <= 6 THEN 1 END)  AS detractors
    FROM {scores}
    """
    names = sorted(p.stem for p in QUERIES.glob("*.sql"))
    require_choice(measure, names, argument="measure")
    return (QUERIES / f"{measure}.sql").read_text(encoding="utf-8").rstrip("\n")


def render(text: str, slots: dict[str, str], values: dict[str, Any]) -> tuple[str, list[Any]]:
    """Fill the ``{slots}`` and turn each ``:value`` into ``?``; return the SQL and the values in order.

    Comments (``-- ...``, for the reader) are left out of what the engine runs.

    Examples
    --------
    >>> render("SELECT {col} FROM t WHERE d <= :as_of AND n > :n", {"col": '"a b"'},
    ...        {"as_of": "2025-12-31", "n": 2})
    ('SELECT "a b" FROM t WHERE d <= ? AND n > ?', ['2025-12-31', 2])
    """
    filled = _SLOT.sub(lambda m: slots[m.group(1)], _COMMENT.sub("", text))
    order: list[Any] = []

    def bind(match: re.Match) -> str:
        order.append(values[match.group(1)])
        return "?"

    return _PARAM.sub(bind, filled), order


def _type_kind(type_name: str) -> str:
    """The kind of an engine's column type: "text", "date", "timestamp", "number", "flag" or "other"."""
    t = type_name.lower()
    if t.startswith(("varchar", "string", "char", "text")):
        return "text"
    if t == "date":
        return "date"
    if t.startswith("timestamp"):
        return "timestamp"
    if t.startswith("bool"):
        return "flag"
    numbers = ("tinyint", "smallint", "int", "bigint", "hugeint", "utinyint", "usmallint", "uinteger",
               "ubigint", "uhugeint", "long", "short", "byte", "double", "float", "real", "decimal")
    return "number" if t.startswith(numbers) else "other"


class Engine:
    """One engine: quoting, registering inputs as views, running a text, fetching a pandas frame."""

    name = ""

    def quote(self, identifier: str) -> str:
        raise NotImplementedError

    def new_name(self) -> str:
        return f"custlearn_input_{os.getpid()}_{next(_names)}"


#: The one helper each engine defines, the only spelling the two dialects do not share.
DAYS_BETWEEN = {
    "duckdb": "CREATE OR REPLACE TEMP MACRO days_between(a, b) AS date_diff('day', a, b)",
    "spark": "CREATE OR REPLACE TEMPORARY FUNCTION days_between(a DATE, b DATE) RETURNS INT RETURN datediff(b, a)",
}

_DUCKDB: list[Any] = []


def _shared_duckdb() -> Any:
    """custlearn's own in-memory DuckDB database, opened once per process (views are dropped after each measure)."""
    if not _DUCKDB:
        import duckdb

        con = duckdb.connect()
        con.execute(DAYS_BETWEEN["duckdb"])
        _DUCKDB.append(con)
    return _DUCKDB[0]


class DuckDBEngine(Engine):
    """DuckDB: a given connection, or custlearn's own in-memory database."""

    name = "duckdb"

    def __init__(self, connection: Any = None) -> None:
        import duckdb

        if connection is not None and not isinstance(connection, duckdb.DuckDBPyConnection):
            raise DataError(
                tr("connection must be a DuckDB connection (duckdb.connect(...)), but a {kind} was given. "
                   "Leave it out to use custlearn's in-memory database.", kind=type(connection).__name__)
            )
        self.con = _shared_duckdb() if connection is None else connection
        self.views: list[str] = []
        if connection is not None:
            self.con.execute(DAYS_BETWEEN["duckdb"])

    def quote(self, identifier: str) -> str:
        return '"' + str(identifier).replace('"', '""') + '"'

    def frame(self, df: pd.DataFrame) -> str:
        name = self.new_name()
        self.con.register(name, df)
        self.views.append(name)
        return name

    def files(self, paths: str, kind: str) -> str:
        if kind == "csv":
            relation = self.con.read_csv(paths)
        else:
            relation = self.con.read_parquet(paths, hive_partitioning=True)
        return self._view(relation)

    def table(self, name: str) -> str:
        return self._view(self.con.table(name))

    def _view(self, relation: Any) -> str:
        name = self.new_name()
        relation.create_view(name, replace=True)
        self.views.append(name)
        return name

    def columns(self, view: str) -> dict[str, str]:
        return {c: str(t) for c, t in zip(self.con.table(view).columns, self.con.table(view).types)}

    def fetch(self, sql: str, params: list[Any]) -> pd.DataFrame:
        return self.con.execute(sql, params).df()

    def close(self) -> None:
        for name in self.views:
            with contextlib.suppress(Exception):
                self.con.unregister(name)
            with contextlib.suppress(Exception):
                self.con.execute(f"DROP VIEW IF EXISTS {self.quote(name)}")


def spark_session(master: str = "local[2]", config: dict[str, str] | None = None) -> Any:
    """A Spark session for lesson 09: the running one, or a new local one (``local[2]``: 2 cores).

    Starting Spark takes seconds to tens of seconds (a Java process starts);
    later calls reuse the session. Needs the ``warehouse`` extra (PySpark)
    and Java 17.

    Parameters
    ----------
    master : str, default "local[2]"
        Where Spark runs: ``local[N]`` on this machine with N cores, or a
        cluster's address.
    config : dict, optional
        More Spark settings for a new session, e.g. ``{"spark.driver.memory": "4g"}``.

    Returns
    -------
    pyspark.sql.SparkSession

    Raises
    ------
    ImportError
        If PySpark is not installed.

    Examples
    --------
    >>> spark = spark_session()   # doctest: +SKIP
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError as error:
        raise ImportError(tr('engine="spark" needs PySpark and Java 17: pip install "custlearn[warehouse]" '
                             "(or `make test-spark`, which installs it into .venv).")) from error
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PySpark warns that it does not yet fully support pandas 3
        builder = (SparkSession.builder.master(master).appName("custlearn")
                   .config("spark.ui.showConsoleProgress", "false")
                   .config("spark.sql.shuffle.partitions", "8")
                   # Spark's own tables go to a temporary folder, not to ./spark-warehouse
                   .config("spark.sql.warehouse.dir", os.path.join(tempfile.gettempdir(), "custlearn-spark-warehouse")))
        for key, setting in (config or {}).items():
            builder = builder.config(key, setting)
        spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


class SparkEngine(Engine):
    """Spark SQL: a given session, or :func:`spark_session` (local[2])."""

    name = "spark"

    def __init__(self, spark: Any = None) -> None:
        self.spark = spark_session() if spark is None else spark
        if not hasattr(self.spark, "sql") or not hasattr(self.spark, "read"):
            raise DataError(
                tr("spark must be a SparkSession, but a {kind} was given. Leave it out to start a local "
                   "one (custlearn.sql.spark_session()).", kind=type(spark).__name__)
            )
        self.views: list[str] = []
        self.folders: list[str] = []
        self.spark.sql(DAYS_BETWEEN["spark"])

    def quote(self, identifier: str) -> str:
        return "`" + str(identifier).replace("`", "``") + "`"

    def frame(self, df: pd.DataFrame) -> str:
        """A pandas frame reaches Spark as Parquet written by DuckDB (no pyarrow needed)."""
        import duckdb

        folder = tempfile.mkdtemp(prefix="custlearn_spark_")
        self.folders.append(folder)
        path = os.path.join(folder, "frame.parquet")
        con = duckdb.connect()
        try:
            con.register("frame", df)
            dates = [c for c in df.columns if pd.api.types.is_datetime64_any_dtype(df[c])]
            cast = ", ".join(f'CAST("{c}" AS DATE) AS "{c}"' for c in (str(d).replace('"', '""') for d in dates))
            select = f"SELECT * REPLACE ({cast}) FROM frame" if dates else "SELECT * FROM frame"
            con.sql(select).write_parquet(path)
        finally:
            con.close()
        return self.files(path, "parquet")

    def files(self, paths: str, kind: str) -> str:
        reader = self.spark.read
        if kind == "csv":
            data = reader.option("header", True).option("inferSchema", True).csv(paths)
        else:
            data = reader.parquet(paths)
        return self._view(data)

    def table(self, name: str) -> str:
        return self._view(self.spark.table(name))

    def _view(self, data: Any) -> str:
        name = self.new_name()
        data.createOrReplaceTempView(name)
        self.views.append(name)
        return name

    def columns(self, view: str) -> dict[str, str]:
        return dict(self.spark.table(self.quote(view)).dtypes)

    def fetch(self, sql: str, params: list[Any]) -> pd.DataFrame:
        result = self.spark.sql(sql, args=params)
        rows = result.collect()
        return pd.DataFrame.from_records([tuple(r) for r in rows], columns=result.columns)

    def close(self) -> None:
        for name in self.views:
            with contextlib.suppress(Exception):
                self.spark.catalog.dropTempView(name)
        for folder in self.folders:
            shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def open_engine(engine: Any, connection: Any = None, spark: Any = None) -> Iterator[Engine]:
    """The engine asked for, closed (its views dropped) when the measure is done."""
    require_choice(engine, ENGINES, argument="engine")
    if engine == "duckdb" and spark is not None:
        raise DataError(tr('spark= is given but engine="duckdb": pass engine="spark" to run on that '
                           "session."))
    if engine == "spark" and connection is not None:
        raise DataError(tr('connection= is a DuckDB connection, but engine="spark": pass spark=<your '
                           'session> or leave engine="duckdb".'))
    runner: Engine = DuckDBEngine(connection) if engine == "duckdb" else SparkEngine(spark)
    try:
        yield runner
    finally:
        runner.close()


def run(runner: Engine, measure: str, slots: dict[str, str], values: dict[str, Any]) -> pd.DataFrame:
    """Run one measure's SQL text on the engine and fetch the answer as a pandas frame."""
    sql, params = render(query_text(measure), slots, values)
    return runner.fetch(sql, params)
