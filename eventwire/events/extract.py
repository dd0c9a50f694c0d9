"""Events: PLOVER events from the dependency parse of one sentence at a time.

Participants come only from the trigger's own sentence (the parse tree never crosses it), so an
actor is never stitched from one sentence to an action in another.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from eventwire.actors import ArticleActors, Resolver, day_of
from eventwire.events.attribution import Attributor, link_denials, load_frames, performs, quote_at
from eventwire.events.lexicon import Lexicon, Trigger
from eventwire.model import Actor, Event, Quote, stable_id
from eventwire.nlp import AnnotatedArticle, ParsedSentence, evidence_for

Resolve = Callable[[Span], Actor | None]  # one article's actor resolution (ArticleActors.resolve)
SUBJECT_DEPS = {"nsubj"}
POLITE_MODALS = {"could", "would", "can", "will"}  # "asked if he could help": a request
RECIPIENT_PREPS = {"against", "on", "at", "with", "to", "into", "upon", "towards", "toward"}  # verbs and nouns
RELATIVE_PRONOUNS = {"who", "which", "that"}
MEETING_PREPS = {"during", "at", "after", "before", "following", "ahead", "for"}
REPORTED_PRONOUNS = {"it", "they", "we", "i"}
OWNER_PRONOUNS = {"its", "their", "our"}
HOME_SECTORS = {"GOV", "COP", "JUD", "LEG"}  # authorities that concede to their own people
QUANTITY_WORDS = {"tens", "hundreds", "thousands", "millions", "dozens", "scores", "hundred", "thousand",
                  "dozen", "group", "groups", "number", "crowd", "crowds", "handful", "band"}
SHARED_PREPS = {"between", "with", "by", "against", "on"}  # coordinated nouns share these phrases
INNER_PARTY_PREPS = {"by", "of", "for", "from", "to", "with", "against", "in", "on", "throughout", "across"}
CONDITION_WORDS = {"if", "unless"}
PLACE_PREPS = {"in", "inside", "across", "throughout"}
SPECULATION_DEPTH = 8  # heads walked up from an event to the author's "I think"
PASSING_DEPS = {"relcl", "appos", "parataxis"}  # told in passing, outside a guess that governs the sentence
INFINITIVE_REACH = 4  # verbs walked up from an infinitive to the modal it shares ("will end …, enabling X to advance")
TENSE_REACH = 5  # heads walked up from a noun or an infinitive to the verb whose tense it shares
PRESENT_TAGS = {"VBZ", "VBP"}
ARGUMENT_DEPS = {"dobj", "attr", "nsubj", "nsubjpass"}  # "could create the conditions for a no-fly zone"
HYPOTHESIS_REACH = {"xcomp", "conj", "dobj", "pobj", "prep", "pcomp", "acl"}  # deps a "may" governs down
PROTESTED_PREPS = {"of", "at", "against", "over"}
THIRD_PARTY = "third-party"  # the mode of a go-between's deed: the parties it is between receive it
INHERIT_SUBJECT_DEPS = {"xcomp", "conj", "advcl", "relcl", "acl", "prep", "acomp"}


class EventExtractor:
    def __init__(self, lexicon: Lexicon, resolver: Resolver) -> None:
        self.lexicon = lexicon
        self.resolver = resolver
        self.attributor = Attributor(load_frames(tuple(sorted(lexicon.reporting.items()))))

    def extract(self, annotated: AnnotatedArticle, quotes: list[Quote] | tuple[()] = (),
                actors: ArticleActors | None = None) -> list[Event]:
        """The article's events in text order; `quotes` (its direct quotations) attribute the
        events told inside them to their speakers. `actors` is the article's actor resolution
        when an earlier stage already began it."""
        events: list[Event] = []
        seen: set[str] = set()
        told: set[tuple[str, str]] = set()  # (type, trigger lemma) of the events reported so far
        denials: set[str] = set()  # REJECT events that deny something said before them
        clause_denials: set[str] = set()  # … that tell what they deny in a clause of their own
        article = annotated.article
        if actors is None:
            actors = ArticleActors(self.resolver, day_of(article.published, article.published_precision))
        resolve = actors.resolve
        for sentence in annotated.sentences:
            for sent in sentence.doc.sents:
                for token, event in self.sentence_events(annotated, sentence, sent, resolve, told, list(quotes)):
                    if event.id not in seen:
                        seen.add(event.id)
                        events.append(event)
                        if event.type == "REJECT" and self.attributor.denies_a_claim(token):
                            denials.add(event.id)
                            if any(c.dep_ == "ccomp" for c in token.children):
                                clause_denials.add(event.id)
        return link_denials(events, denials, self.attributor.frames.denial_reach, clause_denials,
                            self.lexicon.verbal)

    def sentence_events(self, annotated: AnnotatedArticle, sentence: ParsedSentence, sent: Span,
                        resolve: Resolve, told: set[tuple[str, str]],
                        quotes: list[Quote]) -> Iterator[tuple[Token, Event]]:
        for token in sent:
            found = self.trigger_at(token, resolve)
            if found is None:
                continue
            trigger, framed = found
            told_as = (trigger.type, token.lemma_.lower())
            if (told_as in told and self.points_back(token)) or self.named_document(token, trigger):
                continue
            told.add(told_as)
            parsed = self.participants(token, trigger, resolve)
            if parsed is None:
                continue
            trigger, clause, actors, recipients = parsed
            joint = self.lexicon.joint.get(trigger.type)
            if joint and len({a.code for a in actors if a.code}) > 1:
                # "French and Egyptian warships launched war games": done together, it is cooperation
                trigger = replace(trigger, type=joint[0], mode=joint[1])
            recipients = self.aimed_at(trigger, clause, actors, recipients, resolve)
            actors = from_home(actors, recipients, trigger.type in self.lexicon.place_targets,
                               between_states=trigger.type in self.lexicon.reciprocal)
            if trigger.type in self.lexicon.reciprocal:
                actors, recipients = one_side_each(actors, recipients)
            if framed and trigger.type == "ACCUSE" and not any(r.code or r.sector for r in recipients):
                continue  # a claim is an allegation only against a party its clause names
            if not any(is_resolved(p) for p in actors + recipients) and (
                    trigger.type not in self.lexicon.unattributed or generic(token, trigger)
                    or (token.dep_ in ("amod", "compound") and not mistagged_noun(token))):
                continue  # no party named; only an attack or a protest is news without one
            if trigger.words[0] in self.lexicon.armed_only and not any(
                    a.sector in self.lexicon.armed_sectors for a in actors):
                continue  # "advanced the talks" is no attack
            if self.refusal_told(clause) or self.request_told(clause):
                continue  # "refused to withdraw", "urged Moscow to cooperate": one event, the refusal or the request
            quote = quote_at(quotes, sentence.paragraph, sentence.start + token.idx) if quotes else None
            event = self.make_event(annotated, sentence, sent, token, trigger, actors, recipients, clause,
                                    resolve, quote)
            if self.refused(token, trigger, clause, event.modality):
                event = replace(event, type="REJECT", mode=None, modality="actual")
            yield token, event
            intent = self.lexicon.intent.get(trigger.type)
            speaker = event.attribution.speaker
            if intent and actors and self.announced(clause, event.modality) and (
                    speaker is None or not speaker.code or performs(event.actor + event.recipient, speaker)):
                # "Israel said Iran will deliver" is no pledge of Iran's; "a spokesman said" may be
                # hers, and the host's embassy may announce a visit
                # "Israel will evacuate the settlements": the pledge (or threat) is an event of its own
                if intent[0] != "THREATEN" and has_condition(clause, {"unless"}):
                    intent = ("THREATEN", None)  # "will withdraw unless Chad holds elections"
                threatened = condition_parties(clause, resolve) if intent[0] == "THREATEN" else []
                yield token, replace(event, id=stable_id("e", event.id, intent), type=intent[0], mode=intent[1],
                                     modality="actual", recipient=threatened or event.recipient)

    def named_document(self, token: Token, trigger: Trigger) -> bool:
        """"The Lavrov–Kerry agreement has collapsed", "as required by the Minsk agreement": an
        agreement known by its name, as the subject or agent of a verb that does not make it, is a
        thing the sentence talks about, not an agreement it reports."""
        if trigger.type != "AGREE" or token.pos_ not in ("NOUN", "PROPN"):
            return False
        named = any(c.dep_ in ("compound", "nmod") and c.tag_ == "NNP" for c in token.children)
        agent = token.dep_ == "pobj" and token.head.dep_ == "agent"
        subject = agent or token.dep_ in ("nsubj", "nsubjpass")
        return named and subject and not self.is_light(token.head.head if agent else token.head)

    def points_back(self, token: Token) -> bool:
        """"this offensive", "their offensive": a noun trigger with a determiner that refers to
        something told already (the caller checks that an event of its type and word was: then it
        is a mention of that event, not a new one)."""
        return token.pos_ in ("NOUN", "PROPN") and any(
            child.dep_ in ("det", "poss") and child.lower_ in self.lexicon.back_references
            for child in token.children)

    def trigger_at(self, token: Token, resolve: Resolve) -> tuple[Trigger, bool] | None:
        """The token's trigger, and whether it comes from a frame (a verb of saying, refusing or
        letting) rather than from the lexicon's words."""
        trigger = self.verb_trigger(token) or self.noun_trigger(token)
        if trigger is not None:
            return trigger, False
        trigger = self.frame_trigger(token) or self.refusal_trigger(token) or self.permission_trigger(token, resolve) \
            or phone_call_trigger(token, self.lexicon.calling)
        return (trigger, True) if trigger is not None else None

    def participants(self, token: Token, trigger: Trigger, resolve: Resolve
                     ) -> tuple[Trigger, Token, list[Actor], list[Actor]] | None:
        """(trigger, clause, actors, recipients) by the trigger's part of speech; None when the
        token tells no event of its own. A noun's trigger may change with its light verb."""
        if token.dep_ == "acl" and token.pos_ == "VERB" and (
                trigger.type == "SUPPORT" or self.noun_trigger(token.head)):
            # "the army backed by the Russians": who backs whom, told in passing; "the
            # concessions offered by Italy": the noun is the event, the participle says whose
            return None
        if token.pos_ in ("VERB", "AUX") or mistagged_verb(token):
            clause = token
            actors, recipients = self.verb_participants(token, resolve, trigger)
        elif token.pos_ == "ADJ" and not mistagged_noun(token):
            # "is reluctant to": the verb it complements has the subject
            clause = token.head
            actors, recipients = self.verb_participants(token.head, resolve, trigger)
            inner = [r for r in resolve_all(complement_recipients(token), resolve) if r is not None and r.code]
            recipients = inner or recipients
        else:
            if self.told_by_verb(token, trigger):
                return None
            clause = self.light_verb(token) or token
            if clause != token:  # "declared a ceasefire" (CONCEDE), "observed the truce" (RETREAT)
                trigger = self.lexicon.carried_by.get(trigger.words, {}).get(clause.lemma_.lower(), trigger)
            actors, recipients = self.noun_participants(token, trigger, resolve)
        return (trigger, clause, [a for a in actors if a is not None], [r for r in recipients if r is not None])

    def aimed_at(self, trigger: Trigger, clause: Token, actors: list[Actor], recipients: list[Actor],
                 resolve: Resolve) -> list[Actor]:
        """Recipients a sentence gives outside the trigger's own phrases, when those name no state:
        the subject of a threat's condition, the state where a protest or curfew happens, a group
        the state's own organs act on, the protesters' own state."""
        if trigger.type == "THREATEN" and not any(r.code for r in recipients):
            recipients = condition_parties(clause, resolve) or recipients
        if not any(r.code for r in recipients) and trigger.type in self.lexicon.place_targets:
            # "demonstrated in Serbia": a protest, curfew or concession is aimed at where it happens
            recipients = [p for p in [place_recipient(clause, resolve)] if p] or recipients
        if trigger.type == "PROTEST" and not any(r.code for r in recipients):
            # "began a hunger strike to demand the president's resignation": aimed at whom it demands of
            recipients = self.purpose_recipients(clause, resolve, trigger) or recipients
        recipients = own_government(actors, at_home(actors, recipients))
        states = {a.code for a in actors if a.code}
        if trigger.type == "PROTEST" and len(states) == 1 and not any(r.code for r in recipients):
            recipients = [Actor("", states.pop())]  # "Algerian landowners began a hunger strike": at home
        organs = {a.code for a in actors if a.code and a.sector in STATE_ORGANS}
        if trigger.type in self.lexicon.home_targets and len(organs) == 1 and not any(r.code for r in recipients):
            recipients = [Actor("", organs.pop())]  # "Egyptian police arrested twelve", "imposed a curfew": at home
        return recipients

    def purpose_recipients(self, clause: Token, resolve: Resolve, trigger: Trigger) -> list[Actor]:
        """The coded recipients of the clause's purpose ("to demand …", "demanding …")."""
        for purpose in (c for c in clause.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"):
            recipients = [r for r in self.verb_participants(purpose, resolve, trigger)[1] if r is not None]
            if any(r.code for r in recipients):
                return recipients
        # "a hunger strike in protest of the government's refusal": what is protested, and whose
        protested = [g for t in clause.subtree if t.lower_ == "protest" and t.dep_ == "pobj" and t.head.lower_ == "in"
                     for p in t.children if p.dep_ == "prep" and p.lower_ in PROTESTED_PREPS
                     for g in p.children if g.dep_ == "pobj"]
        return [r for r in resolve_all(protested, resolve) if r is not None and r.code]

    def refused(self, token: Token, trigger: Trigger, clause: Token, modality: str) -> bool:
        """A cooperative deed that is declined is a REJECT: "Syria did not accept the plan" (a
        negated agreement verb), "declined to resign", "failed to reach agreement" (a deed under a
        head of refusal that is no trigger itself; "refused to" and "is reluctant to" are)."""
        if modality != "negated":
            return False
        if self.under_refusal(clause):
            return not self.refusal_told(clause) and trigger.type in self.lexicon.refusable
        return trigger.type in self.lexicon.negation_flips and token.pos_ == "VERB" and clause.dep_ != "xcomp"

    def under_refusal(self, clause: Token) -> bool:
        return clause.dep_ == "xcomp" and clause.head.lemma_.lower() in self.lexicon.refusal_heads

    def request_told(self, clause: Token) -> bool:
        """"urged Moscow to cooperate", "called on Ethiopia to withdraw": the deed asked for is the
        REQUEST's content, not an event of its own. A deed commanded ("ordered the paper to
        suspend publication") is the commander's, and stays."""
        if clause.dep_ != "xcomp" or not is_infinitive(clause) or clause.head.lemma_.lower() in self.lexicon.commands:
            return False
        asked = self.verb_trigger(clause.head)
        return asked is not None and asked.type == "REQUEST"

    def refusal_told(self, clause: Token) -> bool:
        """"refused to back down", "is reluctant to strike a deal": the head of refusal is a
        REJECT event of its own, which the declined deed belongs to."""
        head = clause.head
        return self.under_refusal(clause) and (self.verb_trigger(head) or self.refusal_trigger(head)) is not None

    def announced(self, clause: Token, modality: str) -> bool:
        """A deed its actor says it will do: "will" or "would" in reported speech, or an infinitive
        under "prepared to", "vowed to", "plans to". The author's own "will" is a forecast."""
        if clause.dep_ == "xcomp" and clause.head.lemma_.lower() in self.lexicon.intent_heads:
            return True
        if modality == "future":
            return self.reported(clause)
        return modality == "hypothetical" and clause.dep_ == "ccomp" and \
            clause.head.lemma_.lower() in self.lexicon.reporting and \
            any(c.dep_ == "aux" and c.lower_ == "would" for c in clause.children)

    def reported(self, clause: Token) -> bool:
        """The clause is what someone says: under a verb of saying, or in a quotation."""
        head = clause
        for _ in range(3):
            if head.dep_ == "ccomp" and head.head.lemma_.lower() in self.lexicon.reporting:
                return True
            if head.dep_ not in ("conj", "xcomp", "advcl", "ccomp") or head.head == head:
                break
            head = head.head
        return any(t.is_quote for t in clause.sent[:clause.i - clause.sent.start])

    # --- triggers -----------------------------------------------------------------------

    def verb_trigger(self, token: Token) -> Trigger | None:
        if token.pos_ != "VERB" and not mistagged_verb(token):
            return None
        if self.in_idiom(token):
            return None  # "as opposed to" opposes nothing
        if token.dep_ == "amod" and token.tag_ == "VBG":
            return None  # "House and Senate investigating committees": what they are, not a deed
        for trigger in self.lexicon.verb_objects.get(token.lemma_.lower(), ()):
            if any(trigger.words[1] in object_words(obj) for obj in verb_objects(token)):
                return trigger
        candidates = self.lexicon.verbs.get(token.lemma_.lower())
        if not candidates:
            return None
        attached = {c.lower_ for c in token.children if c.dep_ == "prt" or (
            c.dep_ == "prep" and not any(is_time(g) or g.lemma_.lower() in self.lexicon.call_media for g in c.children))}
        # "called … on Wednesday", "called Flynn on a secure phone" is no "call on"
        needs = self.lexicon.complements.get(token.lemma_.lower())
        if needs and not any((c.dep_ in needs and not asks_whether(c)) or (c.dep_ == "prep" and c.lower_ in needs)
                             or (c.dep_ == "dobj" and c.pos_ == "NOUN") for c in token.children):
            candidates = tuple(t for t in candidates if len(t.words) > 1)  # "Yeltsin asked Clinton." is a question
        for trigger in candidates:
            if len(trigger.words) == 1 or trigger.words[1] in attached:
                if self.is_light(token) and self.carries_noun_trigger(token):
                    return None  # "struck a deal", "signed an agreement": the noun is the event
                return trigger
        return None

    def refusal_trigger(self, token: Token) -> Trigger | None:
        """"Moscow is reluctant to strike a deal": an adjective of refusal over a deed is a REJECT."""
        if token.pos_ == "ADJ" and token.lemma_.lower() in self.lexicon.refusal_heads and \
                any(c.dep_ == "xcomp" for c in token.children):
            return Trigger("REJECT", None, (token.lemma_.lower(),))
        return None

    def permission_trigger(self, token: Token, resolve: Resolve) -> Trigger | None:
        """"The court allowed Ouattara to stand", "the minister permitted the opposition to hold a
        rally": authorities letting people do something is a concession (CAMEO 08)."""
        if token.pos_ != "VERB" or token.lemma_.lower() not in self.lexicon.permissions:
            return None
        asked = self.verb_trigger(token.head) if token.dep_ == "ccomp" else None
        if any(c.dep_ == "neg" for c in token.children) or (asked is not None and asked.type == "REQUEST"):
            return None  # "cannot allow him to", "demanded that the ministry allow them to": nothing let
        clauses = [c for c in token.children if c.dep_ in ("xcomp", "ccomp")]
        permitted = [c for c in token.children if c.dep_ == "dobj"] or [
            s for c in clauses for s in c.children if s.dep_ == "nsubj"]  # "allow X to run"
        if not permitted or not clauses:
            return None
        subjects = self.subjects(token) or self.inherited_subject(token)
        authority = next((a for a in resolve_all(subjects, resolve) if a is not None), None)
        person = resolve(participant_span(permitted[0]))
        foreign = person is not None and person.code and authority is not None and person.code != authority.code
        if authority is None or authority.sector not in HOME_SECTORS or foreign:
            return None
        return Trigger("CONCEDE", None, (token.lemma_.lower(),))

    def frame_trigger(self, token: Token) -> Trigger | None:
        """A verb of saying whose clause makes it an event: "Russia said Sudan must return the
        helicopter" is a demand; "the Russians are hinting that the convoy was attacked by
        jihadi fighters" is an allegation (claim verbs, DESIGN §3 attribution)."""
        stance = self.lexicon.reporting.get(token.lemma_.lower()) if token.pos_ == "VERB" else None
        if stance is None:
            return None
        for clause in token.children:
            if clause.dep_ != "ccomp":
                continue
            if any(c.dep_ == "aux" and c.lower_ in self.lexicon.obligation for c in clause.children):
                return Trigger("REQUEST", None, (token.lemma_.lower(),))
            if stance == "claimed":
                return Trigger("ACCUSE", "allege", (token.lemma_.lower(),))
        return None

    def in_idiom(self, token: Token) -> bool:
        return token.i > 0 and (token.nbor(-1).lower_, token.lower_) in self.lexicon.idioms

    def noun_trigger(self, token: Token) -> Trigger | None:
        if not (token.pos_ in ("NOUN", "PROPN") or mistagged_noun(token)) or self.object_of_verb_trigger(token):
            return None
        if self.in_idiom(token):
            return None  # "struck in protest": the strike is the event
        for key in {token.lower_, token.lemma_.lower()}:
            for trigger in self.lexicon.nouns.get(key, ()):
                before = trigger.words[:-1]
                start = token.i - len(before)
                if start >= token.sent.start and tuple(t.lower_ for t in token.doc[start:token.i]) == before:
                    return trigger if trigger.type else None  # "sexual assault": no political event
        return None

    def told_by_verb(self, noun: Token, trigger: Trigger) -> bool:
        """"the truce was agreed in Geneva", "killed four officers in a bomb attack": a noun whose
        verb (it is the subject of, or in a phrase of) reports the same event."""
        if noun.dep_ in ("nsubj", "nsubjpass"):
            verb = noun.head
        elif noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in ("in", "during"):
            verb = noun.head.head
        else:
            return False
        told = self.verb_trigger(verb)
        return told is not None and told.type == trigger.type

    def object_of_verb_trigger(self, noun: Token) -> bool:
        """"lifted the curfew": the curfew is what the concession is about, no event itself."""
        verb = noun.head.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun.head
        return verb.pos_ == "VERB" and noun in verb_objects(verb) and \
            any(t.words[1] in object_words(noun) for t in self.lexicon.verb_objects.get(verb.lemma_.lower(), ()))

    def carries_noun_trigger(self, verb: Token) -> bool:
        return any(c.dep_ in ("dobj", "nsubjpass") and self.noun_trigger(c) for c in verb.children)

    def light_verb(self, noun: Token) -> Token | None:
        """The light verb carrying a noun trigger: "launched an offensive", also through a
        measure ("will provide 25,000 tons of food aid", "gave it $5 million of aid")."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "NUM"):
            noun = noun.head.head
        while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head  # "launched artillery, mortar and rocket fire": the first of the list carries it
        verb = noun.head
        carried = noun.dep_ in ("dobj", "nsubjpass") and verb.pos_ == "VERB"
        if mistagged_noun(noun):  # "launched a major offensive further south", parsed as an adjective
            verb = next((v for v in noun.ancestors if v.pos_ == "VERB"), noun)
            carried = verb.i < noun.i and verb.i >= noun.sent.start
        return verb if carried and self.is_light(verb) else None

    def is_light(self, verb: Token) -> bool:
        return verb.lemma_.lower() in self.lexicon.light_verbs or verb.lower_ in self.lexicon.light_verbs

    # --- participants -------------------------------------------------------------------

    def verb_participants(self, verb: Token, resolve: Resolve,
                          trigger: Trigger) -> tuple[list[Actor | None], list[Actor | None]]:
        children = list(verb.children)
        auxpass = any(c.dep_ == "auxpass" for c in children)  # "to be overrun": passive, whatever the subject's label
        passive = [c for c in children if c.dep_ == "nsubjpass" or (auxpass and c.dep_ == "nsubj")]
        agents = agents_of(verb)
        if verb.dep_ == "acl" and agents and not passive:
            passive = [verb.head]  # "missiles launched by jihadi fighters": a participle's noun is acted on
        stance = len(trigger.words) > 1 or verb.lemma_.lower() in self.lexicon.stance_participles
        if passive and not agents and stance:
            passive = []  # "Vietnam is committed to reform", "Israel is opposed to": the subject's stance
        if passive:
            actor_tokens, recipient_tokens = agents, passive
        else:
            actor_tokens = [c for c in children if c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass"]
            recipient_tokens = []
        actor_tokens = [self.antecedent(t) for t in actor_tokens] or self.inherited_subject(verb)
        actors = resolve_all(actor_tokens, resolve)
        preps = self.recipient_preps(trigger)
        own = {a.code for a in actors if a is not None and a.code}
        topic = verb.lemma_.lower() in self.lexicon.topic_verbs  # "discussed the conflict in Ukraine"
        recipients = resolve_all(recipient_tokens, resolve) if passive else object_recipients(
            verb, resolve, preps, own, with_objects=not topic)
        about = self.lexicon.grievances.get(verb.lemma_.lower())
        if about:  # "complained to the UN over Israeli raids": aimed at what it is about
            complained_of = [r for r in resolve_all([g for c in children if c.dep_ == "prep" and c.lower_ in about
                                                      for g in c.children if g.dep_ == "pobj"], resolve)
                             if r is not None and r.code and r.code not in own]
            recipients = complained_of or recipients
        if not any(r is not None and r.code for r in recipients):
            # "demanded that the US cancel …", "threatened to break relations with Russia": the
            # party acted on is in the clause the verb governs.
            inner = complement_recipients(verb)
            if inner:
                recipients = resolve_all(inner, resolve) + recipients
        if not any(r is not None and r.code for r in recipients) and is_purpose(verb):
            # "sent personnel to Bosnia to investigate": a purpose is aimed where its doers were sent
            sent_to = [g for c in verb.head.children if c.dep_ == "prep" and c.lower_ in ("to", "into")
                       for g in c.children if g.dep_ == "pobj" and not is_time(g)]
            recipients = [r for r in resolve_all(sent_to, resolve) if r is not None and r.code
                          and r.code not in own] + recipients
        return actors, recipients

    def recipient_preps(self, trigger: Trigger) -> frozenset[str]:
        """The prepositions that name the type's recipient: "talks on Syria" are about Syria (a
        topic), "withdrew from Lebanon" retreats from it."""
        return (RECIPIENT_PREPS | self.lexicon.recipient_preps.get(trigger.type, frozenset())) \
            - self.lexicon.topic_preps.get(trigger.type, frozenset())

    def subjects(self, verb: Token) -> list[Token]:
        """The verb's own subjects, pronouns read as what they stand for."""
        return [self.antecedent(c) for c in verb.children if c.dep_ in SUBJECT_DEPS]

    def inherited_subject(self, verb: Token) -> list[Token]:
        """Subject of the governing clause: "X agreed to withdraw", "X attacked A and shelled B"."""
        head = verb
        for _ in range(3):
            if head.dep_ == "pcomp" and head.head.dep_ == "prep":
                accused = self.attributor.accused(head.head)
                if accused:
                    return accused  # "accused Russia of launching an air strike": Russia launched it
                head = head.head  # "tried to exploit it by launching offensives"
            if head.dep_ not in INHERIT_SUBJECT_DEPS or head.head == head:
                return []
            controller = [c for c in head.head.children if c.dep_ == "dobj" and c.i < head.i] \
                if head.dep_ == "xcomp" and head.head.lemma_.lower() not in self.lexicon.commands else []
            if controller:
                # "enabled the army to advance", "urged Moscow to cooperate"; a deed commanded
                # ("ordered the paper to suspend publication") stays the commander's
                return controller
            if head.dep_ in ("relcl", "acl"):
                described = head.head  # "fighters who attacked": the noun the clause describes
                if described.lemma_.lower() in self.lexicon.statement_nouns and described.head.pos_ == "VERB":
                    # "the PKK issued a declaration demanding …": who issued it demands
                    return self.subjects(described.head) or [described]
                return [described]
            head = head.head
            subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
            if subjects:
                return [self.antecedent(s) for s in subjects]
        return []

    def antecedent(self, token: Token) -> Token:
        """What a relative pronoun or a reported "it"/"they" stands for: "Switzerland said it had
        expelled …" — the speaker, when the parse puts the pronoun in the reported clause."""
        if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            return token.head.head
        clause = token.head
        if (token.lower_ in REPORTED_PRONOUNS and token.dep_ == "nsubj" and clause.dep_ == "ccomp"
                and clause.head.lemma_.lower() in self.lexicon.reporting):
            speakers = [c for c in clause.head.children if c.dep_ == "nsubj" and c.lower_ not in REPORTED_PRONOUNS]
            if speakers:
                return speakers[0]
        return token

    def noun_participants(self, noun: Token, trigger: Trigger,
                          resolve: Resolve) -> tuple[list[Actor | None], list[Actor | None]]:
        actor_tokens: list[Token] = []
        recipient_tokens: list[Token] = []
        sources: list[Token] = []  # actors named by a from-phrase
        bare: list[Token] = []  # actors resolved from their own words alone
        bare_recipients: list[Token] = []
        phrase_start = noun.i - len(trigger.words) + 1
        frame = list(noun.children)
        for partner in noun.conjuncts:  # "exchanges and phone calls between Clinton and Yeltsin"
            if partner.pos_ in ("NOUN", "PROPN"):
                frame += [c for c in partner.children if c.dep_ == "prep" and c.lower_ in SHARED_PREPS]
        verb = self.light_verb(noun)
        if verb is not None:  # "an agreement was reached between A and B", "gave Kenya aid"
            frame += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("between", "with", "to", "against", "on")]
            recipient_tokens += [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]
        for child in frame:
            if child.dep_ == "poss" and child.pos_ != "PRON":  # "held their meeting": the subject says who
                actor_tokens.append(child)
            elif child.dep_ in ("amod", "compound") and child.i < phrase_start:
                actor = resolve(noun.doc[child.left_edge.i:child.i + 1])
                if actor is not None and (actor.code or actor.sector):  # "Russian strikes", "jihadi attacks"
                    actor_tokens.append(child)
            elif child.dep_ == "acl":  # "concessions offered by Italy"
                actor_tokens += agents_of(child)
            elif child.dep_ == "prep":
                objects = [g for g in child.children if g.dep_ == "pobj" and not is_time(g)]
                if child.lower_ == "by":
                    actor_tokens += objects
                elif child.lower_ in ("of", "from") and child.i > noun.i:
                    # "capture of Aleppo", "withdrawal of troops", "a phone call from Clinton"
                    role = self.lexicon.noun_preps[child.lower_].get(trigger.type)
                    if role == "recipient":
                        recipient_tokens += objects
                    elif role == "actor":
                        actor_tokens += objects
                        if child.lower_ == "from":
                            sources = objects
                        elif self.lexicon.noun_preps["from"].get(trigger.type) == "recipient":
                            # "withdrawal of invasion forces from Panama": the parse hangs the
                            # place left on the forces, who are not Panama's
                            left = [g for o in objects for c in o.children if c.dep_ == "prep"
                                    and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"]
                            recipient_tokens += left
                            if left:
                                bare += objects
                                actor_tokens = [t for t in actor_tokens if t not in objects]
                elif child.lower_ == "between" and objects and trigger.mode == THIRD_PARTY:
                    recipient_tokens.append(objects[0])  # "mediation between Syria and Arafat"
                elif child.lower_ == "between" and objects:  # the first named on one side, the rest on the other
                    bare.append(objects[0])
                    bare_recipients += list(objects[0].conjuncts)
                elif child.lower_ in RECIPIENT_PREPS - self.lexicon.topic_preps.get(trigger.type, frozenset()):
                    recipient_tokens += objects
        if not recipient_tokens and not bare_recipients:  # "its demand that Israel ease restrictions", "accusations that Russia …"
            clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp")]
            if noun.dep_ == "dobj":  # "reiterated its demand today that Israel …", the clause hung on the verb
                clauses += [c for c in noun.head.children if c.dep_ == "ccomp" and c.i > noun.i]
            recipient_tokens = [g for c in clauses if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                                for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
        if sources and not recipient_tokens and verb is not None and actor_tokens == sources:
            # "Yeltsin took a phone call from Clinton": who takes it is on the other end
            recipient_tokens = self.subjects(verb)
        if not actor_tokens and not bare and verb is not None:
            carried = noun if noun.head == verb else noun.head.head  # the noun or its measure
            if carried.dep_ == "nsubjpass":
                actor_tokens = agents_of(verb)
            else:
                actor_tokens = self.subjects(verb) or self.inherited_subject(verb)
        elif not actor_tokens and noun.dep_ == "pobj" and (owner := owner_subject(noun)) is not None:
            actor_tokens = [owner]  # "the rebels insisted on their demands": theirs are the subject's
        elif not actor_tokens and noun.dep_ == "pobj" and self.attributor.blamed_for(noun.head):
            # "Russia was responsible for the poisoning", "Moscow is to blame for the attack"
            actor_tokens = self.subjects(noun.head.head.head)
        elif (not actor_tokens and noun.dep_ == "pobj" and noun.head.lower_ == "in"
              and noun.head.head.lemma_.lower() in self.lexicon.partaking):
            # "Serb forces were engaged in ethnic cleansing", "took part in the talks"
            partaker = noun.head.head
            actor_tokens = [c for c in partaker.children if c.dep_ in SUBJECT_DEPS | {"nsubjpass"}] or \
                self.inherited_subject(partaker)
        elif (not actor_tokens and trigger.type in ("CONSULT", "PROTEST") and noun.dep_ == "pobj"
              and noun.head.lower_ in MEETING_PREPS):
            # "Trump boasted during the meeting", "youths threw stones during demonstrations": who
            # acts at a meeting or a protest took part in it
            clause = noun.head.head
            actor_tokens = self.subjects(clause) or self.inherited_subject(clause)
        return ([resolve(participant_span(t)) for t in bare] + resolve_all(actor_tokens, resolve),
                [resolve(participant_span(t)) for t in bare_recipients] + resolve_all(recipient_tokens, resolve))

    # --- the record ---------------------------------------------------------------------

    def make_event(self, annotated: AnnotatedArticle, sentence: ParsedSentence, sent: Span, token: Token,
                   trigger: Trigger, actors: list[Actor], recipients: list[Actor], clause: Token,
                   resolve: Resolve, quote: Quote | None) -> Event:
        article = annotated.article
        evidence = evidence_for(article.evidence_source or article.source, sentence, sent)
        frame = self.attributor.frame_of(clause)  # who says so; it also shifts tenses back
        modality = self.modality_of(clause, said=frame is not None)
        attribution = self.attributor.attribution(
            frame, lambda speaker: resolve(participant_span(self.antecedent(speaker))), quote,
            performed=trigger.type in self.lexicon.verbal, actors=actors)
        if modality == "future" and attribution.stance == "asserted" and article.kind == "opinion":
            modality = "hypothetical"  # an opinion writer's own "will" is a forecast, not a plan announced
        filled = sum((any(is_resolved(a) for a in actors), any(is_resolved(r) for r in recipients)))
        confidence = round(0.5 + 0.2 * filled + (0.1 if token.pos_ == "VERB" else 0.0), 2)
        trigger_text = sent.doc[token.i - len(trigger.words) + 1:token.i + 1].text \
            if token.pos_ != "VERB" else token.text
        return Event(
            id=stable_id("e", article.id, evidence.line, evidence.start, token.i, trigger.type),
            article_id=article.id, type=trigger.type, mode=trigger.mode or self.means_of(trigger, clause),
            actor=actors, recipient=recipients, evidence=evidence, modality=modality, attribution=attribution,
            confidence=confidence, trigger=trigger_text, past=told_in_past(clause),
            trigger_at=token.idx - sent.start_char)

    def means_of(self, trigger: Trigger, clause: Token) -> str | None:
        """The mode a trigger leaves open, from the weapon its clause names: "killed in a bomb
        attack" (explosives), "tanks fired shells" (heavy-weapons)."""
        means = self.lexicon.means.get(trigger.type)
        if not means:
            return None
        words = {t.lemma_.lower() for t in clause.subtree} | {t.lower_ for t in clause.subtree}
        return next((mode for mode, cues in means.items() if words & cues), None)

    def modality_of(self, clause: Token, said: bool) -> str:
        """The event's modality from its clause; `said`: the clause is told in a frame of saying."""
        modality = self.clause_modality(clause, said)
        if modality != "actual":
            return modality
        if clause.dep_ == "advcl" and is_condition(clause, {"if", "unless"}):
            return "hypothetical"  # "if the US pulls out of Al-Tanf, …": the deed is the condition
        if clause.pos_ in ("NOUN", "PROPN") and clause.dep_ in ("nsubj", "nsubjpass", "dobj"):
            governing = self.clause_modality(clause.head, self.attributor.frame_of(clause.head) is not None)
            if governing == "hypothetical" or (governing == "future" and clause.dep_ != "dobj"):
                # "capture of the district will end the threat", "would risk an armed clash": a deed foreseen
                return "hypothetical"
        if clause.dep_ == "xcomp" and is_infinitive(clause):
            # "will try to retake", "will end the salient, enabling the army to advance": an
            # infinitive shares the modal of the verb above it
            head = clause.head
            for _ in range(INFINITIVE_REACH):
                governing = self.clause_modality(head, said)
                if governing in ("future", "hypothetical"):
                    return governing
                if head.dep_ not in ("xcomp", "conj", "advcl") or head.tag_ not in ("VB", "VBG") or head.head == head:
                    break
                head = head.head
        wished = clause.head.lower_ in self.lexicon.wishes and clause.head.tag_ != "VBD"  # "wanted to" is a story
        if clause.dep_ == "xcomp" and wished:
            return "hypothetical"  # "hopes to seal a ceasefire"
        if self.under_hypothesis(clause):
            return "hypothetical"  # "may undertake to strike", "may give them time to mount a counteroffensive"
        if looks_like(clause, self.lexicon.appearances):
            return "hypothetical"  # "in what looks like a desperate plea": the author's reading
        if named_as_possible(clause, self.lexicon.possibilities):
            return "hypothetical"  # "the options before him included missile strikes"
        return modality

    def under_hypothesis(self, clause: Token) -> bool:
        """A clause that a guess governs through its complements, objects and coordinations."""
        head = clause
        for _ in range(SPECULATION_DEPTH):
            infinitive = head.dep_ == "relcl" and is_infinitive(head)
            if (head.dep_ not in HYPOTHESIS_REACH and not infinitive) or head.head == head:
                return False  # "time to regroup" reaches down; "fighters who regrouped" tells a fact
            if head.head.pos_ in ("NOUN", "PROPN") and head.dep_ == "prep" and not infinitive and \
                    head.head.dep_ not in ARGUMENT_DEPS:
                return False  # "concerns about Russian support for the army's attacks": a thing named, not foreseen
            head = head.head
            if head.lemma_ == "be":
                return False  # "likely Russia was behind the attack": the guess is whose it was, not the attack
            if head.pos_ in ("VERB", "AUX") and self.clause_modality(
                    head, self.attributor.frame_of(head) is not None) == "hypothetical":
                return True
        return False

    def clause_modality(self, clause: Token, said: bool) -> str:
        """`said`: tenses shift back in reported speech ("said it would" is its "will")."""
        for child in clause.children:
            if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
                return "negated"
        if self.speculated(clause) or self.hedged(clause):
            return "hypothetical"  # "I suspect the army will regain control", "will probably retake"
        for child in clause.children:
            if child.dep_ == "aux" and child.lower_ in self.lexicon.modality and child.tag_ != "NNP":  # "May expelled"
                if said and child.lower_ == "would" and not has_condition(clause, {"if", "unless"}):
                    return "future"  # "Russia said it would veto the draft": its "will", reported
                return self.lexicon.modality[child.lower_]
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in clause.children):
            return "hypothetical"  # "to see whether the fighters agree to leave": asked, not told
        if any(is_condition(c, {"if", "unless"}) for c in clause.children) and \
                clause.lemma_.lower() not in self.lexicon.questions:
            return "hypothetical"  # "if Russia attacked …" (in "warned that X would act if …" only the act is;
            # "asked Clinton if he could help" asks whether)
        if not said and clause.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d")
                                                     for c in clause.children):
            return "historical"  # past perfect: background before the story's time ("said X had" is not)
        if clause.dep_ == "xcomp" and clause.head.lemma_.lower() in self.lexicon.intent_heads:
            return "future"  # "is prepared to resume shelling"
        if clause.dep_ in ("xcomp", "acl", "relcl") and clause.head.lemma_.lower() in self.lexicon.future_heads and \
                is_infinitive(clause):
            return "future"  # "was preparing to deliver", "the plan for the fighters to withdraw"
        if self.under_refusal(clause):
            return "negated"  # "failed to reach agreement"
        if any(c.dep_ == "det" and c.lower_ == "no" for c in clause.children):
            return "negated"  # "no agreement was reached"
        return "actual"

    def hedged(self, clause: Token) -> bool:
        """"will probably retake", "is likely to withdraw", "it is unlikely that the US will strike"."""
        hedges = self.lexicon.hedges
        if any(c.dep_ in ("advmod", "acomp") and c.lower_ in hedges for c in clause.children):
            return True
        head = clause.head
        return clause.dep_ in ("xcomp", "ccomp") and (head.lower_ in hedges or any(
            c.dep_ == "acomp" and c.lower_ in hedges for c in head.children))

    def speculated(self, clause: Token) -> bool:
        """Under the author's own guess: "I suspect", "I think", "we believe", however deep
        ("I think it unlikely that the US is prepared to challenge Russia by declaring …"); a
        relative clause or an aside tells a fact in passing, so the guess stops there."""
        head = clause
        for _ in range(SPECULATION_DEPTH):
            if head.dep_ in PASSING_DEPS or head.head == head:
                return False
            head = head.head
            if head.lemma_.lower() in self.lexicon.speculation and \
                    any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in head.children):
                return True
        return False


