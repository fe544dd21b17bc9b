"""Word classes the event rules test: object classes, weapon and riot cues, reporting and
modal verbs, hedges, and the words trimmed off actor phrases.

Kept apart from :mod:`.lexicon` (which maps words to PLOVER senses) so that each file reads
as one kind of table.
"""

from __future__ import annotations

# fmt: off
#: adjectives of readiness: a cooperative act under them is an AGREE ("willing to withdraw")
COMMIT_ADJECTIVES = frozenset({"willing", "prepared", "ready", "committed", "determined",
                               "eager", "open"})
#: object nouns that are a proposal, a policy or a statement: the target is the party they
#: belong to ("rejected an Indian proposal" -> Indian; "demands from Shona rebels")
ABSTRACT_OBJECTS = frozenset(
    {
        "resolution", "proposal", "plan", "offer", "demand", "call", "appeal", "request",
        "invitation", "ultimatum", "effort", "policy", "program", "programme", "right",
        "decision", "law", "reform", "change", "evidence", "information", "deal", "agreement",
        "pact", "accord", "treaty", "initiative", "idea", "bid", "suggestion", "position",
        "stance", "statement", "claim", "allegation", "accusation", "move", "action", "role",
        "record", "mandate", "extension", "relation", "tie", "sovereignty", "independence",
        "election", "vote", "referendum", "budget", "economy", "constitution", "commitment",
        "promise", "pledge", "condition", "term", "peace", "ceasefire", "truce", "talk",
        "negotiation", "sanction", "embargo", "ban", "restriction", "curfew", "emergency",
        "blockade", "aid", "assistance", "admission", "removal", "resignation", "return",
        "release", "withdrawal", "declaration", "report", "message", "letter", "note",
        "version", "account", "fate", "legality", "feasibility", "security", "support",
        "protest", "complaint", "criticism", "warning", "threat", "invasion", "attack",
        "link", "contact", "blow", "offensive", "voting", "delivery", "operation",
    }
)
#: checked in order, the first match wins
MODE_CUES: tuple[tuple[str, frozenset[str]], ...] = (
    ("chemical", frozenset({"chemical", "chlorine", "sarin", "mustard", "toxic", "nerve",
                            "poisonous", "poison", "gas"})),
    ("suicide", frozenset({"suicide", "self-detonate", "kamikaze"})),
    ("grenade", frozenset({"grenade", "grenades"})),
    ("explosives", frozenset({
        "ied", "ieds", "roadside", "explosive", "explosives", "landmine", "landmines",
        "car-bomb", "bomb", "bombs", "detonate", "detonated", "booby", "device", "devices",
        "mine", "mines", "blast", "explosion", "vbied",
    })),
    ("aerial", frozenset({
        "airstrike", "airstrikes", "air-strike", "warplane", "warplanes", "jet", "jets",
        "drone", "drones", "aircraft", "helicopter", "helicopters", "air", "aerial",
        "bomber", "bombers", "predator", "gunship", "gunships",
    })),
    ("shelling", frozenset({
        "shell", "shells", "shelled", "shelling", "artillery", "mortar", "mortars", "rocket",
        "rockets", "missile", "missiles", "howitzer", "tank", "tanks", "bombard",
        "bombarded", "bombardment", "projectile", "projectiles", "katyusha",
    })),
    ("sexual", frozenset({"rape", "raped", "rapes", "sexual", "sexually", "molested",
                          "molest", "gang-raped", "rapist"})),
    ("primitive", frozenset({
        "machete", "machetes", "knife", "knives", "axe", "stabbed", "stabbing", "sticks",
        "rods", "stones", "clubs",
    })),
    ("firearms", frozenset({
        "gunmen", "gunman", "gunfire", "shot", "shooting", "rifle", "rifles", "guns", "gun",
        "fire", "bullets", "sniper", "snipers",
    })),
)

