"""Each public class and function of the package has one name: two `Mention`s or two
`find_persons` in different modules make a reader (and an import) guess which is meant."""
from __future__ import annotations

import ast
from pathlib import Path

import kg

PACKAGE_ROOT = Path(kg.__file__).resolve().parent


def public_definitions() -> dict[str, list[str]]:
    """Name -> the modules defining a public class or function of that name at top level."""
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE_ROOT.rglob("*.py")):
        module = ".".join(path.relative_to(PACKAGE_ROOT.parent).with_suffix("").parts)
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) \
                    and not node.name.startswith("_"):
                found.setdefault(node.name, []).append(module)
    return found


def test_no_two_modules_define_the_same_public_name():
    twice = {name: modules for name, modules in public_definitions().items()
             if len(modules) > 1}
    assert twice == {}


def test_a_plural_abstract_noun_ends_a_post_and_opens_no_name():
    """"Asst. Secretary for Strategic Assessments Henry A. Robinson Jr.": "Assessments" ends the post; the name
    is Henry A. Robinson Jr."""
    from kg.extract import extract
    from kg.model import Article

    text = ("MANILA - DND Asst. Secretary for Strategic Assessments Henry A. Robinson Jr. met Japanese Vice Minister "
            "of Defense Kenji Sato on Tuesday.")
    names = {p.name for p in extract(Article(id="t", text=text, date="2025-02-25")).persons}
    assert "Henry A. Robinson Jr" in {n.rstrip(".") for n in names}
    assert not any(n.startswith("Assessments") for n in names)
