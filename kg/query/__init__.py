"""Querying the graph: SPARQL, the named queries, and the SPARQL endpoint (`kg serve`)."""
