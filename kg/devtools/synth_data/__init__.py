"""Data files of the synthetic corpus generator (kg.devtools.synth): invented name parts, posts, forums, templates."""
