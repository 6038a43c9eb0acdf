#!/usr/bin/env python3
"""Checks reporting-service's dashboard in a real browser: a headless Chromium, driven through the
Chrome DevTools Protocol (websocket-client), opens the dashboard, logs in on Keycloak's page when
the service sends it there (OIDC authorization code flow), and checks that the three charts are
drawn: svg#referral-chart, svg#level-chart and svg#trend-chart each exist, are larger than 50x50
and hold at least one mark (a rect, circle, path or polyline of class "mark"). Saves a screenshot.
With --referral <school code> (repeatable) it also checks that the referral chart has that school's bar
and that its title counts at least one referral ("12AB00: 25,0% (1 van 4)"). Last it checks that the page's
stylesheet applies under its Content-Security-Policy, and logs out ('Afmelden'): the browser ends on the
signed-out page, and the dashboard then asks for a login again.

  python3 dashboard_check.py <dashboard-url> <username> <password> <screenshot.png> [--referral <school code>]...

Exit 0 when all is well, 1 (with what is wrong) otherwise. Chromium and its profile directory are
always removed. Needs Debian's chromium and python3-websocket (.ci/run installs them).
"""
import base64
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

try:
    import websocket
except ImportError:
    # a python3 of its own (pyenv, venv) does not see Debian's python3-websocket
    sys.path.append("/usr/lib/python3/dist-packages")
    import websocket

CHARTS = ("referral-chart", "level-chart", "trend-chart")
LOGIN_TIMEOUT = 30      # navigation, login and return to the dashboard
CHARTS_TIMEOUT = 10     # the charts present once the dashboard has loaded
MIN_SIZE = 50


class CheckFailed(Exception):
    pass


class DevTools:
    """One page's DevTools connection: commands by id, events kept for who wants them."""

    def __init__(self, ws_url):
        # Chromium refuses DevTools websockets with an Origin it was not told to allow; send none
        self.ws = websocket.create_connection(ws_url, timeout=10, suppress_origin=True)
        self.next_id = 0
        self.documents = []  # (url, status) of every document response, for the diagnosis

    def call(self, method, timeout=15, **params):
        self.next_id += 1
        mine = self.next_id
        self.ws.send(json.dumps({"id": mine, "method": method, "params": params}))
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise CheckFailed(f"no answer from Chromium to {method} within {timeout}s")
            self.ws.settimeout(left)
            try:
                message = json.loads(self.ws.recv())
            except websocket.WebSocketTimeoutException:
                continue
            if message.get("id") == mine:
                if "error" in message:
                    raise CheckFailed(f"{method}: {message['error'].get('message')}")
                return message.get("result", {})
            self._event(message)

    def _event(self, message):
        if message.get("method") == "Network.responseReceived":
            params = message["params"]
            if params.get("type") == "Document":
                response = params["response"]
                self.documents.append((response.get("url"), response.get("status")))

    def evaluate(self, expression):
        """The JSON value of an expression, or None while the page is between documents."""
        try:
            result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        except CheckFailed as e:
            if "context" in str(e).lower():  # "Execution context was destroyed", "Cannot find context"
                return None
            raise
        if "exceptionDetails" in result:
            return None
        return result.get("result", {}).get("value")

    def close(self):
        try:
            self.ws.close()
        except Exception:
            pass


PAGE_STATE = """(() => ({
  readyState: document.readyState,
  href: location.href,
  host: location.host,
  path: location.pathname,
  title: document.title,
  login: !!(document.querySelector('#kc-form-login') && document.querySelector('#username')
            && document.querySelector('#password')),
  submitted: window.__dashboardCheckSubmitted === true,
  loginError: (document.querySelector('#input-error, [id^="input-error"], .kc-feedback-text, #kc-error-message, .alert-error, .pf-m-danger') || {}).textContent || ''
}))()"""

