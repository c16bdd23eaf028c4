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

# The Chinese edition is not run by nbval: its code is the English code (tools/translate.py checks
# that), and tests/test_translations.py compares its stored numbers with the English outputs.
collect_ignore_glob = ["zh/notebooks/*", "zh/exercises/*"]

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


# --------------------------------------------------------------------------- one kernel per process for nbval
# nbval starts a kernel for every notebook, and each new kernel spends about 2.5 s of CPU starting up
# and importing pandas, matplotlib, scipy and custlearn: a fifth of `make test`. Here each test process
# keeps one kernel and hands it to the next notebook after a reset that gives the state of a fresh kernel
# as far as a lesson can see it: an empty namespace (%reset), the notebook's folder as working directory,
# pandas' display options and matplotlib's settings as after a fresh import, no open figure. Imported
# modules stay imported (that is the saving; the course's modules keep no state a lesson could see besides
# the datasets' read-only cache). A kernel that died or was stopped after a timeout is replaced.
# CUSTLEARN_FRESH_KERNELS=1 gives every notebook its own kernel again, as nbval does by itself.

_RESET = """\
%reset -f
import os as _os, sys as _sys, warnings as _warnings
_os.chdir({cwd!r})
if "pandas" in _sys.modules:
    with _warnings.catch_warnings():
        _warnings.simplefilter("ignore")
        _sys.modules["pandas"].reset_option("all")
if "matplotlib.pyplot" in _sys.modules:
    _sys.modules["matplotlib.pyplot"].close("all")
    _sys.modules["matplotlib"].rc_file_defaults()
del _os, _sys, _warnings
"""
_KERNELS: dict[str, object] = {}


def _reset(kernel, cwd: str) -> None:
    """Run the reset in ``kernel``; fail loudly if it raised or printed anything."""
    msg_id = kernel.execute_cell_input(_RESET.format(cwd=cwd), allow_stdin=False)
    while True:
        reply = kernel.get_message(stream="shell", timeout=60)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"resetting the shared notebook kernel failed: {reply['content']}")
    while True:
        msg = kernel.get_message(stream="iopub", timeout=60)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] in ("stream", "error", "display_data", "execute_result"):
            raise RuntimeError(f"resetting the shared notebook kernel printed: {msg['content']}")
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return


def _share_nbval_kernels() -> None:
    from nbval import plugin

    fresh = plugin.RunningKernel

    def running_kernel(kernel_name, cwd=None, startup_timeout=60):
        kernel = _KERNELS.get(kernel_name)
        if kernel is None or not kernel.is_alive():
            kernel = _KERNELS[kernel_name] = fresh(kernel_name, cwd=cwd, startup_timeout=startup_timeout)
        else:
            _reset(kernel, cwd)
        return kernel

    plugin.RunningKernel = running_kernel
    plugin.IPyNbFile.teardown = lambda self: None  # the kernel goes back to the process's pool


def pytest_configure(config: pytest.Config) -> None:
    import os

    if getattr(config.option, "nbval", False) and not os.environ.get("CUSTLEARN_FRESH_KERNELS"):
        _share_nbval_kernels()


def _stop(kernel) -> None:
    """Stop a kernel and close the os.devnull nbval opened for its stderr (nbval 0.11 leaves it open)."""
    stderr = getattr(getattr(kernel, "km", None), "_launch_args", {}).get("stderr")
    if kernel.is_alive():
        kernel.stop()
    if stderr is not None:
        stderr.close()


def pytest_unconfigure(config: pytest.Config) -> None:
    for kernel in _KERNELS.values():
        _stop(kernel)
    _KERNELS.clear()
