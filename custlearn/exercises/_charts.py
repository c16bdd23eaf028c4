"""Chart answers: read the data a matplotlib chart draws and compare them with the expected data.

A chart is judged by what it shows, not by how it looks: the x/y data of its
lines (``Line2D``), the heights of its bars (``BarContainer``, vertical or
horizontal), the positions of its points (scatter collections and marker-only
lines), error bars and reference lines, and the legend text of each series.
Dates on an axis arrive as matplotlib date numbers or pandas period ordinals
and are turned back into dates; categories drawn as text are read back from
the axis. The comparison follows the course's tolerance rule (``_core``).

Kinds of expected data (``Chart.kind``)
---------------------------------------
``"line"`` / ``"bar"``  a Series (or a dict of named Series) indexed by the x
    labels: months, categories, ages. Every label must be drawn with its value.
``"curve"`` / ``"step"``  a Series indexed by a number (a share of customers,
    days): the drawn line must follow it (linear or step interpolation).
``"points"``  a DataFrame with columns ``x`` and ``y``: every point drawn.
``"values"``  a dict of named groups of numbers (estimates, interval ends, a
    reference value) that must all appear among the numbers drawn.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from custlearn._i18n import N_, tr, translated
from custlearn.exercises._core import (
    CORRECT, INCORRECT, INVALID, Exercise, Mistake, _kind, agreement, canonical_labels, fmt, plural, value_of,
)

__all__ = ["Chart", "Marks", "read_chart", "two_groups"]

REL = 1e-4  # drawn numbers come straight from the data: a tight tolerance
CURVE_TOL = 0.01  # a curve may stray by 1% of its height (drawn with fewer or more points)
SHARE_SCALES = (1.0, 100.0)
DAY_SCALES = {"days": 1.0, "weeks": 7.0, "months": 30.4375, "years": 365.25}
# A ratio may be drawn as it is, as a change (r - 1), as a percentage change or in percent: (slope, offset).
RATIO_FORMS = {"ratio": (1.0, 0.0), "change": (1.0, -1.0), "percent change": (100.0, -100.0), "percent": (100.0, 0.0)}
# The words that name "the others" in a legend, in English and in Chinese (无折扣, 没有折扣, 其他客户).
NEGATION = r"(\b(without|no|non|not|other|others|false)\b|无|没有|未|非|不|其他|其余)"


def two_groups(group: str, others: str, words: str) -> dict[str, str]:
    """Legend patterns for a group and the rest, told apart by a negation.

    >>> import re
    >>> patterns = two_groups("discount", "no discount", "discount")
    >>> [n for n, p in patterns.items() if re.search(p, "acquired without a discount", re.I)]
    ['no discount']
    >>> [n for n, p in two_groups("discount", "no discount", "discount|折扣").items() if re.search(p, "无折扣")]
    ['no discount']
    """
    return {group: rf"^(?!.*{NEGATION}).*({words}|true)", others: NEGATION}


# The marks a chart draws, named in feedback ("drawn as bars").
_MARK_NAMES = {"line": N_("line"), "bar": N_("bar"), "points": N_("points"), "rule": N_("rule"),
               "segments": N_("segments")}
_PERIOD_NAMES = [(1.5, N_("day")), (10, N_("week")), (45, N_("month")), (140, N_("quarter")), (500, N_("year"))]


@dataclass
class Marks:
    """One series read from a chart: the kind of mark, its x labels and positions, its values, its legend text."""

    mark: str  # "line", "bar", "points", "rule" (a horizontal or vertical reference line), "segments"
    keys: list | None  # the x labels as the chart names them (categories, dates, periods), or None
    x: np.ndarray
    y: np.ndarray
    label: str = ""
    horizontal: bool = False  # bars drawn sideways: their values run along x


# --------------------------------------------------------------------------
# reading a chart


def _axes_of(answer: Any) -> list:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    if isinstance(answer, Axes):
        return list(answer.figure.axes) if answer.figure is not None else [answer]
    if isinstance(answer, Figure):
        return list(answer.axes)
    if isinstance(answer, np.ndarray) and answer.dtype == object:
        return [a for a in answer.ravel() if isinstance(a, Axes)]
    fig = getattr(answer, "figure", None) or getattr(answer, "fig", None)  # seaborn grids
    if isinstance(fig, Figure):
        return list(fig.axes)
    return []


def _as_numbers(values: Any) -> np.ndarray:
    try:
        return np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        return np.full(len(values), np.nan)


def _keys(orig: Any, numbers: np.ndarray, axis: Any, ax: Any, ticks: bool = False) -> list | None:
    """The labels behind positions on an axis: dates, periods or categories (None for plain numbers).

    With ``ticks``, positions that all sit on labelled ticks take the tick labels (pandas bar charts).
    """
    from matplotlib import category, dates

    orig = np.asarray(orig)
    if np.issubdtype(orig.dtype, np.datetime64):
        return list(pd.DatetimeIndex(orig))
    if orig.dtype.kind in "OUS" and len(orig) and isinstance(orig.flat[0], str):
        return [str(v) for v in orig]
    converter = axis.get_converter()
    freq = getattr(ax, "freq", None)
    if freq is not None and type(converter).__name__ == "PeriodConverter":
        return list(pd.PeriodIndex.from_ordinals(np.round(numbers).astype(int), freq=freq))
    if isinstance(converter, category.StrCategoryConverter) and axis.get_units() is not None:
        names = {v: k for k, v in axis.get_units()._mapping.items()}
        return [str(names.get(round(v), v)) for v in numbers]
    if isinstance(converter, dates.DateConverter) or "DateConverter" in type(converter).__name__:
        return list(pd.DatetimeIndex(dates.num2date(numbers)).tz_localize(None))
    if not ticks:
        return None
    names = {round(float(t), 6): lab.get_text() for t, lab in zip(axis.get_ticklocs(), axis.get_ticklabels())}
    if len(numbers) and all(names.get(round(float(v), 6)) for v in numbers):
        return [names[round(float(v), 6)] for v in numbers]
    return None


def _hex(colour: Any) -> str | None:
    """A colour as '#rrggbb' (the first one of an array of colours), or None."""
    from matplotlib.colors import to_hex

    try:
        if not isinstance(colour, str) and np.ndim(colour) == 2:
            colour = np.asarray(colour)[0] if len(colour) else None
        return None if colour is None else to_hex(colour)
    except (ValueError, TypeError):
        return None


def _legend_texts(ax: Any) -> dict:
    """The legend's text by handle and by the colour of its handle (seaborn draws its legend with proxy
    artists). A series is named only by a legend the reader can see (the Axes' or the figure's)."""
    legends = [ax.get_legend(), *getattr(ax.figure, "legends", [])]
    found: dict = {}
    for legend in [leg for leg in legends if leg is not None]:
        for handle, text in zip(legend.legend_handles, legend.get_texts()):
            found[id(handle)] = text.get_text()
            colour = _hex(handle.get_color() if hasattr(handle, "get_color") else handle.get_facecolor())
            if colour is not None:
                found.setdefault(colour, text.get_text())
    return found


def _label(artist: Any, legend: dict, colour: Any) -> str:
    """What the legend calls a series ('' when no legend names it)."""
    return legend.get(id(artist)) or legend.get(_hex(colour), "")


def _lines(ax: Any, legend: dict) -> list[Marks]:
    found = []
    for line in ax.lines:
        y = _as_numbers(line.get_ydata(orig=False))
        x = _as_numbers(line.get_xdata(orig=False))
        if not len(x) or len(x) != len(y):
            continue
        keys = _keys(line.get_xdata(orig=True), x, ax.xaxis, ax)
        label = _label(line, legend, line.get_color())
        flat = len(x) <= 2 and (np.ptp(x) == 0 or np.ptp(y) == 0)
        markers_only = line.get_linestyle() in ("None", "", " ", "none")
        mark = "rule" if flat else "points" if markers_only else "line"
        found.append(Marks(mark, keys, x, y, label))
    return found


def _bars(ax: Any, legend: dict) -> list[Marks]:
    from matplotlib.container import BarContainer

    found = []
    for container in ax.containers:
        if not isinstance(container, BarContainer) or not len(container.patches):
            continue
        patches = container.patches
        horizontal = getattr(container, "orientation", "vertical") == "horizontal"
        if horizontal:
            pos = np.array([p.get_y() + p.get_height() / 2 for p in patches])
            val = np.array([p.get_width() for p in patches], dtype=float)
            keys = _keys(pos, pos, ax.yaxis, ax, ticks=True)
        else:
            pos = np.array([p.get_x() + p.get_width() / 2 for p in patches])
            val = np.array([p.get_height() for p in patches], dtype=float)
            keys = _keys(pos, pos, ax.xaxis, ax, ticks=True)
        label = _label(container, legend, patches[0].get_facecolor())
        found.append(Marks("bar", keys, pos, val, label, horizontal))
    return found


def _collections(ax: Any, legend: dict) -> list[Marks]:
    from matplotlib.collections import LineCollection, PathCollection

    found = []
    for coll in ax.collections:
        if isinstance(coll, PathCollection):
            xy = np.asarray(coll.get_offsets(), dtype=float).reshape(-1, 2)
            if len(xy):
                colour = coll.get_facecolor()
                label = _label(coll, legend, colour[0] if len(colour) else "none")
                found.append(Marks("points", None, xy[:, 0], xy[:, 1], label))
        elif isinstance(coll, LineCollection) and coll.get_segments():
            ends = np.concatenate([np.asarray(s, dtype=float).reshape(-1, 2) for s in coll.get_segments()])
            found.append(Marks("segments", None, ends[:, 0], ends[:, 1], ""))
    return found


def read_chart(answer: Any) -> list[Marks] | None:
    """Every series a chart draws (all its Axes), or None when ``answer`` is not a chart.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.bar(["a", "b"], [3, 5], label="orders")
    >>> _ = ax.legend()
    >>> [(m.mark, m.keys, m.y.tolist(), m.label) for m in read_chart(ax)]
    [('bar', ['a', 'b'], [3.0, 5.0], 'orders')]
    >>> plt.close(fig)
    """
    axes = _axes_of(answer)
    if not axes:
        return None
    found: list[Marks] = []
    for ax in axes:
        legend = _legend_texts(ax)
        found += _lines(ax, legend) + _bars(ax, legend) + _collections(ax, legend)
    return found


# --------------------------------------------------------------------------
# comparing one drawn series with one expected series


@dataclass
class _Fit:
    """How well one drawn series fits one expected series."""

    ok: bool
    common: int = 0  # expected labels (or the share of the curve) the drawn series covers
    note: str = ""  # what is wrong, in words, when not ok


def _keyed_fit(marks: Marks, expected: pd.Series, scales: Sequence[float], index_name: str) -> _Fit:
    if marks.mark in ("rule", "segments"):
        return _Fit(False)
    like = expected.index
    drawn = canonical_labels(marks.keys if marks.keys is not None else list(marks.x), like)
    wanted = canonical_labels(list(like), like)
    values: dict[str, list[float]] = {}
    for key, value in zip(drawn, marks.y):
        values.setdefault(key, []).append(float(value))
    common = [k for k in wanted if k in values]
    if not common:
        return _Fit(False, 0, _other_labels(marks, like, index_name))
    if any(len(values[k]) > 1 for k in common):
        return _Fit(False, len(common), _finer(marks, like, index_name))
    mine = np.array([values[k][0] for k in common])
    theirs = expected.to_numpy(float)[[wanted.index(k) for k in common]]
    for scale in scales:
        if all(agreement(a, e * scale, REL) in ("exact", "rounded") for a, e in zip(mine, theirs)):
            if len(common) == len(wanted):
                return _Fit(True, len(common))
            return _Fit(False, len(common), _coverage(common, wanted, marks, index_name))
    return _Fit(False, len(common), _values_differ(mine, theirs, common, scales))


def _other_labels(marks: Marks, like: pd.Index, index_name: str) -> str:
    shown = [str(k) for k in (marks.keys if marks.keys is not None else [fmt(v) for v in marks.x[:3]])][:3]
    wanted = canonical_labels(list(like), like)
    return tr("its x labels ({shown}, ...) are not the {index_name}s asked for ({first} to {last})",
              shown=", ".join(shown), index_name=translated(index_name), first=wanted[0], last=wanted[-1])


def _spacing_name(keys: list) -> str | None:
    try:
        stamps = pd.DatetimeIndex([k.start_time if isinstance(k, pd.Period) else pd.Timestamp(k) for k in keys])
    except (TypeError, ValueError):
        return None
    if len(stamps) < 2:
        return None
    days = float(pd.Series(stamps.sort_values()).diff().dt.total_seconds().median() / 86_400)
    return next((name for limit, name in _PERIOD_NAMES if days < limit), N_("year"))


def _finer(marks: Marks, like: pd.Index, index_name: str) -> str:
    per = _spacing_name(marks.keys or []) or N_("finer step")
    return tr("it has one point per {per}, several in each {index_name}: the question asks for one per {index_name}",
              per=translated(per), index_name=translated(index_name))


def _coverage(common: list, wanted: list, marks: Marks, index_name: str) -> str:
    per = _spacing_name(marks.keys or [])
    wanted_per = _spacing_name(list(pd.Index(wanted))) if per else None
    if per and wanted_per and per != wanted_per:
        return tr("it has one point per {per}; the question asks for one per {wanted_per}", per=translated(per),
                  wanted_per=translated(wanted_per))
    return tr("it covers {n} of the {total} {index_name}s ({first} to {last}); the answer runs from {start} to {end}",
              n=len(common), total=len(wanted), index_name=translated(index_name), first=common[0], last=common[-1],
              start=wanted[0], end=wanted[-1])


def _values_differ(mine: np.ndarray, theirs: np.ndarray, common: list, scales: Sequence[float]) -> str:
    if len(mine) > 2 and np.allclose(mine, np.cumsum(theirs) * scales[0], rtol=1e-3):
        return tr("its values add up from one point to the next (a running total); draw each point's own value")
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = mine / theirs
    if np.isfinite(ratio).all() and len(ratio) and np.allclose(ratio, ratio[0], rtol=1e-3) and ratio[0] != 0:
        times = float(ratio[0])
        if np.isclose(times, 100) or np.isclose(times, 0.01):
            if times > 1:
                return tr("it draws percentages where shares (0-1) are asked for")
            return tr("it draws shares (0-1) where percentages are asked for")
        return tr("every value is {times} times the right one: a different measure, or a different unit, is drawn",
                  times=fmt(times))
    bad = [k for k, a, e in zip(common, mine, theirs)
           if not any(agreement(a, e * s, REL) in ("exact", "rounded") for s in scales)]
    return tr("its values differ at {bad} of {n} points (first at {first})", bad=len(bad), n=len(common),
              first=bad[0])


def _curve_fit(marks: Marks, expected: pd.Series, x_scales: Sequence[float], y_scales: Sequence[float],
               step: bool, normalise: bool, cover: float | None) -> _Fit:
    if marks.mark != "line" or len(marks.x) < 2 or not np.isfinite(marks.x).all():
        return _Fit(False)
    ex, ey = expected.index.to_numpy(float), expected.to_numpy(float)
    span = max(float(np.ptp(ex)), 1e-12)
    height = max(float(np.nanmax(np.abs(ey))), float(np.ptp(ey)), 1e-12)
    best = _Fit(False)
    for sx in x_scales:
        for sy in y_scales:
            x, y = marks.x * sx, marks.y / sy
            if normalise:
                end = int(np.argmax(x))
                if x[end] == 0 or y[end] == 0:
                    continue
                x, y = x / x[end], y / y[end]
            order = np.argsort(x, kind="stable")
            x, y = x[order], y[order]
            reach = cover if cover is not None else ex.max() - 0.02 * span
            if x.min() > ex.min() + 0.02 * span or x.max() < reach - 1e-9:
                best = best if best.common else _Fit(False, 1, _curve_reach(x, ex, reach, sx))
                continue
            inside = (ex >= x.min()) & (ex <= x.max())
            drawn = y[np.searchsorted(x, ex[inside], side="right") - 1] if step else np.interp(ex[inside], x, y)
            gap = np.abs(drawn - ey[inside]) / height
            if float(gap.max()) <= CURVE_TOL:
                return _Fit(True, 2)
            worst = int(np.argmax(gap))
            best = _Fit(False, 2, tr("it strays from the right curve by up to {gap:.0%} of the curve's height "
                                     "(at x = {x})", gap=gap[worst], x=fmt(ex[inside][worst] / sx)))
    return best


def _curve_reach(x: np.ndarray, ex: np.ndarray, reach: float, sx: float) -> str:
    return tr("it runs from x = {start} to {end}; the curve asked for runs from {wanted_start} to at least {reach}",
              start=fmt(x.min() / sx), end=fmt(x.max() / sx), wanted_start=fmt(ex.min() / sx), reach=fmt(reach / sx))


def _points_fit(marks: Marks, expected: pd.DataFrame) -> _Fit:
    if marks.mark not in ("points", "line"):
        return _Fit(False)
    found = 0
    for ex, ey in expected[["x", "y"]].to_numpy(float):
        hit = [agreement(x, ex, REL) in ("exact", "rounded") and agreement(y, ey, REL) in ("exact", "rounded")
               for x, y in zip(marks.x, marks.y)]
        found += any(hit)
    if found == len(expected):
        return _Fit(True, found)
    return _Fit(False, found, tr("{found} of its {points} are at a right position (of {n} asked for)", found=found,
                                 points=plural(len(marks.x), "point"), n=len(expected)))


# --------------------------------------------------------------------------
# the exercise kind


def _pooled_points(marks: list[Marks]) -> Marks:
    """All the points of a chart as one series (a scatter drawn one point at a time is still one grid)."""
    dots = [m for m in marks if m.mark in ("points", "line")]
    if not dots:
        return Marks("points", None, np.array([]), np.array([]))
    return Marks("points", None, np.concatenate([m.x for m in dots]), np.concatenate([m.y for m in dots]))


def _along(marks: list[Marks], axis: str) -> np.ndarray:
    """The numbers a chart draws along one axis: point and line coordinates, interval ends, reference lines, bars."""
    values = []
    for m in marks:
        if m.mark == "bar":
            values.append(m.y if (axis == "x") == m.horizontal else m.x)
        elif m.mark == "rule":
            vertical = np.ptp(m.x) == 0
            if vertical == (axis == "x"):
                values.append((m.x if vertical else m.y)[:1])
        else:
            values.append(m.x if axis == "x" else m.y)
    numbers = np.concatenate(values).astype(float) if values else np.array([])
    return numbers[np.isfinite(numbers)]


def _values_problem(marks: list[Marks], groups: dict[str, Any], unit: str) -> str | None:
    """None when every group of numbers is drawn along one axis, in one form; otherwise what is missing.

    A group is its values, or ``(values, tolerance)`` for numbers that may vary a little (bootstrap
    intervals): the tolerance is relative to each value, before any change of form.
    """
    forms = RATIO_FORMS if unit == "ratio" else {"value": (1.0, 0.0)}

    def shows(numbers: np.ndarray, group: Any, form: tuple[float, float]) -> bool:
        values, tol = group if isinstance(group, tuple) else (group, REL)
        slope, offset = form
        return all(np.isclose(numbers, slope * v + offset, rtol=0, atol=abs(slope * v) * tol + 1e-9).any()
                   for v in np.atleast_1d(values))

    (first, head), *rest = groups.items()
    found = [(numbers, form) for axis in ("x", "y") for numbers in [_along(marks, axis)]
             for form in forms.values() if shows(numbers, head, form)]
    if not found:
        values = head[0] if isinstance(head, tuple) else head
        return tr("it does not show the {first} ({values})", first=translated(first),
                  values=", ".join(fmt(v) for v in np.atleast_1d(values)))
    numbers, form = found[0]
    for name, group in rest:
        if not shows(numbers, group, form):
            return tr("it does not show the {name}, in the same units as the {first}", name=translated(name),
                      first=translated(first))
    return None


def _as_series_dict(expected: Any) -> dict[str, Any]:
    if isinstance(expected, dict):
        return dict(expected)
    return {"": expected}


@dataclass
class Chart(Exercise):
    """A chart judged by the data it draws (see the module docstring for ``kind``).

    ``unit="share"`` lets values be drawn as shares (0-1) or percentages;
    ``unit="ratio"`` (kind ``"values"``) lets ratios be drawn as they are, as
    changes (r - 1) or percentage changes. ``x_unit="days"`` lets a time axis
    be drawn in days, weeks, months or years. ``normalise`` compares curves
    whose axes may be counts, shares or percentages (a whale curve): both axes
    are divided by their last point. ``cover`` is the x a curve must reach.
    ``legend`` maps each series name to a pattern its legend text matches
    (to catch a legend that names the wrong line). Mistakes are wrong data
    (a Series or dict like ``expected``) with the hint they deserve.
    """

    expected: Any
    question: str = ""
    kind: str = "line"
    index_name: str = N_("point")
    unit: str = ""
    x_unit: str = ""
    normalise: bool = False
    cover: Any = None
    legend: dict[str, str] = field(default_factory=dict)
    mistakes: Sequence[Mistake] = field(default_factory=tuple)
    hint: str = ""
    explain: str = ""
    require_title: bool = True
    require_labels: bool = True

    def _evaluate(self, answer: Any) -> tuple[str, str, str]:
        marks = read_chart(answer)
        if marks is None:
            return (INVALID, tr("A chart is asked for, but your answer is {kind}.", kind=_kind(answer)),
                    tr("Keep the Axes the plot was drawn on: fig, ax = plt.subplots(); ...; answer = ax "
                       "(pandas and seaborn plotting functions return it too)."))
        marks = [m for m in marks if len(m.y)]
        if not marks:
            return INCORRECT, tr("Your chart is empty: nothing is drawn on it."), tr("Plot the data onto this Axes.")
        problem, shown = self._compare(marks, value_of(self.expected))
        if problem is None:
            problem = self._mark_kind(shown) or self._legend(shown)
            if problem is None:
                return self._look(answer)
            return INCORRECT, tr("Your chart is nearly right: {problem}.", problem=problem), ""
        for mistake in self.mistakes:
            if self._compare(marks, value_of(mistake.value))[0] is None:
                return INCORRECT, tr("Your chart draws other data than the question asks for."), translated(mistake.hint)
        return (INCORRECT, tr("Your chart does not show the data asked for: {problem}.", problem=problem),
                translated(self.hint))

    # -- the data

    def _compare(self, marks: list[Marks], expected: Any) -> tuple[str | None, list[tuple[str, Marks]]]:
        """(None, the matching series) when the chart shows ``expected``; otherwise (what is wrong, ...)."""
        if self.kind == "values":
            return _values_problem(marks, expected, self.unit), []
        if self.kind == "points":
            marks = [_pooled_points(marks)]
        series = _as_series_dict(expected)
        used: set[int] = set()
        shown: list[tuple[str, Marks]] = []
        for name, wanted in series.items():
            fits = [(i, self._fit(m, wanted)) for i, m in enumerate(marks) if i not in used]
            good = [i for i, f in fits if f.ok]
            if not good:
                return self._missing(name, shown, [f for _, f in fits]), shown
            used.add(good[0])
            shown.append((name, marks[good[0]]))
        return None, shown

    def _fit(self, marks: Marks, wanted: Any) -> _Fit:
        if self.kind in ("line", "bar"):
            return _keyed_fit(marks, wanted, SHARE_SCALES if self.unit == "share" else (1.0,), self.index_name)
        if self.kind in ("curve", "step"):
            x_scales = tuple(DAY_SCALES.values()) if self.x_unit == "days" else (1.0,)
            y_scales = SHARE_SCALES if self.unit == "share" else (1.0,)
            return _curve_fit(marks, wanted, x_scales, y_scales, self.kind == "step", self.normalise,
                              value_of(self.cover))
        return _points_fit(marks, wanted)

    def _missing(self, name: str, shown: list, fits: list[_Fit]) -> str:
        what = tr("the {name} data", name=translated(name)) if name else tr("the data asked for")
        if shown:
            done = tr(" and ").join(tr("the {name} data", name=translated(n)) for n, _ in shown)
            return tr("it shows {done} but not {what}", done=done, what=what)
        best = max(fits, key=lambda f: f.common, default=_Fit(False))
        if best.note:
            return tr("for {what}, {note}", what=what, note=best.note) if name else best.note
        return tr("none of its lines, bars or points carries {what}", what=what)

    def _mark_kind(self, shown: list[tuple[str, Marks]]) -> str | None:
        allowed = {"bar": {"bar"}, "line": {"line", "points"}}.get(self.kind)
        wrong = [m.mark for _, m in shown if allowed is not None and m.mark not in allowed]
        if wrong:
            if self.kind == "bar":
                return tr("the numbers are right, but drawn as {mark}s; the question asks for a bar chart",
                          mark=translated(_MARK_NAMES[wrong[0]]))
            return tr("the numbers are right, but drawn as {mark}s; the question asks for a line chart",
                      mark=translated(_MARK_NAMES[wrong[0]]))
        return None

    def _legend(self, shown: list[tuple[str, Marks]]) -> str | None:
        if len(shown) < 2:
            return None
        if not any(m.label for _, m in shown):
            return tr("the lines are right, but nothing says which is which: add a legend (label=... and ax.legend())")
        for name, m in shown:
            own = self.legend.get(name)
            if own is None or not m.label or re.search(own, m.label, re.I):
                continue
            other = next((n for n, pattern in self.legend.items() if n != name and re.search(pattern, m.label, re.I)),
                         None)
            if other is not None:
                return tr("the line labelled {label} shows the {name} data, not the {other} data: swap the labels",
                          label=repr(m.label), name=translated(name), other=translated(other))
        return None

    # -- the look

    def _look(self, answer: Any) -> tuple[str, str, str]:
        axes = [ax for ax in _axes_of(answer) if ax.has_data()]
        ax = axes[0] if axes else _axes_of(answer)[0]
        titles = [a.get_title(loc) for a in axes or [ax] for loc in ("left", "center", "right")]
        suptitle = getattr(ax.figure, "_suptitle", None)
        title = next((t for t in titles if t.strip()), suptitle.get_text() if suptitle is not None else "")
        if self.require_title and not title.strip():
            return (INCORRECT, tr("Your chart shows the right data but has no title."),
                    tr("A reader should know what the chart shows without you: ax.set_title('...')."))
        for which in ("x", "y"):
            if self.require_labels and not any(getattr(a, f"get_{which}label")().strip() for a in axes or [ax]):
                return (INCORRECT, tr("Your chart shows the right data, but the {which} axis has no label.", which=which),
                        tr("Say what the axis measures and its unit: ax.set_{which}label('... (unit)').", which=which))
        return CORRECT, tr("Your chart shows the right data ({title}).", title=repr(title.strip())), ""
