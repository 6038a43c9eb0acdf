#!/usr/bin/env python3
"""End-to-end checks against the running local system (deploy/local/start), with tokens from the
real Keycloak: the SIS upserts, staff see only their own school, a parent only their own child, a
care professional only the pupil linked to them; an OPP goes through the whole consent exchange
between opp-service and consent-service over Kafka and is established by the director; a BOT case
by name waits for the parent's consent, given in consent-service and learned by support-team-service
over Kafka; an arrangement starts the OPP clock in opp-service; reporting-service serves the SWV's figures
from the events, aggregates only, each role its own; the gateway serves the same API under /api/v1,
routed by path to each service, with the token checked at the door, and delivers the webhooks a student
information system subscribed to, signed, in order, to a receiver on this machine. Prints
each call; exits non-zero when an answer is not what it should be."""
import base64
import hashlib
import hmac
import http.server
import json
import sys
import threading
import time

import demo_data as api

failures = []
GATEWAY = "http://127.0.0.1:8080/api/v1"


def expect(what, result, status, check=None):
    code, body, _ = result
    good = code == status and (check is None or check(body))
    print("%s %s -> %s" % ("ok  " if good else "FAIL", what, code))
    if not good:
        failures.append("%s: %s %s" % (what, code, body))
    return body


def names(body):
    return sorted(p["givenName"] for p in (body["items"] if isinstance(body, dict) else body))


def opp_checks(ids):
    ib, sanne = api.person("ib-regenboog"), ids["Sanne"]
    existing = api.open_plan(sanne, ib)
    if existing is not None:  # a run before this one left a plan: close it, the checks start afresh
        _, _, etag = api.call("GET", "/opps/" + existing["id"], ib, base=api.OPPS)
        api.call("POST", "/opps/%s/closure" % existing["id"], ib, {"reason": "NO_LONGER_NEEDED"},
                 {"If-Match": etag}, base=api.OPPS)
    plan = expect("ib-regenboog draws up an OPP for Sanne",
                  api.call("POST", "/pupils/%s/opps" % sanne, ib, api.plan_input("HAVO", "Leest en rekent boven niveau."),
                           base=api.OPPS), 201, lambda b: b["status"] == "DRAFT")
    plan_id = plan["id"]
    expect("teacher-klimop reads it", api.call("GET", "/opps/" + plan_id, api.person("teacher-klimop"), base=api.OPPS), 404)
    expect("parent-daan reads it", api.call("GET", "/opps/" + plan_id, api.person("parent-daan"), base=api.OPPS), 404)
    parent = api.person("parent-sanne")
    expect("parent-sanne reads it", api.call("GET", "/opps/" + plan_id, parent, base=api.OPPS), 200)
    _, _, etag = api.call("GET", "/opps/" + plan_id, ib, base=api.OPPS)
    expect("ib-regenboog asks consent without If-Match",
           api.call("POST", "/opps/%s/versions/1/consent-request" % plan_id, ib, base=api.OPPS), 428)
    expect("ib-regenboog asks the parents' consent",
           api.call("POST", "/opps/%s/versions/1/consent-request" % plan_id, ib, headers={"If-Match": etag},
                    base=api.OPPS), 200, lambda b: b["status"] == "IN_DIALOGUE")
    request = api.eventually("the request reaching consent-service", lambda: api.consent_request_for(parent, plan_id))
    expect("parent-sanne consents in consent-service",
           api.call("POST", "/consent-requests/%s/answers" % request["id"], parent, {"answer": "GIVEN"},
                    base=api.CONSENTS), 201, lambda b: b["outcome"] == "GRANTED")
    api.eventually("GRANTED reaching opp-service", lambda: api.plan_status(plan_id, ib) == "CONSENTED")
    director = api.person("director-regenboog")
    _, _, etag = api.call("GET", "/opps/" + plan_id, director, base=api.OPPS)
    expect("ib-regenboog establishes it (only the director may)",
           api.call("POST", "/opps/%s/versions/1/establishment" % plan_id, ib, headers={"If-Match": etag},
                    base=api.OPPS), 403)
    expect("director-regenboog establishes it",
           api.call("POST", "/opps/%s/versions/1/establishment" % plan_id, director, headers={"If-Match": etag},
                    base=api.OPPS), 200, lambda b: b["status"] == "ESTABLISHED" and b["inForceVersion"] == 1)
    expect("parent-sanne downloads the plan as PDF",
           api.call("GET", "/opps/%s/document.pdf" % plan_id, parent, base=api.OPPS, raw=True), 200,
           lambda b: b.startswith(b"%PDF"))
    expect("director-regenboog's ROD export lists it",
           api.call("GET", "/schools/12AB00/opps/rod-export", director, headers={"Accept": "application/json"},
                    base=api.OPPS), 200,
           lambda b: any(r["planId"] == plan_id and r["startDate"] for r in b))


