"""The layout a newcomer finds their way in: one package per stage, imports one way, modules
that fit in one's head (ARCHITECTURE.md)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
STAGES = ("read", "clean", "extract", "corpus", "briefing", "render", "search", "write")
FLOOR = ("text", "config", "model", "urls", "display", "output_folder", "terminal", "errors")
# What may import what, besides the floor: a stage imports only earlier stages; around them,
# incremental serves the pipeline, and the commands and the preview call the pipeline.
AROUND = {"incremental": set(STAGES), "pipeline": set(STAGES) | {"incremental"},
          "serve": set(STAGES) | {"incremental", "pipeline", "commands"},
          "commands": set(STAGES) | {"incremental", "pipeline"},
          "cli": set(STAGES) | {"incremental", "pipeline", "commands", "serve"}}


def part_of(module: Path) -> str:
    """The package (or top-level module) a file belongs to: "render", "pipeline"…"""
    relative = module.relative_to(GENERATOR)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imported_parts(module: Path) -> set[str]:
    """The generator packages and top-level modules ``module`` imports (relative imports)."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    package = module.relative_to(GENERATOR).parent.parts
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[:len(package) - (node.level - 1)] if node.level > 1 else package
            names = (node.module.split(".") if node.module else [])
            path = list(base) + names
            if path:
                found.add(path[0])
            else:  # "from . import urls" at the top level
                found |= {alias.name for alias in node.names}
    return found - {part_of(module)}


def allowed(part: str) -> set[str]:
    if part in FLOOR or part == "__init__":
        return set(FLOOR)
    if part in STAGES:
        return set(FLOOR) | set(STAGES[:STAGES.index(part)])
    return set(FLOOR) | AROUND[part]


MODULES = sorted(GENERATOR.rglob("*.py"))


@pytest.mark.parametrize("module", MODULES, ids=[m.relative_to(GENERATOR).as_posix() for m in MODULES])
def test_imports_run_one_way(module):
    wrong = imported_parts(module) - allowed(part_of(module))
    assert not wrong, f"{module.relative_to(GENERATOR)} ({part_of(module)}) imports {sorted(wrong)}"


MAX_MODULE_LINES, MAX_FUNCTION_LINES, MAX_LINE = 400, 60, 120


@pytest.mark.parametrize("module", MODULES, ids=[m.relative_to(GENERATOR).as_posix() for m in MODULES])
def test_a_module_fits_in_ones_head(module):
    text = module.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert len(lines) <= MAX_MODULE_LINES + 1, f"{len(lines)} lines: one idea became two?"
    long_lines = [n for n, line in enumerate(lines, 1) if len(line) > MAX_LINE]
    assert not long_lines, f"lines over {MAX_LINE} characters: {long_lines}"
    long_functions = [f"{node.name} ({node.end_lineno - node.lineno + 1} lines)" for node in ast.walk(ast.parse(text))
                      if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
                      and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert not long_functions, f"functions over {MAX_FUNCTION_LINES} lines: {long_functions}"
