"""The offline field app in headless Chromium at 360 px, with the network switched off through
DevTools (`Network.emulateNetworkConditions`): the agent opens the app (installed by its
service worker), records three assessments, a household and two delivery confirmations with
the network off, reloads while still offline (the records are still there, and every screen
comes from the cache), goes back online, and everything syncs once: the wrong code is refused
with its reason next to its record, and a second sync sends nothing. The first load is
measured (bytes transferred, compressed) and written to
$TWIZA_ARTIFACTS/field-app-first-load.json."""

import json
import pathlib
import tempfile

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import ARTIFACTS, chrome, demo_server, shot, sign_in, switch_language, wait
from test_field import IGHIL, api, prepare_delivery

CIN = "EE765432"


@pytest.fixture(scope="module")
def demo():
    data_dir = tempfile.mkdtemp(prefix="twiza-field-app-")
    with demo_server(data_dir) as (base, logins):
        yield base, logins, pathlib.Path(data_dir)


def network_events(driver):
    """The DevTools network events logged since the last call."""
    return [json.loads(entry["message"])["message"] for entry in driver.get_log("performance")]


def sync_posts(events):
    return [e for e in events if e["method"] == "Network.requestWillBeSent"
            and e["params"]["request"]["method"] == "POST" and "/sync" in e["params"]["request"]["url"]]


def offline(driver, off):
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": off, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})


def ready(driver):
    return wait(driver, '#field-app[data-ready="1"]')


def until(driver, script, timeout=20):
    WebDriverWait(driver, timeout).until(lambda d: d.execute_script(script))


def saved(driver, n):
    """Waits until the screen has saved its n-th record on the phone."""
    until(driver, f"return document.getElementById('field-app').dataset.saved === '{n}'")


