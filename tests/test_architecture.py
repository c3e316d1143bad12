"""The arrows of the design run one way (ui -> present -> state -> content -> drawing) and no
module imports itself round a loop, counting imports inside functions too."""

import ast
from pathlib import Path

import viewer

ROOT = Path(viewer.__file__).parent
LAYERS = ["drawing", "content", "state", "present", "ui"]  # each may import only those before it


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("viewer"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("viewer"):
            found.add(node.module)
            # "from viewer.drawing import geometry_cache" imports a module, not a name
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                if (ROOT.parent / candidate.replace(".", "/")).with_suffix(".py").exists():
                    found.add(candidate)
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in ROOT.rglob("*.py")}
    return {name: {m for m in imports_of(path) if m in modules and m != name} for name, path in modules.items()}


def layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def test_layers_point_one_way():
    wrong = []
    for module, targets in graph().items():
        own = layer(module)
        if own is None:
            continue
        for target in targets:
            other = layer(target)
            if other is not None and LAYERS.index(other) > LAYERS.index(own):
                wrong.append(f"{module} imports {target}")
    assert not wrong, wrong


def test_no_import_cycles():
    g = graph()
    # package __init__ files re-export their children; an edge parent -> child is not a cycle
    for name in g:
        g[name] = {t for t in g[name] if not t.startswith(name + ".")}
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(g[node]):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join(stack[stack.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(g):
        if node not in state:
            visit(node)
    assert not cycles, cycles
