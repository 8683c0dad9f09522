"""scripts/eval_dev.py: the one table of the shared scorer's development figures (issue 16)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def _load():
    spec = importlib.util.spec_from_file_location("eval_dev", SCRIPTS / "eval_dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _family(p: float, r: float, gold: int, n_sys: int) -> dict:
    return {"P": p, "R": r, "F1": 0.0, "gold": gold, "sys": n_sys}


def test_family_pools_the_three_ties_from_their_counts() -> None:
    dev = _load()
    m = {"spouse": _family(50.0, 10.0, 100, 10), "sibling": _family(100.0, 20.0, 50, 10),
         "parent": _family(0.0, 0.0, 50, 0), "employer": _family(10.0, 90.0, 1000, 900)}
    rows = dict(((s, k), v) for s, k, v in dev.rows_of("redocred-dev", m))
    # 5 + 10 right of 20 system ties; 10 + 10 found of 200 gold; employer is not a family tie
    assert rows[("redocred-dev", "family precision")] == 75.0
    assert rows[("redocred-dev", "family recall")] == 10.0
    assert dev.pooled(m, ("parent",)) == (0.0, 0.0)


def test_timebank_rows_take_the_te3_convention_first() -> None:
    dev = _load()
    prf = {"P": 1.0, "R": 2.0, "F1": 3.0}
    m = {"te3_original_value_F1": 78.1, "te3_original_relaxed": dict(prf, F1=93.3), "value_F1": 77.6,
         "relaxed": dict(prf, F1=92.7), "strict": prf}
    rows = dev.rows_of("timebank", m)
    assert [v for _, _, v in rows[:2]] == [78.1, 93.3]
    assert rows[0][1].startswith("value F1 (TE3")


def test_skips_cleanly_without_the_shared_scorer(tmp_path: Path) -> None:
    env = {"DOSSIER_SHARED": str(tmp_path / "absent"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, str(SCRIPTS / "eval_dev.py")], capture_output=True, text=True, env=env)
    assert done.returncode == 0
    assert "skipped" in done.stdout
