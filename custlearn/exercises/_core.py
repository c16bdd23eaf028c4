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
``Number``  a single number
``Table``   a DataFrame or Series (rows, columns, labels, values)
``Chart``   a matplotlib Axes or Figure: the data drawn (in ``_charts.py``)
``Text``    a written interpretation (checked for presence and length only)
``Choice``  one option of a multiple-choice question, with a reason per option

One tolerance rule for every number (``agreement``)
----------------------------------------------------
An answer is right when it equals the expected value, or the expected value
rounded to the precision the learner wrote (down to two significant digits):
with an exact share of 0.6812, the answers 0.6812, 0.681 and 0.68 are right
(the last two with a note that they were rounded) and 0.7 is "rounded too
far". Table cells follow the same rule, one cell at a time. Row labels that
name the same period are the same label (``canonical_labels``): a Period
``2025-01``, the timestamps 2025-01-01 or 2025-01-31 and the text "2025-01"
all mean January 2025.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from custlearn._i18n import N_, tr, translated

__all__ = [
    "CORRECT", "INCORRECT", "UNANSWERED", "INVALID", "ERROR", "UNKNOWN",
    "EXACT", "ROUNDED", "COARSE",
    "Feedback", "Exercise", "Mistake", "Number", "Table", "Text", "Choice",
    "agreement", "canonical_labels", "fmt", "plural", "safe_evaluate", "text_length", "value_of",
]

CORRECT, INCORRECT, UNANSWERED, INVALID, ERROR, UNKNOWN = (
    "correct", "incorrect", "unanswered", "invalid", "error", "unknown",
)
_ICON = {CORRECT: "✅", INCORRECT: "❌", UNANSWERED: "⏳", INVALID: "⚠️", ERROR: "⚠️", UNKNOWN: "❓"}

NOT_ANSWERED = N_(
    "Not answered yet. Replace the ... after `answer =` with your code, "
    "run that cell, then run this check again."
)
TOO_COARSE = N_("Keep at least two significant digits (0.0098, not 0.01; 0.68, not 0.7): round at the end, "
                "if at all, e.g. round(answer, 4).")


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
            CORRECT: N_("Correct."),
            INCORRECT: N_("Not yet."),
            UNANSWERED: "",
            INVALID: N_("Not the kind of answer asked for."),
            ERROR: "",
            UNKNOWN: "",
        }[self.status]
        head = translated(head) if head else ""
        text = f"{_ICON[self.status]} {self.exercise_id} {head} {self.message}".replace("  ", " ").strip()
        text = text.replace("。 ", "。")  # Chinese sentences follow each other without a space
        if self.hint:
            text += "\n💡 " + tr("Hint: {hint}", hint=self.hint)  # the emoji stays out of the catalogue (the font)
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


# The units feedback counts in, in the current language (another word is counted in English).
_UNITS = {
    "row": (N_("{n} row"), N_("{n} rows")),
    "column": (N_("{n} column"), N_("{n} columns")),
    "value": (N_("{n} value"), N_("{n} values")),
    "point": (N_("{n} point"), N_("{n} points")),
    "word": (N_("{n} word"), N_("{n} words")),
    "character": (N_("{n} character"), N_("{n} characters")),
}


def plural(n: int, word: str, many: str | None = None) -> str:
    """``plural(1, "word")`` -> '1 word'; ``plural(3, "word")`` -> '3 words' (in the current language).

    >>> plural(1, "row"), plural(2, "row"), plural(2, "category", "categories")
    ('1 row', '2 rows', '2 categories')
    """
    if word in _UNITS and many is None:
        return translated(_UNITS[word][n != 1]).format(n=f"{n:,}")
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


_COMPUTED: dict[Any, Any] = {}


def value_of(spec: Any) -> Any:
    """The value of an expected answer or mistake: call it if it is a function.

    The shipped data never change during a session, so each function is
    called once and its result kept: a second check of the same exercise
    answers at once.
    """
    if not callable(spec):
        return spec
    if spec not in _COMPUTED:
        _COMPUTED[spec] = spec()
    return _COMPUTED[spec]


