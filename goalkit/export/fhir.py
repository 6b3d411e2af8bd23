"""FHIR R4 export and import: the worksheet as a Bundle an electronic record can hold.

``to_fhir(ws)`` builds a ``collection`` Bundle and validates it with ``fhir.resources`` (its
``R4B`` models: R4B changed none of the resources used here, Patient, RelatedPerson, Goal,
CarePlan and Observation, from R4 4.0.1). ``from_fhir(text)`` reads such a Bundle back into a
worksheet; ``from_fhir(to_fhir(ws)) == ws`` for every valid worksheet (a test checks it, hostile
strings included). What goes where, and what has no FHIR home, is in ``docs/fhir.md``:

- Patient: the pseudonymous reference as an identifier, and nothing else about the person.
- Goal per goal: statement, role as priority, domain and ICF codes as categories, target per
  measure and a GAS target, start and due dates, the priorities it serves in ``addresses``, why
  it matters as a note, and the five GAS levels as the HL7 Person-Centered Outcomes (PCO) IG's
  ``pco-goal-attainment-scaling`` extension, with LOINC answers (LL6900-6).
- CarePlan: the goals, steps and review dates as activities, the context, the notes.
- Observations: priorities, values, fears, barriers (PCO's barrier code), the GAS baseline, and
  each check-in (a panel holding per-goal GAS levels with their measures, pain, tasks done).

Fields FHIR has no element for are extensions under ``https://goalkit.invalid/fhir/`` (a
namespace that does not resolve, like the schema's ``$id``).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from ..errors import WorksheetFileError
from ..model import CONTEXTS, DOMAINS, INSTRUMENTS, CheckIn, Goal, Worksheet

__all__ = ["GAS_ANSWERS", "GOALKIT", "from_fhir", "to_fhir"]

GOALKIT = "https://goalkit.invalid/fhir/"
EXT = GOALKIT + "StructureDefinition/"
CODES = GOALKIT + "CodeSystem/"
IDS = GOALKIT + "id/"
LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
ICF = "http://hl7.org/fhir/sid/icf"  # HL7 Terminology (THO) CodeSystem ICF
UCUM = "http://unitsofmeasure.org"
PCO_GAS = "http://hl7.org/fhir/us/pco/StructureDefinition/pco-goal-attainment-scaling"
DATA_ABSENT = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
BCP47 = "urn:ietf:bcp:47"

GAS_ANSWERS: dict[int, tuple[str, str]] = {
    2: ("LA34479-8", "Much better than expected"),
    1: ("LA34480-6", "Better than expected"),
    0: ("LA34481-4", "Expected outcome"),
    -1: ("LA34483-0", "Less than expected"),
    -2: ("LA34484-8", "Much less than expected"),
}
"""GAS level -> LOINC answer (answer list LL6900-6), as the PCO IG's GAS goal example codes
them (HL7 PCO IG STU1, ``pco-goal-attainment-scaling``)."""
_LEVEL_OF = {code: level for level, (code, _d) in GAS_ANSWERS.items()}

# LOINC codes the PCO IG uses for GAS (value set goal-attainment-scaling-score), and pain.
GAS_REPORTED = ("107332-9", "Goal attainment scale - Reported")  # the GAS goal's target.measure
GAS_BASELINE = ("112296-9", "Goal attainment scale GAS baseline")
GAS_FOLLOW_UP = ("107333-7", "Practitioner follow-up goal attainment scaling score")
PAIN = ("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported")
BARRIER = ("452341000124107", "Assessment of barriers to meet care plan goals performed")

_PRIORITY = {"primary": "high-priority", "secondary": "medium-priority"}
_PRIORITY_SYSTEM = "http://terminology.hl7.org/CodeSystem/goal-priority"
_ACHIEVEMENT_SYSTEM = "http://terminology.hl7.org/CodeSystem/goal-achievement"


# -- small builders -------------------------------------------------------------------------------
def _coding(system: str, code: str, display: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"system": system, "code": code}
    if display:
        out["display"] = display
    return out


def _concept(system: str, code: str, display: str | None = None) -> dict[str, Any]:
    return {"coding": [_coding(system, code, display)]}


def _ext(name: str, key: str, value: Any) -> dict[str, Any]:
    return {"url": EXT + name, key: value}


def _text(name: str, value: str) -> list[dict[str, Any]]:
    """A goalkit string extension, or nothing when the text is empty (FHIR strings cannot be)."""
    return [_ext(name, "valueString", value)] if value else []


def _note(text: str, kind: str | None = None) -> list[dict[str, Any]]:
    if not text:
        return []
    note: dict[str, Any] = {"text": text}
    if kind:
        note["extension"] = [_ext("note-kind", "valueCode", kind)]
    return [note]


def _ident(kind: str, value: str) -> list[dict[str, Any]]:
    return [{"system": IDS + kind, "value": value}] if value else []


class _Urls:
    """Stable ``urn:uuid:`` addresses: the same worksheet gives the same bundle every time."""

    def __init__(self, ws: Worksheet) -> None:
        self.base = f"{GOALKIT}{ws.id}/"

    def uid(self, *parts: str) -> str:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, self.base + "/".join(parts)))

    def ref(self, *parts: str) -> dict[str, str]:
        return {"reference": "urn:uuid:" + self.uid(*parts)}


def _entry(urls: _Urls, parts: tuple[str, ...], resource: dict[str, Any]) -> dict[str, Any]:
    uid = urls.uid(*parts)
    kind = resource["resourceType"]
    return {"fullUrl": "urn:uuid:" + uid, "resource": {"resourceType": kind, "id": uid, **resource}}


def _day(d: dt.date) -> str:
    return d.isoformat()


# -- export --------------------------------------------------------------------------------------
def _achievement(ws: Worksheet, goal: Goal) -> str:
    """Derived from the latest check-in's GAS level: at or above expected is ``achieved``;
    otherwise compared with the baseline (``improving``, ``no-change``, ``worsening``)."""
    levels = [
        gc.gas_level
        for c in sorted(ws.checkins, key=lambda c: c.date)
        for gc in c.goals
        if gc.goal_id == goal.id and gc.gas_level is not None
    ]
    if not levels:
        return "in-progress"
    last, baseline = levels[-1], goal.gas.baseline if goal.gas else -1
    if last >= 0:
        return "achieved"
    return "improving" if last > baseline else ("no-change" if last == baseline else "worsening")


def _due(ws: Worksheet, goal: Goal) -> str | None:
    """goalkit has no due-date field: the last planned review, else the goal's last step date."""
    dates = [r.date for r in ws.reviews] or [s.target_date for s in goal.steps if s.target_date]
    return _day(max(dates)) if dates else None


