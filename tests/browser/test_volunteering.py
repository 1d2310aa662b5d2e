"""Volunteering under Law 06-18 in headless Chromium, pages only, in Arabic and in French: a
person creates an account and signs up as a volunteer (at 17 they are refused next to the birth
date), finds a mission that fits and applies to a shift the coordinator of the demo's accredited
association added for today; the coordinator sees the ranked candidates with their reasons and
accepts; the contract is generated and accepted by both; the volunteer checks in and out with
the code on the coordinator's shift page; the hours appear; the coordinator issues the
certificate, which prints, and an anonymous visitor checks its code; the register lists the
contract."""
import datetime
import pathlib
import tempfile
import re
import time
import uuid

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import chrome, shot, sign_in, submit, switch_language, wait

ASNI = "07.041.07.03"
AL_HAOUZ = "07.041"


def morocco_now():
    return datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=1)


def sign_up_account(d, base, email, password, lang):
    d.get(base + "/")
    if lang != "ar":
        switch_language(d, lang)
    d.find_element(By.CSS_SELECTOR, 'a[href^="/sign-up"]').click()
    wait(d, 'form[action="/sign-up"]')
    d.find_element(By.ID, "display_name").send_keys("Salma")
    d.find_element(By.ID, "email").send_keys(email)
    d.find_element(By.ID, "password").send_keys(password)
    submit(d, 'form[action="/sign-up"]')
    wait(d, 'form[action="/sign-out"]')


def fill_profile(d, birth_date):
    name = d.find_element(By.ID, "name")
    name.clear()
    name.send_keys("Salma Ait Lahcen")
    d.execute_script("arguments[0].value = arguments[1]", d.find_element(By.ID, "birth_date"), birth_date)
    cin = d.find_element(By.ID, "cin")
    cin.clear()
    cin.send_keys("EE" + str(uuid.uuid4().int % 900000 + 100000))
    phone = d.find_element(By.ID, "phone")
    phone.clear()
    phone.send_keys("0612345678")
    for box in ['input[name=skill][value="first_aid"]', 'input[name=skill][value="logistics"]',
                'input[name=language][value="shi"]', 'input[name=language][value="fr"]']:
        element = d.find_element(By.CSS_SELECTOR, box)
        if not element.is_selected():
            d.execute_script("arguments[0].click()", element)
    for day in range(1, 8):
        element = d.find_element(By.CSS_SELECTOR, f'input[name=weekday][value="{day}"]')
        if not element.is_selected():
            d.execute_script("arguments[0].click()", element)
    for field, value in [("emergency_name", "Ahmed Ait Lahcen"), ("emergency_phone", "0661000000")]:
        element = d.find_element(By.ID, field)
        element.clear()
        element.send_keys(value)