def _kind(answer: Any) -> str:
    if isinstance(answer, pd.DataFrame):
        return tr("a DataFrame with {rows} and {columns}", rows=plural(len(answer), "row"),
                  columns=plural(answer.shape[1], "column"))
    if isinstance(answer, pd.Series):
        return tr("a Series of {values}", values=plural(len(answer), "value"))
    if isinstance(answer, np.ndarray):
        return tr("an array of shape {shape}", shape=answer.shape)
    if isinstance(answer, str):
        return tr("the text {text}", text=repr(answer[:40]))
    return tr("a {kind}", kind=type(answer).__name__)


# --------------------------------------------------------------------------
# the tolerance rule

EXACT, ROUNDED, COARSE = "exact", "rounded", "too coarse"


def _decimals(x: float) -> int:
    """Decimal places of the shortest way to write ``x``; minus the trailing zeros of a whole number.

    >>> _decimals(0.68), _decimals(12.0), _decimals(4200.0), _decimals(0.0)
    (2, 0, -2, 0)
    """
    text = np.format_float_positional(abs(float(x)), unique=True, trim="-")
    if "." in text:
        return len(text.split(".")[1])
    digits = text.rstrip("0")
    return -(len(text) - len(digits)) if digits else 0


def agreement(answer: float, expected: float, rel: float = 1e-6, abs_: float = 1e-9, *,
              magnitude: float | None = None) -> str | None:
    """How a learner's number agrees with the expected one: the course's one tolerance rule.

    ``"exact"`` within the numerical tolerance (``rel``, ``abs_``);
    ``"rounded"`` when the answer is the expected value rounded to the last
    digit the learner wrote, keeping at least two significant digits;
    ``"too coarse"`` when it is a rounding to fewer than two significant
    digits; ``None`` otherwise. In a table, ``magnitude`` (the column's
    largest value) sets the two significant digits for the whole column:
    ``.round(2)`` on gaps of 1.18 and -0.08 is right.

    >>> agreement(0.6812460667, 0.6812460667), agreement(0.68, 0.6812460667), agreement(0.7, 0.6812460667)
    ('exact', 'rounded', 'too coarse')
    >>> agreement(0.3, 0.298), agreement(4200, 4211.4), agreement(0.01, 0.0098), agreement(0.69, 0.6812)
    ('rounded', 'rounded', 'too coarse', None)
    >>> agreement(-0.08, -0.0811, magnitude=1.18)
    'rounded'

    Whole numbers for a whole number (a count) must be exact:

    >>> agreement(60, 59), agreement(0, 0.3)
    (None, None)
    """
    answer, expected = float(answer), float(expected)
    if not (math.isfinite(answer) and math.isfinite(expected)):
        return EXACT if answer == expected else None
    if math.isclose(answer, expected, rel_tol=rel, abs_tol=abs_):
        return EXACT
    if answer.is_integer() and expected.is_integer():
        return None  # a count is exact: 60 records is not 59 rounded
    last_digit = 10.0 ** -_decimals(answer)
    size = abs(expected) if magnitude is None else magnitude
    two_digits = 10.0 ** (math.floor(math.log10(size)) - 1) if size else last_digit
    gap = abs(answer - expected) - abs_
    if gap <= min(last_digit, two_digits) / 2 * (1 + 1e-9):
        return ROUNDED
    if answer != 0 and gap <= last_digit / 2 * (1 + 1e-9):
        return COARSE
    return None


def _agrees(answer: float, expected: float, rel: float, abs_: float) -> bool:
    return agreement(answer, expected, rel, abs_) in (EXACT, ROUNDED)


# --------------------------------------------------------------------------
# labels that name the same thing


def _period_freq(index: pd.Index) -> str | None:
    """The period frequency an expected index stands for ('M', 'Q', 'Y'...), or None."""
    if isinstance(index, pd.PeriodIndex):
        return index.freqstr
    if isinstance(index, pd.DatetimeIndex) and len(index) >= 3:
        freq = pd.infer_freq(index)
        if freq:
            return pd.tseries.frequencies.to_offset(freq).rule_code.split("-")[0].rstrip("SE") or "D"
    return None


