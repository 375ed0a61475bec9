"""sdmkit stories: mine the documents, match a question, show coverage."""

from __future__ import annotations

# Imports inside functions: each command loads only what it uses; the portfolio
# brings in WeasyPrint, the ranking numpy (start-up time).
from typing import Annotated

import typer

from sdmkit.cli.common import JsonFlag, echo_json, store

app = typer.Typer(help="The story bank: mining, matching, coverage.", no_args_is_help=True)


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
