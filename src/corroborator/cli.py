"""The `corroborator` command. Each command parses its arguments and calls one library function."""

from __future__ import annotations

import json
import sys
from contextlib import nullcontext

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from corroborator import __version__
from corroborator.errors import CorroboratorError, no_such_document
from corroborator.ingest import sources
from corroborator.ingest.pipeline import IngestReport, ingest
from corroborator.present import export as exporting
from corroborator.present import tables
from corroborator.store import documents as stored
from corroborator.store.db import ENVIRONMENT_VARIABLE, Database

EXIT_REJECTED = 3  # the run finished, and some inputs were rejected (listed on stderr)

# Piped output is not squeezed to 80 columns: tables keep their titles readable in a file or a pager.
stdout = Console(width=None if sys.stdout.isatty() else 140)
stderr = Console(stderr=True)


def _database(context: click.Context, readonly: bool = False) -> Database:
    try:
        return Database(context.obj["db"], readonly=readonly)
    except CorroboratorError as error:
        raise click.ClickException(str(error)) from error


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    envvar=ENVIRONMENT_VARIABLE,
    default="corroborator.db",
    show_default=True,
    help=f"The SQLite file that holds every stage's output (also ${ENVIRONMENT_VARIABLE}).",
)
@click.version_option(__version__, prog_name="corroborator")
@click.pass_context
def cli(context: click.Context, db: str) -> None:
    """Read news coverage from many outlets and lay it out claim by claim."""
    context.obj = {"db": db}


def _ingest(context: click.Context, paths: tuple[str, ...], max_bytes: int, jobs: int) -> IngestReport:
    files = list(sources.files(paths))
    interactive = stderr.is_terminal
    progress = (
        Progress(
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("files"), TimeElapsedColumn(),
            console=stderr, transient=True,
        )
        if interactive
        else nullcontext()
    )
    with _database(context) as database, progress:
        task = progress.add_task("ingest", total=len(files)) if interactive else None
        on_file = (lambda _path: progress.advance(task)) if interactive else None
        try:
            report = ingest(database, files, max_bytes=max_bytes, jobs=jobs, on_file=on_file)
        except CorroboratorError as error:
            raise click.ClickException(str(error)) from error
    for rejection in report.rejected:
        stderr.print(f"[red]rejected[/] {rejection.path}: {rejection.reason}", highlight=False, soft_wrap=True)
    if interactive:
        stderr.print(tables.ingest_summary(report))
    return report


_paths = click.argument("paths", nargs=-1, required=True)
_max_bytes = click.option(
    "--max-bytes", default=sources.DEFAULT_MAX_BYTES, show_default=True, type=click.IntRange(1),
    help="Reject any single page or archive record larger than this.",
)
_jobs = click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1), help="Processes that read pages.")


@cli.command("ingest")
@_paths
@_max_bytes
@_jobs
@click.pass_context
def ingest_command(context: click.Context, paths: tuple[str, ...], max_bytes: int, jobs: int) -> None:
    """Read articles from files, directories, globs, JSONL or WARC archives, or - for stdin.

    Exits with status 3 when any input was rejected; each rejection is listed with its reason.
    """
    report = _ingest(context, paths, max_bytes, jobs)
    if report.rejected:
        context.exit(EXIT_REJECTED)


@cli.command("documents")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def documents_command(context: click.Context, as_json: bool) -> None:
    """List the stored documents."""
    with _database(context, readonly=True) as database:
        documents = list(stored.documents(database))
    if as_json:
        click.echo(json.dumps([exporting.document_record(d) for d in documents], ensure_ascii=False, indent=2))
    else:
        stdout.print(tables.documents_table(documents))


@cli.command("rejected")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def rejected_command(context: click.Context, as_json: bool) -> None:
    """List every rejected input with its one-line reason."""
    with _database(context, readonly=True) as database:
        rejections = stored.rejected(database)
    if as_json:
        click.echo(json.dumps([exporting.rejection_record(r) for r in rejections], ensure_ascii=False, indent=2))
    else:
        stdout.print(tables.rejected_table(rejections))


@cli.command("doc")
@click.argument("document_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.pass_context
def doc_command(context: click.Context, document_id: str, as_json: bool) -> None:
    """Show one document (ID or an unambiguous prefix of it)."""
    with _database(context, readonly=True) as database:
        document = stored.document(database, document_id)
        if document is None:
            raise click.ClickException(no_such_document(document_id))
        record = exporting.document_record(document)
        record["paths"] = stored.paths(database, document.id)
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    stdout.print(f"[bold]{document.title or '(untitled)'}[/]", highlight=False)
    byline = " · ".join(filter(None, [", ".join(document.authors), document.source, document.published]))
    stdout.print(byline, style="dim", highlight=False)
    stdout.print()
    stdout.print(document.body, highlight=False)
    if document.comments or document.comment_count:
        stdout.print(f"\n[dim]{document.comment_count} reader comments, kept apart from the body[/]")


@cli.command("export")
@click.option("--format", "format_", type=click.Choice(["json"]), default="json", show_default=True)
@click.pass_context
def export_command(context: click.Context, format_: str) -> None:
    """Print everything (documents, rejected inputs, stories) as one JSON document on stdout."""
    with _database(context, readonly=True) as database:
        click.echo(json.dumps(exporting.export(database), ensure_ascii=False, indent=2))


@cli.command("run")
@_paths
@_max_bytes
@_jobs
@click.pass_context
def run_command(context: click.Context, paths: tuple[str, ...], max_bytes: int, jobs: int) -> None:
    """Ingest PATHS and show what was read: the documents, and the rejected inputs with their reasons."""
    report = _ingest(context, paths, max_bytes, jobs)
    with _database(context, readonly=True) as database:
        stdout.print(tables.documents_table(list(stored.documents(database))))
        rejections = stored.rejected(database)
    if rejections:
        stdout.print(tables.rejected_table(rejections))
    if report.rejected:
        context.exit(EXIT_REJECTED)


def main() -> None:
    """Entry point of the console script."""
    try:
        cli(prog_name="corroborator")
    except CorroboratorError as error:
        stderr.print(f"[red]error:[/] {error}")
        sys.exit(1)
