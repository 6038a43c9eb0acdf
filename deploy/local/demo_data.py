#!/usr/bin/env python3
"""Loads Passend's demo data through the API, with tokens from the real Keycloak.

Two SWVs: PO2601 (Utrecht) with OBS De Regenboog (12AB00), OBS Het Anker (12AB01) and SBO De Brug
(78GH00), and PO2602 (Eemland) with CBS De Klimop (34CD00). De Regenboog has two pupils, De Klimop
eight; the parents with a demo login are linked to it (the fixed user ids in
deploy/keycloak/passend-realm.json), and an orthopedagoog is linked to one pupil. Support levels 1 to 4
(Sanne 2, Daan 4, Fatima 3 with a handelingsplan, Lucas 4, Mila 1, Finn 2, Yara, Sem, Noah and Julia 4)
and interventions recorded by the teachers' app. OPPs in every state: Daan's established (drafted,
consented by his parent through consent-service, established by the director), Lucas's in dialogue
with his parents (consent open), and at De Klimop, where the IB'er records the parents' answers given
on paper: Fatima's a draft, Julia's consented, Yara's established and evaluated, Sem's established
with the consent withdrawn afterwards, Noah's in dialogue after a refusal, Finn's closed. Meetings: a
BOT at De Regenboog discussed Daan by name (his parent consented through consent-service), started
an SWV arrangement and requested a TLV for SBO, which the SWV consultant granted; De Klimop's own
support team discussed Fatima anonymously. For the SWV's figures Het Anker has three pupils, one of
whom left for SBO two weeks ago, and the SWV's analyst publishes PO2601's report of the latest count
date. Running it again changes nothing. Usage: demo_data.py <keycloak-url> <pupil-service-url>
"""
import datetime
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import zoneinfo

# The services count days in the Netherlands (their clock's zone): so does every date sent here, or an
# evaluation sent just after midnight there would lie "before" an establishment made a moment earlier.
ZONE = zoneinfo.ZoneInfo("Europe/Amsterdam")


def nl_today():
    """Today's date in the Netherlands."""
    return datetime.datetime.now(ZONE).date()


KEYCLOAK = "http://127.0.0.1:8180"
PUPILS = "http://127.0.0.1:8081"
# the other services, at their ports of deploy/local/services.conf
SUPPORT = "http://127.0.0.1:8082"
OPPS = "http://127.0.0.1:8083"
TEAMS = "http://127.0.0.1:8084"
CONSENTS = "http://127.0.0.1:8085"
REPORTS = "http://127.0.0.1:8086"

SWVS = {"PO2601": "SWV Passend Onderwijs Utrecht", "PO2602": "SWV Eemland"}
BOARDS = {"41001": "Stichting Primair Utrecht", "41002": "Stichting Eemland Scholen"}
SCHOOLS = {
    "12AB00": {"name": "OBS De Regenboog", "schoolType": "BAO", "boardCode": "41001", "swvCode": "PO2601"},
    "34CD00": {"name": "CBS De Klimop", "schoolType": "BAO", "boardCode": "41002", "swvCode": "PO2602"},
    "12AB01": {"name": "OBS Het Anker", "schoolType": "BAO", "boardCode": "41001", "swvCode": "PO2601"},
    # the SBO school of the board, where the end-to-end case's pupil goes with his TLV
    "78GH00": {"name": "SBO De Brug", "schoolType": "SBO", "boardCode": "41001", "swvCode": "PO2601"},
}
# Het Anker (reporting demo): three pupils, one of whom leaves for SBO this school year
ANKER = [("HA-3001", "Mees", "Smit", "2017-04-11", ("5A", 5)), ("HA-3002", "Lotte", "Mulder", "2016-09-30", ("6A", 6)),
         ("HA-3003", "Bram", "de Boer", "2017-12-02", ("4A", 4))]
