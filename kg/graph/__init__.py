"""The graph: vocabulary, mapping to RDF, entity resolution, the stores, persistence and curation."""
