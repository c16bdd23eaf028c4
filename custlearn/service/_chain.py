"""Lesson 06, the people who serve: staff satisfaction and the service-profit chain, office by office.

Decks 002 and 004: the company's pay, benefits and working conditions shape
employee satisfaction (员工满意度), training (员工培训: 技能培训, 素质培训)
gives staff the skills to serve, and satisfied staff serve customers better.
Heskett, Jones, Loveman, Sasser & Schlesinger (1994), "Putting the
service-profit chain to work", *Harvard Business Review* 72(2), 164-174,
call it the service-profit chain: internal service quality -> employee
satisfaction -> service value -> customer satisfaction -> loyalty -> profit.

The data can test the chain only where units differ: here branch offices.
:func:`office_table` gathers each office's links (staff satisfaction and
training, the customers' rating of the staff, closures);
:func:`service_profit_chain` estimates the staff effect on closures twice,
naive and adjusted for a confounder, with intervals and a caution about
what 20-40 units can show (:func:`detectable_correlation`);
:func:`staff_satisfaction` looks at the people themselves.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from statistics import NormalDist
from typing import Any

import numpy as np
import pandas as pd

from custlearn._errors import DataError
from custlearn._i18n import tr
from custlearn._stats import Interval, wilson_columns, z_value
from custlearn._tables import Column, read_customers, read_result, read_surveys, read_table
from custlearn._validate import _list, require_confidence, require_fraction, require_positive_int

__all__ = ["office_table", "service_profit_chain", "ServiceProfitChain", "detectable_correlation",
           "staff_satisfaction"]


def office_table(
    customers: pd.DataFrame,
    staff: pd.DataFrame,
    *,
    offices: pd.DataFrame | None = None,
    surveys: pd.DataFrame | None = None,
    unit_col: str = "branch_office",
    customer_col: str = "customer_id",
    closed_col: str = "account_closed",
    satisfaction_col: str = "employee_satisfaction",
    training_col: str = "training_hours",
    rating_col: str = "staff_attitude",
    location_col: str = "location",
    centre: str = "city centre",
    confidence: float = 0.95,
) -> pd.DataFrame:
    """One row per office with the links of the service-profit chain: staff, customers' rating, closures.

    Lesson 06, framework: the service-profit chain (Heskett et al. 1994) at
    branch-office level. Per office (``unit_col``)::

        employee_satisfaction  mean staff survey score (1-5)        (the people who serve)
        training_hours         mean training hours of its staff
        staff_attitude         customers' mean rating of the staff  (service quality, if surveys)
        closure_rate           closed accounts / customers, with a Wilson (1927) interval   (loyalty)
        city_centre            1 for a city-centre office, else 0   (a confounder, if offices)

    A customer counts as closed when ``closed_col`` holds a date (bank:
    ``account_closed``). Offices with staff but no customers are left out.

    Parameters
    ----------
    customers : DataFrame
        One row per customer with ``unit_col`` and ``closed_col``.
    staff : DataFrame
        One row per employee with ``unit_col``, ``satisfaction_col`` and ``training_col``.
    offices : DataFrame, optional
        One row per office with ``unit_col`` and ``location_col``.
    surveys : DataFrame, optional
        Customer answers with ``customer_col`` and ``rating_col``.
    unit_col, customer_col, closed_col, satisfaction_col, training_col, rating_col, location_col : str
        The names of those columns in your tables.
    centre : str
        The ``location_col`` value of a city-centre office.
    confidence : float
        Confidence level of the intervals, strictly between 0 and 1.

    Returns
    -------
    DataFrame
        Indexed by office: ``customers``, ``closed``, ``closure_rate``,
        ``lower``, ``upper``, ``staff``, ``employee_satisfaction``,
        ``training_hours`` (then ``staff_attitude``, ``responses`` with
        surveys; ``location``, ``city_centre`` with offices).

    Raises
    ------
    DataError
        Missing columns or values, an office of the customers with no
        staff, a bad confidence.

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({"customer_id": [1, 2, 3, 4], "branch_office": ["A", "A", "B", "B"],
    ...     "account_closed": pd.to_datetime([None, "2025-03-01", None, None])})
    >>> staff = pd.DataFrame({"branch_office": ["A", "A", "B"], "employee_satisfaction": [3, 4, 5],
    ...                       "training_hours": [10, 20, 40]})
    >>> office_table(customers, staff)[["customers", "closure_rate", "employee_satisfaction", "training_hours"]]
                   customers  closure_rate  employee_satisfaction  training_hours
    branch_office
    A                      2           0.5                    3.5            15.0
    B                      2           0.0                    5.0            40.0
    >>> office_table(customers, staff[staff["branch_office"] == "A"])
    Traceback (most recent call last):
    ...
    custlearn.DataError: 1 office(s) of the customers table have no staff in the staff table (e.g. "B"), so their staff cannot be measured. Pass the staff of every office, or drop those customers first.
    """
    confidence = require_confidence(confidence)
    cust = read_customers(customers, customer_col=customer_col, min_rows=1, extra=[
        Column(unit_col, "label", "unit_col"), Column(closed_col, "date", "closed_col", missing="keep")])
    people = read_table(staff, [Column(unit_col, "label", "unit_col"),
                                Column(satisfaction_col, "number", "satisfaction_col"),
                                Column(training_col, "number", "training_col", negative=False)],
                        table="staff", min_rows=1)
    units = cust[unit_col].astype(str)
    table = pd.DataFrame({"closed": cust[closed_col].notna().to_numpy()}).groupby(units.to_numpy()).agg(
        customers=("closed", "size"), closed=("closed", "sum"))
    _every_unit_staffed(table.index, people[unit_col].astype(str))
    table["closure_rate"] = table["closed"] / table["customers"]
    table["lower"], table["upper"] = wilson_columns(table["closed"], table["customers"], confidence)
    by_unit = people.groupby(people[unit_col].astype(str).to_numpy())
    table["staff"] = by_unit.size().reindex(table.index).astype(int)
    table["employee_satisfaction"] = by_unit[satisfaction_col].mean().reindex(table.index)
    table["training_hours"] = by_unit[training_col].mean().reindex(table.index)
    if surveys is not None:  # an office without answers has no rating (missing) and 0 responses
        table = table.join(_ratings(surveys, cust, units, customer_col, rating_col))
        table["responses"] = table["responses"].fillna(0).astype(int)
    if offices is not None:
        table = table.join(_locations(offices, unit_col, location_col, centre))
    table.index.name = unit_col
    return table


def _every_unit_staffed(units: pd.Index, staffed: pd.Series) -> None:
    missing = units[~units.isin(staffed)]
    if len(missing):
        raise DataError(
            tr('{n} office(s) of the customers table have no staff in the staff table (e.g. "{missing}"), '
               "so their staff cannot be measured. Pass the staff of every office, or drop those "
               "customers first.", n=len(missing), missing=missing[0])
        )


def _ratings(surveys: Any, cust: pd.DataFrame, units: pd.Series, customer_col: str, rating_col: str) -> pd.DataFrame:
    """Per office: the customers' mean rating of the staff and the number of answers (blank answers left out)."""
    answers = read_surveys(surveys, customer_col=customer_col, numbers=[rating_col], missing="keep",
                           arguments={rating_col: "rating_col"})
    office = answers[customer_col].map(pd.Series(units.to_numpy(), index=cust[customer_col].to_numpy()))
    frame = pd.DataFrame({"office": office.to_numpy(), "rating": answers[rating_col].to_numpy()}).dropna()
    return frame.groupby("office").agg(staff_attitude=("rating", "mean"), responses=("rating", "size"))


