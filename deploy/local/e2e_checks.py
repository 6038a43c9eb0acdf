#!/usr/bin/env python3
"""End-to-end checks against the running local system (deploy/local/start), with tokens from the
real Keycloak: the SIS upserts, staff see only their own school, a parent only their own child, a
care professional only the pupil linked to them; an OPP goes through the whole consent exchange
between opp-service and consent-service over Kafka and is established by the director; a BOT case
by name waits for the parent's consent, given in consent-service and learned by support-team-service
over Kafka; an arrangement starts the OPP clock in opp-service; reporting-service serves the SWV's figures
from the events, aggregates only, each role its own; the gateway serves the same API under /api/v1,
routed by path to each service, with the token checked at the door, and delivers the webhooks a student
information system subscribed to, signed, in order, to a receiver on this machine.

Last, the whole system in one case, driven only through the gateway with real Keycloak tokens
(case_checks): the student information system syncs Milan, a teacher records interventions, the
IB'er raises him to level 4, an OPP is drafted, his parent consents through the consent API, the
director establishes it, a BOT discusses him by name after his parent's consent, the SWV grants a
TLV, he leaves for SBO, and the SWV's analyst sees the referral in PO2601's report; another school's
teacher, another child's parent and the analyst get nothing of him; the gateway's 401, correlation id
and merged OpenAPI document; and, where the gateway serves it, his groeidocument
(growth_document_checks). Prints each call (the case: who, what, the status and the answer's key
fields); exits non-zero when an answer is not what it should be."""
import base64
import datetime
import hashlib
import hmac
import http.server
import json
import os
import re
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

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
    today = api.nl_today().isoformat()
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
    today = api.nl_today().isoformat()
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
           lambda b: b.get("pupilId") is None and not b["named"])
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
    period = "?schoolYear=%s&countDate=OCTOBER" % api.school_year()
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
        lambda b: [s["schoolCode"] for s in b["schools"]] == ["12AB00", "12AB01", "78GH00"])
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


SERVICE_PORTS = {"gateway": 8080, "pupil-service": 8081, "support-level-service": 8082, "opp-service": 8083,
                 "support-team-service": 8084, "consent-service": 8085, "reporting-service": 8086}


def head(url, headers=None):
    """GET without a token: (status, the answer's headers)."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request) as answer:
            return answer.status, answer.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def face_checks():
    """Safe by default, on the system as it runs: only the API's own tokens, its face hardened, nothing public."""
    # a token Keycloak issues to another client of the realm (its own admin-cli) lacks the audience passend-api
    foreign = api.token(grant_type="password", client_id="admin-cli", username="parent-sanne", password="demo")
    claims = json.loads(base64.urlsafe_b64decode(foreign.split(".")[1] + "==="))
    own = json.loads(base64.urlsafe_b64decode(api.person("parent-sanne").split(".")[1] + "==="))
    expect("passend-app's tokens name the audience passend-api, admin-cli's do not",
           (200 if "passend-api" in own.get("aud", []) and "passend-api" not in (claims.get("aud") or []) else 500,
            (own.get("aud"), claims.get("aud")), None), 200)
    expect("through the gateway: parent-sanne with admin-cli's token", api.call("GET", "/me/children", foreign, base=GATEWAY), 401)
    paths = {"pupil-service": "/me/children", "consent-service": "/me/consent-requests",
             "opp-service": "/schools/12AB00/opps/overdue", "support-level-service": "/schools/12AB00/support-signals",
             "support-team-service": "/schools/12AB00/meetings", "reporting-service": "/swvs/PO2601/report"}
    for service, path in paths.items():
        base = "http://127.0.0.1:%d" % SERVICE_PORTS[service]
        expect("%s: parent-sanne with admin-cli's token" % service, api.call("GET", path, foreign, base=base), 401)
    # the services' own Swagger UI is off in production; the gateway's (the whole API) stays on
    for service, port in SERVICE_PORTS.items():
        status, _ = head("http://127.0.0.1:%d/q/swagger-ui/" % port)
        expect("%s's Swagger UI" % service, (status, None, None), 200 if service == "gateway" else 404)
    status, headers = head(GATEWAY + "/openapi.yaml")
    expect("the gateway's answers are hardened (nosniff, no framing, no referrer, a strict CSP, no HSTS over http)",
           (status, dict(headers), None), 200,
           lambda h: h.get("X-Content-Type-Options") == "nosniff" and h.get("X-Frame-Options") == "DENY"
           and h.get("Referrer-Policy") == "no-referrer" and "default-src 'none'" in h.get("Content-Security-Policy", "")
           and "Strict-Transport-Security" not in h)
    # every service listens on 127.0.0.1 only, by its default (deploy/local/start sets no host)
    with open("/proc/net/tcp") as tcp:
        listening = [line.split()[1] for line in tcp.readlines()[1:] if line.split()[3] == "0A"]
    wide = [port for port in SERVICE_PORTS.values()
            if any(a.endswith(":%04X" % port) and not a.startswith("0100007F") for a in listening)]
    expect("the services listen on 127.0.0.1 only", (200 if not wide else 500, wide, None), 200)


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


