# Browser test of a grievance on pages alone, from the association's home.
"""At 360 px wide, in Arabic and in French, every step reached by a link after signing in: the
coordinator files a grievance from a household's page, finds it in the open grievances by its
deadline, acknowledges it, is refused a remedy that does not fit the outcome (said next to the
field, nothing written), then decides it."""

import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import chrome, shot, sign_in, switch_language, wait


@pytest.fixture
def phone():
    driver = chrome(width=360)
    yield driver
    driver.quit()


def click(driver, css):
    driver.find_element(By.CSS_SELECTOR, css).click()


def fits(driver):
    """No horizontal scrolling."""
    assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"), \
        f"{driver.current_url} scrolls sideways"


def choose(driver, css, value):
    Select(driver.find_element(By.CSS_SELECTOR, css)).select_by_value(value)


def home(driver, base, login, lang):
    sign_in(driver, base, login["email"], login["password"])
    if driver.find_element(By.TAG_NAME, "html").get_attribute("lang") != lang:
        switch_language(driver, lang)
    click(driver, 'nav a[href="/me/associations"]')
    wait(driver, f'a[href="/associations/{login["organization_id"]}/manage"]').click()
    wait(driver, "#members-link")


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_a_grievance_filed_from_the_household_page_is_acknowledged_and_decided(demo, phone, lang):
    base, logins = demo
    d = phone
    coordinator = logins["coordinator"]
    home(d, base, coordinator, lang)

    # A household of the registry, by its link on the first page of the list.
    click(d, "#households-link")
    wait(d, "#households").find_element(By.CSS_SELECTOR, 'tbody a[href*="/households/"]').click()
    wait(d, "#file-grievance-link")
    reference = re.search(r"HH-[0-9A-Z-]+", d.find_element(By.TAG_NAME, "h1").text).group(0)
    click(d, "#file-grievance-link")
    wait(d, "#grievance-form")
    fits(d)
    choose(d, "#subject", "exclusion")
    choose(d, "#channel", "in_person")
    statement = f"browser-{lang}: not on the list of the cycle"
    d.find_element(By.ID, "statement").send_keys(statement)
    shot(d, f"grievance-new-{lang}")
    click(d, "#file-grievance")
    wait(d, "#done")
    assert reference in d.find_element(By.TAG_NAME, "h1").text

    # The open grievances, from the association's home: ours is the newest of the household's.
    click(d, 'nav a[href="/me/associations"]')
    wait(d, f'a[href="/associations/{coordinator["organization_id"]}/manage"]').click()
    wait(d, "#grievances-link").click()
    wait(d, "#grievances")
    fits(d)
    shot(d, f"grievances-{lang}")
    ours = [a for a in d.find_elements(By.CSS_SELECTOR, 'a[id^="grievance-link-"]') if a.text == reference]
    assert ours, f"{reference} among the open grievances"
    max(ours, key=lambda a: int(a.get_attribute("id").rsplit("-", 1)[1])).click()
    wait(d, "#grievance-statement")
    assert d.find_element(By.ID, "grievance-statement").text == statement
    received = d.find_element(By.ID, "grievance-status").text

    click(d, "#acknowledge")
    wait(d, "#done")
    acknowledged = d.find_element(By.ID, "grievance-status").text
    assert acknowledged != received
    assert d.find_elements(By.ID, "grievance-due"), "the deadline is shown"

    # A remedy that does not fit the outcome: refused next to the field, the status unchanged.
    choose(d, "#outcome", "rejected")
    choose(d, "#remedy", "re_enrolled")
    d.find_element(By.ID, "explanation").send_keys("checked against the cycle")
    click(d, "#decide")
    error = wait(d, "#remedy-error")
    assert error.text
    if lang == "ar":
        assert not re.search(r"[A-Za-z]{3,}", error.text), error.text
    assert d.find_element(By.ID, "grievance-status").text == acknowledged
    fits(d)
    shot(d, f"grievance-refused-{lang}")

    choose(d, "#outcome", "upheld")
    choose(d, "#remedy", "re_enrolled")
    explanation = d.find_element(By.ID, "explanation")
    explanation.clear()
    explanation.send_keys("the household meets the rules; enrolled again")
    click(d, "#decide")
    wait(d, "#grievance-decision")
    assert d.find_element(By.ID, "grievance-status").text not in (received, acknowledged)
    fits(d)
    shot(d, f"grievance-decided-{lang}")