def _is_years(index: pd.Index) -> bool:
    return (pd.api.types.is_integer_dtype(index) and len(index) > 0
            and bool(((index >= 1900) & (index <= 2200)).all()))


def _to_period(label: Any, freq: str) -> str | None:
    try:
        if isinstance(label, pd.Period):
            return str(label.asfreq(freq, how="start")) if label.freqstr != freq else str(label)
        if isinstance(label, (int, np.integer)) and not isinstance(label, bool) and freq.startswith("Y"):
            return str(pd.Period(year=int(label), freq=freq))
        if isinstance(label, (str, pd.Timestamp, np.datetime64)) or hasattr(label, "year"):
            return str(pd.Period(pd.Timestamp(label) if not isinstance(label, str) else label, freq=freq))
    except (ValueError, TypeError, OverflowError):
        return None
    return None


def _to_year(label: Any) -> str | None:
    if isinstance(label, (int, np.integer, float, np.floating)) and float(label).is_integer():
        return str(int(label))
    if isinstance(label, pd.Period):
        return str(label.year)
    if isinstance(label, (pd.Timestamp, np.datetime64)) or hasattr(label, "year"):
        return str(pd.Timestamp(label).year)
    if isinstance(label, str) and label.strip().isdigit():
        return label.strip()
    return None


def _plain(label: Any) -> str:
    if isinstance(label, (float, np.floating)) and float(label).is_integer():
        return str(int(label))
    if isinstance(label, tuple):
        return " / ".join(_plain(x) for x in label)
    return str(label)


def canonical_labels(labels: Sequence[Any], like: pd.Index) -> list[str]:
    """Each label as text, in the terms of the expected index ``like``.

    Labels that name the same period compare equal: with a monthly expected
    index, a Period ``2025-01``, month-start or month-end timestamps and the
    text ``"2025-01"`` all become ``"2025-01"``; with years (2024, 2025, or
    yearly periods), a year-end timestamp becomes ``"2025"``.

    >>> months = pd.period_range("2025-01", periods=2, freq="M")
    >>> canonical_labels([pd.Timestamp("2025-01-31"), "2025-02"], months)
    ['2025-01', '2025-02']
    >>> canonical_labels([pd.Timestamp("2024-12-31")], pd.Index([2024, 2025]))
    ['2024']
    """
    freq = _period_freq(like)
    if freq is not None and not freq.startswith("Y"):
        keys = [_to_period(x, freq) for x in labels]
    elif freq is not None or _is_years(like):
        keys = [_to_year(x) for x in labels]
    else:
        keys = [None] * len(labels)
    return [k if k is not None else _plain(x) for k, x in zip(keys, labels)]


# --------------------------------------------------------------------------
# Exercise and Mistake


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
            return Feedback(exercise_id, UNANSWERED, translated(NOT_ANSWERED))
        if answer is None:
            return Feedback(
                exercise_id,
                INVALID,
                tr("Your answer is None."),
                tr("A cell that ends with print(...) or a function without `return` gives None. "
                   "Assign the value itself: answer = <your expression>."),
            )
        status, message, hint = self._evaluate(answer)
        if status == CORRECT and self.explain:
            message = f"{message} {translated(self.explain)}".strip()
        return Feedback(exercise_id, status, message, hint)

    def _evaluate(self, answer: Any) -> tuple[str, str, str]:  # pragma: no cover - abstract
        raise NotImplementedError


# --------------------------------------------------------------------------
# Number

