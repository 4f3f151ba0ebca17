"""Parse one file, or many on all cores: the pipeline from a path to a validated document."""
