"""The benchmarks' CPU figure counts the whole process tree, not only what gets reaped."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest

from benchmarks import proctree

# The child starts a grandchild that burns 0.3 s of CPU and never reaps it: the child's
# rusage, and so the one its parent gets, would not include that time.
CHILD = textwrap.dedent(
    """
    import os, sys, time
    burn = "import time\\nt = time.process_time()\\nwhile time.process_time() - t < 0.3: pass"
    pid = os.spawnv(os.P_NOWAIT, sys.executable, [sys.executable, "-c", burn])
    while open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0] != "Z":
        time.sleep(0.01)
    time.sleep(0.2)  # a few samples of the finished grandchild before the tree goes
    print("done", file=sys.stderr)
    sys.exit(3)
    """
)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_cpu_of_children_that_are_never_reaped_is_counted(tmp_path: Path) -> None:
    result = proctree.run([sys.executable, "-c", CHILD], cwd=tmp_path, env=os.environ)
    assert result.returncode == 3
    assert result.stderr.strip() == "done"
    assert result.cpu >= 0.3
