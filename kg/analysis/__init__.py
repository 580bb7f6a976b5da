"""Analysis of the graph: the contact network, its interactive page, and store statistics."""