def _locations(offices: Any, unit_col: str, location_col: str, centre: str) -> pd.DataFrame:
    data = read_table(offices, [Column(unit_col, "label", "unit_col"), Column(location_col, "label", "location_col")],
                      table="offices", key=unit_col, min_rows=1)
    location = pd.Series(data[location_col].astype(str).to_numpy(), index=data[unit_col].astype(str).to_numpy())
    return pd.DataFrame({"location": location, "city_centre": (location == centre).astype(int)})


@dataclass(frozen=True)
class ServiceProfitChain:
    """The result of :func:`service_profit_chain`: the staff effect, naive and adjusted, and what n units can show.

    ``estimates`` has rows ``naive`` and ``adjusted`` with ``estimate``
    (change in the outcome per point of the driver), ``std_error``,
    ``lower``, ``upper`` and ``adjusted_for``; ``correlation`` is the naive
    correlation with its Fisher interval; ``detectable`` the smallest
    correlation these units find 4 times in 5; ``caution`` says it in words.
    :meth:`against` compares both estimates with a known (planted) effect.
    """

    estimates: pd.DataFrame = field(repr=False)
    correlation: Interval
    detectable: float
    units: int
    outcome: str
    driver: str
    caution: str

    def against(self, planted: float) -> pd.DataFrame:
        """Each estimate next to the planted effect: does its interval cover it, how many times it is.

        Examples
        --------
        >>> import pandas as pd
        >>> table = pd.DataFrame({"employee_satisfaction": [3.0, 3.5, 4.0, 4.5, 3.2, 4.1],
        ...     "city_centre": [0, 0, 1, 1, 0, 1], "closure_rate": [0.30, 0.25, 0.15, 0.10, 0.27, 0.16]})
        >>> service_profit_chain(table).against(-0.05)[["planted", "covers"]]
                  planted  covers
        naive       -0.05   False
        adjusted    -0.05    True
        """
        planted = float(planted)
        out = self.estimates[["estimate", "lower", "upper"]].copy()
        out["planted"] = planted
        out["covers"] = (out["lower"] <= planted) & (planted <= out["upper"])
        out["times_planted"] = out["estimate"] / planted if planted != 0 else np.nan
        return out

    def __str__(self) -> str:
        rows = [tr("{name:>9}: {estimate:+.4f} per point ({lower:+.4f} to {upper:+.4f})", name=name,
                   estimate=r.estimate, lower=r.lower, upper=r.upper)
                for name, r in self.estimates.iterrows()]
        return (tr("Service-profit chain: {outcome} against {driver}, {units} units", outcome=self.outcome,
                   driver=self.driver, units=self.units) + "\n"
                + "\n".join(rows) + "\n" + self.caution)


