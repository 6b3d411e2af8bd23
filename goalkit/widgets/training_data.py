"""Teaching content for the training notebooks, kept as data: quizzes and the final scenario.

Every answer is explained. Where an explanation rests on a source, the source is named in
short; full references are in ``docs/training.md``. The patient in :data:`ASSESSMENT` is
invented for teaching.
"""

from __future__ import annotations

from collections.abc import Mapping

from .training_rules import Choice, Question, Scenario

__all__ = ["ASSESSMENT", "QUIZZES"]

_SMART_BASICS = (
    Question("Which of these goals is Specific?", (
        Choice("Feel more confident on my feet", False,
               "A feeling: nobody could watch it happen. Ask what the patient would be doing "
               "if they felt confident."),
        Choice("Improve my balance so I feel steadier on my feet", False,
               "Balance is a body function. Name the activity it is for: 'stand at the sink "
               "to wash up', 'walk on the beach'."),
        Choice("Walk to the post office and back", True,
               "It names an activity someone could watch, in the patient's own setting."),
    )),
    Question("'Do my stretches every day.' Which letter is missing?", (
        Choice("Time-bound", True,
               "How often is not by when. Add a horizon: 'every day for the next 4 weeks'."),
        Choice("Specific", False, "Stretching is an activity the patient does."),
        Choice("Measurable", False, "'Every day' says how often: that can be counted."),
    )),
    Question("The checker marks Achievable with '?' for 'Walk 1 km within 6 weeks'. Why?", (
        Choice("The goal is too ambitious for most patients to reach in six weeks", False,
               "Nothing in the text says so."),
        Choice("Only the patient can say: ask for a 0-10 confidence rating", True,
               "Achievable depends on the person. 7 or more: go ahead; below 7: shrink the "
               "goal together (Brief Action Planning; G-AP)."),
        Choice("The goal has no number", False, "'1 km' is a number."),
    )),
)

_PLATEAU = (
    Question("Single-leg squats: 9, 9 and 9 at three visits on the same routine; the target is "
             "12. What is this?", (
        Choice("A plateau", True, "No meaningful change over three visits with the target "
               "still ahead: time to change something."),
        Choice("A setback", False, "A setback is a drop from an earlier best; here nothing "
               "dropped."),
        Choice("A milestone", False, "A milestone is a target or an expected level reached."),
    )),
    Question("Which next step fits a plateau in an exercise goal?", (
        Choice("Keep the same routine, with the same load and repetitions, until it starts "
               "working again: progress often comes back by itself", False,
               "A routine the body has adapted to gives less and less (spinal goals article)."),
        Choice("Stop the exercise: it has done what it can", False,
               "The target is not reached; change the exercise rather than drop the goal."),
        Choice("Progress one thing: more load or repetitions, another tempo or rest, another "
               "set type, or a new exercise", True,
               "These are the progressions the spinal goals article lists; agree one with the "
               "patient and check it with the treating clinician after surgery."),
    )),
    Question("Every goal landed exactly at its expected level (0). What is the GAS T-score?", (
        Choice("0", False, "0 is the expected level on one goal's scale, not the T-score."),
        Choice("50", True, "The T-score is built so that 'as expected' on every goal gives 50 "
               "(Kiresuk & Sherman 1968)."),
        Choice("100", False, "The T-score has mean 50 and standard deviation 10; 100 would be "
               "far beyond every goal."),
    )),
)

