"""Outputs: the record contract as JSONL and CSV, and readable tables for a terminal."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

EVENT_CSV_COLUMNS = ["id", "article_id", "type", "mode", "actor_codes", "actor_text", "recipient_codes",
                     "recipient_text", "date", "date_precision", "stance", "attribution_source", "modality",
                     "evidence_source", "evidence_line", "evidence_start", "evidence_end", "evidence_text",
                     "confidence", "cluster_id"]


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def participants(items: list[dict[str, Any]], field: str) -> str:
    return "; ".join(str(p[field]) for p in items if p.get(field))


def write_events_csv(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    writer = csv.writer(out)
    writer.writerow(EVENT_CSV_COLUMNS)
    count = 0
    for e in events:
        ev = e["evidence"]
        writer.writerow([
            e["id"], e["article_id"], e["type"], e["mode"], participants(e["actor"], "code"),
            participants(e["actor"], "text"), participants(e["recipient"], "code"),
            participants(e["recipient"], "text"), e["date"], e["date_precision"], e["attribution"]["stance"],
            e["attribution"]["source"], e["modality"], ev["source"], ev["line"], ev["start"], ev["end"],
            ev["text"], e["confidence"], e["cluster_id"]])
        count += 1
    return count


def who(items: list[dict[str, Any]]) -> str:
    """"the US air force [USA MIL]" for a participant list."""
    parts = []
    for p in items:
        code = " ".join(x for x in (p.get("code"), p.get("sector")) if x)
        parts.append(f"{p['text']} [{code}]" if code else p["text"])
    return ", ".join(parts) or "-"


def events_table(events: Iterable[dict[str, Any]], title: str = "Events") -> Table:
    table = Table(title=title, show_lines=True, expand=True)
    table.add_column("type", style="bold", ratio=1, min_width=8)
    table.add_column("actor", ratio=1)
    table.add_column("recipient", ratio=1)
    table.add_column("modality / stance / when / where", ratio=1)
    table.add_column("evidence (file:line)", ratio=4, min_width=24)
    for e in events:
        ev = e["evidence"]
        attribution = e["attribution"]
        stance = attribution["stance"]
        if attribution["source"]:
            stance += f" by {attribution['source']}"
        if attribution.get("denied_by"):
            stance += f", denied by {who(attribution['denied_by'])}"
        if attribution.get("denies"):
            stance += f"\ndenies {attribution['denies']}"
        when_where = [e["date"] or "", (e["location"] or {}).get("text") or ""]
        table.add_row(f"{e['type']}" + (f"\n{e['mode']}" if e["mode"] else ""), who(e["actor"]),
                      who(e["recipient"]), "\n".join([e["modality"], stance, *filter(None, when_where)]),
                      f"{ev['text']}\n[dim]{ev['source']}:{ev['line']}[/dim]")
    return table


def articles_table(articles: Iterable[dict[str, Any]]) -> Table:
    table = Table(title="Articles", expand=True)
    for column in ("source", "title", "authors", "published", "kind", "paragraphs", "comments", "sourcing"):
        table.add_column(column)
    for a in articles:
        table.add_row(a["source"], a["title"] or "-", ", ".join(a["authors"]) or "-",
                      a["published"] or "-", a["kind"], str(len(a["paragraphs"])), str(len(a["comments"])),
                      sourcing(a.get("signals")))
    return table


def sourcing(signals: dict[str, Any] | None) -> str:
    """The article's signals in a few words: what share of its events are claims, and the phrases
    that mark anonymous sources, the author's own guesses, disclaimers and syndication."""
    if not signals:
        return "-"
    lines = [f"claims {signals['claims']}/{signals['events']} events" if signals["events"] else "no events",
             f"{signals['quotes']} quotes"]
    for key, label in (("anonymous_sources", "anonymous"), ("speculation", "author guesses"),
                       ("opinion_disclaimers", "disclaimer")):
        if signals[key]:
            lines.append(f"{label}: " + "; ".join(f"“{phrase}”" for phrase in signals[key]))
    if signals["syndicated_from"]:
        lines.append(f"syndicated from {signals['syndicated_from']}")
    return "\n".join(lines)


