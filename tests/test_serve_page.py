"""The page's own files keep to the rules that make hostile text inert and the CSP enforceable:
no HTML parsing of strings in the scripts, no inline script, style or handler in the HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from thucydides.serve.app import STATIC_DIR

SCRIPTS = sorted((STATIC_DIR / "js").glob("*.js"))
PAGES = sorted(STATIC_DIR.glob("*.html"))
# ways a string becomes markup or code in a browser
FORBIDDEN_JS = re.compile(
    r"\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|\beval\s*\(|new\s+Function\b|"
    r"setAttribute\(\s*[\"']on|createContextualFragment|DOMParser"
)


def test_there_are_scripts_and_pages_to_check():
    assert len(SCRIPTS) >= 8 and {page.name for page in PAGES} == {"index.html", "docs.html"}


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_scripts_never_parse_strings_as_html_or_code(script: Path):
    for number, line in enumerate(script.read_text(encoding="utf-8").splitlines(), 1):
        code = line.split("//", 1)[0]  # a comment may name what it avoids
        assert not FORBIDDEN_JS.search(code), f"{script.name}:{number}: {line.strip()}"


@pytest.mark.parametrize("page", PAGES, ids=lambda path: path.name)
def test_pages_have_no_inline_script_style_or_handlers(page: Path):
    html = page.read_text(encoding="utf-8")
    for match in re.finditer(r"<script\b([^>]*)>(.*?)</script>", html, re.S):
        assert "src=" in match.group(1) and not match.group(2).strip(), match.group(0)
    assert not re.search(r"<style\b", html)
    assert not re.search(r"\sstyle\s*=", html)
    assert not re.search(r"\son[a-z]+\s*=", html, re.I)


def test_every_acled_event_type_of_the_rules_has_a_colour():
    from thucydides.reconcile.rules import merge_rules

    colors = json.loads((STATIC_DIR / "data" / "colors.json").read_text(encoding="utf-8"))
    types = set(merge_rules().event_type_of.values())
    assert set(colors["event_types"]) == types and len(types) == 6
    assert all(re.fullmatch(r"#[0-9a-f]{6}", color) for color in colors["event_types"].values())
    assert set(colors["control_states"]) == {"controlled", "contested", "unknown"}


def test_web_dependencies_are_pinned_and_install_no_scripts():
    web = STATIC_DIR.parents[2] / "web"
    package = json.loads((web / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((web / "package-lock.json").read_text(encoding="utf-8"))
    for name, version in package["dependencies"].items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name} is not pinned exactly"
        entry = lock["packages"][f"node_modules/{name}"]
        assert entry["version"] == version and entry["integrity"].startswith("sha512-")
    assert "ignore-scripts=true" in (web / ".npmrc").read_text(encoding="utf-8")