_FINAL = (
    Question("A patient says: 'I want my pain down from 8 to 4 within 6 weeks.' "
             "What is the best next step?", (
        Choice("Accept it as it stands: it has a number to measure and a date to review it by",
               False,
               "A pain score as the only goal puts people at risk of frustration, depression "
               "and dropping out of care (Osher Center tool)."),
        Choice("Keep it if it matters, and ask what the pain stops them doing, to set a "
               "functional goal beside it", True,
               "Pain may or may not change; what the patient can do can (Osher Center tool)."),
        Choice("Tell them pain goals are not allowed", False,
               "That dismisses what matters to them and is not collaborative."),
    )),
    Question("Which wording is collaborative?", (
        Choice("Patient must comply with the home exercise programme on 5 days a week for the "
               "next 4 weeks", False,
               "'Must' and 'comply' are orders; they leave no room for the patient's view."),
        Choice("Patient will be instructed to exercise daily", False,
               "Instructions are one-way; say what the patient chose to do."),
        Choice("Patient has agreed to do the home exercises on 5 days a week for 4 weeks", True,
               "It records a shared decision, in plain words."),
    )),
    Question("The patient rates their confidence in the goal at 5 out of 10. What now?", (
        Choice("Shrink the goal or add support until the rating is 7 or more", True,
               "Brief Action Planning and G-AP both use 7 as the point to problem-solve."),
        Choice("Keep the goal as it is: a goal that stretches the patient is more motivating",
               False,
               "Low confidence predicts the plan will not be carried out (Brief Action "
               "Planning)."),
        Choice("Stop goal setting for now", False, "Adjust the goal instead; keep going."),
    )),
    Question("Where is the patient's level today usually placed on a GAS scale?", (
        Choice("0", False, "0 is the expected outcome: the goal itself."),
        Choice("+1", False, "+1 is better than expected."),
        Choice("-1", True, "-1 when there is some ability now; -2 when nothing worse is "
               "plausible (Turner-Stokes 2009)."),
    )),
    Question("How many goals should be agreed at one time?", (
        Choice("One goal for every problem on the problem list, so that nothing is missed",
               False,
               "Too many goals dilute effort and attention."),
        Choice("One primary goal and one or two secondary goals", True,
               "A few goals keep the plan focused and leave other routes open (collaborative "
               "goal-setting article)."),
        Choice("Only ever one", False, "A secondary goal or two give flexible pathways."),
    )),
    Question("Which goal is time-bound?", (
        Choice("Walk 30 minutes, three times a week, within 8 weeks", True,
               "'Within 8 weeks' is the time frame: the date to review it."),
        Choice("Walk 30 minutes, three times a week", False,
               "How long and how often, but not by when."),
        Choice("Walk 30 minutes without stopping, three times a week, as soon as possible",
               False, "'As soon as possible' has no date."),
    )),
    Question("Why invite a partner into goal setting after spinal surgery?", (
        Choice("To make sure the patient complies", False,
               "The partner supports; the goals stay the patient's."),
        Choice("So the partner, who knows the patient's week best, can choose the goals for them",
               False,
               "Goals are set with the patient, not for them."),
        Choice("Pain can cloud judgement; a partner helps weigh goals and supports them",
               True, "The spinal goals article suggests a partner for this reason."),
    )),
    Question("How are the other levels of a GAS scale written from the goal?", (
        Choice("By writing a different goal at each level", False,
               "Then the levels would not measure the same thing."),
        Choice("By changing one part: the amount, the help needed or the time", True,
               "Bovend'Eerdt et al. (2009) add, delete or change one part of the goal."),
        Choice("By percentages of pain reduction, from no change at -2 to pain-free at +2",
               False,
               "The levels describe the same activity, not pain."),
    )),
)

QUIZZES: Mapping[str, tuple[Question, ...]] = {
    "01-smart-check": _SMART_BASICS,
    "05-plateau": _PLATEAU,
    "06-final-quiz": _FINAL,
}
"""Quiz questions by exercise id (the id the results are saved under)."""

ASSESSMENT = Scenario(
    name="Rosa",
    story=(
        "Rosa is 52 and works as a school cook. She has had low back pain for two years. "
        "Her first words: 'I just want this pain to go away.' When you ask what the pain stops "
        "her doing, she says she no longer walks her granddaughter home from school, 1.2 km, "
        "because she has to stop twice to rest. She would love to do it again before the "
        "summer holidays, about 8 weeks away. For walking the whole way on her own with one "
        "rest at most, she rates her confidence 8 out of 10."
    ),
    priorities=("Walk my granddaughter home from school",),
    confidence=8,
    model_answer=(
        "Walk my granddaughter home from school (1.2 km) on my own, stopping to rest no more "
        "than once, within 8 weeks, so I can pick her up again."
    ),
)
"""The final goal-writing task: an invented patient, scored by ``score_assessment``."""
