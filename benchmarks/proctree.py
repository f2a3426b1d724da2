"""CPU seconds of a command's whole process tree (main process, fork server, pool workers).

``resource.getrusage(RUSAGE_CHILDREN)`` counts only what is reaped up to the command's main
process (about half of a ``briefing build``: the fork server and its workers are missing), so
the tree is sampled from ``/proc`` (Linux) every 50 ms: each process's own user + system time,
the last value seen per process. The main process is read once more after it exits and before
it is reaped, so its figure is exact; a descendant loses at most its last 50 ms, usually idle
time on its way out.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

_TICK = os.sysconf("SC_CLK_TCK")


@dataclasses.dataclass(frozen=True, slots=True)
class Run:
    """How a measured command ended and what it cost."""

    returncode: int
    stderr: str
    wall: float
    """Seconds from start to exit."""
    cpu: float
    """User + system seconds of every process of the tree."""


def _processes() -> dict[int, tuple[int, tuple[int, int], int]]:
    """pid -> (parent pid, (pid, start time) as a unique key, user + system ticks)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # the process ended meanwhile
        pid = int(entry.name)
        found[pid] = (int(fields[1]), (pid, int(fields[19])), int(fields[11]) + int(fields[12]))
    return found


def _sample(root: int, ticks: dict[tuple[int, int], int]) -> None:
    """Record the CPU ticks of ``root`` and its descendants into ``ticks``."""
    processes = _processes()
    children: dict[int, list[int]] = {}
    for pid, (parent, _, _) in processes.items():
        children.setdefault(parent, []).append(pid)
    todo = [root]
    while todo:
        pid = todo.pop()
        if pid in processes:
            _, key, used = processes[pid]
            ticks[key] = max(used, ticks.get(key, 0))
            todo.extend(children.get(pid, []))


def run(command: Sequence[str], *, cwd: Path, env: Mapping[str, str]) -> Run:
    """Run ``command`` to the end; its exit code, standard error, wall and CPU seconds."""
    ticks: dict[tuple[int, int], int] = {}
    with tempfile.TemporaryFile() as errors:
        began = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=dict(env), stdout=subprocess.DEVNULL, stderr=errors
        )
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.05):
                _sample(process.pid, ticks)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOWAIT)  # exited, not yet reaped
        wall = time.perf_counter() - began
        done.set()
        sampler.join()
        _sample(process.pid, ticks)  # the main process's final figure
        returncode = process.wait()
        errors.seek(0)
        stderr = errors.read().decode("utf-8", errors="replace")
    return Run(returncode=returncode, stderr=stderr, wall=wall, cpu=sum(ticks.values()) / _TICK)


def tree_rss(root: int) -> int:
    """Resident set of a process and all its descendants, in bytes (Linux ``/proc``)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            statm = (entry / "statm").read_text()
        except OSError:
            continue  # the process ended meanwhile
        pid, parent = int(entry.name), int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(pid)
        rss[pid] = int(statm.split()[1]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total