# Units whose answers are often given on another scale, with what that looks like.
# Each entry: (transform of the expected value, what the answer looks like, hint).
_Variant = tuple[Callable[[float], float], str, str]
_TO_FRACTION = N_("This question asks for a fraction between 0 and 1: write 0.25 for 25%. Divide your answer by 100.")
_UNIT_VARIANTS: dict[str, list[_Variant]] = {
    "fraction": [(lambda e: e * 100, N_("looks like a percentage"), _TO_FRACTION)],
    "percent": [(lambda e: e / 100, N_("looks like a fraction"),
                 N_("This question asks for a percentage: write 25 for 25%. Multiply your answer by 100."))],
    "points": [(lambda e: e / 100, N_("looks like a fraction"),
                N_("This question asks for points: 100 × the difference of the two shares. Multiply by 100."))],
    "ratio": [
        (lambda e: 1 / e, N_("is the ratio turned upside down"),
         N_("You divided the other way round: put the group the question names first on top of the fraction "
            "(a ratio above 1 means more, below 1 means less).")),
        (lambda e: e * 100, N_("looks like a percentage"),
         N_("Give the ratio itself, not a percentage: write 1.25 for '25% more', 0.8 for '20% less'.")),
        (lambda e: (e - 1) * 100, N_("is the percentage change"),
         N_("That is (ratio - 1) x 100, the change in percent. Give the ratio itself: 1.25 for 25% more.")),
        (lambda e: e - 1, N_("is the change (ratio minus 1)"),
         N_("Give the ratio itself, not the change: 1.25 for 25% more, 0.8 for 20% less.")),
    ],
    "days": [
        (lambda e: e / 7, N_("looks like weeks"),
         N_("The question asks for days: multiply weeks by 7 (or work in days).")),
        (lambda e: e / 30.4375, N_("looks like months"), N_("The question asks for days: work with day counts.")),
    ],
}


def _one_number(answer: Any) -> tuple[Any, str, tuple[str, str, str] | None]:
    """Unwrap a one-value container; (value, note, invalid verdict or None)."""
    if isinstance(answer, (pd.Series, pd.DataFrame, np.ndarray, list, tuple)):
        size = np.size(answer) if not isinstance(answer, (list, tuple)) else len(answer)
        if size != 1:
            return answer, "", (INVALID, tr("This question asks for one number, but your answer is {kind}.",
                                            kind=_kind(answer)),
                                tr("Pick the single value asked for, e.g. with .loc[...], .sum(), .mean() or .iloc[0]."))
        answer = np.asarray(answer).ravel()[0] if not isinstance(answer, (list, tuple)) else answer[0]
        return answer, tr("(You gave a one-value container; next time take the number out with .item().) "), None
    return answer, "", None


def _as_float(answer: Any, hint: str) -> tuple[float | None, tuple[str, str, str] | None]:
    if isinstance(answer, (bool, np.bool_)):
        return None, (INVALID, tr("Your answer is {answer}, a yes/no value; a number is asked for.",
                                  answer=answer), hint)
    if isinstance(answer, str):
        try:
            float(answer.replace(",", "").replace("%", ""))
        except ValueError:
            return None, (INVALID, tr("Your answer is the text {text}; a number is asked for.", text=repr(answer)),
                          hint)
        return None, (INVALID, tr("Your answer is the text {text}, not a number.", text=repr(answer)),
                      tr("Remove the quotes so Python stores a number: answer = 0.25, not answer = '0.25'."))
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return None, (INVALID, tr("A number is asked for, but your answer is {kind}.", kind=_kind(answer)), hint)
    if math.isnan(value):
        return None, (INVALID, tr("Your answer is NaN (not a number)."),
                      tr("Missing values crept into the calculation: look for NaN in the column you used "
                         "and decide whether to drop them (.dropna()) first."))
    return value, None


