"""Interactive HTML networks an analyst can open anywhere, offline, from a file.

`to_pyvis(graph)` turns a projection from `kg.analysis.network` into a `pyvis.network.Network` (the caller
decides where it goes); `to_html(graph or network)` renders one self-contained page; `write_html`
writes it as UTF-8. The page inlines vis-network's JS and CSS from the pyvis package, so it loads
nothing from the network (pyvis's own ``in_line`` and ``local`` modes still link CDNs).

Article text is untrusted. Labels are drawn on a canvas as text; tooltips are built in the page
with ``textContent`` from JSON data, never from HTML strings; the JSON is embedded with ``<``,
``>`` and ``&`` escaped so no value can close its ``<script>`` element; links are kept only when
they are http(s) URLs.

>>> from kg.analysis.network import build_network
>>> from kg.analysis.viz import write_html
>>> write_html(build_network(store, "persons"), "network.html")        # doctest: +SKIP
"""
from __future__ import annotations

import html
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import networkx as nx

from kg import gazetteer
from kg.analysis.network import summary
from kg.analysis.style import OTHER_STATE, STYLE, layout_positions, state_colours
from kg.errors import KgError
from kg.output import script_json

PHYSICS_LIMIT = 1000  # above this many nodes the layout is computed in Python and physics is off
MAX_TIP_CONTACTS = 12  # contacts listed in one edge tooltip; the rest are counted
VIS_VERSION = "9.1.2"

class VizError(KgError):
    """The page cannot be built or written."""


# ---------------------------------------------------------------- the pyvis network


def to_pyvis(graph: nx.Graph, physics: bool | None = None, positions: dict | None = None,
             height: str = "100%"):
    """A `pyvis.network.Network` holding the graph's nodes and edges, styled by class and sized by
    degree. Each node and edge also carries ``tip``: the tooltip's content as data, which the page
    turns into DOM text. ``physics`` defaults to on up to PHYSICS_LIMIT nodes."""
    from pyvis.network import Network

    n = graph.number_of_nodes()
    if physics is None:
        physics = n <= PHYSICS_LIMIT
    if positions is None:
        positions = layout_positions(graph)
    net = Network(height=height, width="100%", directed=False, cdn_resources="in_line")
    degrees = dict(graph.degree())
    weighted = dict(graph.degree(weight="weight"))
    for node, attributes in graph.nodes(data=True):
        kind = attributes.get("kind", "person")
        style = STYLE.get(kind, STYLE["person"])
        label = str(attributes.get("label") or node)
        tip = _node_tip(attributes, degrees[node])
        x, y = positions.get(node, (0.0, 0.0))
        countries = [c.strip() for c in str(attributes.get("country") or "").split(",") if c.strip()]
        item = {"id": str(node), "label": label, "shape": style["shape"], "color": style["color"],
                "value": degrees[node] + 1, "kind": kind, "countries": countries, "x": x, "y": y,
                "community": attributes.get("community"),
                "title": html.escape(_tip_text(tip)), "tip": tip}
        if attributes.get("aliases"):
            item["aliases"] = [str(a) for a in attributes["aliases"] if str(a) != label]
        if attributes.get("centre"):
            item["borderWidth"] = 4
        net.nodes.append(item)  # appended directly: add_node/add_edge scan the lists, O(n²)
        net.node_ids.append(str(node))
        net.node_map[str(node)] = item
    events: dict[str, int] = {}  # event IRI -> index in net.kg_events
    net.kg_events = []
    for number, (a, b, attributes) in enumerate(graph.edges(data=True)):
        tip = _edge_tip(graph, a, b, attributes)
        indexes = []
        for contact in attributes.get("contacts") or []:
            key = contact.get("event") or f"edge{number}-{len(indexes)}"
            if key not in events:
                events[key] = len(net.kg_events)
                net.kg_events.append(_page_event(contact))
            indexes.append(events[key])
        item = {"id": f"e{number}", "from": str(a), "to": str(b),
                "value": attributes.get("weight", 1),
                "title": html.escape(_tip_text(tip)), "tip": tip}
        if "contacts" in attributes:
            item["ev"] = indexes
        net.edges.append(item)
    net.kg_colour = "class" if graph.graph.get("projection") == "events" else "country"
    net.kg_state_colours = state_colours(graph)
    net.kg_countries = _country_names(graph, net.kg_events)
    net.options = _options(n, physics)
    return net


def _page_event(contact: dict) -> dict:
    """One contact as the page's filters, timeline and panels read it (short keys: a page holds
    thousands): date, label, mode, the codes it involves, its articles with their evidence."""
    return {"d": contact.get("date") or "", "l": contact.get("label") or "",
            "m": (contact.get("mode") or "").replace("_", " "),
            "c": list(contact.get("countries") or []),
            "a": [dict(_article(x), evidence=[str(e) for e in x.get("evidence") or []][:3])
                  for x in contact.get("articles", [])[:5]]}


