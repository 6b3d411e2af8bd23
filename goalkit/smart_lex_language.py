"""Wording: clinician-centred or coercive phrases, why they matter, and what to say instead.

Read through :mod:`goalkit.smart_rules`.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "BE_FORMS",
    "CONDITION_WORDS",
    "LANGUAGE",
    "LANGUAGE_NOT_SLOT_IN",
    "MODAL_ORDERS",
    "PERSON_SUBJECTS",
]

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
    "had to be told": ("Telling leaves no room for the patient's view; plan to talk it through.",
                       "agreed to"),
    "has to be told": ("Telling leaves no room for the patient's view; plan to talk it through.",
                       "agrees to"),
    "must be told": ("Telling leaves no room for the patient's view; plan to talk it through.",
                     "will talk through with us whether"),
    "is expected to": ("Expectations set by others are not a shared goal.", "plans to"),
    "expected to": ("Expectations set by others are not a shared goal.", "plans to"),
    "are expected to": ("Expectations set by others are not a shared goal.", "plan to"),
    "not allowed to": ("Bans are orders; say what was agreed and why.", "has agreed not to"),
    "insist": ("Insisting is an order; suggest and agree instead.", "suggest"),
    "refuses to": ("'Refuses' labels the person; find out what they want instead.",
                   "has chosen not to"),
    "refused to": ("'Refused' labels the person; find out what they want instead.",
                   "chose not to"),
    "refusing to": ("'Refusing' labels the person; find out what they want instead.",
                    "choosing not to"),
    "refusing": ("'Refusing' labels the person; find out what they want instead.",
                 "choosing not to have"),
    "failed to": ("'Failed' blames the person; ask what got in the way.",
                  "has not yet managed to"),
    "unmotivated": ("A label, not a barrier: name what gets in the way.",
                    "finding it hard to start"),
    "ordered to": (_ORDERS, "agreed to"),
    "told to": ("Telling leaves no room for the patient's view; say what was agreed.",
                "agreed to"),
    "refuses": ("'Refuses' labels the person; find out what they want instead.",
                "has chosen not to have"),
    "refused": ("'Refused' labels the person; find out what they want instead.",
                "chose not to have"),
    "obey": (_ORDERS, "follow the agreed plan for"),
    # Orders with any subject ("Mr Diaz must walk", "Ana has to..."): the modal is the order.
    # Said of oneself ("I must", "I need to") they are the patient's own words: see SELF.
    "must": (_ORDERS, "has agreed to"),
    "has to": (_ORDERS, "has agreed to"),
    "have to": (_ORDERS, "have agreed to"),
    "needs to": (_ORDERS, "has agreed to"),
    "need to": (_ORDERS, "have agreed to"),
    "is required to": (_ORDERS, "has agreed to"),
    "are required to": (_ORDERS, "have agreed to"),
    "will be required to": (_ORDERS, "has agreed to"),
    "be required to": (_ORDERS, "agree to"),
    "required to": (_ORDERS, "agreed to"),
    "shall": (_ORDERS, "will"),
    "non adherent": (_ASK, "finding the plan hard to keep up"),
    "nonadherent": (_ASK, "finding the plan hard to keep up"),
    "non adherence": (_ASK, "difficulty keeping up with the plan"),
    "nonadherence": (_ASK, "difficulty keeping up with the plan"),
    "poor adherence": (_ASK, "difficulty keeping up with the plan"),
    "adherence to": (_COMPLY, "keeping up with"),
    "adhere to": (_COMPLY, "keep up with"),
    "expected to comply": (_COMPLY, "plans to keep up"),
}

# Modals that are an order only when a person is told to do something: "Mr Diaz must walk",
# "she has to", not "I must" (the speaker's own resolve), "all pain must go" (no person) or
# "if she has to go off sick" (a condition, not an order).
MODAL_ORDERS: frozenset[str] = frozenset({
    "must", "has to", "have to", "needs to", "need to", "shall", "refuses", "refused", "told to",
    "expected to",  # as a note writes it: "Pt expected to wear ..."
})
# Subjects that make a modal an order (besides a name: a capitalised word the lexicons lack).
PERSON_SUBJECTS: frozenset[str] = frozenset({
    "he", "she", "they", "you", "patient", "pt", "client", "person", "resident", "individual",
    "user", "service", "mr", "mrs", "ms", "miss", "dr",
    # the people around the patient, told what to make the patient do ("the family has to ...")
    "family", "carer", "carers", "wife", "husband", "partner", "son", "daughter", "parents",
    "mum", "dad", "staff",
})
# Forms of "be" before a passive order ("was expected to", "I'm told to").
BE_FORMS: frozenset[str] = frozenset({
    "is", "was", "were", "are", "am", "been", "be", "being", "i'm", "he's", "she's", "you're",
    "they're", "'m", "'s",
})
# Words that make the clause a condition rather than an order.
CONDITION_WORDS: frozenset[str] = frozenset({"if", "when", "unless", "whether", "whenever"})

# Wordings whose replacement does not slot into the sentence: no whole-sentence rewrite.
LANGUAGE_NOT_SLOT_IN = frozenset({
    "comply", "compliance", "compliant", "non compliant", "noncompliant", "non compliance",
    "noncompliance", "insist", "unmotivated", "refuses to", "refused to", "non adherent",
    "refusing to", "refusing", "had to be told", "has to be told",
    "refuses", "refused",
    "nonadherent", "non adherence", "nonadherence", "poor adherence",
})