def _goal(ws: Worksheet, goal: Goal, urls: _Urls) -> dict[str, Any]:
    due = _due(ws, goal)
    targets: list[dict[str, Any]] = []
    for m in goal.measures:
        measure: dict[str, Any] = {
            "coding": [
                _coding(CODES + "measure", m.id, m.name or None),
                _coding(CODES + "instrument", m.instrument, INSTRUMENTS[m.instrument]),
            ]
        }
        if m.name:
            measure["text"] = m.name
        target: dict[str, Any] = {"measure": measure}
        quantity: dict[str, Any] = {"value": m.target} if m.target is not None else {}
        if m.unit:
            quantity["unit"] = m.unit
        if quantity:
            target["detailQuantity"] = quantity
        if due:
            target["dueDate"] = due
        target["extension"] = [_ext("higher-is-better", "valueBoolean", m.higher_is_better)]
        if m.baseline is not None:
            target["extension"].append(_ext("baseline", "valueDecimal", m.baseline))
        targets.append(target)
    extensions: list[dict[str, Any]] = []
    if goal.gas is not None:
        gas_target: dict[str, Any] = {"measure": _concept(LOINC, *GAS_REPORTED)}
        gas_target["detailCodeableConcept"] = _concept(LOINC, *GAS_ANSWERS[0])
        if due:
            gas_target["dueDate"] = due
        targets.append(gas_target)
        for lv in reversed(goal.gas.levels):  # +2 first, as the PCO IG lists them
            parts: list[dict[str, Any]] = [
                {"url": "level", "valueCoding": _coding(LOINC, *GAS_ANSWERS[lv.level])}
            ]
            if lv.text:
                parts.append({"url": "text", "valueString": lv.text})
            extensions.append({"url": PCO_GAS, "extension": parts})
    gp = goal.parts
    parts_ext = [
        {"url": key, "valueString": getattr(gp, key)}
        for key in ("activity", "support", "quantity", "time_frame")
        if getattr(gp, key)
    ]
    if parts_ext:
        extensions.append({"url": EXT + "goal-parts", "extension": parts_ext})
    for name in ("confidence", "importance", "difficulty"):
        value = getattr(goal, name)
        if value is not None:
            extensions.append(_ext(name, "valueInteger", value))
    categories = (
        [_concept(CODES + "domain", goal.domain, DOMAINS[goal.domain])] if goal.domain else []
    )
    categories += [_concept(ICF, code) for code in goal.icf_codes]
    description: dict[str, Any] = {"text": goal.statement}
    if not goal.statement:  # FHIR requires a description: say it is not written yet
        description = {"extension": [{"url": DATA_ABSENT, "valueCode": "not-asked"}]}
    resource: dict[str, Any] = {
        "resourceType": "Goal",
        "identifier": _ident("goal", goal.id),
        "lifecycleStatus": "active" if goal.statement else "proposed",
        "achievementStatus": _concept(_ACHIEVEMENT_SYSTEM, _achievement(ws, goal)),
        "priority": _concept(_PRIORITY_SYSTEM, _PRIORITY[goal.role]),
        "description": description,
        "subject": urls.ref("patient"),
        "expressedBy": urls.ref("patient"),
        "startDate": _day(ws.created.date()),
        "target": targets,
        "addresses": [urls.ref("priority", pid) for pid in goal.priority_ids],
        "note": _note(goal.why, "why"),
        "category": categories,
        "extension": extensions,
    }
    return {k: v for k, v in resource.items() if v != []}


