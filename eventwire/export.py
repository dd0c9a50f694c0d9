"""Event-data interchange: stored events as PLOVER records, or CAMEO-coded where CAMEO has the event.

Other event-data tools read PLOVER (openeventdata, draft 0.8, "Data Fields") or the older CAMEO
codes, not our contract, so `eventwire export` writes both, one JSON object per line.

PLOVER field    from our event record (DESIGN §2)
  id            id
  date          date when day-precise, else the article's publication date when day-precise, else null
                (`eventwire.date_basis` says which: "event", "published" or null)
  source        actor, as PLOVER actor objects: actor_text <- text, code, sector, identifier_text <- name
  recipient     recipient, the same way
  event         [type]
  mode          [mode], or [] when none
  context       modality as a PLOVER special context: historical, future, hypothetical, negation
                (for negated); [] when actual
  event_text    [trigger]
  event_loc     location with geonames names: name, latitude, longitude, cc3 (alpha-3); null when unknown
  text          evidence.text, the sentence the event was read from
  cite_info     the article: citation (path or URL), url, title, publication (site), language
  coder         "eventwire <version>"
  eventwire     our record less what PLOVER carries unchanged (id, type, mode, trigger): article_id,
                actor and recipient as we resolved them (names, sectors, actor ids), date and
                date_precision, location, attribution, modality, evidence (source, line, start, end),
                confidence, cluster_id; plus date_basis

CAMEO lines come from `events/data/plover_to_cameo.csv`: the type and mode, else the type alone,
give a CAMEO event code; an event with neither, or with an empty code there, is skipped. CAMEO is
dyadic, so an event with several coded actors or recipients becomes one line per pair. Actor codes
join country and sector the CAMEO way (RUSGOV; IGOUNO for the UN, a UNO organisation of sector IGO).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire import __version__

CODER = f"eventwire {__version__}"
MODALITY_CONTEXT = {"historical": "historical", "future": "future", "hypothetical": "hypothetical",
                    "negated": "negation"}
CARRIED_BY_PLOVER = ("id", "type", "mode", "trigger")
TYPE_FIRST_SECTORS = {"IGO", "NGO"}  # CAMEO writes the organisation type before its code
CAMEO_CODE = re.compile(r"\d{3,4}")  # an event code; its first two digits are the root

CameoTable = dict[tuple[str, str | None], str | None]


@cache
def load_cameo_table(path: Path | None = None) -> CameoTable:
    """(PLOVER type, mode or None) -> CAMEO event code, or None where CAMEO has no such event.
    Codes stay strings: "030" and "0841" keep their leading zero."""
    source = path or resources.files("eventwire.events").joinpath("data/plover_to_cameo.csv")
    table: CameoTable = {}
    for number, row in enumerate(csv.DictReader(source.read_text("utf-8").splitlines()), start=2):
        key = (row["plover_type"].strip().upper(), row["mode"].strip() or None)
        code = row["cameo_code"].strip()
        if key in table:
            raise ValueError(f"{source.name}:{number}: {key[0]} {key[1] or '(no mode)'} is listed twice")
        if code and not CAMEO_CODE.fullmatch(code):
            raise ValueError(f"{source.name}:{number}: {code!r} is not a CAMEO event code")
        table[key] = code or None
    return table


def cameo_code(table: CameoTable, type_: str, mode: str | None) -> str | None:
    """The mode decides where the table lists it; other modes take the type's code."""
    if (type_, mode) in table:
        return table[(type_, mode)]
    return table.get((type_, None))


def event_date(event: dict[str, Any], article: Mapping[str, Any] | None) -> tuple[str | None, str | None]:
    """A day for PLOVER's required date, and where it came from: event data conventionally falls
    back to the report's date when the text gives none."""
    if event["date"] and event["date_precision"] == "day":
        return event["date"], "event"
    if article and article["published"] and article["published_precision"] == "day":
        return article["published"], "published"
    return None, None


def plover_actor(participant: dict[str, Any]) -> dict[str, Any]:
    return {"actor_text": participant["text"], "code": participant["code"], "sector": participant["sector"],
            "identifier_text": participant["name"]}


def plover_location(location: dict[str, Any] | None) -> dict[str, Any] | None:
    if not location:
        return None
    return {"name": location["name"] or location["text"], "latitude": location["lat"],
            "longitude": location["lon"], "cc3": location["country"]}


def cite_info(article: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if not article:
        return None
    source = article["source"]
    return {"citation": source, "url": source if source.startswith(("http://", "https://")) else None,
            "title": article["title"], "publication": article["site"], "language": article["language"]}


def plover_record(event: dict[str, Any], article: Mapping[str, Any] | None) -> dict[str, Any]:
    date, basis = event_date(event, article)
    ours = {key: value for key, value in event.items() if key not in CARRIED_BY_PLOVER}
    context = MODALITY_CONTEXT.get(event["modality"])
    return {
        "id": event["id"], "date": date,
        "source": [plover_actor(p) for p in event["actor"]],
        "recipient": [plover_actor(p) for p in event["recipient"]],
        "event": [event["type"]], "mode": [event["mode"]] if event["mode"] else [],
        "context": [context] if context else [],
        "event_text": [event["trigger"]] if event["trigger"] else [],
        "event_loc": plover_location(event["location"]),
        "text": event["evidence"]["text"], "cite_info": cite_info(article), "coder": CODER,
        "eventwire": {**ours, "date_basis": basis},
    }


def plover_records(events: Iterable[dict[str, Any]],
                   articles: Mapping[str, Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    for event in events:
        yield plover_record(event, articles.get(event["article_id"]))


def cameo_actor(participant: dict[str, Any]) -> str | None:
    """'RUSGOV', 'IGOUNO', 'REB' (no country known), or None when neither is known."""
    code, sector = participant["code"], participant["sector"]
    parts = (sector, code) if sector in TYPE_FIRST_SECTORS else (code, sector)
    return "".join(dict.fromkeys(part for part in parts if part)) or None


def cameo_actors(participants: list[dict[str, Any]]) -> list[str | None]:
    """Each distinct coded participant; [None] when none is coded, so the event still has a line."""
    codes = [code for code in map(cameo_actor, participants) if code]
    return list(dict.fromkeys(codes)) or [None]


def cameo_records(events: Iterable[dict[str, Any]], articles: Mapping[str, Mapping[str, Any]],
                  table: CameoTable, skipped: Counter[str]) -> Iterator[dict[str, Any]]:
    """One line per (source, target) pair of each event CAMEO can express; `skipped` counts the
    rest by type and mode."""
    for event in events:
        code = cameo_code(table, event["type"], event["mode"])
        if code is None:
            skipped[" ".join(filter(None, (event["type"], event["mode"])))] += 1
            continue
        date, _ = event_date(event, articles.get(event["article_id"]))
        pairs = [(s, t) for s in cameo_actors(event["actor"]) for t in cameo_actors(event["recipient"])]
        evidence = event["evidence"]
        for number, (source, target) in enumerate(pairs, start=1):
            yield {
                "id": event["id"] if len(pairs) == 1 else f"{event['id']}-{number}", "event_id": event["id"],
                "date": date, "source_actor": source, "target_actor": target,
                "cameo_code": code, "root_code": code[:2],
                "plover_type": event["type"], "plover_mode": event["mode"],
                "modality": event["modality"], "stance": event["attribution"]["stance"],
                "text": evidence["text"], "source_file": evidence["source"], "line": evidence["line"],
            }
