"""The Dask recipe on a LocalCluster over the shared corpus: exactly what `factcheck check` finds."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip(
    "dask.bag", reason="the Dask recipe needs the dask extra (pip install '.[dask]')"
)
pytest.importorskip(
    "distributed", reason="the Dask recipe needs the dask extra (pip install '.[dask]')"
)

from distributed import Client, LocalCluster

from checker.archive import check_archive, main, read_releases

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus() -> list[Path]:
    folder = ROOT.parent / "shared" / "corpus" / "releases"
    if not folder.is_dir():
        pytest.skip("../shared is absent (a user's clone has none; CI has it)")
    return sorted(folder.glob("*.txt"))


@pytest.fixture(scope="module")
def expected(corpus: list[Path]) -> list[dict[str, Any]]:
    """The documents of `factcheck check --format json` over the corpus, claims included."""
    command = [sys.executable, "-m", "checker", "check", "--format", "json", "--jobs", "2"]
    proc = subprocess.run([*command, str(corpus[0].parent)], capture_output=True, text=True,
                          cwd=ROOT, timeout=900)  # fmt: skip
    assert proc.returncode in (0, 1), proc.stderr
    documents: list[dict[str, Any]] = json.loads(proc.stdout)["documents"]
    assert [d["path"] for d in documents] == [str(p) for p in corpus]
    return documents


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster) as connected,
    ):
        yield connected


def _records(paths: list[Path]) -> list[dict[str, str]]:
    # The text as factcheck reads a file: UTF-8, a BOM stripped, line ends kept.
    return [{"path": str(p), "text": p.read_bytes().decode("utf-8-sig")} for p in paths]


def test_json_lines_on_a_local_cluster_give_the_findings_of_factcheck_check(
    corpus: list[Path], expected: list[dict[str, Any]], client: Client, tmp_path: Path
) -> None:
    archive = tmp_path / "releases.jsonl"
    archive.write_text("".join(json.dumps(r) + "\n" for r in _records(corpus)), encoding="utf-8")
    releases = read_releases(str(archive), blocksize=256 * 1024)
    assert releases.npartitions > 2  # the work is really spread over the workers
    lines = check_archive(releases, with_claims=True).compute()
    assert [json.loads(line) for line in lines] == expected
    assert sum(len(d["claims"]) for d in expected) > 0  # the corpus has claims to compare


def test_parquet_in_and_json_lines_files_out(
    corpus: list[Path], expected: list[dict[str, Any]], client: Client, tmp_path: Path
) -> None:
    pandas = pytest.importorskip("pandas", reason="Parquet input needs pandas and pyarrow")
    pytest.importorskip("pyarrow", reason="Parquet input needs pyarrow")
    some = corpus[:60]
    frame = pandas.DataFrame(_records(some))
    frame["date"] = None  # a column of empty dates: each release's own date is used
    frame.to_parquet(tmp_path / "releases.parquet")
    out = tmp_path / "findings"
    assert (
        main(
            [
                str(tmp_path / "releases.parquet"),
                "-o",
                str(out),
                "--scheduler",
                client.scheduler.address,
            ]
        )
        == 0
    )
    lines = [
        json.loads(line)
        for part in sorted(out.glob("*.jsonl"))
        for line in part.read_text().splitlines()
    ]
    assert lines == [{**d, "claims": []} for d in expected[: len(some)]]
