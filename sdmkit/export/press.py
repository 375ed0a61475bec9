"""PDF layout in worker processes, started before the caller opens the store.

Laying out pages is WeasyPrint's work, and most of a one-document export's time was
spent in series: importing the CLI and the store, then importing WeasyPrint (0.2 s),
then laying out. A bulk export then laid out each document in turn on one core of
several. The press forks its workers first: they import WeasyPrint while the caller
imports the store and renders each document's HTML, and a bulk export lays out on
every core. A worker gets HTML only (pdf_export knows no store and no kind), so it
imports no more than it lays out with.

Forking is Linux's way of starting a process cheaply; elsewhere (and with
SDMKIT_PDF_WORKERS=0) `start` returns None and the caller lays out in its own process.
"""

from __future__ import annotations

# Imports inside functions: a worker imports pdf_export (and WeasyPrint) once it is
# forked, never the caller, which lays out nothing while a press runs.
import multiprocessing
import os
import sys
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from sdmkit.errors import SdmkitError

MAX_WORKERS = 4  # past this, memory (about 100 MB a worker) buys no more speed


def workers_for(documents: int | None) -> int:
    """As many workers as documents (None: not known yet), cores, and MAX_WORKERS allow."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    setting = os.environ.get("SDMKIT_PDF_WORKERS", "").strip()
    limit = int(setting) if setting.isdigit() else MAX_WORKERS
    return max(0, min(documents or cores, cores, limit))


class Press:
    """Worker processes that turn print HTML into PDF bytes, in the order asked."""

    def __init__(self, workers: int):
        self.backlog = 2 * workers  # documents a caller need not wait for yet
        self._pool = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("fork"), initializer=_warm_up
        )
        # With fork, the first task starts every worker: now, while the caller goes on.
        self._pool.submit(int)

    def lay_out(self, html: str) -> Future[bytes]:
        return self._pool.submit(_lay_out, html)

    @staticmethod
    def result(job: Future[bytes]) -> bytes:
        try:
            return job.result()
        except BrokenProcessPool:
            raise SdmkitError(
                "a PDF worker process ended before its document was laid out (out of memory?); "
                "SDMKIT_PDF_WORKERS=0 lays out in one process"
            ) from None

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Press:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def start(documents: int | None) -> Press | None:
    """A press for this many documents, or None where it would not help or cannot run."""
    workers = workers_for(documents)
    # A process with other threads is not forked: a lock one of them holds would be
    # copied held (the CLI has none; a host that calls it may).
    if workers == 0 or not sys.platform.startswith("linux") or threading.active_count() > 1:
        return None
    return Press(workers)


def _warm_up() -> None:
    from sdmkit.export import pdf_export

    pdf_export.make_fetcher()  # imports WeasyPrint, with sdmkit's adjustments


def _lay_out(html: str) -> bytes:
    from sdmkit.export import pdf_export

    return pdf_export.print_pdf(html)
