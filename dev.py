"""Set-up and entry point for a fresh machine: `python3 dev.py run` or `python3 dev.py test`.

Creates .venv on first use, installs the pinned dependencies (again only when a lock file
changes), then runs the bot (`bot.py`, extra arguments passed on) or the tests (pytest).
Needs only Python 3.11+ and pip.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCKS = (ROOT / "requirements.lock", ROOT / "requirements-dev.lock")
STAMP = VENV / ".mina-locks"


def venv_python() -> Path:
    """The virtual environment's interpreter."""
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_environment() -> Path:
    """Create the virtual environment and install the locked dependencies when needed."""
    if not venv_python().exists():
        print("dev.py: creating .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in LOCKS)).hexdigest()
    if not STAMP.exists() or STAMP.read_text() != digest:
        print("dev.py: installing pinned dependencies …", flush=True)
        subprocess.run(
            [str(venv_python()), "-m", "pip", "install", "--quiet", "--require-hashes",
             "-r", str(LOCKS[1])],
            check=True,
        )
        STAMP.write_text(digest)
    return venv_python()


def main(argv: list[str]) -> int:
    """`run [bot.py args…]` or `test [pytest args…]`."""
    if not argv or argv[0] not in {"run", "test", "setup"}:
        print(__doc__)
        return 2
    python = ensure_environment()
    command, rest = argv[0], argv[1:]
    if command == "setup":
        return 0
    if command == "run":
        args = [str(python), str(ROOT / "bot.py"), *rest]
    else:
        args = [str(python), "-m", "pytest", *rest]
    os.chdir(ROOT)
    if os.name == "posix":  # become the bot (or pytest): Ctrl-C and the exit code are its own
        os.execv(args[0], args)
    return subprocess.call(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
