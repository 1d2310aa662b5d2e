# Browser tests of "verify a donation" (/verify, /static/verify.js) and the treasurer's printable receipt.
"""A genuine receipt is accepted by the server and again by the in-browser check (Web Crypto:
Ed25519 signed note, RFC 9162 inclusion and consistency proofs, donor commitment) in Arabic and
French; forged receipts fail on the check they break, in both; without JavaScript the server's
answer stands alone; the treasurer signs in and opens the printable receipt, whose file verifies."""

import base64
import copy
import json
import subprocess
import tempfile
import urllib.error
import urllib.request

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import BIN, chrome, demo_server, html_attrs, shot, sign_in, switch_language, wait

# The checks of a receipt, in the order both verifiers list them.
CHECKS = ["readable", "key", "signature", "leaf", "inclusion", "donor", "consistency"]
FORM = "#donation-verify-form"


@pytest.fixture(scope="module")
def demo():
    """The demo, signing its log with a key whose verifier key has a '+' in its base64 part
    (about one key in two does): '+' also separates the verifier key's fields, so this is the
    case a careless parser gets wrong, and the test should not depend on the luck of the draw."""
    for _ in range(64):
        data_dir = tempfile.mkdtemp(prefix="twiza-browser-verify-")
        out = subprocess.run([BIN, "keygen", "--data-dir", data_dir], check=True, capture_output=True, text=True).stdout
        verifier = out.split("verifier key:")[1].strip()
        if "+" in verifier.split("+", 2)[2]:
            break
    else:
        raise RuntimeError("no log key with '+' in its base64 after 64 tries")
    with demo_server(data_dir) as running:
        yield running


def api(base, method, path, token=None, body=None):
    request = urllib.request.Request(base + path, method=method)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, data, timeout=10) as r:
        return json.loads(r.read())


@pytest.fixture(scope="module")
def treasury(demo):
    """The treasurer's login, and the JSON receipt of the first money donation of their
    association, read through the API like the treasury would."""
    base, logins = demo
    treasurer = logins["treasurer"]
    org = treasurer["organization_id"]
    token = api(base, "POST", "/api/v1/tokens", body={"email": treasurer["email"], "password": treasurer["password"]})["token"]
    codes = {c["code"] for c in api(base, "GET", f"/api/v1/organizations/{org}/campaigns", token)}
    assert "TWZ-ASN1" in codes, codes
    for donation_id in range(1, 50):
        try:
            receipt = api(base, "GET", f"/api/v1/donations/{donation_id}/receipt", token)
        except urllib.error.HTTPError as e:
            if e.code == 409:  # not confirmed (yet): no receipt
                continue
            raise
        if receipt["kind"] == "money":
            break
    else:
        raise AssertionError("no confirmed money donation among the first 49 of the demo")
    assert receipt["organization_id"] == org and receipt["campaign_code"] in codes
    assert "+" in receipt["log_key"].split("+", 2)[2]
    return treasurer, receipt


def paste_and_check(driver, base, receipt_text):
    """Opens /verify, types the receipt into the form as a donor would paste it, submits."""
    driver.get(base + "/verify")
    area = wait(driver, f"{FORM} textarea#receipt")
    area.clear()
    area.send_keys(receipt_text)
    driver.find_element(By.CSS_SELECTOR, f"{FORM} button[type=submit]").click()
    return wait(driver, "#server-result")


def server_checks(driver):
    """The server's checks by name (its list has one line per check, in CHECKS order)."""
    items = driver.find_elements(By.CSS_SELECTOR, "#server-result ul.checks li")
    assert len(items) == len(CHECKS), [i.text for i in items]
    return [(name, item.get_attribute("class")) for name, item in zip(CHECKS, items)]


def browser_checks(driver):
    """Waits for verify.js to finish, then returns its verdict and its checks by name."""
    try:
        out = WebDriverWait(driver, 10).until(
            lambda d: d.find_element(By.CSS_SELECTOR, "#browser-result[data-verdict]"))
    except TimeoutException as e:
        raise AssertionError(f"verify.js gave no verdict within 10 s on {driver.current_url}: "
                             + driver.find_element(By.ID, "browser-result").get_attribute("outerHTML")[:600]) from e
    assert out.is_displayed(), "#browser-result stays hidden"
    items = out.find_elements(By.CSS_SELECTOR, "ul.checks li")
    return out.get_attribute("data-verdict"), [(i.get_attribute("data-check"), i.get_attribute("class")) for i in items]


def expect(failing=()):
    """Every check by name, in order, with the class it should have."""
    return [(name, "fail" if name in failing else "ok") for name in CHECKS]


def forged_leaf(receipt):
    """The same receipt claiming ten times the amount, inside the logged leaf too."""
    forged = copy.deepcopy(receipt)
    leaf = base64.b64decode(receipt["leaf"]).decode()
    amount = json.loads(leaf)["amount"]
    centimes = int(amount.replace(".", "")) * 10
    bigger = f"{centimes // 100}.{centimes % 100:02d}"
    assert f'"amount":"{amount}"' in leaf
    forged["leaf"] = base64.b64encode(leaf.replace(f'"amount":"{amount}"', f'"amount":"{bigger}"').encode()).decode()
    forged["amount"] = bigger
    return forged


