"""The matter: its folder and SQLite database (the truth), the schema and its migrations,
opening checks and locks, operations with their audit entries, history, undo and redo,
documents and their own fields, re-cutting without losing work, orphaned work.
The only package that opens the database (``sqlite3`` / ``sqlite_utils``)."""
