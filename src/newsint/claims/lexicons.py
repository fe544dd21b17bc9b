"""Word lists behind attribution, hedging and accusation detection.

They are lemmas (lower case) unless a name says otherwise. Lists are kept short and
explicit on purpose: every entry is a decision that a test can pin, and a wrong cue shows up
as a false flag on an analyst's screen, so a word that is usually innocent ("support") is
only counted together with a stronger signal.
"""

from __future__ import annotations

#: verbs whose subject is the source of what the sentence reports ("X said ...")
SPEECH_VERBS = frozenset(
    {
        "say", "tell", "report", "claim", "state", "announce", "add", "confirm", "warn",
        "deny", "allege", "accuse", "assert", "insist", "note", "explain", "reveal",
        "disclose", "declare", "acknowledge", "admit", "argue", "maintain", "stress",
        "emphasise", "emphasize", "write", "tweet", "comment", "respond", "reply",
        "estimate", "testify", "contend", "charge", "concede", "inform", "brief", "mention",
        "specify", "clarify", "reiterate", "indicate", "quote",
    }
)  # fmt: skip

#: verbs that publish something: they attribute only with a communication object
#: ("published information on ...", "released a statement")
PUBLISH_VERBS = frozenset(
    {"publish", "post", "release", "issue", "circulate", "distribute", "broadcast", "air"}
)

#: verbs through which a document speaks ("a report by X found that ...")
FINDING_VERBS = frozenset(
    {"find", "show", "reveal", "conclude", "indicate", "say", "state", "confirm", "document",
     "suggest", "claim", "report", "estimate", "note"}
)  # fmt: skip

#: things that carry a statement: "in a statement", "published information", "a report found"
COMMUNICATION_NOUNS = frozenset(
    {
        "statement", "report", "communique", "communiqué", "release", "announcement",
        "interview", "briefing", "conference", "tweet", "post", "message", "video",
        "footage", "information", "data", "figure", "detail", "document", "letter", "study",
        "survey", "investigation", "analysis", "poll", "estimate", "record", "article",
        "bulletin", "notice", "broadcast", "speech", "remark", "testimony", "photo",
        "image", "list", "finding", "evidence", "news", "account", "comment",
    }
)  # fmt: skip

#: objects of "tell"/"inform" that belong to the attribution phrase ("told reporters")
AUDIENCE_NOUNS = frozenset(
    {"reporter", "journalist", "press", "media", "agency", "newspaper", "channel", "broadcaster",
     "audience", "crowd", "parliament", "lawmaker", "supporter", "us", "me", "him", "her", "them"}
)  # fmt: skip

#: head nouns of sources that name nobody; see ``is_anonymous_source``
ANONYMOUS_HEADS = frozenset(
    {
        "source", "official", "insider", "expert", "observer", "analyst", "witness",
        "resident", "people", "person", "diplomat", "activist", "report", "rumour", "rumor",
        "media", "someone", "some", "many", "other", "others", "authority", "investigator",
        "officer", "member", "informant", "commentator", "blogger", "user", "account",
        "agency", "service", "circle", "quarter", "individual", "figure", "aide", "adviser",
        "advisor",
    }
)  # fmt: skip

# --- hedging ---------------------------------------------------------------------------------

#: single words that hedge whatever their part of speech
HEDGE_WORDS = frozenset(
    {
        "reportedly", "allegedly", "possibly", "probably", "apparently", "presumably",
        "supposedly", "purportedly", "seemingly", "perhaps", "maybe", "likely", "unlikely",
        "conceivably", "reputedly", "alleged", "purported", "unconfirmed", "unverified",
        "rumoured", "rumored", "rumour", "rumor", "rumours", "rumors", "speculation",
        "presumed", "ostensibly", "arguably",
    }
)  # fmt: skip

#: modal verbs that hedge (tag MD); "could not" is left out: it reports inability, not doubt
HEDGE_MODALS = frozenset({"may", "might", "could"})

#: verbs of appearance: "it seems", "appears to"
APPEARANCE_VERBS = frozenset({"seem", "appear"})

#: verbs whose passive hides the speaker: "is said to", "it is believed that"
REPORTING_PASSIVES = frozenset(
    {"say", "believe", "think", "report", "allege", "rumour", "rumor", "understand", "claim",
     "suppose", "reckon", "presume", "suspect", "consider", "know"}
)  # fmt: skip

#: verbs that hedge when they take a clause: "the data suggests that ..."
CLAUSAL_HEDGE_VERBS = frozenset({"suggest", "speculate", "guess", "assume", "suspect"})

#: adjectives that hedge a clause: "it is possible that ...", "it would not be too difficult"
EPISTEMIC_ADJECTIVES = frozenset(
    {"possible", "probable", "plausible", "conceivable", "difficult", "hard", "easy",
     "impossible", "surprising", "inconceivable", "unsurprising"}
)  # fmt: skip

#: verbs that hedge when negated: "it is not excluded", "cannot be ruled out"
NEGATED_EXCLUSION_VERBS = frozenset({"exclude", "rule", "preclude", "dismiss"})

# --- accusations -----------------------------------------------------------------------------

#: words that accuse by themselves (lower-case token forms and lemmas)
STRONG_ACCUSATION_WORDS = frozenset(
    {
        "terrorist", "terrorists", "terrorism", "terror", "jihadist", "jihadists", "extremist",
        "extremists", "genocide", "genocidal", "massacre", "massacred", "atrocity",
        "atrocities", "torture", "tortured", "murder", "murdered", "murderer", "execute",
        "executed", "behead", "beheaded", "rape", "raped", "kidnap", "kidnapped", "abduct",
        "abducted", "loot", "looted", "smuggle", "smuggled", "smuggling", "smuggler",
        "trafficking", "trafficker", "launder", "laundering", "bribe", "bribery", "embezzle",
        "embezzlement", "corruption", "corrupt", "fraud", "crimes", "collaborator",
        "collaborators", "mercenary", "mercenaries", "sabotage", "espionage", "assassinate",
        "assassinated", "assassination",
    }
)  # fmt: skip

#: verbs and phrases that accuse only next to a strong word ("financed the terrorists")
WEAK_ACCUSATION_LEMMAS = frozenset(
    {
        "link", "support", "finance", "fund", "sponsor", "arm", "supply", "harbour", "harbor",
        "shelter", "help", "aid", "collude", "collaborate", "cooperate", "commit", "train",
        "back", "facilitate", "organize", "organise", "prepare", "plan", "recruit", "hide",
        "protect", "cover", "tie", "affiliate", "connect", "associate", "involve",
    }
)  # fmt: skip

#: multi-word accusation phrases matched on lower-case token sequences
ACCUSATION_PHRASES: tuple[tuple[str, ...], ...] = (
    ("war", "crimes"),
    ("war", "crime"),
    ("crimes", "against", "humanity"),
    ("ethnic", "cleansing"),
    ("chemical", "weapons"),
    ("human", "rights", "abuses"),
    ("human", "rights", "violations"),
)
