"""What every chart helper of the course shares (kept import-light)."""

from __future__ import annotations

from typing import Any


def axes(ax: Any = None, figsize: tuple[float, float] | None = None) -> Any:
    """The Axes to draw on: ``ax`` if given, else a new figure's (course default size)."""
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize) if figsize else plt.subplots()
    return ax
