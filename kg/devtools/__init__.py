"""Development tools: the synthetic corpus generator and the extractor's scorer."""
