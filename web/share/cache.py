"""Answers kept in memory by ETag: a share page or picture asked for again (the same link in a chat,
read by many) is served without running a query or drawing again.

The ETag names the database version, the code and the exact address (web/caching.py), so a kept
answer is exactly what would be rendered now; after a republish the new ETags miss and the old
entries age out. Bounded in entries; shared by the server's threads.
"""

from __future__ import annotations

import threading
from collections import OrderedDict


class Answers:
    """A least-recently-used map of ETag → body, with hit and miss counts (for the benchmark)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[str, bytes] = OrderedDict()
        self.lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: str) -> bytes | None:
        with self.lock:
            found = self.items.get(key)
            if found is None:
                self.misses += 1
                return None
            self.items.move_to_end(key)
            self.hits += 1
            return found

    def put(self, key: str, value: bytes) -> None:
        with self.lock:
            self.items[key] = value
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)


PAGES = Answers(512)  # share pages: 10–80 kB each
PICTURES = Answers(512)  # preview PNGs: about 50 kB each
