"""custlearn: a course in customer management analytics.

Lessons live in ``notebooks/``; this package holds the measures they use.
Import the lesson modules directly, for example::

    from custlearn import datasets, exercises
    from custlearn import DataError

``import custlearn`` stays fast: heavy libraries (scipy, scikit-learn,
matplotlib) are imported inside the functions that need them.
"""

from custlearn._errors import DataError

__all__ = ["DataError", "__version__"]
__version__ = "0.1.0"
