"""Lesson 03's "Try it": the journey simulator (widgets.journey_simulator).

The predicted gain and loss are checked against statsmodels' OLS of the top-2-box answer on the
penalty-reward dummies, worked by hand: a step of +0.5 moves half of the ratings of 2 out of "low"
and half of the ratings of 3 into "high" (and a step of -0.5 the other way round).
"""

import matplotlib

matplotlib.use("Agg")
import matplotlib.colors as mcolors  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from custlearn import DataError, widgets  # noqa: E402
from custlearn.plots import _base  # noqa: E402

SHARES = {"basic": [0.07, 0.12, 0.33, 0.28, 0.20], "delight": [0.05, 0.10, 0.50, 0.20, 0.15]}


def _surveys(n=800, seed=4):
    """Delivery a basic factor (a low rating costs, a high one earns nothing); service an excitement factor."""
    rng = np.random.default_rng(seed)
    s = pd.DataFrame({"rating_delivery": rng.choice(np.arange(1, 6), n, p=SHARES["basic"]),
                      "rating_service": rng.choice(np.arange(1, 6), n, p=SHARES["delight"])})
    mean = 3.2 - 0.9 * (s["rating_delivery"] <= 2) + 0.7 * (s["rating_service"] >= 4)
    s["overall_satisfaction"] = (mean + rng.normal(0, 0.7, n)).round().clip(1, 5)
    return s


def _statsmodels_changes(s, column, step=0.5):
    """(gain of +step, loss of -step) in top-2-box points, from statsmodels' coefficients, by hand."""
    import statsmodels.api as sm

    names = ["rating_delivery", "rating_service"]
    X = pd.concat([(s[names] <= 2).astype(float).add_prefix("low "), (s[names] >= 4).astype(float).add_prefix("high ")],
                  axis=1)
    fit = sm.OLS(100.0 * (s["overall_satisfaction"] >= 4), sm.add_constant(X)).fit()
    at = s[column].value_counts(normalize=True)
    low, high = fit.params[f"low {column}"], fit.params[f"high {column}"]
    gain = step * (-at.get(2, 0.0) * low + at.get(3, 0.0) * high)  # 2 -> 3 leaves "low", 3 -> 4 enters "high"
    loss = -step * (at.get(3, 0.0) * low - at.get(4, 0.0) * high)  # 3 -> 2 enters "low", 4 -> 3 leaves "high"
    return gain, loss


def _note(box):
    return box.shown()[0]


def test_journey_simulator_shows_the_gain_and_the_loss_of_statsmodels_worked_by_hand():
    s = _surveys()
    box = widgets.journey_simulator(s, touch_point="rating_delivery", change=0.5)
    gain, loss = _statsmodels_changes(s, "rating_delivery")
    note = _note(box)
    assert note.startswith("**delivery +0.5 rating points**: predicted top-2-box ")
    assert f"({gain:+.1f} points, 95% interval" in note
    assert f"The same fall would cost {loss:.1f} points" in note
    assert loss > gain and "a fall costs more than a rise earns" in note  # a basic factor, most ratings at 3
    now = 100 * (s["overall_satisfaction"] >= 4).mean()
    assert f"predicted top-2-box {now:.1f}% → **{now + gain:.1f}%**" in note
    assert box.shown()[1] == "[figure]"
    assert repr(box).startswith("Try it: pick a touch point and a step")


def test_journey_simulator_draws_the_gain_green_and_the_loss_vermillion_on_a_symmetric_axis():
    s = _surveys()
    box = widgets.journey_simulator(s, touch_point="rating_delivery")
    gain, loss = _statsmodels_changes(s, "rating_delivery")
    import base64
    import io

    png = box.children[-1].outputs[1]["data"]["image/png"]
    image = plt.imread(io.BytesIO(base64.b64decode(png) if isinstance(png, str) else png))
    assert image.shape[0] > 100  # a real picture
    fig = widgets._journey_figure("Delivery", 0.5, pd.Series({"estimate": gain, "lower": gain - 1, "upper": gain + 1}),
                                  pd.Series({"estimate": -loss, "lower": -loss - 1, "upper": -loss + 1}), "top-2-box share")
    ax = fig.axes[0]
    bars = {mcolors.to_hex(p.get_facecolor()).upper(): p.get_width() for p in ax.patches}
    assert bars[_base.GOOD.upper()] == pytest.approx(gain) and bars[_base.BAD.upper()] == pytest.approx(-loss)
    left, right = ax.get_xlim()
    assert left == pytest.approx(-right)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "rise by 0.5: predicted gain", "fall by 0.5: predicted loss", "95% interval"]
    plt.close(fig)


def test_journey_simulator_redraws_for_another_touch_point_and_step():
    s = _surveys()
    box = widgets.journey_simulator(s)
    assert _note(box).startswith("**delivery +0.5")  # the first touch point by default
    box.controls["touch_point"].value = "rating_service"
    gain, loss = _statsmodels_changes(s, "rating_service")
    note = _note(box)
    assert note.startswith("**service +0.5") and f"({gain:+.1f} points" in note
    assert gain > loss and "a rise earns more than a fall costs" in note  # a delighter, more ratings at 3 than at 4
    box.controls["change"].value = 1.0
    gain, loss = _statsmodels_changes(s, "rating_service", step=1.0)
    assert _note(box).startswith("**service +1.0") and f"The same fall would cost {loss:.1f} points" in _note(box)
    assert [o for o in box.controls["touch_point"].options] == [("delivery", "rating_delivery"),
                                                                ("service", "rating_service")]


def test_journey_simulator_says_when_a_rise_and_a_fall_weigh_about_the_same():
    rng = np.random.default_rng(8)
    s = pd.DataFrame({"rating_app": rng.integers(1, 6, 2000)})  # every rating equally common
    s["overall_satisfaction"] = (3 - 0.5 * (s["rating_app"] <= 2) + 0.5 * (s["rating_app"] >= 4)
                                 + rng.normal(0, 0.6, 2000)).round().clip(1, 5)
    assert "a rise earns about what a fall costs" in _note(widgets.journey_simulator(s))


def test_journey_simulator_explains_bad_input():
    s = _surveys()
    with pytest.raises(DataError, match="surveys must be a pandas DataFrame"):
        widgets.journey_simulator(s.to_dict())
    with pytest.raises(DataError, match='No touch-point columns were found: by default every column whose name starts'):
        widgets.journey_simulator(s.rename(columns=lambda c: c.replace("rating_", "r_")))
    with pytest.raises(DataError, match='touch_point="delivery" is not a touch point of these surveys. The touch '
                                        "points are: rating_delivery, rating_service"):
        widgets.journey_simulator(s, touch_point="delivery")
    with pytest.raises(DataError, match="change must be a number from 0.1 to 1"):
        widgets.journey_simulator(s, change=2)
    plt.close("all")
