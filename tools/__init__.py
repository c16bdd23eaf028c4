"""Maintainer tools for custlearn (not installed with the package)."""
