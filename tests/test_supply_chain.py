"""Supply chain: what is installed is exactly what requirements.lock pins, each by hash."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from packaging.utils import canonicalize_name

LOCK = Path(__file__).resolve().parent.parent / "requirements.lock"
# pip itself and the project under test are the only distributions the lock does not name
NOT_LOCKED = {"pip", "thucydides"}


def _locked() -> dict[str, str]:
    pins: dict[str, str] = {}
    for block in re.split(r"\n(?=\S)", LOCK.read_text(encoding="utf-8")):
        match = re.match(r"([A-Za-z0-9_.\-]+)==([^\s\\;]+)", block)
        if match:
            assert "--hash=sha256:" in block, f"{match.group(1)} is pinned without a hash"
            pins[canonicalize_name(match.group(1))] = match.group(2)
    return pins


def test_every_pin_has_a_hash_and_the_lock_is_not_empty():
    assert len(_locked()) > 50


def test_installed_set_matches_the_lock():
    locked = _locked()
    installed = {canonicalize_name(d.metadata["Name"]): d.version for d in metadata.distributions()}
    wrong = {name: (installed.get(name), version) for name, version in locked.items() if installed.get(name) != version}
    extra = sorted(set(installed) - set(locked) - NOT_LOCKED)
    assert not wrong, f"installed ≠ locked (installed, locked): {wrong} — run `make install`"
    assert not extra, f"installed but not in requirements.lock: {extra} — add them to pyproject.toml and `make lock`, or uninstall"