CALLED = ("PERSON", "GPE", "NORP", "ORG")  # whom "called" rings up: a person or a state's capital
CALL_TIMES = {"late", "early", "again", "back"}  # "called Putin late on Wednesday" is no "called him a liar"


def phone_call_trigger(token: Token, calling: frozenset[str]) -> Trigger | None:
    """"Erdogan called Putin late on Wednesday": calling a named party, with nothing it is called
    ("called him a liar"), is a phone call. Tried only after the lexicon's verbs, so a "call for"
    or "call on" (a demand) has been taken already."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in calling:
        return None
    children = list(token.children)
    if any(c.dep_ in ("xcomp", "ccomp", "prt", "dative") or (c.dep_ == "oprd" and c.lower_ not in CALL_TIMES)
           for c in children):
        return None
    called = [c for c in children if c.dep_ == "dobj"]
    if not called or called[0].ent_type_ not in CALLED:
        return None
    return Trigger("CONSULT", "phone", (token.lemma_.lower(),))


def generic(token: Token, trigger: Trigger) -> bool:
    """A bare singular noun after a preposition names a kind of deed, not one that happened:
    "those accused of sexual assault", "a warning against terrorism"."""
    start = token.i - len(trigger.words) + 1  # "sexual" of "sexual assault" is the trigger's own
    return token.dep_ == "pobj" and token.tag_ == "NN" and not any(
        c.dep_ in ("det", "poss", "nummod", "amod", "compound", "prep") and not start <= c.i < token.i
        for c in token.children)


def asks_whether(clause: Token) -> bool:
    """"asking if France is the new Italy": a question, not a request, where "asks Clinton if he
    could use his influence" asks a favour."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in clause.children) and \
        not any(c.dep_ == "aux" and c.lower_ in POLITE_MODALS for c in clause.children)