def device_records(driver):
    """Everything the app keeps in IndexedDB, as JSON text."""
    return driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const open = indexedDB.open("twiza-field", 1);
        open.onsuccess = () => {
          const tx = open.result.transaction(["records", "kv"], "readonly");
          const records = tx.objectStore("records").getAll();
          const bundle = tx.objectStore("kv").get("bundle");
          tx.oncomplete = () => done(JSON.stringify({records: records.result, bundle: bundle.result}));
        };
        open.onerror = () => done("");""")


def needs_in_ighil(base, incident):
    """The incident's needs in Ighil the server lists, every page of them."""
    ids, after = [], 0
    while True:
        page = api(base, "GET", f"/api/v1/incidents/{incident}/needs?commune={IGHIL}&limit=100&after={after}")
        ids += [n["id"] for n in page]
        if len(page) < 100:
            return ids
        after = page[-1]["id"]


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_the_field_app_records_offline_and_syncs_once(demo, lang):
    base, logins, data_dir = demo
    agent = logins["field_agent"]
    owner = logins["owner"]
    org, good, code = prepare_delivery(base, logins, data_dir, f"app-1-{lang}")
    _, bad, other_code = prepare_delivery(base, logins, data_dir, f"app-2-{lang}")
    wrong = "000000" if other_code != "000000" else "111111"

    # A manager gives the agent Ighil on the members page.
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

    d = chrome(width=360, performance_log=True)
    try:
        sign_in(d, base, agent["email"], agent["password"])
        if lang != "ar":
            switch_language(d, lang)
        # The agent's association links to the app: the first load, measured from DevTools'
        # network events, starts with that click.
        wait(d, f'a[href="/associations/{org}/manage"]').click()
        link = wait(d, "#field-app-link")
        network_events(d)
        link.click()
        ready(d)
        assert d.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
        until(d, "return document.getElementById('field-app').dataset.sync === 'done'")
        events = network_events(d)
        first_load = sum(e["params"]["encodedDataLength"] for e in events
                         if e["method"] == "Network.loadingFinished")
        requests = sorted({e["params"]["request"]["url"].replace(base, "") for e in events
                           if e["method"] == "Network.requestWillBeSent"})
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        report = {"bytes": first_load, "compressed": True, "requests": requests,
                  "measure": "sum of encodedDataLength of Network.loadingFinished, headless Chromium, "
                             "python3 -m pytest tests/browser/test_field_app.py"}
        name = "field-app-first-load.json" if lang == "ar" else f"field-app-first-load-{lang}.json"
        (ARTIFACTS / name).write_text(json.dumps(report, indent=2))
        print(f"field app first load: {first_load} bytes transferred over {len(requests)} requests")
        assert first_load < 60 * 1024, report
        # The service worker is active and controls the page.
        d.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "navigator.serviceWorker.ready.then(() => done(true));")
        d.refresh()
        ready(d)
        until(d, "return navigator.serviceWorker.controller !== null")
        shot(d, f"field-app-home-online-{lang}")
        assert CIN not in device_records(d)
        bundle = json.loads(device_records(d))["bundle"]
        assert [x["id"] for x in bundle["deliveries"]][:2] == [good, bad] or \
            {good, bad} <= {x["id"] for x in bundle["deliveries"]}
        # The assessments go to the incident the form offers first.
        incident = bundle["incidents"][0]["id"]
        needs_before = needs_in_ighil(base, incident)

        # The network goes; three assessments.
        offline(d, True)
        until(d, "return navigator.onLine === false")
        d.find_element(By.ID, "nav-assessment").click()
        ready(d)
        for n, households in enumerate(["4", "9", "15"], start=1):
            Select(d.find_element(By.ID, "commune")).select_by_value(IGHIL)
            d.find_element(By.ID, "households").send_keys(households)
            d.find_element(By.ID, "save-record").click()
            saved(d, n)
        shot(d, f"field-app-assessment-offline-{lang}")

        # A household with its head, and her identity card number.
        d.find_element(By.ID, "nav-household").click()
        ready(d)
        Select(d.find_element(By.ID, "commune")).select_by_value(IGHIL)
        d.find_element(By.ID, "douar").send_keys("Tikht")
        Select(d.find_element(By.ID, "housing_damage")).select_by_value("total")
        d.find_element(By.ID, "m1-given_name_ar").send_keys("فاطمة")
        d.find_element(By.ID, "m1-family_name_ar").send_keys("أيت علي")
        Select(d.find_element(By.ID, "m1-sex")).select_by_value("f")
        d.execute_script("arguments[0].value = '1980-03-01'", d.find_element(By.ID, "m1-birth_date"))
        Select(d.find_element(By.ID, "m1-relation")).select_by_value("head")
        d.find_element(By.ID, "m1-cin").send_keys(CIN)
        # A second member, in a row the app adds.
        d.find_element(By.ID, "add-member").click()
        d.find_element(By.ID, "m2-given_name_ar").send_keys("يوسف")
        d.find_element(By.ID, "m2-family_name_ar").send_keys("أيت علي")
        Select(d.find_element(By.ID, "m2-sex")).select_by_value("m")
        d.execute_script("arguments[0].value = '2015-05-05'", d.find_element(By.ID, "m2-birth_date"))
        Select(d.find_element(By.ID, "m2-relation")).select_by_value("child")
        assert d.find_element(By.CSS_SELECTOR, "label[for=m2-cin]")
        button = d.find_element(By.ID, "save-record")
        d.execute_script("arguments[0].scrollIntoView()", button)
        button.click()
        saved(d, 1)

        # Two deliveries confirmed with the family's code: one right, one wrong.
        d.find_element(By.ID, "nav-delivery").click()
        ready(d)
        for n, (delivery, typed) in enumerate([(good, code), (bad, wrong)], start=1):
            Select(d.find_element(By.ID, "delivery")).select_by_value(str(delivery))
            d.find_element(By.ID, "code").send_keys(typed)
            d.find_element(By.ID, "save-record").click()
            saved(d, n)
        shot(d, f"field-app-delivery-offline-{lang}")

        # Reloaded while offline: every screen comes from the cache, the records are still there.
        for path in ["/field/assessment", "/field/household", "/field/delivery", "/field/device", "/field/"]:
            d.get(base + path)
            ready(d)
            assert d.execute_script(
                "return performance.getEntriesByType('navigation')[0].workerStart > 0"), path
        d.refresh()
        ready(d)
        waiting = d.find_elements(By.CSS_SELECTOR, '#list-waiting li[data-status="waiting"]')
        assert len(waiting) == 6, d.find_element(By.ID, "list-waiting").text
        assert not sync_posts(network_events(d)), "nothing was sent while offline"
        shot(d, f"field-app-waiting-offline-{lang}")

        # Back online: everything goes once; the wrong code is refused next to its record.
        offline(d, False)
        until(d, "return document.querySelectorAll('#list-sent li[data-status=\"sent\"]').length === 5")
        until(d, "return document.getElementById('field-app').dataset.sync === 'done'")
        posts = sync_posts(network_events(d))
        assert len(posts) == 1, [p["params"]["request"]["url"] for p in posts]
        refused = d.find_elements(By.CSS_SELECTOR, '#list-refused li[data-status="refused"]')
        assert len(refused) == 1
        reason = refused[0].find_element(By.CSS_SELECTOR, "p.error")
        assert reason.get_attribute("data-code") == "proof_code_wrong"
        assert reason.text.strip(), "the reason is said"
        references = [e.text for e in d.find_elements(By.CSS_SELECTOR, "#list-sent .reference")]
        assert len(set(references)) == 5, references
        assert CIN not in device_records(d), "the identity card number left with its record"
        assert d.find_elements(By.CSS_SELECTOR, "#list-waiting li[data-status]") == []
        shot(d, f"field-app-synced-{lang}")

        # A second sync sends nothing.
        d.find_element(By.ID, "sync-now").click()
        until(d, "return document.getElementById('field-app').dataset.lastBatch === '0'")
        assert not sync_posts(network_events(d)), "a second sync sent something"

        # What the phone holds.
        d.find_element(By.ID, "nav-device").click()
        ready(d)
        assert d.find_element(By.ID, "holds-waiting").text == "0"
        assert d.find_element(By.ID, "holds-identifiers").text == "0"
        assert d.find_element(By.ID, "holds-sent").text == "5"
        shot(d, f"field-app-device-{lang}")

        # On the server too, once: three new needs, one household with its two members, and
        # the delivery confirmed with the right code delivered (the other not).
        d.find_element(By.ID, "nav-home").click()
        ready(d)
        household_ref = d.find_element(
            By.CSS_SELECTOR, '#list-sent li[data-kind="household"] .reference').text
        new_needs = set(needs_in_ighil(base, incident)) - set(needs_before)
        assert len(new_needs) == 3, new_needs
        d.get(f"{base}/associations/{org}/households?reference={household_ref}")
        rows = d.find_elements(By.CSS_SELECTOR, "tbody tr[id^=household-]")
        assert len(rows) == 1, [r.text for r in rows]
        members = rows[0].find_element(By.CSS_SELECTOR, "td:nth-child(4)").text
        assert members.strip() == "2", members
        d.get(f"{base}/associations/{org}/deliveries/{good}")
        status = wait(d, "#delivery-status strong").get_attribute("class")
        assert status == "status-delivered", status
        d.get(f"{base}/associations/{org}/deliveries/{bad}")
        assert wait(d, "#delivery-status strong").get_attribute("class") != "status-delivered"
    finally:
        d.quit()