def _observation(
    urls: _Urls, code: dict[str, Any], on: dt.date | dt.datetime, **fields: Any
) -> dict[str, Any]:
    obs = {
        "resourceType": "Observation",
        "status": "final",
        "code": code,
        "subject": urls.ref("patient"),
        "effectiveDateTime": on.isoformat(),
        **fields,
    }
    return {k: v for k, v in obs.items() if v not in ([], None, "")}


def _checkin_entries(ws: Worksheet, c: CheckIn, urls: _Urls) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    members: list[dict[str, str]] = []
    for n, gc in enumerate(c.goals):
        goal = ws.goal(gc.goal_id)
        measure_refs = []
        for mid, number in gc.measures.items():
            m = next((m for m in goal.measures if m.id == mid), None)
            parts = ("checkin", c.id, str(n), "measure", mid)
            quantity: dict[str, Any] = {"value": number}
            if m is not None and m.unit:
                quantity["unit"] = m.unit
            code = {"coding": [_coding(CODES + "measure", mid, (m.name if m else "") or None)]}
            obs = _observation(
                urls, code, c.date, focus=[urls.ref("goal", goal.id)], valueQuantity=quantity
            )
            entries.append(_entry(urls, parts, obs))
            measure_refs.append(urls.ref(*parts))
        value: dict[str, Any] = {
            "dataAbsentReason": _concept(
                "http://terminology.hl7.org/CodeSystem/data-absent-reason", "not-performed"
            )
        }
        if gc.gas_level is not None:
            value = {"valueCodeableConcept": _concept(LOINC, *GAS_ANSWERS[gc.gas_level])}
        gas = _observation(
            urls,
            _concept(LOINC, *GAS_FOLLOW_UP),
            c.date,
            focus=[urls.ref("goal", goal.id)],
            hasMember=measure_refs,
            note=_note(gc.note),
            **value,
        )
        entries.append(_entry(urls, ("checkin", c.id, str(n)), gas))
        members.append(urls.ref("checkin", c.id, str(n)))
    if c.pain is not None:
        pain = _observation(
            urls,
            _concept(LOINC, *PAIN),
            c.date,
            valueQuantity={"value": c.pain, "unit": "score", "system": UCUM, "code": "{score}"},
        )
        entries.append(_entry(urls, ("checkin", c.id, "pain"), pain))
        members.append(urls.ref("checkin", c.id, "pain"))
    if c.adherence is not None:
        done = _observation(
            urls,
            _concept(CODES + "observation", "adherence", "Share of the agreed tasks done"),
            c.date,
            valueQuantity={"value": c.adherence, "unit": "%", "system": UCUM, "code": "%"},
        )
        entries.append(_entry(urls, ("checkin", c.id, "adherence"), done))
        members.append(urls.ref("checkin", c.id, "adherence"))
    panel = _observation(
        urls,
        _concept(CODES + "observation", "check-in", "goalkit check-in"),
        c.date,
        identifier=_ident("checkin", c.id),
        hasMember=members,
        note=_note(c.notes),
    )
    return [_entry(urls, ("checkin", c.id), panel), *entries]


