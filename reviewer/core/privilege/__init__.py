"""Privilege: coding of documents and paragraphs, the people list, the log's quality checks and
the rows of the privilege log in each preset (FRCP 26(b)(5)(A))."""