# school -> (IB'er login, pupils); each pupil's first guardian is the parent with a demo login
PUPILS_BY_SCHOOL = {
    "12AB00": ("ib-regenboog", [
        ("RB-1001", "Sanne", "de Vries", "2017-03-14", ("5B", 5), ("Ans", "de Vries"), "parent-sanne"),
        ("RB-1002", "Daan", "Jansen", "2016-11-02", ("6A", 6), ("Peter", "Jansen"), "parent-daan"),
    ]),
    "34CD00": ("ib-klimop", [
        ("KL-2001", "Fatima", "El Amrani", "2018-01-23", ("4A", 4), ("Samira", "El Amrani"), "parent-fatima"),
        ("KL-2002", "Lucas", "Bakker", "2015-06-30", ("7B", 7), ("Mirjam", "Bakker"), "parent-lucas"),
        # without a login of their parents (the IB'er records their answers given on paper)
        ("KL-2003", "Yara", "Hendriks", "2016-02-17", ("6B", 6), ("Ilse", "Hendriks"), None),
        ("KL-2004", "Sem", "Dekker", "2015-10-05", ("7B", 7), ("Rob", "Dekker"), None),
        ("KL-2005", "Noah", "de Wit", "2017-07-21", ("5A", 5), ("Hanna", "de Wit"), None),
        ("KL-2006", "Julia", "Smit", "2016-05-30", ("6B", 6), ("Kees", "Smit"), None),
        ("KL-2007", "Finn", "Kok", "2015-12-12", ("7B", 7), ("Anouk", "Kok"), None),
        ("KL-2008", "Mila", "Jacobs", "2018-03-03", ("4A", 4), ("Tom", "Jacobs"), None),
    ]),
}
# the Keycloak user ids of the demo logins (passend-realm.json)
ACCOUNT = {
    "parent-sanne": "0d9f3a52-0000-4000-8000-000000000101",
    "parent-daan": "0d9f3a52-0000-4000-8000-000000000102",
    "parent-fatima": "0d9f3a52-0000-4000-8000-000000000103",
    "parent-lucas": "0d9f3a52-0000-4000-8000-000000000104",
    "parent-milan": "0d9f3a52-0000-4000-8000-000000000105",  # the end-to-end case's parent (e2e_checks.py)
    "care-orthopedagoog": "0d9f3a52-0000-4000-8000-000000000051",
}


class Answer(dict):
    """A JSON object of an answer. The API leaves out a field that has no value; here it reads as None."""

    def __missing__(self, key):
        return None


def answer_json(text):
    return json.loads(text, object_hook=Answer)


def token(**form):
    body = urllib.parse.urlencode(form).encode()
    url = KEYCLOAK + "/realms/passend/protocol/openid-connect/token"
    with urllib.request.urlopen(urllib.request.Request(url, data=body)) as answer:
        return json.load(answer)["access_token"]


def sis_client():
    return token(grant_type="client_credentials", client_id="sis-client", client_secret="sis-client-demo-secret")


def person(username):
    return token(grant_type="password", client_id="passend-app", username=username, password="demo")


def call(method, path, bearer, body=None, headers=None, base=None, raw=False):
    """One API call; answers (status, body as JSON (or bytes when raw), ETag)."""
    request = urllib.request.Request((base or PUPILS) + path, method=method,
                                     data=None if body is None else json.dumps(body).encode())
    request.add_header("Authorization", "Bearer " + bearer)
    request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request) as answer:
            text = answer.read()
            body = text if raw else (answer_json(text) if text else None)
            return answer.status, body, answer.headers.get("ETag")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace"), None


def ok(result, what):
    status, body, _ = result
    if status >= 300:
        sys.exit("demo data: %s answered %s: %s" % (what, status, body))
    return body