def support_checks(ids):
    sanne, teacher = ids["Sanne"], api.person("teacher-regenboog")
    batch = {"interventions": [api.intervention("e2e-rb-1", [sanne], "READING", "LEVEL_2", "EXTRA_INSTRUCTION",
                                                "2025-11-03", None)], "sessions": []}
    expect("teacher-regenboog records an intervention for Sanne",
           api.call("POST", "/schools/12AB00/interventions/batch", teacher, batch, base=api.SUPPORT), 200)
    expect("the app sends the same batch again: unchanged",
           api.call("POST", "/schools/12AB00/interventions/batch", teacher, batch, base=api.SUPPORT), 200,
           lambda b: b["interventions"][0]["outcome"] == "UNCHANGED")
    expect("teacher-klimop records for 12AB00",
           api.call("POST", "/schools/12AB00/interventions/batch", api.person("teacher-klimop"), batch,
                    base=api.SUPPORT), 404)
    expect("parent-sanne reads Sanne's interventions",
           api.call("GET", "/pupils/%s/interventions" % sanne, api.person("parent-sanne"), base=api.SUPPORT), 200,
           lambda b: any(i["appId"] == "e2e-rb-1" for i in b))
    expect("swv-analyst reads Sanne's level",
           api.call("GET", "/pupils/%s/support-level" % sanne, api.person("swv-analyst"), base=api.SUPPORT), 403)
    ib = api.person("ib-regenboog")
    _, current, _ = api.call("GET", "/pupils/%s/support-level" % sanne, ib, base=api.SUPPORT)
    today = __import__("datetime").date.today().isoformat()
    if current["level"] == "LEVEL_4":  # a run before this one raised her: step down first
        api.set_level(sanne, ib, "LEVEL_3", today, "terug naar basisondersteuning", ["READING"])
    _, _, etag = api.call("GET", "/pupils/%s/support-level" % sanne, ib, base=api.SUPPORT)
    expect("ib-regenboog raises Sanne to LEVEL_4",
           api.call("POST", "/pupils/%s/support-level" % sanne, ib,
                    {"level": "LEVEL_4", "effectiveDate": today, "reason": "intensieve ondersteuning nodig",
                     "domains": ["READING"], "decidedBy": "ondersteuningsteam"}, {"If-Match": etag},
                    base=api.SUPPORT), 201, lambda b: b["category"] == "EXTRA")
    due = api.eventually("the start of extra support reaching opp-service", lambda: [
        d for d in (api.call("GET", "/pupils/%s/opp-due-dates" % sanne, ib, base=api.OPPS)[1] or [])
        if d["reason"] == "EXTRA_SUPPORT" and d["startDate"] == today])
    print("ok   opp-service started the OPP clock from the level change: due %s" % due[0]["dueDate"])