def send_profile(d):
    button = d.find_element(By.CSS_SELECTOR, "#volunteer-form > button[type=submit]")
    d.execute_script("arguments[0].scrollIntoView()", button)
    button.click()


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_a_volunteer_signs_up_applies_signs_works_and_is_certified(demo, lang):
    base, logins = demo
    coordinator = logins["coordinator"]
    email = f"volunteer-{lang}-{uuid.uuid4().hex[:8]}@example.ma"
    password = "a long volunteer password 2026"

    # The coordinator adds a shift to the demo's contractual mission, from half an hour ago for
    # two hours, so that it can be worked now.
    downloads = tempfile.mkdtemp(prefix="twiza-register-")
    c = chrome(width=1024, downloads=downloads)
    v = chrome(width=360)
    try:
        sign_in(c, base, coordinator["email"], coordinator["password"])
        if lang != "ar":
            switch_language(c, lang)
        org = coordinator["organization_id"]
        c.get(f"{base}/associations/{org}/manage")
        wait(c, "#volunteering-link").click()
        wait(c, "#accreditation-state .status-verified")
        c.find_element(By.ID, "missions-link").click()
        contractual = wait(c, "main").find_elements(By.CSS_SELECTOR, 'a[href*="/missions/"]')
        mission_link = next(a for a in contractual if "tentes" in a.text
                            and re.search(r"/associations/\d+/missions/\d+$", a.get_attribute("href") or ""))
        mission_link.click()
        wait(c, "#shift-form")
        mission_id = int(re.search(r"/missions/(\d+)", c.current_url).group(1))
        now = morocco_now()
        start = max(now - datetime.timedelta(minutes=30), now.replace(hour=0, minute=0))
        end = now + datetime.timedelta(hours=2)
        c.execute_script("arguments[0].value = arguments[1]", c.find_element(By.ID, "day"), start.strftime("%Y-%m-%d"))
        c.execute_script("arguments[0].value = arguments[1]", c.find_element(By.ID, "starts"), start.strftime("%H:%M"))
        c.execute_script("arguments[0].value = arguments[1]", c.find_element(By.ID, "ends"), end.strftime("%H:%M"))
        places = c.find_element(By.ID, "places")
        places.clear()
        places.send_keys("3")
        submit(c, "#shift-form")
        wait(c, "#shift-form")
        shift_ids = [int(e.get_attribute("id").split("-")[1])
                     for e in c.find_elements(By.CSS_SELECTOR, "[id^=shift-]") if re.match(r"shift-\d+$", e.get_attribute("id"))]
        shift = max(shift_ids)

        # A person creates an account and signs up as a volunteer: at 17, refused.
        sign_up_account(v, base, email, password, lang)
        wait(v, "#volunteer-nav-link").click()
        wait(v, "#sign-up-link").click()
        wait(v, "#volunteer-form")
        today = datetime.date.today()
        seventeen = today.replace(year=today.year - 17).isoformat()
        fill_profile(v, seventeen)
        Select(v.find_element(By.ID, "province")).select_by_value(AL_HAOUZ)
        show = v.find_element(By.CSS_SELECTOR, 'button[name="show"]')
        v.execute_script("arguments[0].scrollIntoView()", show)
        show.click()
        asni = wait(v, f'input[name=commune][value="{ASNI}"]')
        v.execute_script("arguments[0].click()", asni)
        send_profile(v)
        error = wait(v, "#birth_date ~ p.error")
        assert error.text.strip(), "the refusal is said next to the birth date"
        assert v.find_element(By.ID, "name").get_attribute("value") == "Salma Ait Lahcen"
        shot(v, f"volunteer-under-18-{lang}")
        fill_profile(v, today.replace(year=today.year - 25).isoformat())
        if not v.find_element(By.CSS_SELECTOR, f'input[name=commune][value="{ASNI}"]').is_selected():
            v.execute_script("arguments[0].click()", v.find_element(By.CSS_SELECTOR, f'input[name=commune][value="{ASNI}"]'))
        send_profile(v)
        wait(v, "#volunteer-profile")
        shot(v, f"volunteer-home-{lang}")

        # The coordinator sees the ranked candidates with their reasons: the new volunteer is
        # among them (by reference, not by name, until they apply).
        c.refresh()
        wait(c, "#candidates-link").click()
        rows = wait(c, "#candidates").find_elements(By.CSS_SELECTOR, "tr[id^=candidate-]")
        assert rows, "candidates are listed"
        assert all(r.text.strip() for r in rows)
        assert "Salma" not in c.find_element(By.ID, "candidates").text
        shot(c, f"volunteer-candidates-{lang}")
        c.back()

        # The missions that fit: the contractual mission of Asni is there; apply to the new shift.
        v.find_element(By.ID, "fitting-missions-link").click()
        wait(v, f"#fitting-{mission_id}")
        v.find_element(By.CSS_SELECTOR, f'#fitting-{mission_id} a[href="/missions/{mission_id}"]').click()
        apply = wait(v, f"#apply-{shift}")
        v.execute_script("arguments[0].scrollIntoView()", apply)
        apply.click()
        wait(v, "#applied")
        shot(v, f"volunteer-applied-{lang}")

        # The coordinator accepts the application.
        c.refresh()
        application = wait(c, f"#shift-{shift} [id^=application-], [id^=application-]")
        application_id = None
        for element in c.find_elements(By.CSS_SELECTOR, "[id^=accept-]"):
            application_id = int(element.get_attribute("id").split("-")[1])
        assert application_id, "the application is on the mission's page"
        button = c.find_element(By.ID, f"accept-{application_id}")
        c.execute_script("arguments[0].scrollIntoView()", button)
        button.click()
        wait(c, f"#contract-{application_id}").click()

        # The contract: clauses, generated in Arabic and French, accepted by the host.
        wait(c, "#contract-form")
        for field, value in [("weekly_hours", "10"), ("training", "Premiers secours, une demi-journée"),
                             ("insurance", "Assurance accidents de l'association"),
                             ("expenses", "Transport remboursé sur justificatif"), ("notice_days", "7")]:
            element = c.find_element(By.ID, field)
            if not element.get_attribute("value"):
                element.send_keys(value)
        button = c.find_element(By.ID, "generate-contract")
        c.execute_script("arguments[0].scrollIntoView()", button)
        button.click()
        wait(c, "#contract-ar")
        assert c.find_element(By.ID, "contract-fr").text.strip()
        number = c.find_element(By.ID, "contract-number").text.strip()
        button = c.find_element(By.ID, "accept-contract")
        c.execute_script("arguments[0].scrollIntoView()", button)
        button.click()
        wait(c, "#host-accepted")

        # The volunteer accepts it from their pages.
        v.get(base + "/volunteer")
        wait(v, "#my-shifts-link").click()
        wait(v, "#my-contracts a[href^='/volunteer/contracts/']").click()
        button = wait(v, "#accept-contract")
        v.execute_script("arguments[0].scrollIntoView()", button)
        button.click()
        wait(v, "#volunteer-accepted")
        shot(v, f"volunteer-contract-{lang}")

        # On the ground: the code shown on the coordinator's shift page, in and out.
        c.get(f"{base}/associations/{org}/missions/{mission_id}")
        wait(c, f"#ground-{shift}").click()
        code = wait(c, "#checkin-code").text.strip()
        assert re.fullmatch(r"\d{6}", code), code
        shot(c, f"volunteer-shift-ground-{lang}")
        for step in ("check-in", "check-out"):
            if step == "check-out":
                # Hours count in whole minutes: the volunteer stays a minute.
                time.sleep(61)
            v.get(base + "/volunteer/shifts")
            field = wait(v, f"#code-{shift}")
            field.send_keys(code)
            form = field.find_element(By.XPATH, "ancestor::form")
            form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            wait(v, "#done")
        assert re.search(r"[1-9]", v.find_element(By.ID, f"minutes-{shift}").text), "a minute counted"
        v.get(base + "/volunteer")
        assert wait(v, "#volunteer-hours").text.strip()

        # The certificate, issued on the shift page; an anonymous visitor checks its code.
        c.refresh()
        volunteer_row = wait(c, "#roster")
        button = volunteer_row.find_elements(By.CSS_SELECTOR, "[id^=certificate-]")[-1]
        c.execute_script("arguments[0].scrollIntoView()", button)
        button.click()
        certificate_code = wait(c, "#certificate-code").text.strip()
        assert re.fullmatch(r"VC-[A-Z0-9]{4}-[A-Z0-9]{4}", certificate_code), certificate_code
        shot(c, f"volunteer-certificate-{lang}")
        anonymous = chrome(width=360)
        try:
            anonymous.get(base + "/certificates")
            field = wait(anonymous, "#code")
            field.send_keys(certificate_code)
            field.find_element(By.XPATH, "ancestor::form").find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            assert wait(anonymous, "#certificate-hours").text.strip()
            assert wait(anonymous, "#leaf-index")
            anonymous.get(base + "/certificates?code=VC-0000-0000")
            assert wait(anonymous, "#error-summary").text.strip()
        finally:
            anonymous.quit()

        # Another association, verified but without an accreditation, publishes a contractual
        # mission; the volunteer applies and is accepted; the contract is refused.
        other = logins["owner2@demo.twiza.ma"]
        other_org = other["organization_id"]
        o = chrome(width=1024)
        try:
            sign_in(o, base, other["email"], other["password"])
            if lang != "ar":
                switch_language(o, lang)
            wait(o, f'a[href="/associations/{other_org}/manage"]').click()
            wait(o, "#volunteering-link").click()
            wait(o, "#accreditation-state .status-rejected")
            o.find_element(By.ID, "new-mission-link").click()
            wait(o, "#mission-form")
            # The place: the province's communes shown without JavaScript, then the commune.
            Select(o.find_element(By.ID, "province")).select_by_value(ASNI[:6])
            show = o.find_element(By.ID, "show-communes")
            show.click()
            WebDriverWait(o, 10).until(EC.staleness_of(show))
            wait(o, f'#commune option[value="{ASNI}"]')
            Select(o.find_element(By.ID, "commune")).select_by_value(ASNI)
            o.find_element(By.ID, "title").send_keys("Soutien scolaire")
            o.find_element(By.ID, "purpose").send_keys("Cours de rattrapage pour les enfants des douars")
            o.execute_script("arguments[0].click()", o.find_element(By.CSS_SELECTOR, 'input[name=kind][value="contractual"]'))
            o.execute_script("arguments[0].click()", o.find_element(By.CSS_SELECTOR, 'input[name=skills][value="first_aid"]'))
            o.execute_script("arguments[0].click()", o.find_element(By.CSS_SELECTOR, 'input[name=languages][value="fr"]'))
            day = datetime.date.today() + datetime.timedelta(days=2)
            for field, value in [("starts_on", datetime.date.today().isoformat()),
                                 ("ends_on", (datetime.date.today() + datetime.timedelta(days=7)).isoformat()),
                                 ("day", day.isoformat()), ("starts", "09:00"), ("ends", "12:00")]:
                o.execute_script("arguments[0].value = arguments[1]", o.find_element(By.ID, field), value)
            places = o.find_element(By.ID, "places")
            places.clear()
            places.send_keys("2")
            button = o.find_element(By.ID, "publish-mission")
            o.execute_script("arguments[0].scrollIntoView()", button)
            button.click()
            wait(o, "#shift-form")
            other_mission = int(re.search(r"/missions/(\d+)", o.current_url).group(1))
            other_shift = max(int(e.get_attribute("id").split("-")[1])
                              for e in o.find_elements(By.CSS_SELECTOR, "[id^=shift-]")
                              if re.match(r"shift-\d+$", e.get_attribute("id")))
            v.get(base + "/volunteer")
            wait(v, "#fitting-missions-link").click()
            wait(v, f'#fitting-{other_mission} a[href="/missions/{other_mission}"]').click()
            apply = wait(v, f"#apply-{other_shift}")
            v.execute_script("arguments[0].scrollIntoView()", apply)
            apply.click()
            wait(v, "#applied")
            o.refresh()
            accept = wait(o, "[id^=accept-]")
            other_application = int(accept.get_attribute("id").split("-")[1])
            o.execute_script("arguments[0].scrollIntoView()", accept)
            accept.click()
            wait(o, f"#contract-{other_application}").click()
            wait(o, "#contract-form")
            for field, value in [("weekly_hours", "6"), ("training", "Une demi-journée"),
                                 ("insurance", "Assurance de l'association"),
                                 ("expenses", "Transport remboursé"), ("notice_days", "7")]:
                element = o.find_element(By.ID, field)
                if not element.get_attribute("value"):
                    element.send_keys(value)
            button = o.find_element(By.ID, "generate-contract")
            o.execute_script("arguments[0].scrollIntoView()", button)
            button.click()
            assert wait(o, "#error-summary").text.strip(), "the refusal is said"
            assert not o.find_elements(By.ID, "contract-ar"), "no contract was generated"
            shot(o, f"volunteer-contract-not-accredited-{lang}")
        finally:
            o.quit()

        # The register lists the contract, on its page and in its CSV export.
        c.get(f"{base}/associations/{org}/volunteering")
        wait(c, "#register-link").click()
        assert number in wait(c, "#register").text
        c.find_element(By.ID, "register-csv").click()
        deadline = time.monotonic() + 20
        exported = []
        while not exported and time.monotonic() < deadline:
            exported = [f for f in pathlib.Path(downloads).glob("*.csv")]
            time.sleep(0.2)
        assert exported, "the register's CSV was downloaded"
        assert number in exported[0].read_text(encoding="utf-8-sig")
    finally:
        c.quit()
        v.quit()
