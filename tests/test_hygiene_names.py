"""Every name a function reads is defined: in it, around it, in its module or in builtins.

The pipeline logs an error inside one article's analysis and goes on ("skipped after an error in
analysis"), which is right for bad input but hides a NameError in our own code from everything
but the scorers. Python's own symbol tables find such names without running the code.
"""

from __future__ import annotations

import builtins
import symtable
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "thucydides"
_MODULE_DUNDERS = {"__file__", "__name__", "__doc__", "__spec__", "__path__", "__loader__", "__package__", "__annotations__"}


def undefined_names(source: str, filename: str) -> list[str]:
    """ "file:line function: name" for each global name a nested scope reads that the module
    never binds, imports or gets from builtins."""
    module = symtable.symtable(source, filename, "exec")
    known = {s.get_name() for s in module.get_symbols() if s.is_assigned() or s.is_imported() or s.is_namespace()}
    known |= set(dir(builtins)) | _MODULE_DUNDERS
    missing: list[str] = []

    def walk(table: symtable.SymbolTable) -> None:
        for child in table.get_children():
            for symbol in child.get_symbols():
                # (is_global alone is also true of a local that shares a module-level name)
                if symbol.is_referenced() and symbol.is_global() and not symbol.is_local() and symbol.get_name() not in known:
                    missing.append(f"{filename}:{child.get_lineno()} {child.get_name()}: {symbol.get_name()}")
            walk(child)

    walk(module)
    return missing


def test_the_check_finds_a_name_defined_in_another_function():
    source = (
        "def first(doc):\n"
        "    return doc\n"
        "\n"
        "def second(tokens):\n"
        "    return [doc[t] for t in tokens]\n"
    )
    assert undefined_names(source, "example.py") == ["example.py:5 listcomp: doc"]


def test_the_check_knows_imports_module_names_builtins_and_enclosing_scopes():
    source = (
        "import re\n"
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from spacy.tokens import Doc\n"
        "LIMIT = 3\n"
        "def outer(text: Doc) -> int:\n"
        "    words = re.findall(r'\\w+', str(text))\n"
        "    def inner(word):\n"
        "        return len(word) > LIMIT and word in words\n"
        "    return sum(1 for w in words if inner(w))\n"
    )
    assert undefined_names(source, "example.py") == []


def test_no_function_of_the_package_reads_an_undefined_name():
    missing = [line for path in sorted(PACKAGE.rglob("*.py")) for line in undefined_names(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE.parent)))]
    assert missing == []