def team_checks(ids):
    ib, sanne = api.person("ib-regenboog"), ids["Sanne"]
    consultant, parent = api.person("swv-consultant"), api.person("parent-sanne")
    today = __import__("datetime").date.today().isoformat()
    meeting = expect("ib-regenboog plans a BOT with the SWV consultant",
                     api.call("POST", "/schools/12AB00/meetings", ib, {
                         "type": "BOT", "date": today, "title": "BOT e2e", "attendees": [
                             api.member("Ineke de Boer", "IB"), api.member("Karin Visser", "SWV_CONSULTANT", True)]},
                         base=api.TEAMS), 201, lambda b: b["outsidersPresent"])
    case = expect("ib-regenboog puts Sanne on its agenda by name",
                  api.call("POST", "/meetings/%s/cases" % meeting["id"], ib, {
                      "pupilId": sanne, "question": "Is een arrangement nodig?", "byName": True}, base=api.TEAMS),
                  201, lambda b: b["consent"]["outcome"] == "OPEN" and not b["named"])
    case_path = "/cases/" + case["id"]
    expect("swv-consultant reads the case before consent: anonymous",
           api.call("GET", case_path, consultant, base=api.TEAMS), 200,
           lambda b: b["pupilId"] is None and not b["named"])
    outcome = {"discussedAs": "NAMED", "advice": "Observatie in de klas.", "decisions": ["OBSERVE"], "actionItems": []}
    expect("swv-consultant records it as discussed by name without consent",
           api.call("PUT", case_path + "/outcome", consultant, outcome,
                    {"If-Match": api.with_etag(case_path, consultant, api.TEAMS)}, base=api.TEAMS), 409,
           lambda b: "problems/consent-required" in b)
    request = api.eventually("the case's consent request reaching consent-service",
                             lambda: api.consent_request_for(parent, case["id"]))
    expect("parent-sanne consents to discussing Sanne in the BOT",
           api.call("POST", "/consent-requests/%s/answers" % request["id"], parent, {"answer": "GIVEN"},
                    base=api.CONSENTS), 201, lambda b: b["outcome"] == "GRANTED")
    api.eventually("GRANTED reaching support-team-service",
                   lambda: api.call("GET", case_path, consultant, base=api.TEAMS)[1]["pupilId"] == sanne)
    print("ok   swv-consultant now sees the case by name")
    expect("swv-consultant records the outcome by name",
           api.call("PUT", case_path + "/outcome", consultant, outcome,
                    {"If-Match": api.with_etag(case_path, consultant, api.TEAMS)}, base=api.TEAMS), 200,
           lambda b: b["outcome"]["discussedAs"] == "NAMED")
    expect("teacher-klimop reads the case", api.call("GET", case_path, api.person("teacher-klimop"), base=api.TEAMS), 404)
    expect("parent-daan reads the case", api.call("GET", case_path, api.person("parent-daan"), base=api.TEAMS), 404)
    expect("swv-analyst reads the case", api.call("GET", case_path, api.person("swv-analyst"), base=api.TEAMS), 403)
    expect("parent-sanne reads the outcome", api.call("GET", "/pupils/%s/cases" % sanne, parent, base=api.TEAMS), 200,
           lambda b: any(c["id"] == case["id"] and c["outcome"]["advice"] for c in b))
    daan_tlvs = api.call("GET", "/pupils/%s/tlv-requests" % ids["Daan"], ib, base=api.TEAMS)[1]
    director = api.person("director-regenboog")
    expect("director-regenboog decides Daan's TLV (the SWV decides)",
           api.call("POST", "/tlv-requests/%s/decision" % daan_tlvs[0]["id"], director,
                    {"outcome": "REFUSED", "reason": "e2e"}, {"If-Match": '"0"'}, base=api.TEAMS), 403)
    klimop, fatima = api.person("ib-klimop"), ids["Fatima"]
    expect("ib-klimop records an arrangement for Fatima",
           api.call("POST", "/pupils/%s/arrangements" % fatima, klimop, {
               "kind": "GROUP_SUPPORT", "fundingSource": "BOARD", "startDate": today}, base=api.TEAMS), 201)
    due = api.eventually("the arrangement reaching opp-service", lambda: [
        d for d in (api.call("GET", "/pupils/%s/opp-due-dates" % fatima, klimop, base=api.OPPS)[1] or [])
        if d["reason"] == "ARRANGEMENT" and d["startDate"] == today])
    print("ok   opp-service started the OPP clock from the arrangement: due %s" % due[0]["dueDate"])


