"""Variants of the bundled reports: OCR damage, page furniture, another municipality."""
