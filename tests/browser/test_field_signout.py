"""Signing out from a workspace page, on a phone where the offline field app still keeps a
record waiting to be sent: the agent is asked first (sign-out clears the site's storage, and
the record with it); declining keeps the session and the record, accepting signs out and
clears them."""

import pathlib
import tempfile

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from conftest import chrome, demo_server, sign_in, wait


@pytest.fixture(scope="module")
def demo():
    data_dir = tempfile.mkdtemp(prefix="twiza-field-signout-")
    with demo_server(data_dir) as (base, logins):
        yield base, logins, pathlib.Path(data_dir)


WAITING = """
    const done = arguments[arguments.length - 1];
    const open = indexedDB.open("twiza-field");
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains("records")) return done(-1);
      const all = db.transaction("records", "readonly").objectStore("records").getAll();
      all.onsuccess = () => done(all.result.filter((r) => r.status === arguments[0]).length);
    };
    open.onerror = () => done(-1);"""


def records(driver, status="waiting"):
    return driver.execute_async_script(WAITING.replace("arguments[0]", repr(status)))


def test_signing_out_asks_first_when_the_field_app_still_waits_to_send(demo):
    base, logins, _ = demo
    agent = logins["field_agent"]
    d = chrome(width=360)
    try:
        sign_in(d, base, agent["email"], agent["password"])
        # The app once opened on this phone; one record it made offline still waits.
        d.get(base + "/field/")
        wait(d, '#field-app[data-ready="1"]')
        d.execute_async_script("""
            const done = arguments[arguments.length - 1];
            const open = indexedDB.open("twiza-field");
            open.onsuccess = () => {
              const tx = open.result.transaction("records", "readwrite");
              tx.objectStore("records").put({id: crypto.randomUUID(), status: "waiting",
                made: Date.now(), kind: "assessment", label: "waiting", data: {}});
              tx.oncomplete = () => done(true);
            };""")
        d.get(base + "/me/associations")
        assert records(d) == 1

        # Declined: still signed in, the record still waits.
        d.find_element(By.CSS_SELECTOR, 'form[action="/sign-out"] button').click()
        WebDriverWait(d, 10).until(expected_conditions.alert_is_present())
        alert = d.switch_to.alert
        assert alert.text.strip(), "the warning says why"
        alert.dismiss()
        assert d.find_elements(By.CSS_SELECTOR, 'form[action="/sign-out"]'), "still signed in"
        assert records(d) == 1

        # Accepted: signed out, and the phone holds nothing of the app any more.
        d.find_element(By.CSS_SELECTOR, 'form[action="/sign-out"] button').click()
        WebDriverWait(d, 10).until(expected_conditions.alert_is_present())
        d.switch_to.alert.accept()
        wait(d, 'a[href="/sign-in"]')
        assert records(d) == -1, "the site's storage is cleared at sign-out"
    finally:
        d.quit()


def test_signing_out_with_nothing_waiting_asks_nothing(demo):
    base, logins, _ = demo
    agent = logins["field_agent"]
    d = chrome(width=360)
    try:
        sign_in(d, base, agent["email"], agent["password"])
        d.get(base + "/me/associations")
        d.find_element(By.CSS_SELECTOR, 'form[action="/sign-out"] button').click()
        wait(d, 'a[href="/sign-in"]')
    finally:
        d.quit()
