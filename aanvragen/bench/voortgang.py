"""A small progress bar on stderr, so stdout stays free for the figures `make bench` prints."""

from __future__ import annotations

import sys
import time


class Voortgang:
    """`with Voortgang("aanvragen", totaal) as balk: balk.stap(n)` — redraws at most 4 times a second."""

    def __init__(self, label: str, totaal: int, stream=None, breedte: int = 30):
        self.label, self.totaal, self.breedte = label, max(totaal, 1), breedte
        self.stream = stream or sys.stderr
        self.gedaan = 0
        self._start = self._getekend = time.monotonic()

    def __enter__(self) -> Voortgang:
        self._teken()
        return self

    def __exit__(self, *exc) -> None:
        self._teken()
        self.stream.write("\n")
        self.stream.flush()

    def stap(self, aantal: int = 1) -> None:
        self.gedaan += aantal
        if time.monotonic() - self._getekend >= 0.25:
            self._teken()

    def _teken(self) -> None:
        self._getekend = nu = time.monotonic()
        deel = min(self.gedaan / self.totaal, 1.0)
        verstreken = nu - self._start
        resterend = verstreken / deel - verstreken if deel > 0 else 0.0
        balk = "#" * int(deel * self.breedte)
        self.stream.write(
            f"\r{self.label:<14} [{balk:<{self.breedte}}] {deel:6.1%} {self.gedaan:>9}/{self.totaal}"
            f"  {verstreken:5.0f}s, nog {resterend:4.0f}s "
        )
        self.stream.flush()