@dataclass
class Number(Exercise):
    """A single number, judged by the course's tolerance rule (:func:`agreement`).

    ``unit`` is ``"fraction"`` (0-1), ``"percent"`` (0-100), ``"points"``,
    ``"ratio"``, ``"days"`` or any word used in messages (``"USD"``). The
    first five bring their own diagnoses: a fraction given as a percentage,
    a ratio turned upside down or given as a percentage change, days given
    in weeks. ``mistakes`` name the wrong answers of this exercise; ``hint``
    teaches the step when no mistake is recognised.
    """

    expected: Any
    question: str = ""
    rel: float = 1e-6
    abs: float = 1e-9
    unit: str = ""
    mistakes: Sequence[Mistake] = field(default_factory=tuple)
    hint: str = ""
    explain: str = ""

    def _evaluate(self, answer: Any) -> tuple[str, str, str]:
        answer, note, invalid = _one_number(answer)
        if invalid:
            return invalid
        hint = translated(self.hint)
        value, invalid = _as_float(answer, hint)
        if invalid:
            return invalid
        expected = float(value_of(self.expected))
        fits = agreement(value, expected, self.rel, self.abs)
        if fits in (EXACT, ROUNDED):
            return CORRECT, note + self._right(value, expected, fits), ""
        for mistake in self.mistakes:
            if _agrees(value, float(value_of(mistake.value)), self.rel, self.abs):
                if fits == COARSE:
                    return (INCORRECT, note + tr("Your answer, {value}, is rounded too far to tell.", value=fmt(value)),
                            tr("{coarse} If you did not round: {hint}", coarse=translated(TOO_COARSE),
                               hint=translated(mistake.hint)))
                return INCORRECT, note + tr("Your answer is {value}.", value=fmt(value)), translated(mistake.hint)
        for transform, looks, unit_hint in _UNIT_VARIANTS.get(self.unit, []):
            if expected != 0 and _agrees(value, transform(expected), self.rel, self.abs):
                return (INCORRECT, note + tr("Your answer, {value}, {looks}.", value=fmt(value), looks=translated(looks)),
                        translated(unit_hint))
        return self._other(value, expected, fits, note, hint)

    def _right(self, value: float, expected: float, fits: str) -> str:
        unit = f" {translated(self.unit)}" if self.unit and self.unit not in ("fraction", "percent", "ratio") else ""
        if fits == ROUNDED:
            return tr("{value}{unit} is right (rounded: the exact value is {expected:.6g}).", value=fmt(value),
                      unit=unit, expected=expected)
        return tr("{value}{unit} is right.", value=fmt(value), unit=unit)

    def _other(self, value: float, expected: float, fits: str | None, note: str, hint: str) -> tuple[str, str, str]:
        if fits == COARSE:
            return INCORRECT, note + tr("Your answer, {value}, is rounded too far.", value=fmt(value)), translated(
                TOO_COARSE)
        if expected != 0 and _agrees(value, -expected, self.rel, self.abs):
            return (INCORRECT, note + tr("Your answer, {value}, has the right size but the wrong sign.", value=fmt(value)),
                    hint or tr("Check the order of the subtraction."))
        if expected != 0 and math.isclose(value, expected, rel_tol=0.02):
            return (INCORRECT, note + tr("Your answer, {value}, is close but not the same.", value=fmt(value)),
                    tr("Did you round in the middle of the calculation, or use a slightly different filter or date? "
                       "Keep full precision until the end. ") + hint)
        if value > expected:
            return INCORRECT, note + tr("Your answer, {value}, is higher than the right one.", value=fmt(value)), hint
        return INCORRECT, note + tr("Your answer, {value}, is lower than the right one.", value=fmt(value)), hint


# --------------------------------------------------------------------------
# Table


def _as_frame(obj: pd.DataFrame | pd.Series) -> pd.DataFrame:
    if isinstance(obj, pd.Series):
        return obj.to_frame(name=obj.name if obj.name is not None else "value")
    return obj


def _cells_agree(a: pd.Series, e: pd.Series, rel: float) -> tuple[np.ndarray, bool]:
    """Per row: does the answer's cell agree with the expected one? And was any rounded?"""
    if pd.api.types.is_numeric_dtype(e) and not pd.api.types.is_bool_dtype(e):
        a_num = pd.to_numeric(a, errors="coerce").astype(float).to_numpy()
        e_num = e.astype(float).to_numpy()
        # Two significant digits of the column's largest value: .round(2) on gaps of 1.18 and -0.08 is right.
        magnitude = float(np.nanmax(np.abs(e_num))) if np.isfinite(e_num).any() else None
        fits = [EXACT if (np.isnan(x) and np.isnan(y)) else (None if np.isnan(x) or np.isnan(y)
                else agreement(x, y, rel, magnitude=magnitude)) for x, y in zip(a_num, e_num)]
        return np.array([f in (EXACT, ROUNDED) for f in fits], dtype=bool), ROUNDED in fits
    return a.astype(str).to_numpy() == e.astype(str).to_numpy(), False


def _relabel(frame: pd.DataFrame, like: pd.Index) -> pd.DataFrame:
    frame = frame.copy()
    frame.index = canonical_labels(list(frame.index), like)
    return frame


