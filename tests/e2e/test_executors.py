"""Every engine gives the same briefing: one process, a pool of processes, a Dask cluster.

Reading and extraction are pure per file and per article, so where they run must not change
a byte of any output. The articles are 40 of the shared oil-spill collection (more than
``engine.PARALLEL_FROM``, so the pool and the cluster really are used); the Dask test runs a
local cluster of two workers and skips, saying why, where the ``dask`` extra is missing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.engine import PARALLEL_FROM, open_engine, parse_executor
from tests.conftest import SHARED

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

COLLECTION = SHARED / "data" / "tls" / "bpoil_bbc" / "articles"
FORMATS = "pdf,docx,json,md,csv,timelinejs,sources"


def _project(root: Path, name: str) -> Path:
    if not COLLECTION.is_dir():
        pytest.skip(f"the shared news collections are not at {COLLECTION}")
    project = root / name
    (project / "articles").mkdir(parents=True)
    for path in sorted(COLLECTION.glob("*.md"))[:40]:
        shutil.copy(path, project / "articles" / path.name)
    return project


def _build(project: Path, *flags: str) -> dict[str, bytes]:
    """A cold build (no timeline file, cache or outputs) in ``project``; its files."""
    out = project / "out"
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(project / ".briefing-cache", ignore_errors=True)
    (project / "timeline.yaml").unlink(missing_ok=True)
    code = main(["-q", "build", "--inputs", str(project), "--out", str(out), "--format", FORMATS,
                 *flags])  # fmt: skip
    assert code in (0, 1)
    files = {path.name: path.read_bytes() for path in sorted(out.iterdir())}
    files["timeline.yaml"] = (project / "timeline.yaml").read_bytes()
    return files


def _assert_same(found: dict[str, bytes], expected: dict[str, bytes]) -> None:
    """The same files, byte for byte."""
    assert sorted(found) == sorted(expected)
    for name, data in expected.items():
        assert found[name] == data, name


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One project folder for every engine: the outputs name the articles' paths."""
    return _project(tmp_path_factory.mktemp("engines"), "p")


@pytest.fixture(scope="module")
def one_process(project: Path) -> dict[str, bytes]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        return _build(project, "--jobs", "1")


def test_a_pool_of_processes_gives_the_same_outputs(
    one_process: dict[str, bytes], project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    _assert_same(_build(project, "--jobs", "2", "--executor", "process"), one_process)


def test_a_local_dask_cluster_gives_the_same_outputs(
    one_process: dict[str, bytes], project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("dask.distributed", reason='the dask extra: pip install "briefing[dask]"')
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    _assert_same(_build(project, "--jobs", "2", "--executor", "dask"), one_process)


def test_an_existing_dask_scheduler_gives_the_same_outputs(
    one_process: dict[str, bytes], project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--executor dask://HOST:PORT``: a scheduler someone else started, on 127.0.0.1."""
    distributed = pytest.importorskip(
        "dask.distributed", reason='the dask extra: pip install "briefing[dask]"'
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        address = cluster.scheduler_address.replace("tcp://", "dask://")
        on_dask = _build(project, "--jobs", "2", "--executor", address)
    _assert_same(on_dask, one_process)


def test_the_dask_engine_maps_in_order_on_its_workers() -> None:
    pytest.importorskip("dask.distributed", reason='the dask extra: pip install "briefing[dask]"')
    items = list(range(PARALLEL_FROM * 3))
    with open_engine("dask", jobs=2) as engine:
        assert list(engine.map(abs, [-i for i in items])) == items


def test_executor_names() -> None:
    assert parse_executor("dask://127.0.0.1:8786") == "dask://127.0.0.1:8786"
    assert parse_executor("process") == "process"
    with pytest.raises(ValueError, match="choose from"):
        parse_executor("spark")


def test_an_unknown_executor_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["build", "--executor", "spark"])
    assert stopped.value.code == 2
    assert "choose from" in capsys.readouterr().err
