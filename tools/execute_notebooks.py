"""Execute notebooks in place and store clean, reproducible outputs.

Usage (from the repository root; `make notebooks` calls it)::

    .venv/bin/python tools/execute_notebooks.py notebooks/*.ipynb exercises/solutions/*.ipynb

Each notebook runs top to bottom in a fresh kernel of the current
environment, with its own folder as the working directory (as nbval runs it).
Then the things that would make a second run differ are dropped: timing
metadata, widget state (``metadata.widgets``, a blob of random model ids) and
the interpreter's patch version. A second run gives no diff.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.nbtools import problems, read, write  # noqa: E402


def coalesce_streams(outputs: list) -> list:
    """Join consecutive stdout (or stderr) chunks into one output.

    How a kernel splits printed text into messages depends on timing (a slow
    line between two prints flushes the first), so the same cell can store
    one chunk or two; joined, every run stores the same thing.
    """
    joined: list = []
    for out in outputs:
        prev = joined[-1] if joined else None
        if (out.get("output_type") == "stream" and prev is not None
                and prev.get("output_type") == "stream" and prev.get("name") == out.get("name")):
            text = out["text"] if isinstance(out["text"], str) else "".join(out["text"])
            before = prev["text"] if isinstance(prev["text"], str) else "".join(prev["text"])
            prev["text"] = before + text
            continue
        joined.append(out)
    return joined


def clean(nb: dict) -> dict:
    """Drop the metadata that varies between runs."""
    nb.get("metadata", {}).pop("widgets", None)
    nb["metadata"]["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    lang = nb["metadata"].get("language_info")
    if lang:
        nb["metadata"]["language_info"] = {"name": lang.get("name", "python"), "file_extension": ".py", "mimetype": "text/x-python", "pygments_lexer": "ipython3"}
    for cell in nb["cells"]:
        if cell.get("outputs"):
            cell["outputs"] = coalesce_streams(cell["outputs"])
        meta = cell.get("metadata", {})
        meta.pop("execution", None)
        meta.pop("collapsed", None)
        meta.pop("scrolled", None)
        for out in cell.get("outputs", []):
            out.get("metadata", {}).pop("execution", None)
            # A widget's view carries a random model id; nbval does not compare
            # it, but it would still make every run a diff.
            data = out.get("data", {})
            if "application/vnd.jupyter.widget-view+json" in data:
                data["application/vnd.jupyter.widget-view+json"]["model_id"] = ""
    return nb


def execute(path: Path, timeout: int = 300) -> float:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
        # Quiet the kernel's own start-up log (e.g. its note about local TCP).
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    start = time.perf_counter()
    client.execute()
    elapsed = time.perf_counter() - start
    as_dict = clean(nbformat.from_dict(nb))
    write(as_dict, path)
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--timeout", type=int, default=300, help="seconds per cell")
    args = parser.parse_args(argv)
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    failed = 0
    for path in args.notebooks:
        if not path.exists():
            continue
        try:
            seconds = execute(path, args.timeout)
        except Exception as exc:  # report every notebook, then fail
            failed += 1
            print(f"FAILED  {path}: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
            continue
        issues = problems(path)
        status = "ok    " if not issues else "CHECK "
        print(f"{status}  {path}  ({seconds:.1f} s)")
        for issue in issues:
            print(f"        - {issue}")
        failed += bool(issues)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
