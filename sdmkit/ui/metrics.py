"""The Metrics page: a team's catalog, CSV import with a preview and row-level
errors, and the weekly values."""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

from sdmkit import clock
from sdmkit.errors import InvalidDocument
from sdmkit.metrics.catalog import (
    AGGREGATIONS,
    DIRECTIONS,
    STARTER,
    TYPES,
    Metric,
    catalog,
    enter_week,
    save_catalog,
    series,
    teams_with_metrics,
)
from sdmkit.metrics.importer import import_csv, parse
from sdmkit.ui import cells
from sdmkit.ui.state import flash, kept, store
from sdmkit.ui.text import esc, label, plural

NEW = "+ a new team"
TABS = ("Catalog", "Type a week", "Import CSV", "Data")


def choose_team() -> str | None:
    # The teams with metrics first, so the page opens on one that has something to show.
    measured = sorted(set(teams_with_metrics(store())))
    teams = measured + sorted(set(store().teams()) - set(measured))
    # Kept across pages, as the tab below: back from a weekly review, the page opened on
    # the first team's catalog, not on the week being typed for another team.
    team = kept(
        st.selectbox,
        "Team",
        [*teams, NEW],
        key="met|team",
        valid=lambda chosen: chosen in teams or chosen == NEW,
        help="Each team has its own metric catalog",
    )
    if team == NEW:
        team = kept(
            st.text_input, "New team name", key="met|newteam", help="As the team's documents name it"
        ).strip()
    return team or None


def tabs() -> list:
    """The page's tabs, the one open kept across a rerun and another page."""
    return kept(st.tabs, list(TABS), key="met|tab", on_change="rerun")


def catalog_tab(team: str) -> None:
    metrics = catalog(store(), team)
    if not metrics:
        st.info(
            f"{esc(team)} has no metrics yet. Start from the starter set for engineering teams, then edit it.",
            icon=":material/lightbulb:",
        )

        def starter():
            save_catalog(store(), team, list(STARTER))
            flash("Starter set added")

        st.button(
            "Add the starter set",
            type="primary",
            icon=":material/playlist_add:",
            on_click=starter,
            help="Common engineering metrics as this team's catalog; edit or delete any of them after",
        )
        return
    rows = [m.as_dict() for m in metrics]
    config = {
        "name": st.column_config.TextColumn("Metric", required=True, help="Its name, as the review calls it"),
        "unit": st.column_config.TextColumn("Unit", help="count, %, ms, days…"),
        "owner": st.column_config.TextColumn("Owner", help="Who explains it in the review"),
        "type": st.column_config.SelectboxColumn(
            "Type", options=list(TYPES), help="input: the team controls it"
        ),
        "drives": st.column_config.TextColumn("Drives", help="For an input: the output it moves"),
        "target": st.column_config.NumberColumn("Target", help="The value the team aims for, in its unit"),
        "direction": st.column_config.SelectboxColumn(
            "Better when", options=list(DIRECTIONS), help="Whether a higher or a lower value is good news"
        ),
        "aggregation": st.column_config.SelectboxColumn(
            "Months", options=list(AGGREGATIONS), help="How weeks add up to a month"
        ),
        "id": None,
    }
    edited = cells.editor(
        rows,
        key=f"met|catalog|{team}",
        column_config=config,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
    )
    if st.button(
        "Save the catalog",
        type="primary",
        icon=":material/save:",
        help="Keep the table above; rows without a metric name are left out",
    ):
        try:
            save_catalog(
                store(),
                team,
                [
                    Metric(**{k: v for k, v in r.items() if k != "id"})
                    for r in edited
                    if (r.get("name") or "").strip()
                ],
            )
            flash("Catalog saved")
            st.rerun()
        except InvalidDocument as exc:
            for p in exc.problems:
                st.error(esc(str(p)))


def import_tab(team: str) -> None:
    if not catalog(store(), team):
        st.caption("Create the catalog first: values belong to its metrics.")
        return
    st.caption(
        "A CSV with the columns metric, week_end (a Sunday, YYYY-MM-DD) and value. Valid rows are kept, bad "
        "rows are listed; importing a week again updates it."
    )
    upload = st.file_uploader(
        "CSV file", type=["csv"], key=f"met|upload|{team}", help="metric, week_end, value"
    )
    if upload is None:
        return
    text = upload.getvalue().decode("utf-8", errors="replace")
    parsed = parse(store(), team, text)
    st.markdown(f"**Preview:** {plural(len(parsed.good), 'valid row')}, {len(parsed.problems)} rejected")
    if parsed.problems:
        cells.table(
            [{"Row": p.row, "Column": p.column, "Problem": p.problem} for p in parsed.problems],
            hide_index=True,
            width="stretch",
        )
    if parsed.good:
        cells.table(
            [
                {"Row": r, "Metric": n, "Week ending": w.isoformat(), "Value": v}
                for r, n, w, v in parsed.good[:200]
            ],
            hide_index=True,
            width="stretch",
        )
        if st.button(
            f"Import {plural(len(parsed.good), 'valid row')}",
            type="primary",
            icon=":material/upload:",
            help="Save the valid rows; the rejected ones are left out",
        ):
            _, created, updated = import_csv(store(), team, text)
            flash(f"Imported: {created} new, {updated} updated")
            st.rerun()