def eventually(what, probe, seconds=90):
    """Polls probe() until it answers something truthy: events between the services take a moment."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.5)
    sys.exit("demo data: %s did not happen within %d s" % (what, seconds))


def plan_input(destination, rationale):
    """A complete OPP version: perspective with the OOGO held, action part, two SMART goals."""
    return {
        "perspective": {
            "expectedDestination": destination, "rationale": rationale,
            "supportingFactors": ["gemotiveerd", "betrokken ouders"], "hinderingFactors": ["werkgeheugen"],
            "agreementDialogue": {"date": "2025-09-15", "summary": "Perspectief besproken; ouders herkennen het beeld."},
        },
        "actionPart": {
            "support": "Dagelijks verlengde instructie in de kleine groep; wekelijks de orthopedagoog.",
            "deviations": "Eigen leerlijn rekenen.",
            "tasks": [{"who": "leerkracht", "what": "verlengde instructie", "why": "automatiseren",
                       "how": "met concreet materiaal", "when": "dagelijks 20 minuten"}],
            "scenarios": [{"description": "Bij onvoldoende groei: bespreking in het BOT", "timePath": "12 weken",
                           "effectVisibleBy": "2026-03-01"}],
            "arrangement": {"instructionNeeds": "korte, visueel ondersteunde instructie",
                            "learningEnvironment": "rustige werkplek", "materials": "MAB-materiaal"},
        },
        "goals": [
            {"kind": "INTERIM", "domain": "MATHS", "description": "Tafels tot 10 geautomatiseerd",
             "measure": "tafeltoets 90% goed", "targetDate": "2026-02-01", "referenceLevel": "1F"},
            {"kind": "FINAL", "domain": "SOCIAL_EMOTIONAL", "description": "Vraagt zelf om hulp",
             "measure": "observatie leerkracht, 4 van 5 lessen", "targetDate": "2026-07-01"},
        ],
    }


def open_plan(pupil_id, staff):
    plans = ok(call("GET", "/pupils/%s/opps" % pupil_id, staff, base=OPPS), "reading OPPs")
    return next((p for p in plans if p["status"] != "CLOSED"), None)


def draft_and_ask_consent(pupil_id, ib, destination, rationale):
    """The IB'er draws up an OPP and asks the parents' consent; returns the plan id."""
    plan = ok(call("POST", "/pupils/%s/opps" % pupil_id, ib, plan_input(destination, rationale), base=OPPS),
              "drawing up an OPP")
    _, _, etag = call("GET", "/opps/" + plan["id"], ib, base=OPPS)
    ok(call("POST", "/opps/%s/versions/1/consent-request" % plan["id"], ib, headers={"If-Match": etag}, base=OPPS),
       "asking consent")
    return plan["id"]


def consent_request_for(parent, plan_id):
    """The open consent request about the plan, as the parent sees it in consent-service (once it arrived there)."""
    _, mine, _ = call("GET", "/me/consent-requests", parent, base=CONSENTS)
    return next((r for r in (mine or []) if r["subject"]["id"] == plan_id), None)


def plan_status(plan_id, staff):
    status, body, _ = call("GET", "/opps/" + plan_id, staff, base=OPPS)
    return body["status"] if status == 200 else None


def load_opps(pupil_ids):
    """Daan's OPP established (through the whole consent exchange), Lucas's in dialogue."""
    ib, director, parent = person("ib-regenboog"), person("director-regenboog"), person("parent-daan")
    daan = pupil_ids["RB-1002"]
    if open_plan(daan, ib) is None:
        plan_id = draft_and_ask_consent(daan, ib, "VMBO_BB", "Rekent op niveau eind groep 4; leest vlot.")
        request = eventually("the consent request reaching consent-service", lambda: consent_request_for(parent, plan_id))
        ok(call("POST", "/consent-requests/%s/answers" % request["id"], parent, {"answer": "GIVEN"}, base=CONSENTS),
           "parent-daan consenting")
        eventually("the consent reaching opp-service", lambda: plan_status(plan_id, ib) == "CONSENTED")
        _, _, etag = call("GET", "/opps/" + plan_id, director, base=OPPS)
        ok(call("POST", "/opps/%s/versions/1/establishment" % plan_id, director, headers={"If-Match": etag},
                base=OPPS), "establishing Daan's OPP")
    klimop = person("ib-klimop")
    lucas = pupil_ids["KL-2002"]
    if open_plan(lucas, klimop) is None:
        draft_and_ask_consent(lucas, klimop, "VSO_ARBEID", "Praktisch ingesteld; leert het best door te doen.")


# De Klimop's plans in the other states of an OPP's life; pupil -> the state the demo leaves the plan in
OPP_STATES = {
    "KL-2001": "DRAFT",                 # Fatima: drawn up after her arrangement, not yet put to her parents
    "KL-2003": "EVALUATED",             # Yara: consented, established and evaluated
    "KL-2004": "CONSENT_WITHDRAWN",     # Sem: established, then his father withdrew his consent
    "KL-2005": "REFUSED",               # Noah: his mother refused; the plan stays in dialogue
    "KL-2006": "CONSENTED",             # Julia: consented, waiting for the director
    "KL-2007": "CLOSED",                # Finn: established, closed when no longer needed
}


def plan_of(plan_id, staff):
    return ok(call("GET", "/opps/" + plan_id, staff, base=OPPS), "reading an OPP")


def request_about(pupil_id, subject_id, staff):
    """The consent request about a subject as the school's staff see it in consent-service, once its guardian is known."""
    _, requests, _ = call("GET", "/pupils/%s/consent-requests" % pupil_id, staff, base=CONSENTS)
    return next((r for r in (requests or []) if r["subject"]["id"] == subject_id and r["requiredGuardians"]), None)


