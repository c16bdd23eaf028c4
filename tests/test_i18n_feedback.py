"""check() and the charts speak Chinese (issue 21): verdicts, hints, a likely mistake's explanation, a
written answer in Chinese judged in characters, chart titles and labels; English stays as it was."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import warnings  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import custlearn  # noqa: E402
from custlearn import churn, datasets, plots  # noqa: E402
from custlearn._messages_zh_feedback import FEEDBACK  # noqa: E402
from custlearn.exercises import Chart, Text, check, evaluate, exercise_ids  # noqa: E402
from custlearn.exercises import _registry  # noqa: E402
from custlearn.exercises._core import safe_evaluate, text_length  # noqa: E402


@pytest.fixture
def chinese():
    custlearn.set_language("zh")
    yield
    custlearn.set_language("en")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _exercise(eid):
    return _registry(eid.split(".")[0])[eid]


def _buyers():
    return datasets.load("shop").orders["customer_id"].nunique()


def test_a_wrong_answer_gets_a_chinese_verdict_and_the_mistakes_chinese_explanation(chinese, capsys):
    """00.1 counts customers; counting the buyers is its first likely mistake."""
    mistake = _exercise("00.1").mistakes[0]
    check("00.1", _buyers())
    out = capsys.readouterr().out
    assert out.startswith("❌ 00.1 还不对。你的答案是 ")
    assert f"\n💡 提示：{FEEDBACK[mistake.hint]}\n" in out
    assert "shop.customers" in out and "Prospects" not in out  # code stays, the English is gone


def test_a_right_answer_and_a_hint_are_chinese(chinese, capsys):
    customers = len(datasets.load("shop").customers)
    check("00.1", customers)
    assert capsys.readouterr().out == (f"✅ 00.1 正确。{customers:,} 是对的。"
                                       f"{FEEDBACK[_exercise('00.1').explain]}\n")
    check("00.2", 0.01)  # far from the share: the exercise's own hint
    assert capsys.readouterr().out.endswith(f"💡 提示：{FEEDBACK[_exercise('00.2').hint]}\n")
    check("00.6", "c")  # a wrong option: its reason
    assert capsys.readouterr().out == f"❌ 00.6 还不对。选项 'c' 不是最佳答案。\n💡 提示：{FEEDBACK[_exercise('00.6').options['c']]}\n"


def test_a_chart_answer_is_judged_in_chinese(chinese):
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3], [4, 5, 6])
    chart = Chart(pd.Series([4, 5, 6], index=[1, 2, 3]), kind="line", index_name="month")
    verdict = safe_evaluate(chart, "T.1", ax)
    assert str(verdict) == ("❌ T.1 还不对。你的图数据正确，但没有标题。\n"
                            "💡 提示：读者应该不需要你解释就知道图在表达什么：ax.set_title('...')。")


def test_the_english_is_unchanged_after_a_round_trip_through_chinese():
    answers = [("00.1", _buyers()), ("00.1", ...), ("00.2", 68.0), ("00.3", pd.Series([1, 2])), ("00.6", "a"),
               ("00.7", "too short"), ("99.1", 1), ("07b.2", ...)]
    before = [str(evaluate(eid, a)) for eid, a in answers]
    custlearn.set_language("zh")
    try:
        chinese = [str(evaluate(eid, a)) for eid, a in answers]
    finally:
        custlearn.set_language("en")
    assert [str(evaluate(eid, a)) for eid, a in answers] == before
    assert before[0].startswith("❌ 00.1 Not yet. Your answer is ") and "💡 Hint: That counts only" in before[0]
    assert before[5] == ("❌ 00.7 Not yet. Your answer has 2 words; write at least 20.\n"
                         "💡 Hint: Say what the result means for a manager and what you would do about it.")
    assert all(a != b for a, b in zip(before, chinese))


def test_every_exercise_text_is_in_the_catalogue():
    """Questions, hints, explanations, likely mistakes, options, keywords and units: all marked N_ (or a unit
    that only selects a rule), so a new exercise cannot slip in English into the Chinese edition."""
    rule_words = {"", "fraction", "percent", "ratio", "share"}
    missing = []
    for eid in exercise_ids():
        ex = _exercise(eid)
        texts = [ex.question, getattr(ex, "hint", ""), ex.explain, getattr(ex, "index_name", "")]
        texts += [m.hint for m in getattr(ex, "mistakes", ())] + list(getattr(ex, "keywords", ()))
        texts += list(getattr(ex, "options", {}).values())
        texts += [] if getattr(ex, "unit", "") in rule_words else [ex.unit]
        missing += [(eid, t) for t in texts if t and t not in FEEDBACK]
    assert not missing, f"{len(missing)} exercise texts have no Chinese, e.g. {missing[0]}"


# --------------------------------------------------------------------------
# written answers in Chinese


def test_text_length_counts_chinese_in_characters():
    # counted by hand: 8 + 6 + 6 Han characters, the punctuation counts for nothing
    assert text_length("网店客户没有合同，只是不再购买，所以很难确定。") == (20, "character")
    # 6 Han characters; the Latin word and the number count one each
    assert text_length("客户的 CLV 是 120 美元。") == (8, "character")
    assert text_length("Customers leave quietly, without notice.") == (5, "word")


def test_a_chinese_answer_is_judged_by_its_characters_not_by_spaces(chinese):
    exercise = Text(min_words=15, keywords=["contract"])  # 15 words -> 23 characters
    answer = "网店客户没有合同，不会办理销户手续；他们只是不再购买，所以只能推断。"  # 31 Han characters, no space
    assert len(answer.split()) == 1  # the old rule counted one "word" and refused it
    verdict = safe_evaluate(exercise, "T.1", answer)
    assert verdict.status == "correct" and verdict.hint == ""  # mentions 合同: the keyword, in Chinese
    short = safe_evaluate(exercise, "T.1", "客户不再购买了，就算流失。")  # 11 characters
    assert short.status == "incorrect"
    assert short.message == "你的回答有 11 个字；请至少写 23 个字。"


def test_a_chinese_answer_in_an_english_session_and_a_missing_keyword():
    exercise = Text(min_words=15, keywords=["contract"])
    short = safe_evaluate(exercise, "T.1", "客户不再购买了，就算流失。")
    assert short.message == "Your answer has 11 characters; write at least 23 characters."
    long_enough = "客户不再购买了，就算流失；我们要看购买间隔，再决定何时联系他们。"  # 28 characters
    assert safe_evaluate(exercise, "T.1", long_enough).hint == "A strong answer usually also mentions: contract."
    custlearn.set_language("zh")
    try:
        assert safe_evaluate(exercise, "T.1", long_enough).hint == "好的回答通常还会提到：合同。"
    finally:
        custlearn.set_language("en")


# --------------------------------------------------------------------------
# charts


def _survival_axes():
    km = churn.kaplan_meier([2, 3, 3, 4, 5, 6, 1, 2], [1, 1, 1, 0, 1, 0, 1, 1],
                            groups=["resolved poorly"] * 6 + ["resolved well"] * 2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the CJK font comes with plots.set_theme(); glyph warnings are not ours
        ax = plots.survival_chart(km, time_unit="days")
        ax.figure.canvas.draw()
    return ax, [t.get_text() for t in ax.get_legend().get_texts()]


def test_a_charts_title_labels_and_legend_are_chinese_under_zh(chinese):
    ax, legend = _survival_axes()
    assert ax.get_title() == "生存曲线：尚未流失的客户占比"
    assert ax.get_xlabel() == "自开始以来的时间（天）"
    assert ax.get_ylabel() == "仍是客户"
    assert legend == ["resolved poorly (n=6)", "resolved well (n=2)", "阴影：95% 置信区间", "删失：到观察结束时仍未流失"]


def test_a_charts_text_is_english_by_default():
    ax, legend = _survival_axes()
    assert (ax.get_title(), ax.get_xlabel(), ax.get_ylabel()) == (
        "Survival curve: share of customers not yet churned", "Time since the start (days)", "Still a customer")
    assert legend[2:] == ["shaded: 95% interval", "censored: not churned by the end"]


def test_a_charts_default_text_follows_the_language_of_the_moment(chinese):
    """A default argument (the question of a satisfaction chart) is fixed at import, shown in Chinese."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ax = plots.score_distribution_chart([1, 2, 4, 5, 5, 4, 3])
    assert ax.get_xlabel() == "总体满意度（1 = 最低，5 = 最高）"
    assert ax.get_title().startswith("总体满意度：最高 2 档占比 57.1%")