def is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def looks_like(noun: Token, appearances: frozenset[str]) -> bool:
    """"what looks like a plea", "it seems like a threat", "appears to be a retaliation": a deed
    named as what something looks like is a reading, not a report."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "like":
        return head.head.lemma_.lower() in appearances
    if noun.dep_ == "attr" and head.lemma_.lower() == "be" and head.dep_ == "xcomp":
        return head.head.lemma_.lower() in appearances
    return False


def named_as_possible(noun: Token, possibilities: frozenset[str]) -> bool:
    """A deed named as an option: "the possibility of strikes", "options included strikes"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lemma_.lower() in possibilities
    if noun.dep_ in ("dobj", "attr"):
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in possibilities for c in head.children)
    return False


def one_side_each(actors: list[Actor], recipients: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    """Several states acting together on a reciprocal type: the first named acts on the others."""
    codes = list(dict.fromkeys(a.code for a in actors if a.code))
    if len(codes) < 2:
        return actors, recipients
    first = [a for a in actors if a.code in (None, codes[0])]
    others = [a for a in actors if a.code not in (None, codes[0])]
    return first, others + [r for r in recipients if r.code not in codes]


def resolve_all(tokens: list[Token], resolve: Resolve) -> list[Actor | None]:
    """Each token and its coordinated partners ("the Russians and the Syrians"); a phrase that
    names no party itself gives the party it is about ("a camp for Congolese refugees")."""
    out: list[Actor | None] = []
    seen: set[int] = set()
    for token in tokens:
        members = [counted(m) for m in (token, *token.conjuncts)]
        # "scores of Sierra Leonean and Liberian refugees": what is counted may be a list
        members += [partner for m in members for partner in m.conjuncts]
        for member in members:
            if member.i not in seen:
                seen.add(member.i)
                actor = resolve(participant_span(member))
                named_by = member
                if actor is None or not actor.code:
                    inner = inner_party(member, resolve)
                    if inner is not None:  # "scores of Sierra Leonean and Liberian refugees"
                        named_by, actor = inner[0], placed(actor, inner[1])
                        for partner in named_by.conjuncts:  # "aid for Romania and Poland"
                            other = resolve(participant_span(partner))
                            if other is not None and other.code and other.code != actor.code:
                                out.append(placed(actor, other))
                    else:
                        actor = possessor_party(member, actor, resolve) or described_party(member, actor, resolve) \
                            or actor
                out.append(actor)
                out += coordinated_modifiers(named_by, actor, resolve)
    return out


def coordinated_modifiers(token: Token, actor: Actor | None, resolve: Resolve) -> list[Actor]:
    """"Hungarian and Romanian officials", "US and British forces": one actor per coordinated
    country modifier."""
    if actor is None or not actor.code:
        return []
    out = []
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod"):
            for partner in child.conjuncts:
                other = resolve(token.doc[partner.i:partner.i + 1])
                if other is not None and other.code and other.code != actor.code:
                    out.append(Actor(actor.text, other.code, actor.sector, other.name,
                                     f"{other.code}-{actor.sector}" if actor.sector else other.code))
    return out


def possessor_party(token: Token, actor: Actor | None, resolve: Resolve) -> Actor | None:
    """"Israel withdrew its troops", "the Serbs said their forces had left": a possessive pronoun
    stands for the subject of the clause, or for the speaker when that subject is a pronoun too."""
    subject = owner_subject(token)
    owner = resolve(participant_span(subject)) if subject is not None else None
    return of_party(token, actor, owner) if owner is not None and owner.code else None


def described_party(token: Token, actor: Actor | None, resolve: Resolve) -> Actor | None:
    """"Salah Sidhoum, Algeria's leading rights activist": a name the registry does not know takes
    the state its apposition gives."""
    for appos in (c for c in token.children if c.dep_ == "appos"):
        described = resolve(participant_span(appos))
        if described is not None and described.code:
            return of_party(token, actor, described)
    return None


def of_party(token: Token, actor: Actor | None, party: Actor) -> Actor:
    """The participant `token` names, as resolved so far (`actor`), coded as `party`'s."""
    sector = actor.sector if actor is not None and actor.sector else party.sector
    name = actor.name if actor is not None and actor.name else party.name
    return Actor(participant_span(token).text, party.code, sector, name,
                 f"{party.code}-{sector}" if sector else party.code)


def owner_subject(token: Token) -> Token | None:
    """The subject a possessive pronoun on `token` ("its", "their") stands for, if it has one."""
    if not any(c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS for c in token.children):
        return None
    clause = token.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head != clause:
        clause = clause.head
    for _ in range(3):
        subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS | {"nsubjpass"} and c != token
                    and token not in c.subtree]
        if subjects and subjects[0].lower_ not in OWNER_PRONOUNS | REPORTED_PRONOUNS:
            return subjects[0]
        if clause.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or clause.head == clause:
            return None
        clause = clause.head
    return None


