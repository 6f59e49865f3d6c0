"""Set-up and entry point for a fresh machine: `python3 dev.py run` or `python3 dev.py test`.

Creates .venv on first use and installs the pinned dependencies: `run` the runtime lock
(requirements.lock), `test` the development lock (requirements-dev.lock) on top, `setup` both;
each lock again only when it changes. Then runs the bot (`bot.py`, extra arguments passed on)
or the tests (pytest). Needs only Python 3.11+ and pip.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
RUNTIME_LOCK = ROOT / "requirements.lock"
DEV_LOCK = ROOT / "requirements-dev.lock"
LOCKS = {"run": (RUNTIME_LOCK,), "test": (RUNTIME_LOCK, DEV_LOCK),
         "setup": (RUNTIME_LOCK, DEV_LOCK)}
# The pip a new .venv gets with Python 3.11.7 (23.2.1) spends 24 s on the runtime lock, most of
# it reading the package index; this one 15 s, with its own install counted.
PIP = "pip==26.3 --hash=sha256:f3b60b20ffaadd4415ed7957212a38ac63fa4c5fa375bd0f4a797777940fad13"


def venv_python() -> Path:
    """The virtual environment's interpreter."""
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def stamp_for(lock: Path) -> Path:
    """Where the digest of the last installed copy of `lock` is kept."""
    return VENV / f".mina-{lock.name}.sha256"


def pinned(lock: Path) -> int:
    """How many packages a lock file pins."""
    return sum(1 for line in lock.read_text().splitlines() if "==" in line and line[:1].isalnum())


def package_named(line: str) -> str | None:
    """The `name==version` a line of pip's output starts on, if it starts on one."""
    if line.startswith("Collecting "):
        return line.split()[1]
    if line.startswith("Requirement already satisfied: "):
        return line.split()[3]
    if line.startswith("Processing ") and line.split()[1].endswith(".whl"):
        name, version = Path(line.split()[1]).name.split("-")[:2]
        return f"{name}=={version}"
    return None


def install(lock: Path) -> None:
    """pip-install one lock, a line per package instead of pip's full output."""
    total, done, started = pinned(lock), 0, time.monotonic()
    print(f"dev.py: installing {lock.name} ({total} packages) …", flush=True)
    command = [str(venv_python()), "-m", "pip", "install", "--require-hashes", "--no-input",
               "--disable-pip-version-check", "--progress-bar", "off", "-r", str(lock)]
    seen: list[str] = []
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, bufsize=1) as pip:
        for line in pip.stdout:
            seen.append(line)
            name = package_named(line)
            if name:
                done += 1
                print(f"  [{done}/{total}] {name}", flush=True)
            elif line.startswith("Installing collected packages"):
                print("  unpacking and installing …", flush=True)
    if pip.returncode:
        sys.stdout.write("".join(seen[-30:]))
        raise SystemExit(f"dev.py: pip could not install {lock.name} (exit {pip.returncode})")
    print(f"dev.py: {lock.name} installed in {time.monotonic() - started:.0f} s", flush=True)


def upgrade_pip() -> None:
    """Replace the new .venv's pip by the pinned, faster one."""
    pinned_pip = VENV / ".mina-pip.txt"
    pinned_pip.write_text(PIP + "\n")
    done = subprocess.run([str(venv_python()), "-m", "pip", "install", "--require-hashes",
                           "--no-input", "--disable-pip-version-check", "--quiet",
                           "-r", str(pinned_pip)], capture_output=True, text=True)
    if done.returncode:
        sys.stdout.write(done.stdout[-3000:] + done.stderr[-3000:])
        raise SystemExit(f"dev.py: pip could not install {PIP.split()[0]} (exit {done.returncode})")


def ensure_environment(command: str) -> Path:
    """Create the virtual environment and install the locks `command` needs, when changed."""
    if not venv_python().exists():
        print("dev.py: creating .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
        upgrade_pip()
    for lock in LOCKS[command]:
        digest = hashlib.sha256(lock.read_bytes()).hexdigest()
        stamp = stamp_for(lock)
        if not stamp.exists() or stamp.read_text() != digest:
            install(lock)
            stamp.write_text(digest)
    return venv_python()


def in_parallel(args: list[str]) -> list[str]:
    """pytest-xdist's workers unless the arguments choose (`-n 0` for one process): one per
    core and one more, for the end-to-end tests' waits on sockets. On 2 cores, 3 workers took
    240 s where 2 took 272 s and 4 took 265 s with a fifth more CPU (each worker also collects
    every test, 6 s). Tests are handed out one at a time: in chunks, the first worker took every
    slow test (they are sorted first) and ended a minute after the others."""
    if any(a.startswith(("-n", "--numprocesses", "--dist")) for a in args):
        return []
    return ["-n", str((os.cpu_count() or 1) + 1), "--maxschedchunk", "1"]


def main(argv: list[str]) -> int:
    """`run [bot.py args…]`, `test [pytest args…]` or `setup`."""
    if not argv or argv[0] not in LOCKS:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    python = ensure_environment(command)
    if command == "setup":
        return 0
    if command == "run":
        args = [str(python), str(ROOT / "bot.py"), *rest]
    else:
        args = [str(python), "-m", "pytest", *in_parallel(rest), *rest]
    os.chdir(ROOT)
    if os.name == "posix":  # become the bot (or pytest): Ctrl-C and the exit code are its own
        os.execv(args[0], args)
    return subprocess.call(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
