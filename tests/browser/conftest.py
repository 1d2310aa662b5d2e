"""Shared fixtures and helpers of the browser tests: the `twiza demo` server (one per test
module), an SMTP server on this machine that keeps the messages it receives (aiosmtpd),
headless Chromium with and without JavaScript, screenshots to $TWIZA_ARTIFACTS/screenshots,
page helpers (waiting, languages, forms, signing in and out), and the audit of every page the
tests see: axe-core finds no serious or critical violation, and the page weighs at most 30 KB
transferred compressed (images excluded). Each audit is appended to
$TWIZA_ARTIFACTS/page-audit.jsonl."""

import contextlib
import email
import email.policy
import json
import os
import pathlib
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("TWIZA_BIN", str(ROOT / "target" / "debug" / "twiza"))
ARTIFACTS = pathlib.Path(os.environ.get("TWIZA_ARTIFACTS", ROOT / "ci-artifacts"))
SHOTS = ARTIFACTS / "screenshots"
AXE = ROOT / ".ci" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
# The page budget of PAGES.md: 30 KB transferred compressed, images excluded.
PAGE_BUDGET = 30 * 1024


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Mailbox:
    """What an SMTP server on this machine received: each message parsed (`email.message`)."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"

    def wait_for(self, to, timeout=30):
        """The first message to `to`, waiting for it to arrive."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for m in self.messages:
                if to in str(m["To"]):
                    return m
            time.sleep(0.2)
        raise AssertionError(f"no message to {to} arrived; got {[str(m['To']) for m in self.messages]}")


@contextlib.contextmanager
def smtp_server():
    """An SMTP server (aiosmtpd) on a free port of this machine; yields its port and mailbox."""
    from aiosmtpd.controller import Controller

    mailbox = Mailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, mailbox
    finally:
        controller.stop()


@contextlib.contextmanager
def demo_server(data_dir, smtp_port=None):
    """Runs `twiza demo` on a free port over `data_dir` until the block ends (sending e-mail to
    the SMTP server on `smtp_port` if given); yields the base URL and the demo logins by role."""
    port = free_port()
    log = open(pathlib.Path(data_dir) / "server.log", "w")
    command = [BIN, "demo", "--data-dir", data_dir, "--listen", f"127.0.0.1:{port}"]
    if smtp_port is not None:
        command += ["--smtp", f"127.0.0.1:{smtp_port}"]
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/readyz", timeout=1) as r:
                    if r.read() == b"ready":
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("twiza demo did not start: " + (pathlib.Path(data_dir) / "server.log").read_text())
            time.sleep(0.2)
        logins = json.loads((pathlib.Path(data_dir) / "demo-logins.json").read_text())
        # By role (one login each, but for authorities) and by e-mail.
        # By role the first login of each role (the main association's), and by e-mail.
        yield base, {l["role"]: l for l in reversed(logins)} | {l["email"]: l for l in logins}
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
    # The server never panics, whatever the tests sent it.
    panics = [l for l in (pathlib.Path(data_dir) / "server.log").read_text().splitlines() if "panicked" in l]
    assert not panics, "the server panicked:\n" + "\n".join(panics)


@pytest.fixture(scope="module")
def demo():
    with demo_server(tempfile.mkdtemp(prefix="twiza-browser-")) as running:
        yield running


def chrome(javascript=True, width=412, downloads=None, performance_log=False):
    options = webdriver.ChromeOptions()
    if performance_log:
        # DevTools' network events, read back with driver.get_log("performance").
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--window-size={width},915", f"--user-data-dir={tempfile.mkdtemp(prefix='chrome-')}"]:
        options.add_argument(flag)
    # A phone set up in Morocco: Arabic first, then French.
    options.add_argument("--lang=ar-MA")
    prefs = {"intl.accept_languages": "ar-MA,ar,fr"}
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    if downloads:
        prefs["download.default_directory"] = downloads
        prefs["download.prompt_for_download"] = False
    options.add_experimental_option("prefs", prefs)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    if width < 500:
        # Headless Chromium keeps its window at least 500 px wide: a narrower phone is emulated,
        # so that pages are laid out (and screenshots taken) at the phone's width.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    # axe-core runs as a script: pages seen without JavaScript are audited where the tests see
    # them with it.
    driver.twiza_audits = javascript
    return driver


@pytest.fixture
def browser():
    driver = chrome()
    yield driver
    driver.quit()


def shot(driver, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    audit(driver)
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


def wait(driver, css):
    try:
        found = WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, css)))
    except Exception as e:
        raise AssertionError(f"{css} not found on {driver.current_url}: {driver.page_source[:1500]}") from e
    audit(driver)
    return found


# What each browser has already audited: (address, language, page text digest).
_AUDITED = {}

# The weight of the page as it came over the wire: the document and every resource but images,
# compressed bodies (a resource served from the cache still counts).
_WEIGHT = """
const nav = performance.getEntriesByType('navigation')[0];
let bytes = nav ? nav.encodedBodySize : 0;
for (const r of performance.getEntriesByType('resource')) {
  if (r.initiatorType !== 'img' && !/\\.(png|jpe?g|webp|gif|svg)(\\?|$)/.test(r.name)) bytes += r.encodedBodySize;
}
return bytes;
"""


def audit(driver):
    """Runs axe-core on the page in view and measures its weight, once per page state; fails on a
    serious or critical violation or a page over the budget. Pages whose document is not HTML
    (a file download shown inline) are left alone."""
    if not getattr(driver, "twiza_audits", True):
        return
    if not driver.execute_script("return document.contentType === 'text/html' && document.readyState === 'complete'"):
        return
    url = driver.current_url
    lang = driver.execute_script("return document.documentElement.lang")
    digest = driver.execute_script("return document.body ? document.body.innerText.length : 0")
    seen = _AUDITED.setdefault(id(driver), set())
    if (url, lang, digest) in seen:
        return
    seen.add((url, lang, digest))
    if not driver.execute_script("return typeof axe !== 'undefined'"):
        driver.execute_script(AXE.read_text())
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations), e => done(String(e)));")
    assert isinstance(result, list), f"axe-core failed on {url}: {result}"
    grave = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result if v.get("impact") in ("serious", "critical")
    ]
    weight = driver.execute_script(_WEIGHT)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with open(ARTIFACTS / "page-audit.jsonl", "a") as f:
        f.write(json.dumps({"url": url, "lang": lang, "bytes": weight,
                            "violations": [{"id": v["id"], "impact": v["impact"]} for v in result]}) + "\n")
    assert not grave, f"accessibility violations on {url} ({lang}): {json.dumps(grave, ensure_ascii=False)}"
    assert weight <= PAGE_BUDGET, f"{url} ({lang}) weighs {weight} bytes compressed, over {PAGE_BUDGET}"


def html_attrs(driver):
    root = driver.find_element(By.TAG_NAME, "html")
    return root.get_attribute("lang"), root.get_attribute("dir")


def switch_language(driver, tag):
    driver.find_element(By.CSS_SELECTOR, f'a[data-lang="{tag}"]').click()
    wait(driver, f'html[lang="{tag}"]')


def submit(driver, form_css):
    driver.find_element(By.CSS_SELECTOR, f"{form_css} button[type=submit]").click()


def sign_out(driver):
    driver.find_element(By.CSS_SELECTOR, 'form[action="/sign-out"] button').click()
    wait(driver, 'a[href="/sign-in"]')


def sign_in(driver, base, email, password):
    driver.get(base + "/sign-in")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(password)
    submit(driver, 'form[action="/sign-in"]')
    wait(driver, 'form[action="/sign-out"]')
