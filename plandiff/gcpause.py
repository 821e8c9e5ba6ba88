"""The cyclic garbage collector paused while a comparison builds its tables.

Why: aligning two plans makes hundreds of thousands of small containers (features, postings,
candidate pairs, scores), nearly all acyclic and freed by reference counting as soon as they are
done with. Each of the collector's passes walks every live container, and their number grows
with the plans: on two plans of 3,000 clauses the passes took a tenth of the alignment and grew
faster than the plans did. Paused, the few cycles a comparison leaves (its clause nodes) wait for
the next pass after it; nothing else changes. The corpus's citation graph pauses it for the same
reason while it is built, and so does parsing (its lines, paragraphs and clauses: a plan parsed
3% faster).
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block (usable as a decorator). Nested and concurrent
    blocks share one pause: the first to enter records whether the collector was on, the last to
    leave puts it back so (a caller that had it off keeps it off)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
