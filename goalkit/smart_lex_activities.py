"""Specific: the activities a goal can name, and the words that hide or weaken them.

Read through :mod:`goalkit.smart_rules` (phrase syntax there). An activity group names a kind
of activity; :data:`ACTIVITY_EXAMPLES` turns each kind into a measurable example for
suggestions.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "ABSTRACT_OBJECTS",
    "ACTIVITIES",
    "ACTIVITY_EXAMPLES",
    "BETTER_VERBS",
    "COMPOUNDS",
    "GENERIC_OBJECTS",
    "IMPROVE_VERBS",
    "INFINITIVE_HEADS",
    "NOT_ACTIONS",
    "SELF_NOT_HELP",
    "TASKS",
]

# --- Activities (Specific) ------------------------------------------------------------------
# group -> phrases. A group names the kind of activity; ACTIVITY_EXAMPLES gives a measurable
# version of it, used to make a suggestion concrete.
# NB: the order of the groups matters. A phrase listed in two groups ("school run") is read as
# the first group's, and the group of the first activity named picks the example suggested.
ACTIVITIES: Mapping[str, tuple[str, ...]] = {
    "walk": (
        "walk", "stroll", "hike", "ramble", "ambulate", "wander", "go for <det> walk",
        "take <det>? dog for <det> walk", "take <det>? dog out", "steps", "get around",
        "hillwalking", "hill walking", "nordic walking",
        "get about", "move around", "move about",
    ),
    "run": ("run", "jog", "sprint", "parkrun", "marathon", "treadmill"),
    "cycle": ("cycle", "bike", "ride", "spin", "handcycle", "handcycling", "motorbike"),
    "swim": ("swim", "hydrotherapy", "hydro", "aqua aerobics", "lengths of front crawl"),
    "stairs": (
        "climb", "stairs", "stair", "staircase", "flight of stairs", "go up", "go down",
        "step up", "kerb", "curb", "ramp",
    ),
    "lift": ("lift", "pick", "pick up", "bend", "stoop", "squat", "crouch", "retrieve", "fetch"),
    "carry": ("carry", "hold", "push", "pull", "throw", "catch", "hang"),
    "reach": (
        "reach up", "reach <det>? top", "reach <det>? shelf", "reach <det>? cupboard",
        "reach overhead", "reach <det>? floor", "reach <det>? toes", "reach <det>? feet",
        "reach behind",
    ),
    "posture": ("sit", "stand", "kneel", "lie down", "lie flat", "lie on", "balance on"),
    "transfer": (
        "transfer", "get from", "move from", "get in", "get out", "get into", "get onto",
        "get on", "get off", "get up",
        "stand up", "sit up", "sit down", "roll over", "sit out", "get in and out",
        "get out of", "get in and out of", "get on and off", "get up from", "stand up from",
        "bed mobility", "lie to sit", "supine to sit", "sit to supine", "sit to lie", "roll",
        "turn over", "turn in bed",
        "floor recovery", "floor transfer", "get up off <det>? floor", "wheelchair mobility",
    ),
    "selfcare": (
        "dress", "undress", "wash", "shower", "bathe", "bath", "groom", "shave",
        "brush <det>? teeth", "brush <det>? hair", "put on", "put <det> socks on",
        "get <det> socks on", "get <det> shoes on", "get <det> trainers on",
        "get <det> socks and shoes on", "get <det> socks and trainers on", "get <det> coat on",
        "get <det> shoes and socks on", "put <det> underwear on", "put <det> pants on",
        "put <det> trainers on", "put <det> slippers on",
        "put <det> shoes on", "take off", "do up", "tie", "button", "fasten", "toilet",
        "catheterise", "catheterize", "bowel care", "bladder care", "self care",
        "personal care", "pressure relief", "pressure relieve", "feed", "eat", "diet",
        "dry <det> hair", "oral hygiene", "stump care", "skin check", "skin checks",
        "wound care", "bowel program", "bowel programme", "bladder program",
        "bladder programme", "apply <det>? splint", "apply <det>? brace", "apply <det>? collar",
        "apply <det>? ankle splint", "apply <det>? ankle splints", "apply <det>? back brace",
        "apply <det>? stockings", "apply <det>? liner", "stoma care", "catheter care",
        "wear <det>? brace", "wear <det>? back brace", "wear <det>? collar", "wear <det>? splint",
        "wear <det>? resting splint", "wear <det>? cervical collar", "wear <det>? hard collar",
        "wear <det>? soft collar", "wear <det>? neck collar", "wear <det>? ankle splint",
        "wear <det>? ankle splints",
        "wear <det>? sling", "wear <det>? boot", "wear <det>? stockings", "pressure care",
        "put <det> bra on", "put <det> coat on", "put <det> trousers on", "put <det> jumper on",
        "put <det> shirt on", "put <det> tights on", "put <det> jacket on", "put <det> boots on",
        "take <det>? medication", "take <det>? tablets", "take <det>? medicines",
        "use <det>? medication", "use <det>? rescue medication", "use <det>? inhaler",
        "drink from <det>? cup", "drink from <det>? glass", "cut <det>? food",
        "apply <det>? resting splint", "wean off", "pill organiser", "pill organizer",
        "dosette box", "move <det>? body around",
        "continence care", "bladder management", "bowel management", "medication management",
        "personal hygiene", "nail care", "make up", "self catheterisation",
        "self catheterization", "skin inspection",
    ),
    "household": (
        "clean", "vacuum", "hoover", "mop", "sweep", "dust", "iron", "tidy", "wash up",
        "washing up", "dishes", "dishwasher", "laundry", "cook", "bake", "make <det>? bed",
        "make <det>? meal", "make <det>? dinner", "make <det>? lunch", "make <det>? breakfast",
        "make <det>? cup of tea", "prepare <det>? meal", "garden", "mow", "dig", "weed",
        "prepare <det>", "make <det>? sandwich", "make <det>? hot drink", "make <det>? snack",
        "household tasks", "household chores", "domestic tasks", "diy", "paint", "woodwork",
        "make <det>? hot meal", "prepare lunch", "prepare breakfast", "prepare dinner",
        "prepare food",
        "crafts", "bed making", "change <det>? bed", "strip <det>? bed", "meal preparation",
        "prune", "shop", "housework", "chores", "chore", "put out <det>? bins", "decorate",
        "work in <det> garden", "work in <det>? vegetable beds", "work on <det> allotment",
        "allotment",
        "plant out",
        "washing on <det> line", "the washing",
    ),
    "work": (
        "work", "job", "shift", "shifts", "duties", "commute", "type", "study", "teach",
        "volunteer", "school run", "desk work", "computer work", "manual handling",
        "bricklaying", "exams", "lectures",
    ),
    "drive": ("drive", "reverse", "check <det>? blind spot"),
    "sport": (
        "golf", "tennis", "football", "soccer", "netball", "rugby", "cricket", "basketball",
        "hockey", "badminton", "squash", "bowls", "bowling", "yoga", "pilates", "tai chi",
        "dance", "ski", "skate", "row", "paddle", "kayak", "surf", "sail", "fish", "hop",
        "jump", "sport", "sports", "gym", "train", "match", "play", "serve",
        "hop test", "climbing wall", "zumba", "boxing", "couch to 5k", "circuit class",
        "circuits",
    ),
    "social": (
        "meet", "visit", "go to", "go out", "go on", "go into", "travel", "fly", "holiday",
        "spend time with", "spend <det>? day with", "spend <det>? afternoon with",
        "spend <det>? morning with", "spend <det>? evening with", "spend <det>? weekend with",
        "socialise", "socialize", "take part", "participate", "join", "church", "choir",
        "pub", "cinema", "concert", "theatre", "theater", "walking group", "get home",
        "go home", "get to <det>", "use <det>? bus", "catch <det>? bus", "take <det>? bus",
        "use <det>? train", "public transport", "outing", "day out", "trip to", "trips to",
        "plan <det>? trip", "plan <det>? outing", "plan <det>? day out",
    ),
    "attend": ("attend", "physiotherapy", "physio", "physical therapy", "aquatic therapy",
               "cardiac rehab", "pulmonary rehab", "rehab class", "pray", "prayer", "prayers"),
    "family": ("look after", "care for", "babysit", "bath <det> baby", "school run",
               "mind <det>? grandkids", "mind <det>? grandchildren", "mind <det>? kids",
               "mind <det>? children", "mind <det>? baby", "mind <det>? grandson",
               "mind <det>? granddaughter", "childcare", "child care", "pet care",
               "nursery run", "nursery drop off", "school pick up", "drop off",
               # intimacy is a participation (ICF d770)
               "have sex", "make love", "be intimate", "sexual activity"),
    "exercise": (
        "exercise", "work out", "stretch", "plank", "bridges", "lunge", "press ups",
        "push ups", "sit ups", "practise", "practice", "meditate", "relaxation",
        "breathing exercises", "keep <det>? diary", "diary", "pace", "pacing",
        "home exercise", "home program", "home programme", "flare up plan", "flare plan",
        "pacing plan", "pain management plan", "flare up routine", "mindfulness",
        "heel raises", "calf raises", "sit to stands", "exercise programme", "exercise program",
        "self manage", "keep <det>? log", "keep <det>? symptom log", "keep <det>? activity log",
        "keep <det>? journal", "journal", "qi gong", "qigong", "apply <det>? ice",
        "apply <det>? heat", "use <det>? heat pack", "use <det>? ice pack", "heat pack",
        "ice pack", "hot water bottle", "use <det>? tens", "use <det>? tens machine",
        # a planned rest is pacing, something the person does ("rest 15 min after lunch")
        "rest", "rest break", "rest breaks", "ice", "positioning",
    ),
    "sleep": ("sleep", "fall asleep", "get to sleep", "stay asleep", "nap"),
    "hand": (
        "write", "open <det>? jar", "turn <det>? key", "sew", "knit", "grip <det>", "read",
        "use <det>? phone", "banking", "money management", "computer use",
        "use <det>? computer", "emails", "handwriting", "book <det>? taxi", "phone <det>",
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
    "get <det> socks on", "get <det> shoes on", "get <det> trainers on",
    "get <det> socks and shoes on", "get <det> socks and trainers on", "get <det> coat on",
    "get <det> shoes and socks on", "put <det> underwear on", "put <det> pants on",
    "put <det> trainers on", "put <det> slippers on",
    "dry <det> hair", "open <det>? jar", "turn <det>? key", "reach <det>? top",
    "reach <det>? shelf", "reach <det>? cupboard", "reach <det>? floor", "reach <det>? toes",
    "reach <det>? feet", "hop test", "washing on <det> line", "make <det>? meal",
    "make <det>? dinner", "make <det>? lunch", "make <det>? breakfast",
    "make <det>? cup of tea", "prepare <det>? meal", "bowel care", "bladder care",
    "pressure relief", "oral hygiene", "stump care", "skin check", "skin checks", "wound care",
    "stoma care", "catheter care", "bowel program", "bowel programme", "bladder program",
    "bladder programme", "apply <det>? splint", "apply <det>? brace", "apply <det>? collar",
    "apply <det>? ankle splint", "apply <det>? ankle splints", "apply <det>? back brace",
    "apply <det>? stockings", "apply <det>? liner", "wear <det>? brace", "wear <det>? back brace",
    "wear <det>? collar", "wear <det>? splint", "wear <det>? resting splint",
    "wear <det>? ankle splint", "wear <det>? ankle splints", "wear <det>? sling",
    "wear <det>? boot", "wear <det>? stockings", "floor recovery", "lie to sit",
    "supine to sit", "sit to supine", "sit to lie", "pressure care", "put <det> bra on",
    "put <det> coat on", "put <det> trousers on", "put <det> jumper on", "put <det> shirt on",
    "put <det> tights on", "put <det> jacket on", "put <det> boots on",
})

# Compounds that contain an activity word but name a thing: they hide the activity inside.
COMPOUNDS = (
    "walking stick", "walking sticks", "walking frame", "walking aid", "walking aids",
    "walking boots", "running shoes", "working day", "working week", "exercise bike",
    "washing machine", "dressing gown", "sitting room", "shopping bags", "shopping bag",
    "car seat", "standby assist", "stand by", "sock aid", "push mower", "sliding board",
    "work boots", "swimming pool", "dining table", "kitchen counter", "oily fish",
    "type of", "in a row", "living room", "at work", "exercise test", "exercise tolerance test",
    "walk test", "walking test", "step test",
    # "work on my posture" is a wish about a capacity, not work
    "work on", "work towards", "work toward", "focus on",
    # "pain at rest", "the rest of the day": no planned rest
    "at rest", "rest of", "bed rest",
    # "cut down on painkillers": using less of something, not cutting
    "cut down", "cut back",
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

# --- The verb of a goal no activity phrase names (goalkit.smart_scan_activities.find_action) -
# Words after which "to" starts the goal's own verb: "I want to use my calendar", "Pt to ...".
INFINITIVE_HEADS = frozenset({
    "want", "wants", "like", "able", "aim", "aims", "plan", "plans", "hope", "hopes", "need",
    "needs", "try", "learn", "learns", "going", "wish", "wishes", "intend", "intends", "pt",
    "patient", "client", "goal", "expected", "required", "will", "begin", "begins",
})
# Verbs that, in the verb's place, name no task someone could watch: being, feeling, wanting,
# knowing, and changes to a capacity or a symptom ("reduce", "improve"). Words of the other
# lexicons (states, pain, activities) are read there first; these only keep the fallback from
# calling them tasks. "learn", "keep", "continue", "try" and "be able" let the next verb speak.
NOT_ACTIONS = frozenset({
    "be", "am", "is", "are", "was", "were", "been", "being", "feel", "feels", "have", "has",
    "had", "get", "gets", "become", "stay", "remain", "improve", "increase", "decrease",
    "reduce", "lower", "lessen", "minimise", "minimize", "ease", "relieve",
    "cope", "deal", "understand", "know", "want", "need", "like", "love", "hope", "wish",
    "think", "believe", "accept", "regain", "gain", "achieve", "attain", "maintain",
    "recover", "heal", "lose", "strengthen", "enjoy", "score", "rate", "progress", "prevent",
    "avoid", "comply", "adhere", "tolerate", "experience", "notice", "sense", "worry", "fear",
    "verbalize", "verbalise", "recall", "identify", "describe", "explain", "recognise",
    "recognize", "demonstrate", "show", "report", "express", "see", "hear", "look",
    "enhance", "boost", "better", "restore", "build", "develop", "optimise", "optimize",
    "resolve", "eliminate", "normalise", "normalize", "return", "resume", "start", "stop",
    "quit", "give", "let", "allow", "make", "needs", "wants", "likes", "hopes", "aims",
    "will", "would", "could", "should", "can", "may", "might", "must", "shall", "not", "no",
    "never", "also", "again", "then", "just", "only", "still", "really", "rather", "more",
    "less", "further", "longer", "fewer", "work", "sort", "trust", "loosen",
    "stiffen", "relax", "protect", "settle", "calm", "drop", "find", "overcome", "face",
    "conquer", "beat", "reach", "maximise", "maximize", "participate", "engage", "embrace",
    "reclaim", "rebuild", "reconnect", "master", "tackle", "handle", "live", "suffer",
})
# Objects that make the verb before them a wish about life, not a task: "turn my life around",
# "put the accident behind me".
ABSTRACT_OBJECTS = frozenset({
    "life", "lives", "potential", "fear", "fears", "goal", "goals", "confidence",
    "independence", "health", "function", "way", "best", "control", "charge", "accident",
    "past", "future", "stress", "self", "worries", "mood", "energy", "motivation", "wellbeing",
    "strength", "fitness", "balance", "weight", "posture", "lifestyle", "setback", "setbacks",
})
# Verbs that, before "my" and an activity noun, make it a capacity: "improve my sleep".
BETTER_VERBS = frozenset({"improve", "enhance", "boost", "better", "optimise", "optimize"})
# Before a reflexive that is no level of help: "by myself" (read as a phrase), "being myself",
# "look after myself", "proud of myself".
SELF_NOT_HELP = frozenset({
    "by", "being", "be", "after", "of", "for", "to", "about", "with",
    "at", "in", "on", "like", "than", "kind", "kinder", "trust",
    "feel", "felt", "push", "pushing", "enjoy", "express", "pace",
    "pacing", "motivate", "remind", "allow", "give", "let",
    "challenge", "see", "ask", "believe", "forgive", "reward",
    "treat", "distract", "calm", "relax", "ground", "hurt", "injure"})
