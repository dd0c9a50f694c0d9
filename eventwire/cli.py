"""The `eventwire` command line."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from eventwire import outputs
from eventwire.store import Store, StoreError, resolve_db_path

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Sourced political event records from raw, noisy news pages.")
eval_app = typer.Typer(no_args_is_help=True, help="Score eventwire against labelled data.")
app.add_typer(eval_app, name="eval")
stdout = Console()
T = TypeVar("T")
stderr = Console(stderr=True)

DbOption = Annotated[Path | None, typer.Option("--db", help="DuckDB file [default: $EVENTWIRE_DB or ./eventwire.duckdb]")]


class RecordFormat(str, Enum):
    """JSONL (the record contract) or a table for a terminal."""

    jsonl = "jsonl"
    table = "table"


class EventFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


def show(records: Iterable[dict[str, Any]], format: RecordFormat, table: Callable[..., Any]) -> None:
    """Records as JSONL on stdout, or as the table `table` makes of them."""
    if format is RecordFormat.jsonl:
        outputs.write_jsonl(records, sys.stdout)
    else:
        stdout.print(table(records))


def say(line: str) -> None:
    """One unwrapped line on stderr: errors must stay greppable whatever the terminal width."""
    print(line, file=sys.stderr, flush=True)


def open_store(db: Path | None, read_only: bool) -> Store:
    try:
        return Store(resolve_db_path(db), read_only=read_only)
    except StoreError as exc:
        say(f"error: {exc}")
        raise typer.Exit(2) from exc


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or globs: .txt .html .warc(.gz) .jsonl")],
    db: DbOption = None,
    actors: Annotated[list[Path] | None, typer.Option("--actors", help="Extra actor registry CSV (organizations.csv columns)")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per transaction")] = 16,
) -> None:
    """Read pages, extract articles and events, and store them. Bad inputs are reported and skipped."""
    from eventwire.pipeline import Pipeline, ingest as run_ingest

    for path in actors or []:
        if not path.is_file():
            say(f"error: {path}: actor file not found")
            raise typer.Exit(2)
    store = open_store(db, read_only=False)

    with store:
        pipeline = Pipeline(actors or [])
        if stderr.is_terminal:
            columns = (SpinnerColumn(), TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                       TextColumn("inputs"), TimeElapsedColumn())
            with Progress(*columns, console=stderr, transient=True) as progress:
                task = progress.add_task("ingest", total=None)
                report = run_ingest(paths, store, pipeline=pipeline, batch_size=batch_size, on_error=lambda error: say(f"skipped {error}"),
                                    on_progress=lambda n: progress.advance(task, n))
        else:
            done = 0

            def log_progress(n: int) -> None:
                nonlocal done
                done += n
                say(f"ingest: {done} inputs read")

            report = run_ingest(paths, store, pipeline=pipeline, batch_size=batch_size,
                                on_error=lambda error: say(f"skipped {error}"), on_progress=log_progress)
    say(f"ingested {report.documents} new documents ({report.unchanged} already stored): "
        f"{report.articles} articles, {report.events} events; {len(report.errors)} inputs skipped")
    if report.errors:
        raise typer.Exit(1)


@app.command()
def articles(
    db: DbOption = None,
    format: Annotated[RecordFormat, typer.Option("--format", "-f")] = RecordFormat.jsonl,
    source: Annotated[str | None, typer.Option(help="Only articles from this source path or URL")] = None,
    explain: Annotated[Path | None, typer.Option("--explain", help="Show how this page's lines were labelled, and why (reads the file; the database, where there is one, says which lines its site repeats)")] = None,
    sites: Annotated[bool, typer.Option("--sites", help="Sourcing signals per site instead of articles")] = False,
) -> None:
    """List stored articles with their sourcing signals (JSONL follows the record contract), or
    the signals per site, or explain one page's anatomy."""
    if explain is not None:
        explain_page(explain, db)
        return
    with open_store(db, read_only=True) as store:
        records = store.articles(source=source)
        if sites:
            from eventwire.model import ArticleSignals
            from eventwire.signals import site_signals

            per_site = site_signals((a["site"], ArticleSignals.from_dict(a["signals"]))
                                    for a in records if a["signals"])
            if format is RecordFormat.jsonl:
                outputs.write_jsonl(({"site": site} | figures for site, figures in per_site.items()), sys.stdout)
            else:
                stdout.print(outputs.sites_table(per_site))
        else:
            show(records, format, outputs.articles_table)


