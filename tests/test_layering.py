"""The project's modules depend one way: content ← discovery ← views and templates.

Every import in the project's own code is read (module level and inside functions), and the
graph between modules must have no cycle; the content layer must not import discovery or views.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["pluginnovation", "research", "casestudies", "methods"]
CONTENT = (
    "pluginnovation.content",
    "pluginnovation.taxonomy",
    "research",
    "casestudies",
    "methods",
)
ABOVE_CONTENT = (
    "pluginnovation.discovery",
    "pluginnovation.search",
    "pluginnovation.seo",
    "pluginnovation.printing",
    "pluginnovation.assessment",
    "pluginnovation.saved",
    "pluginnovation.audiences",
    "pluginnovation.places",
    "pluginnovation.projects",
    "pluginnovation.news",
    "pluginnovation.alerts",
    "pluginnovation.submissions",
    "pluginnovation.delivery",
    "pluginnovation.api",
    "pluginnovation.opendata",
    "pluginnovation.archive",
    "pluginnovation.backup",
)


def module_name(path):
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_imports():
    graph = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            name = module_name(path)
            imported = set()
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    imported.add(node.module)
                elif isinstance(node, ast.Import):
                    imported.update(alias.name for alias in node.names)
            graph[name] = {m for m in imported if m.split(".")[0] in PACKAGES}
    return graph


def resolve(module, graph):
    """An imported name as a module of the graph ("a.b.c" may be a name in module "a.b")."""
    while module and module not in graph:
        module = module.rpartition(".")[0]
    return module


def test_no_module_imports_itself_through_others():
    graph = project_imports()
    edges = {m: {resolve(i, graph) for i in imports} - {m, ""} for m, imports in graph.items()}
    state = {}

    def visit(module, trail):
        state[module] = "open"
        for target in edges.get(module, ()):
            if state.get(target) == "open":
                cycle = trail[trail.index(target) :] + [target]
                raise AssertionError("import cycle: " + " → ".join(cycle))
            if target not in state:
                visit(target, trail + [target])
        state[module] = "done"

    for module in edges:
        if module not in state:
            visit(module, [module])


def test_the_content_layer_imports_nothing_above_it():
    graph = project_imports()
    for module, imports in graph.items():
        if module.startswith(CONTENT):
            upward = [m for m in imports if m.startswith(ABOVE_CONTENT)]
            assert not upward, f"{module} imports {upward}"