def load_opp_states(pupil_ids):
    """De Klimop's OPPs in every other state; the parents answer on paper, recorded by the IB'er."""
    ib, director = person("ib-klimop"), person("director-klimop")
    plans = {}
    for ext, state in OPP_STATES.items():
        pupil = pupil_ids[ext]
        eventually("pupil %s reaching opp-service" % ext,
                   lambda: call("GET", "/pupils/%s/opps" % pupil, ib, base=OPPS)[0] == 200)
        if ok(call("GET", "/pupils/%s/opps" % pupil, ib, base=OPPS), "reading OPPs"):
            continue  # loaded before
        if state == "DRAFT":
            ok(call("POST", "/pupils/%s/opps" % pupil, ib, plan_input("VMBO_KB", "Leest nog op AVI M4; rekent op niveau."),
                    base=OPPS), "drawing up Fatima's OPP")
        else:
            plans[ext] = draft_and_ask_consent(pupil, ib, "VMBO_TL", "Goede werkhouding; rekenen blijft achter.")
    # each request reaches consent-service over Kafka; the answers go back to opp-service the same way
    for ext, plan_id in plans.items():
        request = eventually("the consent request about %s's OPP reaching consent-service" % ext,
                             lambda: request_about(pupil_ids[ext], plan_id, ib))
        plans[ext] = (plan_id, request)
        answer = "REFUSED" if OPP_STATES[ext] == "REFUSED" else "GIVEN"
        ok(call("POST", "/consent-requests/%s/answers" % request["id"], ib,
                {"answer": answer, "guardianId": request["requiredGuardians"][0], "channel": "PAPER"}, base=CONSENTS),
           "ib-klimop recording %s's parent's answer on paper" % ext)
    for ext, (plan_id, request) in plans.items():
        state = OPP_STATES[ext]
        if state == "REFUSED":
            eventually("the refusal reaching opp-service", lambda: (plan_of(plan_id, ib)["current"].get("consent") or {})
                       .get("outcome") == "REFUSED")
            continue
        eventually("the consent reaching opp-service", lambda: plan_status(plan_id, ib) == "CONSENTED")
        if state == "CONSENTED":
            continue
        ok(call("POST", "/opps/%s/versions/1/establishment" % plan_id, director,
                headers={"If-Match": with_etag("/opps/" + plan_id, director, OPPS)}, base=OPPS),
           "director-klimop establishing %s's OPP" % ext)
        if state == "EVALUATED":
            goals = plan_of(plan_id, ib)["current"]["content"]["goals"]
            ok(call("POST", "/opps/%s/versions/1/evaluations" % plan_id, ib, {
                "evaluatedOn": nl_today().isoformat(),
                "goalProgress": [{"goalId": g["id"], "progress": "ON_TRACK" if i == 0 else "BEHIND"}
                                 for i, g in enumerate(goals)],
                "changes": "Meer herhaling bij de tafels.", "pupilView": "Rekenen gaat beter.",
                "parentView": "Thuis oefent ze graag met de tafels."},
                {"If-Match": with_etag("/opps/" + plan_id, ib, OPPS)}, base=OPPS), "evaluating Yara's OPP")
        elif state == "CONSENT_WITHDRAWN":
            ok(call("POST", "/consent-requests/%s/withdrawals" % request["id"], ib,
                    {"guardianId": request["requiredGuardians"][0], "channel": "PHONE"}, base=CONSENTS),
               "ib-klimop recording Sem's father's withdrawal")
            eventually("the withdrawal reaching opp-service",
                       lambda: plan_of(plan_id, ib).get("attention") == "CONSENT_WITHDRAWN")
        elif state == "CLOSED":
            ok(call("POST", "/opps/%s/closure" % plan_id, ib, {"reason": "NO_LONGER_NEEDED"},
                    {"If-Match": with_etag("/opps/" + plan_id, ib, OPPS)}, base=OPPS), "closing Finn's OPP")


