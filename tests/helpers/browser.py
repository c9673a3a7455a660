"""A stand-in for the system browser: records what the app asked to open."""

from __future__ import annotations


class FakeBrowser:
    def __init__(self) -> None:
        self.opened: list[str] = []
        self.works = True

    def __call__(self, url: str) -> bool:
        if not self.works:
            return False
        self.opened.append(url)
        return True

    @property
    def last(self) -> str:
        assert self.opened, "the app opened no URL"
        return self.opened[-1]
