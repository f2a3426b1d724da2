"""Where the per-article work runs: in this process, on a pool of processes, or on Dask.

Reading a file and extracting an article are pure functions of their input, so any engine
that maps a function over items in order gives the same results. One engine serves a whole
run (reading first, then extraction, on the same workers), and starts its workers only when
a map is worth it: a rebuild that reads and extracts one new article never starts a pool.

- ``process`` (the default): a ``ProcessPoolExecutor`` of ``jobs`` workers started through a
  fork server (the caller may run threads, and forking a threaded process is unsafe).
- ``dask``: a local ``dask.distributed`` cluster of ``jobs`` single-threaded worker processes.
- ``dask://HOST:PORT`` (or ``tcp://HOST:PORT``): an existing ``dask.distributed`` scheduler.
  Its workers read the article files by their paths, so they must see the project folder
  where this machine does (a shared file system), and run the same version of briefing.

Dask is an optional extra (``pip install "briefing[dask]"``), imported only when asked for.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING, Any, Final, Protocol, TypeVar

from briefing.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from types import TracebackType

__all__ = ["EXECUTORS", "Engine", "open_engine", "parse_executor"]

_A = TypeVar("_A")
_B = TypeVar("_B")

PARALLEL_FROM: Final = 16
"""Fewer items than this are mapped in this process: starting workers would cost more."""

EXECUTORS: Final = ("process", "dask", "dask://HOST:PORT")
"""What ``--executor`` takes."""


class Engine(Protocol):
    """Maps a pure function over items, giving the results in the items' order."""

    def map(self, function: Callable[[_A], _B], items: Sequence[_A]) -> Iterator[_B]:
        """``function`` of each item, in order (lazily, so a caller can show progress)."""
        ...

    def __enter__(self) -> Engine: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None: ...


def parse_executor(text: str) -> str:
    """``text`` checked as an executor name; raises ``ValueError`` with the choices."""
    name = text.strip()
    if name in ("process", "dask") or _address(name):
        return name
    raise ValueError(f"unknown executor {text!r}; choose from {', '.join(EXECUTORS)}")


def _address(name: str) -> str:
    """The scheduler address of ``dask://HOST:PORT`` (as ``tcp://HOST:PORT``), else ""."""
    for scheme in ("dask://", "tcp://", "tls://"):
        if name.startswith(scheme) and len(name) > len(scheme):
            rest = name[len(scheme) :]
            return ("tls://" if scheme == "tls://" else "tcp://") + rest
    return ""


def open_engine(executor: str = "process", *, jobs: int = 1) -> Engine:
    """The engine named by ``executor`` (see the module docstring), to use in a ``with``."""
    if executor == "process":
        return ProcessEngine(jobs)
    if executor == "dask" or _address(executor):
        return DaskEngine(_address(executor), jobs)
    raise InputError(f"unknown executor {executor!r}; choose from {', '.join(EXECUTORS)}")


def _chunk_size(total: int, workers: int) -> int:
    """Chunks big enough to amortise sending them, small enough to balance long and short
    articles."""
    return max(1, total // (max(workers, 1) * 16))


class ProcessEngine:
    """This process for small maps or ``jobs == 1``; else a process pool, started once."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> ProcessEngine:
        return self

    def __exit__(self, *_: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def map(self, function: Callable[[_A], _B], items: Sequence[_A]) -> Iterator[_B]:
        if self.jobs <= 1 or len(items) < PARALLEL_FROM:
            return map(function, items)
        if self._pool is None:
            context = multiprocessing.get_context("forkserver")
            self._pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=context)
        chunk = _chunk_size(len(items), self.jobs)
        return self._pool.map(function, items, chunksize=chunk)


def _apply_all(function: Callable[[Any], Any], items: list[Any]) -> list[Any]:
    """One Dask task: ``function`` over a chunk of items (one task per item costs too much)."""
    return [function(item) for item in items]


class DaskEngine:
    """A ``dask.distributed`` client: a local cluster of ``jobs`` workers, or a scheduler's."""

    def __init__(self, address: str, jobs: int) -> None:
        try:
            # Imported by name: an optional extra, typed as Any whether it is installed or not.
            distributed: Any = importlib.import_module("dask.distributed")
        except ImportError as error:
            raise InputError(
                'the Dask executor needs the dask extra: pip install "briefing[dask]"'
            ) from error
        self._cluster: Any = None
        if address:
            try:
                self._client: Any = distributed.Client(address, timeout="20s")
            except OSError as error:
                raise InputError(
                    f"cannot reach the Dask scheduler at {address} ({error}); start it "
                    "(`dask scheduler`) or check the address"
                ) from error
        else:
            self._cluster = distributed.LocalCluster(
                n_workers=max(jobs, 1),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            self._client = distributed.Client(self._cluster)
        self.workers = max(len(self._client.scheduler_info().get("workers", {})), 1)

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *_: object) -> None:
        # A worker's heartbeat racing the shutdown logs a harmless "stream is closed" with a
        # traceback; the run's work is done by then, so the cluster's loggers are quiet for it.
        quiet = logging.getLogger("distributed")
        level = quiet.level
        quiet.setLevel(logging.CRITICAL)
        try:
            self._client.close()
            if self._cluster is not None:
                self._cluster.close()
        finally:
            quiet.setLevel(level)

    def map(self, function: Callable[[_A], _B], items: Sequence[_A]) -> Iterator[_B]:
        size = _chunk_size(len(items), self.workers)
        chunks = [list(items[i : i + size]) for i in range(0, len(items), size)]
        futures = self._client.map(_apply_all, [function] * len(chunks), chunks, pure=False)
        for future in futures:  # in order: the results of a chunk as soon as it is done
            yield from future.result()