def sites_table(per_site: dict[str | None, dict[str, Any]]) -> Table:
    table = Table(title="Sourcing signals per site")
    columns = ("site", "articles", "events", "claim share", "anonymous sources", "author guesses",
               "disclaimers", "syndicated")
    for column in columns:
        table.add_column(column, justify="left" if column == "site" else "right")
    share = lambda value: "-" if value is None else f"{value:.0%}"  # noqa: E731
    for site, f in per_site.items():
        table.add_row(site or "(no site)", str(f["articles"]), str(f["events"]), share(f["claim_share"]),
                      share(f["anonymous_sources_share"]), share(f["speculation_share"]),
                      share(f["opinion_disclaimers_share"]), share(f["syndicated_share"]))
    return table


def quotes_table(quotes: Iterable[dict[str, Any]]) -> Table:
    table = Table(title="Quotes", show_lines=True, expand=True)
    table.add_column("speaker", ratio=1)
    table.add_column("quote (file:line)", ratio=4)
    table.add_column("events", ratio=1)
    for q in quotes:
        speaker = who([q["speaker"]]) if q["speaker"] else (q["speaker_text"] or "-")
        ev = q["evidence"]
        table.add_row(speaker, f"“{q['text']}”\n[dim]{ev['source']}:{ev['line']}[/dim]", "\n".join(q["events"]) or "-")
    return table


def print_summary(console: Console, stats: dict[str, Any], sample_events: list[dict[str, Any]]) -> None:
    console.print(f"[bold]{stats['documents']}[/bold] documents, [bold]{stats['articles']}[/bold] articles, "
                  f"[bold]{stats['events']}[/bold] events, {stats['comments']} reader comments kept apart, "
                  f"{stats['quotes']} direct quotations")
    stances = stats["events_by_stance"]
    if stances:
        console.print("who says so: " + ", ".join(f"{count} {stance}" for stance, count in stances.items()))
    pages = Table(title="Articles and events per page")
    pages.add_column("page")
    pages.add_column("articles", justify="right")
    pages.add_column("events", justify="right")
    for source, count in stats["articles_by_source"].items():
        pages.add_row(source, str(count), str(stats["events_by_source"].get(source, 0)))
    console.print(pages)
    types = Table(title="Events by type")
    types.add_column("type")
    types.add_column("events", justify="right")
    for type_, count in stats["events_by_type"].items():
        types.add_row(type_, str(count))
    console.print(types)
    if sample_events:
        console.print(events_table(sample_events, title="A few events with their evidence"))


def print_pages_report(console: Console, summary: dict[str, Any]) -> None:
    labels = Table(title=f"Page anatomy: {summary['pages']} pages, {summary['lines']} non-blank lines")
    for column in ("label", "precision", "recall", "F1", "gold lines", "predicted"):
        labels.add_column(column, justify="right" if column != "label" else "left")
    for label, s in summary["labels"].items():
        labels.add_row(label, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}",
                       str(s["gold"]), str(s["predicted"]))
    console.print(labels)
    pages = Table(title="Article boundaries per page")
    for column in ("page", "gold articles", "found", "exact"):
        pages.add_column(column)
    for page in summary["per_page"]:
        pages.add_row(page["source"], str(page["gold_articles"]), str(page["predicted_articles"]),
                      "yes" if page["boundaries_exact"] else "no")
    console.print(pages)
    months = summary["published_month_right"]
    if months["scored"]:
        console.print(f"publication date within the right month: {agreement(months)}")
    console.print(f"body-line F1 {summary['labels']['body']['f1']:.3f} · comment lines in bodies "
                  f"{summary['comment_lines_in_bodies']} · headlines kept {summary['headlines_kept']:.1%} · "
                  f"pages with exact article boundaries {summary['boundaries_exact']:.1%}")


