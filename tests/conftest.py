"""Test set-up shared by every test module."""

import sys
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the maintainer tools in tools/ are tested too
    sys.path.insert(0, str(ROOT))

# Agg for the figures tests draw in this process. Not through the MPLBACKEND
# environment variable: the notebook kernels nbval starts inherit the
# environment and must keep their inline backend, or figures vanish.
matplotlib.use("Agg")


def too_long_public_functions(module: str, limit: int = 60) -> list[str]:
    """The public functions of ``module`` with more than ``limit`` lines of code (docstring excluded), as "name (lines)"."""
    import ast
    import importlib
    import inspect

    found = []
    for node in ast.walk(ast.parse(inspect.getsource(importlib.import_module(module)))):
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
            body = node.body[1:] if ast.get_docstring(node) is not None else node.body
            lines = body[-1].end_lineno - body[0].lineno + 1
            if lines > limit:
                found.append(f"{node.name} ({lines})")
    return found


# --------------------------------------------------------------------------- a small shop, by hand
# Shared by tests/test_churn.py (churn labels, features) and tests/test_service.py (complaints):
# every value is written here so each expected number can be worked out by hand.


def _d(*days):
    return pd.to_datetime(list(days))


@pytest.fixture
def shop():
    customers = pd.DataFrame({
        "customer_id": [1, 2, 3, 4, 5, 6],
        "signup_date": _d("2024-01-01", "2024-01-01", "2024-01-01", "2024-01-01", "2024-01-01", "2024-05-01"),
        "acquired_with_discount": [False, True, False, False, True, False],
    })
    orders = pd.DataFrame({
        "customer_id": [1, 1, 2, 2, 3, 4, 4, 4, 6],
        "order_date": _d(
            "2024-01-10", "2024-03-31",   # 1: bought on the cut-off day (counts before); none after -> churned
            "2024-02-01", "2024-04-30",   # 2: buys on the window's last day -> not churned
            "2024-03-01",                 # 3: nothing after -> churned
            "2024-01-05", "2024-01-05", "2024-05-01",   # 4: same-day orders count once; buys day 31 -> churned
            "2024-04-15",                 # 6: first purchase after the cut-off -> not a customer yet
        ),
        "amount": [10.0, 30.0, 20.0, 20.0, 50.0, 5.0, 15.0, 40.0, 10.0],
        "returned": [False, True, False, False, False, False, False, False, False],
    })
    return customers, orders


@pytest.fixture
def dataset(shop):
    customers, orders = shop
    surveys = pd.DataFrame({
        "customer_id": [1, 1, 2, 4],
        "survey_date": _d("2024-01-12", "2024-04-02", "2024-02-03", "2024-01-08"),   # 1's second answer is later
        "overall_satisfaction": [4, 1, 2, 5],
    })
    tickets = pd.DataFrame({
        "ticket_id": [1, 2, 3, 4, 5],
        "customer_id": [1, 2, 3, 4, 4],
        "opened_at": pd.to_datetime(["2024-01-11 10:00", "2024-02-02 09:00", "2024-03-31 20:00",
                                     "2024-01-06 08:00", "2024-04-20 08:00"]),
        "is_complaint": [True, True, True, False, True],
        "resolved": [True, True, True, True, True],
        "hours_to_resolve": [5.0, 100.0, 10.0, 1.0, 2.0],
        "resolution_satisfaction": pd.array([5, 5, 5, 5, 1], dtype="Int64"),
        "hours_to_first_response": [1.0, 2.0, 3.0, 0.5, 0.5],
        "first_contact_resolution": [True, False, False, True, True],
        "handling_cost": 5.0,
    })
    return {"customers": customers, "orders": orders, "surveys": surveys, "tickets": tickets}
