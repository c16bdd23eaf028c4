"""The shared input checks: every message names what, found, expected, fix."""

import numpy as np
import pandas as pd
import pytest

from custlearn import DataError
from custlearn import _validate as v


def test_dataerror_is_a_valueerror():
    assert issubclass(DataError, ValueError)
    with pytest.raises(ValueError):
        raise DataError("x")


def test_require_frame_rejects_non_frames_and_empty():
    with pytest.raises(DataError, match="orders must be a pandas DataFrame, but a dict was given"):
        v.require_frame({"a": [1]}, table="orders")
    with pytest.raises(DataError, match="orders has 0 rows, but at least 1 is needed"):
        v.require_frame(pd.DataFrame({"a": []}), table="orders")
    df = pd.DataFrame({"a": [1]})
    assert v.require_frame(df) is df


def test_require_columns_lists_available_columns_and_the_argument():
    df = pd.DataFrame({"customer_id": [1], "total": [2.0]})
    with pytest.raises(DataError) as err:
        v.require_columns(df, ["customer_id", "amount", "order_date"], table="orders", argument="amount_col")
    msg = str(err.value)
    assert 'The columns "amount", "order_date" are not in the orders table' in msg
    assert "The table has these columns: customer_id, total" in msg
    assert 'pass amount_col="<your column name>"' in msg
    assert v.require_columns(df, "total") is df


def test_require_numeric_names_the_dtype_and_examples():
    df = pd.DataFrame({"amount": ["1.5", "x"], "ok": [1, 2], "flag": [True, False],
                       "when": pd.to_datetime(["2024-01-01", "2024-01-02"])})
    with pytest.raises(DataError, match=r'"amount" of the t table holds text .* Examples found: \'1.5\', \'x\''):
        v.require_numeric(df, "amount", table="t")
    with pytest.raises(DataError, match="holds true/false values"):
        v.require_numeric(df, "flag", table="t")
    with pytest.raises(DataError, match="holds dates"):
        v.require_numeric(df, "when", table="t")
    assert v.require_numeric(df, "ok", table="t").tolist() == [1, 2]


def test_require_datetime_converts_iso_text_and_rejects_bad_dates():
    df = pd.DataFrame({"d": ["2024-01-05", "2024-03-01"], "n": [1, 2], "bad": ["2024-01-05", "soon"]})
    out = v.require_datetime(df, "d")
    assert pd.api.types.is_datetime64_any_dtype(out)
    assert out.iloc[1] == pd.Timestamp("2024-03-01")
    with pytest.raises(DataError, match="1 value\\(s\\) cannot be read as a date: 'soon'"):
        v.require_datetime(df, "bad")
    with pytest.raises(DataError, match="holds numbers"):
        v.require_datetime(df, "n")


def test_require_no_missing_reports_count_and_first_row():
    df = pd.DataFrame({"s": [1.0, np.nan, np.nan]}, index=[10, 11, 12])
    with pytest.raises(DataError, match="has 2 missing value\\(s\\) \\(first at row 11\\)"):
        v.require_no_missing(df, "s")


def test_as_numeric_series():
    assert v.as_numeric_series(np.array([1, 2])).tolist() == [1.0, 2.0]
    with pytest.raises(DataError, match="text was found"):  # the rule of table columns: text is not a number
        v.as_numeric_series(pd.Series(["3", "4"]))
    assert v.as_numeric_series(7).tolist() == [7.0]
    with pytest.raises(DataError, match="must be one column of numbers"):
        v.as_numeric_series(pd.DataFrame({"a": [1]}))
    with pytest.raises(DataError, match="missing value"):
        v.as_numeric_series([1, None, 3])
    assert v.as_numeric_series([1, None], allow_missing=True).isna().sum() == 1
    with pytest.raises(DataError, match="must be numbers, but true/false"):
        v.as_numeric_series([True, False])


def test_require_in_range_and_integer():
    s = pd.Series([0.0, 5.0, 10.0])
    assert v.require_in_range(s, 0, 10, name="x", integer=True) is s
    with pytest.raises(DataError, match="1 value\\(s\\) are outside that range: -1.0"):
        v.require_in_range(pd.Series([-1.0, 3.0]), 0, 10, name="x")
    with pytest.raises(DataError, match="have decimals: 7.5"):
        v.require_in_range(pd.Series([7.5]), 0, 10, name="x", integer=True)
    with pytest.raises(DataError, match="of at least 1"):
        v.require_in_range(pd.Series([0.0]), 1, None, name="x")
    with pytest.raises(DataError, match="of at most 1"):
        v.require_in_range(pd.Series([2.0]), None, 1, name="x")
    # missing values are not range errors (another check handles them)
    v.require_in_range(pd.Series([np.nan, 1.0]), 0, 10, name="x", integer=True)


def test_choice_positive_int_and_timestamp():
    assert v.require_choice("days", ["days", "weeks"], argument="time_unit") == "days"
    with pytest.raises(DataError, match='time_unit="hours" is not one of the valid choices: "days", "weeks"'):
        v.require_choice("hours", ["days", "weeks"], argument="time_unit")
    assert v.require_positive_int(np.int64(3), argument="n") == 3
    for bad in (0, -2, 2.5, True, "3"):
        with pytest.raises(DataError, match="n must be a whole number of at least 1"):
            v.require_positive_int(bad, argument="n")
    assert v.as_timestamp("2025-12-31") == pd.Timestamp("2025-12-31")
    assert v.as_timestamp(pd.Timestamp("2025-01-01", tz="UTC")).tzinfo is None
    for bad in ("not a date", None, float("nan")):
        with pytest.raises(DataError, match="as_of"):
            v.as_timestamp(bad)


def test_as_numeric_series_names_the_text_values():
    with pytest.raises(DataError, match="text was found: '9', 'ten'"):
        v.as_numeric_series(["9", "ten"], name="scores")
