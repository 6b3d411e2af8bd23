"""Not Specific: feelings, capacities, body functions and pain, each with a way out.

A goal that names only these is not Specific; each state carries an activity-based rewording,
and a pain-only goal gets a functional goal suggested from where the pain is. Read through
:mod:`goalkit.smart_rules`.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "BODY_PARTS",
    "FEARS",
    "FEELINGS",
    "KNOWING_VERBS",
    "NOT_PAIN_AFTER",
    "PAIN",
    "PAIN_MEASURES",
    "PAIN_SIGNS",
    "PAIN_SITE_EXAMPLES",
    "STATES",
]

# Body parts, as a goal names them: "get my hand working" (a body function), "my stiff
# shoulder" (where the pain is).
BODY_PARTS = frozenset({
    "hand", "hands", "arm", "arms", "leg", "legs", "knee", "knees", "back", "neck", "shoulder",
    "shoulders", "hip", "hips", "ankle", "ankles", "foot", "feet", "wrist", "wrists", "elbow",
    "elbows", "spine", "body", "fingers", "finger", "thumb", "joint", "joints", "muscles",
})
# What shows pain when a goal makes its absence a condition: "without flinching".
PAIN_SIGNS = frozenset({"discomfort", "hurting", "flare", "flinching", "wincing", "grimacing",
                        "aching"})
# Fears: what follows one ("scared of bending", "worried about falling when I go out") is what
# the patient fears, not what they will do.
FEARS = frozenset({"scared", "afraid", "frightened", "fear", "fearful", "worried", "worry",
                   "worrying", "nervous", "anxious", "terrified"})
# Feelings said about a setting: "feel more confident on the stairs", "less tired after work".
FEELINGS = frozenset({"confident", "safe", "safer", "steady", "steadier", "secure",
                      "comfortable", "relaxed", "calm", "calmer", "tired", "exhausted",
                      "fatigued", "stiff", "breathless", "drained", "worn"})
# What a pain target is measured by: "my pain score", "pain levels".
PAIN_MEASURES = frozenset({"score", "scores", "rating", "ratings", "level", "levels",
                           "intensity"})

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
    "breathe": ("body",
        "name what easier breathing would let you do, e.g. 'climb one flight of stairs without "
        "stopping'"),
    "breathing": ("body",
        "name what easier breathing would let you do, e.g. 'climb one flight of stairs without "
        "stopping'"),
    "breathless": ("body",
        "name what less breathlessness would let you do, e.g. 'walk to the shop without "
        "stopping'"),
    "breathlessness": ("body",
        "name what less breathlessness would let you do, e.g. 'walk to the shop without "
        "stopping'"),
    "shortness of breath": ("body",
        "name what less breathlessness would let you do, e.g. 'walk to the shop without "
        "stopping'"),
    "score": ("score",
        "add the activity the score reflects, e.g. 'walk 1 km' beside the score"),
    "oswestry": ("score",
        "add the activity behind the score, e.g. 'sit through a 2-hour film'"),
    "odi": ("score",
        "add the activity behind the score, e.g. 'sit through a 2-hour film'"),
    # questionnaires whose item is an activity: the item scored is not the goal's target
    **dict.fromkeys(("copm", "psfs", "ndi", "neck disability index", "roland morris", "rmdq"),
                    ("score", "name the activity the item stands for as the goal, with the "
                     "score beside it, e.g. 'garden for 30 minutes twice a week'")),
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
    "tenderness", "neuralgia", "painless", "burning", "throbbing",
)
# Words before a pain word that make it something else: "pressure sore", "cold sore".
NOT_PAIN_AFTER = frozenset({"pressure", "bed", "cold", "saddle"})
# Knowing about pain is not pain: "understand why my back still hurts", "know what to do when
# the pain comes back" (not before "to": "learn to ease my pain" still aims at the pain).
KNOWING_VERBS = frozenset({"understand", "understanding", "know", "knowing", "learn", "learning",
                           "explain", "explaining", "recognise", "recognize", "identify",
                           "describe"})

# Where the pain is -> a functional goal to suggest beside a pain-only goal.
# NB: order matters: the first site in this list that the goal names is used ("back pain and
# neck pain": back); "other" is the fallback.
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