# --- the whole system: one pupil's case from the student information system to the SWV's report, all through the gateway

class Reply(tuple):
    """(status, body, ETag) as demo_data's call answers them, with the answer's headers besides."""

    def __new__(cls, status, body, headers):
        reply = super().__new__(cls, (status, body, headers.get("ETag")))
        reply.headers = headers
        return reply


def gw(method, path, bearer=None, body=None, headers=None, raw=False):
    """One call to the gateway (http://127.0.0.1:8080/api/v1 + path); a 429 of its rate limit is waited out as Retry-After says."""
    retried = False
    for _ in range(10):
        request = urllib.request.Request(GATEWAY + path, method=method,
                                         data=None if body is None else json.dumps(body).encode())
        if bearer:
            request.add_header("Authorization", "Bearer " + bearer)
        if body is not None:
            request.add_header("Content-Type", "application/json")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request) as answer:
                status, text, answer_headers = answer.status, answer.read(), answer.headers
        except urllib.error.HTTPError as error:
            status, text, answer_headers = error.code, error.read(), error.headers
        if status == 502 and method == "GET" and not retried:
            # seen once: the gateway reused a pooled connection the service had just closed ("broke off its answer");
            # a GET may be asked again, and the e2e says so rather than fail on it
            print("     (the gateway answered 502 to GET %s: %s; asking once more)" % (short(path), text[:200].decode(errors="replace")))
            retried = True
            continue
        if status != 429:
            break
        wait = int(answer_headers.get("Retry-After") or 1)
        print("     (the gateway's rate limit answered 429: waiting %d s as Retry-After says)" % wait)
        time.sleep(wait)
    if raw:
        parsed = text
    else:
        try:
            parsed = api.answer_json(text) if text else None
        except ValueError:
            parsed = text.decode(errors="replace")
    return Reply(status, parsed, answer_headers)


UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def short(text):
    """UUIDs cut to their first 8 characters, so that a line of output can be quoted."""
    return UUID.sub(lambda m: m.group(0)[:8] + "…", text)


def step(who, method, path, reply, status, check=None, show=None):
    """Checks one answer and prints it: who called what, the status, the answer's key fields."""
    code, body = reply[0], reply[1]
    try:
        good = (code in status if isinstance(status, tuple) else code == status) and (check is None or bool(check(body)))
    except (KeyError, TypeError, IndexError, AttributeError, ValueError) as e:
        good = False
        body = "%s (the check could not read it: %r)" % (body, e)
    fields = ""
    if show is not None and (code < 300 or good):
        try:
            fields = json.dumps(show(body), ensure_ascii=False, separators=(", ", ": "))
        except (KeyError, TypeError, IndexError, AttributeError, ValueError):
            fields = ""
    elif code >= 400 and isinstance(body, dict):
        fields = json.dumps({k: body.get(k) for k in ("type", "title") if body.get(k)}, separators=(", ", ": "))
    print("%s case: %s %s %s -> %s %s" % ("ok  " if good else "FAIL", who, method, short("/api/v1" + path), code,
                                          short(fields)))
    if not good:
        failures.append("case: %s %s %s: %s %s" % (who, method, path, code, body))
    return body


def note(text):
    print("ok   case: " + short(text))


def problem(reply):
    """A refusal as the API promises it: application/problem+json."""
    return (reply.headers.get("Content-Type") or "").startswith("application/problem+json")


CASE_PUPIL = "RB-1010"  # the student information system's id of the case's pupil


