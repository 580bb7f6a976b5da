"""The query page `kg serve` shows at /: one self-contained HTML file."""
