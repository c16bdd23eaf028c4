"""check(): verdicts and hints for each kind of answer, and never raising."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from custlearn import exercises  # noqa: E402
from custlearn.exercises import Chart, Choice, Mistake, Number, Table, Text, check, evaluate  # noqa: E402
from custlearn.exercises._core import fmt, safe_evaluate  # noqa: E402


def verdict(exercise, answer):
    return safe_evaluate(exercise, "T.1", answer)


# ---------------------------------------------------------------- Number

SHARE = Number(expected=lambda: 0.25, unit="fraction",
               mistakes=[Mistake(lambda: 0.2, "You divided by all customers, including prospects.")])


@pytest.mark.parametrize("answer", [0.25, np.float64(0.25), 0.2500001, pd.Series([0.25]), [0.25], np.array([0.25])])
def test_number_correct_in_any_numeric_form(answer):
    assert verdict(SHARE, answer).correct


def test_number_unanswered_is_polite():
    fb = verdict(SHARE, ...)
    assert fb.status == "unanswered"
    assert "Not answered yet" in str(fb)


@pytest.mark.parametrize(
    "answer, status, words",
    [
        (25, "incorrect", "looks like a percentage"),
        (0.0025, "incorrect", "looks like a fraction"),
        (0.2, "incorrect", "including prospects"),
        (-0.25, "incorrect", "wrong sign"),
        (0.2509, "incorrect", "close but not close enough"),
        (0.9, "incorrect", "higher than"),
        (0.01, "incorrect", "lower than"),
        ("0.25", "invalid", "Remove the quotes"),
        ("a quarter", "invalid", "a number is asked for"),
        (None, "invalid", "None"),
        (True, "invalid", "yes/no"),
        (float("nan"), "invalid", "NaN"),
        (pd.Series([0.1, 0.2]), "invalid", "a Series of 2 values"),
        ({"a": 1}, "invalid", "a dict"),
    ],
)
def test_number_hints_aim_at_the_likely_mistake(answer, status, words):
    fb = verdict(SHARE, answer)
    assert fb.status == status
    assert words in str(fb)


def test_percent_question_hints_the_other_way():
    pct = Number(expected=lambda: 25.0, unit="percent")
    assert "looks like a fraction" in str(verdict(pct, 0.25))
    assert verdict(pct, 25).correct


def test_number_explain_follows_a_correct_answer():
    ex = Number(expected=5000, explain="Every customer of the shop.")
    assert str(verdict(ex, 5000)).endswith("Every customer of the shop.")
    assert "5,000 is right" in str(verdict(ex, 5000))


# ---------------------------------------------------------------- Table

EXPECTED = pd.DataFrame({"revenue": [10.0, 30.0, 20.0], "orders": [1, 3, 2]},
                        index=pd.Index(["a", "b", "c"], name="city"))
TABLE = Table(expected=lambda: EXPECTED, index_name="city",
              mistakes=[Mistake(lambda: EXPECTED.assign(revenue=EXPECTED["revenue"] * 2),
                                "Refunds must be subtracted, not added.")])


def test_table_correct_regardless_of_row_order_and_extra_columns():
    ans = EXPECTED.iloc[::-1].assign(extra=1)
    assert verdict(TABLE, ans).correct


def test_table_order_matters_when_asked():
    ordered = Table(expected=lambda: EXPECTED.sort_values("revenue", ascending=False), check_order=True)
    assert verdict(ordered, EXPECTED.sort_values("revenue", ascending=False)).correct
    fb = verdict(ordered, EXPECTED)
    assert fb.status == "incorrect" and "different order" in fb.message


@pytest.mark.parametrize(
    "answer, words",
    [
        (EXPECTED.iloc[:2], "has 2 rows; the answer has 3 (one per city)"),
        (EXPECTED.drop(columns="orders"), "lacks the column(s) 'orders'"),
        (EXPECTED.reset_index(drop=True), "labelled differently"),
        (EXPECTED.assign(orders=[1, 3, 5]), "column 'orders' differs in 1 of 3 rows"),
        (EXPECTED.assign(revenue=EXPECTED["revenue"] * 2), "Refunds must be subtracted"),
        (42, "A table is asked for"),
    ],
)
def test_table_feedback(answer, words):
    fb = verdict(TABLE, answer)
    assert not fb.correct
    assert words in str(fb)


def test_series_answers_compare_by_label():
    ex = Table(expected=lambda: EXPECTED["revenue"])
    assert verdict(ex, EXPECTED["revenue"].rename("whatever")).correct
    assert verdict(ex, EXPECTED[["revenue"]]).correct
    assert not verdict(ex, EXPECTED["revenue"] + 1).correct


# ---------------------------------------------------------------- Chart

def _axes(title="Revenue by city", xlabel="City", ylabel="Revenue (USD)", kind="bar"):
    fig, ax = plt.subplots()
    if kind == "bar":
        ax.bar(["a", "b", "c"], [1, 2, 3])
    elif kind == "line":
        ax.plot([1, 2, 3], [1, 2, 3])
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return fig, ax


def test_chart_accepts_axes_and_figures():
    ex = Chart(kind="bar", min_marks=3)
    fig, ax = _axes()
    assert verdict(ex, ax).correct
    assert verdict(ex, fig).correct
    plt.close("all")


@pytest.mark.parametrize(
    "kwargs, words",
    [
        ({"title": ""}, "no title"),
        ({"xlabel": ""}, "x axis has no label"),
        ({"ylabel": ""}, "y axis has no label"),
        ({"kind": "line"}, "bar chart with at least 3 marks"),
        ({"kind": None}, "empty"),
    ],
)
def test_chart_feedback(kwargs, words):
    ex = Chart(kind="bar", min_marks=3)
    _, ax = _axes(**kwargs)
    fb = verdict(ex, ax)
    plt.close("all")
    assert not fb.correct
    assert words in str(fb)


def test_chart_title_in_any_position_counts():
    from custlearn import plots

    with matplotlib.rc_context():  # restore the global settings afterwards
        plots.set_theme()  # the course theme puts titles on the left
        fig, ax = _axes(title="")
        ax.set_title("Left title")
        assert ax.get_title() == ""  # where a naive check would look
        assert verdict(Chart(kind="bar"), ax).correct
    plt.close("all")


def test_chart_rejects_non_charts():
    assert "A chart is asked for" in str(verdict(Chart(), [1, 2, 3]))


# ---------------------------------------------------------------- Text, Choice

def test_text_checks_presence_and_length_and_suggests_keywords():
    ex = Text(min_words=5, keywords=["retention"])
    assert verdict(ex, "too short").status == "incorrect"
    fb = verdict(ex, "Most revenue comes from a small group of loyal customers.")
    assert fb.correct and "retention" in fb.hint
    assert verdict(ex, 3).status == "invalid"


def test_choice():
    ex = Choice(expected="b", options={"a": "A mean hides the spread.", "b": "Yes: top-box counts 4s and 5s."})
    assert verdict(ex, "B) ").correct
    fb = verdict(ex, "a")
    assert fb.status == "incorrect" and "spread" in fb.hint
    assert verdict(ex, "z").status == "invalid"


# ---------------------------------------------------------------- check() itself

class Exploding(Number):
    def _evaluate(self, answer):
        raise RuntimeError("boom")


def test_checker_failure_is_reported_not_raised():
    fb = verdict(Exploding(expected=1), 1)
    assert fb.status == "error" and "boom" in fb.message


def test_unknown_ids_list_what_exists(capsys):
    check("99.7", 1)
    out = capsys.readouterr().out
    assert 'There is no exercise "99.7"' in out
    check(None, 1)
    assert "must be text" in capsys.readouterr().out
    for lesson in exercises.lessons():
        fb = evaluate(f"{lesson}.999", 1)
        assert fb.status == "unknown"
        assert exercises.exercise_ids(lesson)[0] in fb.message


def test_every_registered_exercise_answers_unanswered_politely():
    for eid in exercises.exercise_ids():
        assert evaluate(eid, ...).status == "unanswered", eid


def test_fmt():
    assert fmt(np.float64(0.123456)) == "0.1235"
    assert fmt(np.int64(12000)) == "12,000"
    assert fmt(2.0) == "2"


# ---------------------------------------------------------------- every registered exercise

def _registered():
    from custlearn.exercises import _registry

    return [(eid, _registry(eid.split(".")[0])[eid]) for eid in exercises.exercise_ids()]


@pytest.mark.parametrize("eid, ex", _registered(), ids=[e for e, _ in _registered()])
def test_registered_exercise_accepts_its_answer_and_hints_each_mistake(eid, ex):
    """Feed every registered likely mistake: it must get its own hint, never 'correct'."""
    from custlearn.exercises._core import _value

    if isinstance(ex, (Number, Table)):
        assert evaluate(eid, _value(ex.expected)).correct, eid
        for mistake in ex.mistakes:
            fb = evaluate(eid, _value(mistake.value))
            assert fb.status == "incorrect", (eid, mistake.hint)
            assert fb.hint == mistake.hint, (eid, fb)
    if isinstance(ex, Number) and ex.unit == "fraction":
        fb = evaluate(eid, float(_value(ex.expected)) * 100)
        assert "percentage" in fb.message, (eid, fb)
    if isinstance(ex, Choice):
        assert evaluate(eid, ex.expected).correct
        wrong = [k for k in ex.options if k != ex.expected]
        assert all(evaluate(eid, k).status == "incorrect" for k in wrong)
    if isinstance(ex, Text):
        assert evaluate(eid, "too short").status == "incorrect"
    assert ex.question, f"{eid} has no question text"