def reporting_checks(ids):
    """reporting-service: the SWV's figures from the events alone, aggregates only, per role."""
    admin = api.person("admin")
    api.eventually("reporting-service applying every event", lambda: (
        api.call("GET", "/feed", admin, base=api.REPORTS)[1] or {}).get("behind") == 0)
    period = "?schoolYear=2026-2027&countDate=OCTOBER"
    analyst = api.person("swv-analyst")
    report = expect("swv-analyst reads PO2601's report", api.call(
        "GET", "/swvs/PO2601/report" + period, analyst, base=api.REPORTS), 200,
        lambda b: any(s["schoolCode"] == "12AB00" and s["pupils"] >= 3 for s in b["schools"])
        and any(s["schoolCode"] == "12AB01" and s["pupils"] == 3 and s["referralsSbo"] == 1 for s in b["schools"])
        and any(x["schoolCode"] == "12AB00" and x["kind"] == "NEVER_REFERS" for x in b["signals"]))
    text = json.dumps(report)
    leaked = [name for name in ("Sanne", "Daan", "Noor", "de Vries") if name in text] + [
        pupil for pupil in ids.values() if pupil in text]
    expect("the report holds no pupil id or name", (200 if not leaked else 500, leaked, None), 200)
    status, csv, _ = api.call("GET", "/swvs/PO2601/report" + period, analyst, headers={"Accept": "text/csv"},
                              base=api.REPORTS, raw=True)
    expect("swv-analyst downloads it as CSV", (status, csv, None), 200,
           lambda b: b.startswith(b"schoolYear,countDate,scope,code,") and b",SCHOOL,12AB00,BAO," in b)
    expect("swv-analyst reads PO2602's report", api.call(
        "GET", "/swvs/PO2602/report" + period, analyst, base=api.REPORTS), 404)
    director = api.person("director-regenboog")
    expect("director-regenboog reads 12AB00's figures with the SWV average", api.call(
        "GET", "/schools/12AB00/report" + period, director, base=api.REPORTS), 200,
        lambda b: b["school"]["schoolCode"] == "12AB00" and "swvReferralRate" in b)
    expect("director-regenboog reads the SWV's report", api.call(
        "GET", "/swvs/PO2601/report" + period, director, base=api.REPORTS), 403)
    expect("board-utrecht reads its board's schools", api.call(
        "GET", "/boards/41001/report" + period, api.person("board-utrecht"), base=api.REPORTS), 200,
        lambda b: [s["schoolCode"] for s in b["schools"]] == ["12AB00", "12AB01"])
    expect("teacher-regenboog reads the SWV's report", api.call(
        "GET", "/swvs/PO2601/report" + period, api.person("teacher-regenboog"), base=api.REPORTS), 403)


def gateway_checks(ids):
    teacher, parent = api.person("teacher-regenboog"), api.person("parent-sanne")
    expect("through the gateway: teacher-regenboog lists 12AB00 (pupil-service)",
           api.call("GET", "/schools/12AB00/pupils", teacher, base=GATEWAY), 200,
           lambda b: names(b) == ["Daan", "Noor", "Sanne"])
    expect("through the gateway: teacher-regenboog lists 34CD00",
           api.call("GET", "/schools/34CD00/pupils", teacher, base=GATEWAY), 404)
    expect("through the gateway: parent-sanne reads Sanne's interventions (support-level-service)",
           api.call("GET", "/pupils/%s/interventions" % ids["Sanne"], parent, base=GATEWAY), 200,
           lambda b: any(i["appId"] == "e2e-rb-1" for i in b))
    expect("through the gateway: no token", api.call("GET", "/schools/12AB00/pupils", "", base=GATEWAY), 401)
    expect("the gateway's merged API document", api.call("GET", "/openapi.yaml", "", base=GATEWAY, raw=True), 200,
           lambda b: b"/api/v1/pupils/{id}:" in b)


