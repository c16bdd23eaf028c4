"""Exercises that answer back: ``check(exercise_id, answer)``.

In an exercise notebook each question ends with a check cell::

    from custlearn.exercises import check
    answer = ...            # your answer here
    check("00.1", answer)

``check`` prints a verdict and, on a wrong answer, a hint aimed at the likely
mistake. It never raises on a learner's answer. Each lesson's exercises are
registered in one module, ``custlearn/exercises/lessonNN.py`` (a dict named
``EXERCISES``), so a lesson's checks live in one place and load only when used.

Every number is judged by one rule: an answer equal to the expected value,
or to the expected value rounded to the precision the learner wrote (down to
two significant digits), is right. Charts are judged by the data they draw.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from typing import Any

from custlearn._i18n import tr
from custlearn.exercises._charts import Chart
from custlearn.exercises._core import (
    ERROR,
    INCORRECT,
    INVALID,
    UNKNOWN,
    Choice,
    Exercise,
    Feedback,
    Mistake,
    Number,
    Table,
    Text,
    safe_evaluate,
)

# A learner calls check(); an instructor also evaluate(), exercise_ids() and lessons(), and
# registers new exercises with the answer kinds (see docs/instructor_guide.md, "How to add an exercise").
__all__ = [
    "check", "evaluate", "exercise_ids", "lessons",
    "Feedback", "Number", "Table", "Chart", "Text", "Choice", "Mistake",
]

_PREFIX = "lesson"


def lessons() -> list[str]:
    """The lesson codes that have exercises, e.g. ``['00', '04']``."""
    return sorted(
        m.name[len(_PREFIX):]
        for m in pkgutil.iter_modules(__path__)
        if m.name.startswith(_PREFIX)
    )


@cache
def _registry(lesson: str) -> dict[str, Exercise]:
    module = importlib.import_module(f"{__name__}.{_PREFIX}{lesson}")
    return dict(module.EXERCISES)


def exercise_ids(lesson: str | None = None) -> list[str]:
    """All exercise ids, or those of one lesson (``exercise_ids("00")``)."""
    codes = [lesson] if lesson is not None else lessons()
    return [eid for code in codes if code in lessons() for eid in _registry(code)]


def _unknown(exercise_id: Any) -> Feedback:
    if not isinstance(exercise_id, str):
        return Feedback(str(exercise_id), UNKNOWN,
                        tr('The exercise id must be text such as "00.1", but {given} was given.',
                           given=repr(exercise_id)))
    lesson = exercise_id.split(".")[0]
    if lesson in lessons():
        valid = ", ".join(exercise_ids(lesson))
        return Feedback(exercise_id, UNKNOWN,
                        tr('There is no exercise "{exercise_id}". Lesson {lesson} has: {valid}.',
                           exercise_id=exercise_id, lesson=lesson, valid=valid))
    return Feedback(exercise_id, UNKNOWN,
                    tr('There is no exercise "{exercise_id}". Lessons with exercises: {lessons}; '
                       'ids look like "{first}.1".', exercise_id=exercise_id, lessons=", ".join(lessons()),
                       first=lessons()[0] if lessons() else "00"))


# Issue 19 renumbered the lessons: customer service became lesson 06, churn early warning lesson 07 (its
# exercises were 06.N) and the cases 08a-c (they were 07a-c). For one release an old id still answers: a case's
# old id is judged under its new one, and an answer to 06.N that does not fit is told about 07.N.
RENUMBERED = {"07a": "08a", "07b": "08b", "07c": "08c"}
FORMER_CHURN = ("06", "07")


def evaluate(exercise_id: str, answer: Any) -> Feedback:
    """The verdict on ``answer`` as a :class:`Feedback` (what ``check`` prints).

    An id of the lesson numbers before issue 19 (``07a.3`` for ``08a.3``) is
    judged under its new id, with a message naming it.

    Examples
    --------
    >>> evaluate("99.1", 3).status
    'unknown'
    >>> print(evaluate("07b.2", ...).message)
    Exercise "07b.2" is now "08b.2" (the lessons were renumbered): write check("08b.2", answer). Not answered yet. ...
    """
    lesson = exercise_id.split(".")[0] if isinstance(exercise_id, str) else None
    if lesson in RENUMBERED and lesson not in lessons():
        new_id = RENUMBERED[lesson] + exercise_id[len(lesson):]
        verdict = evaluate(new_id, answer)
        return Feedback(exercise_id, verdict.status, tr('Exercise "{exercise_id}" is now "{new_id}" (the lessons were '
                        'renumbered): write check("{new_id}", answer). {message}', exercise_id=exercise_id,
                        new_id=new_id, message=verdict.message), verdict.hint)
    try:
        if lesson not in lessons() or exercise_id not in _registry(lesson):
            return _unknown(exercise_id)
        exercise = _registry(lesson)[exercise_id]
    except Exception as exc:  # a broken lesson module must not break the learner's cell
        return Feedback(str(exercise_id), ERROR, tr("The exercises could not be loaded ({error}: {exc}).",
                                                    error=type(exc).__name__, exc=exc),
                        tr("Tell your instructor: this is a bug in custlearn, not in your answer."))
    return _former_churn_note(safe_evaluate(exercise, exercise_id, answer))


def _former_churn_note(verdict: Feedback) -> Feedback:
    """A wrong answer to 06.N may be meant for the churn lesson's old 06.N: name its new id, 07.N."""
    old, new = FORMER_CHURN
    lesson, _, number = verdict.exercise_id.partition(".")
    if lesson != old or verdict.status not in (INCORRECT, INVALID) or f"{new}.{number}" not in exercise_ids(new):
        return verdict
    note = tr(' (If this is your answer to the churn lesson\'s exercise {old}.{number}: that lesson is lesson {new} '
              'now, write check("{new}.{number}", answer).)', old=old, number=number, new=new)
    return Feedback(verdict.exercise_id, verdict.status, verdict.message + note, verdict.hint)


def check(exercise_id: str, answer: Any) -> None:
    """Print whether ``answer`` is right, with a hint if it is not.

    Never raises on a learner's answer.

    Examples
    --------
    >>> check("99.1", ...)  # doctest: +ELLIPSIS
    ❓ 99.1 There is no exercise "99.1". Lessons with exercises: ...
    """
    print(evaluate(exercise_id, answer))