@app.command()
def quotes(
    db: DbOption = None,
    format: Annotated[RecordFormat, typer.Option("--format", "-f")] = RecordFormat.table,
    speaker: Annotated[str | None, typer.Option("--speaker", help="Speaker code (RUS) or part of a name (Lavrov)")] = None,
    limit: Annotated[int | None, typer.Option(min=1)] = None,
) -> None:
    """List direct quotations with their speakers and the events told inside them."""
    with open_store(db, read_only=True) as store:
        show(store.quotes(speaker=speaker, limit=limit), format, outputs.quotes_table)


@app.command()
def events(
    db: DbOption = None,
    format: Annotated[EventFormat, typer.Option("--format", "-f")] = EventFormat.jsonl,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Actor code, e.g. RUS")] = None,
    limit: Annotated[int | None, typer.Option(min=1)] = None,
) -> None:
    """List stored events (JSONL follows the record contract)."""
    with open_store(db, read_only=True) as store:
        records = store.events(type=type, actor=actor, limit=limit)
        if format is EventFormat.jsonl:
            outputs.write_jsonl(records, sys.stdout)
        elif format is EventFormat.csv:
            outputs.write_events_csv(records, sys.stdout)
        else:
            stdout.print(outputs.events_table(records))


@app.command()
def places(
    db: DbOption = None,
    format: Annotated[RecordFormat, typer.Option("--format", "-f")] = RecordFormat.table,
    country: Annotated[str | None, typer.Option("--country", help="ISO alpha-3 code, e.g. SYR")] = None,
    limit: Annotated[int | None, typer.Option(min=1)] = None,
) -> None:
    """List the places events were resolved to, with their precision and event counts."""
    with open_store(db, read_only=True) as store:
        show(store.places(country=country, limit=limit), format, outputs.places_table)


class ExportFormat(str, Enum):
    plover = "plover"
    cameo = "cameo"


@app.command("export")
def export_events(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="plover: PLOVER event records; cameo: CAMEO-coded events")],
    db: DbOption = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file instead of stdout")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Actor code, e.g. RUS")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many stored events")] = None,
) -> None:
    """Export stored events as JSONL for other event-data tools: PLOVER records, or CAMEO codes where
    CAMEO has the event (the others are counted on stderr)."""
    from collections import Counter
    from contextlib import nullcontext

    from eventwire import export

    skipped: Counter[str] = Counter()
    with open_store(db, read_only=True) as store:
        articles = store.article_headers()
        events = store.events(type=type, actor=actor, limit=limit)
        if format is ExportFormat.plover:
            records = export.plover_records(events, articles)
        else:
            records = export.cameo_records(events, articles, export.load_cameo_table(), skipped)
        try:
            with open(out, "w", encoding="utf-8") if out else nullcontext(sys.stdout) as stream:
                written = outputs.write_jsonl(records, stream)
        except OSError as exc:
            say(f"error: {out or 'stdout'}: {exc.strerror or exc}")
            raise typer.Exit(2) from exc
    if format is ExportFormat.plover:
        say(f"exported {written} PLOVER events")
    else:
        detail = ", ".join(f"{key} {n}" for key, n in skipped.most_common())
        say(f"exported {written} CAMEO events; skipped {skipped.total()} events with no CAMEO code"
            + (f" ({detail})" if detail else ""))


@app.command()
def stats(
    db: DbOption = None,
    examples: Annotated[int, typer.Option(min=0, help="How many example events to show")] = 8,
) -> None:
    """Summarise the database: articles per page, events by type, example events with evidence."""
    with open_store(db, read_only=True) as store:
        summary = store.stats()
        samples = pick_examples(store.events(), examples)
    outputs.print_summary(stdout, summary, samples)


class Half(str, Enum):
    even = "even"
    odd = "odd"


class ReportFormat(str, Enum):
    table = "table"
    json = "json"


def scored(score: Callable[[], T]) -> T:
    """A scorer's report; unreadable gold ends the command with status 2 and one line."""
    from eventwire.evaluation.pages import GoldError

    try:
        return score()
    except (GoldError, OSError, ValueError) as exc:
        say(f"error: {exc}")
        raise typer.Exit(2) from exc


def show_report(summary: dict[str, Any], format: ReportFormat, skipped: Iterable[str],
                print_table: Callable[[Console, dict[str, Any]], None]) -> None:
    import json

    for item in skipped:
        say(f"skipped {item}")
    if format is ReportFormat.json:
        print(json.dumps(summary, indent=2))
    else:
        print_table(stdout, summary)