def forged_secret(receipt):
    """The same receipt with someone else's secret (one hex digit changed)."""
    forged = copy.deepcopy(receipt)
    s = receipt["receipt_secret"]
    forged["receipt_secret"] = s[:-1] + ("0" if s[-1] != "0" else "1")
    return forged


def test_a_genuine_receipt_verifies_on_the_server_and_in_the_browser(demo, treasury, browser):
    base, _ = demo
    _, receipt = treasury
    d = browser

    # Arabic (the default), right to left; the receipt pasted as the downloaded file reads.
    result = paste_and_check(d, base, json.dumps(receipt, indent=2))
    assert html_attrs(d) == ("ar", "rtl")
    assert result.get_attribute("data-verdict") == "ok"
    assert server_checks(d) == expect()
    verdict, checks = browser_checks(d)
    assert (verdict, checks) == ("ok", expect())
    d.execute_script("document.getElementById('browser-result').scrollIntoView()")
    shot(d, "verify-01-genuine-ar")

    # French: the same receipt, checked again (this browser now remembers the log's key and the
    # checkpoint it saw, so consistency is also checked from that one).
    assert d.execute_script("return localStorage.getItem('twiza-log-key')") == receipt["log_key"]
    switch_language(d, "fr")
    assert html_attrs(d) == ("fr", "ltr")
    result = paste_and_check(d, base, json.dumps(receipt))
    assert result.get_attribute("data-verdict") == "ok"
    assert server_checks(d) == expect()
    verdict, checks = browser_checks(d)
    assert (verdict, checks) == ("ok", expect())
    assert d.find_element(By.CSS_SELECTOR, "#browser-result h2").text == "Vérifié indépendamment par votre navigateur"
    d.execute_script("document.getElementById('browser-result').scrollIntoView()")
    shot(d, "verify-02-genuine-fr")


@pytest.mark.parametrize("forge, failing", [
    (forged_leaf, {"leaf", "inclusion"}),
    (forged_secret, {"donor"}),
], ids=["amount-in-leaf", "receipt-secret"])
def test_a_forged_receipt_fails_where_it_was_forged(demo, treasury, browser, forge, failing):
    base, _ = demo
    _, receipt = treasury
    d = browser
    expected = expect(failing)

    result = paste_and_check(d, base, json.dumps(forge(receipt), indent=2))
    assert result.get_attribute("data-verdict") == "failed"
    assert server_checks(d) == expected
    verdict, checks = browser_checks(d)
    assert (verdict, checks) == ("failed", expected)
    d.execute_script("document.getElementById('browser-result').scrollIntoView()")
    shot(d, f"verify-03-forged-{forge.__name__.removeprefix('forged_')}")


def test_without_javascript_the_server_answers_alone(demo, treasury):
    base, _ = demo
    _, receipt = treasury
    d = chrome(javascript=False)
    try:
        result = paste_and_check(d, base, json.dumps(receipt))
        assert html_attrs(d) == ("ar", "rtl")
        assert result.get_attribute("data-verdict") == "ok"
        assert server_checks(d) == expect()
        assert d.find_elements(By.CSS_SELECTOR, 'script[src="/static/verify.js"]'), "the page should offer the script"
        out = d.find_element(By.ID, "browser-result")
        # With JavaScript the browser's verdict comes well within this time.
        with pytest.raises(TimeoutException):
            WebDriverWait(d, 3).until(lambda drv: out.get_attribute("data-verdict") or out.is_displayed())
        assert out.get_attribute("hidden") is not None and not out.find_elements(By.CSS_SELECTOR, "li")
        shot(d, "verify-04-no-javascript")
    finally:
        d.quit()


def test_the_treasurer_opens_the_printable_receipt(demo, treasury, browser):
    base, _ = demo
    treasurer, receipt = treasury
    d = browser
    donation_id = receipt["donation_id"]

    sign_in(d, base, treasurer["email"], treasurer["password"])
    d.get(f"{base}/donations/{donation_id}/receipt")
    wait(d, "article.receipt")
    page = d.find_element(By.CSS_SELECTOR, "article.receipt").text
    assert receipt["receipt_secret"] in page
    assert receipt["campaign_code"] in page and receipt["leaf_hash"] in page
    link = d.find_element(By.CSS_SELECTOR, f'a[href="/donations/{donation_id}/receipt.json"]')
    assert link.get_attribute("download") is not None
    shot(d, "verify-05-printable-receipt-ar")

    # The file behind the link (read with the session, as the download would be) is the receipt,
    # and it verifies on /verify.
    text = d.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0]).then(r => r.text()).then(done, e => done('error: ' + e));",
        f"/donations/{donation_id}/receipt.json")
    downloaded = json.loads(text)
    assert downloaded["receipt_secret"] == receipt["receipt_secret"]
    assert downloaded["leaf"] == receipt["leaf"] and downloaded["donation_id"] == donation_id
    result = paste_and_check(d, base, text)
    assert result.get_attribute("data-verdict") == "ok"
    assert browser_checks(d) == ("ok", expect())