#: cue modes that override any other mode of a violent event
OVERRIDING_CUES = frozenset({"chemical", "suicide", "sexual"})
#: words that make a target a military one (an attack on it is a battle)
MILITARY_TARGET_WORDS = frozenset(
    {"position", "positions", "base", "bases", "checkpoint", "checkpoints", "convoy",
     "convoys", "outpost", "outposts", "post", "posts", "barracks", "troops", "soldiers",
     "army", "military", "forces", "patrol", "garrison", "camp", "camps", "police",
     "policemen", "militants", "fighters", "rebels", "insurgents", "stronghold", "bunker"}
)
#: heads of a subject that make its clause a protest ("demonstrators gathered ...")
PROTESTER_WORDS = frozenset(
    {"protester", "protesters", "demonstrator", "demonstrators", "strikers", "striker",
     "marchers", "rioters", "rioter", "mob", "protestor", "protestors"}
)

#: ASSAULT/FIGHT modes that are not about the weapon and may be refined by a cue
GENERIC_VIOLENT_MODES = frozenset({None, "kill", "injure", "clash", "firearms"})

#: words that make a protest violent (a riot in ACLED terms)
RIOT_CUES = frozenset(
    {
        "stones", "stone", "rocks", "petrol", "molotov", "torched", "smashed", "vandalized",
        "vandalised", "looted", "burned", "burnt", "set", "clashed", "clashes", "violent",
        "rioters", "rioting", "hurled", "pelted", "threw",
    }
)
#: words that show the authorities stepped in at a protest
INTERVENTION_CUES = frozenset(
    {
        "teargas", "tear", "cannon", "pepper", "rubber", "batons", "dispersed", "disperse",
        "dispel", "arrested", "detained", "crackdown", "cracked", "suppressed", "broke",
    }
)

