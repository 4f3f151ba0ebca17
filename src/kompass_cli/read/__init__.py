"""Files into lines of text with their origins, under the limits every input is read with."""
