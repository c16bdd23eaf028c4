"""Every registered exercise, fed its right answer (exact and rounded, labelled every usual way) and each
of its named wrong answers: the right ones are accepted, each wrong one gets its own hint.

Charts are drawn here from the expected data and from each mistake's data, the way a learner would
draw them (dates on the x axis, categories as text, one labelled line per group).
"""

import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from custlearn import exercises  # noqa: E402
from custlearn.exercises import Chart, Choice, Number, Table, Text, evaluate  # noqa: E402
from custlearn.exercises._core import _UNIT_VARIANTS, agreement, value_of  # noqa: E402

IDS = exercises.exercise_ids()


def _exercise(eid):
    return exercises._registry(eid.split(".")[0])[eid]


def round_sig(x: float, digits: int) -> float:
    """``x`` rounded to ``digits`` significant digits; whole numbers (counts) stay as they are."""
    x = float(x)
    if x == 0 or not math.isfinite(x) or x.is_integer():
        return x
    return round(x, digits - 1 - math.floor(math.log10(abs(x))))


def _rounded_table(table):
    """Every cell rounded to 3 significant digits, as `.round(3)` does to shares."""
    return table.map(lambda v: round_sig(v, 3))


def _relabelled(table):
    """The same table with its period labels written other ways (month-start, month-end, text, year-end)."""
    index = table.index
    if isinstance(index, pd.PeriodIndex):
        return [table.set_axis(index.to_timestamp(how="start")), table.set_axis(index.to_timestamp(how="end")),
                table.set_axis(index.astype(str))]
    if pd.api.types.is_integer_dtype(index) and index.min() > 1900:
        return [table.set_axis(pd.to_datetime([f"{y}-12-31" for y in index])),
                table.set_axis(pd.PeriodIndex([str(y) for y in index], freq="Y")),
                table.set_axis(index.astype(str))]
    return []


# ---------------------------------------------------------------- drawing charts as a learner would


def _x(index):
    if isinstance(index, pd.PeriodIndex):
        return index.to_timestamp()
    if isinstance(index, pd.CategoricalIndex) or index.dtype == object:
        return [str(i) for i in index]
    return index.to_numpy()


def draw(ex: Chart, data, percent=False):
    """Draw ``data`` (expected or a mistake of ``ex``) with a title and labelled axes; return the Axes."""
    fig, ax = plt.subplots()
    scale = 100 if percent else 1
    if ex.kind == "values":
        groups = [g[0] if isinstance(g, tuple) else g for g in data.values()]
        ax.plot(np.atleast_1d(groups[0]), np.arange(len(np.atleast_1d(groups[0]))), "o")
        for values in groups[1:]:
            values = np.atleast_1d(values)
            ax.plot(values, np.full(len(values), -1.0), "|")
    elif ex.kind == "points":
        ax.scatter(data["x"], data["y"])
    else:
        series = data if isinstance(data, dict) else {"": data}
        for name, s in series.items():
            x, y = _x(s.index), s.to_numpy(float) * scale
            if ex.kind == "bar":
                ax.bar(x, y, label=name or None)
            elif ex.kind == "step":
                ax.step(x, y, where="post", label=name or None)
            else:
                ax.plot(x, y, label=name or None)
        if len(series) > 1:
            ax.legend()
    ax.set_title("A chart")
    ax.set_xlabel("x (unit)")
    ax.set_ylabel("y (unit)")
    return ax


# ---------------------------------------------------------------- the tests


