#!/usr/bin/python3
"""Asks a process's window to close, as a window manager does when its close button is clicked.

WebDriver has no command for that, and under Xvfb no window manager runs (so Alt+F4 does
nothing, and `wmctrl -c` asks a window manager that is not there). Debian 12's xdotool cannot
do it either: its `windowclose` destroys the window (XDestroyWindow) and `windowkill` kills the
client; neither lets the app ask first. This sends the ICCCM WM_DELETE_WINDOW client message
itself, which GTK turns into the window's delete event (Tauri's CloseRequested).

Usage: wm_delete_window.py PID
Sends the message to every mapped top-level window whose _NET_WM_PID is PID and that takes part
in WM_DELETE_WINDOW, and prints their ids. Exit status 0 when at least one window was asked,
1 when the process has no such window, 2 on bad usage. Needs python3-xlib (Debian package).
"""

import sys

from Xlib import X, display, error, protocol


def top_level_windows(root):
    """The root's children, and theirs (a reparenting window manager puts frames in between)."""
    for child in root.query_tree().children:
        yield child
        try:
            yield from child.query_tree().children
        except error.XError:
            continue


def ask_to_close(pid):
    d = display.Display()
    wm_pid = d.intern_atom("_NET_WM_PID")
    wm_protocols = d.intern_atom("WM_PROTOCOLS")
    wm_delete = d.intern_atom("WM_DELETE_WINDOW")
    windows = []
    for w in top_level_windows(d.screen().root):
        try:
            owner = w.get_full_property(wm_pid, X.AnyPropertyType)
            if owner is None or owner.value[0] != pid:
                continue
            if w.get_attributes().map_state != X.IsViewable:
                continue
            if wm_delete not in (w.get_wm_protocols() or []):
                continue
        except error.XError:
            continue  # the window went away meanwhile
        windows.append(w)
    for w in windows:
        message = protocol.event.ClientMessage(
            window=w, client_type=wm_protocols, data=(32, [wm_delete, X.CurrentTime, 0, 0, 0])
        )
        w.send_event(message, event_mask=X.NoEventMask, onerror=error.CatchError())
    d.sync()
    d.close()
    return [w.id for w in windows]


def main(argv):
    if len(argv) != 2 or not argv[1].isdigit():
        print("usage: wm_delete_window.py PID", file=sys.stderr)
        return 2
    asked = ask_to_close(int(argv[1]))
    for window in asked:
        print(hex(window))
    if not asked:
        print(f"process {argv[1]} has no mapped window that accepts WM_DELETE_WINDOW", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
