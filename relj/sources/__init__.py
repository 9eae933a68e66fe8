"""Sources: the files and folders relj re-reads to keep the journal current (issue 17)."""
