"""The record contract of DESIGN §2: keys every article and event record must carry."""

ARTICLE_KEYS = {"id", "document_id", "source", "site", "title", "standfirst", "authors", "syndicated_from",
                "published", "published_precision", "published_basis", "kind", "language", "paragraphs",
                "comments"}
EVENT_KEYS = {"id", "article_id", "type", "mode", "actor", "recipient", "date", "date_precision", "location",
              "attribution", "modality", "evidence", "confidence", "cluster_id"}
PARTICIPANT_KEYS = {"text", "code", "sector", "name", "actor_id"}
EVIDENCE_KEYS = {"text", "source", "line", "start", "end"}
PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
QUOTE_KEYS = {"id", "article_id", "text", "speaker", "speaker_text", "evidence"}
ATTRIBUTION_KEYS = {"source", "stance", "speaker", "denies", "denied_by", "quote_id"}
STANCES = {"asserted", "claimed", "denied", "reported"}
MODALITIES = {"actual", "historical", "future", "hypothetical", "negated"}


def assert_article_record(record: dict) -> None:
    assert ARTICLE_KEYS <= record.keys(), ARTICLE_KEYS - record.keys()
    assert record["id"].startswith("a-") and record["document_id"].startswith("d-")
    assert isinstance(record["authors"], list)
    assert all({"text", "line"} <= p.keys() for p in record["paragraphs"])
    assert all({"author", "text", "line"} <= c.keys() for c in record["comments"])
    assert record["published_basis"] in {"metadata", "byline", "text", "unknown"}


def assert_event_record(record: dict) -> None:
    assert EVENT_KEYS <= record.keys(), EVENT_KEYS - record.keys()
    assert record["id"].startswith("e-") and record["article_id"].startswith("a-")
    assert record["type"] in PLOVER_TYPES
    for participant in record["actor"] + record["recipient"]:
        assert PARTICIPANT_KEYS <= participant.keys()
    assert EVIDENCE_KEYS <= record["evidence"].keys()
    assert record["attribution"]["stance"] in STANCES
    assert ATTRIBUTION_KEYS <= record["attribution"].keys(), ATTRIBUTION_KEYS - record["attribution"].keys()
    for denier in record["attribution"]["denied_by"]:
        assert PARTICIPANT_KEYS <= denier.keys()
    assert record["modality"] in MODALITIES
    assert 0.0 <= record["confidence"] <= 1.0


def assert_quote_record(record: dict) -> None:
    assert QUOTE_KEYS <= record.keys(), QUOTE_KEYS - record.keys()
    assert record["id"].startswith("q-") and record["article_id"].startswith("a-")
    assert EVIDENCE_KEYS <= record["evidence"].keys() and record["evidence"]["text"] == record["text"]
    assert record["speaker"] is None or PARTICIPANT_KEYS <= record["speaker"].keys()
