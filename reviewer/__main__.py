"""``python -m reviewer`` runs the command line (the desktop app arrives with the GUI issue)."""

from reviewer.cli import main

main()
