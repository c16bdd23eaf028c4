"""Test set-up shared by every test module."""

import os
import sys
from pathlib import Path

import matplotlib

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the maintainer tools in tools/ are tested too
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("MPLBACKEND", "Agg")
matplotlib.use("Agg")
