"""Pydantic models of kompass's JSON: one report model per instrument version."""