OBJECT_CLASSES: dict[str, frozenset[str]] = {
    "person": frozenset({
        "people", "person", "man", "men", "woman", "women", "child", "children", "civilian",
        "resident", "villager", "suspect", "militant", "fighter", "soldier", "officer",
        "member", "supporter", "leader", "commander", "journalist", "activist", "student",
        "worker", "refugee", "migrant", "protester", "demonstrator", "policeman", "guard",
        "terrorist", "jihadist", "insurgent", "rebel", "prisoner", "hostage", "national",
        "citizen", "tourist", "official", "diplomat", "adviser", "advisor", "employee",
        "farmer", "teacher", "doctor", "priest", "family", "boy", "girl", "youth", "trooper",
        "militiaman", "gunman", "individual", "detainee", "opponent", "dissident", "crew",
        "passenger", "pilgrim", "worshipper", "them", "him", "her", "dozen", "hundred",
    }),
    "place": frozenset({
        "village", "town", "city", "area", "region", "district", "province", "territory",
        "base", "airport", "airbase", "position", "positions", "outpost", "post",
        "checkpoint", "camp", "neighborhood", "neighbourhood", "suburb", "hill", "valley",
        "road", "highway", "bridge", "port", "island", "border", "crossing", "site",
        "stronghold", "enclave", "countryside", "settlement", "capital", "country", "zone",
        "front", "frontline", "compound", "headquarters", "facility", "target", "locality",
        "municipality", "county", "state", "governorate", "refinery", "oilfield", "field",
        "dam", "mountain", "strip", "bank", "coast", "market", "home", "street",
    }),
    "military": frozenset({
        "position", "base", "convoy", "troop", "soldier", "army", "force", "checkpoint",
        "outpost", "post", "barracks", "patrol", "militant", "fighter", "rebel", "insurgent",
        "stronghold", "hideout", "depot", "target", "tank", "vehicle", "camp",
    }),
    "weapon": frozenset({
        "weapon", "arm", "ammunition", "explosive", "ied", "bomb", "device", "cache",
        "rocket", "missile", "mine", "landmine", "grenade", "rifle", "gun", "launcher",
        "munition", "mortar", "package", "detonator", "material", "drone", "shell",
        "firearm", "pistol", "round", "cartridge", "weaponry", "arsenal",
    }),
    "property": frozenset({
        "house", "home", "building", "shop", "store", "vehicle", "car", "truck", "church",
        "mosque", "school", "hospital", "office", "property", "line", "infrastructure",
        "bridge", "station", "tower", "mast", "pipeline", "factory", "market", "crop",
        "field", "hut", "bus", "train", "plant", "headquarters", "warehouse", "temple",
        "residence", "apartment", "hotel", "restaurant", "cafe", "clinic", "embassy", "bank",
    }),
    "control": frozenset({"control"}),
    "hostage": frozenset({"hostage", "captive", "prisoner"}),
    "talks": frozenset({
        "talk", "meeting", "negotiation", "summit", "consultation", "discussion", "conference",
        "session", "round", "mediation", "dialogue",
    }),
    "deal": frozenset({"agreement", "deal", "accord", "treaty", "pact", "compromise"}),
    "protest": frozenset({
        "protest", "demonstration", "rally", "march", "strike", "sit-in", "vigil", "walkout",
    }),
    "aid": frozenset({
        "aid", "assistance", "food", "supply", "medicine", "grant", "loan", "asylum", "money",
        "fund", "funding", "help", "relief", "shelter", "support", "equipment", "weapon",
        "intelligence", "photograph", "grain", "flour", "vaccine", "tent", "water", "dollar",
        "million", "billion", "access",
    }),
    "troops": frozenset({
        "troop", "soldier", "force", "reinforcement", "police", "policeman", "peacekeeper",
        "warship", "tank", "patrol", "unit", "battalion", "brigade", "contingent", "army",
        "personnel", "reservist", "guard", "ship", "jet", "aircraft",
    }),
    "sanction": frozenset({"sanction", "embargo", "ban", "restriction", "tariff", "penalty"}),
    "curfew": frozenset({"curfew", "emergency", "law", "lockdown"}),
    "blockade": frozenset({"blockade", "siege"}),
    "relations": frozenset({
        "relation", "tie", "link", "contact", "cooperation", "mediation", "effort",
    }),
    "publication": frozenset({"publication", "broadcast", "broadcasting"}),
    "release": frozenset({"amnesty", "pardon", "release"}),
    "fire": frozenset({"fire"}),
    "teargas": frozenset({"teargas", "gas", "cannon"}),
    "shell": frozenset({
        "shell", "rocket", "missile", "mortar", "round", "projectile", "artillery",
    }),
    "bullet": frozenset({"bullet", "shot", "gun"}),
    "inquiry": frozenset({"investigation", "inquiry", "probe", "hearing", "case"}),
    "cooperation": frozenset({"exercise", "drill", "game"}),
    "border": frozenset({
        "border", "frontier", "crossing", "territory", "river", "sea", "mountain", "bridge",
        "checkpoint", "line", "coast",
    }),
    "diplomat": frozenset({"ambassador", "envoy", "diplomat", "delegation"}),
    "base": frozenset({
        "base", "post", "outpost", "headquarters", "camp", "checkpoint", "point",
        "position", "garrison", "office",
    }),
    "entry": frozenset({"entry", "visa", "access"}),
    "stone": frozenset({"stone", "rock", "brick", "bottle", "firecracker", "molotov"}),
    "asset": frozenset({"asset", "account", "fund"}),
    "road": frozenset({"road", "highway", "street", "route", "railway", "motorway"}),
    "transport": frozenset({"transport", "traffic", "access"}),
    "home": frozenset({"home"}),
    "transit": frozenset({"transit", "corridor", "route", "channel"}),
    "reservist": frozenset({"reservist", "reserve"}),
    "work": frozenset({"work"}),
    "refuge": frozenset({"refuge", "asylum", "shelter"}),
    "protest_official": frozenset({"protest", "complaint"}),
    "group": frozenset({
        "group", "faction", "party", "coalition", "alliance", "militia", "brigade", "unit",
        "cell", "movement", "front",
    }),
}

