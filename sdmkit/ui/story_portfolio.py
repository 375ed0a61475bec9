"""The Story bank's Portfolio and Redaction tabs: the chosen stories with their
source documents as one Markdown file or PDF, redacted by the workspace's list."""

from __future__ import annotations

import streamlit as st

from sdmkit.redaction import first_few, saved_terms, unlisted_names, unlisted_people, unlisted_services
from sdmkit.ui import redaction_list
from sdmkit.ui.state import flash, kept, kept_copy, store
from sdmkit.ui.story_bank import bank_stories
from sdmkit.ui.text import esc, plural


def portfolio_tab() -> None:
    # On first use: the portfolio brings in WeasyPrint, which only its tab needs.
    from sdmkit.portfolio import not_ready, portfolio_documents, portfolio_markdown, portfolio_pdf

    stories = bank_stories()
    if not stories:
        st.info("Mine your documents or write stories first.", icon=":material/lightbulb:")
        return
    # Kept, like every choice on this page: a name typed or stories chosen survive a
    # visit to a story's editor and back.
    whole = kept(
        st.toggle, "The whole story bank", key="sb|whole", help="Every story, instead of a chosen few"
    )
    if whole:
        chosen = [s.id for s in stories]
    else:
        ids = {s.id for s in stories}
        if (was := st.session_state.get(kept_copy("sb|port"))) is not None:
            # The stories chosen come back without any deleted since.
            st.session_state[kept_copy("sb|port")] = [i for i in was if i in ids]
        chosen = kept(
            st.multiselect,
            "Stories",
            [s.id for s in stories],
            key="sb|port",
            format_func=lambda i: next(s.title for s in stories if s.id == i),
            help="The stories to take to the interview; their source documents come with them",
        )
    owner = kept(st.text_input, "Your name", key="sb|owner", help="For the portfolio's title")
    redacted = kept(
        st.toggle,
        "Redact",
        start={"value": True},
        key="sb|redact",
        help="Replace the names on your redaction list, e-mail addresses, links and ticket ids",
    )
    if not chosen:
        st.caption(
            "Choose the stories to take to the interview above, or switch on The whole story bank: "
            "the downloads appear here, with each story's source documents."
        )
        return
    if redacted and redaction_list.unsaved(st.session_state, saved_terms(store())):
        st.warning(
            "The redaction list has unsaved changes in the Redaction tab: this portfolio uses the list as "
            "last saved. Save it there first to redact what you added.",
            icon=":material/edit_note:",
        )
    exported = portfolio_documents(store(), chosen) if redacted else []
    missing = unlisted_people(store(), documents=exported) if redacted else []
    services = unlisted_services(store(), documents=exported) if redacted else []
    # People and services are replaced all the same (redaction.applied_terms), and can
    # be put on the list here at once (below); other names are only sdmkit's guess, so
    # a redacted pack still shows them until they are chosen in the Redaction tab.
    listed_later = "Add them to the list to keep their numbers from one export to the next."
    _still_shown(
        missing,
        f"{plural(len(missing), 'person', 'people')} not on your redaction list, replaced as [name 1], "
        "[name 2] … all the same",
        listed_later,
        ":material/person_search:",
    )
    _still_shown(
        services,
        f"{plural(len(services), 'internal service name')} not on your redaction list, replaced as "
        "[service 1], [service 2] … all the same",
        listed_later,
        ":material/dns:",
    )
    if missing or services:
        # Here too, not only in the Redaction tab: the pack is made on this tab, and a
        # first redacted PDF named everyone because the list starts empty.
        said = [plural(len(missing), "name")] if missing else []
        said += [plural(len(services), "service name")] if services else []
        if st.button(
            f"Add the {' and '.join(said)} to the redaction list",
            key="sb|pf|add_missing",
            icon=":material/playlist_add:",
            help="People as [name], services as [service], numbered in exports; edit them in the Redaction tab",
        ):
            if missing:
                redaction_list.add_names(missing)
            if services:
                redaction_list.add_names(services, "[service]")
            flash(f"Added the {' and '.join(said)} to the redaction list")
            st.rerun()
    # under the button above: that one adds people and services, not these
    others = unlisted_names(store(), documents=exported) if redacted else []
    _still_shown(
        others,
        f"The redacted portfolio still uses {plural(len(others), 'other name')} not on your redaction list",
        "Perhaps your company, a customer or a product: choose the ones to hide in the Redaction tab.",
        ":material/domain:",
        alert=st.warning,
    )
    if unanswered := not_ready(store(), chosen):
        total = sum(n for _, n in unanswered)
        st.warning(
            f"Not ready yet: {plural(total, '“Your part” question')} only you can answer, in "
            + "; ".join(f"{esc(title)} ({n})" for title, n in unanswered)
            + ". They print as questions, marked not ready. Answer them in each story's editor "
            "(Library, or Mine on this page) before you take the portfolio to an interview.",
            icon=":material/help:",
        )
    c1, c2 = st.columns(2)
    # Written when the button is pressed, not on every run of the page (a third of a
    # second for the examples' whole bank, redacted). The callable runs outside the
    # script, so it gets the store and the choices as they are now, not store().
    workspace, picked = store(), list(chosen)
    c1.download_button(
        "Portfolio (.md)",
        on_click="ignore",
        data=lambda: portfolio_markdown(workspace, picked, redacted=redacted, owner=owner).encode("utf-8"),
        file_name="interview-portfolio.md",
        mime="text/markdown",
        icon=":material/download:",
        help="The chosen stories and their source documents as one Markdown file",
    )
    # Typeset when pressed, like the Markdown (some seconds for a whole bank; the button
    # spins meanwhile): one click, and always of the stories and the list as they are.
    c2.download_button(
        "Portfolio (.pdf)",
        on_click="ignore",
        data=lambda: portfolio_pdf(workspace, picked, redacted=redacted, owner=owner),
        file_name="interview-portfolio.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        type="primary",
        help="The chosen stories and their source documents, typeset as one PDF"
        + (", redacted" if redacted else ", not redacted"),
    )