@pytest.mark.parametrize("eid", IDS)
def test_right_answer_exact_and_rounded_is_accepted(eid):
    ex = _exercise(eid)
    if isinstance(ex, Number):
        right = float(value_of(ex.expected))
        for answer in (right, round_sig(right, 4), round_sig(right, 3), round_sig(right, 2)):
            fb = evaluate(eid, answer)
            assert fb.correct, (eid, answer, str(fb))
        if round_sig(right, 2) != right:
            assert "rounded" in evaluate(eid, round_sig(right, 2)).message
        else:  # a count must be exact
            assert not evaluate(eid, right + max(1.0, 2 * ex.abs)).correct
    elif isinstance(ex, Table):
        right = value_of(ex.expected)
        for answer in [right, _rounded_table(right), *_relabelled(right), *_relabelled(_rounded_table(right))]:
            fb = evaluate(eid, answer)
            assert fb.correct, (eid, answer, str(fb))
    elif isinstance(ex, Chart):
        ax = draw(ex, value_of(ex.expected))
        fb = evaluate(eid, ax)
        plt.close("all")
        assert fb.correct, (eid, str(fb))
    elif isinstance(ex, Choice):
        assert evaluate(eid, ex.expected).correct
    else:
        assert isinstance(ex, Text)
        assert evaluate(eid, " ".join(["word"] * ex.min_words)).correct


@pytest.mark.parametrize("eid", IDS)
def test_each_named_mistake_gets_its_own_hint(eid):
    ex = _exercise(eid)
    if isinstance(ex, Choice):
        wrong = [k for k in ex.options if k != ex.expected]
        assert wrong and all(evaluate(eid, k).status == "incorrect" for k in wrong)
        assert all(evaluate(eid, k).hint == ex.options[k] for k in wrong)
        return
    if isinstance(ex, Text):
        assert evaluate(eid, "too short").status == "incorrect"
        return
    assert len(ex.mistakes) >= 2, f"{eid} names fewer than two likely mistakes"
    assert len({m.hint for m in ex.mistakes}) == len(ex.mistakes), f"{eid}: two mistakes share a hint"
    for mistake in ex.mistakes:
        wrong = value_of(mistake.value)
        answers = [draw(ex, wrong)] if isinstance(ex, Chart) else [wrong]
        if isinstance(ex, Number) and round_sig(float(wrong), 3) != float(wrong):
            right = float(value_of(ex.expected))
            # A wrong answer rounded to 3 digits keeps its hint, unless it is also the right one rounded.
            if agreement(round_sig(float(wrong), 3), right) not in ("exact", "rounded"):
                answers.append(round_sig(float(wrong), 3))
        for answer in answers:
            fb = evaluate(eid, answer)
            assert fb.status == "incorrect" and mistake.hint in fb.hint, (eid, mistake.hint, str(fb))
        plt.close("all")


@pytest.mark.parametrize("eid", [e for e in IDS if isinstance(_exercise(e), Number) and _exercise(e).unit in _UNIT_VARIANTS])
def test_answers_on_another_scale_get_the_unit_hint(eid):
    ex = _exercise(eid)
    right = float(value_of(ex.expected))
    for transform, looks, hint in _UNIT_VARIANTS[ex.unit]:
        fb = evaluate(eid, transform(right))
        assert fb.status == "incorrect", (eid, looks, str(fb))
        assert looks in fb.message or fb.hint in [m.hint for m in ex.mistakes], (eid, looks, str(fb))


@pytest.mark.parametrize("eid", [e for e in IDS if isinstance(_exercise(e), Chart) and _exercise(e).unit == "share"])
def test_chart_of_shares_may_be_drawn_in_percent(eid):
    ex = _exercise(eid)
    fb = evaluate(eid, draw(ex, value_of(ex.expected), percent=True))
    plt.close("all")
    assert fb.correct, (eid, str(fb))


@pytest.mark.parametrize("eid", [e for e in IDS if isinstance(_exercise(e), (Number, Table, Chart))])
def test_fallback_hint_teaches_the_step_in_words(eid):
    """The hint for an unrecognised wrong answer says what to compute, in sentences, not only code."""
    hint = _exercise(eid).hint
    words = [w for w in hint.split() if w.isalpha() and w.islower()]
    assert len(words) >= 8, f"{eid}: the fallback hint is mostly code: {hint!r}"


@pytest.mark.parametrize("eid", IDS)
def test_question_text_exists(eid):
    assert _exercise(eid).question, f"{eid} has no question text"