def _what_matters(ws: Worksheet, urls: _Urls) -> list[dict[str, Any]]:
    """Priorities, values and fears, as Observations in the order they were written."""
    entries = []
    code = {
        "priority": "What matters to me (a priority)",
        "value": "What matters to me (a value)",
        "fear": "A fear the patient raised",
    }

    def obs(kind: str, key: str, text: str, ident: str = "") -> dict[str, Any]:
        resource = _observation(
            urls,
            _concept(CODES + "observation", kind, code[kind]),
            ws.created,
            identifier=_ident(kind, ident),
            valueString=text,
        )
        return _entry(urls, (kind, key), resource)

    entries += [obs("priority", p.id, p.text, p.id) for p in ws.priorities]
    entries += [obs("value", str(n), v) for n, v in enumerate(ws.values)]
    entries += [obs("fear", str(n), f) for n, f in enumerate(ws.fears)]
    return entries


def _care_plan(ws: Worksheet, urls: _Urls) -> dict[str, Any]:
    activities: list[dict[str, Any]] = []
    for goal in ws.goals:  # in the worksheet's own order, so reading back keeps it
        for s in goal.steps:
            detail: dict[str, Any] = {
                "code": _concept(CODES + "activity", "step", "A step toward a goal"),
                "status": "completed" if s.done_on else "not-started",
                "goal": [urls.ref("goal", goal.id)],
                "extension": [_ext("step-id", "valueString", s.id)],
            }
            if s.done_on:
                detail["extension"].append(_ext("done-on", "valueDate", _day(s.done_on)))
            if s.target_date:
                detail["scheduledPeriod"] = {"end": _day(s.target_date)}
            if s.text:
                detail["description"] = s.text
            activities.append({"detail": detail})
    for r in ws.reviews:
        detail = {
            "code": _concept(CODES + "activity", "review", "Review of the goals"),
            "status": "scheduled",
            "scheduledPeriod": {"start": _day(r.date), "end": _day(r.date)},
            "extension": [_ext("review-id", "valueString", r.id)],
        }
        if r.purpose:
            detail["description"] = r.purpose
        activities.append({"detail": detail})
    plan: dict[str, Any] = {
        "resourceType": "CarePlan",
        "meta": {"lastUpdated": ws.updated.isoformat()},
        "identifier": _ident("worksheet", ws.id),
        "status": "active",
        "intent": "plan",
        "title": "Goal plan",
        "subject": urls.ref("patient"),
        "created": ws.created.isoformat(),
        "goal": [urls.ref("goal", g.id) for g in ws.goals],
        "activity": activities,
        "note": _note(ws.notes),
    }
    if ws.clinician:
        plan["author"] = {"display": ws.clinician}
    if ws.context:
        plan["category"] = [_concept(CODES + "context", ws.context, CONTEXTS[ws.context])]
    return {k: v for k, v in plan.items() if v != []}


