"""The data behind goalkit's SMART checker: lexicons, variants and teaching text.

Everything the checker "knows" about words lives here, so a trainer can read it, and a new
word needs no code. Phrase syntax (see :mod:`goalkit._text`): a plain word matches the word and
its regular inflections ("walk" also finds "walking", "walked"); ``<det>`` is a determiner or
possessive; ``<num>`` a number; a trailing ``?`` makes an element optional.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "ABSOLUTES",
    "ACTIVITIES",
    "ACTIVITY_EXAMPLES",
    "COMPOUNDS",
    "CONDITIONS",
    "DEST_PREPS",
    "EVENTS",
    "FREQUENCY_WORDS",
    "GENERIC_OBJECTS",
    "IMPROVE_VERBS",
    "IRREGULAR",
    "LANGUAGE",
    "LANGUAGE_NOT_SLOT_IN",
    "MONTHS",
    "OCCASIONS",
    "PAIN",
    "PAIN_SITE_EXAMPLES",
    "PASSIVE",
    "PLACES",
    "REASONS",
    "STATES",
    "STOPWORDS",
    "SUPPORT_NOUNS",
    "SUPPORT_PHRASES",
    "TASKS",
    "UNITS",
    "VAGUE_MEASURE",
    "VAGUE_TIME",
    "WEEKDAYS",
]

# --- Activities (Specific) ------------------------------------------------------------------
# group -> phrases. A group names the kind of activity; ACTIVITY_EXAMPLES gives a measurable
# version of it, used to make a suggestion concrete.
ACTIVITIES: Mapping[str, tuple[str, ...]] = {
    "walk": (
        "walk", "stroll", "hike", "ramble", "ambulate", "wander", "go for <det> walk",
        "take <det>? dog for <det> walk", "steps",
    ),
    "run": ("run", "jog", "sprint", "parkrun", "marathon", "treadmill"),
    "cycle": ("cycle", "bike", "ride", "spin"),
    "swim": ("swim", "hydrotherapy", "aqua aerobics", "lengths of front crawl"),
    "stairs": (
        "climb", "stairs", "stair", "staircase", "flight of stairs", "go up", "go down",
        "step up", "kerb", "curb", "ramp",
    ),
    "lift": ("lift", "pick", "pick up", "bend", "stoop", "squat", "crouch"),
    "carry": ("carry", "hold", "push", "pull", "throw", "catch", "hang"),
    "reach": (
        "reach up", "reach <det>? top", "reach <det>? shelf", "reach <det>? cupboard",
        "reach overhead", "reach <det>? floor", "reach <det>? toes", "reach <det>? feet",
        "reach behind",
    ),
    "posture": ("sit", "stand", "kneel", "lie down", "lie flat", "lie on", "balance on"),
    "transfer": (
        "transfer", "get in", "get out", "get into", "get onto", "get on", "get off", "get up",
        "stand up", "sit up", "sit down", "roll over", "sit out", "get in and out",
        "get out of", "get in and out of", "get on and off", "get up from", "stand up from",
    ),
    "selfcare": (
        "dress", "undress", "wash", "shower", "bathe", "bath", "groom", "shave",
        "brush <det>? teeth", "brush <det>? hair", "put on", "put <det> socks on",
        "put <det> shoes on", "take off", "do up", "tie", "button", "fasten", "toilet",
        "catheterise", "catheterize", "bowel care", "bladder care", "self care",
        "personal care", "pressure relief", "pressure relieve", "feed", "eat", "diet",
        "dry <det> hair",
    ),
    "household": (
        "clean", "vacuum", "hoover", "mop", "sweep", "dust", "iron", "tidy", "wash up",
        "washing up", "dishes", "dishwasher", "laundry", "cook", "bake", "make <det>? bed",
        "make <det>? meal", "make <det>? dinner", "make <det>? lunch", "make <det>? breakfast",
        "make <det>? cup of tea", "prepare <det>? meal", "garden", "mow", "dig", "weed",
        "prune", "shop", "housework", "chores", "put out <det>? bins", "decorate",
        "washing on <det> line", "the washing",
    ),
    "work": (
        "work", "job", "shift", "shifts", "duties", "commute", "type", "study", "teach",
        "volunteer", "school run", "desk work", "computer work",
    ),
    "drive": ("drive", "reverse", "check <det>? blind spot"),
    "sport": (
        "golf", "tennis", "football", "soccer", "netball", "rugby", "cricket", "basketball",
        "hockey", "badminton", "squash", "bowls", "bowling", "yoga", "pilates", "tai chi",
        "dance", "ski", "skate", "row", "paddle", "kayak", "surf", "sail", "fish", "hop",
        "jump", "sport", "sports", "gym", "train", "match", "play", "serve",
        "hop test", "climbing wall",
    ),
    "social": (
        "meet", "visit", "go to", "go out", "go on", "go into", "travel", "fly", "holiday",
        "spend time with", "spend <det>? day with", "spend <det>? afternoon with",
        "spend <det>? morning with", "spend <det>? evening with", "spend <det>? weekend with",
        "socialise", "socialize", "take part", "participate", "join", "church", "choir",
        "pub", "cinema", "concert", "theatre", "theater", "walking group",
    ),
    "attend": ("attend", "physiotherapy", "physio", "physical therapy"),
    "family": ("look after", "care for", "babysit", "bath <det> baby", "school run"),
    "exercise": (
        "exercise", "work out", "stretch", "plank", "bridges", "lunge", "press ups",
        "push ups", "sit ups", "practise", "practice", "meditate", "relaxation",
        "breathing exercises", "keep <det>? diary", "diary", "pace", "pacing",
        "home exercise", "home program", "home programme",
    ),
    "sleep": ("sleep",),
    "hand": (
        "write", "open <det>? jar", "turn <det>? key", "sew", "knit", "grip <det>", "read",
        "use <det>? phone",
    ),
    "wheelchair": ("propel", "self propel", "wheel", "wheel myself"),
}

# A measurable version of each kind of activity (teaching examples for suggestions).
ACTIVITY_EXAMPLES: Mapping[str, str] = {
    "walk": "walk 1 km without a rest",
    "run": "run 5 km",
    "cycle": "cycle 10 km",
    "swim": "swim 20 lengths",
    "stairs": "climb one flight of stairs holding the rail",
    "lift": "lift a 5 kg bag from the floor to the table",
    "carry": "carry two shopping bags from the car to the kitchen",
    "reach": "reach the top kitchen shelf with the right arm",
    "posture": "sit through a 2-hour film",
    "transfer": "get out of bed on my own",
    "selfcare": "put on my socks and shoes on my own",
    "household": "vacuum the living room in one go",
    "work": "work 4 hours a day",
    "drive": "drive for an hour without a break",
    "sport": "play nine holes of golf",
    "social": "meet a friend for coffee once a week",
    "attend": "go to the gym twice a week",
    "family": "look after my grandchildren for an afternoon",
    "exercise": "do my home exercises 5 days a week",
    "sleep": "sleep through the night 5 nights a week",
    "hand": "write for 20 minutes",
    "wheelchair": "propel my wheelchair 100 m on the flat",
    "other": "walk to the shop and back",
}

# Activity phrases that are complete yes/no tasks by themselves (Measurable: yes/no outcome).
TASKS = frozenset({
    "check <det>? blind spot", "flight of stairs", "stairs", "stair", "staircase",
    "make <det>? bed", "put out <det>? bins", "school run", "bath <det> baby",
    "put <det> socks on", "put <det> shoes on", "brush <det>? teeth", "brush <det>? hair",
    "dry <det> hair", "open <det>? jar", "turn <det>? key", "reach <det>? top",
    "reach <det>? shelf", "reach <det>? cupboard", "reach <det>? floor", "reach <det>? toes",
    "reach <det>? feet", "hop test", "washing on <det> line", "make <det>? meal",
    "make <det>? dinner", "make <det>? lunch", "make <det>? breakfast",
    "make <det>? cup of tea", "prepare <det>? meal", "bowel care", "bladder care",
    "pressure relief",
})

# Compounds that contain an activity word but name a thing: they hide the activity inside.
COMPOUNDS = (
    "walking stick", "walking sticks", "walking frame", "walking aid", "walking aids",
    "walking boots", "running shoes", "working day", "working week", "exercise bike",
    "washing machine", "dressing gown", "sitting room", "shopping bags", "shopping bag",
    "car seat", "standby assist", "stand by", "sock aid", "push mower", "sliding board",
    "work boots", "swimming pool", "dining table", "kitchen counter", "oily fish",
    "type of", "in a row", "living room",
    # "work on my posture" is a wish about a capacity, not work
    "work on", "work towards", "work toward", "focus on",
)

# Verbs that make an activity noun a capacity to improve ("improve my walking").
IMPROVE_VERBS = frozenset({
    "improve", "increase", "enhance", "boost", "better", "regain", "restore", "maintain",
    "build", "develop", "optimise", "optimize",
})

# Nouns that, after an activity verb, do not define a task ("do the housework").
GENERIC_OBJECTS = frozenset({
    "housework", "gardening", "exercise", "exercises", "stretches", "shopping", "chores",
    "things", "stuff", "activities", "activity", "more", "everything", "anything", "lot",
    "diet", "bit", "best", "hamstrings", "hamstring", "quads", "quad", "muscles", "muscle",
    "back", "neck", "legs", "leg", "arms", "arm", "knee", "knees", "shoulder", "shoulders",
    "hip", "hips", "calves", "calf", "glutes", "core", "body", "spine", "normal", "life",
    "own", "self", "time", "way", "day", "days", "part", "eye", "pain",
})

# --- States, capacities and body functions (not Specific) ----------------------------------
# phrase -> (kind, an activity-based rewording to suggest). Kinds: "feeling", "capacity",
# "body" (a body function or structure), "general" (a wish about life in general), "score".
STATES: Mapping[str, tuple[str, str]] = {
    "feel": ("feeling",
        "name one thing you would do if you felt that way, e.g. 'walk to the shop'"),
    "better": ("feeling",
        "say what 'better' would let you do, e.g. 'walk to the shop and back'"),
    "happy": ("feeling",
        "name an activity that would make the day a good one, e.g. 'meet a friend for "
        "coffee once a week'"),
    "happier": ("feeling",
        "name an activity that would make the day a good one, e.g. 'meet a friend for "
        "coffee once a week'"),
    "good days": ("feeling",
        "name what you would do on a good day, e.g. 'go for a 20-minute walk'"),
    "mood": ("feeling",
        "name an activity that lifts the day, e.g. 'meet a friend for coffee once a week'"),
    "well being": ("feeling",
        "name an activity that matters, e.g. 'go to my choir on Thursdays'"),
    "wellbeing": ("feeling",
        "name an activity that matters, e.g. 'go to my choir on Thursdays'"),
    "quality of life": ("general",
        "name one activity that would make life better, e.g. 'go to the cinema with my "
        "partner'"),
    "confident": ("feeling",
        "name the activity you want to feel sure about, e.g. 'walk outdoors on grass'"),
    "confidence": ("feeling",
        "name the activity you want to feel sure about, e.g. 'walk outdoors on grass'"),
    "tired": ("feeling",
        "name what more energy would let you do, e.g. 'stay up to watch a film'"),
    "tiredness": ("feeling",
        "name what more energy would let you do, e.g. 'stay up to watch a film'"),
    "fatigue": ("feeling",
        "name what more energy would let you do, e.g. 'do the shopping in one trip'"),
    "energy": ("feeling",
        "name what more energy would let you do, e.g. 'do the shopping in one trip'"),
    "burden": ("general",
        "name one task you would like to take back, e.g. 'cook a meal for the family'"),
    "normal": ("general",
        "name one thing from 'normal' life, e.g. 'go back to my Saturday football'"),
    "old self": ("general",
        "name one thing your old self did, e.g. 'walk the dog round the park'"),
    "healthy": ("general",
        "name a healthy habit you could be seen doing, e.g. 'walk 30 minutes a day'"),
    "healthier": ("general",
        "name a healthy habit you could be seen doing, e.g. 'walk 30 minutes a day'"),
    "health": ("general",
        "name a healthy habit you could be seen doing, e.g. 'walk 30 minutes a day'"),
    "recover": ("general",
        "name what recovery would let you do, e.g. 'return to work 4 hours a day'"),
    "recovery": ("general",
        "name what recovery would let you do, e.g. 'return to work 4 hours a day'"),
    "heal": ("general",
        "name what healing would let you do, e.g. 'walk to the shop'"),
    "independent": ("general",
        "say independent at what, e.g. 'shower independently'"),
    "independence": ("general",
        "say independent at what, e.g. 'shower independently'"),
    "active": ("capacity",
        "name the activity, e.g. 'walk 20 minutes on 5 days a week'"),
    "mobile": ("capacity",
        "name where you want to get to, e.g. 'walk to the bus stop'"),
    "mobility": ("capacity",
        "name where you want to get to, e.g. 'get in and out of the car on my own'"),
    "strong": ("capacity",
        "name what you want to be strong enough to do, e.g. 'carry two shopping bags from "
        "the car'"),
    "stronger": ("capacity",
        "name what you want to be strong enough to do, e.g. 'carry two shopping bags from "
        "the car'"),
    "strength": ("capacity",
        "name what the strength is for, e.g. 'lift a full kettle'"),
    "strengthen": ("capacity",
        "name what the strength is for, e.g. 'climb the stairs without the rail'"),
    "fit": ("capacity",
        "name what fitness would let you do, e.g. 'walk up the hill to the park without "
        "stopping'"),
    "fitter": ("capacity",
        "name what fitness would let you do, e.g. 'walk up the hill to the park without "
        "stopping'"),
    "fitness": ("capacity",
        "name what fitness would let you do, e.g. 'walk up the hill to the park without "
        "stopping'"),
    "stamina": ("capacity",
        "name what stamina would let you do, e.g. 'work a full shift'"),
    "endurance": ("capacity",
        "name what endurance would let you do, e.g. 'work a full shift'"),
    "balance": ("capacity",
        "name a task that needs balance, e.g. 'walk across the garden without holding on'"),
    "stability": ("capacity",
        "name a task that needs stability, e.g. 'stand on one leg to put my trousers on'"),
    "flexible": ("capacity",
        "name a task that needs the movement, e.g. 'put on my socks sitting down'"),
    "flexibility": ("capacity",
        "name a task that needs the movement, e.g. 'put on my socks sitting down'"),
    "coordination": ("capacity",
        "name a task that needs it, e.g. 'do up my buttons'"),
    "posture": ("capacity",
        "name the task the posture is for, e.g. 'sit at my desk for an hour'"),
    "core": ("capacity",
        "name what a stronger core is for, e.g. 'lift my toddler into the car seat'"),
    "stiff": ("body",
        "name what the stiffness stops you doing, e.g. 'put on my socks in the morning'"),
    "stiffness": ("body",
        "name what the stiffness stops you doing, e.g. 'put on my socks in the morning'"),
    "range of motion": ("body",
        "say what the movement is for, e.g. 'reach the top shelf'"),
    "range of movement": ("body",
        "say what the movement is for, e.g. 'reach the top shelf'"),
    "rom": ("body",
        "say what the movement is for, e.g. 'reach the top shelf'"),
    "flexion": ("body",
        "say what the movement is for, e.g. 'get in and out of the car'"),
    "extension": ("body",
        "say what the movement is for, e.g. 'walk without a limp'"),
    "abduction": ("body",
        "say what the movement is for, e.g. 'hang washing on the line'"),
    "rotation": ("body",
        "say what the movement is for, e.g. 'check my blind spot when driving'"),
    "swelling": ("body",
        "name what the swelling stops you doing, e.g. 'kneel to garden'"),
    "swell": ("body",
        "name what the swelling stops you doing, e.g. 'kneel to garden'"),
    "spasm": ("body",
        "name what the spasms stop you doing, e.g. 'sleep through the night'"),
    "spasms": ("body",
        "name what the spasms stop you doing, e.g. 'sleep through the night'"),
    "numbness": ("body",
        "name what the numbness stops you doing, e.g. 'do up my buttons'"),
    "weight": ("body",
        "name what a lighter body would let you do, e.g. 'walk to the park without "
        "stopping'"),
    "inflammation": ("body",
        "name what it stops you doing, e.g. 'kneel to garden'"),
    "quads": ("body",
        "name what stronger legs are for, e.g. 'climb the stairs without the rail'"),
    "score": ("score",
        "add the activity the score reflects, e.g. 'walk 1 km' beside the score"),
    "oswestry": ("score",
        "add the activity behind the score, e.g. 'sit through a 2-hour film'"),
    "odi": ("score",
        "add the activity behind the score, e.g. 'sit through a 2-hour film'"),
    "mental health": ("feeling",
        "name an activity that helps, e.g. 'walk with a friend twice a week'"),
    "anxiety": ("feeling",
        "name an activity that helps, e.g. 'walk with a friend twice a week'"),
    "stress": ("feeling",
        "name an activity that helps, e.g. 'walk with a friend twice a week'"),
}

# Pain words: a goal whose only targets are these is pain-only.
PAIN = (
    "pain", "painful", "ache", "aching", "backache", "headache", "migraine", "sore",
    "soreness", "discomfort", "hurt", "sciatica", "flare", "flare up", "flare ups",
    "tenderness", "neuralgia", "painless",
)

# Where the pain is -> a functional goal to suggest beside a pain-only goal.
PAIN_SITE_EXAMPLES: Mapping[str, str] = {
    "back": "sit through a 2-hour film within 6 weeks",
    "neck": "check my blind spot when driving within 4 weeks",
    "headache": "work at my computer for 2 hours within 6 weeks",
    "headaches": "work at my computer for 2 hours within 6 weeks",
    "shoulder": "hang the washing on the line within 6 weeks",
    "knee": "climb the stairs at home holding the rail within 4 weeks",
    "hip": "put on my socks and shoes on my own within 4 weeks",
    "sciatica": "walk to the shop and back within 6 weeks",
    "other": "walk the dog for 20 minutes within 6 weeks",
}

# --- Measurable ------------------------------------------------------------------------------
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
                     "sets", "attempts", "attempt", "trials", "x", "points", "point"), "count"),
    **dict.fromkeys(("degrees", "degree", "°"), "angle"),
    **dict.fromkeys(("%", "percent", "per cent"), "percent"),
}

FREQUENCY_WORDS = frozenset({"daily", "weekly", "nightly", "fortnightly", "monthly", "hourly"})

# Levels of help (Bovend'Eerdt's "support"): whole phrases ...
SUPPORT_PHRASES = (
    "independently", "independent", "unaided", "unassisted", "unsupported", "supervised",
    "supervision", "set up help",
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
    "support", "trolley", "grab", "perching", "stool",
})

# Observable completion conditions ("without stopping", "through the night").
CONDITIONS = (
    "through <det> night", "the whole night", "in one go", "non stop", "nonstop",
    "in a row", "step over step", "all the way", "without <det>? rest", "without <det>? break",
    "without <det>? limp", "without stopping", "without a fall", "the whole", "a whole",
    "through <det>", "without waking", "continuously",
)

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
})
# One-off occasions: taking part in one is a yes/no outcome ("dance at my son's wedding").
OCCASIONS = frozenset({
    "wedding", "christening", "graduation", "party", "service", "ceremony", "concert",
    "funeral", "reunion", "mass",
})

# --- Time-bound -------------------------------------------------------------------------------
MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
})
WEEKDAYS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})
# Named occasions that serve as deadlines after by / before / until / at ...
EVENTS = frozenset({
    "discharge", "wedding", "holiday", "holidays", "vacation", "birthday", "christening",
    "graduation", "anniversary", "reunion", "trip", "cruise", "surgery", "operation", "op",
    "review", "appointment", "follow", "check", "clinic", "season", "race", "tournament",
    "competition", "term", "semester", "retirement", "christmas", "easter", "thanksgiving",
    "diwali", "eid", "hanukkah", "ramadan", "spring", "summer", "autumn", "winter", "fall",
    "tomorrow", "today", "tonight", "visit", "consultation", "quarter",
})
# Vague times: worth naming in a message, never a time frame.
VAGUE_TIME = (
    "soon", "eventually", "one day", "someday", "some day", "in the future", "at some point",
    "asap", "as soon as possible", "a few weeks", "a few months", "a few days",
    "few weeks", "few months", "coming weeks", "coming months", "long term", "short term",
    "in time", "one of these days", "when i can", "in due course",
)

# --- Achievable: absolutes nobody can promise -------------------------------------------------
ABSOLUTES = (
    "forever", "for ever", "permanently", "for good", "ever again", "never again",
    "completely pain free", "totally pain free", "completely pain", "totally pain",
    "100 %", "100 percent", "100 per cent", "all the time", "no pain at all", "zero pain",
    "completely cured", "fully cured", "cured", "never have", "never feel", "never get",
    "0 / 10", "pain free forever", "never be in pain",
)

# --- Relevant: a reason stated in the goal ----------------------------------------------------
REASONS = (
    "so i can", "so i could", "so that", "so he can", "so she can", "so they can",
    "so we can", "so you can", "so i am able", "so i'm able", "so i will be able",
    "so i'll be able", "in order to", "because", "which will let me", "which means i can",
    "allowing me to", "enabling me to", "to allow me to", "so as to", "to be able to",
    "as i want to", "so i don't", "so i do not", "so i won't", "so that i",
)

# Things done to the patient, not by them (Action-oriented is not met by these).
PASSIVE = (
    "be given", "receive", "be seen", "be referred", "be reviewed", "have <det>? injection",
    "get <det>? scan", "be prescribed", "be treated", "be assessed",
)

# --- Language: clinician-centred or coercive phrasing -----------------------------------------
# phrase -> (why it matters, a collaborative wording to put in its place).
_ORDERS = ("Orders put the plan in the clinician's hands; goals people help set are followed "
           "more closely and kept longer.")
_COMPLY = ("'Comply' casts the patient as following orders and blames them when the plan did "
           "not fit their life.")
_ASK = _COMPLY + " Ask what got in the way instead."
LANGUAGE: Mapping[str, tuple[str, str]] = {
    "patient must": (_ORDERS, "patient has agreed to"),
    "pt must": (_ORDERS, "pt has agreed to"),
    "client must": (_ORDERS, "client has agreed to"),
    "he must": (_ORDERS, "he has agreed to"),
    "she must": (_ORDERS, "she has agreed to"),
    "they must": (_ORDERS, "they have agreed to"),
    "you must": (_ORDERS, "you have agreed to"),
    "must comply": (_COMPLY, "plans to keep up"),
    "comply with": (_COMPLY, "keep up with"),
    "comply": (_COMPLY, "follow the plan we agreed"),
    "compliance with": (_COMPLY, "keeping up with"),
    "compliance": (_COMPLY, "keeping up with the agreed plan"),
    "compliant with": (_COMPLY, "keeping up with"),
    "compliant": (_COMPLY, "keeping up with the agreed plan"),
    "non compliant": (_ASK, "finding the plan hard to keep up"),
    "noncompliant": (_ASK, "finding the plan hard to keep up"),
    "non compliance": (_ASK, "difficulty keeping up with the plan"),
    "noncompliance": (_ASK, "difficulty keeping up with the plan"),
    "will be made to": (_ORDERS, "has agreed to"),
    "be made to": (_ORDERS, "agree to"),
    "will be instructed to": ("Instructions are one-way; say what the patient chose to do.",
                              "has agreed to"),
    "will be instructed in": ("Instructions are one-way; say what the patient will learn and "
                              "practise.", "will learn and practise"),
    "be instructed to": ("Instructions are one-way; say what the patient chose to do.", "agree to"),
    "should be told": ("Telling leaves no room for the patient's view; plan to talk it through.",
                       "will talk through with us whether"),
    "will be told": ("Telling leaves no room for the patient's view; plan to talk it through.",
                     "will talk through with us whether"),
    "must be told": ("Telling leaves no room for the patient's view; plan to talk it through.",
                     "will talk through with us whether"),
    "is expected to": ("Expectations set by others are not a shared goal.", "plans to"),
    "are expected to": ("Expectations set by others are not a shared goal.", "plan to"),
    "not allowed to": ("Bans are orders; say what was agreed and why.", "has agreed not to"),
    "insist": ("Insisting is an order; suggest and agree instead.", "suggest"),
    "refuses to": ("'Refuses' labels the person; find out what they want instead.",
                   "has chosen not to"),
    "refused to": ("'Refused' labels the person; find out what they want instead.",
                   "chose not to"),
    "failed to": ("'Failed' blames the person; ask what got in the way.",
                  "has not yet managed to"),
    "unmotivated": ("A label, not a barrier: name what gets in the way.",
                    "finding it hard to start"),
    "ordered to": (_ORDERS, "agreed to"),
    "obey": (_ORDERS, "follow the agreed plan for"),
}

# Wordings whose replacement does not slot into the sentence: no whole-sentence rewrite.
LANGUAGE_NOT_SLOT_IN = frozenset({
    "comply", "compliance", "compliant", "non compliant", "noncompliant", "non compliance",
    "noncompliance", "insist", "unmotivated", "refuses to", "refused to",
})

# Words ignored when comparing a goal with a recorded priority.
STOPWORDS = frozenset({
    "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "back", "be", "been", "before", "being", "better", "but", "by", "can", "could", "day",
    "days", "do", "does", "doing", "done", "each", "even", "every", "for", "from", "get",
    "gets", "getting", "go", "goes", "going", "got", "goal", "goals", "had", "has", "have",
    "having", "he", "her", "hers", "him", "his", "how", "i", "i'd", "i'll", "i'm", "if", "in",
    "into", "is", "it", "its", "just", "less", "like", "little", "lot", "make", "me", "more",
    "most", "much", "my", "myself", "need", "no", "not", "now", "of", "off", "on", "once",
    "one", "or", "our", "out", "over", "own", "patient", "pt", "really", "so", "some", "still",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "thing",
    "things", "this", "those", "through", "time", "times", "to", "too", "try", "up", "us",
    "very", "want", "wants", "was", "way", "we", "week", "weeks", "well", "were", "what",
    "when", "where", "which", "while", "who", "will", "with", "within", "without", "would",
    "you", "your", "able", "help", "independently", "further", "month", "months", "year",
    "years", "improve", "increase", "reduce",
})

# Irregular forms of words the lexicons use (inflections of regular words are generated).
IRREGULAR: Mapping[str, str] = {
    "ran": "run", "went": "go", "gone": "go", "drove": "drive", "driven": "drive",
    "swam": "swim", "swum": "swim", "sat": "sit", "stood": "stand", "knelt": "kneel",
    "lay": "lie", "lying": "lie", "got": "get", "gotten": "get", "rode": "ride",
    "ridden": "ride", "ate": "eat", "eaten": "eat", "slept": "sleep", "felt": "feel",
    "held": "hold", "caught": "catch", "threw": "throw", "thrown": "throw", "flew": "fly",
    "flown": "fly", "hung": "hang", "taught": "teach", "wrote": "write", "written": "write",
    "dug": "dig", "met": "meet", "took": "take", "taken": "take", "cared": "care",
    "biking": "bike", "hiking": "hike", "cycling": "cycle", "dancing": "dance",
    "skiing": "ski", "better": "better", "flare-ups": "flare ups", "ups": "ups",
    "hurting": "hurt", "hurts": "hurt", "aches": "ache", "pains": "pain", "sores": "sore",
    "headaches": "headache", "migraines": "migraine", "flares": "flare",
}
