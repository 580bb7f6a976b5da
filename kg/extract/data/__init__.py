"""Lexicons of the extractor (JSON): ranks, titles, triggers, forums. Read by kg.extract.lexicon."""