def mistagged_noun(token: Token) -> bool:
    """A noun the tagger took for an adjective: "a major offensive further south" (a determiner
    before it, no noun after it to modify), not one an adverb grades ("the curiously offensive
    alliance")."""
    if token.pos_ != "ADJ" or token.dep_ not in ("amod", "acomp", "dobj", "pobj", "conj"):
        return False
    if any(c.dep_ == "advmod" and c.i < token.i for c in token.children):
        return False
    after = token.nbor(1) if token.i + 1 < token.sent.end else None
    before = token.doc[max(token.sent.start, token.i - 3):token.i]
    return (after is None or after.pos_ not in ("NOUN", "PROPN")) and any(
        t.lower_ in ("a", "an", "the", "its", "their", "this") for t in before)


def told_in_past(clause: Token) -> bool:
    """"Clinton promised", "had agreed", "was bombed": the clause's verb or auxiliary is past; a
    noun or a verb with no tense of its own ("tried to exploit the cessation by launching
    offensives") takes the tense of the nearest verb that has one."""
    for _ in range(TENSE_REACH):
        if clause.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in clause.children):
            return True
        if clause.tag_ in PRESENT_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in PRESENT_TAGS | {"MD"}
                                               for c in clause.children):
            return False
        if clause.head == clause or clause.dep_ in PASSING_DEPS:
            return False
        clause = clause.head
    return False