def data_tab(team: str) -> None:
    metrics = catalog(store(), team)
    if not metrics:
        return
    values = {m.id: series(store(), m.id) for m in metrics}
    known = {w for v in values.values() for w in v}
    if not known:
        st.caption("No values yet: type a week or import a CSV.")
        return
    # Every week of the last 13, those without data too: a week nobody entered is a gap
    # the review should see, not a column that quietly is not there.
    last, first = max(known), min(known)
    weeks = [w for w in (last - timedelta(weeks=n) for n in range(12, -1, -1)) if w >= first]
    # Newest first, beside the metric's name: thirteen weeks are wider than the page,
    # and the week under review was the one scrolled off to the right.
    shown = weeks[::-1]
    table = [{"Metric": m.name, **{w.strftime("%d %b"): values[m.id].get(w) for w in shown}} for m in metrics]
    st.caption(
        f"The {len(weeks)} weeks ending {last:%d %b %Y}, the latest week with data, newest first. "
        "A dash is a week without a value."
    )
    missing = [w for w in weeks if w not in known]
    if missing:
        st.warning(
            "No value for any metric in the week"
            + (" ending " if len(missing) == 1 else "s ending ")
            + ", ".join(f"{w:%d %b}" for w in missing)
            + ": type it below, or import it, before the review.",
            icon=":material/event_busy:",
        )
    # The name pinned: scrolled to older weeks, each row still says what it measures.
    columns = {"Metric": st.column_config.TextColumn(pinned=True)}
    cells.table(table, hide_index=True, width="stretch", column_config=columns)


def type_tab(team: str) -> None:
    """Type one week's values by hand, as well as importing them."""

    metrics = catalog(store(), team)
    if not metrics:
        st.caption("Create the catalog first: values belong to its metrics.")
        return
    today = clock.today()
    last_sunday = today - timedelta(days=(today.weekday() + 1) % 7)
    week = kept(
        st.date_input,
        "Week ending",
        key=f"met|type|week|{team}",
        start={"value": last_sunday},
        format="YYYY-MM-DD",
        help="The Sunday the week ends on",
    )
    if week and week.weekday() != 6:
        st.error(f"Week ending: {week:%A %d %b %Y} is not a Sunday.")
        return
    known = {m.name: series(store(), m.id).get(week) for m in metrics} if week else {}
    st.caption("Leave a metric empty to keep what is there. Typing a week again updates it.")
    # Plain widgets, not a form: a form sends its values only with its button, so a week
    # half typed was lost on a visit to another page. A box is keyed by the value saved
    # when it was drawn too: after an import changes that value, the box shows the new
    # one instead of a kept copy of the old, which saving would write back; once saved,
    # the boxes are new ones, drawn from what is now saved.
    keys = {m.name: f"met|type|{team}|{m.name}|{week}|{known.get(m.name)}" for m in metrics}
    with st.container(border=True):
        typed = {
            m.name: kept(
                st.number_input,
                label(f"{m.name}{' (' + m.unit + ')' if m.unit else ''}"),  # labels render Markdown
                key=keys[m.name],
                start={"value": known.get(m.name)},
                format="%g",
                help=f"Owner: {esc(m.owner)}" if m.owner else "No owner in the catalog yet",
            )
            for m in metrics
        }
        changed = [name for name, v in typed.items() if v is not None and v != known.get(name)]
        if st.button(
            "Save the week",
            type="primary",
            icon=":material/save:",
            help="Keep these values for the week; a value saved before is updated",
        ):
            try:
                created, updated = enter_week(store(), team, week, typed)
            except InvalidDocument as exc:
                for p in exc.problems:
                    st.error(esc(str(p)))
            else:
                flash(f"Saved: {created} new, {updated} updated")
                st.rerun()
        elif changed:
            st.caption(f"Not saved yet: {esc(', '.join(changed))}. Typed values stay here until you save.")
