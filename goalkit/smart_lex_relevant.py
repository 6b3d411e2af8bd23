"""Relevant: reasons stated in the goal, and the words ignored when a goal is compared with a
recorded priority (the scanner also skips them when it builds inflections and counts).
Read through :mod:`goalkit.smart_rules`.
"""

from __future__ import annotations

__all__ = [
    "REASONS",
    "STOPWORDS",
]

# --- Relevant: a reason stated in the goal ----------------------------------------------------
REASONS = (
    "so i can", "so i could", "so that", "so he can", "so she can", "so they can",
    "so we can", "so you can", "so i am able", "so i'm able", "so i will be able",
    "so i'll be able", "in order to", "because", "which will let me", "which means i can",
    "allowing me to", "enabling me to", "to allow me to", "so as to", "to be able to",
    "as i want to", "so i don't", "so i do not", "so i won't", "so that i",
    # in a clinician's note
    "so pt can", "so patient can", "so client can", "so the patient can", "so pt is able",
    "so patient is able", "to allow", "to enable", "to let me", "allowing", "enabling",
    "to facilitate",
)

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
