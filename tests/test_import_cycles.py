"""Feature packages may not import each other in a circle (docs/architecture.md, arrow rules).

Every import is counted, including those inside functions: a deferred import is still an arrow.

KNOWN_CYCLE_ARROWS are the arrows that closed cycles before this test existed (issue 16). Without
them the graph has no cycle; any new cycle fails. Each must still exist and still close a cycle:
when one is removed or closes no cycle any more, take it off the list, so the list only shrinks.
The moderation <-> forum cycle is gone and may not return.
"""

import ast
from pathlib import Path

import portal

ROOT = Path(portal.__file__).parent


KNOWN_CYCLE_ARROWS = {
    ("contributions", "themes"),  # analysis stores suggested themes; themes read contributions
    ("measures", "disagreements"),  # measure reports embed the disagreements view
    ("measures", "insight_summaries"),
    ("measures", "measure_actions"),
    ("safeguarding", "walls"),  # concern pages note reads; walls read concerns
}


def _feature_of(module):
    """'portal.forum.services' -> 'forum'; None for the app's own top-level modules."""
    parts = module.split(".")
    if parts[0] != "portal" or len(parts) < 2 or not (ROOT / parts[1]).is_dir():
        return None
    return parts[1]


def _imported_modules(path):
    package = ".".join(("portal", *path.relative_to(ROOT).with_suffix("").parts))
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: -node.level]
                yield ".".join(base + ([node.module] if node.module else []))
            elif node.module:
                yield node.module


def feature_graph():
    """{feature: {features it imports}} over every module under portal/."""
    graph = {}
    for path in ROOT.rglob("*.py"):
        here = _feature_of(".".join(("portal", *path.relative_to(ROOT).parts)))
        if here is None:
            continue
        arrows = graph.setdefault(here, set())
        for module in _imported_modules(path):
            there = _feature_of(module)
            if there is not None and there != here:
                arrows.add(there)
    return graph


def find_cycle(graph):
    """One cycle as a list of features (first repeated at the end), or None."""
    state = {}

    def visit(node, trail):
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                return trail[trail.index(nxt) :] + [nxt]
            if nxt not in state:
                found = visit(nxt, trail + [nxt])
                if found:
                    return found
        state[node] = "done"
        return None

    for start in sorted(graph):
        if start not in state:
            found = visit(start, [start])
            if found:
                return found
    return None


def test_the_walk_sees_imports_inside_functions():
    graph = feature_graph()
    assert "contributions" in graph["moderation"] and "text" in graph["contributions"]


def test_find_cycle_reports_a_cycle_and_nothing_when_there_is_none():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_no_import_cycle_between_feature_packages():
    graph = {
        here: {there for there in arrows if (here, there) not in KNOWN_CYCLE_ARROWS}
        for here, arrows in feature_graph().items()
    }
    cycle = find_cycle(graph)
    assert cycle is None, "Import cycle between feature packages: " + " -> ".join(cycle)


def test_every_known_cycle_arrow_still_exists():
    graph = feature_graph()
    gone = {(a, b) for a, b in KNOWN_CYCLE_ARROWS if b not in graph.get(a, ())}
    assert not gone, f"Take these fixed arrows off KNOWN_CYCLE_ARROWS: {sorted(gone)}"


def test_every_known_cycle_arrow_still_closes_a_cycle():
    graph = feature_graph()
    harmless = set()
    for arrow in KNOWN_CYCLE_ARROWS:
        others = KNOWN_CYCLE_ARROWS - {arrow}
        rest = {a: {b for b in bs if (a, b) not in others} for a, bs in graph.items()}
        if find_cycle(rest) is None:
            harmless.add(arrow)
    assert not harmless, f"These arrows close no cycle now; take them off: {sorted(harmless)}"


def test_moderation_and_forum_do_not_import_each_other():
    graph = feature_graph()
    assert "forum" not in graph["moderation"] and "moderation" not in graph["forum"]
