"""PDF input: the words of a PDF, by position, turned into the lines the parsers read.

``read_pdf`` (in ``document``) opens the file under limits and refuses what cannot be
read; ``page`` splits each page into free lines and ruled tables by position; ``furniture``
drops running headers and footers; ``flow`` rejoins wrapped lines into paragraphs and
writes tables as tab-separated rows, keeping each output line's page.
"""
