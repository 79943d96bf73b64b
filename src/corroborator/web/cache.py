"""A small in-process cache of rendered story pages and story JSON, keyed by what they were made from."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable


class Renders:
    """The last `size` renders, least recently used dropped first; a key names the story and its version,
    so a rebuilt story is rendered afresh and its old entry simply ages out."""

    def __init__(self, size: int = 64):
        self.size = size
        self._items: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_make(self, key: Hashable, make: Callable[[], object]) -> object:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()  # outside the lock: two threads may render the same page once each, never block
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value
