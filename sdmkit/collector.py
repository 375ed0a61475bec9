"""Python's cycle collector paused for a burst of work that makes a great many
short-lived objects: mining (sentences, sets, story dicts) and a portfolio's
typesetting (WeasyPrint's boxes and styles).

Every few hundred new objects set off a collection that walks the young objects
again, now and then all of them: a tenth of mining's time in bench/mining.py, and
a sixth of a ten-story portfolio's (2.87 s to 2.42 s, in one process). Reference counting still frees
what the work drops as it goes. What it leaves in cycles (WeasyPrint leaves some
100,000 objects for the examples' whole story bank, about 40 MB at the peak) is
young, and the first collection after the pause frees it.

The collector's earlier state comes back afterwards, whatever happens. Two app
sessions at once: the first to finish turns it back on, which costs the other only
time; it is never left off."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
