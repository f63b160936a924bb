"""reviewer: offline document review for litigators."""

__version__ = "0.1.0"
