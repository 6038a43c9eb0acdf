#!/usr/bin/env python3
"""End-to-end checks against the running local system (deploy/local/start), with tokens from the
real Keycloak: the SIS upserts, staff see only their own school, a parent only their own child, a
care professional only the pupil linked to them. Prints each call; exits non-zero on the first
answer that is not what it should be."""
import sys

import demo_data as api

failures = []


def expect(what, result, status, check=None):
    code, body, _ = result
    good = code == status and (check is None or check(body))
    print("%s %s -> %s" % ("ok  " if good else "FAIL", what, code))
    if not good:
        failures.append("%s: %s %s" % (what, code, body))
    return body


def names(body):
    return sorted(p["givenName"] for p in (body["items"] if isinstance(body, dict) else body))


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
    if failures:
        sys.exit("e2e: %d checks failed:\n  %s" % (len(failures), "\n  ".join(failures)))


if __name__ == "__main__":
    api.KEYCLOAK, api.PUPILS = sys.argv[1], sys.argv[2]
    main()
