"""The data behind goalkit's SMART checker: lexicons and teaching text, read in one place.

Everything the checker "knows" about words is data, so a trainer can read it, and a new word
needs no code. The lexicons are kept one module per criterion and read through this one:

- :mod:`goalkit.smart_lex_activities`: activities (Specific) and what hides or weakens them;
- :mod:`goalkit.smart_lex_states`: feelings, capacities, body functions and pain (not Specific);
- :mod:`goalkit.smart_lex_measures`: units, levels of help, conditions, end points (Measurable);
- :mod:`goalkit.smart_lex_time`: months, weekdays, deadline occasions, vague times (Time-bound);
- :mod:`goalkit.smart_lex_achievable`: absolutes (Achievable) and passive aims (Action-oriented);
- :mod:`goalkit.smart_lex_relevant`: reason phrases and the stopwords of priority matching;
- :mod:`goalkit.smart_lex_language`: clinician-centred wording and collaborative rewordings;
- here: the irregular word forms every lexicon relies on.

Phrase syntax (see :mod:`goalkit._text`): a plain word matches the word and its regular
inflections ("walk" also finds "walking", "walked"); ``<det>`` is a determiner or possessive;
``<num>`` a number; a trailing ``?`` makes an element optional.

>>> ("walk", "walk 1 km without a rest") == (ACTIVITIES["walk"][0], ACTIVITY_EXAMPLES["walk"])
True
"""

from __future__ import annotations

from collections.abc import Mapping

from goalkit.smart_lex_achievable import ABSOLUTES, PASSIVE
from goalkit.smart_lex_activities import (
    ABSTRACT_OBJECTS,
    ACTIVITIES,
    ACTIVITY_EXAMPLES,
    BETTER_VERBS,
    COMPOUNDS,
    GENERIC_OBJECTS,
    IMPROVE_VERBS,
    INFINITIVE_HEADS,
    NOT_ACTIONS,
    SELF_NOT_HELP,
    TASKS,
)
from goalkit.smart_lex_language import (
    BE_FORMS,
    CONDITION_WORDS,
    LANGUAGE,
    LANGUAGE_NOT_SLOT_IN,
    MODAL_ORDERS,
    PERSON_SUBJECTS,
)
from goalkit.smart_lex_measures import (
    COMPARATIVE_MARKERS,
    CONDITIONS,
    COPING_VERBS,
    COUNTED_BY_ALL,
    COUNTED_OCCASIONS,
    DEST_PREPS,
    DOING_VERBS,
    FREQUENCY_WORDS,
    HELPERS,
    NOT_CONDITIONS,
    NOUN_MARKERS,
    OCCASIONS,
    PLACES,
    PLAN_NOUNS,
    RETURN_EXAMPLE,
    RETURN_EXTENTS,
    SUPPORT_NOUNS,
    SUPPORT_PHRASES,
    UNITS,
    VAGUE_MEASURE,
)
from goalkit.smart_lex_relevant import REASONS, STOPWORDS
from goalkit.smart_lex_states import (
    BODY_PARTS,
    FEARS,
    FEELINGS,
    KNOWING_VERBS,
    NOT_PAIN_AFTER,
    PAIN,
    PAIN_MEASURES,
    PAIN_SIGNS,
    PAIN_SITE_EXAMPLES,
    STATES,
)
from goalkit.smart_lex_time import CALENDAR, EVENTS, MONTHS, VAGUE_TIME, WEEKDAYS

__all__ = [
    "ABSOLUTES",
    "ABSTRACT_OBJECTS",
    "ACTIVITIES",
    "ACTIVITY_EXAMPLES",
    "BETTER_VERBS",
    "BE_FORMS",
    "BODY_PARTS",
    "CALENDAR",
    "COMPARATIVE_MARKERS",
    "COMPOUNDS",
    "CONDITIONS",
    "CONDITION_WORDS",
    "COPING_VERBS",
    "COUNTED_BY_ALL",
    "COUNTED_OCCASIONS",
    "DEST_PREPS",
    "DOING_VERBS",
    "EVENTS",
    "FEARS",
    "FEELINGS",
    "FREQUENCY_WORDS",
    "GENERIC_OBJECTS",
    "HELPERS",
    "IMPROVE_VERBS",
    "INFINITIVE_HEADS",
    "IRREGULAR",
    "KNOWING_VERBS",
    "LANGUAGE",
    "LANGUAGE_NOT_SLOT_IN",
    "MODAL_ORDERS",
    "MONTHS",
    "NOT_ACTIONS",
    "NOT_CONDITIONS",
    "NOT_PAIN_AFTER",
    "NOUN_MARKERS",
    "OCCASIONS",
    "PAIN",
    "PAIN_MEASURES",
    "PAIN_SIGNS",
    "PAIN_SITE_EXAMPLES",
    "PASSIVE",
    "PERSON_SUBJECTS",
    "PLACES",
    "PLAN_NOUNS",
    "REASONS",
    "RETURN_EXAMPLE",
    "RETURN_EXTENTS",
    "SELF_NOT_HELP",
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

# Irregular forms of words the lexicons use (inflections of regular words are generated).
IRREGULAR: Mapping[str, str] = {
    "ran": "run", "went": "go", "gone": "go", "drove": "drive", "driven": "drive",
    "swam": "swim", "swum": "swim", "sat": "sit", "stood": "stand", "knelt": "kneel",
    "lay": "lie", "lying": "lie", "got": "get", "gotten": "get", "rode": "ride",
    "ridden": "ride", "ate": "eat", "eaten": "eat", "slept": "sleep", "felt": "feel",
    "held": "hold", "caught": "catch", "threw": "throw", "thrown": "throw", "flew": "fly",
    "flown": "fly", "hung": "hang", "taught": "teach", "wrote": "write", "written": "write",
    "dug": "dig", "met": "meet", "took": "take", "taken": "take", "cared": "care",
    "getting": "get", "gets": "get", "making": "make", "makes": "make", "made": "make",
    "biking": "bike", "hiking": "hike", "cycling": "cycle", "dancing": "dance",
    "skiing": "ski", "better": "better", "flare-ups": "flare ups", "ups": "ups",
    "hurting": "hurt", "hurts": "hurt", "aches": "ache", "pains": "pain", "sores": "sore",
    "headaches": "headache", "migraines": "migraine", "flares": "flare",
}