class Receiver(http.server.ThreadingHTTPServer):
    """A student information system's webhook endpoint on 127.0.0.1: keeps what it receives, answers 204."""

    def __init__(self):
        self.received = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(handler):
                body = handler.rfile.read(int(handler.headers.get("Content-Length", 0)))
                self.received.append(({k.lower(): v for k, v in handler.headers.items()}, body))
                handler.send_response(204)
                handler.end_headers()

            def log_message(handler, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def url(self):
        return "http://127.0.0.1:%d/passend-webhooks" % self.server_address[1]


def signed_by(secret, headers, body, tolerance=300):
    """The Standard Webhooks check a vendor makes (services/gateway/README.md)."""
    if abs(time.time() - int(headers["webhook-timestamp"])) > tolerance:
        return False
    key = base64.b64decode(secret[len("whsec_"):])
    signed = ("%s.%s." % (headers["webhook-id"], headers["webhook-timestamp"])).encode() + body
    expected = "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return any(hmac.compare_digest(expected, s) for s in headers["webhook-signature"].split(" "))


def webhook_checks(ids):
    sis = api.sis_client()
    # a run before this one may have left subscriptions to its receiver, long gone: drop them
    for old in api.call("GET", "/subscriptions", sis, base=GATEWAY)[1] or []:
        if old["callbackUrl"].startswith("http://127.0.0.1:"):
            api.call("DELETE", "/subscriptions/" + old["id"], sis, base=GATEWAY)
    receiver = Receiver()
    moved = "nl.passend.pupil.moved-group.v1"
    expect("through the gateway: sis-client subscribes to a school not in its token",
           api.call("POST", "/subscriptions", sis, {"callbackUrl": receiver.url(), "eventTypes": [moved],
                                                     "schoolCodes": ["12AB00", "99ZZ99"]}, base=GATEWAY), 403)
    expect("through the gateway: teacher-regenboog subscribes",
           api.call("POST", "/subscriptions", api.person("teacher-regenboog"),
                    {"callbackUrl": receiver.url(), "eventTypes": [moved], "schoolCodes": ["12AB00"]},
                    base=GATEWAY), 403)
    subscription = expect("through the gateway: sis-client subscribes to pupils moving group at 12AB00",
                          api.call("POST", "/subscriptions", sis, {"callbackUrl": receiver.url(), "eventTypes": [moved],
                                                                    "schoolCodes": ["12AB00"]}, base=GATEWAY), 201,
                          lambda b: b["secret"].startswith("whsec_") and b["status"] == "ACTIVE")
    if not isinstance(subscription, dict):
        return
    noor = {"externalId": "RB-E2E", "givenName": "Noor", "familyName": "Visser", "birthDate": "2018-05-09",
            "enrolledOn": "2023-08-28"}
    for group in ({"name": "4A", "year": 4}, {"name": "3A", "year": 3}):  # and back, as the checks before expect
        api.call("POST", "/schools/12AB00/pupils/batch", sis, {"pupils": [dict(noor, group=group)]}, base=GATEWAY)
    api.eventually("both moves of Noor delivered to the receiver", lambda: len(receiver.received) >= 2)
    events = [(h, json.loads(b), b) for h, b in receiver.received]
    expect("the webhooks: CloudEvents about Noor, in the order she moved (4, then 3)",
           (200, events, None), 200,
           lambda e: [x[1]["type"] for x in e] == [moved, moved] and {x[1]["subject"] for x in e} == {ids["Noor"]}
           and [x[1]["data"]["groupYear"] for x in e] == [4, 3])
    expect("the webhooks: application/cloudevents+json, webhook-id = the event id, signed with the secret",
           (200, events, None), 200,
           lambda e: all(h["content-type"].startswith("application/cloudevents+json") and h["webhook-id"] == ev["id"]
                         and signed_by(subscription["secret"], h, raw) for h, ev, raw in e))
    expect("the webhooks carry no name", (200, events, None), 200,
           lambda e: all(b"Noor" not in raw and b"Visser" not in raw for _, _, raw in e))
    expect("through the gateway: the subscription's deliveries",
           api.call("GET", "/subscriptions/%s/deliveries" % subscription["id"], sis, base=GATEWAY), 200,
           lambda b: [d["status"] for d in b] == ["DELIVERED", "DELIVERED"])
    expect("through the gateway: sis-client unsubscribes",
           api.call("DELETE", "/subscriptions/" + subscription["id"], sis, base=GATEWAY), 204)
    receiver.shutdown()


def main():
    sis = api.sis_client()
    pupil = {"externalId": "RB-E2E", "givenName": "Noor", "familyName": "Visser", "birthDate": "2018-05-09",
             "enrolledOn": "2023-08-28", "group": {"name": "3A", "year": 3}}
    expect("sis-client upserts a pupil at 12AB00",
           api.call("POST", "/schools/12AB00/pupils/batch", sis, {"pupils": [pupil]}), 200)
    expect("sis-client sends the same batch again: unchanged",
           api.call("POST", "/schools/12AB00/pupils/batch", sis, {"pupils": [pupil]}), 200,
           lambda b: b["unchanged"] == 1)
    ids = {p["givenName"]: p["id"] for school in ("12AB00", "34CD00")
           for p in api.call("GET", "/schools/%s/pupils?size=200" % school, sis)[1]["items"]}

    teacher = api.person("teacher-regenboog")
    expect("teacher-regenboog lists 12AB00", api.call("GET", "/schools/12AB00/pupils", teacher), 200,
           lambda b: names(b) == ["Daan", "Noor", "Sanne"])
    expect("teacher-regenboog lists 34CD00", api.call("GET", "/schools/34CD00/pupils", teacher), 404)
    expect("teacher-regenboog reads Fatima of 34CD00", api.call("GET", "/pupils/" + ids["Fatima"], teacher), 404)
    expect("teacher-regenboog changes Sanne", api.call("PUT", "/pupils/" + ids["Sanne"], teacher, {}), 403)

    parent = api.person("parent-sanne")
    expect("parent-sanne lists her children", api.call("GET", "/me/children", parent), 200,
           lambda b: names(b) == ["Sanne"])
    expect("parent-sanne reads Sanne", api.call("GET", "/pupils/" + ids["Sanne"], parent), 200)
    expect("parent-sanne reads Daan", api.call("GET", "/pupils/" + ids["Daan"], parent), 404)

    care = api.person("care-orthopedagoog")
    expect("orthopedagoog reads Daan (linked)", api.call("GET", "/pupils/" + ids["Daan"], care), 200)
    expect("orthopedagoog reads Sanne (not linked)", api.call("GET", "/pupils/" + ids["Sanne"], care), 404)

    expect("no token", api.call("GET", "/pupils/" + ids["Sanne"], ""), 401)
    opp_checks(ids)
    support_checks(ids)
    team_checks(ids)
    reporting_checks(ids)
    gateway_checks(ids)
    webhook_checks(ids)
    if failures:
        sys.exit("e2e: %d checks failed:\n  %s" % (len(failures), "\n  ".join(failures)))


if __name__ == "__main__":
    api.KEYCLOAK, api.PUPILS = sys.argv[1], sys.argv[2]
    main()