def test_a_chinese_legend_that_names_the_wrong_lines_is_caught(chinese):
    """04.6's legend check reads Chinese labels too (有折扣 / 无折扣), and says so in Chinese."""
    chart = _exercise("04.6")
    expected = chart.expected()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for labels in [("有折扣", "无折扣"), ("无折扣", "有折扣")]:
            fig, ax = plt.subplots()
            for (name, curve), label in zip(expected.items(), labels):
                ax.plot(curve.index, curve.to_numpy(), label=label)
            ax.legend()
            ax.set(title="首次购买后仍在购买的客户占比", xlabel="首次购买后的月份", ylabel="客户占比")
            verdict = safe_evaluate(chart, "04.6", ax)
            if labels[0] == "有折扣":
                assert verdict.status == "correct", verdict
            else:
                assert verdict.message == ("你的图差不多对了：标为 '无折扣' 的线显示的是“有折扣”的数据，"
                                           "而不是“无折扣”的数据：请交换标签。")


def test_period_tick_labels_follow_the_language():
    from custlearn.plots.lifecycle import _period_ticks

    months = pd.DatetimeIndex(["2025-01-31", "2025-02-28"])
    assert _period_ticks(months) == ("End of month", ["Jan 2025", "Feb 2025"])
    custlearn.set_language("zh")
    try:
        assert _period_ticks(months) == ("月末", ["2025年01月", "2025年02月"])
        assert _period_ticks(pd.DatetimeIndex(["2025-03-31", "2025-06-30"]))[1] == ["2025年第1季度", "2025年第2季度"]
    finally:
        custlearn.set_language("en")
