"""Reading articles: files (.txt, .jsonl, saved pages), web pages, news feeds and GDELT events."""
