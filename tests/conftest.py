"""Test set-up shared by every test module."""

import sys
from pathlib import Path

import matplotlib

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the maintainer tools in tools/ are tested too
    sys.path.insert(0, str(ROOT))

# Agg for the figures tests draw in this process. Not through the MPLBACKEND
# environment variable: the notebook kernels nbval starts inherit the
# environment and must keep their inline backend, or figures vanish.
matplotlib.use("Agg")
