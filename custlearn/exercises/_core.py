"""The answer kinds that ``check()`` understands, and the feedback it prints.

Each lesson's exercises live in one module, ``custlearn/exercises/lessonNN.py``,
as a dict ``EXERCISES`` mapping an id such as ``"04.2"`` to one of the kinds
below. Expected answers are *functions* that compute the answer from the data
with the solution's logic, never typed-in numbers, so a change to the data
cannot silently break an exercise. Likely mistakes are listed the same way:
a function computing the wrong answer a learner would get, and the hint that
mistake deserves.

Kinds
-----
``Number``  a single number (tolerances, percent-vs-fraction, sign, rounding)
``Table``   a DataFrame or Series (rows, columns, index, order, values)
``Chart``   a matplotlib Axes or Figure (data drawn, title, axis labels, kind)
``Text``    a written interpretation (checked for presence and length only)
``Choice``  one option of a multiple-choice question, with a reason per option
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

CORRECT, INCORRECT, UNANSWERED, INVALID, ERROR, UNKNOWN = (
    "correct", "incorrect", "unanswered", "invalid", "error", "unknown",
)
_ICON = {CORRECT: "✅", INCORRECT: "❌", UNANSWERED: "⏳", INVALID: "⚠️", ERROR: "⚠️", UNKNOWN: "❓"}

NOT_ANSWERED = (
    "Not answered yet. Replace the ... after `answer =` with your code, "
    "run that cell, then run this check again."
)


@dataclass(frozen=True)
class Feedback:
    """What ``check()`` says about one answer.

    ``status`` is one of ``"correct"``, ``"incorrect"``, ``"unanswered"``,
    ``"invalid"`` (the answer is not the kind of thing asked for),
    ``"error"`` (the checker itself failed) or ``"unknown"`` (no such exercise).
    """

    exercise_id: str
    status: str
    message: str
    hint: str = ""

    @property
    def correct(self) -> bool:
        return self.status == CORRECT

    def __str__(self) -> str:
        head = {
            CORRECT: "Correct.",
            INCORRECT: "Not yet.",
            UNANSWERED: "",
            INVALID: "Not the kind of answer asked for.",
            ERROR: "",
            UNKNOWN: "",
        }[self.status]
        text = f"{_ICON[self.status]} {self.exercise_id} {head} {self.message}".replace("  ", " ").strip()
        if self.hint:
            text += f"\n💡 Hint: {self.hint}"
        return text


# --------------------------------------------------------------------------
# helpers


def fmt(x: Any) -> str:
    """A number as a learner would write it (no numpy reprs).

    >>> fmt(0.23456789), fmt(1234567.0), fmt(3), fmt(float("nan"))
    ('0.2346', '1,234,567', '3', 'nan')
    """
    if isinstance(x, (bool, np.bool_)):
        return str(bool(x))
    if isinstance(x, (int, np.integer)):
        return f"{int(x):,}"
    try:
        x = float(x)
    except (TypeError, ValueError):
        return repr(x)
    if math.isnan(x):
        return "nan"
    if x != 0 and abs(x) >= 1000 and float(x).is_integer():
        return f"{x:,.0f}"
    if x != 0 and abs(x) >= 1000:
        return f"{x:,.2f}"
    return f"{x:.4g}"


def _value(spec: Any) -> Any:
    return spec() if callable(spec) else spec


def _close(a: float, b: float, rel: float, abs_: float) -> bool:
    return math.isclose(a, b, rel_tol=rel, abs_tol=abs_)


def _kind(answer: Any) -> str:
    if isinstance(answer, pd.DataFrame):
        return f"a DataFrame with {len(answer)} rows and {answer.shape[1]} columns"
    if isinstance(answer, pd.Series):
        return f"a Series of {len(answer)} values"
    if isinstance(answer, np.ndarray):
        return f"an array of shape {answer.shape}"
    if isinstance(answer, str):
        return f"the text {answer[:40]!r}"
    return f"a {type(answer).__name__}"


@dataclass
class Mistake:
    """A likely wrong answer (computed from the data) and the hint it deserves."""

    value: Any  # a value, or a function of no arguments computing it
    hint: str


class Exercise:
    """Base class: subclasses implement ``_evaluate(answer) -> (status, message, hint)``."""

    question: str = ""
    explain: str = ""

    def evaluate(self, exercise_id: str, answer: Any) -> Feedback:
        if answer is Ellipsis:
            return Feedback(exercise_id, UNANSWERED, NOT_ANSWERED)
        if answer is None:
            return Feedback(
                exercise_id,
                INVALID,
                "Your answer is None.",
                "A cell that ends with print(...) or a function without `return` gives None. "
                "Assign the value itself: answer = <your expression>.",
            )
        status, message, hint = self._evaluate(answer)
        if status == CORRECT and self.explain:
            message = f"{message} {self.explain}".strip()
        return Feedback(exercise_id, status, message, hint)

    def _evaluate(self, answer: Any) -> tuple[str, str, str]:  # pragma: no cover - abstract
        raise NotImplementedError


# --------------------------------------------------------------------------
# Number


@dataclass
class Number(Exercise):
    """A single number.

    ``unit`` is ``"fraction"`` (0-1), ``"percent"`` (0-100) or any word used in
    messages (``"days"``, ``"USD"``). With a fraction or percent, an answer
    off by a factor of 100 gets the percent-vs-fraction hint.
    """

    expected: Any
    question: str = ""
    rel: float = 1e-3
    abs: float = 1e-9
    unit: str = ""
    mistakes: Sequence[Mistake] = field(default_factory=tuple)
    hint: str = ""
    explain: str = ""

    def _evaluate(self, answer: Any) -> tuple[str, str, str]:
        note = ""
        if isinstance(answer, (pd.Series, pd.DataFrame, np.ndarray, list, tuple)):
            size = np.size(answer) if not isinstance(answer, (list, tuple)) else len(answer)
            if size != 1:
                return (INVALID, f"This question asks for one number, but your answer is {_kind(answer)}.",
                        "Pick the single value asked for, e.g. with .loc[...], .sum(), .mean() or .iloc[0].")
            answer = np.asarray(answer).ravel()[0] if not isinstance(answer, (list, tuple)) else answer[0]
            note = "(You gave a one-value container; next time take the number out with .item().) "
        if isinstance(answer, (bool, np.bool_)):
            return INVALID, f"Your answer is {answer}, a yes/no value; a number is asked for.", self.hint
        if isinstance(answer, str):
            try:
                float(answer.replace(",", "").replace("%", ""))
            except ValueError:
                return INVALID, f"Your answer is the text {answer!r}; a number is asked for.", self.hint
            return (INVALID, f"Your answer is the text {answer!r}, not a number.",
                    "Remove the quotes so Python stores a number: answer = 0.25, not answer = '0.25'.")
        try:
            value = float(answer)
        except (TypeError, ValueError):
            return INVALID, f"A number is asked for, but your answer is {_kind(answer)}.", self.hint
        if math.isnan(value):
            return (INVALID, "Your answer is NaN (not a number).",
                    "Missing values crept into the calculation: look for NaN in the column you used "
                    "and decide whether to drop them (.dropna()) first.")
        expected = float(_value(self.expected))
        if _close(value, expected, self.rel, self.abs):
            unit = f" {self.unit}" if self.unit and self.unit not in ("fraction", "percent") else ""
            return CORRECT, f"{note}{fmt(value)}{unit} is right.", ""
        for mistake in self.mistakes:
            wrong = _value(mistake.value)
            try:
                if _close(value, float(wrong), self.rel, self.abs):
                    return INCORRECT, f"{note}Your answer is {fmt(value)}.", mistake.hint
            except (TypeError, ValueError):
                continue
        if expected != 0 and _close(value, expected * 100, self.rel, self.abs):
            return (INCORRECT, f"{note}Your answer, {fmt(value)}, looks like a percentage.",
                    f"This question asks for a fraction between 0 and 1: write 0.25 for 25%. "
                    f"Divide your answer by 100.")
        if expected != 0 and _close(value, expected / 100, self.rel, self.abs):
            return (INCORRECT, f"{note}Your answer, {fmt(value)}, looks like a fraction.",
                    "This question asks for a percentage: write 25 for 25%. Multiply your answer by 100.")
        if expected != 0 and _close(value, -expected, self.rel, self.abs):
            return (INCORRECT, f"{note}Your answer, {fmt(value)}, has the right size but the wrong sign.",
                    self.hint or "Check the order of the subtraction.")
        if expected != 0 and _close(value, expected, max(self.rel * 20, 0.01), self.abs):
            return (INCORRECT, f"{note}Your answer, {fmt(value)}, is close but not close enough.",
                    "Did you round too early, or use a slightly different filter or date? "
                    "Keep full precision until the end.")
        direction = "higher" if value > expected else "lower"
        return INCORRECT, f"{note}Your answer, {fmt(value)}, is {direction} than the right one.", self.hint


# --------------------------------------------------------------------------
# Table


def _as_frame(obj: pd.DataFrame | pd.Series) -> pd.DataFrame:
    if isinstance(obj, pd.Series):
        return obj.to_frame(name=obj.name if obj.name is not None else "value")
    return obj


def _compare_tables(answer: pd.DataFrame, expected: pd.DataFrame, *, rel: float,
                    check_order: bool, index_name: str) -> tuple[str, str] | None:
    """None if equal, otherwise (message, hint)."""
    if len(answer) != len(expected):
        return (f"Your table has {len(answer)} rows; the answer has {len(expected)} (one per {index_name}).",
                "Check what each row should be: did you group by the right column and keep only "
                "the rows the question asks about?")
    missing_cols = [c for c in expected.columns if c not in answer.columns]
    if missing_cols:
        return (f"Your table lacks the column(s) {', '.join(map(repr, missing_cols))}. "
                f"It has: {', '.join(map(repr, answer.columns))}.",
                "Name the columns as the question asks (rename with .rename(columns={...})).")
    exp_idx = [str(i) for i in expected.index]
    ans_idx = [str(i) for i in answer.index]
    if set(exp_idx) != set(ans_idx):
        extra = [i for i in ans_idx if i not in set(exp_idx)][:3]
        lacking = [i for i in exp_idx if i not in set(ans_idx)][:3]
        return (f"The rows are labelled differently: expected labels such as {', '.join(lacking)}, "
                f"found {', '.join(extra)}.",
                f"Put the {index_name} in the index (e.g. .set_index(...) or group by it).")
    answer = answer.copy()
    answer.index = ans_idx
    expected = expected.copy()
    expected.index = exp_idx
    if check_order and ans_idx != exp_idx:
        aligned = answer.loc[exp_idx]
        if _compare_tables(aligned, expected, rel=rel, check_order=False, index_name=index_name) is None:
            return ("The values are right but the rows are in a different order.",
                    "Sort the table as the question asks (sort_values / sort_index).")
    answer = answer.loc[exp_idx]
    for col in expected.columns:
        a, e = answer[col], expected[col]
        if pd.api.types.is_numeric_dtype(e) and not pd.api.types.is_bool_dtype(e):
            try:
                a_num = pd.to_numeric(a, errors="coerce").astype(float).to_numpy()
            except (TypeError, ValueError):
                return f"The column {col!r} should hold numbers.", "Convert it with pd.to_numeric(...)."
            e_num = e.astype(float).to_numpy()
            same = np.isclose(a_num, e_num, rtol=rel, atol=1e-9) | (np.isnan(a_num) & np.isnan(e_num))
        else:
            same = (a.astype(str).to_numpy() == e.astype(str).to_numpy())
        if not same.all():
            bad = np.flatnonzero(~same)
            label = exp_idx[bad[0]]
            return (f"The column {col!r} differs in {len(bad)} of {len(e)} rows "
                    f"(first at {label}: yours {fmt(a.iloc[bad[0]])}, expected another value).", "")
    return None


@dataclass
class Table(Exercise):
    """A table (DataFrame) or a column of values (Series) with labelled rows."""

    expected: Any
    question: str = ""
    rel: float = 1e-6
    check_order: bool = False
    index_name: str = "row"
    mistakes: Sequence[Mistake] = field(default_factory=tuple)
    hint: str = ""
    explain: str = ""

    def _evaluate(self, answer: Any) -> tuple[str, str, str]:
        if not isinstance(answer, (pd.DataFrame, pd.Series)):
            return (INVALID, f"A table is asked for, but your answer is {_kind(answer)}.",
                    "Assign the DataFrame or Series itself, e.g. answer = df.groupby(...)[...].sum().")
        expected = _value(self.expected)
        exp_frame = _as_frame(expected)
        ans_frame = _as_frame(answer)
        if isinstance(expected, pd.Series) and isinstance(answer, pd.DataFrame) and answer.shape[1] == 1:
            ans_frame = answer.set_axis(exp_frame.columns, axis=1)
        elif isinstance(expected, pd.Series) and isinstance(answer, pd.Series):
            ans_frame = ans_frame.set_axis(exp_frame.columns, axis=1)
        diff = _compare_tables(ans_frame, exp_frame, rel=self.rel, check_order=self.check_order,
                               index_name=self.index_name)
        if diff is None:
            return CORRECT, "Your table matches.", ""
        for mistake in self.mistakes:
            wrong = _as_frame(_value(mistake.value))
            cand = ans_frame.set_axis(wrong.columns, axis=1) if ans_frame.shape[1] == wrong.shape[1] else ans_frame
            if _compare_tables(cand, wrong, rel=self.rel, check_order=False, index_name=self.index_name) is None:
                return INCORRECT, "Your table is not the one asked for.", mistake.hint
        message, hint = diff
        return INCORRECT, message, hint or self.hint


# --------------------------------------------------------------------------
# Chart


def _axes_of(answer: Any) -> list:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    if isinstance(answer, Axes):
        return [answer]
    if isinstance(answer, Figure):
        return list(answer.axes)
    if isinstance(answer, np.ndarray) and answer.dtype == object:
        return [a for a in answer.ravel() if isinstance(a, Axes)]
    fig = getattr(answer, "figure", None) or getattr(answer, "fig", None)  # seaborn grids
    if isinstance(fig, Figure):
        return list(fig.axes)
    return []


def _drawn(ax: Any) -> dict[str, int]:
    from matplotlib.patches import Rectangle

    bars = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_height() != 0]
    points = sum(len(c.get_offsets()) for c in ax.collections if hasattr(c, "get_offsets"))
    lines = [ln for ln in ax.lines if len(ln.get_xdata()) > 1]
    return {"bar": len(bars), "line": len(lines), "scatter": points, "image": len(ax.images)}


@dataclass
class Chart(Exercise):
    """A matplotlib chart: something drawn, a title, both axis labels.

    ``kind`` ("bar", "line", "scatter") requires that kind of mark;
    ``min_marks`` the least number of bars / lines / points.
    """

    question: str = ""
    kind: str | None = None
    min_marks: int = 1
    require_title: bool = True
    require_labels: bool = True
    hint: str = ""
    explain: str = ""

    def _evaluate(self, answer: Any) -> tuple[str, str, str]:
        axes = _axes_of(answer)
        if not axes:
            return (INVALID, f"A chart is asked for, but your answer is {_kind(answer)}.",
                    "Keep the Axes the plot was drawn on: fig, ax = plt.subplots(); ...; answer = ax "
                    "(pandas and seaborn plotting functions return it too).")
        marks = [_drawn(ax) for ax in axes]
        ax_i = max(range(len(axes)), key=lambda i: sum(marks[i].values()))
        ax, mark = axes[ax_i], marks[ax_i]
        if sum(mark.values()) == 0:
            return INCORRECT, "Your chart is empty: nothing is drawn on it.", "Plot the data onto this Axes."
        if self.kind and mark.get(self.kind, 0) < self.min_marks:
            drawn = ", ".join(f"{v} {k}(s)" for k, v in mark.items() if v) or "nothing"
            return (INCORRECT, f"A {self.kind} chart with at least {self.min_marks} marks is asked for; "
                    f"yours has {drawn}.", self.hint)
        titles = [ax.get_title(loc) for loc in ("left", "center", "right")]
        suptitle = getattr(ax.figure, "_suptitle", None)
        title = next((t for t in titles if t.strip()), suptitle.get_text() if suptitle is not None else "")
        if self.require_title and not title.strip():
            return (INCORRECT, "Your chart has no title.",
                    "A reader should know what the chart shows without you: ax.set_title('...').")
        if self.require_labels and (not ax.get_xlabel().strip() or not ax.get_ylabel().strip()):
            which = "x" if not ax.get_xlabel().strip() else "y"
            return (INCORRECT, f"The {which} axis has no label.",
                    f"Say what the axis measures and its unit: ax.set_{which}label('... (unit)').")
        return CORRECT, f"Chart accepted ({title.strip()!r}).", ""


# --------------------------------------------------------------------------
# Text and Choice


@dataclass
class Text(Exercise):
    """A written interpretation: checked for presence and length only."""

    question: str = ""
    min_words: int = 15
    keywords: Sequence[str] = field(default_factory=tuple)
    explain: str = ""

    def _evaluate(self, answer: Any) -> tuple[str, str, str]:
        if not isinstance(answer, str):
            return (INVALID, f"A written answer (text in quotes) is asked for, but yours is {_kind(answer)}.",
                    'Write it between triple quotes: answer = """...""".')
        words = len(answer.split())
        if words < self.min_words:
            return (INCORRECT, f"Your answer has {words} words; write at least {self.min_words}.",
                    "Say what the result means for a manager and what you would do about it.")
        missing = [k for k in self.keywords if k.lower() not in answer.lower()]
        suggestion = ""
        if missing:
            suggestion = "A strong answer usually also mentions: " + ", ".join(missing) + "."
        return (CORRECT, "Thank you: written answers are not graded automatically. Compare yours with the "
                "model answer in exercises/solutions/ or discuss it in class.", suggestion)


@dataclass
class Choice(Exercise):
    """One option out of several (``"a"``, ``"b"``...); each option can carry its reason."""

    expected: str = ""
    options: dict[str, str] = field(default_factory=dict)
    question: str = ""
    explain: str = ""

    def _evaluate(self, answer: Any) -> tuple[str, str, str]:
        valid = ", ".join(repr(k) for k in self.options)
        if not isinstance(answer, str):
            return INVALID, f"Answer with one of the option letters: {valid}.", ""
        key = answer.strip().lower().rstrip(")").strip()
        if key not in self.options:
            return INVALID, f"{answer!r} is not one of the options {valid}.", ""
        if key == self.expected:
            return CORRECT, self.options.get(key, ""), ""
        return INCORRECT, f"Option {key!r} is not the best answer.", self.options.get(key, "")


def safe_evaluate(exercise: Exercise, exercise_id: str, answer: Any) -> Feedback:
    """Evaluate, turning any failure of the checker into an ``error`` verdict."""
    try:
        return exercise.evaluate(exercise_id, answer)
    except Exception as exc:  # never raise on a learner's answer
        return Feedback(
            exercise_id,
            ERROR,
            f"The checker could not evaluate this answer ({type(exc).__name__}: {exc}).",
            "Your answer may still be right. Check its type (number, table, chart or text) against "
            "the question; if it looks right, tell your instructor: it is a bug in the checker.",
        )

