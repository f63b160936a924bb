"""Starting the desktop app: logging to the user's log folder, an exception hook that shows
plain words (never a traceback), the QApplication, and the offscreen screenshot mode."""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from platformdirs import user_log_dir

if TYPE_CHECKING:
    from reviewer.qt.main_window import MainWindow

log = logging.getLogger("reviewer")
# Set (to anything) by benchmarks/ui_open.py: print "ready <unix time>" once the window is
# usable (shown, matter open, first page drawn, event loop come round again), then quit.
EXIT_WHEN_READY = "REVIEWER_EXIT_WHEN_READY"


def log_file() -> Path:
    return Path(user_log_dir("reviewer", appauthor=False)) / "reviewer.log"


def setup_logging() -> Path:
    """Log warnings and unexpected errors to a rotating file in the user's log folder."""
    path = log_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not any(isinstance(h, RotatingFileHandler) for h in log.handlers):
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return path


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """An unexpected error: the details go to the log, the user gets one plain sentence."""
    log.error("Unexpected error\n%s", "".join(traceback.format_exception(kind, exc, tb)))
    from PySide6.QtWidgets import QApplication

    from reviewer.qt.dialogs import show_error

    app = QApplication.instance()
    window = app.activeWindow() if isinstance(app, QApplication) else None
    show_error(
        window,
        "Something went wrong",
        f"Something unexpected went wrong ({kind.__name__}). Your matter is safe: every change "
        f"is saved as it is made. Details were written to {log_file()}.",
    )


def keep_ui_responsive() -> None:
    """Help the UI thread get the GIL back from the import worker thread (call once the
    window is up). Measured with benchmarks/ui_stall.py on 2 busy cores:

    - a thread waiting for the GIL asks for it after the switch interval, and on a busy
      machine it often waits several such turns: at 1 ms instead of 5 ms the longest stall of
      an import of the corpus fell from 108-180 ms to 65-102 ms (p99 from ~55 to 20-47 ms);
    - a full garbage collection holds the GIL on whichever thread triggers it (during an
      import, the worker's) and walked the ~60,000 objects start-up makes, 50-100 ms each
      time: freezing them leaves them out of every later collection.
    """
    sys.setswitchinterval(0.001)
    gc.collect()
    gc.freeze()


# Libraries Qt's xcb plugin loads (Debian package names): without them Qt aborts and names
# only libxcb-cursor0, whatever is really missing (../shared/PLATFORM.md).
_XCB_LIBS = {
    "xcb-cursor": "libxcb-cursor0", "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1", "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0", "xcb-shape": "libxcb-shape0",
    "xcb-xkb": "libxcb-xkb1", "xkbcommon-x11": "libxkbcommon-x11-0",
}  # fmt: skip
_NO_WINDOW_HELP = (
    "Run it on a desktop, or under a virtual display (xvfb-run reviewer …), or build the matter "
    "without the app (reviewer demo --no-gui), or save a picture of the window (--screenshot "
    "window.png)."
)


def display_problem(env: dict[str, str] | None = None) -> str | None:
    """Why Qt could not open a window here, in a sentence — or None if it should. Qt itself
    aborts the process (exit 134) in these cases, with a hint that misleads."""
    env = dict(os.environ if env is None else env)
    if not sys.platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None
    if env.get("WAYLAND_DISPLAY"):
        return None
    display = env.get("DISPLAY", "")
    if not display:
        return f"There is no display to open the app's window on. {_NO_WINDOW_HELP}"
    if display.startswith(":"):
        number = display[1:].split(".")[0]
        if number.isdigit() and not Path(f"/tmp/.X11-unix/X{number}").exists():
            return f"The display {display} is not running. {_NO_WINDOW_HELP}"
    import ctypes.util

    missing = [pkg for lib, pkg in _XCB_LIBS.items() if ctypes.util.find_library(lib) is None]
    if missing:
        return (
            "The app's window needs system libraries that are not installed: "
            f"{' '.join(missing)} (Debian: sudo apt-get install {' '.join(missing)})."
        )
    return None


def qt_messages_to_log() -> None:
    """Qt's own warnings go to the log file, not the terminal: with ``--screenshot`` the
    offscreen platform printed "This plugin does not support propagateSizeHints()" seven
    times. Critical and fatal messages still reach the terminal too."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if "propagateSizeHints" in message:
            return  # the offscreen platform's noise, on every window shown
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            print(message, file=sys.stderr)
            log.error("Qt: %s", message)
        else:
            log.info("Qt: %s", message)

    qInstallMessageHandler(handler)


def run(matter: Path | None = None, screenshot: Path | None = None) -> int:
    """Open the main window (on ``matter`` if given); with ``screenshot``, render the window
    offscreen with the first document selected, save a PNG and quit."""
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    problem = display_problem()
    if problem is not None:
        from reviewer.core.errors import NoDisplayError

        raise NoDisplayError(problem)
    setup_logging()
    qt_messages_to_log()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reviewer.qt.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("reviewer")
    app.setApplicationName("reviewer")
    sys.excepthook = _excepthook
    window = MainWindow()
    window.show()
    if matter is not None:
        window.open_matter(matter)
    keep_ui_responsive()
    if screenshot is None:
        if os.environ.get(EXIT_WHEN_READY):
            _exit_when_ready(window)
        return app.exec()
    result: list[int] = []

    def shoot() -> None:
        result.append(0 if window.save_screenshot(screenshot) else 1)
        window.close()
        app.quit()

    QTimer.singleShot(0, shoot)
    app.exec()
    return result[0] if result else 1


def _exit_when_ready(window: MainWindow) -> None:
    """Print the wall-clock time at which the window became usable, then quit: the first
    turn of the event loop after the open document's first page was drawn (or, with no
    document open, the first turn after the window was shown)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + 30

    def poll(drawn: bool) -> None:
        if drawn or time.monotonic() > deadline:
            print(f"ready {time.time():.6f}" + ("" if drawn else " (timed out)"), flush=True)
            window.close()
            QApplication.quit()
            return
        drawn = window.doc_id is None or window.page_view.rendered_pages() > 0
        QTimer.singleShot(0, lambda: poll(drawn))  # drawn: report on the next turn

    QTimer.singleShot(0, lambda: poll(False))
