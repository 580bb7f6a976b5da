"""Data files of the synthetic corpus generator (kg.synth): invented name parts, posts, forums, templates."""