FILL_LOGIN = """((username, password) => {
  const set = (el, value) => {
    el.focus();
    el.value = value;
    el.dispatchEvent(new Event('input', {bubbles: true}));
    el.dispatchEvent(new Event('change', {bubbles: true}));
  };
  set(document.querySelector('#username'), username);
  set(document.querySelector('#password'), password);
  window.__dashboardCheckSubmitted = true;
  const form = document.querySelector('#kc-form-login');
  const button = form.querySelector('#kc-login, [type=submit]');
  if (button) { button.click(); } else if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  return true;
})(%s, %s)"""

CHART_STATE = """((ids) => ids.map(id => {
  const svg = document.querySelector('svg#' + id);
  if (!svg) return {id: id, found: false};
  const box = svg.getBoundingClientRect();
  const marks = svg.querySelectorAll('rect.mark, circle.mark, path.mark, polyline.mark').length;
  return {id: id, found: true, width: Math.round(box.width), height: Math.round(box.height), marks: marks};
}))(%s)"""


REFERRAL_STATE = """((codes) => codes.map(code => {
  const marks = [...document.querySelectorAll('svg#referral-chart rect.mark')];
  const mark = marks.find(m => ((m.querySelector('title') || {}).textContent || '').startsWith(code + ':'));
  if (!mark) return {code: code, found: false};
  const box = mark.getBoundingClientRect();
  return {code: code, found: true, title: mark.querySelector('title').textContent, width: Math.round(box.width),
          fill: mark.getAttribute('fill')};
}))(%s)"""


