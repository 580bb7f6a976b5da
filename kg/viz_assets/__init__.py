"""The page template, script and style that `kg.viz` inlines into every network page."""
