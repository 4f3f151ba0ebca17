"""From what a layout read to a validated document: checks, diagnostics, loading and writing JSON."""
