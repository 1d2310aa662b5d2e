"""Crisis coordination in Chromium: the incident's map and gaps (screenshots in Arabic and in
French kept as CI artifacts), and a need followed from the public form to covered, in Arabic and
in French, while an association's coordinator pledges through the API and delivers with the
proof of a one-time code sent to the family's phone."""

import json
import pathlib
import re
import tempfile
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import demo_server, shot, submit, switch_language, wait


@pytest.fixture(scope="module")
def demo():
    """A demo server, with the file where its log-only SMS gateway delivers text messages (the
    demo's stand-in for the family's phone) and its log."""
    data_dir = tempfile.mkdtemp(prefix="twiza-crisis-")
    with demo_server(data_dir) as (base, logins):
        yield base, logins, pathlib.Path(data_dir)


def last_code(data_dir):
    """The delivery code of the last text message, read from the demo's phone file; the
    server's log holds the message with its code masked, and never the number."""
    phone = [json.loads(l) for l in (data_dir / "demo-phone.jsonl").read_text(encoding="utf-8").splitlines()]
    assert phone, "a text message was sent"
    code = re.search(r"\d{6}", phone[-1]["text"]).group(0)
    logged = [l for l in (data_dir / "server.log").read_text(encoding="utf-8").splitlines() if "log-only gateway" in l]
    assert logged, "the text message was logged"
    assert "+212" not in logged[-1], "the number is never logged"
    assert code not in logged[-1], "the code is never logged"
    return code


def api(base, method, path, token=None, body=None):
    request = urllib.request.Request(base + path, method=method)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, data, timeout=10) as r:
        text = r.read()
        return json.loads(text) if text else None


def incident_id(base):
    incidents = api(base, "GET", "/api/v1/incidents")
    assert incidents, "the demo declares an incident"
    return incidents[0]["id"]


def test_the_map_and_the_gaps_at_a_glance(demo, browser):
    base, _, _ = demo
    browser.get(base + "/incidents")
    wait(browser, 'a[href^="/incidents/"]').click()
    wait(browser, "svg.map circle")
    places = browser.find_elements(By.CSS_SELECTOR, "svg.map circle.place")
    assert len(places) >= 15
    # Remote communes wait while the easy valleys are crowded: both show on the map.
    assert browser.find_elements(By.CSS_SELECTOR, "svg.map path.commune.gap")
    assert browser.find_elements(By.CSS_SELECTOR, "svg.map .oversupply")
    rows = browser.find_elements(By.CSS_SELECTOR, "#coverage tbody tr")
    gaps = [int("".join(ch for ch in r.find_elements(By.TAG_NAME, "td")[6].text if ch.isdigit()) or 0)
            for r in rows]
    assert gaps == sorted(gaps, reverse=True) and gaps[0] > 0, gaps
    assert browser.find_elements(By.CSS_SELECTOR, "#three-w tbody tr")
    shot(browser, "incident-map-ar")
    switch_language(browser, "fr")
    wait(browser, "svg.map circle")
    assert "Écarts par commune" in browser.page_source
    shot(browser, "incident-map-fr")


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_a_need_from_the_public_form_to_delivered_with_proof(demo, browser, lang):
    base, logins, data_dir = demo
    incident = incident_id(base)
    browser.get(f"{base}/incidents/{incident}")
    if lang != "ar":
        switch_language(browser, lang)
    browser.find_element(By.CSS_SELECTOR, f'a[href="/incidents/{incident}/report"]').click()
    wait(browser, "select#commune")
    Select(browser.find_element(By.ID, "commune")).select_by_value("07.041.07.05")
    browser.find_element(By.CSS_SELECTOR, 'input[name="category"][value="water"]').click()
    browser.find_element(By.CSS_SELECTOR, 'input[name="urgency"][value="critical"]').click()
    browser.find_element(By.ID, "households").send_keys("7")
    browser.find_element(By.ID, "contact_phone").send_keys("06 61 22 33 44")
    submit(browser, f'form[action="/incidents/{incident}/needs"]')
    status = wait(browser, "#need-status")
    assert status.get_attribute("data-status") == "reported"
    reference = browser.find_element(By.ID, "need-reference").text.strip()
    assert reference.startswith("N-")
    assert "61 22 33 44" not in browser.page_source
    shot(browser, f"need-reported-{lang}")

    # The association's coordinator finds it, pledges, reads the contact and delivers.
    coordinator = logins["coordinator"]
    org = coordinator["organization_id"]
    token = api(base, "POST", "/api/v1/tokens",
                body={"email": coordinator["email"], "password": coordinator["password"]})["token"]
    need, after = None, 0
    while need is None:
        page = api(base, "GET", f"/api/v1/incidents/{incident}/needs?commune=07.041.07.05&category=water&limit=500&after={after}")
        assert page, "the reported need is listed"
        need = next((n for n in page if n["reference"] == reference), None)
        after = page[-1]["id"]
    receipt = api(base, "POST", f"/api/v1/organizations/{org}/incidents/{incident}/pledges", token, {
        "need_id": need["id"], "commune": "07.041.07.05", "category": "water", "households": 7,
        "description": "Citernes d'eau", "due_on": "2099-01-01"})
    contact = api(base, "GET", f"/api/v1/organizations/{org}/needs/{need['id']}/contact", token)
    assert contact["phone"] == "+212661223344"
    browser.refresh()
    WebDriverWait(browser, 10).until(
        lambda d: d.find_element(By.ID, "need-status").get_attribute("data-status") == "assigned")

    # The goods leave the association's warehouse; the family's phone receives the code, which
    # the field agent types in at the door.
    warehouse = api(base, "POST", f"/api/v1/organizations/{org}/warehouses", token,
                    {"name": f"Dépôt mobile {lang}", "commune": "07.041.07.03"})["id"]
    api(base, "POST", f"/api/v1/organizations/{org}/stock", token,
        {"warehouse_id": warehouse, "item": "water", "quantity": 500, "source": "purchase", "reference": "TWZ-ASN1"})
    delivery = api(base, "POST", f"/api/v1/organizations/{org}/deliveries", token, {
        "incident_id": incident, "need_id": need["id"], "warehouse_id": warehouse, "item": "water",
        "quantity": 140, "households": 7})
    assert delivery["code_sent_to"].endswith("44")
    proof = api(base, "POST", f"/api/v1/organizations/{org}/deliveries/{delivery['id']}/confirm", token,
                {"code": last_code(data_dir)})
    assert proof["status"] == "delivered"
    leaf = api(base, "GET", f"/api/v1/log/entries/{proof['leaf_index']}")
    assert leaf["leaf_hash"]
    browser.refresh()
    status = wait(browser, '#need-status[data-status="covered"]')
    expected = {"ar": "تمت تغطيته", "fr": "Couvert"}[lang]
    assert status.text.strip() == expected
    shot(browser, f"need-delivered-{lang}")
