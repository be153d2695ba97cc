"""The project's modules depend one way: content ← discovery ← views and templates.

Every import in the project's own code is read (module level and inside functions, absolute
and relative), and the graph between modules must have no cycle; the content layer must not
import discovery or views, and discovery must not import views.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["pluginnovation", "research", "casestudies", "methods"]
# Below everything: settings and small helpers that import nothing of the project's layers.
BASE = (
    "pluginnovation.settings",
    "pluginnovation.html_format",
    "pluginnovation.cache_backends",
    "pluginnovation.media_storage",
)
CONTENT = (
    "pluginnovation.content",
    "pluginnovation.taxonomy",
    "research",
    "casestudies",
    "methods",
    # The plain information page, which the content apps build on; the rest of home is a view.
    "pluginnovation.home.standard_page",
    # The search synonyms' table, which discovery reads; the rest of search is views.
    "pluginnovation.search.models",
)
DISCOVERY = ("pluginnovation.discovery",)
VIEWS = (
    "pluginnovation.urls",
    "pluginnovation.wsgi",
    "pluginnovation.security",
    "pluginnovation.http_methods",
    "pluginnovation.ratelimit",
    "pluginnovation.password_attempts",
    "pluginnovation.sign_in",
    "pluginnovation.access_log",
    "pluginnovation.home",
    "pluginnovation.editorial",
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


def in_layer(module, layer):
    return any(module == name or module.startswith(name + ".") for name in layer)


def layer_of(module):
    if module == "pluginnovation" or in_layer(module, BASE):
        return "base"
    if in_layer(module, CONTENT):
        return "content"
    if in_layer(module, DISCOVERY):
        return "discovery"
    if in_layer(module, VIEWS):
        return "views"
    return None


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
            package_parts = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
            imported = set()
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.ImportFrom) and node.level:
                    base = package_parts[: len(package_parts) - node.level + 1]
                    module = ".".join(base + ([node.module] if node.module else []))
                    imported.update(
                        [module] if node.module else [f"{module}.{a.name}" for a in node.names]
                    )
                elif isinstance(node, ast.ImportFrom) and node.module:
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


def test_every_module_has_a_layer():
    unplaced = [m for m in project_imports() if layer_of(m) is None]
    assert unplaced == [], "add these to a layer above: " + ", ".join(sorted(unplaced))


@pytest.mark.parametrize(
    ("layer", "above"),
    [
        ("base", {"content", "discovery", "views"}),
        ("content", {"discovery", "views"}),
        ("discovery", {"views"}),
    ],
)
def test_no_layer_imports_one_above_it(layer, above):
    graph = project_imports()
    for module, imports in graph.items():
        if layer_of(module) == layer:
            upward = [m for m in imports if layer_of(resolve(m, graph) or m) in above]
            assert not upward, f"{module} imports {upward}"


def test_relative_imports_are_read():
    """home/demo/loader.py imports its neighbours relatively; they must be in the graph."""
    graph = project_imports()
    loader = graph["pluginnovation.home.demo.loader"]
    assert any(name.startswith("pluginnovation.home.demo.") for name in loader), loader
