"""The atheris fuzz targets run, for a bounded number of inputs, without a crash.

Each target runs in its own process (libFuzzer owns the process and exits when done) with a
fixed seed, a cap on runs and on time, and a per-input timeout that turns a hang into a
failure. A crash leaves its input in the test's temporary folder and its traceback in the
failure message. Long campaigns: see docs/reliability.md.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FUZZ = ROOT / "fuzz"

pytestmark = pytest.mark.slow


def _run_target(name: str, tmp_path: Path, *, runs: int, seconds: int, per_input: int) -> tuple[int, str]:
    command = [
        sys.executable,
        str(FUZZ / name),
        f"-runs={runs}",
        f"-max_total_time={seconds}",
        f"-timeout={per_input}",
        "-seed=1",
        "-rss_limit_mb=4096",
        f"-artifact_prefix={tmp_path}/",
    ]
    # atheris prints a crash's traceback on stdout, libFuzzer its report on stderr: keep both
    done = subprocess.run(
        command, cwd=tmp_path, env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=seconds + 90
    )
    return done.returncode, done.stdout


def _env(tmp_path: Path) -> dict[str, str]:
    # libFuzzer ends the process without Python's exit handlers: the target's temporary folders
    # go under the test's own folder, which pytest cleans
    return {**os.environ, "TMPDIR": str(tmp_path)}


def _runs_done(output: str) -> int:
    match = re.search(r"Done (\d+) runs", output)
    return int(match.group(1)) if match else 0


@pytest.mark.timeout(150)
def test_readers_target_runs_clean(tmp_path):
    code, output = _run_target("fuzz_readers.py", tmp_path, runs=3000, seconds=20, per_input=10)
    assert code == 0, output[-4000:]
    assert _runs_done(output) >= 200, output[-2000:]  # it fuzzed, it did not just start
    assert not list(tmp_path.glob("crash-*")) and not list(tmp_path.glob("timeout-*"))


@pytest.mark.timeout(180)
def test_extract_target_runs_clean(tmp_path):
    code, output = _run_target("fuzz_extract.py", tmp_path, runs=250, seconds=25, per_input=20)
    assert code == 0, output[-4000:]
    assert _runs_done(output) >= 30, output[-2000:]
    assert not list(tmp_path.glob("crash-*")) and not list(tmp_path.glob("timeout-*"))


def test_a_broken_invariant_is_reported_as_a_crash(tmp_path):
    """The harness can fail: with a check planted to fail once the seeds have run, the target
    exits non-zero and leaves the failing input as a crash file."""
    script = tmp_path / "planted.py"
    script.write_text(
        "import itertools, runpy, sys\n"
        f"sys.path.insert(0, {str(FUZZ)!r})\n"
        "import invariants\n"
        "calls = itertools.count()\n"
        "def planted(items, source):\n"
        "    if next(calls) >= 6:  # after the six seeds of the warm-up\n"
        "        raise AssertionError('planted failure')\n"
        "invariants.check_reader_items = planted\n"
        f"sys.argv[0] = {str(FUZZ / 'fuzz_readers.py')!r}\n"
        f"runpy.run_path({str(FUZZ / 'fuzz_readers.py')!r}, run_name='__main__')\n"
    )
    command = [sys.executable, str(script), "-runs=50", "-seed=1", f"-artifact_prefix={tmp_path}/"]
    done = subprocess.run(command, cwd=tmp_path, env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=90)
    assert done.returncode != 0 and "AssertionError: planted failure" in done.stdout
    assert list(tmp_path.glob("crash-*"))
