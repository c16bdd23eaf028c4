"""Add-ons: new columns and tables that come from their own random stream.

Every column shipped today comes from the core streams of :mod:`._streams`,
in a fixed order of draws.  A new column drawn from one of those streams
would move the numbers of every column drawn after it, and the lessons built
on them.  An add-on never does: it runs after the whole core simulation,
reads the finished :class:`._sim.World` (latent values such as ``w.sat["S"]``,
``w.z_att``, the tables in ``w.tables``), draws only from its own stream
``_streams.addon(seed, stream)``, and may only *add* columns or tables.

How to add a column without moving the others
---------------------------------------------
1. Write the step: ``draw(w, rng)`` returns ``{table: {column: values}}``,
   values in the row order of ``w.tables[table]`` (a new table: columns of
   equal length).  Draw every random number from ``rng``; read ``w`` and
   never change it.  Its docstring names the effect it plants and its
   parameters (put them in :mod:`._params`).
2. Register it in ``ADDONS`` below: an :class:`AddOn` with a stream name
   that is never reused or renamed (renaming changes its numbers), the
   scenarios it applies to, and one data-dictionary row per column
   ``(table, column, type, unit, meaning)``.  The rows join the scenario's
   schema (:func:`._schema.schema`), so ``describe()``, ``load()`` and the
   files know the columns; add each to ``datasets/README.md`` too.
3. Run ``tests/test_datasets.py`` before ``make datasets``:
   ``test_column_checksums_match_regenerated_data`` checks every column of
   the manifests you started from against the regenerated data (the file
   checksums fail, as they should).  Then ``make datasets``: in each
   ``manifest.json`` the new columns appear and no existing column's
   checksum changes.

Within an add-on, the order of its own draws is its data: change it and only
its own columns move.  Add-ons run in the order of ``ADDONS``; one may read
what an earlier one added.

Examples
--------
>>> import numpy as np
>>> from custlearn.datasets import _addons
>>> def mood(w, rng):
...     s = w.sat["S"][w.tables["customers"]["customer_id"].to_numpy() - 1]
...     return {"customers": {"mood": np.round(s + rng.normal(size=len(s)), 3)}}
>>> extra = _addons.AddOn("mood", ("shop",), (("customers", "mood", "float", "z-score", "Mood."),), mood)
>>> extra.columns[0][:2]
('customers', 'mood')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

import numpy as np
import pandas as pd

from custlearn._i18n import tr
from custlearn._validate import DataError
from custlearn.datasets import _journey, _streams

if TYPE_CHECKING:
    from custlearn.datasets._sim import World


@dataclass(frozen=True)
class AddOn:
    """One add-on: its stream, scenarios, data-dictionary rows and the step that draws its columns."""

    stream: str
    scenarios: tuple[str, ...]
    columns: tuple[tuple[str, str, str, str, str], ...]  # (table, column, type, unit, meaning)
    draw: Callable[[World, np.random.Generator], dict[str, dict[str, Any]]]


def _service_addons() -> list[AddOn]:
    """Lesson 06 (customer service management, issue 19): README effects 11-13, :mod:`._service`."""
    from custlearn.datasets import _service

    office = "The customer's branch office (offices.branch_office): one of the three offices of their branch."
    return [
        AddOn("bank offices and staff", ("bank",), (
            ("customers", "branch_office", "category", "", office),
            ("offices", "branch_office", "str", "", "Office name: the branch's city name and Central, North or South."),
            ("offices", "branch", "category", "", "The branch the office belongs to (customers.branch)."),
            ("offices", "location", "category", "", "city centre (one per branch) or neighbourhood (two per branch)."),
            ("staff", "employee_id", "int", "", "Employee identifier, 1, 2, ... by office."),
            ("staff", "branch_office", "category", "", "The office the employee works in (offices.branch_office)."),
            ("staff", "role", "category", "", "office manager, relationship manager, customer adviser or teller."),
            ("staff", "tenure_years", "float", "years", "Years with the bank."),
            ("staff", "training_hours", "int", "hours", "Hours of training in the last 12 months."),
            ("staff", "employee_satisfaction", "int", "1-5", "Staff survey: overall, how satisfied are you working here? 1 = very dissatisfied, 5 = very satisfied."),
            ("staff", "pay_band", "int", "1-4", "Pay band: 1 (lowest) to 4 (office manager)."),
        ), _service.offices_and_staff),
        AddOn("bank key accounts", ("bank",), (
            ("customers", "relationship_manager", "Int64", "", "employee_id of the customer's relationship manager (staff.employee_id), named when the bank chose its key accounts, one year before the window ends (2024-12-31 in the shipped bank); missing if none."),
        ), _service.key_accounts),
        AddOn("ticket classification", ("shop", "cafe", "bank"), (
            ("tickets", "stage", "category", "", "When in the sale the service was needed: pre-sale (售前), in-sale (售中) or after-sale (售后)."),
            ("tickets", "technical", "bool", "", "True for a technical service (技术性: installation, repair, technical advice); False: non-technical (非技术性)."),
            ("tickets", "on_site_visit", "bool", "", "True if someone went to the customer (巡回, a visit); False if served at a fixed point (定点: phone, chat, e-mail or the counter)."),
            ("tickets", "paid", "bool", "", "True if the customer paid for the service (收费); False: free (免费)."),
            ("tickets", "contacts", "int", "contacts", "Contacts with the customer until resolution (so far, if unresolved); 1 = resolved at the first contact."),
            ("tickets", "owner_team", "category", "", "The team that owns the ticket until the loop is closed (logistics, finance, sales, marketing, technical service, customer service; bank: card operations, payments, digital banking, branch office)."),
            ("tickets", "time_limit_hours", "float", "hours", "The time promised to resolve a ticket of its stage: pre-sale 24, in-sale 8, after-sale 72."),
            ("tickets", "reopened", "bool", "", "True if the ticket was resolved and then reopened because the problem came back."),
            ("tickets", "follow_up_call", "bool", "", "True if the customer got a follow-up call after the resolution (电话回访)."),
        ), _service.ticket_classification),
    ]


ADDONS: list[AddOn] = [
    # lesson 03, what shapes satisfaction: needs, reviews, prior expectation, touch-point ratings
    *(AddOn("journey", (s,), _journey.columns(s), _journey.draw) for s in _journey.SCENARIOS),
    # lesson 06, customer service management: offices and staff, key accounts, ticket classification
    *_service_addons(),
]


def active(scenario: str) -> list[AddOn]:
    """The add-ons of ``scenario``, in the order they run."""
    return [a for a in ADDONS if scenario in a.scenarios]


def schema_rows(scenario: str) -> list[tuple[str, str, str, str, str]]:
    """The data-dictionary rows the add-ons of ``scenario`` add: (table, column, type, unit, meaning)."""
    return [row for a in active(scenario) for row in a.columns]


def run(scenario: str, w: World) -> None:
    """Add every add-on's columns and tables to ``w.tables``; each draws from its own stream."""
    for a in active(scenario):
        new = a.draw(w, _streams.addon(w.seed, a.stream))
        declared = {(t, c) for t, c, *_ in a.columns}
        given = {(t, c) for t, cols in new.items() for c in cols}
        if given != declared:
            raise DataError(
                tr("The add-on {stream!r} returned the columns {given} but declares {declared}. Return "
                   "exactly the declared columns, or declare the ones it returns.",
                   stream=a.stream, given=sorted(given), declared=sorted(declared))
            )
        for table, cols in new.items():
            _add_columns(w.tables, table, cols, a.stream)


def _add_columns(tables: dict[str, pd.DataFrame], table: str, cols: dict[str, Any], stream: str) -> None:
    if table not in tables:
        tables[table] = pd.DataFrame(cols)
        return
    frame = tables[table]
    for name, values in cols.items():
        if name in frame.columns:
            raise DataError(
                tr("The add-on {stream!r} would overwrite the column {table}.{name}, which already "
                   "exists. An add-on only adds: give its column a new name.", stream=stream, table=table, name=name)
            )
        if len(values) != len(frame):
            raise DataError(tr("The add-on {stream!r} gave {n} values for {table}.{name}, but {table} has "
                               "{n2} rows.", stream=stream, n=len(values), table=table, name=name, n2=len(frame)))
        frame[name] = values