#: verbs that report speech: their subject is the attribution source
REPORT_VERBS = frozenset(
    {
        "say", "tell", "report", "announce", "state", "claim", "add", "confirm", "declare",
        "publish", "write", "inform", "disclose", "reveal", "note", "allege", "insist",
        "conclude", "indicate", "assert", "explain", "post", "broadcast", "quote", "cite",
        "acknowledge", "admit", "testify", "tweet",
    }
)
#: verbs that assert a commitment: a cooperative act under them is an AGREE (PLOVER)
COMMIT_VERBS = frozenset(
    {"promise", "pledge", "vow", "offer", "agree", "commit", "undertake", "swear"}
)
#: verbs (and adjectives) that make what follows them intended, not done
INTENT_HEADS = frozenset(
    {
        "try", "plan", "intend", "want", "seek", "aim", "hope", "prepare", "threaten", "vow",
        "promise", "pledge", "expect", "need", "decide", "agree", "offer", "consider",
        "propose", "wish", "mean", "desire", "plot", "scheme", "order", "urge",
        "ask", "demand", "call", "refuse", "decline", "willing", "ready", "prepared",
        "able", "difficult", "easy", "possible", "impossible", "likely", "unlikely", "due",
        "set", "eager", "determined", "committed", "reluctant", "hard", "know",
    }
)
#: modal auxiliaries: future or possibility, not a past fact
MODALS = frozenset(
    {"will", "would", "shall", "should", "must", "can", "could", "may", "might", "'ll", "wo", "ca"}
)
FUTURE_MODALS = frozenset({"will", "would", "shall", "'ll", "wo"})
OBLIGATION_MODALS = frozenset({"must", "should"})
EPISTEMIC_MODALS = frozenset({"may", "might", "could"})

#: adverbs and verbs that hedge a statement
HEDGE_ADVERBS = frozenset(
    {
        "reportedly", "allegedly", "apparently", "possibly", "probably", "presumably",
        "perhaps", "likely", "purportedly", "supposedly", "seemingly", "maybe", "ostensibly",
        "arguably", "unconfirmed",
    }
)
HEDGE_VERBS = frozenset(
    {"seem", "appear", "believe", "suspect", "rumor", "rumour", "suggest", "think", "assume",
     "speculate", "estimate", "exclude", "suppose"}
)
#: verbs that are only events with an object or a complement clause ("declined to resign",
#: not "incomes declined"; "dismissed the appeal", not "he was dismissed")
NEEDS_COMPLEMENT = frozenset(
    {"decline", "dismiss", "question", "press", "back", "ask", "free", "charge", "support",
     "order",
     "defend", "share", "request", "examine", "host", "fight", "accept", "allow", "permit"}
)
#: verbs after which an infinitive is a done deed, not an intention ("managed to escape")
IMPLICATIVE_HEADS = frozenset(
    {"manage", "begin", "start", "continue", "resume", "attempt", "happen", "proceed", "keep",
     "fail", "go", "succeed", "dare", "get", "tend", "use", "come", "seem", "appear"}
)
#: verbs whose "of/for" complement is an allegation, not an asserted event
ALLEGATION_HEADS = frozenset(
    {"accuse", "suspect", "charge", "convict", "blame", "allege", "sentence", "condemn",
     "criticize", "criticise", "denounce", "investigate", "arrest", "detain", "try", "jail",
     "prosecute", "indict", "acquit", "deny", "suspicion", "accusation", "link"}
)

#: leading words of a noun phrase that are not part of an actor's name
ACTOR_SKIP_LEFT = frozenset(
    {
        "a", "an", "the", "some", "several", "many", "most", "all", "other", "top", "senior",
        "angry", "radical", "young", "more", "than", "up", "to", "at", "least", "about",
        "around", "nearly", "almost", "over", "these", "those", "this", "that", "its", "their",
        "his", "her", "our", "first", "recent", "so-called", "so", "called", "heavily",
        "armed", "suspected",
        "unidentified", "unknown", "alleged", "whole", "simple", "such",
    }
)
#: head nouns of quantity phrases: "a group of diplomats", "thousands of Kurds"
COLLECTIVE_HEADS = frozenset(
    {
        "group", "number", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands",
        "tens", "scores", "score", "majority", "some", "most", "many", "remnant", "remnants",
        "part", "contingent", "band", "batch", "patch", "team", "delegation", "crowd", "couple",
        "handful", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "several", "all", "each", "none", "million", "millions", "rest", "wave",
        "ton", "tons", "tonne", "tonnes", "kilogram", "kilograms", "barrel", "barrels",
        "day", "days", "week", "weeks", "month", "months", "hour", "hours", "year", "years",
        "state", "series", "round", "rounds", "kind", "type", "sort", "piece", "pieces",
        "lot", "lots", "stash", "cache", "quantity", "amount", "haul", "consignment", "pile",
    }
)
# fmt: on
