"""A field agent's day at 360 px, in Arabic and in French: a manager gives the agent their
commune on the members page; a coordinator prepares a delivery through the API (setup); then
the agent, on pages alone after signing in, finds the section at the top of the association's
home, registers a household with thumb-sized controls, and confirms the delivery with the
family's code. No page scrolls sideways; screenshots go to $TWIZA_ARTIFACTS."""

import json
import pathlib
import re
import tempfile
import time
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import chrome, demo_server, shot, sign_in, sign_out, submit, switch_language, wait

IGHIL = "07.041.07.05"


@pytest.fixture(scope="module")
def demo():
    data_dir = tempfile.mkdtemp(prefix="twiza-field-")
    with demo_server(data_dir) as (base, logins):
        yield base, logins, pathlib.Path(data_dir)


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


READ_CODES = set()
CODE = re.compile(r"(?<![\w-])\d{6}(?!\w)")


def last_code(data_dir):
    """The code of the newest text message, once the outbox's sender has sent it (it runs in
    the background: wait for a code not read before, at most 15 s)."""
    path = data_dir / "demo-phone.jsonl"
    deadline = time.time() + 15
    while True:
        phone = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []
        # Notices about the need (assigned, covered) go to the same phone: the code is in the
        # newest message that carries six digits on their own.
        codes = [m.group(0) for m in (CODE.search(p["text"]) for p in phone) if m]
        code = codes[-1] if codes else None
        if code and code not in READ_CODES:
            READ_CODES.add(code)
            return code
        assert time.time() < deadline, f"no new text message: {phone[-3:]}"
        time.sleep(0.2)


def no_sideways_scroll(driver):
    width = driver.execute_script("return document.documentElement.scrollWidth")
    view = driver.execute_script("return window.innerWidth")
    assert width <= view, f"{driver.current_url} scrolls sideways: {width} > {view}"


def prepare_delivery(base, logins, data_dir, lang):
    """The coordinator's setup through the API: a need in Ighil with the family's phone,
    pledged, goods in a warehouse, and a delivery whose code goes to the family."""
    coordinator = logins["coordinator"]
    org = coordinator["organization_id"]
    token = api(base, "POST", "/api/v1/tokens",
                body={"email": coordinator["email"], "password": coordinator["password"]})["token"]
    incident = api(base, "GET", "/api/v1/incidents")[0]["id"]
    need = api(base, "POST", f"/api/v1/incidents/{incident}/needs", body={
        "commune": IGHIL, "category": "food", "urgency": "critical", "households": 3,
        "contact_phone": "0661223355"})
    api(base, "POST", f"/api/v1/organizations/{org}/incidents/{incident}/pledges", token, {
        "need_id": need["id"], "commune": IGHIL, "category": "food", "households": 3,
        "description": "Paniers", "due_on": "2099-01-01"})
    warehouse = api(base, "POST", f"/api/v1/organizations/{org}/warehouses", token,
                    {"name": f"Dépôt terrain {lang}", "commune": "07.041.07.03"})["id"]
    api(base, "POST", f"/api/v1/organizations/{org}/stock", token,
        {"warehouse_id": warehouse, "item": "food_basket", "quantity": 50, "source": "purchase",
         "reference": f"TWZ-FLD-{lang}"})
    delivery = api(base, "POST", f"/api/v1/organizations/{org}/deliveries", token, {
        "incident_id": incident, "need_id": need["id"], "warehouse_id": warehouse,
        "item": "food_basket", "quantity": 3, "households": 3})
    return org, delivery["id"], last_code(data_dir)


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_a_field_agent_registers_a_household_and_confirms_a_delivery_at_360px(demo, lang):
    base, logins, data_dir = demo
    agent = logins["field_agent"]
    owner = logins["owner"]
    org, delivery, code = prepare_delivery(base, logins, data_dir, lang)

    # A manager gives the agent their commune on the members page.
    manager = chrome(width=1024)
    try:
        sign_in(manager, base, owner["email"], owner["password"])
        manager.get(f"{base}/associations/{org}/members")
        row = wait(manager, "table.stacked").find_element(
            By.XPATH, f"//tr[.//span[normalize-space()='{agent['email']}']]")
        field = row.find_element(By.CSS_SELECTOR, "input[name=communes]")
        field.clear()
        field.send_keys(IGHIL)
        row.find_element(By.CSS_SELECTOR, "form[action$='/communes'] button[type=submit]").click()
        wait(manager, "#done")
    finally:
        manager.quit()

    d = chrome(width=360)
    try:
        sign_in(d, base, agent["email"], agent["password"])
        if lang != "ar":
            switch_language(d, lang)
        home = f"/associations/{org}/manage"
        if not d.current_url.endswith(home):
            wait(d, f'a[href="{home}"]').click()
        wait(d, "#field-work")
        assert d.find_element(By.ID, "field-communes").is_displayed()
        no_sideways_scroll(d)
        shot(d, f"field-home-{lang}")

        # A household registered by thumb.
        d.find_element(By.ID, "field-register-household").click()
        wait(d, "#household-form")
        no_sideways_scroll(d)
        button = d.find_element(By.ID, "register")
        assert button.size["height"] >= 44, button.size
        d.find_element(By.ID, "commune").send_keys(IGHIL)
        d.find_element(By.ID, "douar").send_keys("Tikht")
        Select(d.find_element(By.ID, "housing_damage")).select_by_value("total")
        d.find_element(By.ID, "m1_given_name_ar").send_keys("فاطمة")
        d.find_element(By.ID, "m1_family_name_ar").send_keys("أيت علي")
        Select(d.find_element(By.ID, "m1_sex")).select_by_value("f")
        d.execute_script("arguments[0].value = '1980-03-01'", d.find_element(By.ID, "m1_birth_date"))
        Select(d.find_element(By.ID, "m1_relation")).select_by_value("head")
        shot(d, f"field-household-form-{lang}")
        button = d.find_element(By.ID, "register")
        d.execute_script("arguments[0].scrollIntoView()", button)
        button.click()
        wait(d, "#done")
        no_sideways_scroll(d)
        shot(d, f"field-household-registered-{lang}")

        # The delivery, from the agent's home, confirmed with the family's code.
        d.get(base + home)
        link = wait(d, f"#field-delivery-{delivery}")
        assert link.size["height"] >= 44, link.size
        link.click()
        wait(d, "#confirm-form")
        no_sideways_scroll(d)
        d.find_element(By.ID, "code").send_keys(code)
        shot(d, f"field-delivery-code-{lang}")
        d.find_element(By.ID, "confirm-submit").click()
        wait(d, "#done")
        no_sideways_scroll(d)
        shot(d, f"field-delivery-confirmed-{lang}")
        sign_out(d)
    finally:
        d.quit()