def service_profit_chain(
    table: pd.DataFrame,
    *,
    outcome: str = "closure_rate",
    driver: str = "employee_satisfaction",
    adjust_for: Iterable[str] = ("city_centre",),
    confidence: float = 0.95,
) -> ServiceProfitChain:
    """The staff effect on customers, naive and adjusted for confounders, with intervals and a caution.

    Lesson 06, framework: the service-profit chain (Heskett, Jones, Loveman,
    Sasser & Schlesinger 1994, *Harvard Business Review* 72(2)): more
    satisfied staff -> better service -> more loyal customers. One row per
    unit (office) of :func:`office_table`; two least-squares lines::

        naive:     outcome = a + b * driver
        adjusted:  outcome = a + b * driver + c1 * adjuster_1 + ...

    ``b`` is the change in the outcome per point of the driver (e.g. the
    closure share per point of staff satisfaction), with the classical
    standard error and a t interval (n - k degrees of freedom). The naive
    line mixes the staff effect with everything that goes with
    satisfied staff: if city-centre offices have happier staff AND
    customers who stay for other reasons, the naive ``b`` overstates the
    staff effect; adjusting for the location removes that part, and only
    that part (a confounder you did not measure stays in).

    With few units, little can be shown: ``detectable`` is the smallest
    correlation found 4 times in 5 (:func:`detectable_correlation`).

    Parameters
    ----------
    table : DataFrame
        One row per unit, e.g. :func:`office_table` (with offices, for
        ``city_centre``).
    outcome, driver : str
        Numeric columns: what the staff may change, and the staff measure.
    adjust_for : list of str
        Numeric columns of the confounders (1/0 for a yes/no one); empty
        for the naive line only (then both rows are the same).
    confidence : float
        Confidence level of the intervals, strictly between 0 and 1.

    Returns
    -------
    ServiceProfitChain
        ``estimates`` (rows ``naive``, ``adjusted``), ``correlation``,
        ``detectable``, ``units``, ``caution``; ``.against(planted)``.

    Raises
    ------
    DataError
        Missing or non-numeric columns, missing values, too few units for
        the adjustment, a driver that does not vary, a bad confidence.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"employee_satisfaction": [3.0, 3.5, 4.0, 4.5, 3.2, 4.1],
    ...     "city_centre": [0, 0, 1, 1, 0, 1], "closure_rate": [0.30, 0.25, 0.15, 0.10, 0.27, 0.16]})
    >>> chain = service_profit_chain(table)
    >>> chain.estimates[["estimate", "lower", "upper"]].round(3)
              estimate  lower  upper
    naive       -0.136 -0.162 -0.109
    adjusted    -0.106 -0.170 -0.042
    >>> service_profit_chain(table, adjust_for=["location"])
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "location" is not in the table table. The table has these columns: employee_satisfaction, city_centre, closure_rate. If your data calls it something else, pass adjust_for="<your column name>".
    """
    confidence = require_confidence(confidence)
    adjusters = [adjust_for] if isinstance(adjust_for, str) else None
    if adjusters is None and isinstance(adjust_for, Iterable):
        adjusters = list(adjust_for)
    if adjusters is None or not all(isinstance(a, str) for a in adjusters):
        raise DataError(tr('adjust_for must name the confounder columns, e.g. adjust_for=["city_centre"] '
                           "(or [] for none), but {adjust_for!r} was given.", adjust_for=adjust_for))
    _numeric_adjusters(table, adjusters)
    columns = [Column(outcome, "number", "outcome"), Column(driver, "number", "driver"),
               *(Column(a, "number", "adjust_for") for a in adjusters)]
    data = read_result(table, columns, table="table", made_by="office_table", min_rows=len(adjusters) + 3)
    if data[driver].nunique() < 2:
        raise DataError(tr('The driver "{driver}" has the same value in every unit, so its effect cannot '
                           "be estimated. Use units whose staff differ.", driver=driver))
    y = data[outcome].to_numpy()
    rows = {}
    for name, extra in (("naive", []), ("adjusted", adjusters)):
        X = np.column_stack([np.ones(len(y)), data[driver].to_numpy(), *(data[a].to_numpy() for a in extra)])
        coef, se, low, high = _least_squares(y, X, confidence, extra)
        rows[name] = {"estimate": coef[1], "std_error": se[1], "lower": low[1], "upper": high[1],
                      "adjusted_for": ", ".join(extra) or "nothing"}
    r = _correlation(data[driver].to_numpy(), y, confidence)
    detectable = detectable_correlation(len(y))
    estimates = pd.DataFrame(rows).T.astype({c: float for c in ("estimate", "std_error", "lower", "upper")})
    return ServiceProfitChain(estimates, r, detectable, len(y), outcome, driver, _caution(len(y), r, detectable))


