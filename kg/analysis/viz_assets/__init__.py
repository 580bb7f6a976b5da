"""The page template, script and style that `kg.analysis.viz` inlines into every network page."""