def case_checks():
    """The case of Milan Peeters, De Regenboog (12AB00, SWV PO2601), from sync to referral, through the gateway."""
    today = api.nl_today()
    day = lambda offset: (today + datetime.timedelta(days=offset)).isoformat()  # noqa: E731
    year, count = api.count_date()
    print("\n== the end-to-end case through the gateway %s (school year %s, count date %s) ==" % (GATEWAY, year, count))
    sis, teacher, ib = api.sis_client(), api.person("teacher-regenboog"), api.person("ib-regenboog")
    director, parent = api.person("director-regenboog"), api.person("parent-milan")
    consultant, analyst, admin = api.person("swv-consultant"), api.person("swv-analyst"), api.person("admin")

    # the gateway itself: the token checked at the door, the correlation id, the whole API in one document
    reply = gw("GET", "/schools/12AB00/pupils")
    step("(no token)", "GET", "/schools/12AB00/pupils", reply, 401,
         lambda b: problem(reply) and reply.headers.get("WWW-Authenticate", "").startswith("Bearer"),
         lambda b: {"Content-Type": reply.headers.get("Content-Type"), "WWW-Authenticate": reply.headers.get("WWW-Authenticate"),
                    "title": b.get("title")})
    mine = "e2e-case-" + uuid.uuid4().hex[:12]
    reply = gw("GET", "/schools/12AB00/pupils?size=1", sis, headers={"X-Correlation-Id": mine})
    step("sis-client (X-Correlation-Id: %s)" % mine, "GET", "/schools/12AB00/pupils?size=1", reply, 200,
         lambda b: reply.headers.get("X-Correlation-Id") == mine,
         lambda b: {"X-Correlation-Id": reply.headers.get("X-Correlation-Id"),
                    "X-RateLimit-Limit": reply.headers.get("X-RateLimit-Limit")})
    reply = gw("GET", "/schools/12AB00/pupils?size=1", sis)
    step("sis-client (no correlation id)", "GET", "/schools/12AB00/pupils?size=1", reply, 200,
         lambda b: UUID.fullmatch(reply.headers.get("X-Correlation-Id") or ""),
         lambda b: {"X-Correlation-Id": reply.headers.get("X-Correlation-Id")})
    reply = gw("GET", "/openapi.yaml", raw=True)
    step("(no token)", "GET", "/openapi.yaml", reply, 200,
         lambda b: b"\nopenapi: 3" in b and b"/api/v1/pupils/{id}/leave:" in b and b"/api/v1/swvs/{swvCode}/report:" in b,
         lambda b: {"Content-Type": reply.headers.get("Content-Type"),
                    "openapi": b.split(b"\nopenapi:", 1)[1].split(b"\n", 1)[0].strip().decode(),
                    "paths": sum(1 for line in b.split(b"\n") if line.startswith(b"  /api/v1/"))})

    # 1. the student information system syncs the school: a full read keeps the cursor, the upsert, the delta after it
    cursor, pages = None, 0
    while True:
        reply = gw("GET", "/schools/12AB00/pupils?size=200" + ("&cursor=" + cursor if cursor else ""), sis)
        pages += 1
        if reply[0] != 200:
            break
        cursor = reply[1].get("nextCursor") or cursor
        if not reply[1]["hasMore"]:
            break
    step("sis-client", "GET", "/schools/12AB00/pupils?size=200", reply, 200, lambda b: cursor,
         lambda b: {"pages": pages, "pupils": names(b), "hasMore": b["hasMore"], "nextCursor": cursor[:12] + "…"})
    milan_upsert = {"externalId": CASE_PUPIL, "givenName": "Milan", "familyName": "Peeters", "birthDate": "2016-04-08",
                    "enrolledOn": "2020-08-31", "group": {"name": "7A", "year": 7},
                    "guardians": [{"externalId": CASE_PUPIL + "-G1", "givenName": "Eva", "familyName": "Peeters",
                                   "hasParentalAuthority": True}]}
    batch = step("sis-client", "POST", "/schools/12AB00/pupils/batch", gw(
        "POST", "/schools/12AB00/pupils/batch", sis, {"pupils": [milan_upsert]}), 200,
        lambda b: b["items"][0]["outcome"] in ("CREATED", "UNCHANGED"),
        lambda b: {"created": b["created"], "updated": b["updated"], "unchanged": b["unchanged"], "items": b["items"]})
    pupil = batch["items"][0]["pupilId"]
    step("sis-client (the same batch again)", "POST", "/schools/12AB00/pupils/batch", gw(
        "POST", "/schools/12AB00/pupils/batch", sis, {"pupils": [milan_upsert]}), 200,
        lambda b: b["unchanged"] == 1 and b["items"][0]["pupilId"] == pupil,
        lambda b: {"created": b["created"], "unchanged": b["unchanged"], "outcome": b["items"][0]["outcome"]})
    step("sis-client (the delta since its cursor)", "GET", "/schools/12AB00/pupils?cursor=…", gw(
        "GET", "/schools/12AB00/pupils?size=200&cursor=" + cursor, sis), 200,
        lambda b: [p["id"] for p in b["items"]] == [pupil],
        lambda b: {"items": [{k: p[k] for k in ("id", "externalId", "givenName", "groupName", "status")}
                             for p in b["items"]], "hasMore": b["hasMore"]})

    # the IB'er links the guardian to the parent's login, so that the parents' app shows Milan
    guardian = step("ib-regenboog", "GET", "/pupils/%s/guardians" % pupil, gw(
        "GET", "/pupils/%s/guardians" % pupil, ib), 200, lambda b: b[0]["hasParentalAuthority"],
        lambda b: [{k: g[k] for k in ("id", "givenName", "hasParentalAuthority", "accountId")} for g in b])[0]
    if guardian.get("accountId") != api.ACCOUNT["parent-milan"]:
        step("ib-regenboog", "PUT", "/pupils/%s/guardians/%s/account" % (pupil, guardian["id"]), gw(
            "PUT", "/pupils/%s/guardians/%s/account" % (pupil, guardian["id"]), ib,
            {"accountId": api.ACCOUNT["parent-milan"]}, {"If-Match": '"%d"' % guardian["version"]}), 200,
            lambda b: b["accountId"] == api.ACCOUNT["parent-milan"], lambda b: {"accountId": b["accountId"]})
    step("parent-milan", "GET", "/me/children", gw("GET", "/me/children", parent), 200,
         lambda b: any(c["id"] == pupil for c in b), lambda b: [{"givenName": c["givenName"], "schoolCode": c["schoolCode"]} for c in b])

    # 2. support: the level as it was, a teacher's interventions, then the IB'er raises Milan to level 4
    api.eventually("Milan reaching support-level-service",
                   lambda: gw("GET", "/pupils/%s/support-level" % pupil, ib)[0] == 200)
    level_path = "/pupils/%s/support-level" % pupil
    step("ib-regenboog", "POST", level_path, gw("POST", level_path, ib, {
        "level": "LEVEL_3", "effectiveDate": day(-42), "reason": "Rekenen en gedrag: interventies in een groepje",
        "domains": ["MATHS", "BEHAVIOUR"], "decidedBy": "ondersteuningsteam"}, {"If-Match": gw("GET", level_path, ib)[2]}),
        201, lambda b: b["level"] == "LEVEL_3",
        lambda b: {"level": b["level"], "category": b["category"], "since": b["since"],
                   "entry.previousLevel": b["entry"]["previousLevel"]})
    app = "app-" + CASE_PUPIL.lower()  # the teachers' app's own ids
    interventions = step("teacher-regenboog", "POST", "/schools/12AB00/interventions/batch", gw(
        "POST", "/schools/12AB00/interventions/batch", teacher, {"interventions": [
            dict(api.intervention(app + "-1", [pupil], "MATHS", "LEVEL_3", "SMALL_GROUP_TRAINING", day(-40), day(-5)),
                 givenBy="TEACHER"),
            api.intervention(app + "-2", [pupil], "BEHAVIOUR", "LEVEL_3", "BEHAVIOUR_COACHING", day(-40), None)],
            "sessions": [{"appId": app + "-1-s1", "interventionAppId": app + "-1", "heldOn": day(-38), "minutes": 30},
                         {"appId": app + "-2-s1", "interventionAppId": app + "-2", "heldOn": day(-37), "minutes": 20}]}),
        200, lambda b: len(b["interventions"]) == 2,
        lambda b: {"interventions": [{"appId": i["appId"], "outcome": i["outcome"]} for i in b["interventions"]],
                   "sessions": [s["outcome"] for s in b["sessions"]]})
    first = interventions["interventions"][0]["id"]
    step("teacher-regenboog", "POST", "/interventions/%s/evaluation" % first, gw(
        "POST", "/interventions/%s/evaluation" % first, teacher,
        {"effect": "NOT_ACHIEVED", "note": "Tafels nog niet geautomatiseerd ondanks het groepje.", "evaluatedOn": day(-5)},
        {"If-Match": gw("GET", "/interventions/" + first, teacher)[2]}), 200,
        lambda b: b["effect"] == "NOT_ACHIEVED", lambda b: {k: b[k] for k in ("appId", "effect", "evaluatedOn")})
    step("ib-regenboog", "POST", level_path, gw("POST", level_path, ib, {
        "level": "LEVEL_4", "effectiveDate": today.isoformat(), "reason": "Interventies onvoldoende; hulp van buiten nodig",
        "domains": ["MATHS", "BEHAVIOUR"], "decidedBy": "ondersteuningsteam"}, {"If-Match": gw("GET", level_path, ib)[2]}),
        201, lambda b: b["level"] == "LEVEL_4" and b["category"] == "EXTRA" and b["entry"]["previousLevel"] == "LEVEL_3",
        lambda b: {"level": b["level"], "category": b["category"], "since": b["since"],
                   "entry.previousLevel": b["entry"]["previousLevel"]})
    step("ib-regenboog", "GET", level_path + "/history", gw("GET", level_path + "/history", ib), 200,
         lambda b: [e["level"] for e in b] == ["LEVEL_3", "LEVEL_4"],
         lambda b: [{k: e[k] for k in ("level", "effectiveDate", "recordedRole")} for e in b])
    due = api.eventually("the start of extra support reaching opp-service", lambda: [
        d for d in (gw("GET", "/pupils/%s/opp-due-dates" % pupil, ib)[1] or [])
        if isinstance(d, dict) and d["reason"] == "EXTRA_SUPPORT"])
    note("ib-regenboog GET /api/v1/pupils/%s/opp-due-dates -> 200 %s (opp-service learned the level change from "
         "passend.support)" % (pupil, json.dumps({k: due[0][k] for k in ("reason", "startDate", "dueDate")})))

    # 3. the OPP: drafted, the parents consent through the consent API, the director establishes it
    plan = step("ib-regenboog", "POST", "/pupils/%s/opps" % pupil, gw(
        "POST", "/pupils/%s/opps" % pupil, ib, api.plan_input("VMBO_BB", "Rekent op niveau eind groep 5; gedrag vraagt structuur.")),
        201, lambda b: b["status"] == "DRAFT", lambda b: {k: b[k] for k in ("id", "status", "currentVersion")})
    plan_id = plan["id"]
    opp_path = "/opps/" + plan_id
    step("ib-regenboog", "POST", opp_path + "/versions/1/consent-request", gw(
        "POST", opp_path + "/versions/1/consent-request", ib, headers={"If-Match": gw("GET", opp_path, ib)[2]}), 200,
        lambda b: b["status"] == "IN_DIALOGUE", lambda b: {"status": b["status"]})
    request = api.eventually("the OPP's consent request reaching consent-service", lambda: next(
        (r for r in (gw("GET", "/me/consent-requests", parent)[1] or []) if r["subject"]["id"] == plan_id), None))
    step("parent-milan", "GET", "/me/consent-requests", Reply(200, [request], {}), 200, None,
         lambda b: [{"id": r["id"], "purpose": r["purpose"], "subject": r["subject"], "outcome": r["outcome"]} for r in b])
    step("parent-milan", "POST", "/consent-requests/%s/answers" % request["id"], gw(
        "POST", "/consent-requests/%s/answers" % request["id"], parent, {"answer": "GIVEN"}), 201,
        lambda b: b["outcome"] == "GRANTED",
        lambda b: {"outcome": b["outcome"], "entries": [{k: e[k] for k in ("kind", "channel", "recordedRole")} for e in b["entries"]]})
    api.eventually("GRANTED reaching opp-service", lambda: gw("GET", opp_path, ib)[1]["status"] == "CONSENTED")
    step("ib-regenboog", "GET", opp_path, gw("GET", opp_path, ib), 200, lambda b: b["status"] == "CONSENTED",
         lambda b: {"status": b["status"], "consent": {k: b["current"]["consent"][k] for k in ("outcome", "decidedOn")}})
    step("director-regenboog", "POST", opp_path + "/versions/1/establishment", gw(
        "POST", opp_path + "/versions/1/establishment", director, headers={"If-Match": gw("GET", opp_path, director)[2]}),
        200, lambda b: b["status"] == "ESTABLISHED" and b["inForceVersion"] == 1,
        lambda b: {k: b[k] for k in ("status", "inForceVersion", "firstEstablishedOn")})
    step("parent-milan", "GET", opp_path, gw("GET", opp_path, parent), 200, lambda b: b["status"] == "ESTABLISHED",
         lambda b: {"status": b["status"], "expectedDestination": b["current"]["content"]["perspective"]["expectedDestination"],
                    "goals": len(b["current"]["content"]["goals"])})
    reply = gw("GET", opp_path + "/document.pdf", parent, raw=True)
    step("parent-milan", "GET", opp_path + "/document.pdf", reply, 200, lambda b: b.startswith(b"%PDF"),
         lambda b: {"Content-Type": reply.headers.get("Content-Type"), "bytes": len(b)})

    # 4. the BOT discusses Milan by name once his parents consented to it
    meeting = step("ib-regenboog", "POST", "/schools/12AB00/meetings", gw("POST", "/schools/12AB00/meetings", ib, {
        "type": "BOT", "date": today.isoformat(), "title": "BOT De Regenboog, december", "attendees": [
            api.member("Ineke de Boer", "IB"), api.member("Marloes Smit", "DIRECTOR"),
            api.member("Karin Visser", "SWV_CONSULTANT", True), api.member("Eva Peeters", "PARENT")]}), 201,
        lambda b: b["outsidersPresent"], lambda b: {k: b[k] for k in ("id", "type", "date", "outsidersPresent", "held")})
    case = step("ib-regenboog", "POST", "/meetings/%s/cases" % meeting["id"], gw(
        "POST", "/meetings/%s/cases" % meeting["id"], ib,
        {"pupilId": pupil, "question": "Past SBO beter bij wat Milan nodig heeft?", "byName": True}), 201,
        lambda b: b["consent"]["outcome"] == "OPEN" and not b["named"],
        lambda b: {"id": b["id"], "byName": b["byName"], "named": b["named"], "consent": b["consent"]["outcome"]})
    case_path = "/cases/" + case["id"]
    step("swv-consultant", "GET", case_path, gw("GET", case_path, consultant), 200,
         lambda b: b.get("pupilId") is None and not b["named"],
         lambda b: {"pupilId": b.get("pupilId"), "named": b["named"], "consent": b["consent"]["outcome"]})
    outcome = {"discussedAs": "NAMED", "discussion": "Rekenen en gedrag vragen meer dan De Regenboog kan bieden.",
               "advice": "Een TLV voor SBO aanvragen; De Brug heeft plaats.", "decisions": ["REQUEST_TLV"],
               "actionItems": [{"description": "TLV-aanvraag met twee adviezen", "ownerFunction": "IB", "dueOn": day(14)}]}
    step("swv-consultant (before the parents' consent)", "PUT", case_path + "/outcome", gw(
        "PUT", case_path + "/outcome", consultant, outcome, {"If-Match": gw("GET", case_path, consultant)[2]}), 409,
        lambda b: "consent-required" in b["type"])
    request = api.eventually("the case's consent request reaching consent-service", lambda: next(
        (r for r in (gw("GET", "/me/consent-requests", parent)[1] or []) if r["subject"]["id"] == case["id"]), None))
    step("parent-milan", "POST", "/consent-requests/%s/answers" % request["id"], gw(
        "POST", "/consent-requests/%s/answers" % request["id"], parent, {"answer": "GIVEN"}), 201,
        lambda b: b["outcome"] == "GRANTED" and b["purpose"] == "DISCUSS_IN_SUPPORT_TEAM",
        lambda b: {"purpose": b["purpose"], "subject": b["subject"], "outcome": b["outcome"]})
    api.eventually("GRANTED reaching support-team-service", lambda: gw("GET", case_path, consultant)[1].get("named"))
    step("swv-consultant", "GET", case_path, gw("GET", case_path, consultant), 200,
         lambda b: b["pupilId"] == pupil and b["named"],
         lambda b: {"pupilId": b["pupilId"], "named": b["named"], "consent": b["consent"]["outcome"]})
    step("swv-consultant", "PUT", case_path + "/outcome", gw(
        "PUT", case_path + "/outcome", consultant, outcome, {"If-Match": gw("GET", case_path, consultant)[2]}), 200,
        lambda b: b["outcome"]["discussedAs"] == "NAMED",
        lambda b: {"discussedAs": b["outcome"]["discussedAs"], "decisions": b["outcome"]["decisions"],
                   "actionItems": len(b["actionItems"])})
    step("swv-consultant", "POST", "/meetings/%s/held" % meeting["id"], gw(
        "POST", "/meetings/%s/held" % meeting["id"], consultant,
        headers={"If-Match": gw("GET", "/meetings/" + meeting["id"], consultant)[2]}), 200,
        lambda b: b["held"], lambda b: {"held": b["held"]})

    # 5. the TLV: prepared by the IB'er, submitted by the director, granted by the SWV
    tlv = step("ib-regenboog", "POST", "/pupils/%s/tlv-requests" % pupil, gw(
        "POST", "/pupils/%s/tlv-requests" % pupil, ib, {
            "target": "SBO", "motivation": "Twee jaar extra ondersteuning; de BOT adviseert SBO.", "advices": [
                {"expertName": "Drs. L. Mulder", "discipline": "ORTHOPEDAGOOG", "registration": "NVO-12345",
                 "givenOn": day(-3), "summary": "Een kleine groep met veel structuur is nodig."},
                {"expertName": "Drs. S. Bos", "discipline": "SOCIAL_WORKER", "givenOn": day(-2),
                 "summary": "Onderschrijft het advies; ouders staan erachter."}]}), 201,
        lambda b: b["status"] == "DRAFT", lambda b: {k: b[k] for k in ("id", "target", "status", "swvCode")})
    tlv_path = "/tlv-requests/" + tlv["id"]
    step("director-regenboog", "POST", tlv_path + "/submit", gw(
        "POST", tlv_path + "/submit", director, headers={"If-Match": gw("GET", tlv_path, director)[2]}), 200,
        lambda b: b["status"] == "SUBMITTED", lambda b: {k: b[k] for k in ("status", "submittedOn")})
    step("swv-consultant", "POST", tlv_path + "/decision", gw(
        "POST", tlv_path + "/decision", consultant, {"outcome": "GRANTED", "category": "SBO", "startDate": today.isoformat(),
                                                      "endDate": "%d-07-31" % (today.year + 2)},
        {"If-Match": gw("GET", tlv_path, consultant)[2]}), 200,
        lambda b: b["status"] == "GRANTED" and b["decision"]["category"] == "SBO",
        lambda b: {"status": b["status"], "swvCode": b["swvCode"], "decision": {
            k: b["decision"].get(k) for k in ("outcome", "category", "startDate", "endDate")}})

    ids = {"pupil": pupil, "plan": plan_id, "case": case["id"], "raisedOn": today}
    probe = gw("GET", "/pupils/%s/growth-document" % pupil, ib)
    if probe[0] == 404:
        print("skip case: GET /api/v1/pupils/{id}/growth-document answered 404 for ib-regenboog (%s): not in this gateway" %
              (probe[1].get("title") if isinstance(probe[1], dict) else probe[1]))
    else:
        growth_document_checks(ids)

    # 6. nobody else gets anything of Milan: another school's teacher, another child's parent, the SWV's analyst
    reads = [("pupil", "/pupils/%s" % pupil), ("support level", level_path), ("interventions", "/pupils/%s/interventions" % pupil),
             ("OPPs", "/pupils/%s/opps" % pupil), ("the OPP", opp_path), ("cases", "/pupils/%s/cases" % pupil),
             ("the case", case_path), ("consent requests", "/pupils/%s/consent-requests" % pupil)]
    for login in ("teacher-klimop", "parent-sanne", "swv-analyst"):
        bearer, answers, wrong = api.person(login), [], []
        for what, path in reads:
            reply = gw("GET", path, bearer)
            answers.append("%s %d" % (what, reply[0]))
            if reply[0] not in (403, 404) or not problem(reply) or "Milan" in json.dumps(reply[1]):
                wrong.append("%s %s: %s %s" % (what, path, reply[0], reply[1]))
        print("%s case: %s reads Milan's file through the gateway -> %s (each application/problem+json)" % (
            "ok  " if not wrong else "FAIL", login, ", ".join(answers)))
        failures.extend("case: %s %s" % (login, w) for w in wrong)

    # 7. Milan leaves for SBO De Brug: the student information system records it
    before = gw("GET", "/swvs/PO2601/report?schoolYear=%s&countDate=%s" % (year, count), analyst)[1]
    referred_before = next(s["referralsSbo"] for s in before["schools"] if s["schoolCode"] == "12AB00")
    step("sis-client", "POST", "/pupils/%s/leave" % pupil, gw(
        "POST", "/pupils/%s/leave" % pupil, sis, {"leftOn": today.isoformat(), "destination": "SBO",
                                                   "destinationSchoolCode": "78GH00"},
        {"If-Match": gw("GET", "/pupils/" + pupil, sis)[2]}), 200, lambda b: b["status"] == "LEFT",
        lambda b: {k: b[k] for k in ("status", "schoolCode")})
    step("sis-client", "GET", "/pupils/%s/enrolments" % pupil, gw("GET", "/pupils/%s/enrolments" % pupil, sis), 200,
         lambda b: b[-1]["endDate"] == today.isoformat() and b[-1]["destination"] == "SBO",
         lambda b: [{k: e[k] for k in ("schoolCode", "startDate", "endDate", "destination", "destinationSchoolCode")} for e in b])
    reply = gw("GET", "/pupils/" + pupil, ib)
    step("ib-regenboog (after the leaving date)", "GET", "/pupils/" + pupil, reply, 404, lambda b: problem(reply))

    # 8. the SWV's analyst sees the referral in PO2601's figures, once reporting-service applied the events
    started = time.time()
    feed = api.eventually("reporting-service applying every event", lambda: [
        reply for reply in [gw("GET", "/feed", admin)] if reply[0] == 200 and reply[1]["behind"] == 0])[0]
    step("admin (after %.1f s)" % (time.time() - started), "GET", "/feed", feed, 200, None,
         lambda b: {"behind": b["behind"], "partitions": len(b["positions"])})
    report_path = "/swvs/PO2601/report?schoolYear=%s&countDate=%s" % (year, count)
    row = lambda b: next(s for s in b["schools"] if s["schoolCode"] == "12AB00")  # noqa: E731
    api.eventually("Milan's referral in PO2601's report", lambda: row(gw("GET", report_path, analyst)[1])["referralsSbo"]
                   == referred_before + 1)
    report = step("swv-analyst", "GET", report_path, gw("GET", report_path, analyst), 200,
                  lambda b: row(b)["referralsSbo"] == referred_before + 1 and row(b)["tlvsGranted"].get("SBO", 0) >= 1,
                  lambda b: {"12AB00": {k: row(b)[k] for k in ("pupils", "referralsSbo", "referralRate", "swvReferralRate",
                                                               "tlvsGranted", "botCases")},
                             "referrals": b["referrals"]})
    text = json.dumps(report)
    leaked = [x for x in (pupil, plan_id, case["id"], "Milan", "Peeters") if x in text]
    print("%s case: the report holds no pupil id, plan, case or name of Milan%s" % (
        "ok  " if not leaked else "FAIL", (": " + ", ".join(leaked)) if leaked else ""))
    if leaked:
        failures.append("case: the report leaks " + ", ".join(leaked))
    step("swv-analyst", "GET", "/swvs/PO2601/publications", gw("GET", "/swvs/PO2601/publications", analyst), 200,
         lambda b: any(p["schoolYear"] == year and p["countDate"] == count for p in b),
         lambda b: [{k: p[k] for k in ("schoolYear", "countDate", "publishedAt")} for p in b])
    # the e2e script goes on with Milan (the change feed through the generated Java client, then his erasure)
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".run", "e2e-case.json"), "w") as out:
        json.dump({"pupil": pupil, "plan": plan_id, "school": "12AB00"}, out)