def _numeric_adjusters(table: Any, adjusters: list[str]) -> None:
    """A confounder enters the line as a number: a text or true/false column is refused with the 1/0 fix."""
    if not isinstance(table, pd.DataFrame):
        return  # read_result says what table should be
    for a in adjusters:
        flags = a in table.columns and pd.api.types.is_bool_dtype(table[a])
        if a in table.columns and (flags or not pd.api.types.is_numeric_dtype(table[a])):
            raise DataError(
                tr('adjust_for names "{a}", which holds {kind}, but a confounder enters the line as a '
                   "number. Use a 1/0 column (office_table gives city_centre), or make one, e.g. "
                   'table["{a}_1"] = (table["{a}"] == "city centre").astype(int).',
                   a=a, kind=tr("true/false values") if flags else tr("text"))
            )


def _least_squares(y: np.ndarray, X: np.ndarray, confidence: float, adjusters: list[str]) -> tuple:
    """Ordinary least squares: coefficients, classical standard errors and t intervals (n - k df)."""
    from scipy import stats

    n, k = X.shape
    if np.linalg.matrix_rank(X) < k:
        raise DataError(tr("The adjusters {adjusters} move together with the driver (or with each other), "
                           "so their effects cannot be told apart. Drop one of them.", adjusters=_list(adjusters)))
    coef, *_ = np.linalg.lstsq(X, y, rcond=None)
    resid = y - X @ coef
    sigma2 = resid @ resid / (n - k)
    se = np.sqrt(np.diag(sigma2 * np.linalg.inv(X.T @ X)))
    half = stats.t.ppf(0.5 + confidence / 2, n - k) * se
    return coef, se, coef - half, coef + half


def _correlation(x: np.ndarray, y: np.ndarray, confidence: float) -> Interval:
    """Pearson's r with the Fisher (1921) z interval: atanh(r) +/- z / sqrt(n - 3)."""
    r = float(np.corrcoef(x, y)[0, 1])
    half = z_value(confidence) / math.sqrt(len(x) - 3)
    centre = math.atanh(max(min(r, 0.999999999), -0.999999999))
    return Interval(r, math.tanh(centre - half), math.tanh(centre + half), confidence, len(x), "Fisher z")


def _caution(n: int, r: Interval, detectable: float) -> str:
    return (f"Caution: {n} units. Only a correlation of about {detectable:.2f} or stronger is found 4 times in 5 "
            f"(80% power, 5% two-sided test); the {r.confidence:.0%} interval of this one, {r.estimate:+.2f}, runs "
            f"from {r.lower:+.2f} to {r.upper:+.2f}. The units were not assigned at random: the adjusted "
            f"estimate removes only the confounders named, and a weaker effect can hide in noise.")


