"""``python -m reviewer`` (and the PyInstaller binary) runs the command line;
``python -m reviewer gui`` opens the app."""

import multiprocessing

from reviewer.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # import workers re-enter a frozen binary through here
    main()
