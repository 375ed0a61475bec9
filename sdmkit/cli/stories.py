"""sdmkit stories: mine the documents, match a question, show coverage, keep the
redaction list."""

from __future__ import annotations

# Imports inside functions: each command loads only what it uses; the portfolio
# brings in WeasyPrint, the ranking numpy (start-up time).
from typing import Annotated

import typer

from sdmkit.cli.common import JsonFlag, echo_json, store

app = typer.Typer(help="The story bank: mining, matching, coverage, redaction.", no_args_is_help=True)


@app.command("mine")
def stories_mine(as_json: JsonFlag = False):
    """Mine every document into STAR drafts; reports stories created, updated and kept."""
    from sdmkit.stories.mine import mine_all

    report = mine_all(store())
    if as_json:
        echo_json(report.as_dict())
        return
    typer.echo(
        f"{report.documents} documents ({report.skipped} unchanged since the last mining): "
        f"{len(report.created)} stories created, {len(report.updated)} updated, "
        f"{len(report.kept)} kept as you edited them"
    )


@app.command("match")
def stories_match(question: Annotated[str, typer.Argument(metavar="QUESTION")], as_json: JsonFlag = False):
    """Rank the stories that answer a question, with the reason for each."""
    from sdmkit.interview import is_technical
    from sdmkit.stories.match import match

    found = match(question, list(store().iter_documents(kind="story")), store().get)
    if as_json:
        echo_json([m.__dict__ for m in found])
        return
    if is_technical(question):
        typer.echo("a system-design question: practise it as a design, not with a story")
    elif not found:
        typer.echo("no story yet for this question; mine your documents or write one")
    for m in found[:10]:
        typer.echo(f"{m.score:>5.2f}  {m.story_id:>5}  {m.title}  ({m.reason})")


@app.command("coverage")
def stories_coverage(as_json: JsonFlag = False):
    """Principles by stories, and the loop's questions with a ready story, with the gaps."""
    from sdmkit.stories.match import coverage

    cov = coverage(list(store().iter_documents(kind="story")), store().get)  # as the app ranks: with sources
    if as_json:
        echo_json(cov)
        return
    check = cov["principles_to_check"]
    for p, ids in cov["principles"].items():
        if ids:
            typer.echo(f"{'covered':<8} {p}  ({len(ids)} stor{'y' if len(ids) == 1 else 'ies'})")
        elif p in check:
            n = len(check[p])
            typer.echo(
                f"{'CHECK':<8} {p}  (suggested on {n} stor{'y' if n == 1 else 'ies'} by the words alone)"
            )
        else:
            typer.echo(f"{'GAP':<8} {p}")
    for r in cov["rounds"]:
        typer.echo(f"\n{r['round']}")
        for q in r["questions"]:
            # As the app's coverage says: a design question is answered by designing, not by a story.
            best = (
                q["stories"][0]["title"]
                if q["stories"]
                else ("system design: practise a design" if q["technical"] else "no story yet")
            )
            typer.echo(f"  - {q['question']}\n      {best}")


@app.command("portfolio")
def stories_portfolio(
    out: Annotated[str, typer.Option("--out", "-o", help="File to write: .md or .pdf.")],
    ids: Annotated[
        list[int] | None, typer.Argument(metavar="[STORY_ID]...", help="The stories to include.")
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="The whole story bank.")] = False,
    redact: Annotated[bool, typer.Option("--redact", help="Apply the redaction list.")] = False,
    owner: Annotated[str, typer.Option(help="Your name, for the title.")] = "",
):
    """The interview portfolio (chosen stories, or --all for the story bank) with their sources, in one file."""
    from pathlib import Path

    from sdmkit.errors import SdmkitError
    from sdmkit.portfolio import portfolio_markdown, portfolio_pdf

    path = Path(out)
    if path.suffix not in (".md", ".pdf"):
        raise SdmkitError(f"--out: '{out}' must end in .md or .pdf")
    s = store()
    if bool(ids) == all_:
        raise SdmkitError("give story ids or --all (not both)")
    chosen = [d.stored_id for d in s.iter_documents(kind="story")] if all_ else list(ids or [])
    for i in chosen:
        if s.get(i).kind != "story":
            raise SdmkitError(f"document {i} is not a story")
    if redact:
        from sdmkit.portfolio import portfolio_documents
        from sdmkit.redaction import before_export

        for said in before_export(s, portfolio_documents(s, chosen)):
            typer.echo(f"sdmkit: {said}", err=True)
    if path.suffix == ".md":
        path.write_text(portfolio_markdown(s, chosen, redacted=redact, owner=owner), encoding="utf-8")
    else:
        path.write_bytes(portfolio_pdf(s, chosen, redacted=redact, owner=owner))
    typer.echo(str(path))


