"""Start JupyterLab on the course's first notebook (what `make lab` runs).

    python tools/lab.py [--port N] [--] [jupyter lab arguments...]

`make lab PORT=8899 LAB_ARGS='--no-browser --ip=0.0.0.0'` comes here as
``--port 8899 -- --no-browser --ip=0.0.0.0``. A port given in LAB_ARGS
(``--port=8899``, ``--port 8899``, ``--ServerApp.port=8899``) wins over PORT:
JupyterLab refuses a second ``--port``, so only one is passed on. The server
opens ``notebooks/00_start_here.ipynb`` (its default URL), so the address it
prints, with ``--no-browser`` too, opens the start notebook. A port that is
already in use is reported before JupyterLab starts, with what to do.
"""

from __future__ import annotations

import argparse
import os
import shlex
import socket
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START = "notebooks/00_start_here.ipynb"
# The start notebook of each edition; `make lab LANG=zh` opens the Chinese one, and custlearn speaks
# Chinese in every kernel the server starts (CUSTLEARN_LANG, inherited by the kernels).
STARTS = {"en": START, "zh": "zh/notebooks/00_start_here.ipynb"}
DEFAULT_PORT = 8888
PORT_FLAGS = ("--port", "--ServerApp.port", "--NotebookApp.port")


def split_port(args: list[str]) -> tuple[int | None, list[str]]:
    """The port named in JupyterLab arguments (or None) and the arguments without it.

    >>> split_port(["--no-browser", "--port=8899"])
    (8899, ['--no-browser'])
    >>> split_port(["--port", "8899", "--ip=0.0.0.0"])
    (8899, ['--ip=0.0.0.0'])
    >>> split_port(["--ServerApp.port=9000"])
    (9000, [])
    """
    port, rest, i = None, [], 0
    while i < len(args):
        arg = args[i]
        flag, eq, value = arg.partition("=")
        if flag in PORT_FLAGS:
            if not eq:
                value = args[i + 1] if i + 1 < len(args) else ""
                i += 1
            if not value.isdigit():
                raise SystemExit(f"lab: {flag} needs a port number, e.g. {flag}=8899 (got {value!r})")
            port = int(value)
        else:
            rest.append(arg)
        i += 1
    return port, rest


def option(args: list[str], name: str) -> str | None:
    """The value of ``--name=value`` or ``--name value`` in ``args``."""
    for i, arg in enumerate(args):
        if arg.startswith(f"{name}="):
            return arg.split("=", 1)[1]
        if arg == name and i + 1 < len(args):
            return args[i + 1]
    return None


def port_free(port: int, ip: str) -> bool:
    host = "0.0.0.0" if ip in ("", "*", "0.0.0.0") else ip
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def command(port: int, args: list[str], *, root: Path = ROOT, start: str = START) -> list[str]:
    """The jupyter lab command line (one --port, the start notebook as the default URL)."""
    cmd = [str(Path(sys.executable).with_name("jupyter")), "lab", f"--port={port}", "--ServerApp.port_retries=0",
           f"--ServerApp.root_dir={root}", f"--LabApp.default_url=/lab/tree/{start}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0 and "--allow-root" not in args:
        cmd.append("--allow-root")  # containers and CI often run as root; Jupyter refuses unless told
    return cmd + args


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT") or DEFAULT_PORT))
    parser.add_argument("--lang", choices=sorted(STARTS), default="en", help="the edition to open (make lab LANG=zh)")
    parser.add_argument("lab_args", nargs=argparse.REMAINDER, help="arguments for jupyter lab (LAB_ARGS)")
    args = parser.parse_args(argv)
    extra = args.lab_args[1:] if args.lab_args[:1] == ["--"] else args.lab_args
    extra = [a for arg in extra for a in shlex.split(arg)]
    named, extra = split_port(extra)
    port = named or args.port
    ip = option(extra, "--ip") or option(extra, "--ServerApp.ip") or "127.0.0.1"
    if not port_free(port, ip):
        print(f"lab: port {port} is already in use (another JupyterLab?). Start on another port: "
              f"make lab PORT={port + 1}\n     or stop the other server (`.venv/bin/jupyter server list` shows it; "
              f"`.venv/bin/jupyter server stop {port}`).", file=sys.stderr)
        return 1
    where = "127.0.0.1" if ip in ("127.0.0.1", "localhost") else "<this machine's address>"
    start = STARTS[args.lang]
    if args.lang != "en":
        os.environ["CUSTLEARN_LANG"] = args.lang
    print(f"\nStarting JupyterLab on {start}, port {port}.\n"
          f"Open the address it prints below: http://{where}:{port}/lab/tree/{start}?token=...\n"
          f"(with --no-browser too; the token logs you in). Another port: make lab PORT={port + 1}.\n"
          f"On a remote or headless machine: make lab LAB_ARGS='--no-browser --ip=0.0.0.0'.\n"
          f"Stop it with Ctrl-C.\n", flush=True)
    cmd = command(port, extra, start=start)
    os.execv(cmd[0], cmd)
    return 0  # pragma: no cover - execv does not return


if __name__ == "__main__":
    raise SystemExit(main())
