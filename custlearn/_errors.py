"""The one exception custlearn raises for bad input (kept import-free)."""


class DataError(ValueError):
    """Raised when input data or arguments cannot give a correct answer.

    The message always says what was found, what was expected and how to fix
    it. It is a ``ValueError``, so ``except ValueError`` also catches it.

    Examples
    --------
    >>> from custlearn import DataError
    >>> issubclass(DataError, ValueError)
    True
    >>> raise DataError("The column \\"amount\\" is not in the orders table.")
    Traceback (most recent call last):
    ...
    custlearn.DataError: The column "amount" is not in the orders table.
    """


# Show it as custlearn.DataError in tracebacks: that is the name learners import.
DataError.__module__ = "custlearn"
