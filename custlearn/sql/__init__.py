"""Lesson 09 - from the classroom to the warehouse: the course's measures as SQL.

The measures of lessons 04, 05 and 06 are a few GROUP BYs and window
functions. Here each is **one SQL text** (in ``custlearn/sql/queries/``,
shown by :func:`query_text`) that runs unchanged on an embedded engine on the
laptop (DuckDB) and on the distributed engine a company already has (Apache
Spark SQL), with the same answer as the pandas function of the same name:

==============================  ========================================
custlearn.sql                   equals (pandas)
==============================  ========================================
:func:`rfm`                     ``value.rfm``
:func:`rfm_scores`              ``value.rfm_scores`` (``ties="same"``)
:func:`clv_summary`             ``value.clv_summary``
:func:`pareto_table`            ``value.pareto_table``
:func:`nps`                     ``loyalty.nps``
:func:`repeat_purchase_rate`    ``loyalty.repeat_purchase_rate``
:func:`retention_rate`          ``loyalty.retention_rate``
:func:`churn_rate`              ``loyalty.churn_rate``
:func:`cohort_retention`        ``loyalty.cohort_retention``
:func:`label_churn`             ``churn.label_churn``
==============================  ========================================

Each takes the pandas function's arguments plus ``engine="duckdb"`` (default)
or ``engine="spark"``, and ``connection=`` (your DuckDB connection) or
``spark=`` (your Spark session). A table may be a pandas frame, a path to
CSV or Parquet files (a glob, or a folder of hive-partitioned Parquet), or
the name of a table the connection or session knows. On a connection or
session of yours, custlearn defines its one helper, the temporary function
``days_between``, and drops the views it made when the measure is done. Use::

    from custlearn import sql
    sql.rfm("_build/warehouse/orders", as_of="2025-12-31")           # DuckDB over Parquet
    sql.rfm(shop.orders, as_of="2025-12-31", engine="spark")          # the same on Spark
    print(sql.query_text("rfm"))                                      # the SQL itself

How much room the orders take, in pandas and in files, measured on a
laptop-sized extract and scaled to any size: :func:`footprint` ("when to
move"). A large company to try it on: ``make warehouse`` (or :func:`write_warehouse`)
writes 10 million orders (100 million with ``WAREHOUSE_ORDERS=100000000``) as
Parquet partitioned by month in ``_build/warehouse/``.

DuckDB and PySpark are imported only when a measure runs, so ``import
custlearn.sql`` stays light. Spark needs the ``warehouse`` extra
(``pip install "custlearn[warehouse]"``) and Java 17.
"""

from custlearn.sql._churn import label_churn
from custlearn.sql._engines import ENGINES, query_text, spark_session
from custlearn.sql._footprint import footprint
from custlearn.sql._loyalty import PERIOD_NUMBERS, churn_rate, cohort_retention, nps, repeat_purchase_rate, retention_rate
from custlearn.sql._value import TIES, clv_summary, pareto_table, rfm, rfm_scores
from custlearn.sql._warehouse import write_warehouse

__all__ = [
    "rfm",
    "rfm_scores",
    "clv_summary",
    "pareto_table",
    "nps",
    "repeat_purchase_rate",
    "retention_rate",
    "churn_rate",
    "cohort_retention",
    "label_churn",
    "query_text",
    "spark_session",
    "write_warehouse",
    "footprint",
    "ENGINES",
    "TIES",
    "PERIOD_NUMBERS",
]
