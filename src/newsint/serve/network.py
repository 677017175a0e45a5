"""The actor network: who acts on whom (events) and who speaks about whom (claims), laid out
on the server (networkx) so that the dashboard only draws it."""

from __future__ import annotations

import math
from typing import Annotated, Any

import networkx as nx
from fastapi import APIRouter, Query

from newsint.serve.auth import can_read
from newsint.serve.deps import QueriesDep
from newsint.serve.filters import FilterParams
from newsint.serve.queries import DEFAULT_NETWORK_NODES

router = APIRouter(prefix="/api/1", tags=["network"], dependencies=[can_read])

# A fixed seed: the same graph is drawn the same way on every load, so an analyst's eye finds
# an actor where it was a minute ago.
LAYOUT_SEED = 7
SPREAD = 3.0
LAYOUT_ITERATIONS = 200


def layout(graph: nx.DiGraph) -> dict[Any, tuple[float, float]]:
    """Positions in [0, 1] x [0, 1]."""
    if graph.number_of_nodes() == 0:
        return {}
    # k (the springs' rest length) above networkx's 1/sqrt(n): hubs such as "Russia" pull every
    # actor in, and the default packs the middle too tightly to read its labels.
    spread = SPREAD / math.sqrt(graph.number_of_nodes())
    raw = nx.spring_layout(graph.to_undirected(), seed=LAYOUT_SEED, weight=None, k=spread, iterations=LAYOUT_ITERATIONS)
    xs = [p[0] for p in raw.values()]
    ys = [p[1] for p in raw.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    return {n: ((p[0] - min(xs)) / span_x, (p[1] - min(ys)) / span_y) for n, p in raw.items()}


@router.get("/network", summary="Actors and who acts on or speaks about whom, weighted, with a layout")
def get_network(
    filters: FilterParams,
    q: QueriesDep,
    max_nodes: Annotated[int, Query(ge=1, le=500)] = DEFAULT_NETWORK_NODES,
    min_weight: Annotated[int, Query(ge=1)] = 1,
) -> dict[str, Any]:
    graph = q.network(filters, max_nodes, min_weight)
    positions = layout(graph)
    strength = dict(graph.degree(weight="weight"))
    return {
        "nodes": [
            {
                "id": node,
                "label": data.get("label", node),
                "type": data.get("type"),
                "actor": data.get("actor") or None,
                "weight": strength.get(node, 0),
                "x": round(positions[node][0], 4),
                "y": round(positions[node][1], 4),
            }
            for node, data in graph.nodes(data=True)
        ],
        "edges": [
            {
                "source": s,
                "target": t,
                "weight": d["weight"],
                "events": d["events"],
                "claims": d["claims"],
                "types": d["types"],
            }
            for s, t, d in graph.edges(data=True)
        ],
    }
