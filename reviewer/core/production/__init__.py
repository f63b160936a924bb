"""Productions: sets, Bates numbers, redactions (and their log), the export that truly removes
redacted text, verification of an export, the bad-redaction check of any PDF."""