redaction = typer.Typer(
    help="The redaction list: names and terms every redacted export replaces.", no_args_is_help=True
)
app.add_typer(redaction, name="redaction")


@redaction.command("list")
def redaction_list(as_json: JsonFlag = False):
    """The names and terms on the list, each with its replacement, and the people,
    internal service names and other names your documents use that it misses."""
    from sdmkit.redaction import saved_terms, unlisted_names, unlisted_people, unlisted_services

    s = store()
    rows, missing, services = saved_terms(s), unlisted_people(s), unlisted_services(s)
    others = unlisted_names(s)
    if as_json:
        echo_json(
            {"terms": rows, "unlisted_people": missing, "unlisted_services": services, "other_names": others}
        )
        return
    if not rows:
        typer.echo(
            "the redaction list is empty: only e-mails, links, ticket ids, phones and handles are replaced"
        )
    for r in rows:
        typer.echo(f"{r['term']}\t{r['replacement']}")
    if missing:
        typer.echo(
            f"not on the list ({len(missing)}): {', '.join(missing)}; "
            "`sdmkit stories redaction add --people` adds them",
            err=True,
        )
    if services:
        typer.echo(
            f"internal services not on the list ({len(services)}): {', '.join(services)}; "
            "`sdmkit stories redaction add --services` adds them",
            err=True,
        )
    if others:
        typer.echo(
            f"other names, perhaps your company, a customer or a product ({len(others)}): {', '.join(others)}; "
            "`sdmkit stories redaction add NAME --as '[company]'` adds one",
            err=True,
        )


@redaction.command("add")
def redaction_add(
    terms: Annotated[
        list[str] | None, typer.Argument(metavar="[TERM]...", help="Names or terms to add.")
    ] = None,
    replacement: Annotated[
        str, typer.Option("--as", help="What a redacted export shows instead ([redacted] if not given).")
    ] = "",
    people: Annotated[
        bool,
        typer.Option(
            "--people", help="Also every person your documents name who is not on the list, as [name]."
        ),
    ] = False,
    services: Annotated[
        bool,
        typer.Option(
            "--services",
            help="Also every internal service name your documents list (COE services, a charter's services), "
            "as [service].",
        ),
    ] = False,
):
    """Add names or terms to the list (one already on it gets the new replacement)."""
    from sdmkit.errors import SdmkitError
    from sdmkit.redaction import saved_terms, set_terms, unlisted_people, unlisted_services

    s = store()
    new = [{"term": t, "replacement": replacement} for t in terms or [] if t.strip()]
    if people:
        new += [{"term": n, "replacement": "[name]"} for n in unlisted_people(s)]
    if services:
        new += [{"term": n, "replacement": "[service]"} for n in unlisted_services(s)]
    if not new:
        raise SdmkitError("give the terms to add, or --people, or --services")
    adding = {r["term"].strip() for r in new}
    set_terms(s, [r for r in saved_terms(s) if r["term"] not in adding] + new)
    typer.echo(f"{len(adding)} added; the list has {len(saved_terms(s))}")


@redaction.command("remove")
def redaction_remove(
    terms: Annotated[list[str], typer.Argument(metavar="TERM...", help="Names or terms to remove.")],
):
    """Take names or terms off the list."""
    from sdmkit.errors import SdmkitError
    from sdmkit.redaction import saved_terms, set_terms

    s = store()
    rows = saved_terms(s)
    unknown = [t for t in terms if t not in {r["term"] for r in rows}]
    if unknown:
        raise SdmkitError(f"not on the redaction list: {', '.join(unknown)}")
    set_terms(s, [r for r in rows if r["term"] not in set(terms)])
    typer.echo(f"{len(terms)} removed; the list has {len(rows) - len(terms)}")
