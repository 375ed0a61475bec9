"""Named screens a kind can put in one of its editor tabs (Section.view)."""

from __future__ import annotations


def draw_view(name: str, kind, draft: dict, model) -> None:
    if name == "oncall.schedule":
        from sdmkit.ui.oncall import schedule_view

        schedule_view(kind, draft, model)
    elif name == "story.sources":
        from sdmkit.ui.story_sources import sources_view

        sources_view(draft)
    else:  # a kind naming a screen that does not exist is a programming error, shown plainly
        raise ValueError(f"no view named {name!r}")
