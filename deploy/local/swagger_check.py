#!/usr/bin/env python3
"""Checks the gateway's Swagger UI in a real browser, as an integrator uses it: a headless Chromium (driven
through the DevTools protocol, as dashboard_check.py) opens Swagger UI, clicks Authorize and, for the Keycloak
scheme, Authorize again; Keycloak's login page opens in a new window, where it logs in; that window goes back
to Swagger UI's oauth2-redirect.html, and Swagger UI exchanges the code (with PKCE) for a token. Then it uses
Try it out on one operation, with the given parameters: the call must carry the bearer token and get 200.

  python3 swagger_check.py <swagger-ui-url> <username> <password> <operationId> [name=value]...

Exit 0 when all is well, 1 (with what is wrong) otherwise.
"""
import json
import os
import shutil
import sys
import tempfile
import time
import urllib.request

import dashboard_check as browser_tools
from dashboard_check import CheckFailed, DevTools

TIMEOUT = 30

CLICK_AUTHORIZE = """(() => {
  const open = document.querySelector('.auth-wrapper .btn.authorize');
  if (!open) return 'no Authorize button';
  open.click();
  return 'opened';
})()"""

# in the dialog, the Authorize button of the Keycloak (oauth2) scheme: the one beside a client_id field
CLICK_SCHEME_AUTHORIZE = """(() => {
  const client = document.querySelector('.dialog-ux input#client_id, .dialog-ux input[data-name="clientId"]');
  if (!client) return 'no client id field';
  if (client.value !== 'passend-app') return 'client id is ' + JSON.stringify(client.value);
  const block = client.closest('.auth-container') || document;
  const button = block.querySelector('.btn.modal-btn.auth.authorize');
  if (!button) return 'no Authorize button for the Keycloak scheme';
  button.click();
  return 'authorizing';
})()"""

AUTHORIZED = """(() => {
  const button = document.querySelector('.auth-wrapper .btn.authorize');
  if (!button || !button.classList.contains('locked')) return null;
  const close = document.querySelector('.dialog-ux .btn-done, .dialog-ux .close-modal');
  if (close) close.click();
  return 'authorized';
})()"""

# Try it out on one operation, a step at a time (each waits for the page to follow): open it, Try it out, fill
# its parameters (React reads the native setter's value through an input event), Execute
OPERATION = "[...document.querySelectorAll('.opblock')].find(b => b.id.endsWith('-' + %s))"

OPEN = """(() => {
  const block = %s;
  if (!block) return null;
  if (block.querySelector('.try-out__btn')) return 'open';
  if (!block.classList.contains('is-open')) (block.querySelector('.opblock-summary-control') || block).click();
  return null;
})()"""

TRY_OUT = """(() => {
  const block = %s;
  if (block.querySelector('.btn.execute')) return 'trying';
  const button = block.querySelector('.try-out__btn');
  if (button && !button.classList.contains('cancel')) button.click();
  return null;
})()"""

FILL = """((values) => {
  const block = %s;
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  for (const [name, value] of Object.entries(values)) {
    const input = block.querySelector('tr[data-param-name="' + name + '"] input');
    if (!input) return 'no parameter ' + name;
    setter.call(input, value);
    input.dispatchEvent(new Event('input', {bubbles: true}));
  }
  return 'filled';
})(%s)"""

# Execute until Swagger UI shows an answer: again after a click it had not taken (a required value it had not
# taken in yet), never while a call is under way (its spinner shows)
EXECUTE = """(() => {
  const block = %s;
  if (block.querySelector('.live-responses-table tr.response')) return 'answered';
  if (!block.querySelector('.loading-container, .loading')) block.querySelector('.btn.execute').click();
  return null;
})()"""

RESPONSE = """(() => {
  const block = %s;
  const status = block && block.querySelector('.live-responses-table tr.response .response-col_status');
  const curl = block && block.querySelector('.curl-command');
  return status ? {status: status.textContent.trim(), curl: curl ? curl.textContent : ''} : null;
})()"""


