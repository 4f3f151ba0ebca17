"""Layout parsers, one per report layout, and the choice between them."""
