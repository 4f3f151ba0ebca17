"""Preparing the lines of a text report for the layout parsers (characters, furniture)."""
