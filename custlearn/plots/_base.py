"""The bottom of the charts: the course palette, what each colour means, axis helpers.

Every chart and "Try it" demo of the course takes its colours from here, so
one colour keeps one meaning from lesson 01 to lesson 08: green is always
the good outcome, vermillion the bad one, light grey "nothing happened",
black the value a chart points at. The palette is Okabe & Ito's (2008),
which readers with any common colour-vision deficiency can tell apart.

==============  ===========  ==============================================
name            colour       what it means on every chart
==============  ===========  ==============================================
``MAIN``        blue         the measure the chart is about
``SECOND``      orange       a second measure drawn beside it
``GOOD``        green        the good outcome (promoters, resolved well)
``BAD``         vermillion   the bad outcome (detractors, unresolved, lost)
``CAUTION``     orange       in between on a good-to-bad scale (at risk)
``NEUTRAL``     light grey   nothing happened / the rest (no complaint)
``REFERENCE``   grey         a yardstick: a baseline, the planted truth
``HIGHLIGHT``   black        the value to look at: a threshold, the plan
==============  ===========  ==============================================

``SECOND`` and ``CAUTION`` share orange: a chart with a good-to-bad scale
never draws a second measure. Groups the course knows by name (lifecycle
stages, complaint outcomes, NPS groups) have a colour each in
:data:`STAGE_COLOURS`, :data:`OUTCOME_COLOURS` and :data:`NPS_COLOURS`,
built from these meanings; :func:`colours_for` picks them for any list of
labels.

This module imports nothing from custlearn but the input checks and tr(), and
matplotlib and seaborn only inside the functions, so importing it is cheap.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from custlearn._i18n import tr
from custlearn._validate import DataError, require_choice

__all__ = [
    "PALETTE", "BLUE", "ORANGE", "GREEN", "VERMILLION", "PURPLE", "SKY_BLUE", "YELLOW", "BLACK",
    "LIGHT_GREY", "GREY", "SERIES", "SEQUENTIAL_CMAP",
    "MAIN", "SECOND", "GOOD", "BAD", "CAUTION", "NEUTRAL", "REFERENCE", "HIGHLIGHT", "COLOUR_MEANINGS",
    "STAGE_COLOURS", "OUTCOME_COLOURS", "NPS_COLOURS", "colours_for",
    "set_theme", "percent_axis", "money_axis", "axes",
]

# --- the colours (every hex code of the course is typed here, once) -------
BLUE = "#0072B2"
ORANGE = "#E69F00"
GREEN = "#009E73"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"  # Okabe & Ito's "reddish purple"
SKY_BLUE = "#56B4E9"
YELLOW = "#F0E442"
BLACK = "#000000"
LIGHT_GREY = "#BBBBBB"
GREY = "#808080"

#: Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008), blue first: the
#: colour cycle of every figure (:func:`set_theme`).
PALETTE = [BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY_BLUE, YELLOW, BLACK]

#: Colours for groups with no meaning of their own (bank products, survey
#: answers), in order: the good and bad colours come last, so that a group
#: is drawn green or vermillion only when there are too many groups.
SERIES = [BLUE, ORANGE, PURPLE, SKY_BLUE, BLACK, GREEN, VERMILLION, YELLOW]

#: The colour map of heatmaps (more = darker blue).
SEQUENTIAL_CMAP = "Blues"

# --- what each colour means -----------------------------------------------
MAIN = BLUE
SECOND = ORANGE
GOOD = GREEN
BAD = VERMILLION
CAUTION = ORANGE
NEUTRAL = LIGHT_GREY
REFERENCE = GREY
HIGHLIGHT = BLACK

#: Each meaning, its colour and where the course uses it (the table above).
COLOUR_MEANINGS = {
    "main": (MAIN, "the measure the chart is about"),
    "second": (SECOND, "a second measure drawn beside the main one"),
    "good": (GOOD, "the good outcome: promoters, a complaint resolved well, advocates"),
    "bad": (BAD, "the bad outcome: detractors, an unresolved complaint, lost customers"),
    "caution": (CAUTION, "in between on a good-to-bad scale: at risk, resolved poorly"),
    "neutral": (NEUTRAL, "nothing happened, or the rest: no complaint, passives, prospects"),
    "reference": (REFERENCE, "a yardstick to compare with: a random baseline, 100%, the planted truth"),
    "highlight": (HIGHLIGHT, "the value to look at: a threshold, a target, the chosen plan"),
}

#: One colour per lifecycle stage (lesson 02, ``lifecycle.STAGES``): the
#: climb in blues and green, the ways out in the caution and bad colours.
STAGE_COLOURS = {
    "prospect": NEUTRAL,
    "first-time": SKY_BLUE,
    "repeat": BLUE,
    "advocate": GOOD,
    "won back": PURPLE,
    "at risk": CAUTION,
    "lost": BAD,
}

#: One colour per outcome of a customer's first complaint (lessons 02 and
#: 06, ``churn.COMPLAINT_GROUPS``), from good to bad.
OUTCOME_COLOURS = {
    "no complaint": NEUTRAL,
    "resolved well": GOOD,
    "resolved, not rated": SKY_BLUE,
    "resolved poorly": CAUTION,
    "unresolved": BAD,
}

#: The three Net Promoter groups (lesson 04, ``loyalty.nps_categories``).
NPS_COLOURS = {"detractor": BAD, "passive": NEUTRAL, "promoter": GOOD}

_KNOWN = {**STAGE_COLOURS, **OUTCOME_COLOURS, **NPS_COLOURS}


def colours_for(labels: Iterable[Any]) -> list[str]:
    """The course colour of each group label, known groups first.

    Charts of every lesson (the survival curves of lesson 07, the complaint
    bars of lessons 02 and 06) call this so that one group keeps its colour
    everywhere. A label the course knows (a lifecycle stage, a complaint
    outcome, an NPS group, as in :data:`STAGE_COLOURS`, :data:`OUTCOME_COLOURS`
    and :data:`NPS_COLOURS`; "promoters" finds "promoter") gets its colour;
    other labels get the :data:`SERIES` colours in order (the good and bad
    colours last), skipping colours already taken, so no two groups share a
    colour (up to eight groups).

    Parameters
    ----------
    labels : iterable
        The group labels, in the order they are drawn (repeats allowed).

    Returns
    -------
    list of str
        One hex colour per label.

    Raises
    ------
    DataError
        If ``labels`` is a single string instead of a list of labels.

    Examples
    --------
    >>> colours_for(["resolved well", "unresolved"]) == [GOOD, BAD]
    True
    >>> colours_for(["welcome discount", "no discount"]) == [BLUE, ORANGE]
    True
    >>> colours_for(["lost", "new customers"]) == [BAD, BLUE]
    True
    >>> colours_for(["savings", "credit card", "checking"]) == [BLUE, ORANGE, PURPLE]
    True
    >>> colours_for("lost")
    Traceback (most recent call last):
    ...
    custlearn.DataError: colours_for needs a list of group labels, not one text 'lost'. Write colours_for(['lost']).
    """
    if isinstance(labels, str):
        raise DataError(tr("colours_for needs a list of group labels, not one text {labels}. "
                           "Write colours_for([{labels}]).", labels=repr(labels)))
    names = [str(label) for label in labels]
    known = {name: _KNOWN.get(name, _KNOWN.get(name.rstrip("s"))) for name in names}
    free = [c for c in SERIES if c not in set(known.values())]
    given: dict[str, str] = {}
    for name in names:
        if name not in given:
            given[name] = known[name] or (free.pop(0) if free else SERIES[len(given) % len(SERIES)])
    return [given[name] for name in names]


def set_theme(*, projector: bool = False) -> None:
    """Give every figure the course look; call it once at the top of a notebook.

    Every lesson's set-up cell calls it, so all figures of the course share
    one size, font, grid and colour cycle (the :data:`PALETTE`), and stay
    readable when projected in a classroom. It also registers the course's
    Chinese font (a subset of Noto Sans SC shipped in the package, see
    :data:`CJK_FONT`) behind DejaVu Sans, so a figure of the Chinese edition
    (``custlearn.set_language("zh")``) shows its Chinese on any machine:
    Latin letters and digits keep DejaVu Sans, Chinese characters fall back
    to the course's font.

    Parameters
    ----------
    projector : bool, default False
        Larger fonts and thicker lines, for a classroom projector.

    Returns
    -------
    None
        It changes matplotlib's settings (``rcParams``) for the session.

    Examples
    --------
    >>> from custlearn import plots
    >>> import matplotlib.pyplot as plt
    >>> with plt.rc_context():  # (here only so the example leaves the settings as it found them)
    ...     plots.set_theme()
    ...     print(plt.rcParams["axes.spines.top"], plt.rcParams["axes.titlelocation"])
    ...     print(plt.rcParams["axes.prop_cycle"].by_key()["color"][:2] == plots.PALETTE[:2])
    False left
    True
    """
    import matplotlib as mpl
    import seaborn as sns

    sns.set_theme(
        context="talk" if projector else "notebook",
        style="whitegrid",
        palette=PALETTE,
        font_scale=1.0 if projector else 1.1,
        rc={
            "figure.figsize": (8.0, 4.5),
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "figure.constrained_layout.use": True,
            "axes.titleweight": "bold",
            "axes.titlesize": "large",
            "axes.titlelocation": "left",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "grid.alpha": 0.5,
            "legend.frameon": False,
            "svg.hashsalt": "custlearn",
            "image.cmap": "viridis",
        },
    )
    mpl.rcParams["axes.prop_cycle"] = mpl.cycler(color=PALETTE)
    _register_cjk_font(mpl)


#: The course's Chinese font, regular and bold: Noto Sans CJK SC (SIL Open Font License 1.1,
#: fonts/OFL.txt) cut down by tools/make_font.py to the characters the course draws; registered by
#: :func:`set_theme`.
CJK_FONTS = tuple(Path(__file__).parent / "fonts" / f"NotoSansSC-custlearn-{s}.otf" for s in ("Regular", "Bold"))
CJK_FAMILY = "Noto Sans SC custlearn"


def _register_cjk_font(mpl: Any) -> None:
    from matplotlib import font_manager

    if CJK_FAMILY not in {f.name for f in font_manager.fontManager.ttflist}:
        for path in CJK_FONTS:
            font_manager.fontManager.addfont(str(path))
    # matplotlib falls back glyph by glyph along font.family (not within the sans-serif list): the
    # theme's sans-serif font first, then the course's Chinese font for what it lacks.
    families = [f for f in mpl.rcParams["font.family"] if f != CJK_FAMILY]
    mpl.rcParams["font.family"] = families + [CJK_FAMILY]


def _axis(ax: Any, axis: str) -> Any:
    require_choice(axis, ["x", "y"], argument="axis")
    return ax.yaxis if axis == "y" else ax.xaxis


def percent_axis(ax: Any, axis: str = "y", *, decimals: int = 0, xmax: float = 1.0) -> Any:
    """Show an axis holding fractions (0–1) as percentages.

    Used by the charts of every lesson: the course computes shares as
    fractions (0.25) and shows them as percentages (25%), so a reader never
    has to guess which of the two an axis holds.

    Parameters
    ----------
    ax : matplotlib Axes
    axis : {"y", "x"}, default "y"
    decimals : int, default 0
        Decimals shown after the percentage.
    xmax : float, default 1.0
        The value shown as 100% (100 if the data are already percentages).

    Returns
    -------
    matplotlib Axes
        ``ax``, its axis formatted.

    Raises
    ------
    DataError
        If ``axis`` is not "x" or "y".

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.plot([0, 1], [0.1, 0.5])
    >>> _ = percent_axis(ax)
    >>> ax.yaxis.get_major_formatter()(0.25)
    '25%'
    >>> percent_axis(ax, "z")
    Traceback (most recent call last):
    ...
    custlearn.DataError: axis="z" is not one of the valid choices: "x", "y". Pass one of them, e.g. axis="x".
    >>> plt.close(fig)
    """
    from matplotlib.ticker import PercentFormatter

    _axis(ax, axis).set_major_formatter(PercentFormatter(xmax=xmax, decimals=decimals))
    return ax


def money_axis(ax: Any, axis: str = "y", *, currency: str = "USD") -> Any:
    """Format an axis of money amounts with thousands separators (``12,500``).

    Used by the value charts of lessons 05 and 08. The currency goes in the
    axis label, e.g. ``"Revenue (USD)"``, not after every tick.

    Parameters
    ----------
    ax : matplotlib Axes
    axis : {"y", "x"}, default "y"
    currency : str, default "USD"
        Kept for the caller's label; the ticks show numbers only.

    Returns
    -------
    matplotlib Axes
        ``ax``, its axis formatted.

    Raises
    ------
    DataError
        If ``axis`` is not "x" or "y".

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = money_axis(ax)
    >>> ax.yaxis.get_major_formatter()(12500)
    '12,500'
    >>> plt.close(fig)
    """
    from matplotlib.ticker import FuncFormatter

    _axis(ax, axis).set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:,.0f}"))
    return ax


def axes(ax: Any = None, figsize: tuple[float, float] | None = None) -> Any:
    """The Axes to draw on: ``ax`` if given, else a new figure's (course default size).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> ax = axes(figsize=(4, 3))
    >>> [float(v) for v in ax.figure.get_size_inches()]
    [4.0, 3.0]
    >>> axes(ax) is ax
    True
    >>> plt.close(ax.figure)
    """
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize) if figsize else plt.subplots()
    return ax
