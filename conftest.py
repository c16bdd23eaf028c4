"""How ``make test`` shares its work between two processes (pytest-xdist, ``-n 2 --dist loadscope``).

Each test file and each notebook runs whole in one process (a notebook's cells share one kernel; a
test file's cached companies and fixtures are built once), except the two long parametrised files,
whose cases are shared out in small groups so that neither process waits for the other at the end:
``tests/test_bad_input.py`` by the function under test, ``tests/test_exercise_registry.py`` by
lesson (a lesson's expected answers are computed once, in one process). xdist starts the groups with
the most tests first, so the small groups fill the end of the run.

The groups are read from the test ids by the scheduler below, not from ``xdist_group`` marks:
``--dist loadgroup`` silently stopped grouping with pytest 9.2's structured node ids
(pytest-xdist issue 1386), which would split a notebook's cells across two kernels.
"""

from __future__ import annotations

import re

import pytest

SPLIT_BY_PARAMETER = {
    "tests/test_bad_input.py": lambda param: param,                       # the function under test
    "tests/test_exercise_registry.py": lambda param: param.split(".")[0],  # the lesson of the exercise
}
PARAMETER = re.compile(r"\[(.*)\]$")


def work_group(nodeid: str) -> str:
    """The group of tests that one process runs together: a file, a notebook, or a part of a split file.

    >>> work_group("notebooks/05_value.ipynb::Cell 12")
    'notebooks/05_value.ipynb'
    >>> work_group("tests/test_exercise_registry.py::test_each_named_mistake_gets_its_own_hint[08c.6]")
    'tests/test_exercise_registry.py:08c'
    """
    path = nodeid.split("::")[0]
    split, param = SPLIT_BY_PARAMETER.get(path), PARAMETER.search(nodeid)
    return f"{path}:{split(param.group(1))}" if split and param else path


@pytest.hookimpl(optionalhook=True)  # a hook of xdist: unknown when xdist is off (-p no:xdist)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ByWorkGroup(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_group(nodeid)

    return ByWorkGroup(config, log)