def type_scores_table(title: str, types: dict[str, dict[str, Any]]) -> Table:
    table = Table(title=title)
    for column in ("type", "precision", "recall", "F1", "gold", "predicted", "matched"):
        table.add_column(column, justify="right" if column != "type" else "left")
    for type_, s in types.items():
        table.add_row(type_, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}",
                      str(s["gold"]), str(s["predicted"]), str(s["matched"]))
    return table


def agreement(figures: dict[str, Any]) -> str:
    """"68.6% (105/153)", or "-" when the gold gave nothing to compare."""
    if figures["accuracy"] is None:
        return "-"
    return f"{figures['accuracy']:.1%} ({figures['correct']}/{figures['scored']})"


def print_events_report(console: Console, summary: dict[str, Any]) -> None:
    gsr = summary["plover_gsr"]
    if gsr:
        console.print(type_scores_table(f"PLOVER GSR: event type of {gsr['records']} records", gsr["types"]))
        fields = gsr["fields"]
        console.print(f"event-type macro-F1 {gsr['macro_f1']:.3f} · type accuracy {gsr['type_accuracy']:.1%} · "
                      f"on records typed right: actor codes {agreement(fields['actor'])}, recipient codes "
                      f"{agreement(fields['recipient'])}, mode {agreement(fields['mode'])}, "
                      f"actor and recipient swapped {gsr['swapped']} · no event for "
                      f"{gsr['records_without_event']} records · {gsr['events_emitted']} events emitted")
    pages = summary["pages"]
    if pages:
        events = pages["events"]
        console.print(type_scores_table(f"Gold events: {pages['pages']} pages", {**pages["types"], "all": events}))
        fields = Table(title="Fields of the matched events")
        for column in ("field", "agreement"):
            fields.add_column(column)
        for name, figures in pages["fields"].items():
            fields.add_row(name, agreement(figures))
        console.print(fields)
        attribution = pages["attribution"]
        quotes = attribution["quotes"]
        if quotes["gold"] or attribution["denial_links"]["scored"] or attribution["signals"]["scored"]:
            console.print(f"denials linked to their claims {agreement(attribution['denial_links'])} · quotes "
                          f"found: precision {quotes['precision']:.3f}, recall {quotes['recall']:.3f} "
                          f"({quotes['matched']}/{quotes['gold']}) · quote speakers "
                          f"{agreement(attribution['quote_speakers'])} · page signals "
                          f"{agreement(attribution['signals'])}")
        console.print(f"matched events the gold calls hypothetical stored as actual "
                      f"{attribution['guesses_stored_as_actual']}")
        when_where = pages["when_where"]
        if when_where["dates"]["scored"] or when_where["places"]["scored"]:
            console.print(f"dates right at their precision {agreement(when_where['dates'])} · places right "
                          f"{agreement(when_where['places'])} · events placed from outside their sentence "
                          f"{when_where['placed_from_elsewhere']}")
        per_page = Table(title="Events per page")
        for column in ("page", "gold", "found", "matched"):
            per_page.add_column(column)
        for page in pages["per_page"]:
            per_page.add_row(page["source"], str(page["gold_events"]), str(page["predicted"]), str(page["matched"]))
        console.print(per_page)
        console.print(f"event F1 {events['f1']:.3f} · precision {events['precision']:.3f} · "
                      f"recall {events['recall']:.3f}")


def places_table(places: Iterable[dict[str, Any]]) -> Table:
    table = Table(title="Places")
    for column in ("place", "country", "precision", "lat, lon", "events", "as written"):
        table.add_column(column, justify="right" if column == "events" else "left")
    for p in places:
        point = f"{p['lat']:.3f}, {p['lon']:.3f}" if p["lat"] is not None else "- (no pin)"
        table.add_row(p["name"] or "-", p["country"] or "-", p["precision"] or "-", point, str(p["events"]),
                      "; ".join(p["written"]))
    return table