@eval_app.command("pages")
def eval_pages(
    gold: Annotated[list[Path], typer.Argument(help="Gold files or folders of them (gold/pages/FORMAT.md)")],
    format: Annotated[ReportFormat, typer.Option("--format", "-f")] = ReportFormat.table,
    show_errors: Annotated[bool, typer.Option("--show-errors", help="List each wrongly labelled line")] = False,
) -> None:
    """Page anatomy against gold line labels: body-line F1, comment leakage, article boundaries."""
    from eventwire.evaluation.pages import score_pages

    report = scored(lambda: score_pages(gold))
    show_report(report.summary(), format, report.skipped, outputs.print_pages_report)
    if show_errors:
        for page in report.pages:
            for line, gold_label, predicted in page.disagreements():
                say(f"{page.source}:{line}: gold {gold_label}, predicted {predicted}")
            if not page.boundaries_exact:
                say(f"{page.source}: article body spans gold {page.gold_articles}, predicted {page.predicted_articles}")


@eval_app.command("events")
def eval_events(
    gold: Annotated[list[Path], typer.Argument(help="PLOVER GSR files, gold event files (gold/events/FORMAT.md), or folders of them")],
    format: Annotated[ReportFormat, typer.Option("--format", "-f")] = ReportFormat.table,
    show_errors: Annotated[bool, typer.Option("--show-errors", help="List missed and false events and wrong fields, by record id or line")] = False,
    half: Annotated[Half | None, typer.Option("--half", help="Only the PLOVER GSR records at even or odd positions (0-based, documentation record excluded): tune on one, check on the other")] = None,
) -> None:
    """Events against gold: type P/R/F1 and macro-F1, actor and recipient codes, stance and modality."""
    from eventwire.evaluation.events import score_events

    report = scored(lambda: score_events(gold, half=half.value if half else None))
    show_report(report.summary(), format, report.pages.skipped if report.pages else [], outputs.print_events_report)
    if show_errors:
        for line in report.error_lines():
            say(line)


def explain_page(path: Path, db: Path | None) -> None:
    """Each line of a text page with its article number, label and reason; HTML shows what
    trafilatura kept. Site repetition counts come from the database when there is one."""
    from eventwire.model import Document
    from eventwire.pages import SiteLines, extract_articles, fingerprint, label_lines
    from eventwire.sources import read_file

    failed = False
    for item in read_file(path):
        if not isinstance(item, Document):
            say(f"error: {item}")
            failed = True
            continue
        if item.format == "txt":
            page = fingerprint(item)
            furniture = None
            if page is not None and resolve_db_path(db).exists():
                with open_store(db, read_only=True) as store:
                    site_lines = SiteLines(store.site_line_pages([page]))
                    if not store.known_documents([item.id]):
                        site_lines.add([page])  # as if ingested now
                furniture = site_lines.furniture_for(page.site)
                print(f"# site {page.site!r}: lines repeated on its stored pages are furniture")
            for line in label_lines(item.content, furniture):
                article = "-" if line.article is None else str(line.article + 1)
                first = line.text.split("\n", 1)[0]
                print(f"{line.number:>5} {article:>3} {line.label:<15} {line.reason:<52} {first[:100]}")
        else:
            where = f" ({item.locator})" if item.locator else ""
            print(f"# {item.source}{where}: HTML, main text and comments as trafilatura found them")
            for number, article in enumerate(extract_articles(item), start=1):
                print(f"    - {number:>3} {'title':<15} {'metadata':<52} {article.title or ''}")
                for paragraph in article.paragraphs:
                    print(f"{paragraph.line:>5} {number:>3} {'body':<15} {'trafilatura main text':<52} {paragraph.text[:100]}")
                for comment in article.comments:
                    print(f"{comment.line:>5} {number:>3} {'comment':<15} {'trafilatura comments':<52} {comment.text[:100]}")
    if failed:
        raise typer.Exit(1)


def pick_examples(events: Any, count: int) -> list[dict[str, Any]]:
    """The most confident event of each type, then of each type again, up to `count`."""
    by_type: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        by_type.setdefault(event["type"], []).append(event)
    ranked = [sorted(items, key=lambda e: -e["confidence"]) for items in by_type.values()]
    picked: list[dict[str, Any]] = []
    round_ = 0
    while len(picked) < count and any(round_ < len(items) for items in ranked):
        picked += [items[round_] for items in ranked if round_ < len(items)][:count - len(picked)]
        round_ += 1
    return picked


if __name__ == "__main__":
    app()
