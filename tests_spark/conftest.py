"""`make test-spark`: the equalities of tests/test_sql.py on Spark local[2] (the `warehouse` extra).

Not part of `make test` (PySpark is an optional extra and a Spark session takes
tens of seconds to start); CI (.ci/run) runs it after `make test`.
"""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
for folder in (ROOT, ROOT / "tests"):  # the shared cases live in tests/test_sql.py
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))


@pytest.fixture(scope="session")
def spark():
    from custlearn import sql

    session = sql.spark_session("local[2]", config={"spark.sql.shuffle.partitions": "2"})  # small data: few tasks
    yield session
    session.stop()