def _bundle(ws: Worksheet) -> dict[str, Any]:
    urls = _Urls(ws)
    patient: dict[str, Any] = {"resourceType": "Patient"}
    if ws.patient_ref:
        patient["identifier"] = _ident("patient-ref", ws.patient_ref)
    patient["communication"] = [
        {"language": _concept(BCP47, ws.language), "preferred": True}
    ]  # the patient's language, which the patient page is written in
    entries = [
        _entry(urls, ("patient",), patient),
        _entry(urls, ("careplan",), _care_plan(ws, urls)),
    ]
    if ws.support is not None:
        person: dict[str, Any] = {"resourceType": "RelatedPerson", "patient": urls.ref("patient")}
        if ws.support.relationship:
            person["relationship"] = [{"text": ws.support.relationship}]
        person["extension"] = _text("how-they-help", ws.support.how_they_help)
        entries.append(_entry(urls, ("support",), {k: v for k, v in person.items() if v != []}))
    ordered = ws.goals
    entries += [_entry(urls, ("goal", g.id), _goal(ws, g, urls)) for g in ordered]
    for g in ordered:
        if g.gas is not None:
            baseline = _observation(
                urls,
                _concept(LOINC, *GAS_BASELINE),
                ws.created,
                focus=[urls.ref("goal", g.id)],
                valueCodeableConcept=_concept(LOINC, *GAS_ANSWERS[g.gas.baseline]),
            )
            entries.append(_entry(urls, ("gas-baseline", g.id), baseline))
    entries += _what_matters(ws, urls)
    for b in ws.barriers:
        barrier = _observation(
            urls,
            _concept(SNOMED, *BARRIER),
            ws.created,
            identifier=_ident("barrier", b.id),
            focus=[urls.ref("goal", gid) for gid in b.goal_ids],
            valueString=b.text,
            note=_note(b.plan, "plan"),
        )
        entries.append(_entry(urls, ("barrier", b.id), barrier))
    for c in ws.checkins:
        entries += _checkin_entries(ws, c, urls)
    return {
        "resourceType": "Bundle",
        "id": urls.uid("bundle"),
        "identifier": {"system": IDS + "worksheet", "value": ws.id},
        "type": "collection",
        "timestamp": ws.updated.isoformat(),
        "entry": entries,
    }


def _validated(doc: dict[str, Any], label: str) -> Any:
    from fhir.resources.R4B.bundle import Bundle
    from pydantic import ValidationError

    try:
        return Bundle.model_validate(doc)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        loc = ".".join(str(p) for p in first["loc"])
        why = f"{loc}: {first['msg']}"
    except (ValueError, TypeError, KeyError) as exc:  # fhir.resources' own checks
        why = str(exc)
    # one line, whatever the validator printed (its patterns hold "\r\n\t")
    why = " ".join(why.encode("unicode_escape").decode("ascii").split())
    raise WorksheetFileError(f"{label}: not a valid FHIR R4 Bundle ({why})") from None


def to_fhir(ws: Worksheet, *, deidentify: bool = False) -> str:
    """The worksheet as a FHIR R4 Bundle (JSON text), validated by ``fhir.resources``;
    ``deidentify=True`` leaves out what :data:`goalkit.export.deidentify.DROPPED` lists."""
    if deidentify:
        from .deidentify import deidentify as strip

        ws = strip(ws)
    doc = _bundle(ws)
    _validated(doc, "worksheet")  # what is written is exactly what fhir.resources accepted
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