def _country_names(graph: nx.Graph, events: list[dict]) -> dict[str, str]:
    """Code -> name for every state or body on the page (the country filter lists names)."""
    names = {}
    for _, attributes in graph.nodes(data=True):
        codes = [c.strip() for c in str(attributes.get("country") or "").split(",") if c.strip()]
        if len(codes) == 1 and attributes.get("country_label"):
            names[codes[0]] = str(attributes["country_label"])
    for code in {c for event in events for c in event["c"]} | {
            c.strip() for _, a in graph.nodes(data=True)
            for c in str(a.get("country") or "").split(",") if c.strip()}:
        names.setdefault(code, gazetteer.country_name(code) or code)
    return dict(sorted(names.items()))


def _node_tip(attributes: dict, degree: int) -> dict:
    """The node's tooltip as data: a heading and (name, value) rows; the page renders it as text."""
    rows = []
    kind = attributes.get("kind", "person")
    for name, key in (("Rank", "rank"), ("Position", "position"), ("Organisation", "organization")):
        if attributes.get(key):
            rows.append([name, str(attributes[key])])
    if attributes.get("country"):
        country = attributes.get("country_label") or attributes["country"]
        if kind in ("person", "country", "organization") and country != attributes["country"]:
            country = f"{country} ({attributes['country']})"
        rows.append(["Country" if kind != "meeting" else "Sides", str(country)])
    for name, key in (("Date", "date"), ("Mode", "mode")):
        if attributes.get(key) and kind != "person":
            rows.append([name, str(attributes[key]).replace("_", " ")])
    if attributes.get("topics"):
        rows.append(["Topics", "; ".join(map(str, attributes["topics"]))])
    rows.append(["Contacts", str(degree)])
    if attributes.get("weighted_degree") is not None and kind in ("person", "country", "organization"):
        rows.append(["Meetings (weighted)", _number(attributes["weighted_degree"])])
    if attributes.get("betweenness") is not None:
        rows.append(["Betweenness", f"{attributes['betweenness']:.3f}"])
    if attributes.get("community") is not None:
        rows.append(["Community", str(attributes["community"])])
    tip = {"heading": str(attributes.get("label") or ""), "kind": STYLE.get(kind, {}).get("name", kind),
           "rows": rows}
    articles = attributes.get("articles") or []
    if articles and isinstance(articles[0], dict):
        tip["articles"] = [_article(a) for a in articles[:MAX_TIP_CONTACTS]]
    return tip


def _edge_tip(graph: nx.Graph, a, b, attributes: dict) -> dict:
    contacts = attributes.get("contacts") or []
    weight = attributes.get("weight", len(contacts))
    rows = [["Meetings" if graph.graph.get("projection") != "events" else "Role",
             _number(weight) if graph.graph.get("projection") != "events"
             else str(attributes.get("role", ""))]]
    if attributes.get("years"):
        rows.append(["Per year", ", ".join(f"{y}: {c}" for y, c in attributes["years"].items())])
    items = []
    for contact in contacts[:MAX_TIP_CONTACTS]:
        items.append({"date": contact.get("date") or "undated",
                      "mode": (contact.get("mode") or "").replace("_", " "),
                      "label": contact.get("label") or "",
                      "articles": [_article(x) for x in contact.get("articles", [])[:5]]})
        evidence = [str(e) for x in contact.get("articles", [])[:5] for e in x.get("evidence") or []]
        if evidence:
            items[-1]["evidence"] = list(dict.fromkeys(evidence))[:3]
    tip = {"heading": f"{graph.nodes[a].get('label', a)} – {graph.nodes[b].get('label', b)}",
           "kind": "Contact", "rows": rows, "contacts": items}
    if len(contacts) > MAX_TIP_CONTACTS:
        tip["more"] = len(contacts) - MAX_TIP_CONTACTS
    return tip


def _article(article: dict) -> dict:
    url = article.get("url") or ""
    return {"title": article.get("title") or article.get("id") or "article",
            "url": url if url.lower().startswith(("http://", "https://")) else "",
            "date": article.get("date") or ""}


def _tip_text(tip: dict) -> str:
    """The tooltip as plain text: what pyvis's own template would show."""
    lines = [tip["heading"]] + [f"{name}: {value}" for name, value in tip["rows"]]
    for contact in tip.get("contacts", []):
        lines.append(f"{contact['date']} {contact['mode']}: "
                     + "; ".join(a["title"] for a in contact["articles"]))
    return "\n".join(lines)


