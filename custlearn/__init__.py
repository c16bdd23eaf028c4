"""custlearn: a course in customer management analytics.

Lessons live in ``notebooks/``; this package holds the measures they use.
Import the lesson modules directly, for example::

    from custlearn import datasets, exercises
    from custlearn import DataError

``custlearn.set_language("zh")`` makes messages, feedback, charts and
widgets speak Simplified Chinese (``CUSTLEARN_LANG=zh`` does it before import).

``import custlearn`` stays fast: heavy libraries (scipy, scikit-learn,
matplotlib) are imported inside the functions that need them.
"""

from custlearn._errors import DataError
from custlearn._i18n import get_language, set_language

__all__ = ["DataError", "set_language", "get_language", "__version__"]
__version__ = "0.1.0"