def _compare_tables(answer: pd.DataFrame, expected: pd.DataFrame, *, rel: float, check_order: bool,
                    index_name: str) -> tuple[str, str] | None:
    """None if equal, ("", "rounded") if equal once rounded, otherwise (message, hint)."""
    index_name = translated(index_name)
    if len(answer) != len(expected):
        return (tr("Your table has {rows}; the answer has {n} (one per {index_name}).",
                   rows=plural(len(answer), "row"), n=len(expected), index_name=index_name),
                tr("Check what each row should be: did you group by the right column and keep only "
                   "the rows the question asks about?"))
    missing_cols = [c for c in expected.columns if c not in answer.columns]
    if missing_cols:
        return (tr("Your table lacks the column(s) {missing}. It has: {present}.",
                   missing=", ".join(map(repr, missing_cols)), present=", ".join(map(repr, answer.columns))),
                tr("Name the columns as the question asks (rename with .rename(columns={{...}}))."))
    answer, expected = _relabel(answer, expected.index), _relabel(expected, expected.index)
    exp_idx, ans_idx = list(expected.index), list(answer.index)
    if set(exp_idx) != set(ans_idx) or len(set(ans_idx)) != len(ans_idx):
        extra = [i for i in ans_idx if i not in set(exp_idx)][:3]
        lacking = [i for i in exp_idx if i not in set(ans_idx)][:3]
        return (tr("The rows are labelled differently: expected labels such as {lacking}, found {extra}.",
                   lacking=", ".join(lacking), extra=", ".join(extra) or tr("repeated labels")),
                tr("Put the {index_name} in the index (e.g. .set_index(...) or group by it).", index_name=index_name))
    if check_order and ans_idx != exp_idx:
        if _compare_tables(answer.loc[exp_idx], expected, rel=rel, check_order=False,
                           index_name=index_name) in (None, ("", ROUNDED)):
            return (tr("The values are right but the rows are in a different order."),
                    tr("Sort the table as the question asks (sort_values / sort_index)."))
    answer = answer.loc[exp_idx]
    rounded = False
    for col in expected.columns:
        same, was_rounded = _cells_agree(answer[col], expected[col], rel)
        rounded |= was_rounded
        if not same.all():
            bad = np.flatnonzero(~same)
            return (tr("The column {column} differs in {bad} of {rows} (first at {label}: yours {yours}, "
                       "expected another value).", column=repr(col), bad=bad.size, rows=plural(len(same), "row"),
                       label=exp_idx[bad[0]], yours=fmt(answer[col].iloc[bad[0]])),
                    "")
    return ("", ROUNDED) if rounded else None


def _match_shape(answer: pd.DataFrame | pd.Series, expected: pd.DataFrame | pd.Series) -> pd.DataFrame:
    """The answer as a frame whose columns line up with the expected one's (a Series has one column)."""
    frame = _as_frame(answer)
    exp_cols = _as_frame(expected).columns
    if isinstance(expected, pd.Series) and frame.shape[1] == 1:
        return frame.set_axis(exp_cols, axis=1)
    return frame


@dataclass
class Table(Exercise):
    """A table (DataFrame) or a column of values (Series) with labelled rows.

    Values follow the course's tolerance rule cell by cell (a table rounded
    with ``.round(3)`` is right); row labels that name the same period are
    the same (see :func:`canonical_labels`).
    """

    expected: Any
    question: str = ""
    rel: float = 1e-6
    check_order: bool = False
    index_name: str = N_("row")
    mistakes: Sequence[Mistake] = field(default_factory=tuple)
    hint: str = ""
    explain: str = ""

    def _evaluate(self, answer: Any) -> tuple[str, str, str]:
        if not isinstance(answer, (pd.DataFrame, pd.Series)):
            return (INVALID, tr("A table is asked for, but your answer is {kind}.", kind=_kind(answer)),
                    tr("Assign the DataFrame or Series itself, e.g. answer = df.groupby(...)[...].sum()."))
        expected = value_of(self.expected)
        diff = _compare_tables(_match_shape(answer, expected), _as_frame(expected), rel=self.rel,
                               check_order=self.check_order, index_name=self.index_name)
        if diff is None:
            return CORRECT, tr("Your table matches."), ""
        if diff == ("", ROUNDED):
            return CORRECT, tr("Your table matches (its rounded values agree with the exact ones)."), ""
        for mistake in self.mistakes:
            wrong = value_of(mistake.value)
            if _compare_tables(_match_shape(answer, wrong), _as_frame(wrong), rel=self.rel, check_order=False,
                               index_name=self.index_name) in (None, ("", ROUNDED)):
                return INCORRECT, tr("Your table is not the one asked for."), translated(mistake.hint)
        message, hint = diff
        return INCORRECT, message, hint or translated(self.hint)


