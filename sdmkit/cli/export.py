"""sdmkit export: documents to Markdown, HTML, PDF or JSON files, one command for one
document or all of them (PDF layout in the press's worker processes, export/press.py)."""

from __future__ import annotations

# Imports inside functions: the exporters (and WeasyPrint) load only when it runs.
from pathlib import Path
from typing import Annotated

import typer

from sdmkit.cli import common
from sdmkit.errors import SdmkitError


def export(
    ids: Annotated[list[str] | None, typer.Argument(metavar="[ID]...", help="Document ids.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Every document.")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="md, html, pdf or json.")] = "md",
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write into.")] = Path("."),
    page_size: Annotated[
        str | None, typer.Option(help="A4 or Letter (default: the workspace setting).")
    ] = None,
    redact: Annotated[
        bool, typer.Option("--redact", help="Apply the redaction list, e-mails, URLs, ticket ids.")
    ] = False,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Replace files already in --out (they are kept otherwise).")
    ] = False,
):
    """Export documents to Markdown, HTML, PDF or JSON. Files already in --out are kept
    (one line each, exit 1) unless --overwrite is given."""
    from sdmkit import export as exporter
    from sdmkit.export import press

    if fmt not in exporter.FORMATS:
        raise SdmkitError(f"--format: '{fmt}' is not one of {', '.join(exporter.FORMATS)}")
    if bool(ids) == all_:
        raise SdmkitError("give document ids or --all (not both)")
    # PDF workers start before the store is opened: they import WeasyPrint meanwhile.
    printer = press.start(None if all_ else len(ids or [])) if fmt == "pdf" else None
    try:
        kept = _export(exporter, printer, ids, all_, fmt, out, page_size, redact, overwrite)
    finally:
        if printer:
            printer.close()
    common.finished.append("export")
    if kept:
        raise typer.Exit(1)


def _export(exporter, printer, ids, all_, fmt, out, page_size, redact, overwrite) -> int:
    """Write each document's file (laid out by the press's workers when there is one);
    the number of files kept because they were already there."""
    store = common.store()
    size = page_size or store.setting("pdf_page_size", "A4")
    if size not in ("A4", "Letter"):
        raise SdmkitError(f"--page-size: '{size}' is not A4 or Letter")
    docs = list(store.iter_documents()) if all_ else [store.get(common.doc_id(i)) for i in ids or []]
    if redact:
        from sdmkit.redaction import before_export

        for said in before_export(store, docs):
            typer.echo(f"sdmkit: {said}", err=True)
    out.mkdir(parents=True, exist_ok=True)
    kept = 0
    pending = []
    for doc, name in zip(docs, exporter.unique_names(docs, fmt, redacted=redact), strict=True):
        path = out / name
        if path.exists() and not overwrite:
            kept += 1
            typer.echo(f"sdmkit: {path}: already exists; kept it (--overwrite replaces it)", err=True)
            continue
        if printer:
            html = exporter.print_html_from(store, doc, page_size=size, redacted=redact)
            pending.append((path, printer.lay_out(html)))
            while len(pending) > printer.backlog:  # HTML waiting is memory: write as they come
                _written(*pending.pop(0), printer)
        else:
            _written(path, exporter.render_from(store, doc, fmt, page_size=size, redacted=redact))
    store.engine.dispose()
    for path, job in pending:
        _written(path, job, printer)
    return kept


def _written(path: Path, data, printer=None) -> None:
    """Write one export's file (data: its bytes, or the press's job for them) and say so."""
    path.write_bytes(printer.result(data) if printer else data)
    typer.echo(str(path))