def mistagged_verb(token: Token) -> bool:
    """A verb the tagger took for a noun or adjective: "a defence line to be overrun by ISIS" (an
    auxiliary hangs on it, which only a verb takes)."""
    return token.pos_ in ("NOUN", "ADJ") and any(c.dep_ in ("aux", "auxpass") for c in token.children)


def counted(token: Token) -> Token:
    """What a quantity counts: "tens of thousands of students" are students."""
    while token.lower_ in QUANTITY_WORDS or token.pos_ == "NUM":
        counted_ = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"]
        if not counted_:
            break
        token = counted_[0]
    return token


STATE_ORGANS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
CIVIL_ORGANS = frozenset({"GOV", "JUD", "LEG"})  # a state's organs that stay at home


def at_home(actors: list[Actor], recipients: list[Actor]) -> list[Actor]:
    """"Nicaragua's government closed the opposition newspaper": a group a state's own organs act
    on, with no state of its own named, is that state's."""
    states = {a.code for a in actors if a.code and (a.sector in STATE_ORGANS or a.sector is None)}
    if len(states) != 1 or any(r.code for r in recipients):
        return recipients
    home = Actor("", states.pop())
    return [placed(r, home) if r.sector else r for r in recipients]


def own_government(actors: list[Actor], recipients: list[Actor]) -> list[Actor]:
    """"Rebels in the Ivory Coast dismissed an appeal from President Gbagbo": a government, court
    or parliament of no named state, acted on by one state's own people or groups, is theirs."""
    states = {a.code for a in actors if a.code and a.sector and a.sector not in STATE_ORGANS}
    if len(states) != 1 or any(r.code for r in recipients):
        return recipients
    home = Actor("", states.pop())
    return [placed(r, home) if r.sector in CIVIL_ORGANS else r for r in recipients]