def school_year(today=None):
    """The school year today lies in (1 August to 31 July), e.g. 2026-2027."""
    today = today or nl_today()
    start = today.year if today.month >= 8 else today.year - 1
    return "%d-%d" % (start, start + 1)


def count_date(today=None):
    """The latest count date up to today: (school year, OCTOBER or FEBRUARY)."""
    today = today or nl_today()
    start = today.year if today.month >= 8 else today.year - 1
    year = "%d-%d" % (start, start + 1)
    if today >= datetime.date(start + 1, 2, 1):
        return year, "FEBRUARY"
    if today >= datetime.date(start, 10, 1):
        return year, "OCTOBER"
    return "%d-%d" % (start - 1, start), "FEBRUARY"


def load_publication():
    """The SWV's analyst publishes PO2601's report of the latest count date, once reporting-service has every event."""
    admin, analyst = person("admin"), person("swv-analyst")
    year, date = count_date()
    published = ok(call("GET", "/swvs/PO2601/publications", analyst, base=REPORTS), "reading publications")
    if any(p["schoolYear"] == year and p["countDate"] == date for p in published):
        return year, date
    eventually("reporting-service applying every event", lambda: (
        call("GET", "/feed", admin, base=REPORTS)[1] or {}).get("behind") == 0)
    ok(call("POST", "/swvs/PO2601/publications", analyst, {"schoolYear": year, "countDate": date}, base=REPORTS),
       "publishing PO2601's report")
    return year, date


# pupil -> (level, effective date, reason, domains)
LEVELS = {
    "RB-1001": ("LEVEL_2", "2025-10-01", "Extra uitleg bij begrijpend lezen", ["READING"]),
    "RB-1002": ("LEVEL_4", "2025-09-08", "Intensieve begeleiding nodig; BOT geadviseerd", ["MATHS", "BEHAVIOUR"]),
    "KL-2001": ("LEVEL_3", "2025-10-15", "Groepje voor technisch lezen", ["READING"]),
    "KL-2002": ("LEVEL_4", "2025-09-22", "Arrangement via het SWV", ["SOCIAL_EMOTIONAL"]),
    "KL-2003": ("LEVEL_4", "2025-09-01", "Ernstige rekenproblemen; orthopedagoog betrokken", ["MATHS"]),
    "KL-2004": ("LEVEL_4", "2025-09-01", "Gedrag vraagt een eigen aanpak", ["BEHAVIOUR"]),
    "KL-2005": ("LEVEL_4", "2025-10-06", "Taalontwikkeling blijft ver achter", ["LANGUAGE"]),
    "KL-2006": ("LEVEL_4", "2025-11-03", "Extra ondersteuning lezen en spelling", ["READING", "LANGUAGE"]),
    "KL-2007": ("LEVEL_2", "2025-09-01", "Na een jaar extra ondersteuning weer in de groep", ["MATHS"]),
    "KL-2008": ("LEVEL_1", "2025-09-01", "Basisaanbod volstaat", ["READING"]),
}


def set_level(pupil_id, ib, level, effective, reason, domains):
    """The IB'er records the level unless the pupil has it already."""
    _, current, etag = call("GET", "/pupils/%s/support-level" % pupil_id, ib, base=SUPPORT)
    if current["level"] != level:
        ok(call("POST", "/pupils/%s/support-level" % pupil_id, ib,
                {"level": level, "effectiveDate": effective, "reason": reason, "domains": domains,
                 "decidedBy": "ondersteuningsteam"}, {"If-Match": etag}, base=SUPPORT), "setting a support level")


def intervention(app_id, pupils, domain, level, kind, start, end):
    return {"appId": app_id, "pupilIds": pupils, "domain": domain, "level": level, "kind": kind,
            "startDate": start, "endDate": end, "frequencyPerWeek": 3, "minutesPerSession": 20,
            "givenBy": "TEACHING_ASSISTANT"}


