"""The foundation every stage uses: errors, printed numbers, word folding, the matcher, raw report types."""
