"""Measurable: units, levels of help, completion conditions and yes/no end points.

Read through :mod:`goalkit.smart_rules`; the number readers in
:mod:`goalkit.smart_scan_amounts` and :mod:`goalkit.smart_scan_time` decide which unit kinds
make a quantity, a frequency or a time frame.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "COMPARATIVE_MARKERS",
    "CONDITIONS",
    "COPING_VERBS",
    "COUNTED_BY_ALL",
    "COUNTED_OCCASIONS",
    "DEST_PREPS",
    "DOING_VERBS",
    "FREQUENCY_WORDS",
    "HELPERS",
    "NOT_CONDITIONS",
    "NOUN_MARKERS",
    "OCCASIONS",
    "PLACES",
    "PLAN_NOUNS",
    "RETURN_EXAMPLE",
    "RETURN_EXTENTS",
    "SUPPORT_NOUNS",
    "SUPPORT_PHRASES",
    "UNITS",
    "VAGUE_MEASURE",
]

# unit word -> kind. "period" units make time frames ("within 6 weeks") or frequencies
# ("5 days a week"); all others make quantities.
UNITS: Mapping[str, str] = {
    **dict.fromkeys(("day", "days", "week", "weeks", "wk", "wks", "fortnight", "fortnights",
                     "month", "months", "year", "years", "yr", "yrs"), "period"),
    **dict.fromkeys(("second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins",
                     "hour", "hours", "hr", "hrs", "h", "afternoon", "morning", "evening",
                     "night", "nights", "evenings", "mornings", "afternoons"), "duration"),
    **dict.fromkeys(("m", "metre", "metres", "meter", "meters", "km", "kms", "kilometre",
                     "kilometres", "kilometer", "kilometers", "k", "mile", "miles", "yard",
                     "yards", "yd", "feet", "foot", "ft", "block", "blocks", "lap", "laps",
                     "length", "lengths", "steps", "step", "holes", "hole", "flight",
                     "flights", "stairs", "round", "rounds"), "distance"),
    **dict.fromkeys(("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "lb", "lbs",
                     "pound", "pounds", "stone", "g", "grams"), "load"),
    **dict.fromkeys(("rep", "reps", "repetition", "repetitions", "times", "time", "set",
                     "sets", "attempts", "attempt", "trials", "x", "points", "point", "pts"),
                    "count"),
    **dict.fromkeys(("degrees", "degree", "°"), "angle"),
    **dict.fromkeys(("%", "percent", "per cent"), "percent"),
}

FREQUENCY_WORDS = frozenset({"daily", "weekly", "nightly", "fortnightly", "monthly", "hourly"})

# Levels of help (Bovend'Eerdt's "support"): whole phrases ...
SUPPORT_PHRASES = (
    "independently", "independent", "unaided", "unassisted", "unsupported", "supervised",
    "supervision", "set up help", "set up only", "setup only", "after set up",
    "on <det> own", "by myself", "by himself", "by herself", "by themselves", "alone",
    "with supervision", "with close supervision", "under supervision", "with set up",
    "with setup", "with one person", "with two people", "standby assist", "stand by assist",
    "minimal assistance", "moderate assistance", "maximal assistance", "min assist",
    "mod assist", "max assist", "with prompting", "with prompts", "with verbal cues",
    "with reminders", "holding <det> rail", "holding <det> handrail", "holding <det> banister",
    "holding on", "with <det> help", "with help", "help from", "with assistance",
)
# ... and nouns found a few words after "with", "using" or "without".
SUPPORT_NOUNS = frozenset({
    "help", "assistance", "assist", "supervision", "stick", "sticks", "cane", "crutch",
    "crutches", "frame", "walker", "zimmer", "rollator", "wheelchair", "brace", "splint",
    "splints", "orthosis", "rail", "handrail", "banister", "hoist", "board", "aid", "aids",
    "reacher", "cutlery", "person", "people", "carer", "carers", "helper", "prompting",
    "support", "trolley", "grab", "perching", "stool", "chair", "commode", "bench", "lever",
    "cuff", "sling", "reminders", "reminder", "reminding", "prompts", "prompt", "cues", "cue",
    "cueing",
})

# Observable completion conditions ("without stopping", "through the night").
CONDITIONS = (
    "through <det> night", "the whole night", "in one go", "non stop", "nonstop",
    "in a row", "step over step", "all the way", "without <det>? rest", "without <det>? break",
    "without <det>? limp", "without stopping", "without a fall", "the whole", "a whole",
    "through <det>", "without waking", "continuously", "at all times",
    "all day", "all night", "all morning", "all afternoon", "all evening", "all weekend",
)
# "-ing" words after "without" that name a feeling or a state, not a completion condition
# ("without worrying about my joints", "without getting a sore neck", "without hesitating").
NOT_CONDITIONS = frozenset({"worrying", "feeling", "being", "getting", "thinking", "fearing",
                            "panicking", "hesitating", "stressing", "dreading", "becoming"})
# Before a level of help, these make it a direction, not a level: "be more independent".
COMPARATIVE_MARKERS = frozenset({"more", "less", "fairly", "quite", "increasingly"})

# A return to an activity is measured by its extent: "return to full duties", "a whole match".
RETURN_EXTENTS = frozenset({"full", "whole", "complete", "competitive", "entire", "normal",
                            "usual", "all", "part", "match", "matches", "game", "games",
                            "shift", "shifts", "duties", "round", "race", "season",
                            "unrestricted", "restrictions", "restriction"})
RETURN_EXAMPLE = "play 9 holes of golf once a week"

# Before an activity word, these make it a noun ("more bend in my knee", "less twisting").
NOUN_MARKERS = frozenset({"more", "less", "much"})
# ... except after a verb of doing: "do more sport", "get less exercise" name the activity.
DOING_VERBS = frozenset({"do", "doing", "play", "playing"})
# Occasions a frequency can count: "before every training session", "after each meal".
COUNTED_OCCASIONS = frozenset({"session", "sessions", "meal", "meals", "training", "visit",
                               "class", "shift", "game", "match", "practice", "run", "walk",
                               "workout", "appointment", "treatment", "lesson", "flight",
                               "transfer", "trip", "outing", "journey", "shower"})
# What "all" counts: "attend all hydro sessions", "all 6 classes".
COUNTED_BY_ALL = frozenset({"sessions", "appointments", "classes", "visits", "treatments", "meals",
                            "transfers", "stairs"})
# People who help, whom a patient may no longer need ("no longer rely on my husband"); after
# "with" a person is company, not help, so only negated support reads them.
HELPERS = frozenset({
    "husband", "wife", "partner", "son", "daughter", "mum", "mother", "dad", "father", "family",
    "children", "kids", "friend", "friends", "nurse", "nurses", "staff", "stairlift",
})
# Nouns that make a pain word (or a state: "stress-busting techniques") part of a coping tool:
# "flare-up plan", "pain diary".
PLAN_NOUNS = frozenset({"plan", "plans", "diary", "routine", "kit", "management", "toolkit",
                        # "cut my pain medication": taking tablets is a behaviour, not pain
                        "medication", "medications", "medicine", "medicines", "meds", "tablets",
                        "killers", "relieving",  # "pain-relieving positioning": a tool
                        "busting", "busters", "techniques", "strategies", "skills"})

# Verbs whose "with" names what is dealt with, not a level of help ("cope with flare-ups").
COPING_VERBS = frozenset({"cope", "coping", "deal", "dealing", "manage", "managing", "live",
                          "living", "handle", "handling", "help", "helps"})

# Words that suggest a direction of change but no amount.
VAGUE_MEASURE = (
    "better", "more", "less", "further", "farther", "longer", "easier", "easily", "improve",
    "increase", "reduce", "decrease", "lower", "fewer", "lots", "much", "normally", "properly",
    "comfortably", "pain free", "safely", "long enough", "as much as possible", "a bit",
)

# After an activity, a destination gives a yes/no end point ("walk to the shop").
DEST_PREPS = frozenset({
    "to", "up", "down", "into", "onto", "out", "across", "around", "round", "over", "through",
    "from", "off", "along", "upstairs", "downstairs", "home", "aisle",
})
# Places that need no determiner after a destination word ("cycle to work").
PLACES = frozenset({
    "work", "school", "church", "bed", "home", "town", "hospital", "college", "university",
    "chapel", "mosque", "temple", "synagogue", "stairs", "steps", "shops", "market",
    "holiday", "physio", "class", "mass",
    # places notes name without an article ("amb to toilet", "walk c̄ wife to shop")
    "shop", "toilet", "bathroom", "kitchen", "lounge", "car", "gym", "garden", "ward", "park",
    "station", "pub", "door", "cafe", "café", "corridor", "dayroom", "bedroom", "chair",
})
# One-off occasions: taking part in one is a yes/no outcome ("dance at my son's wedding").
OCCASIONS = frozenset({
    "wedding", "christening", "graduation", "party", "service", "ceremony", "concert",
    "funeral", "reunion", "mass", "assembly", "lesson", "exam", "exams", "interview",
    "festival", "recital", "trip", "communion", "gala", "parade", "race",
})
