"""Child processes that never outlive `kg`: the SPARQL server of `kg serve`, the query worker of
`kg query`. On Linux a child asks the kernel for SIGKILL when its parent dies (the parent-death
signal), so that even a ``kill -9`` of `kg` leaves no server holding the store's lock and no
query burning a core."""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
from typing import Callable

_PR_SET_PDEATHSIG = 1


def die_with_parent() -> Callable[[], None] | None:
    """A ``preexec_fn`` for `subprocess.Popen` that makes the child die with this process (Linux;
    None elsewhere). The signal goes with the thread that starts the child: start children from a
    thread that lives as long as they should (the main thread)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    parent = os.getpid()

    def in_child() -> None:  # between fork and exec: two system calls, nothing else
        prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        if os.getppid() != parent:  # the parent died before the signal was set
            os._exit(1)

    return in_child