# --------------------------------------------------------------------------
# Text and Choice


# Chinese is written without spaces between words: a Chinese answer is measured in characters (Han
# characters, plus any Latin word or number among them), and asked for 1.5 characters per English word.
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CHARACTERS_PER_WORD = 1.5


def text_length(text: str) -> tuple[int, str]:
    """The length of a written answer and its unit: words, or characters for a text in Chinese.

    >>> text_length("Customers leave quietly."), text_length("客户悄悄流失了，没有合同 (contract)。")
    ((3, 'word'), (12, 'character'))
    """
    han = len(_HAN.findall(text))
    if not han:
        return len(text.split()), "word"
    others = [w for w in _HAN.sub(" ", text).split() if any(c.isalnum() for c in w)]
    return han + len(others), "character"


@dataclass
class Text(Exercise):
    """A written interpretation: checked for presence and length only.

    The length is counted in words (``min_words``), or, for an answer in
    Chinese, in characters (``CHARACTERS_PER_WORD`` per word asked for). A
    keyword counts as mentioned in English or in its Chinese translation.
    """

    question: str = ""
    min_words: int = 15
    keywords: Sequence[str] = field(default_factory=tuple)
    explain: str = ""

    def _evaluate(self, answer: Any) -> tuple[str, str, str]:
        if not isinstance(answer, str):
            return (INVALID, tr("A written answer (text in quotes) is asked for, but yours is {kind}.",
                                kind=_kind(answer)),
                    tr('Write it between triple quotes: answer = """...""".'))
        length, unit = text_length(answer)
        need = self.min_words if unit == "word" else math.ceil(self.min_words * CHARACTERS_PER_WORD)
        if length < need:
            template = (N_("Your answer has {length}; write at least {need}.") if unit == "word" else
                        N_("Your answer has {length}; write at least {need} characters."))
            return (INCORRECT, translated(template).format(length=plural(length, unit), need=need),
                    tr("Say what the result means for a manager and what you would do about it."))
        text = answer.lower()
        missing = [translated(k) for k in self.keywords if k.lower() not in text and translated(k).lower() not in text]
        suggestion = ""
        if missing:
            suggestion = tr("A strong answer usually also mentions: {keywords}.", keywords=tr(", ").join(missing))
        return (CORRECT, tr("Thank you: written answers are not graded automatically. Compare yours with the "
                            "model answer in exercises/solutions/ or discuss it in class."), suggestion)


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
            return INVALID, tr("Answer with one of the option letters: {valid}.", valid=valid), ""
        key = answer.strip().lower().rstrip(")").strip()
        if key not in self.options:
            return INVALID, tr("{answer} is not one of the options {valid}.", answer=repr(answer), valid=valid), ""
        reason = translated(self.options[key]) if self.options[key] else ""
        if key == self.expected:
            return CORRECT, reason, ""
        return INCORRECT, tr("Option {key} is not the best answer.", key=repr(key)), reason


def safe_evaluate(exercise: Exercise, exercise_id: str, answer: Any) -> Feedback:
    """Evaluate, turning any failure of the checker into an ``error`` verdict."""
    try:
        return exercise.evaluate(exercise_id, answer)
    except Exception as exc:  # never raise on a learner's answer
        return Feedback(
            exercise_id,
            ERROR,
            tr("The checker could not evaluate this answer ({error}: {exc}).", error=type(exc).__name__, exc=exc),
            tr("Your answer may still be right. Check its type (number, table, chart or text) against "
               "the question; if it looks right, tell your instructor: it is a bug in the checker."),
        )