def from_home(actors: list[Actor], recipients: list[Actor], aimed_at_place: bool,
              between_states: bool = False) -> list[Actor]:
    """"Hutu rebels demanded that Burundi's government …": a group that names no state of its own,
    acting on one state's government (not its army, which may be abroad), is that state's; so are
    protesters in the state their protest is aimed at by where it happens (`aimed_at_place`)."""
    states = {r.code for r in recipients if r.code and (r.sector in CIVIL_ORGANS or (aimed_at_place and not r.sector))}
    if len(states) != 1 or any(a.code for a in actors):
        return actors
    home = Actor("", states.pop())
    # a state organ of no named state talking with another state ("President Mwangi called Abiy")
    # may be any state's: between states only groups are placed
    return [placed(a, home) if a.sector and (a.sector not in STATE_ORGANS or not between_states) else a
            for a in actors]


def placed(group: Actor | None, party: Actor) -> Actor:
    """"rebels in eastern Aleppo": a group with a sector, placed in a state, is that state's."""
    if group is None or not group.sector or party.sector:
        return party
    return Actor(group.text, party.code, group.sector, group.name or party.name, f"{party.code}-{group.sector}")


def inner_party(token: Token, resolve: Resolve, depth: int = 2) -> tuple[Token, Actor] | None:
    """The first coded party inside a phrase's modifiers, two phrases deep at most ("an
    admission by Moscow", "part of an aid programme for Bosnia"), with the token naming it."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in INNER_PARTY_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj" and not is_time(obj):
                    actor = resolve(participant_span(obj))
                    if actor is not None and actor.code:
                        return obj, actor
                    deeper = inner_party(obj, resolve, depth - 1) if depth > 1 else None
                    if deeper is not None:
                        return deeper
    return None


def object_recipients(verb: Token, resolve: Resolve, preps: set[str] | frozenset[str],
                      own: set[str], with_objects: bool = True) -> list[Actor | None]:
    """The first of object, indirect object and prepositional objects that names another coded
    party than the actor's own (`own`), else a coded one, else any party: "gave the Ivory Coast
    aid", "is providing intelligence to Macedonia", "withdrew its troops from Lebanon". Without
    `with_objects` the object is a topic and not tried ("discussed the conflict in Ukraine")."""
    children = list(verb.children)
    objects = [c for c in children if c.dep_ == "dobj" and not is_time(c)] if with_objects else []
    groups = (objects,
              # "rejected an offer from Kabul", "confiscated weapons from armed groups": whose it was
              [g for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "from"
               for g in c.children if g.dep_ == "pobj"],
              [c for c in children if c.dep_ == "dative"],
              [g for c in children if c.dep_ in ("prep", "dative") and c.lower_ in preps
               for g in c.children if g.dep_ == "pobj" and not is_time(g)],
              # "mobilized reservists for a possible war against Iraq": whom its purpose is against
              [g for c in children if c.dep_ == "prep" and c.lower_ == "for"
               for o in c.children if o.dep_ == "pobj"
               for p in o.children if p.dep_ == "prep" and p.lower_ == "against"
               for g in p.children if g.dep_ == "pobj"])
    resolved = [resolve_all(group, resolve) for group in groups]
    for wanted in (lambda a: bool(a.code) and a.code not in own, lambda a: bool(a.code), is_resolved):
        for actors in resolved:
            if any(a is not None and wanted(a) for a in actors):
                return actors
    return next((actors for actors in resolved if actors), [])


def place_recipient(clause: Token, resolve: Resolve) -> Actor | None:
    """The state named by an "in" phrase of the clause ("in Serbia", "in the town of Cizre in
    southeastern Turkey"), when it names one."""
    for prep in clause.children:
        if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or is_time(obj):
                continue
            nested = [g for c in obj.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                      for g in c.children if g.dep_ == "pobj"]
            for place in (obj, *nested):
                if place.ent_type_ in ("GPE", "LOC"):
                    actor = resolve(participant_span(place))
                    if actor is not None and actor.code:
                        return actor
    return None


def conditions(clause: Token, words: set[str]) -> Iterator[Token]:
    """The "if"/"unless" clauses of a clause or of the infinitive or that-clause it governs."""
    for verb in (clause, *(c for c in clause.children if c.dep_ in ("xcomp", "ccomp"))):
        yield from (condition for condition in verb.children if is_condition(condition, words))


def is_condition(token: Token, words: set[str]) -> bool:
    return token.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in words for m in token.children)