# -- import --------------------------------------------------------------------------------------
class _Bundle:
    """The entries of a bundle, addressable by their ``fullUrl``."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.entries = [e for e in doc.get("entry") or [] if isinstance(e.get("resource"), dict)]
        self.by_url = {e.get("fullUrl"): e["resource"] for e in self.entries if e.get("fullUrl")}
        for e in self.entries:  # relative references (Goal/abc) work too
            r = e["resource"]
            if r.get("id"):
                self.by_url.setdefault(f"{r['resourceType']}/{r['id']}", r)

    def of(self, kind: str) -> list[dict[str, Any]]:
        return [e["resource"] for e in self.entries if e["resource"].get("resourceType") == kind]

    def get(self, ref: dict[str, Any] | None) -> dict[str, Any] | None:
        return self.by_url.get((ref or {}).get("reference"))


def _has(concept: dict[str, Any] | None, system: str, code: str | None = None) -> str | None:
    """The code of ``concept``'s first coding in ``system`` (matching ``code`` when given)."""
    for c in (concept or {}).get("coding") or []:
        if c.get("system") == system and (code is None or c.get("code") == code):
            found: str | None = c.get("code")
            return found
    return None


def _ext_value(obj: dict[str, Any], name: str, key: str, default: Any = None) -> Any:
    url = name if "://" in name else EXT + name
    for e in obj.get("extension") or []:
        if e.get("url") == url:
            return e.get(key, default)
    return default


def _identifier(obj: dict[str, Any], kind: str) -> str | None:
    idents = obj.get("identifier") or []
    if isinstance(idents, dict):
        idents = [idents]
    for i in idents:
        if i.get("system") == IDS + kind:
            value: str | None = i.get("value")
            return value
    return None


def _notes(obj: dict[str, Any], kind: str | None = None) -> str:
    for n in obj.get("note") or []:
        if _ext_value(n, "note-kind", "valueCode") == kind:
            text: str = n.get("text", "")
            return text
    return ""


def _gas_level(concept: dict[str, Any] | None) -> int | None:
    for c in (concept or {}).get("coding") or []:
        if c.get("system") == LOINC and c.get("code") in _LEVEL_OF:
            return _LEVEL_OF[c["code"]]
    return None


def _number(value: Any) -> float | int:
    number = float(value)
    return int(number) if number.is_integer() and not isinstance(value, float) else number


def _read_goal(
    res: dict[str, Any], b: _Bundle, n: int, baselines: dict[str, int]
) -> dict[str, Any]:
    goal_id = _identifier(res, "goal") or f"goal-{n + 1}"
    role = (
        "primary" if _has(res.get("priority"), _PRIORITY_SYSTEM) == "high-priority" else "secondary"
    )
    goal: dict[str, Any] = {"id": goal_id, "role": role}
    goal["statement"] = (res.get("description") or {}).get("text", "")
    for cat in res.get("category") or []:
        if domain := _has(cat, CODES + "domain"):
            goal["domain"] = domain
        if code := _has(cat, ICF):
            goal.setdefault("icf_codes", []).append(code)
    goal["why"] = _notes(res, "why")
    goal["priority_ids"] = [
        _identifier(p, "priority") for p in map(b.get, res.get("addresses") or []) if p
    ]
    parts: dict[str, Any] = next(
        (e for e in res.get("extension") or [] if e.get("url") == EXT + "goal-parts"), {}
    )
    goal["parts"] = {e["url"]: e.get("valueString", "") for e in parts.get("extension") or []}
    for name in ("confidence", "importance", "difficulty"):
        goal[name] = _ext_value(res, name, "valueInteger")
    levels = []
    for e in res.get("extension") or []:
        if e.get("url") == PCO_GAS:
            sub = {s.get("url"): s for s in e.get("extension") or []}
            level = _gas_level({"coding": [sub.get("level", {}).get("valueCoding", {})]})
            if level is not None:
                levels.append({"level": level, "text": sub.get("text", {}).get("valueString", "")})
    if levels:
        goal["gas"] = {"levels": levels, "baseline": baselines.get(goal_id, -1)}
    measures = []
    for t in res.get("target") or []:
        mid = _has(t.get("measure"), CODES + "measure")
        if mid is None:
            continue
        quantity = t.get("detailQuantity") or {}
        measure: dict[str, Any] = {
            "id": mid,
            "name": (t.get("measure") or {}).get("text", ""),
            "unit": quantity.get("unit", ""),
            "instrument": _has(t.get("measure"), CODES + "instrument") or "custom",
            "higher_is_better": _ext_value(t, "higher-is-better", "valueBoolean", True),
        }
        if "value" in quantity:
            measure["target"] = _number(quantity["value"])
        if (baseline := _ext_value(t, "baseline", "valueDecimal")) is not None:
            measure["baseline"] = _number(baseline)
        measures.append(measure)
    goal["measures"] = measures
    return goal