def detectable_correlation(units: int, *, power: float = 0.8, confidence: float = 0.95) -> float:
    """The smallest correlation that ``units`` units find with the given power: what 20-40 branches can show.

    Lesson 06, framework: statistical power of a correlation test, by
    Fisher's z transformation (Cohen 1988, *Statistical Power Analysis for
    the Behavioral Sciences*, 2nd ed., chapter 3)::

        r = tanh( (z_(1 - alpha/2) + z_power) / sqrt(units - 3) )

    with alpha = 1 - confidence. Cohen's table 3.4.1 needs 85 units for
    r = 0.30 and 28 for r = 0.50 (80% power, 5% two-sided); so 36 offices
    find a correlation of about 0.45 four times in five and miss most
    weaker ones.

    Parameters
    ----------
    units : int
        Number of units (offices, branches), at least 4.
    power : float
        The chance of finding the correlation, strictly between 0 and 1.
    confidence : float
        1 - the significance level of the two-sided test.

    Returns
    -------
    float
        The correlation (0 to 1).

    Raises
    ------
    DataError
        ``units`` below 4 or not whole, ``power`` or ``confidence`` not a fraction.

    Examples
    --------
    >>> round(detectable_correlation(36), 2)
    0.45
    >>> round(detectable_correlation(12), 2)     # the 12 branches alone
    0.73
    >>> detectable_correlation(3)
    Traceback (most recent call last):
    ...
    custlearn.DataError: units must be a whole number of at least 4, but 3 was given.
    """
    units = require_positive_int(units, argument="units", minimum=4)
    power = require_fraction(power, argument="power", example="0.8")
    z = z_value(confidence) + NormalDist().inv_cdf(power)
    return math.tanh(z / math.sqrt(units - 3))


def staff_satisfaction(
    staff: pd.DataFrame,
    *,
    by: str = "pay_band",
    satisfaction_col: str = "employee_satisfaction",
    training_col: str = "training_hours",
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Employee satisfaction per group of staff (pay band, role, office ...), with intervals.

    Lesson 06, framework: the people who serve (decks 002 and 004: pay and
    benefits, working conditions and training shape employee satisfaction,
    the first link of the service-profit chain). Per group::

        satisfaction   mean survey score, with a t interval: mean +/- t * sd / sqrt(n)
        training_hours mean training hours

    A group of one has no interval (lower and upper are missing).

    Parameters
    ----------
    staff : DataFrame
        One row per employee.
    by : str
        The column to group by.
    satisfaction_col, training_col : str
        The names of those columns in your staff table.
    confidence : float
        Confidence level of the intervals, strictly between 0 and 1.

    Returns
    -------
    DataFrame
        Indexed by group: ``staff``, ``satisfaction``, ``lower``, ``upper``,
        ``training_hours``.

    Raises
    ------
    DataError
        Missing columns or values, text in a number column, a bad confidence.

    Examples
    --------
    >>> import pandas as pd
    >>> staff = pd.DataFrame({"pay_band": [1, 1, 2, 2], "employee_satisfaction": [3, 4, 4, 5],
    ...                       "training_hours": [10, 20, 30, 30]})
    >>> staff_satisfaction(staff).round(3)
              staff  satisfaction  lower  upper  training_hours
    pay_band
    1             2           3.5 -2.853  9.853            15.0
    2             2           4.5 -1.853 10.853            30.0
    >>> staff_satisfaction(staff, by="grade")
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "grade" is not in the staff table. The table has these columns: pay_band, employee_satisfaction, training_hours. If your data calls it something else, pass by="<your column name>".
    """
    from scipy import stats

    confidence = require_confidence(confidence)
    data = read_table(staff, [Column(by, "label", "by"), Column(satisfaction_col, "number", "satisfaction_col"),
                              Column(training_col, "number", "training_col", negative=False)],
                      table="staff", min_rows=1)
    grouped = data.groupby(by, observed=True)[[satisfaction_col, training_col]]
    table = grouped.agg(["size", "mean", "std"])
    n = table[(satisfaction_col, "size")].astype(int)
    mean = table[(satisfaction_col, "mean")]
    half = stats.t.ppf(0.5 + confidence / 2, np.maximum(n - 1, 1)) * table[(satisfaction_col, "std")] / np.sqrt(n)
    out = pd.DataFrame({"staff": n, "satisfaction": mean, "lower": mean - half, "upper": mean + half,
                        "training_hours": table[(training_col, "mean")]})
    out.index.name = by
    return out
