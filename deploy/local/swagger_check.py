#!/usr/bin/env python3
"""Checks the gateway's Swagger UI in a real browser, as an integrator uses it: a headless Chromium (driven
through the DevTools protocol, as dashboard_check.py) opens Swagger UI, clicks Authorize and, for the Keycloak
scheme, Authorize again; Keycloak's login page opens in a new window, where it logs in; that window goes back
to Swagger UI's oauth2-redirect.html, and Swagger UI exchanges the code (with PKCE) for a token. Then the page
calls the API with that token, as "Try it out" does, and must get 200.

  python3 swagger_check.py <swagger-ui-url> <username> <password> <api-path>

Exit 0 when all is well, 1 (with what is wrong) otherwise.
"""
import json
import os
import shutil
import subprocess
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

TOKEN = """(() => {
  const auth = window.ui && window.ui.authSelectors.authorized().toJS();
  const keycloak = auth && auth.Keycloak;
  return keycloak && keycloak.token ? keycloak.token.access_token : null;
})()"""

CALL = """(async (path, token) => {
  const answer = await fetch(path, {headers: {Authorization: 'Bearer ' + token}});
  return answer.status;
})(%s, %s)"""


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


def check(port, url, username, password, api_path):
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
        token = wait("Swagger UI's Keycloak token (code exchanged with PKCE)", lambda: tools.evaluate(TOKEN))
        print(f"Swagger UI holds a Keycloak token ({len(token)} characters)")
        status = tools.call("Runtime.evaluate", expression=CALL % (json.dumps(api_path), json.dumps(token)),
                            awaitPromise=True, returnByValue=True).get("result", {}).get("value")
        print(f"GET {api_path} from Swagger UI's page with that token: {status}")
        if status != 200:
            raise CheckFailed(f"GET {api_path} with Swagger UI's token answered {status}")
    finally:
        tools.close()


def main(argv):
    if len(argv) != 5:
        print(__doc__.strip().splitlines()[-3], file=sys.stderr)
        return 2
    url, username, password, api_path = argv[1:5]
    chromium_binary = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not chromium_binary:
        print("swagger check: chromium is not installed (Debian: apt-get install chromium)", file=sys.stderr)
        return 1
    profile = tempfile.mkdtemp(prefix="swagger-check-")
    chromium = None
    try:
        port = browser_tools.free_port()
        with open(os.path.join(profile, "chromium.log"), "wb") as log:
            chromium = subprocess.Popen(
                [chromium_binary, "--headless=new", "--no-sandbox", "--disable-gpu", f"--remote-debugging-port={port}",
                 f"--user-data-dir={profile}", "--no-first-run", "--window-size=1280,1024", "about:blank"],
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        browser_tools.page_target(port, chromium, time.monotonic() + 30)
        check(port, url, username, password, api_path)
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