def load_support(pupil_ids):
    """Levels, a batch of interventions from the teachers' app (one evaluated), a handelingsplan for Fatima."""
    for code, (ib_login, pupils) in PUPILS_BY_SCHOOL.items():
        ib = person(ib_login)
        for ext, *_ in pupils:
            eventually("pupil %s reaching support-level-service" % ext, lambda: call(
                "GET", "/pupils/%s/support-level" % pupil_ids[ext], ib, base=SUPPORT)[0] == 200)
            set_level(pupil_ids[ext], ib, *LEVELS[ext])
    teacher = person("teacher-regenboog")
    sanne, daan = pupil_ids["RB-1001"], pupil_ids["RB-1002"]
    batch = ok(call("POST", "/schools/12AB00/interventions/batch", teacher, {"interventions": [
        intervention("app-rb-001", [sanne], "READING", "LEVEL_2", "PRE_TEACHING", "2025-10-06", "2025-12-19"),
        intervention("app-rb-002", [daan], "MATHS", "LEVEL_4", "SPECIALIST_SESSION", "2025-09-15", None),
    ], "sessions": [{"appId": "app-rb-002-s1", "interventionAppId": "app-rb-002", "heldOn": "2025-09-22",
                     "minutes": 45}]}, base=SUPPORT), "recording interventions")
    first = batch["interventions"][0]["id"]
    status, current, etag = call("GET", "/interventions/" + first, teacher, base=SUPPORT)
    if status == 200 and current.get("effect") is None:
        ok(call("POST", "/interventions/%s/evaluation" % first, teacher,
                {"effect": "PARTLY_ACHIEVED", "note": "Leest vlotter; begrip nog wisselend.",
                 "evaluatedOn": "2025-12-19"}, {"If-Match": etag}, base=SUPPORT), "evaluating an intervention")
    klimop = person("ib-klimop")
    fatima = pupil_ids["KL-2001"]
    if not ok(call("GET", "/pupils/%s/action-plans" % fatima, klimop, base=SUPPORT), "reading action plans"):
        ok(call("POST", "/schools/34CD00/action-plans", klimop, {
            "pupilIds": [fatima], "domain": "READING", "goal": "AVI E4 in februari",
            "approach": "Drie keer per week herhaald lezen in een groepje van vier", "startDate": "2025-10-20",
            "endDate": "2026-02-13"}, base=SUPPORT), "starting a handelingsplan")


def member(name, function, outside=False):
    return {"name": name, "function": function, "outsideSchool": outside}


def days_ago(days):
    return (nl_today() - datetime.timedelta(days=days)).isoformat()


def with_etag(path, bearer, base):
    return call("GET", path, bearer, base=base)[2]


