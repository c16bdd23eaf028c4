"""Lesson 09 on Spark: custlearn.sql with engine="spark" gives the pandas functions' answers.

The cases are those of tests/test_sql.py (DuckDB), run unchanged on a local
Spark session: the same SQL texts, the same references.
"""

import pytest
from test_sql import COMPANIES, assert_same, check_company, check_periods, check_refunds_and_text_ids

from custlearn import DataError, datasets, sql, value


@pytest.mark.parametrize("form", ["frame", "csv", "parquet"])
@pytest.mark.parametrize("name", COMPANIES)
def test_spark_equals_pandas(name, form, tmp_path, spark):
    check_company(name, form, tmp_path, engine="spark", spark=spark)


def test_spark_periods_equal_pandas(spark):
    check_periods(engine="spark", spark=spark)


def test_spark_refunds_and_text_ids(spark):
    check_refunds_and_text_ids(engine="spark", spark=spark)


def test_a_table_of_your_own_session(spark, tmp_path):
    orders = datasets.load("shop").orders
    path = tmp_path / "orders.csv"
    orders.to_csv(path, index=False)
    spark.read.option("header", True).option("inferSchema", True).csv(str(path)).createOrReplaceTempView("shop_orders")
    assert_same(sql.clv_summary("shop_orders", "2025-12-31", engine="spark", spark=spark),
                value.clv_summary(orders, "2025-12-31"))
    assert spark.table("shop_orders").count() == len(orders)  # your view stays
    with pytest.raises(DataError, match='could not read a table called "no_such_table" in the spark engine'):
        sql.rfm("no_such_table", "2025-12-31", engine="spark", spark=spark)
    with pytest.raises(DataError, match="connection= is a DuckDB connection"):
        sql.rfm(orders, "2025-12-31", engine="spark", connection=object())
