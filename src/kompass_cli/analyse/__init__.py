"""What is done with normalised JSON: validate, compare, diff, summarise, export, import, plot."""