def load_team(pupil_ids):
    """Daan discussed by name in a BOT (after his parent's consent), an arrangement and a granted TLV; Fatima anonymously."""
    ib, director, parent = person("ib-regenboog"), person("director-regenboog"), person("parent-daan")
    consultant = person("swv-consultant")
    daan = pupil_ids["RB-1002"]
    eventually("Daan reaching support-team-service",
               lambda: call("GET", "/pupils/%s/cases" % daan, ib, base=TEAMS)[0] == 200)
    if not call("GET", "/pupils/%s/cases" % daan, ib, base=TEAMS)[1]:
        meeting = ok(call("POST", "/schools/12AB00/meetings", ib, {
            "type": "BOT", "date": days_ago(14), "title": "BOT De Regenboog", "attendees": [
                member("Ineke de Boer", "IB"), member("Marloes Smit", "DIRECTOR"),
                member("Karin Visser", "SWV_CONSULTANT", True), member("Peter Jansen", "PARENT")]},
            base=TEAMS), "planning a BOT")
        case = ok(call("POST", "/meetings/%s/cases" % meeting["id"], ib, {
            "pupilId": daan, "question": "Past de basisschool nog bij wat Daan nodig heeft?", "byName": True},
            base=TEAMS), "putting Daan on the BOT's agenda")
        request = eventually("the BOT's consent request reaching consent-service",
                             lambda: consent_request_for(parent, case["id"]))
        ok(call("POST", "/consent-requests/%s/answers" % request["id"], parent, {"answer": "GIVEN"}, base=CONSENTS),
           "parent-daan consenting to discussing Daan in the BOT")
        eventually("the consent reaching support-team-service",
                   lambda: call("GET", "/cases/" + case["id"], ib, base=TEAMS)[1]["named"])
        ok(call("PUT", "/cases/%s/outcome" % case["id"], consultant, {
            "discussedAs": "NAMED", "discussion": "Rekenen en gedrag vragen meer dan de school kan bieden.",
            "advice": "Ambulante begeleiding vanuit het SWV en een TLV voor SBO aanvragen.",
            "decisions": ["START_ARRANGEMENT", "REQUEST_TLV"],
            "actionItems": [{"description": "TLV-aanvraag met twee adviezen voorbereiden", "ownerFunction": "IB",
                             "dueOn": days_ago(-14)},
                            {"description": "Gesprek met ouders over de aanmelding", "ownerFunction": "DIRECTOR",
                             "dueOn": days_ago(7)}]},
            {"If-Match": with_etag("/cases/" + case["id"], consultant, TEAMS)}, base=TEAMS), "recording the BOT's outcome")
        ok(call("POST", "/meetings/%s/held" % meeting["id"], consultant,
                headers={"If-Match": with_etag("/meetings/" + meeting["id"], consultant, TEAMS)}, base=TEAMS),
           "marking the BOT held")
        ok(call("POST", "/pupils/%s/arrangements" % daan, director, {
            "kind": "EXPERTISE", "fundingSource": "SWV", "startDate": days_ago(7), "endDate": days_ago(-180),
            "description": "Ambulante begeleiding door het SWV", "caseId": case["id"]}, base=TEAMS),
           "recording Daan's arrangement")
        tlv = ok(call("POST", "/pupils/%s/tlv-requests" % daan, ib, {
            "target": "SBO", "motivation": "De ondersteuningsbehoefte overstijgt wat De Regenboog kan bieden.",
            "advices": [
                {"expertName": "Drs. L. Mulder", "discipline": "ORTHOPEDAGOOG", "registration": "NVO-12345",
                 "givenOn": days_ago(6), "summary": "Een kleinere groep met meer structuur is nodig."},
                {"expertName": "Dr. R. Hendriks", "discipline": "CHILD_PSYCHIATRIST", "givenOn": days_ago(5),
                 "summary": "Onderschrijft het advies voor SBO."}]}, base=TEAMS), "preparing Daan's TLV request")
        ok(call("POST", "/tlv-requests/%s/submit" % tlv["id"], director,
                headers={"If-Match": with_etag("/tlv-requests/" + tlv["id"], director, TEAMS)}, base=TEAMS),
           "submitting the TLV request")
        year = nl_today().year
        ok(call("POST", "/tlv-requests/%s/decision" % tlv["id"], consultant, {
            "outcome": "GRANTED", "category": "SBO", "startDate": "%d-01-05" % (year + 1),
            "endDate": "%d-07-31" % (year + 3)},
            {"If-Match": with_etag("/tlv-requests/" + tlv["id"], consultant, TEAMS)}, base=TEAMS),
           "the SWV granting the TLV")
    klimop = person("ib-klimop")
    fatima = pupil_ids["KL-2001"]
    if not call("GET", "/pupils/%s/cases" % fatima, klimop, base=TEAMS)[1]:
        meeting = ok(call("POST", "/schools/34CD00/meetings", klimop, {
            "type": "SCHOOL_SUPPORT_TEAM", "date": days_ago(10), "title": "Ondersteuningsteam", "attendees": [
                member("Yvonne Peters", "IB"), member("Bas de Groot", "TEACHER"), member("Lotte Vos", "CARE_COORDINATOR")]},
            base=TEAMS), "planning Klimop's support team")
        case = ok(call("POST", "/meetings/%s/cases" % meeting["id"], klimop, {
            "pupilId": fatima, "question": "Technisch lezen blijft achter ondanks het groepje.", "byName": False},
            base=TEAMS), "putting Fatima on the agenda anonymously")
        ok(call("PUT", "/cases/%s/outcome" % case["id"], klimop, {
            "discussedAs": "ANONYMOUS", "advice": "Zes weken observeren en dan opnieuw bespreken.",
            "decisions": ["OBSERVE"], "actionItems": []},
            {"If-Match": with_etag("/cases/" + case["id"], klimop, TEAMS)}, base=TEAMS), "recording Fatima's outcome")


def load_reporting(sis):
    """Het Anker's pupils, and Bram's move to SBO: a referral in this school year for the SWV's figures."""
    result = ok(call("POST", "/schools/12AB01/pupils/batch", sis, {"pupils": [{
        "externalId": ext, "givenName": given, "familyName": family, "birthDate": born, "enrolledOn": "2022-08-29",
        "group": {"name": group[0], "year": group[1]}} for ext, given, family, born, group in ANKER]}),
        "upserting Het Anker's pupils")
    bram = [item["pupilId"] for item in result["items"] if item["externalId"] == "HA-3003"][0]
    enrolments = ok(call("GET", "/pupils/%s/enrolments" % bram, sis), "reading Bram's enrolments")
    if all(e.get("endDate") is None for e in enrolments):
        ok(call("POST", "/pupils/%s/leave" % bram, sis, {"leftOn": days_ago(14), "destination": "SBO"},
                {"If-Match": with_etag("/pupils/" + bram, sis, PUPILS)}), "Bram leaving for SBO")