def _read_activities(
    plan: dict[str, Any], b: _Bundle, goals: dict[int, dict[str, Any]]
) -> list[dict[str, Any]]:
    reviews = []
    for n, act in enumerate(plan.get("activity") or []):
        d = act.get("detail") or {}
        kind = _has(d.get("code"), CODES + "activity")
        period = d.get("scheduledPeriod") or {}
        if kind == "review" and period.get("start"):
            reviews.append(
                {
                    "id": _ext_value(d, "review-id", "valueString") or f"review-{n + 1}",
                    "date": period["start"][:10],
                    "purpose": d.get("description", ""),
                }
            )
        elif kind == "step":
            owner = b.get((d.get("goal") or [None])[0])
            if owner is None or id(owner) not in goals:
                continue
            step: dict[str, Any] = {
                "id": _ext_value(d, "step-id", "valueString") or f"step-{n + 1}",
                "text": d.get("description", ""),
                "target_date": period["end"][:10] if period.get("end") else None,
                "done_on": _ext_value(d, "done-on", "valueDate"),
            }
            goals[id(owner)].setdefault("steps", []).append(step)
    return reviews


def _read_checkins(b: _Bundle, goals: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for n, panel in enumerate(b.of("Observation")):
        if _has(panel.get("code"), CODES + "observation", "check-in") is None:
            continue
        checkin: dict[str, Any] = {
            "id": _identifier(panel, "checkin") or f"checkin-{n + 1}",
            "date": str(panel.get("effectiveDateTime", ""))[:10],
            "notes": _notes(panel),
            "goals": [],
        }
        for member in map(b.get, panel.get("hasMember") or []):
            if member is None:
                continue
            code = member.get("code")
            value = (member.get("valueQuantity") or {}).get("value")
            if _has(code, LOINC, GAS_FOLLOW_UP[0]):
                goal = b.get((member.get("focus") or [None])[0])
                if goal is None or id(goal) not in goals:
                    continue
                checkin["goals"].append(
                    {
                        "goal_id": goals[id(goal)]["id"],
                        "gas_level": _gas_level(member.get("valueCodeableConcept")),
                        "note": _notes(member),
                        "measures": {
                            _has(m.get("code"), CODES + "measure"): _number(
                                m["valueQuantity"]["value"]
                            )
                            for m in map(b.get, member.get("hasMember") or [])
                            if m
                            and _has(m.get("code"), CODES + "measure")
                            and "value" in (m.get("valueQuantity") or {})
                        },
                    }
                )
            elif _has(code, LOINC, PAIN[0]) and value is not None:
                checkin["pain"] = _number(value)
            elif _has(code, CODES + "observation", "adherence") and value is not None:
                checkin["adherence"] = _number(value)
        out.append(checkin)
    return out


def _worksheet_doc(doc: dict[str, Any]) -> dict[str, Any]:
    b = _Bundle(doc)
    plans = b.of("CarePlan")
    goal_resources = b.of("Goal")
    if not goal_resources:
        raise ValueError("the bundle holds no Goal, so it is not a goal plan")
    plan = plans[0] if plans else {}
    baselines: dict[str, int] = {}
    observations = b.of("Observation")
    ws: dict[str, Any] = {"schema_version": 1}
    ws["id"] = _identifier(plan, "worksheet") or _identifier(doc, "worksheet")
    ws["created"] = plan.get("created") or doc.get("timestamp")
    ws["updated"] = (plan.get("meta") or {}).get("lastUpdated") or doc.get("timestamp")
    ws["clinician"] = (plan.get("author") or {}).get("display")
    ws["notes"] = _notes(plan)
    for cat in plan.get("category") or []:
        ws["context"] = _has(cat, CODES + "context") or ws.get("context")
    patients = b.of("Patient")
    ws["patient_ref"] = (_identifier(patients[0], "patient-ref") or "") if patients else ""
    if patients and (comms := patients[0].get("communication")):
        ws["language"] = _has(comms[0].get("language"), BCP47)
    if people := b.of("RelatedPerson"):
        rel = (people[0].get("relationship") or [{}])[0].get("text", "")
        ws["support"] = {
            "relationship": rel,
            "how_they_help": _ext_value(people[0], "how-they-help", "valueString", ""),
        }
    ws["priorities"], ws["values"], ws["fears"], ws["barriers"] = [], [], [], []
    goal_of: dict[int, dict[str, Any]] = {}
    for n, g in enumerate(goal_resources):
        for o in observations:
            focus = b.get((o.get("focus") or [None])[0])
            if focus is g and _has(o.get("code"), LOINC, GAS_BASELINE[0]):
                level = _gas_level(o.get("valueCodeableConcept"))
                if level is not None:
                    baselines[_identifier(g, "goal") or f"goal-{n + 1}"] = level
        goal_of[id(g)] = _read_goal(g, b, n, baselines)
    for n, o in enumerate(observations):
        kind = _has(o.get("code"), CODES + "observation")
        text = o.get("valueString", "")
        if kind == "priority":
            ws["priorities"].append({"id": _identifier(o, "priority") or f"p-{n}", "text": text})
        elif kind in ("value", "fear"):
            ws[kind + "s"].append(text)
        elif _has(o.get("code"), SNOMED, BARRIER[0]):
            focused = [b.get(f) for f in o.get("focus") or []]
            ws["barriers"].append(
                {
                    "id": _identifier(o, "barrier") or f"barrier-{n + 1}",
                    "text": text,
                    "plan": _notes(o, "plan"),
                    "goal_ids": [goal_of[id(f)]["id"] for f in focused if f and id(f) in goal_of],
                }
            )
    ws["reviews"] = _read_activities(plan, b, goal_of)
    ws["checkins"] = _read_checkins(b, goal_of)
    ws["goals"] = list(goal_of.values())
    if not any(g["role"] == "primary" for g in ws["goals"]):  # a bundle without priorities
        ws["goals"][0]["role"] = "primary"
    return {k: v for k, v in ws.items() if v is not None}


def from_fhir(text: str | bytes, *, label: str = "bundle") -> Worksheet:
    """A worksheet read back from a FHIR R4 Bundle (what :func:`to_fhir` writes; other
    bundles with Goal resources are read as far as they go). Anything that is not such a
    bundle raises :class:`~goalkit.errors.WorksheetFileError` with one line naming the problem.
    """
    from pydantic import ValidationError

    from ..fileformat import MAX_BYTES, _describe

    raw = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    if len(raw) > MAX_BYTES * 4:  # a bundle says everything a few times over
        raise WorksheetFileError(f"{label}: {len(raw):,} bytes is larger than a goal plan can be")
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise WorksheetFileError(f"{label}: not UTF-8 text (bad byte at {exc.start})") from None
    except (json.JSONDecodeError, RecursionError, ValueError) as exc:
        raise WorksheetFileError(f"{label}: not valid JSON ({str(exc)[:80]})") from None
    if not isinstance(doc, dict) or doc.get("resourceType") != "Bundle":
        raise WorksheetFileError(f'{label}: not a FHIR Bundle (no "resourceType": "Bundle")')
    _validated(doc, label)
    try:
        ws_doc = _worksheet_doc(doc)
    except ValueError as exc:
        raise WorksheetFileError(f"{label}: {exc}") from None
    except (TypeError, KeyError, AttributeError, IndexError):
        raise WorksheetFileError(f"{label}: the bundle is not laid out as a goal plan") from None
    try:
        return Worksheet.model_validate(ws_doc)
    except ValidationError as exc:
        raise WorksheetFileError(_describe(exc, label)) from None
