"""Background work in child processes that end with their parent: the runner and the jobs
the app hands to it (production export and verify, exports)."""
