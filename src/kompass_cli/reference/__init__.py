"""What is known before a report is read: the instrument catalogues, their crosswalk, municipalities, versions."""
