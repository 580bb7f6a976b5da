"""How a network is drawn, the same on the page (`kg.analysis.viz`) and in Gephi (the GEXF export of
`kg.analysis.network`): colours and shapes by class, colours by state, and the layout.
"""
from __future__ import annotations

import math

import networkx as nx

SPRING_LIMIT = 250  # components up to this size get networkx's spring layout; larger, a faster one

# colour and shape by class: the legend, the page and the GEXF export share this table
STYLE = {
    "person": {"color": "#4e79a7", "shape": "dot", "name": "Person"},
    "country": {"color": "#e15759", "shape": "square", "name": "Country"},
    "organization": {"color": "#f28e2b", "shape": "triangle", "name": "International body"},
    "delegation": {"color": "#76b7b2", "shape": "triangleDown", "name": "Delegation"},
    "meeting": {"color": "#59a14f", "shape": "diamond", "name": "Meeting"},
    "forum": {"color": "#edc948", "shape": "star", "name": "Forum"},
    "invitation": {"color": "#b07aa1", "shape": "hexagon", "name": "Invitation"},
}


# colours by state: the busiest states get these in turn, the others OTHER_STATE (page and GEXF)
STATE_PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
                 "#ff9da7", "#9c755f", "#1f77b4", "#17becf", "#bcbd22", "#8c564b"]
OTHER_STATE = "#b8b8b8"


def state_colours(graph: nx.Graph) -> dict[str, str]:
    """Code -> colour for the states with most contacts in the graph (events counted once),
    then most nodes; the page's legend and the GEXF export use the same table."""
    contacts: dict[str, set] = {}
    nodes: dict[str, int] = {}
    for _, attributes in graph.nodes(data=True):
        codes = [c.strip() for c in str(attributes.get("country") or "").split(",") if c.strip()]
        if codes:
            nodes[codes[0]] = nodes.get(codes[0], 0) + 1
    for _, _, attributes in graph.edges(data=True):
        for contact in attributes.get("contacts") or []:
            for code in contact.get("countries") or []:
                contacts.setdefault(code, set()).add(contact.get("event"))
    ranked = sorted(nodes, key=lambda code: (-len(contacts.get(code, ())), -nodes[code], code))
    return dict(zip(ranked, STATE_PALETTE))


# ---------------------------------------------------------------- layout


def layout_positions(graph: nx.Graph, seed: int = 0, spacing: float = 110.0) -> dict:
    """Positions for every node, in pixels: each connected component laid out on its own
    (networkx's spring layout, or `_smoothing_layout` for big ones), then the components packed
    in rows, largest first. Seconds at 10,000 nodes."""
    import numpy as np

    components = sorted((sorted(c) for c in nx.connected_components(graph)),
                        key=lambda c: (-len(c), c[0]))
    boxes = []
    for index, nodes in enumerate(components):
        local = _component_layout(graph.subgraph(nodes), nodes, seed + index)
        local -= local.min(axis=0)
        boxes.append((nodes, local, local.max(axis=0) + 1.5))
    total_area = sum(float(size[0] * size[1]) for _, _, size in boxes) or 1.0
    row_width = max(math.sqrt(total_area) * 1.3, max((size[0] for _, _, size in boxes), default=1))
    positions = {}
    x = y = row_height = 0.0
    for nodes, local, size in boxes:
        if x > 0 and x + size[0] > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in zip(nodes, local + np.array([x, y])):
            positions[node] = (float(px) * spacing, float(py) * spacing)
        x += size[0]
        row_height = max(row_height, size[1])
    if positions:  # centre the drawing on the origin
        cx = sum(p[0] for p in positions.values()) / len(positions)
        cy = sum(p[1] for p in positions.values()) / len(positions)
        positions = {n: (round(px - cx, 1), round(py - cy, 1)) for n, (px, py) in positions.items()}
    return positions


def _component_layout(graph: nx.Graph, nodes: list, seed: int):
    """One connected component, with edges about 1 unit long."""
    import numpy as np

    n = len(nodes)
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[0.0, 0.0], [1.0, 0.0]])
    if n > SPRING_LIMIT:
        return _smoothing_layout(graph, nodes, seed)
    layout = nx.spring_layout(graph, seed=seed, iterations=50 if n > 100 else 100)
    array = np.array([layout[node] for node in nodes], dtype=float)
    where = {node: i for i, node in enumerate(nodes)}
    lengths = [np.linalg.norm(array[where[a]] - array[where[b]]) for a, b in graph.edges()]
    if lengths and np.median(lengths) > 0:
        array = array / np.median(lengths)
    return array


def _smoothing_layout(graph: nx.Graph, nodes: list, seed: int, iterations: int = 120,
                      spreading: int = 40):
    """A large component's layout in about two seconds at 10,000 nodes.

    Each step pulls every node towards the mean of its neighbours (a power iteration towards the
    spectral layout, so linked nodes end up close), pushes apart the nodes closer than 1.5 units
    (found with a k-d tree: O(n log n)), restores the drawing's spread so it cannot collapse, and
    brings stragglers back within twice the median radius. A few last steps only spread nodes
    apart. networkx's spring_layout is O(n²) per step: minutes at this size."""
    import numpy as np
    from scipy.spatial import cKDTree

    n = len(nodes)
    adjacency = nx.to_scipy_sparse_array(graph, nodelist=nodes, weight=None, dtype=float,
                                         format="csr")
    degree = np.asarray(adjacency.sum(axis=1)).ravel()
    degree[degree == 0] = 1
    side = math.sqrt(n) * 1.5
    position = np.random.default_rng(seed).random((n, 2)) * side
    target_radius = side / math.sqrt(2 * math.pi)
    radius = 1.5
    for step in range(iterations + spreading):
        if step < iterations:
            position += 0.6 * ((adjacency @ position) / degree[:, None] - position)
        pairs = cKDTree(position).query_pairs(radius, output_type="ndarray")
        if len(pairs):
            delta = position[pairs[:, 0]] - position[pairs[:, 1]]
            distance = np.sqrt(np.maximum((delta ** 2).sum(axis=1), 1e-6))
            push = delta / distance[:, None] * ((radius - distance) / 4)[:, None]
            for axis in (0, 1):
                position[:, axis] += np.bincount(pairs[:, 0], weights=push[:, axis], minlength=n)
                position[:, axis] -= np.bincount(pairs[:, 1], weights=push[:, axis], minlength=n)
        if step < iterations:
            position -= np.median(position, axis=0)
            distance = np.sqrt((position ** 2).sum(axis=1))
            position *= target_radius / ((np.median(distance) / 0.83) or 1.0)
            distance *= target_radius / ((np.median(distance) / 0.83) or 1.0)
            cap = 2.0 * np.median(distance)
            far = distance > cap
            position[far] *= (cap / distance[far])[:, None]
    return position
