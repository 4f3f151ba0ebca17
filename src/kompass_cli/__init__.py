"""kompass: Kommunkompassen evaluation reports as clean, validated data."""

__version__ = "0.1.0"