def growth_document_checks(ids):
    """The gateway's groeidocument of the case's pupil: whole for the IB'er, as it stood on a day, nothing for another school."""
    ib, pupil = api.person("ib-regenboog"), ids["pupil"]
    path = "/pupils/%s/growth-document" % pupil
    parts = ("pupil", "supportLevel", "interventions", "opps", "cases", "consents")

    def available(part):
        return part is not None and not (isinstance(part, dict) and part.get("available") is False)

    def history(doc):
        level = doc.get("supportLevel")
        found = level.get("history") if isinstance(level, dict) and "history" in level else doc.get("supportLevelHistory")
        return [e["level"] for e in found] if isinstance(found, list) else found

    def level(doc):
        part = doc.get("supportLevel")
        return part.get("level") if isinstance(part, dict) else None

    step("ib-regenboog", "GET", path, gw("GET", path, ib), 200,
         lambda b: all(available(b.get(p)) for p in parts) and b["pupil"]["id"] == pupil and level(b) == "LEVEL_4"
         and history(b) == ["LEVEL_3", "LEVEL_4"] and any(p["id"] == ids["plan"] for p in b["opps"])
         and any(c["id"] == ids["case"] for c in b["cases"]) and len(b["consents"]) == 2,
         lambda b: {p: ("available" if available(b.get(p)) else b.get(p)) for p in parts} | {
             "supportLevel.level": level(b), "history": history(b),
             "opps": [o["status"] for o in b["opps"]], "consents": [c["outcome"] for c in b["consents"]]})
    earlier = (ids["raisedOn"] - datetime.timedelta(days=1)).isoformat()
    reply = gw("GET", path + "?asOf=" + earlier, ib)
    # everything of a fresh system was recorded today: the day before, Passend did not know Milan yet (pupil-service
    # answers 404 as for a pupil it did not know by then), or the level part shows no level 4
    step("ib-regenboog (as of the day before the raise)", "GET", path + "?asOf=" + earlier, reply, (200, 404),
         lambda b: (reply[0] == 404 and problem(reply)) or (level(b) != "LEVEL_4" and "LEVEL_4" not in (history(b) or [])),
         lambda b: {"asOf": b.get("asOf"), "supportLevel.level": level(b), "history": history(b)}
         if reply[0] == 200 else {"type": b.get("type"), "title": b.get("title")})
    reply = gw("GET", path + "?asOf=" + ids["raisedOn"].isoformat(), ib)
    step("ib-regenboog (as of the day of the raise)", "GET", path + "?asOf=" + ids["raisedOn"].isoformat(), reply, 200,
         lambda b: level(b) == "LEVEL_4", lambda b: {"asOf": b.get("asOf"), "supportLevel.level": level(b), "history": history(b)})
    reply = gw("GET", path, api.person("teacher-klimop"))
    step("teacher-klimop", "GET", path, reply, (403, 404), lambda b: problem(reply) and "Milan" not in json.dumps(b))


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
    face_checks()
    webhook_checks(ids)
    case_checks()
    if failures:
        sys.exit("e2e: %d checks failed:\n  %s" % (len(failures), "\n  ".join(failures)))


if __name__ == "__main__":
    api.KEYCLOAK, api.PUPILS = sys.argv[1], sys.argv[2]
    main()
