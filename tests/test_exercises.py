"""check(): verdicts and hints for each kind of answer, the one tolerance rule, labels that name the
same period, charts judged by the data they draw, and the cases of the trainee's report (issue 16)."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
import seaborn as sns  # noqa: E402

from custlearn import datasets, exercises, plots  # noqa: E402
from custlearn.exercises import Chart, Choice, Mistake, Number, Table, Text, check, evaluate  # noqa: E402
from custlearn.exercises._charts import read_chart  # noqa: E402
from custlearn.exercises._core import agreement, canonical_labels, fmt, safe_evaluate, value_of  # noqa: E402


def verdict(exercise, answer):
    return safe_evaluate(exercise, "T.1", answer)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _labelled(ax, title="A chart"):
    ax.set_title(title)
    ax.set_xlabel("x (unit)")
    ax.set_ylabel("y (unit)")
    return ax


# ---------------------------------------------------------------- the tolerance rule

@pytest.mark.parametrize(
    "answer, expected, result",
    [
        (0.6812460667, 0.6812460667, "exact"),
        (0.6812, 0.6812460667, "rounded"),
        (0.681, 0.6812460667, "rounded"),
        (0.68, 0.6812460667, "rounded"),  # two significant digits: the least the rule accepts
        (0.7, 0.6812460667, "too coarse"),
        (0.69, 0.6812460667, None),  # not a rounding of the right value
        (0.3, 0.298, "rounded"),  # 0.30 written as 0.3
        (0.01, 0.0098, "too coarse"),
        (0.0098, 0.0098039, "rounded"),
        (-16.1, -16.0728, "rounded"),
        (8.5, 8.5392, "rounded"),
        (1.18, 1.17984, "rounded"),
        (6400.0, 6404.303, "rounded"),
        (60, 59, None),  # counts are exact
        (0, 0.3, None),
    ],
)
def test_one_tolerance_rule(answer, expected, result):
    assert agreement(answer, expected) == result


def test_canonical_labels_name_the_same_period_alike():
    months = pd.period_range("2025-01", periods=3, freq="M")
    written = [months, months.to_timestamp(how="start"), months.to_timestamp(how="end"),
               months.astype(str), pd.Index(["Jan 2025", "Feb 2025", "Mar 2025"])]
    for labels in written:
        assert canonical_labels(list(labels), months) == ["2025-01", "2025-02", "2025-03"], labels
    years = pd.Index([2024, 2025])
    for labels in (pd.to_datetime(["2024-12-31", "2025-12-31"]), pd.PeriodIndex(["2024", "2025"], freq="Y"),
                   pd.Index(["2024", "2025"]), years):
        assert canonical_labels(list(labels), years) == ["2024", "2025"], labels
    assert canonical_labels(["home", 3.0], pd.Index(["home", "3"])) == ["home", "3"]


# ---------------------------------------------------------------- Number

SHARE = Number(expected=lambda: 0.25, unit="fraction",
               mistakes=[Mistake(lambda: 0.2, "You divided by all customers, including prospects.")],
               hint="Divide the customers who bought by all customers.")


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
        (0.2, "incorrect", "including prospects"),
        (0.20, "incorrect", "including prospects"),
        (-0.25, "incorrect", "wrong sign"),
        (0.2509, "incorrect", "close but not the same"),
        (0.3, "incorrect", "rounded too far"),
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


def test_a_rounded_answer_is_right_with_a_note():
    ex = Number(expected=lambda: 0.6812460667, unit="fraction")
    fb = verdict(ex, 0.68)
    assert fb.correct and "rounded" in fb.message and "0.681246" in fb.message
    assert "rounded" not in verdict(ex, 0.6812460667).message


def test_percent_question_hints_the_other_way():
    pct = Number(expected=lambda: 25.0, unit="percent")
    assert "looks like a fraction" in str(verdict(pct, 0.25))
    assert verdict(pct, 25).correct


@pytest.mark.parametrize("answer, words", [(1 / 1.25, "upside down"), (125, "percentage"), (25, "percentage change"),
                                           (0.25, "ratio minus 1")])
def test_ratio_on_another_scale(answer, words):
    fb = verdict(Number(expected=lambda: 1.25, unit="ratio", hint="Divide the two means."), answer)
    assert fb.status == "incorrect" and words in fb.message


def test_days_given_in_weeks():
    fb = verdict(Number(expected=lambda: 181.0, unit="days"), 181 / 7)
    assert "looks like weeks" in fb.message


def test_a_coarse_answer_that_is_also_a_mistake_names_both():
    ex = Number(expected=lambda: 0.0098, unit="fraction",
                mistakes=[Mistake(lambda: 0.01, "You divided by the clean table's customers.")])
    fb = verdict(ex, 0.01)
    assert fb.status == "incorrect"
    assert "two significant digits" in fb.hint and "clean table" in fb.hint


def test_number_explain_follows_a_correct_answer():
    ex = Number(expected=5000, explain="Every customer of the shop.")
    assert str(verdict(ex, 5000)).endswith("Every customer of the shop.")
    assert "5,000 is right" in str(verdict(ex, 5000))


# ---------------------------------------------------------------- Table

EXPECTED = pd.DataFrame({"revenue": [10.123, 30.456, 20.789], "orders": [1, 3, 2]},
                        index=pd.Index(["a", "b", "c"], name="city"))
TABLE = Table(expected=lambda: EXPECTED, index_name="city",
              mistakes=[Mistake(lambda: EXPECTED.assign(revenue=EXPECTED["revenue"] * 2),
                                "Refunds must be subtracted, not added.")],
              hint="Group the orders by city and add up the revenue.")


def test_table_correct_regardless_of_row_order_and_extra_columns():
    ans = EXPECTED.iloc[::-1].assign(extra=1)
    assert verdict(TABLE, ans).correct


@pytest.mark.parametrize("decimals", [2, 1, 0])
def test_a_rounded_table_is_right(decimals):
    fb = verdict(TABLE, EXPECTED.round(decimals))
    assert fb.correct and "rounded" in fb.message


def test_table_order_matters_when_asked():
    ordered = Table(expected=lambda: EXPECTED.sort_values("revenue", ascending=False), check_order=True)
    assert verdict(ordered, EXPECTED.sort_values("revenue", ascending=False).round(1)).correct
    fb = verdict(ordered, EXPECTED)
    assert fb.status == "incorrect" and "different order" in fb.message


@pytest.mark.parametrize(
    "answer, words",
    [
        (EXPECTED.iloc[:2], "has 2 rows; the answer has 3 (one per city)"),
        (EXPECTED.iloc[:1], "has 1 row;"),
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


def test_period_rows_labelled_any_usual_way():
    months = pd.period_range("2025-01", periods=12, freq="M")
    churn = pd.Series(np.linspace(0.30, 0.41, 12), index=months)
    ex = Table(expected=lambda: churn, index_name="month")
    for labels in (months.to_timestamp(), months.to_timestamp(how="end"), months.astype(str)):
        assert verdict(ex, churn.set_axis(labels).round(3)).correct, labels
    years = pd.Series([0.44, 0.46], index=pd.Index([2024, 2025], name="year"))
    yearly = Table(expected=lambda: years, index_name="year")
    assert verdict(yearly, years.set_axis(pd.to_datetime(["2024-12-31", "2025-12-31"]))).correct


# ---------------------------------------------------------------- Chart: reading what is drawn

def test_read_chart_reads_lines_bars_points_and_legends():
    fig, ax = plt.subplots()
    ax.plot(pd.date_range("2025-01-01", periods=3, freq="MS"), [1, 2, 3], label="orders")
    ax.barh(["a", "b"], [5, 7])
    ax.scatter([0.5], [0.25])
    ax.axvline(2.0)
    assert next(m for m in read_chart(ax) if m.mark == "line").label == "", "no legend, no name"
    ax.legend()
    marks = read_chart(ax)
    kinds = sorted(m.mark for m in marks)
    assert kinds == ["bar", "line", "points", "rule"]
    line = next(m for m in marks if m.mark == "line")
    assert line.label == "orders" and [str(k.date()) for k in line.keys] == ["2025-01-01", "2025-02-01", "2025-03-01"]
    bars = next(m for m in marks if m.mark == "bar")
    assert bars.keys == ["a", "b"] and bars.y.tolist() == [5.0, 7.0] and bars.horizontal
    assert read_chart([1, 2, 3]) is None


def test_read_chart_finds_a_seaborn_legend():
    frame = pd.DataFrame({"x": [1, 2, 1, 2], "y": [3, 4, 5, 6], "group": ["a", "a", "b", "b"]})
    ax = sns.lineplot(data=frame, x="x", y="y", hue="group")
    labels = sorted(m.label for m in read_chart(ax) if m.mark == "line")
    assert labels == ["a", "b"]


MONTHS = pd.period_range("2024-01", periods=6, freq="M")
ORDERS = pd.Series([168, 200, 240, 260, 300, 330], index=MONTHS, dtype=float)
REVENUE = ORDERS * 76.5
ORDERS_CHART = Chart(lambda: ORDERS, kind="line", index_name="month",
                     mistakes=[Mistake(lambda: REVENUE, "Your line shows revenue, not the number of orders.")],
                     hint="Count the orders in each month and draw them against the months with ax.plot.")


@pytest.mark.parametrize("draw", [
    lambda ax: ORDERS.plot(ax=ax),
    lambda ax: ORDERS.to_timestamp().plot(ax=ax),
    lambda ax: ax.plot(ORDERS.index.to_timestamp(), ORDERS.to_numpy()),
    lambda ax: ax.plot(ORDERS.index.to_timestamp(how="end"), ORDERS.to_numpy(), marker="o"),
    lambda ax: ax.plot(ORDERS.index.astype(str), ORDERS.to_numpy()),
    lambda ax: sns.lineplot(x=ORDERS.index.to_timestamp(), y=ORDERS.to_numpy(), ax=ax),
    lambda ax: sns.lineplot(x=ORDERS.index.astype(str), y=ORDERS.to_numpy(), ax=ax),
], ids=["pandas-period", "pandas-timestamps", "month-start", "month-end", "text", "seaborn-dates", "seaborn-text"])
def test_a_line_chart_drawn_any_usual_way_is_accepted(draw):
    fig, ax = plt.subplots()
    draw(ax)
    fb = verdict(ORDERS_CHART, _labelled(ax))
    assert fb.correct, str(fb)


@pytest.mark.parametrize("draw, words", [
    (lambda ax: REVENUE.plot(ax=ax), "revenue, not the number of orders"),
    (lambda ax: ORDERS.cumsum().plot(ax=ax), "running total"),
    (lambda ax: ORDERS.iloc[3:].plot(ax=ax), "covers 3 of the 6 months"),
    (lambda ax: ax.plot(ORDERS.to_numpy()), "x labels"),
    (lambda ax: ax.plot([0, 1], [0, 1]), "x labels"),
    (lambda ax: ax.bar(ORDERS.index.astype(str), ORDERS.to_numpy()), "drawn as bars"),
    (lambda ax: ax.plot(ORDERS.index.to_timestamp(), ORDERS.to_numpy() * 1.1), "1.1 times"),
], ids=["wrong-measure", "cumulative", "wrong-period", "positions", "arbitrary", "bars", "scaled"])
def test_a_line_chart_with_other_data_is_rejected_with_a_reason(draw, words):
    fig, ax = plt.subplots()
    draw(ax)
    fb = verdict(ORDERS_CHART, _labelled(ax, "Orders per month"))
    assert fb.status == "incorrect", str(fb)
    assert words in str(fb), str(fb)


def test_a_daily_or_weekly_line_is_the_wrong_period():
    days = pd.date_range("2024-01-01", "2024-06-30", freq="D")
    for freq, word in (("D", "day"), ("W", "week")):
        fig, ax = plt.subplots()
        pd.Series(1.0, index=days).resample(freq).sum().plot(ax=ax)
        fb = verdict(ORDERS_CHART, _labelled(ax))
        assert f"one point per {word}" in fb.message, str(fb)


def test_the_look_is_checked_only_after_the_data():
    fig, ax = plt.subplots()
    ORDERS.plot(ax=ax)
    assert "no title" in verdict(ORDERS_CHART, ax).message
    ax.set_title("Orders per month")
    assert "x axis has no label" in verdict(ORDERS_CHART, ax).message
    ax.set_xlabel("Month")
    ax.set_ylabel("Orders")
    assert verdict(ORDERS_CHART, ax.figure).correct
    assert "A chart is asked for" in str(verdict(ORDERS_CHART, [1, 2, 3]))
    assert "empty" in verdict(ORDERS_CHART, plt.subplots()[1]).message


def test_the_title_in_any_position_counts():
    with matplotlib.rc_context():  # restore the global settings afterwards
        plots.set_theme()  # the course theme puts titles on the left
        fig, ax = plt.subplots()
        ORDERS.plot(ax=ax)
        ax.set_title("Left title")
        ax.set_xlabel("Month")
        ax.set_ylabel("Orders")
        assert ax.get_title() == ""  # where a naive check would look
        assert verdict(ORDERS_CHART, ax).correct


TWO = {"discount": pd.Series([0.26, 0.23, 0.2], index=[1, 2, 3]),
       "no discount": pd.Series([0.29, 0.26, 0.24], index=[1, 2, 3])}
TWO_CHART = Chart(lambda: TWO, kind="line", unit="share", index_name="month",
                  legend={"discount": r"^(?!.*\bno\b).*discount", "no discount": r"\bno\b"},
                  mistakes=[Mistake(lambda: {"all": pd.Series([0.28, 0.25, 0.22], index=[1, 2, 3])}, "One line.")],
                  hint="Draw one line per group with a legend.")


def _two_lines(labels=("discount", "no discount"), scale=1.0, legend=True):
    fig, ax = plt.subplots()
    for (name, s), label in zip(TWO.items(), labels):
        ax.plot(s.index, s * scale, label=label)
    if legend:
        ax.legend()
    return _labelled(ax)


def test_two_series_with_a_legend_in_shares_or_percent():
    assert verdict(TWO_CHART, _two_lines()).correct
    assert verdict(TWO_CHART, _two_lines(scale=100)).correct


@pytest.mark.parametrize("kwargs, words", [
    ({"labels": ("no discount", "discount")}, "swap the labels"),
    ({"labels": ("_a", "_b"), "legend": False}, "add a legend"),
])
def test_two_series_legend_problems(kwargs, words):
    fb = verdict(TWO_CHART, _two_lines(**kwargs))
    assert fb.status == "incorrect" and words in fb.message


def test_one_of_two_series_missing_is_named():
    fig, ax = plt.subplots()
    ax.plot(TWO["discount"].index, TWO["discount"], label="discount")
    fb = verdict(TWO_CHART, _labelled(ax))
    assert "shows the discount data but not the no discount data" in fb.message


def test_two_arbitrary_lines_with_a_legend_are_rejected():
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3], [1, 2, 3], label="discount")
    ax.plot([1, 2, 3], [3, 2, 1], label="no discount")
    ax.legend()
    assert verdict(TWO_CHART, _labelled(ax)).status == "incorrect"


def test_curve_compared_by_its_shape_on_any_scale():
    x = np.linspace(0, 1, 101)
    curve = pd.Series(x * (2 - x), index=x)
    ex = Chart(lambda: curve, kind="curve", normalise=True, hint="Draw the running total against the share.")
    fig, ax = plt.subplots()
    ax.plot(x[::2] * 100, x[::2] * (2 - x[::2]) * 5000)  # percent of customers, USD, fewer points
    assert verdict(ex, _labelled(ax)).correct
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    assert "strays" in verdict(ex, _labelled(ax)).message


def test_step_curve_in_weeks_is_accepted():
    km = pd.Series([1.0, 0.9, 0.7, 0.5], index=[0.0, 7.0, 14.0, 28.0])
    ex = Chart(lambda: km, kind="step", unit="share", x_unit="days", hint="Fit a Kaplan-Meier curve and draw it.")
    fig, ax = plt.subplots()
    ax.step(km.index / 7, km * 100, where="post")
    assert verdict(ex, _labelled(ax)).correct


def test_values_chart_in_any_ratio_form():
    ex = Chart(lambda: {"estimates": [1.6, 1.3, 1.2], "intervals": ([1.5, 1.7, 1.1, 1.4, 1.02, 1.35], 0.015),
                        "true effect": [1.0]}, kind="values", unit="ratio", hint="Draw the estimates with intervals.")
    for slope, offset in ((1, 0), (100, -100)):
        fig, ax = plt.subplots()
        eff = np.array([1.6, 1.3, 1.2]) * slope + offset
        low, high = np.array([1.5, 1.1, 1.02]) * slope + offset, np.array([1.7, 1.4, 1.35]) * slope + offset
        ax.errorbar(eff, [2, 1, 0], xerr=[eff - low, high - eff], fmt="o")
        ax.axvline(1.0 * slope + offset)
        assert verdict(ex, _labelled(ax)).correct, (slope, offset)
    fig, ax = plt.subplots()
    ax.errorbar(eff, [2, 1, 0], xerr=[eff - low, high - eff], fmt="o")
    ax.axvline(1.0)  # the truth as a ratio next to estimates in percent
    assert "true effect, in the same units" in verdict(ex, _labelled(ax)).message


# ---------------------------------------------------------------- Text, Choice

def test_text_checks_presence_and_length_and_suggests_keywords():
    ex = Text(min_words=5, keywords=["retention"])
    assert verdict(ex, "too short").status == "incorrect"
    assert "has 1 word;" in verdict(ex, "short").message
    assert "has 2 words;" in verdict(ex, "too short").message
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


def test_public_names_are_the_learner_and_author_api():
    assert set(exercises.__all__) == {"check", "evaluate", "exercise_ids", "lessons", "Feedback", "Number", "Table",
                                      "Chart", "Text", "Choice", "Mistake"}
    for lesson in exercises.lessons():
        module = __import__(f"custlearn.exercises.lesson{lesson}", fromlist=["EXERCISES"])
        assert module.__all__ == ["EXERCISES"]
        public = [n for n, v in vars(module).items() if callable(v) and not n.startswith("_")
                  and getattr(v, "__module__", "") == module.__name__]
        assert public == [], f"lesson{lesson}: answer helpers must be private: {public}"


# ---------------------------------------------------------------- the cases of the trainee's report

def _shop():
    return datasets.load("shop")


def test_00_5_monthly_revenue_under_an_orders_title_is_rejected():
    orders = _shop().orders
    revenue = orders.groupby(orders["order_date"].dt.to_period("M"))["amount"].sum()
    fig, ax = plt.subplots()
    revenue.plot(ax=ax)
    fb = evaluate("00.5", _labelled(ax, "Orders per month"))
    assert fb.status == "incorrect" and "revenue" in fb.hint


def test_05_10_a_diagonal_titled_whale_is_rejected_and_the_whale_chart_accepted():
    from custlearn import value

    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    assert evaluate("05.10", _labelled(ax, "Whale")).status == "incorrect"
    whale = value.whale_curve(value.customer_profit(_shop())["profit"])
    assert evaluate("05.10", plots.whale_chart(whale)).correct


def test_04_6_two_arbitrary_lines_with_a_legend_are_rejected():
    fig, ax = plt.subplots()
    ax.plot(range(1, 13), np.linspace(30, 10, 12), label="acquired with a discount")
    ax.plot(range(1, 13), np.linspace(35, 15, 12), label="acquired without a discount")
    ax.legend()
    assert evaluate("04.6", _labelled(ax, "Cohort retention")).status == "incorrect"


@pytest.mark.parametrize("eid, rounded", [
    ("04.1", 0.68), ("02.2", 0.18), ("05.1", 0.64), ("07.5", 0.77), ("08c.6", 0.73), ("04.4", 8.5),
    ("08b.4", 1.18), ("01.2", 0.0098),
])
def test_numbers_rounded_to_two_decimals_are_right(eid, rounded):
    fb = evaluate(eid, rounded)
    assert fb.correct and "rounded" in fb.message, str(fb)


def test_01_2_rounded_too_far_is_told_so():
    fb = evaluate("01.2", 0.01)
    assert fb.status == "incorrect" and "two significant digits" in fb.hint


@pytest.mark.parametrize("eid, decimals", [("04.2", 3), ("03.2", 3), ("03.5", 2), ("05.9", 2), ("00.3", 0)])
def test_tables_rounded_as_the_solutions_display_them_are_right(eid, decimals):
    right = value_of(exercises._registry(eid.split(".")[0])[eid].expected)
    fb = evaluate(eid, right.round(decimals))
    assert fb.correct and "rounded" in fb.message, str(fb)


def test_04_2_month_start_and_03_2_year_end_labels_are_right():
    churn = value_of(exercises._registry("04")["04.2"].expected)
    assert evaluate("04.2", churn.set_axis(churn.index.to_timestamp())).correct
    shares = value_of(exercises._registry("03")["03.2"].expected)
    assert evaluate("03.2", shares.set_axis(pd.to_datetime([f"{y}-12-31" for y in shares.index]))).correct


@pytest.mark.parametrize("eid, wrong, words", [
    ("04.1", lambda: exercises.lesson04._repeat_rate(90), "90-day window"),
    ("04.1", lambda: exercises.lesson04._repeat_rate(365), "365-day window"),
    ("04.3", lambda: exercises.lesson04._nps(9, -1), "share of promoters alone"),
    ("05.1", lambda: 1 - exercises.lesson05._top20_revenue_share(), "bottom 80%"),
    ("07.1", lambda: float(exercises.lesson07._shop_labels(90)["churned"].mean()), "90-day window"),
    ("07.1", lambda: float(exercises.lesson07._shop_labels(180, "2025-06-30")["churned"].mean()), "cut-off"),
    ("07.3", lambda: exercises.lesson07._discount_median() / 7, "weeks"),
    ("08b.1", lambda: 1 / exercises.lesson08b._naive_effect(), "upside down"),
    ("08b.1", lambda: (exercises.lesson08b._naive_effect() - 1) * 100, "percentage difference"),
    ("08c.6", lambda: 1 / exercises.lesson08c._attitude_rate_ratio(), "upside down"),
    ("08c.6", lambda: (1 - exercises.lesson08c._attitude_rate_ratio()) * 100, "reduction in percent"),
    ("08c.6", lambda: exercises.lesson08c._attitude_rate_ratio() * 100, "percentage"),
])
def test_the_reported_wrong_answers_get_named_hints(eid, wrong, words):
    __import__(f"custlearn.exercises.lesson{eid.split('.')[0]}")
    fb = evaluate(eid, wrong())
    assert fb.status == "incorrect" and words in str(fb), str(fb)


def test_01_3_and_03_2_fallback_hints_teach_the_step():
    for eid in ("01.3", "03.2"):
        hint = exercises._registry(eid.split(".")[0])[eid].hint
        assert "then" in hint or "and" in hint
        assert len([w for w in hint.split() if w.isalpha()]) >= 12, hint


# ---------------------------------------------------------------- issue 19: the renumbered lessons


def test_an_old_case_id_is_judged_under_its_new_one_and_names_it():
    """The cases were 07a-c and are 08a-c: an old id answers, and says which id to write now."""
    right = value_of(exercises._registry("08a")["08a.1"].expected)
    fb = evaluate("07a.1", right)
    assert fb.correct and 'Exercise "07a.1" is now "08a.1"' in fb.message and 'check("08a.1", answer)' in fb.message
    wrong = evaluate("07c.6", 1 / exercises.lesson08c._attitude_rate_ratio())
    assert wrong.status == "incorrect" and '"08c.6"' in wrong.message and "upside down" in str(wrong)
    assert evaluate("07b.2", ...).status == "unanswered" and '"08b.2"' in evaluate("07b.2", ...).message
    assert evaluate("07a.99", 1).status == "unknown" and "08a.99" in evaluate("07a.99", 1).message


def test_an_answer_to_the_churn_lessons_old_06_id_is_told_its_new_id():
    """06.N is the service lesson now; an answer to the churn lesson's old 06.1 that does not fit names 07.1."""
    churn_answer = value_of(exercises._registry("07")["07.1"].expected)
    fb = evaluate("06.1", churn_answer)
    assert fb.status == "incorrect" and 'check("07.1", answer)' in fb.message
    assert evaluate("07.1", churn_answer).correct
    right = evaluate("06.1", value_of(exercises._registry("06")["06.1"].expected))
    assert right.correct and "07.1" not in right.message  # a right answer to the service lesson gets no note
    assert "07.8" in evaluate("06.8", "a").message and "07.8" not in evaluate("06.8", "c").message
    assert "07." not in evaluate("06.1", ...).message  # not answered yet: nothing to say about the old lesson
