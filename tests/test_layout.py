"""The layout shows the stages: every module imports alone, the imports between our modules form no
circle, and each stage imports only the stages before it (the language no report, no file reading)."""
import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "ledgerlint"
MODULES = sorted(".".join(("ledgerlint",) + p.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__")
                 for p in SRC.rglob("*.py") if p.name != "__main__.py")
# each stage and what it may import besides itself and the foundation at the package's root
STAGES = {
    "language": set(),
    "rulesets": {"language"},
    "documents": {"language", "rulesets"},
    "checking": {"language", "rulesets", "documents"},
    "reports": {"language", "rulesets", "documents", "checking"},
    "serve": {"language", "rulesets", "documents", "checking", "reports"},
}
FOUNDATION = {"ledgerlint.errors", "ledgerlint.messages", "ledgerlint.version", "ledgerlint.limits",
              "ledgerlint.inputs", "ledgerlint.paths", "ledgerlint.decimaljson", "ledgerlint.writing"}


def imports_of(module: str) -> set[str]:
    """The modules of ledgerlint that `module` imports, at its top or inside a function."""
    path = SRC.joinpath(*module.split(".")[1:])
    path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("ledgerlint"):
            assert node.level == 0, f"{module}: a relative import"
            for alias in node.names:
                name = f"{node.module}.{alias.name}"
                found.add(name if name in MODULES else node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("ledgerlint"))
    return {m for m in found if m in MODULES and m != module}


def stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) >= 2 and parts[1] in STAGES else None


@pytest.mark.parametrize("module", MODULES)
def test_each_module_imports_alone_in_a_fresh_interpreter(module):
    result = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_no_circle_among_the_modules():
    graph = {m: imports_of(m) for m in MODULES}
    state: dict[str, int] = {}

    def visit(node, trail):
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                circle = trail[trail.index(nxt):] + [nxt] if nxt in trail else [node, nxt]
                pytest.fail("import circle: " + " → ".join(circle))
            if not state.get(nxt):
                visit(nxt, trail + [nxt])
        state[node] = 2
    for module in MODULES:
        if not state.get(module):
            visit(module, [module])


def test_each_stage_imports_only_the_stages_before_it():
    wrong = []
    for module in MODULES:
        own = stage(module)
        for target in imports_of(module):
            other = stage(target)
            if own is None or other is None or other == own:
                if own is not None and other is None and target not in FOUNDATION and target != "ledgerlint":
                    wrong.append(f"{module} → {target}")
                continue
            if other not in STAGES[own]:
                wrong.append(f"{module} → {target}")
    assert wrong == []


def test_every_package_folder_is_installed():
    """A package left out of pyproject's list works in a checkout and is missing from the wheel."""
    import tomllib
    listed = set(tomllib.loads((SRC.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
                 ["tool"]["setuptools"]["packages"])
    folders = {".".join(("ledgerlint",) + p.parent.relative_to(SRC).parts).removesuffix(".")
               for p in SRC.rglob("__init__.py")}
    assert folders - listed == set()


def test_no_error_message_repeats_the_place_it_is_given():
    """An error raised with file= is shown as "file:line: message": a message that names {file} itself
    would show the placeholder (LedgerlintError keeps the file for the place, not for the text)."""
    from ledgerlint.messages import CATALOG
    wrong = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")).endswith("Error")
                    and node.args and isinstance(node.args[0], ast.Constant) and node.args[0].value in CATALOG
                    and any(k.arg == "file" for k in node.keywords)):
                if any("{file}" in text for text in CATALOG[node.args[0].value].values()):
                    wrong.append(f"{path.name}:{node.lineno} {node.args[0].value}")
    assert wrong == []