def has_condition(clause: Token, words: set[str]) -> bool:
    return next(conditions(clause, words), None) is not None


def condition_parties(clause: Token, resolve: Resolve) -> list[Actor]:
    """Who a threat is aimed at: the subject of its condition ("will stop the talks if the United
    States deploys the missiles", "threatened an offensive unless Baghdad accepted")."""
    for condition in conditions(clause, CONDITION_WORDS):
        subjects = [c for c in condition.children if c.dep_ in ("nsubj", "nsubjpass")]
        parties = [a for a in resolve_all(subjects, resolve) if a is not None and a.code]
        if parties:
            return parties
    return []


def agents_of(verb: Token) -> list[Token]:
    """Who a passive verb or participle says did it: "attacked by aircraft"."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def is_purpose(verb: Token) -> bool:
    """An infinitive of purpose: "sent troops to Mali to protect the capital"."""
    return verb.dep_ in ("advcl", "xcomp") and is_infinitive(verb)


def complement_recipients(verb: Token) -> list[Token]:
    """The subject of a that-clause, or the object of an infinitive the verb governs."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            agents = agents_of(child)
            subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
            if agents or subjects:
                return agents or subjects  # "hinting that the convoy was attacked by jihadis": the jihadis
        if child.dep_ == "xcomp":
            objects = [c for c in child.children if c.dep_ == "dobj" and not is_time(c)]
            objects += [g for c in child.children if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS
                        for g in c.children if g.dep_ == "pobj" and not is_time(g)]
            # "refused to allow UN planes to land": whom the infinitive lets or makes act
            objects += [g for c in child.children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "nsubj"]
            if objects:
                return objects
    return []