def check_referrals(tools, codes):
    """The referral chart's bar of each school: there, with at least one referral in its title; the problems found."""
    problems = []
    for bar in tools.evaluate(REFERRAL_STATE % json.dumps(codes)) or []:
        if not bar["found"]:
            problems.append(f"svg#referral-chart has no bar for {bar['code']}")
            continue
        counted = re.search(r"\((\d+) van (\d+)\)", bar["title"])
        print(f"referral-chart {bar['code']}: \"{bar['title']}\", bar {bar['width']} px wide, fill {bar['fill']}")
        if not counted or int(counted.group(1)) < 1:
            problems.append(f"the referral chart counts no referral for {bar['code']}: {bar['title']!r}")
    return problems


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch(browser, port, profile, log, *flags):
    """A headless Chromium with its DevTools endpoint on port, in a session of its own (stop() ends it all)."""
    return subprocess.Popen(
        [browser, "--headless=new", "--no-sandbox", "--disable-gpu", f"--remote-debugging-port={port}",
         f"--user-data-dir={profile}", "--no-first-run", "--window-size=1280,1024", *flags, "about:blank"],
        stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def page_target(port, chromium, deadline):
    """The webSocketDebuggerUrl of Chromium's page, once its DevTools endpoint answers."""
    last = None
    while time.monotonic() < deadline:
        if chromium.poll() is not None:
            raise CheckFailed(f"chromium exited with code {chromium.returncode} before its DevTools endpoint answered")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json", timeout=2) as response:
                targets = json.load(response)
            for target in targets:
                if target.get("type") == "page" and target.get("webSocketDebuggerUrl"):
                    return target["webSocketDebuggerUrl"]
            last = f"no page among {len(targets)} targets"
        except OSError as e:
            last = str(e)
        time.sleep(0.25)
    raise CheckFailed(f"Chromium's DevTools endpoint on port {port} did not offer a page ({last})")


def on_dashboard(state, target):
    return (state["host"] == target.netloc and state["path"].rstrip("/") == target.path.rstrip("/")
            and not state["login"])


def open_dashboard(tools, url, username, password):
    """Navigates to url, logs in on Keycloak's form if it comes, and waits to be back on url."""
    target = urllib.parse.urlsplit(url)
    result = tools.call("Page.navigate", url=url)
    if result.get("errorText"):
        raise CheckFailed(f"navigating to {url} failed: {result['errorText']}")
    deadline = time.monotonic() + LOGIN_TIMEOUT
    logged_in = False
    state = None
    while time.monotonic() < deadline:
        state = tools.evaluate(PAGE_STATE)
        if state and state["readyState"] != "loading":
            if state["login"] and not state["submitted"]:
                if logged_in:
                    message = " ".join(state["loginError"].split()) or "the login page came back"
                    raise CheckFailed(f"login as {username} on {state['host']} failed: {message}")
                print(f"login page at {state['host']}{state['path']}: logging in as {username}")
                tools.evaluate(FILL_LOGIN % (json.dumps(username), json.dumps(password)))
                logged_in = True
            elif state["readyState"] == "complete" and on_dashboard(state, target):
                return state
        time.sleep(0.25)
    where = f"{state['href']} (title {state['title']!r})" if state else "an unknown page"
    raise CheckFailed(f"not back on {target.netloc}{target.path} within {LOGIN_TIMEOUT}s; the browser is at {where}")


def check_charts(tools):
    """The charts' state, once all three are there (or the time is up); the problems found."""
    deadline = time.monotonic() + CHARTS_TIMEOUT
    while True:
        charts = tools.evaluate(CHART_STATE % json.dumps(list(CHARTS))) or []
        problems = []
        for chart in charts:
            if not chart["found"]:
                problems.append(f"svg#{chart['id']} is missing")
            elif chart["width"] <= MIN_SIZE or chart["height"] <= MIN_SIZE:
                problems.append(f"svg#{chart['id']} is only {chart['width']}x{chart['height']}")
            elif chart["marks"] < 1:
                problems.append(f"svg#{chart['id']} draws no mark")
        if not charts:
            problems.append("the charts could not be read from the page")
        if not problems or time.monotonic() >= deadline:
            return charts, problems
        time.sleep(0.5)


STYLED = "getComputedStyle(document.body).fontFamily"


def check_style(tools):
    """The page's stylesheet applies: its strict Content-Security-Policy lets the dashboard's own CSS file in."""
    family = tools.evaluate(STYLED) or ""
    return [] if "system-ui" in family else [f"the dashboard's stylesheet did not apply (font-family {family!r})"]


def check_logout(tools, url):
    """'Afmelden' ends the session at the service and at Keycloak: the signed-out page, then the login page again."""
    target = urllib.parse.urlsplit(url)
    clicked = tools.evaluate("(() => { const a = [...document.querySelectorAll('a')].find(a => a.textContent === 'Afmelden');"
                             " if (a) { a.click(); return true; } return false; })()")
    if not clicked:
        return ["the dashboard has no 'Afmelden' link"]
    deadline = time.monotonic() + LOGIN_TIMEOUT
    state = None
    while time.monotonic() < deadline:
        state = tools.evaluate(PAGE_STATE)
        if state and state["readyState"] == "complete" and state["path"] == "/signed-out":
            break
        time.sleep(0.25)
    else:
        return [f"logging out did not end on /signed-out; the browser is at {state['href'] if state else '?'}"]
    print(f"logged out: {state['href']} ({state['title']})")
    tools.call("Page.navigate", url=url)
    deadline = time.monotonic() + LOGIN_TIMEOUT
    while time.monotonic() < deadline:
        state = tools.evaluate(PAGE_STATE)
        if state and state["readyState"] == "complete":
            if state["login"]:
                print(f"after the logout the dashboard asks for a login again ({state['host']})")
                return []
            if on_dashboard(state, target):
                return ["after the logout the dashboard opened without a login"]
        time.sleep(0.25)
    return [f"after the logout the browser is at {state['href'] if state else '?'}"]


def screenshot(tools, path):
    metrics = tools.call("Page.getLayoutMetrics")
    size = metrics.get("cssContentSize") or metrics.get("contentSize")
    viewport = metrics.get("cssLayoutViewport") or metrics.get("layoutViewport") or {}
    width = int(min(max(size["width"], viewport.get("clientWidth", 0), 1), 4000))
    height = int(min(max(size["height"], viewport.get("clientHeight", 0), 1), 8000))
    shot = tools.call("Page.captureScreenshot", timeout=30, format="png", captureBeyondViewport=True,
                      clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1})
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    with open(path, "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    return width, height


def stop(chromium):
    """Ends chromium and every process it spawned (its own session), KILL after a grace period."""
    if chromium is None:
        return

    def group_alive():
        chromium.poll()  # reap chromium itself, so that it does not count as alive
        try:
            os.killpg(chromium.pid, 0)
            return True
        except ProcessLookupError:
            return False

    for sig in (signal.SIGTERM, signal.SIGKILL):
        if not group_alive():
            return
        try:
            os.killpg(chromium.pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and group_alive():
            time.sleep(0.1)


def main(argv):
    referrals = [code for flag, code in zip(argv[5::2], argv[6::2]) if flag == "--referral"]
    if len(argv) < 5 or len(argv) != 5 + 2 * len(referrals):
        print("usage: python3 dashboard_check.py <dashboard-url> <username> <password> <screenshot.png> "
              "[--referral <school code>]...", file=sys.stderr)
        return 2
    url, username, password, png = argv[1:5]
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not browser:
        print("dashboard check: chromium is not installed (Debian: apt-get install chromium)", file=sys.stderr)
        return 1

    # a TERM or Ctrl-C still ends chromium and removes the profile (the finally below)
    def interrupted(signum, _frame):
        raise SystemExit(128 + signum)
    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGINT, interrupted)

    profile = tempfile.mkdtemp(prefix="dashboard-check-")
    log_path = os.path.join(profile, "chromium.log")
    chromium = tools = None
    try:
        port = free_port()
        with open(log_path, "wb") as log:
            chromium = launch(browser, port, profile, log)
        tools = DevTools(page_target(port, chromium, time.monotonic() + 30))
        tools.call("Page.enable")
        tools.call("Runtime.enable")
        tools.call("Network.enable")

        problems = []
        try:
            state = open_dashboard(tools, url, username, password)
            charts, problems = check_charts(tools)
            if referrals:
                problems += check_referrals(tools, referrals)
            problems += check_style(tools)
            if tools.documents and tools.documents[-1][1] >= 400:
                status = tools.documents[-1][1]
                hint = " (no redirect to the login page: the service did not start the code flow)" if status == 401 else ""
                problems.insert(0, f"the dashboard answered HTTP {status}{hint}")
            for chart in charts:
                if chart["found"]:
                    print(f"{chart['id']}: {chart['width']} x {chart['height']}, {chart['marks']} marks")
                else:
                    print(f"{chart['id']}: missing")
            print(f"title: {state['title']}")
        except CheckFailed as e:
            problems = [str(e)]
        try:
            width, height = screenshot(tools, png)
            print(f"screenshot: {png} ({width} x {height})")
        except (CheckFailed, OSError, KeyError) as e:
            problems.append(f"no screenshot: {e}")
        if not problems:
            problems += check_logout(tools, url)
        if problems:
            for problem in problems:
                print(f"dashboard check: {problem}", file=sys.stderr)
            if tools.documents:
                print("dashboard check: documents loaded: " + ", ".join(
                    f"{status} {url.split('?')[0]}" for url, status in tools.documents[-6:]), file=sys.stderr)
            return 1
        print("dashboard check: passed")
        return 0
    except (CheckFailed, OSError, websocket.WebSocketException) as e:
        print(f"dashboard check: {e}", file=sys.stderr)
        if os.path.exists(log_path):
            with open(log_path, errors="replace") as log:
                tail = log.read().splitlines()[-15:]
            if tail:
                print("chromium's output:\n  " + "\n  ".join(tail), file=sys.stderr)
        return 1
    finally:
        if tools:
            tools.close()
        stop(chromium)
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