def main():
    admin = person("admin")
    for kind, items in (("swvs", SWVS), ("boards", BOARDS)):
        for code, name in items.items():
            if call("GET", "/%s/%s" % (kind, code), admin)[0] == 404:
                ok(call("PUT", "/%s/%s" % (kind, code), admin, {"name": name}), "registering " + code)
    for code, school in SCHOOLS.items():
        if call("GET", "/schools/" + code, admin)[0] == 404:
            ok(call("PUT", "/schools/" + code, admin, school), "registering school " + code)

    sis = sis_client()
    counts = {"CREATED": 0, "UPDATED": 0, "UNCHANGED": 0}
    pupil_ids = {}
    for code, (ib_login, pupils) in PUPILS_BY_SCHOOL.items():
        batch = [{
            "externalId": ext, "givenName": given, "familyName": family, "birthDate": born,
            "enrolledOn": "2022-08-29", "group": {"name": group[0], "year": group[1]},
            "guardians": [{"externalId": ext + "-G1", "givenName": parent[0], "familyName": parent[1],
                           "hasParentalAuthority": True}],
        } for ext, given, family, born, group, parent, _ in pupils]
        result = ok(call("POST", "/schools/%s/pupils/batch" % code, sis, {"pupils": batch}), "upserting pupils")
        for item in result["items"]:
            counts[item["outcome"]] += 1
        pupil_ids.update({item["externalId"]: item["pupilId"] for item in result["items"]})

        ib = person(ib_login)
        for ext, _, _, _, _, _, login in pupils:
            if login is None:
                continue
            pupil_id = pupil_ids[ext]
            guardian = ok(call("GET", "/pupils/%s/guardians" % pupil_id, ib), "reading guardians")[0]
            if guardian.get("accountId") != ACCOUNT[login]:
                ok(call("PUT", "/pupils/%s/guardians/%s/account" % (pupil_id, guardian["id"]), ib,
                        {"accountId": ACCOUNT[login]}, {"If-Match": '"%d"' % guardian["version"]}),
                   "linking " + login)
        if code == "12AB00":
            daan = pupil_ids["RB-1002"]
            linked = ok(call("GET", "/pupils/%s/professionals" % daan, ib), "reading professionals")
            if not any(link.get("accountId") == ACCOUNT["care-orthopedagoog"] for link in linked):
                ok(call("POST", "/pupils/%s/professionals" % daan, ib,
                        {"accountId": ACCOUNT["care-orthopedagoog"], "discipline": "ORTHOPEDAGOOG"}),
                   "linking the orthopedagoog")
    # pupils reach opp-service and consent-service as events: wait until both know the last one
    last = pupil_ids["KL-2002"]
    eventually("the pupils reaching opp-service",
               lambda: call("GET", "/pupils/%s/opps" % last, person("ib-klimop"), base=OPPS)[0] == 200)
    load_support(pupil_ids)
    load_opps(pupil_ids)
    load_team(pupil_ids)
    load_opp_states(pupil_ids)
    load_reporting(sis)
    year, date = load_publication()
    print("demo data: 2 SWVs, 2 boards, 4 schools (one SBO); pupils %s; parents linked to their logins; "
          "levels 1-4, interventions and a handelingsplan; OPPs: Daan and Sem established (Sem's consent withdrawn), "
          "Lucas in dialogue (consent open), Noah in dialogue (consent refused), Fatima a draft, Julia consented, "
          "Yara evaluated, Finn closed; a BOT that discussed Daan by name, his arrangement and granted TLV; "
          "Fatima discussed anonymously; PO2601's report of %s %s published" %
          (", ".join("%d %s" % (n, outcome.lower()) for outcome, n in counts.items()), year, date))


if __name__ == "__main__":
    KEYCLOAK, PUPILS = sys.argv[1], sys.argv[2]
    main()
