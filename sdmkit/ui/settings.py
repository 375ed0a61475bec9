"""Pieces of the Settings page."""

from __future__ import annotations

import json

import streamlit as st

from sdmkit import __version__, clock, resources
from sdmkit.backup import dump
from sdmkit.store import db, migrate
from sdmkit.ui.state import flash, store
from sdmkit.versions import report


def data_section() -> None:
    st.subheader("Where your data lives", anchor=False)
    url = db.database_url()
    st.markdown("**Database**")
    st.code(db.describe(url), language=None)
    st.caption(
        f"Set `{db.ENV_URL}` to use another database, such as PostgreSQL for a team server. "
        f"Schema version {migrate.current(store().engine)}; sdmkit {__version__}."
    )
    st.markdown("**Data directory**")
    st.code(str(db.data_dir()), language=None)
    st.caption(
        f"Set `{db.ENV_DATA_DIR}` to move it. Templates you put in its `templates/` folder override "
        f"the packaged ones in `{resources.templates_dir()}`."
    )


def versions_section() -> None:
    st.subheader("Versions", anchor=False)
    st.caption("What this app runs on; the same as `sdmkit --version`. Paste it into a bug report.")
    st.code(report(), language=None)


def pdf_section() -> None:
    st.subheader("PDF", anchor=False)
    current = store().setting("pdf_page_size", "A4")

    def changed():
        store().set_setting("pdf_page_size", st.session_state["settings|page"])
        flash(f"PDFs now use {st.session_state['settings|page']}")

    st.radio(
        "Page size",
        ["A4", "Letter"],
        index=["A4", "Letter"].index(current),
        key="settings|page",
        horizontal=True,
        on_change=changed,
        help="Used by every PDF export, in the app and the CLI",
    )


def backup_section() -> None:
    st.subheader("Backup", anchor=False)
    st.caption(
        "The whole workspace in one file: every document, the trash, every version and the settings. "
        "Restore it with `sdmkit restore FILE`."
    )
    if st.button(
        "Prepare a backup", icon=":material/backup:", help="Gather the workspace into one file to download"
    ):
        st.session_state["settings|backup"] = json.dumps(dump(store()), ensure_ascii=False, indent=1)
    data = st.session_state.get("settings|backup")
    if data:
        st.download_button(
            "Download the backup",
            data=data.encode("utf-8"),
            mime="application/json",
            file_name=f"sdmkit-backup-{clock.now():%Y-%m-%d}.json",
            type="primary",
            icon=":material/download:",
            help="A JSON file; keep it somewhere safe, it holds every document",
        )
