"""Named screens a kind can put in one of its editor tabs (Section.screen)."""

from __future__ import annotations

from sdmkit.ui.oncall import schedule_view
from sdmkit.ui.story_sources import sources_view


def _oncall_schedule(kind, draft: dict, model) -> None:

    schedule_view(kind, draft, model)


def _story_sources(kind, draft: dict, model) -> None:

    sources_view(draft)


SCREENS = {"oncall.schedule": _oncall_schedule, "story.sources": _story_sources}


def draw_screen(name: str, kind, draft: dict, model) -> None:
    # A kind naming a screen that does not exist is a programming error: KeyError says which.
    SCREENS[name](kind, draft, model)