def _still_shown(found: list[str], head: str, hint: str, icon: str, alert=st.info) -> None:
    if found:
        alert(f"{head}: {esc(first_few(found))}. {hint}", icon=icon)


def redaction_tab() -> None:

    st.caption(
        "Names and terms replaced in every redacted export: people, internal service names, customers. "
        "E-mail addresses, links, ticket ids (like PAY-2041 or cfg-8812), phone numbers, chat channels "
        "(#team-help) and handles are replaced automatically. Ids, dates and time zones are never rewritten."
    )
    redaction_list.draw()
    _offer(
        unlisted_people(store()),
        ("person", "people"),
        "named in your documents (owners, authors, members, approvers, speakers)",
        "name",
        "[name]",
        ":material/person_search:",
    )
    _offer(
        unlisted_services(store()),
        ("internal service name", "internal service names"),
        "listed in your documents (a COE's services, a charter's services)",
        "service name",
        "[service]",
        ":material/dns:",
    )
    _choose_names(unlisted_names(store()))


def _choose_names(found: list[str]) -> None:
    """Other names the documents use (the company, a customer, a product?): sdmkit
    cannot tell which are sensitive, so the user picks the ones to hide, and what
    they print as."""
    if not found:
        return
    st.info(
        f"{plural(len(found), 'other name')} your documents use that the list does not replace: "
        + esc(", ".join(found))
        + ". Perhaps your company, a customer or a product: choose the ones a reader should not see.",
        icon=":material/domain:",
    )
    c1, c2, c3 = st.columns([3, 1.4, 1.6], vertical_alignment="bottom")
    chosen = c1.multiselect(
        "Names to hide",
        found,
        # a new box once the names change: the browser kept showing a name just added
        # (no longer an option) in the old one, beside a button that added nothing
        key=f"sb|names|pick|{'|'.join(found)}",
        placeholder="Choose names",
        help="Each is added to the list with the replacement beside it; edit either in the table afterwards",
    )
    replacement = c2.text_input(
        "Shown as",
        value="[company]",
        key="sb|names|as",
        max_chars=60,
        help="What a redacted export prints instead, numbered when several share it: [company 1], [company 2]",
    )
    if c3.button(
        f"Add {plural(len(chosen), 'name')}" if chosen else "Add",
        key="sb|names|add",
        icon=":material/playlist_add:",
        disabled=not chosen,
        help="Put the chosen names on the redaction list",
        width="stretch",
    ):
        redaction_list.add_names(chosen, replacement.strip() or "[redacted]")
        flash(f"Added {plural(len(chosen), 'name')} to the redaction list")
        st.rerun()


def _offer(
    found: list[str], what: tuple[str, str], where: str, noun: str, replacement: str, icon: str
) -> None:
    """What a redacted export replaces without the list's say, and a button that puts
    it on the list (to choose what it prints as, and keep its number)."""
    if not found:
        return
    st.info(
        f"{plural(len(found), *what)} {where} and not on the list: redacted exports replace them as "
        f"{replacement[:-1]} 1], {replacement[:-1]} 2] … all the same. " + esc(", ".join(found)),
        icon=icon,
    )
    if st.button(
        f"Add {plural(len(found), noun)} to the list",
        icon=":material/playlist_add:",
        help=f"Each replaced with {replacement} (numbered in exports: {replacement[:-1]} 1], "
        f"{replacement[:-1]} 2]); edit the replacement above afterwards if you like",
    ):
        redaction_list.add_names(found, replacement)
        flash(f"Added {plural(len(found), noun)} to the redaction list")
        st.rerun()