def verb_objects(verb: Token) -> list[Token]:
    """A verb's direct objects, passive subjects or complements, and the nouns of their "of" phrases."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "acomp", "oprd")]
    objects += [partner for o in objects for partner in o.conjuncts]  # "photographs and intelligence"
    return objects + [g for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]


def object_words(token: Token) -> set[str]:
    """An object's head and the nouns compounded with it: "ended mediation efforts"."""
    return {w for t in (token, *(c for c in token.children if c.dep_ == "compound"))
            for w in (t.lower_, t.lemma_.lower())}


def is_time(token: Token) -> bool:
    """"on Tuesday", "in September": a date is never a participant."""
    return token.ent_type_ in ("DATE", "TIME") or token.dep_ == "npadvmod"


def participant_span(token: Token) -> Span:
    """The noun phrase a participant token heads: its left modifiers, plus an "of" phrase."""
    doc = token.doc
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            end = objects[0].i + 1 if objects else end  # "the foreign minister of Russia", no further
        elif child.dep_ in ("compound", "flat") and child.i == end:
            end = child.i + 1
    start = token.left_edge.i if token.left_edge.i >= token.sent.start else token.i
    while start < token.i and doc[start].dep_ in ("cc", "punct", "preconj"):
        start += 1
    return doc[start:end]


def is_resolved(actor: Actor) -> bool:
    return bool(actor.code or actor.sector or actor.name)