def targets(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/json", timeout=2) as response:
        return json.load(response)


def wait(what, probe, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = probe()
        if last:
            return last
        time.sleep(0.25)
    raise CheckFailed(f"{what}: not within {timeout}s")


def login_window(port, swagger_target_id):
    """The window Swagger UI opened for Keycloak's login page."""
    for target in targets(port):
        address = target.get("url", "")
        if target.get("type") == "page" and target.get("id") != swagger_target_id \
                and ("openid-connect/auth" in address or "/login-actions/" in address):
            return target
    return None


def check(port, url, username, password, operation_id, values):
    page = next(t for t in targets(port) if t.get("type") == "page")
    tools = DevTools(page["webSocketDebuggerUrl"])
    try:
        tools.call("Page.enable")
        tools.call("Runtime.enable")
        tools.call("Page.navigate", url=url)
        wait("Swagger UI's Authorize button", lambda: tools.evaluate(CLICK_AUTHORIZE) == "opened")
        result = wait("the Keycloak scheme in the Authorize dialog",
                      lambda: tools.evaluate(CLICK_SCHEME_AUTHORIZE) or None)
        if result != "authorizing":
            raise CheckFailed(f"Authorize dialog: {result}")
        window = wait("Keycloak's login window", lambda: login_window(port, page["id"]))
        login = DevTools(window["webSocketDebuggerUrl"])
        try:
            login.call("Runtime.enable")
            wait("the login form", lambda: (login.evaluate(browser_tools.PAGE_STATE) or {}).get("login"))
            print(f"login window at {window['url'].split('?')[0]}: logging in as {username}")
            login.evaluate(browser_tools.FILL_LOGIN % (json.dumps(username), json.dumps(password)))
        finally:
            login.close()
        wait("Swagger UI authorized with the Keycloak scheme (code exchanged with PKCE)",
             lambda: tools.evaluate(AUTHORIZED))
        print("Swagger UI is authorized (Keycloak)")
        operation = OPERATION % json.dumps(operation_id)
        wait(f"operation {operation_id} opened", lambda: tools.evaluate(OPEN % operation))
        wait("Try it out", lambda: tools.evaluate(TRY_OUT % operation))
        result = tools.evaluate(FILL % (operation, json.dumps(values)))
        if result != "filled":
            raise CheckFailed(f"Try it out on {operation_id}: {result}")
        wait("Execute", lambda: tools.evaluate(EXECUTE % operation))
        answer = wait(f"the answer to {operation_id}", lambda: tools.evaluate(RESPONSE % operation))
        bearer = "Authorization: Bearer " in answer["curl"]
        print(f"Try it out {operation_id} {values}: {answer['status']}, sent with a bearer token: {bearer}")
        if answer["status"] != "200" or not bearer:
            raise CheckFailed(f"Try it out on {operation_id} answered {answer['status']} (bearer token sent: {bearer})")
    finally:
        tools.close()


def main(argv):
    if len(argv) < 5 or any("=" not in a for a in argv[5:]):
        print("usage: python3 swagger_check.py <swagger-ui-url> <username> <password> <operationId> [name=value]...",
              file=sys.stderr)
        return 2
    url, username, password, operation_id = argv[1:5]
    values = dict(a.split("=", 1) for a in argv[5:])
    chromium_binary = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not chromium_binary:
        print("swagger check: chromium is not installed (Debian: apt-get install chromium)", file=sys.stderr)
        return 1
    profile = tempfile.mkdtemp(prefix="swagger-check-")
    chromium = None
    try:
        port = browser_tools.free_port()
        with open(os.path.join(profile, "chromium.log"), "wb") as log:
            # the check clicks from a script, which the popup blocker does not count as a user's click
            chromium = browser_tools.launch(chromium_binary, port, profile, log, "--disable-popup-blocking")
        browser_tools.page_target(port, chromium, time.monotonic() + 30)
        check(port, url, username, password, operation_id, values)
        print("swagger check: passed")
        return 0
    except CheckFailed as e:
        print(f"swagger check: {e}", file=sys.stderr)
        return 1
    finally:
        browser_tools.stop(chromium)
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