def _number(value) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _options(n: int, physics: bool) -> dict:
    options = {
        # labels: the page sets each node's font size, large enough to read for the most
        # connected nodes (more of them as you zoom in), too small to be drawn for the rest
        "nodes": {"scaling": {"min": 8, "max": 42, "label": {"enabled": False, "drawThreshold": 5,
                                                             "maxVisible": 40}},
                  "font": {"face": "system-ui, sans-serif", "strokeWidth": 3,
                           "strokeColor": "#ffffff"},
                  "borderWidth": 1},
        "edges": {"color": {"color": "#9aa5b1", "highlight": "#333333", "hover": "#333333"},
                  "scaling": {"min": 1, "max": 8}, "smooth": False},
        "interaction": {"hover": n <= 5000, "tooltipDelay": 120, "hideEdgesOnDrag": n > 2000,
                        "hideEdgesOnZoom": n > 5000, "keyboard": False, "multiselect": True},
        "layout": {"improvedLayout": False, "randomSeed": 1},
    }
    if physics:
        options["physics"] = {"enabled": True, "solver": "forceAtlas2Based",
                              "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 100,
                                                   "avoidOverlap": 0.4},
                              # positions come from Python, so a short settling suffices;
                              # nothing is drawn before it ends: fewer steps when big
                              "stabilization": {"enabled": True, "fit": True, "updateInterval": 25,
                                                "iterations": max(30, min(150, 40_000 // max(n, 1)))},
                              "minVelocity": 1.0}
    else:
        options["physics"] = {"enabled": False}
    return options


# ---------------------------------------------------------------- the page


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS, from the copy bundled in the pyvis package."""
    folder = resources.files("pyvis").joinpath(f"lib/vis-{VIS_VERSION}")
    try:
        script = folder.joinpath("vis-network.min.js").read_text(encoding="utf-8")
        style = folder.joinpath("vis-network.css").read_text(encoding="utf-8")
    except OSError as error:
        raise VizError(f"pyvis's bundled vis-network {VIS_VERSION} is missing ({error}); "
                       "reinstall pyvis 0.3.2") from None
    return script, style


@lru_cache(maxsize=1)
def _page_assets() -> tuple[str, str, str]:
    folder = resources.files("kg.analysis").joinpath("viz_assets")
    return tuple(folder.joinpath(name).read_text(encoding="utf-8")
                 for name in ("page.html", "page.js", "page.css"))


def to_html(network, title: str = "Military-diplomatic contacts", physics: bool | None = None) -> str:
    """One self-contained HTML page (no external resource) for a networkx graph or a pyvis Network."""
    if isinstance(network, nx.Graph):
        description = _describe(network)
        network = to_pyvis(network, physics=physics)
    else:
        description = f"{len(network.nodes)} nodes, {len(network.edges)} edges"
    options = network.options if isinstance(network.options, dict) else json.loads(network.options.to_json())
    kinds = []
    for node in network.nodes:
        if node.get("kind") not in kinds:
            kinds.append(node.get("kind"))
    legend = [{"kind": k, **STYLE[k]} for k in STYLE if k in kinds]
    # the page builds tooltips from "tip"; pyvis's plain-text "title" would only double the size
    data = {"nodes": [_without_title(n) for n in network.nodes],
            "edges": [_without_title(e) for e in network.edges], "options": options, "legend": legend,
            "events": getattr(network, "kg_events", []),
            "countryNames": getattr(network, "kg_countries", {}),
            "colour": getattr(network, "kg_colour", "class"),
            "stateColours": getattr(network, "kg_state_colours", None), "otherState": OTHER_STATE}
    vis_js, vis_css = _vis_assets()
    page, script, style = _page_assets()
    replacements = {
        "{{TITLE}}": html.escape(title), "{{DESCRIPTION}}": html.escape(description),
        "{{VIS_CSS}}": vis_css, "{{PAGE_CSS}}": style, "{{VIS_JS}}": vis_js,
        "{{PAGE_JS}}": script, "{{DATA}}": script_json(data),
    }
    # one pass, so a value can never be read as another placeholder
    import re

    return re.sub(r"\{\{[A-Z_]+\}\}", lambda m: replacements[m.group(0)], page)


def _without_title(item: dict) -> dict:
    return {key: value for key, value in item.items() if key != "title" or "tip" not in item}


def _describe(graph: nx.Graph) -> str:
    return summary(graph)


def write_html(network, path: str | Path, title: str = "Military-diplomatic contacts",
               physics: bool | None = None) -> Path:
    """Write the page as UTF-8 (pyvis itself writes in the platform's default encoding)."""
    path = Path(path)
    text = to_html(network, title=title, physics=physics)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise VizError(f"cannot write {path}: {error.strerror or error}") from None
    return path


def notebook_display(network, height: int = 640, **kwargs):
    """An IPython object showing the page inline in Jupyter, offline (an iframe with ``srcdoc``)."""
    from IPython.display import HTML

    page = to_html(network, **kwargs)
    return HTML(f'<div class="kg-network"><iframe srcdoc="{html.escape(page, quote=True)}" '
                f'style="width:100%;height:{int(height)}px;border:1px solid #ddd" '
                'sandbox="allow-scripts allow-popups"></iframe></div>')
