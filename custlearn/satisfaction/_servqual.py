"""SERVQUAL: expectation and perception scores per dimension, their gaps, technical vs functional quality (lesson 03)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from custlearn._i18n import tr
from custlearn._tables import Column, Scale, read_surveys, read_table
from custlearn._validate import DataError, require_choice, require_positive_int


#: The five SERVQUAL dimensions (Parasuraman, Zeithaml & Berry 1988), in the
#: order of the course's ``surveys`` columns.
DIMENSIONS = ("tangibles", "reliability", "responsiveness", "assurance", "empathy")

#: Gronroos' (1984) two kinds of service quality, mapped onto the SERVQUAL
#: dimensions. Reliability ("doing what was promised, dependably and
#: accurately") is about the service *outcome*: technical quality, what is
#: delivered. The other four are about the service *process*: functional
#: quality, how it is delivered (Parasuraman, Berry & Zeithaml 1991,
#: "Understanding customer expectations of service", Sloan Management Review
#: 32(3)). Pass your own mapping to ``quality_types=`` if you group them
#: differently.
QUALITY_TYPES = {
    "tangibles": "functional",
    "reliability": "technical",
    "responsiveness": "functional",
    "assurance": "functional",
    "empathy": "functional",
}

# ---------------------------------------------------------------------------
# SERVQUAL
# ---------------------------------------------------------------------------


def _dimension_items(columns: pd.Index, prefix: str, dimension: str, *, argument: str) -> dict[int, str]:
    pattern = re.compile(rf"^{re.escape(prefix)}{re.escape(dimension)}_(\d+)$")
    found = {int(m.group(1)): str(c) for c in columns if (m := pattern.match(str(c)))}
    if not found:
        raise DataError(
            tr('No item columns for the SERVQUAL dimension "{dimension}" were found: expected columns '
               'named "{prefix}{dimension}_1", "{prefix}{dimension}_2", ... in the surveys table. If your '
               'columns use another prefix, pass {argument}="<prefix>"; if you measure other dimensions, '
               "pass dimensions=[...].", dimension=dimension, prefix=prefix, argument=argument)
        )
    return dict(sorted(found.items()))


def _check_dimensions(dimensions: Any) -> list[str]:
    if isinstance(dimensions, str):
        dimensions = [dimensions]
    dims = list(dimensions)
    if not dims or not all(isinstance(d, str) and d for d in dims):
        raise DataError(
            tr("dimensions must be a list of dimension names such as {DIMENSIONS}, but {dimensions!r} was "
               "given.", DIMENSIONS=list(DIMENSIONS), dimensions=dimensions)
        )
    if len(set(dims)) != len(dims):
        raise DataError(tr("dimensions lists a name twice: {dims}. Give each dimension once.", dims=dims))
    return dims


def _paired_items(
    columns: pd.Index, dimension: str, expectation_prefix: str, perception_prefix: str
) -> tuple[list[str], list[str]]:
    exp = _dimension_items(columns, expectation_prefix, dimension, argument="expectation_prefix")
    per = _dimension_items(columns, perception_prefix, dimension, argument="perception_prefix")
    if exp.keys() != per.keys():
        missing = [f"{perception_prefix}{dimension}_{k}" for k in exp.keys() - per.keys()] + \
                  [f"{expectation_prefix}{dimension}_{k}" for k in per.keys() - exp.keys()]
        raise DataError(
            tr('The SERVQUAL dimension "{dimension}" has expectation items {values} but perception items '
               "{values2}: {missing} is missing. SERVQUAL pairs each expectation item with the perception "
               "item of the same number; make the two sets match (load the missing column, or drop its "
               "partner on purpose).",
               dimension=dimension, values=list(exp.values()), values2=list(per.values()),
               missing=', '.join(sorted(missing)))
        )
    return list(exp.values()), list(per.values())


def _dimension_scores(
    surveys: Any,
    dimensions: Any,
    expectation_prefix: str,
    perception_prefix: str,
    scale: Any,
) -> dict[str, tuple[pd.Series, pd.Series, int]]:
    """Each respondent's mean expectation and perception per dimension, and its item count.

    The step both SERVQUAL functions share: find the paired item columns of
    each dimension, read them once on their 1-``scale`` scale (a skipped item
    may be blank), and average the items of a dimension. ``mean(skipna=False)``:
    a respondent who skipped an item of a dimension has no score for it.
    """
    scale = require_positive_int(scale, argument="scale", minimum=2)
    dims = _check_dimensions(dimensions)
    read_surveys(surveys, customer_col=None, min_rows=1)  # a table with answers, before looking for items
    items = {d: _paired_items(surveys.columns, d, expectation_prefix, perception_prefix) for d in dims}
    columns = [c for exp_cols, per_cols in items.values() for c in (*exp_cols, *per_cols)]
    on_scale = Scale(1, scale, fix=tr("SERVQUAL items are answered on a 1-{scale} scale; pass scale= if yours "
                                    "differs.", scale=scale))
    answers = read_surveys(surveys, customer_col=None, scores=dict.fromkeys(columns, on_scale), missing="keep")
    return {
        d: (answers[exp_cols].mean(axis=1, skipna=False), answers[per_cols].mean(axis=1, skipna=False),
            len(exp_cols))
        for d, (exp_cols, per_cols) in items.items()
    }


def servqual_scores(
    surveys: pd.DataFrame,
    *,
    kind: str = "perception",
    dimensions: Sequence[str] = DIMENSIONS,
    expectation_prefix: str = "exp_",
    perception_prefix: str = "per_",
    scale: int = 7,
) -> pd.DataFrame:
    """Each respondent's SERVQUAL score per dimension (the mean of its items).

    Lesson 03, SERVQUAL (Parasuraman, Zeithaml & Berry 1988, "SERVQUAL: a
    multiple-item scale for measuring consumer perceptions of service
    quality", Journal of Retailing 64(1)). For respondent i and dimension d
    with items k = 1..K::

        perception_d  = mean_k per_<d>_<k>
        expectation_d = mean_k exp_<d>_<k>
        gap_d         = perception_d - expectation_d

    A respondent who skipped any item of a dimension gets NaN for it.
    These scores are the inputs of :func:`driver_analysis`.

    Parameters
    ----------
    surveys : DataFrame
        One row per response, with columns ``<prefix><dimension>_<k>``.
    kind : {"perception", "expectation", "gap"}, default "perception"
    dimensions : list of str, default the five SERVQUAL dimensions
    expectation_prefix, perception_prefix : str, default "exp_", "per_"
    scale : int, default 7
        Items are whole numbers from 1 to ``scale``.

    Returns
    -------
    DataFrame
        Same index as ``surveys``; one column per dimension.

    Raises
    ------
    DataError
        If ``surveys`` is not a non-empty DataFrame, a dimension has no item
        columns, expectation and perception items do not pair up, or an item
        is not a whole number from 1 to ``scale``.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"exp_reliability_1": [7, 6], "exp_reliability_2": [7, 6],
    ...                   "per_reliability_1": [5, 6], "per_reliability_2": [4, 5]})
    >>> servqual_scores(s, kind="gap", dimensions=["reliability"])
       reliability
    0         -2.5
    1         -0.5
    """
    require_choice(kind, ["perception", "expectation", "gap"], argument="kind")
    scores = _dimension_scores(surveys, dimensions, expectation_prefix, perception_prefix, scale)
    out = {}
    for d, (expectation, perception, _n_items) in scores.items():
        out[d] = {"perception": perception, "expectation": expectation, "gap": perception - expectation}[kind]
    return pd.DataFrame({d: v.to_numpy() for d, v in out.items()}, index=surveys.index)


def servqual_gaps(
    surveys: pd.DataFrame,
    *,
    dimensions: Sequence[str] = DIMENSIONS,
    expectation_prefix: str = "exp_",
    perception_prefix: str = "per_",
    scale: int = 7,
    quality_types: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """SERVQUAL gap per dimension: mean perception minus mean expectation.

    Lesson 03, service quality = perceived minus expected. Parasuraman,
    Zeithaml & Berry (1988, Journal of Retailing 64(1)) measure five
    dimensions (tangibles, reliability, responsiveness, assurance, empathy),
    each with expectation items ("an excellent company would ...") and
    perception items ("this company ..."). Per dimension, over the n
    respondents who answered all its items::

        expectation = mean over respondents of mean_k exp_<d>_<k>
        perception  = mean over respondents of mean_k per_<d>_<k>
        gap         = perception - expectation

    A negative gap is a shortfall: the service is below what customers
    expect. The ``quality`` column groups the dimensions into Gronroos'
    (1984, "A service quality model and its marketing implications",
    European Journal of Marketing 18(4)) technical quality (what is
    delivered: reliability) and functional quality (how it is delivered:
    the other four); see :data:`QUALITY_TYPES` and
    :func:`technical_functional_gaps`.

    Parameters
    ----------
    surveys : DataFrame
        One row per response with columns ``<prefix><dimension>_<k>``
        (the course's ``surveys``: ``exp_tangibles_1`` ... ``per_empathy_3``).
    dimensions : list of str, default the five SERVQUAL dimensions
    expectation_prefix, perception_prefix : str, default "exp_", "per_"
    scale : int, default 7
        Items are whole numbers from 1 to ``scale``.
    quality_types : dict, optional
        Dimension -> "technical" / "functional"; default :data:`QUALITY_TYPES`.
        Dimensions not in it get "unassigned".

    Returns
    -------
    DataFrame
        Index ``dimension``; columns ``expectation``, ``perception``, ``gap``,
        ``n`` (respondents with all items of the dimension answered),
        ``items`` (items per dimension), ``quality``.

    Raises
    ------
    DataError
        As :func:`servqual_scores`.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.DataFrame({"exp_reliability_1": [7, 6, 7], "per_reliability_1": [5, 6, 4],
    ...                   "exp_empathy_1": [5, 5, 6], "per_empathy_1": [6, 5, 6]})
    >>> servqual_gaps(s, dimensions=["reliability", "empathy"]).round(3)
                 expectation  perception    gap  n  items     quality
    dimension
    reliability        6.667         5.0 -1.667  3      1   technical
    empathy            5.333         5.667  0.333  3      1  functional

    An answer off the 1-7 scale stops the calculation and is named:

    >>> servqual_gaps(s.assign(per_empathy_1=[6, 8, 6]), dimensions=["reliability", "empathy"])
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "per_empathy_1" of the surveys table must hold whole numbers from 1 to 7, but 1 value(s) are outside that range: 8.0. SERVQUAL items are answered on a 1-7 scale; pass scale= if yours differs.
    """
    scores = _dimension_scores(surveys, dimensions, expectation_prefix, perception_prefix, scale)
    types = dict(QUALITY_TYPES if quality_types is None else quality_types)
    rows = []
    for d, (expectation, perception, items) in scores.items():
        complete = expectation.notna() & perception.notna()  # answered every item of both kinds
        e, p = expectation[complete].mean(), perception[complete].mean()
        rows.append(
            {
                "dimension": d,
                "expectation": float(e),
                "perception": float(p),
                "gap": float(p - e),
                "n": int(complete.sum()),
                "items": items,
                "quality": types.get(d, "unassigned"),
            }
        )
    return pd.DataFrame(rows).set_index("dimension")


def technical_functional_gaps(gaps: pd.DataFrame) -> pd.DataFrame:
    """Average SERVQUAL results into technical vs functional quality.

    Lesson 03, Gronroos (1984, "A service quality model and its marketing
    implications", European Journal of Marketing 18(4)): technical quality
    is *what* the customer gets, functional quality *how* it is delivered.
    Each group's expectation, perception and gap is the unweighted mean
    over its dimensions (every dimension counts once).

    Parameters
    ----------
    gaps : DataFrame
        The result of :func:`servqual_gaps` (columns ``expectation``,
        ``perception``, ``gap``, ``quality``).

    Returns
    -------
    DataFrame
        Index ``quality``; columns ``expectation``, ``perception``, ``gap``,
        ``dimensions`` (the dimension names, comma-separated).

    Raises
    ------
    DataError
        If ``gaps`` lacks those columns.

    Examples
    --------
    >>> import pandas as pd
    >>> g = pd.DataFrame({"expectation": [6.5, 6.0, 5.0], "perception": [5.5, 5.0, 5.0],
    ...                   "gap": [-1.0, -1.0, 0.0],
    ...                   "quality": ["technical", "functional", "functional"]},
    ...                  index=pd.Index(["reliability", "empathy", "tangibles"], name="dimension"))
    >>> technical_functional_gaps(g)
                expectation  perception  gap           dimensions
    quality
    technical           6.5         5.5 -1.0          reliability
    functional          5.5         5.0 -0.5  empathy, tangibles
    """
    gaps = read_table(
        gaps,
        [*(Column(c, "number", missing="keep") for c in ("expectation", "perception", "gap")),
         Column("quality", "label")],
        table="gaps",
        min_rows=1,
    )
    order = list(dict.fromkeys(["technical", "functional", *gaps["quality"].astype(str)]))
    rows = []
    for q in order:
        part = gaps[gaps["quality"].astype(str) == q]
        if len(part) == 0:
            continue
        rows.append(
            {
                "quality": q,
                "expectation": float(part["expectation"].mean()),
                "perception": float(part["perception"].mean()),
                "gap": float(part["gap"].mean()),
                "dimensions": ", ".join(str(i) for i in part.index),
            }
        )
    return pd.DataFrame(rows).set_index("quality")
