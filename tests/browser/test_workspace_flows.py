"""The association's whole work in Chromium, on pages alone, in Arabic and in French: every step
is reached by links from the association's home (or, for the authority and the public, from the
navigation), never through the API. A need reported on the public form is verified, pledged, put
on a convoy, delivered with the family's code and shows covered on the incident's map (at 360 px);
a gift in kind is received as a lot and followed to its delivery; a household file is imported
after its dry run and a duplicate pair decided; a household's consent is withdrawn and its export
printed. Screenshots go to $TWIZA_ARTIFACTS/screenshots."""

import csv
import io
import json
import pathlib
import random
import re
import tempfile
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import chrome, demo_server, shot, sign_in, sign_out, submit, switch_language, wait

LANGS = ["ar", "fr"]
COMMUNE = "07.041.07.05"


@pytest.fixture(scope="module")
def demo():
    """A demo server with its data directory (the log-only SMS gateway writes the family's
    phone there)."""
    data_dir = tempfile.mkdtemp(prefix="twiza-flows-")
    with demo_server(data_dir) as (base, logins):
        yield base, logins, pathlib.Path(data_dir)


READ_CODES = set()
CODE = re.compile(r"(?<![\w-])\d{6}(?!\w)")


def phone_code(data_dir, number_tail):
    """The delivery code of the last text message sent to a number ending in `number_tail`, once
    the outbox's sender has sent it (it runs in the background: wait for a code not read before,
    at most 15 s)."""
    path = data_dir / "demo-phone.jsonl"
    deadline = time.time() + 15
    while True:
        phone = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []
        sent = [m for m in phone if str(m.get("to", "")).endswith(number_tail)]
        # Notices about the need (assigned, covered) go to the same phone: the code is in the
        # newest message that carries six digits on their own.
        codes = [m.group(0) for m in (CODE.search(p["text"]) for p in sent) if m]
        code = codes[-1] if codes else None
        if code and code not in READ_CODES:
            READ_CODES.add(code)
            break
        assert time.time() < deadline, f"a new text message went to …{number_tail}: {phone[-3:]}"
        time.sleep(0.2)
    # The server's log holds the message with its code masked, and never the number.
    logged = [l for l in (data_dir / "server.log").read_text(encoding="utf-8").splitlines() if "log-only gateway" in l]
    assert logged, "the text message was logged"
    assert "+212" not in logged[-1], "the number is never logged"
    assert code not in logged[-1], "the code is never logged"
    return code


def click(driver, css):
    driver.find_element(By.CSS_SELECTOR, css).click()


def set_date(driver, element_id, value):
    """A date field set as a date picker would (typing into it depends on the browser's locale)."""
    driver.execute_script("document.getElementById(arguments[0]).value = arguments[1]", element_id, value)


def home(driver, base, login, lang):
    """Signs in and opens the association's home from "my associations"."""
    sign_in(driver, base, login["email"], login["password"])
    if driver.find_element(By.TAG_NAME, "html").get_attribute("lang") != lang:
        switch_language(driver, lang)
    click(driver, 'nav a[href="/me/associations"]')
    wait(driver, f'a[href="/associations/{login["organization_id"]}/manage"]').click()
    wait(driver, "#members-link")


def choose_option(select_element, predicate):
    """Chooses the first option whose (value, text) satisfies `predicate`; returns it."""
    select = Select(select_element)
    for option in select.options:
        if predicate(option.get_attribute("value"), option.text):
            select.select_by_value(option.get_attribute("value"))
            return option.get_attribute("value"), option.text
    raise AssertionError(f"no such option among {[o.text for o in select.options][:10]}")


def given(label):
    """How much of its first item a donation (as the receiving form names it) gave."""
    digits = label.split(" · ")[-1].split("×")[0].translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
    digits = re.sub(r"\D", "", digits)
    return int(digits) if digits else 0


def no_latin(text):
    return not re.search(r"[A-Za-z]{3,}", text)


@pytest.mark.parametrize("lang", LANGS)
def test_a_need_from_the_public_form_to_covered_on_the_map(demo, lang):
    base, logins, data_dir = demo
    wali = logins["wali-marrakech-safi@demo.twiza.ma"]
    coordinator = logins["coordinator"]
    org = coordinator["organization_id"]
    tag = f"{lang}{random.randrange(10**6)}"
    douar_fr = f"Tizi {tag}"
    douar_ar = "تيزي " + "".join("٠١٢٣٤٥٦٧٨٩"[int(d)] for d in tag if d.isdigit())
    d = chrome()
    try:
        # The wali adds a douar to the incident's declaration (the need will be its only one).
        sign_in(d, base, wali["email"], wali["password"])
        if lang != "ar":
            switch_language(d, lang)
        click(d, 'nav a[href="/authority/incidents"]')
        wait(d, "#board-incidents a").click()
        wait(d, "#queue")
        incident = re.search(r"/incidents/(\d+)/needs", d.current_url).group(1)
        click(d, f'a[href="/authority/incidents/{incident}"]')
        wait(d, "#douar-form")
        Select(d.find_element(By.ID, "commune")).select_by_value(COMMUNE)
        d.find_element(By.ID, "name_ar").send_keys(douar_ar)
        d.find_element(By.ID, "name_fr").send_keys(douar_fr)
        d.find_element(By.ID, "name_latin").send_keys(douar_fr)
        d.find_element(By.ID, "latitude").send_keys("31.045")
        d.find_element(By.ID, "longitude").send_keys("-8.366")
        d.find_element(By.ID, "population").send_keys("60")
        submit(d, "#douar-form")
        wait(d, "#douars")
        assert douar_fr in d.page_source or douar_ar in d.page_source
        sign_out(d)

        # A neighbour reports the need on the public form.
        click(d, 'nav a[href="/incidents"]')
        wait(d, f'a[href="/incidents/{incident}"]').click()
        wait(d, f'a[href="/incidents/{incident}/report"]').click()
        wait(d, "select#commune")
        Select(d.find_element(By.ID, "commune")).select_by_value(COMMUNE)
        choose_option(d.find_element(By.ID, "douar_id"), lambda v, t: douar_ar in t or douar_fr in t)
        click(d, 'input[name="category"][value="water"]')
        click(d, 'input[name="urgency"][value="critical"]')
        d.find_element(By.ID, "households").send_keys("7")
        d.find_element(By.ID, "contact_phone").send_keys("06 61 22 33 44")
        submit(d, f'form[action="/incidents/{incident}/needs"]')
        assert wait(d, "#need-status").get_attribute("data-status") == "reported"
        reference = d.find_element(By.ID, "need-reference").text.strip()
        assert reference.startswith("N-")
        shot(d, f"flows-need-reported-{lang}")

        # The wali finds it on the triage board by its reference and verifies it.
        sign_in(d, base, wali["email"], wali["password"])
        click(d, 'nav a[href="/authority/incidents"]')
        wait(d, f'#board-incidents a[href="/authority/incidents/{incident}/needs"]').click()
        Select(wait(d, "#queue-filter select#commune")).select_by_value(COMMUNE)
        submit(d, "#queue-filter")
        row = find_need_row(d, reference)
        row.find_element(By.CSS_SELECTOR, 'a[href^="/authority/needs/"]').click()
        assert wait(d, "#need-reference").text.strip() == reference
        click(d, "#verify")
        wait(d, "#done")
        shot(d, f"flows-need-verified-{lang}")
        sign_out(d)

        # The coordinator pledges from the association's board.
        home(d, base, coordinator, lang)
        click(d, "#incidents-link")
        wait(d, f'#board-incidents a[href="/associations/{org}/incidents/{incident}"]').click()
        Select(wait(d, "#queue-filter select#commune")).select_by_value(COMMUNE)
        submit(d, "#queue-filter")
        row = find_need_row(d, reference)
        row.find_element(By.CSS_SELECTOR, 'a[href$="/pledge"]').click()
        assert wait(d, "#need-reference").text.strip() == reference
        d.find_element(By.ID, "households").clear()
        d.find_element(By.ID, "households").send_keys("7")
        d.find_element(By.ID, "description").send_keys("Citernes d'eau")
        set_date(d, "due_on", "2099-01-01")
        click(d, "#pledge-submit")
        wait(d, "#done")

        # The water leaves on a convoy to the douar.
        click(d, f'a[href="/associations/{org}/incidents"]')
        wait(d, f'a[href="/associations/{org}/manage"]').click()
        wait(d, "#convoys-link").click()
        wait(d, "#plan-link").click()
        Select(wait(d, "select#incident")).select_by_value(incident)
        click(d, "#incident-choose")
        wait(d, "#convoy-form")
        Select(d.find_element(By.ID, "commune")).select_by_value(COMMUNE)
        choose_option(d.find_element(By.ID, "douar_id"), lambda v, t: douar_ar in t or douar_fr in t)
        d.find_element(By.ID, "vehicle").send_keys("Camion 3,5 t")
        d.find_element(By.ID, "driver").send_keys("Brahim")
        d.find_element(By.ID, "route").send_keys("Asni – Ouirgane – Ijoukak")
        set_date(d, "departs_on", "2099-01-01")
        water = {"ar": "ماء", "fr": "Eau"}[lang]
        choose_option(d.find_element(By.ID, "lot_1"), lambda v, t: v and water in t)
        d.find_element(By.ID, "quantity_1").send_keys("280")
        click(d, "#convoy-submit")
        wait(d, "#convoys")
        convoy = d.find_elements(By.CSS_SELECTOR, "#convoys [id^=convoy-]")[0]
        shot(d, f"flows-convoy-planned-{lang}")

        # At the door, the family reads out the code sent to its phone.
        click(d, f'a[href="/associations/{org}/manage"]')
        wait(d, "#deliveries-link").click()
        wait(d, "#prepare-link").click()
        wait(d, "#delivery-form")
        choose_option(d.find_element(By.ID, "lot"), lambda v, t: water in t)
        choose_option(d.find_element(By.ID, "need_id"), lambda v, t: reference in t)
        d.find_element(By.ID, "quantity").send_keys("280")
        d.find_element(By.ID, "households").send_keys("7")
        click(d, "#delivery-submit")
        wait(d, "#confirm-form")
        d.find_element(By.ID, "code").send_keys(phone_code(data_dir, "44"))
        click(d, "#confirm-submit")
        wait(d, "#delivery-status strong.status-delivered")
        shot(d, f"flows-delivered-{lang}")
        sign_out(d)
    finally:
        d.quit()

    # The public sees the need covered, and its douar covered on the map, on a 360 px phone.
    phone = chrome(width=360)
    try:
        phone.get(base + "/incidents")
        if lang != "ar":
            switch_language(phone, lang)
        wait(phone, f'a[href="/incidents/{incident}"]').click()
        wait(phone, "svg.map")
        dots = [c for c in phone.find_elements(By.CSS_SELECTOR, "svg.map circle.place")
                if c.find_element(By.TAG_NAME, "title").get_attribute("textContent") in (douar_ar, douar_fr)]
        assert dots, "the douar is on the map"
        assert "covered" in dots[0].get_attribute("class").split(), dots[0].get_attribute("outerHTML")
        width, scroll = phone.execute_script(
            "return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")
        assert width <= 360 and scroll <= width, f"no sideways scrolling at 360 px: {scroll} > {width}"
        shot(phone, f"flows-incident-map-360-{lang}")
        phone.get(f"{base}/needs/{reference}")
        status = wait(phone, "#need-status")
        assert status.get_attribute("data-status") == "covered"
        assert status.text.strip() == {"ar": "تمت تغطيته", "fr": "Couvert"}[lang]
    finally:
        phone.quit()


def find_need_row(driver, reference):
    """The board's row of the need named `reference`, following the queue's pages."""
    while True:
        wait(driver, "#queue")
        for row in driver.find_elements(By.CSS_SELECTOR, "#queue-table tbody tr"):
            if reference in row.find_element(By.CSS_SELECTOR, ".need-reference").text:
                return row
        more = driver.find_elements(By.ID, "queue-next")
        assert more, f"{reference} is on the board"
        more[0].click()


@pytest.mark.parametrize("lang", LANGS)
def test_a_gift_in_kind_received_as_a_lot_and_followed_to_its_delivery(demo, lang):
    base, logins, data_dir = demo
    coordinator = logins["coordinator"]
    tail = {"ar": "55", "fr": "66"}[lang]
    d = chrome()
    try:
        home(d, base, coordinator, lang)
        click(d, "#stock-link")
        wait(d, "#receive-link").click()
        wait(d, "#receive-form")
        Select(d.find_element(By.ID, "source")).select_by_value("in_kind_donation")
        # A campaign's gift in kind: its goods are items of the catalogue.
        # (one with goods enough left for every run of the test on this server)
        _, label = choose_option(d.find_element(By.ID, "donation_id"),
                                 lambda v, t: bool(v) and given(t) >= 10)
        donation = re.match(r"#(\d+)", label).group(1)
        goods = label.split("× ", 1)[1].split(",")[0].strip()
        choose_option(d.find_element(By.ID, "item"), lambda v, t: t.strip() == goods)
        d.find_element(By.ID, "quantity").send_keys("1")
        d.find_element(By.ID, "reference").send_keys(f"BL-{lang}-{random.randrange(10**6)}")
        click(d, "#receive-submit")
        wait(d, "#lot-donation")
        assert donation in d.find_element(By.ID, "lot-donation").text
        assert d.find_element(By.ID, "lot-campaign").text.strip()
        lot_url = d.current_url.split("?")[0]
        lot = lot_url.rsplit("/", 1)[1]
        shot(d, f"flows-lot-received-{lang}")

        # Followed to a family: the delivery names the lot it consumed.
        click(d, "#deliver-link")
        wait(d, "#delivery-form")
        assert Select(d.find_element(By.ID, "lot")).first_selected_option.text.strip()
        choose_option(d.find_element(By.ID, "need_id"), lambda v, t: bool(v))
        d.find_element(By.ID, "quantity").send_keys("1")
        d.find_element(By.ID, "households").send_keys("1")
        d.find_element(By.ID, "recipient_phone").send_keys(f"06 62 00 11 {tail}")
        click(d, "#delivery-submit")
        wait(d, "#confirm-form")
        lots = d.find_element(By.ID, "delivery-lots")
        assert lots.find_element(By.CSS_SELECTOR, f'a[href$="/lots/{lot}"]')
        d.find_element(By.ID, "code").send_keys(phone_code(data_dir, tail))
        click(d, "#confirm-submit")
        wait(d, "#delivery-status strong.status-delivered")
        delivery = d.current_url.split("?")[0].rsplit("/", 1)[1]
        shot(d, f"flows-gift-delivered-{lang}")

        # The lot's page shows the delivery, delivered.
        click(d, f'#delivery-lots a[href$="/lots/{lot}"]')
        row = wait(d, f"#trail-{delivery}")
        assert row.find_element(By.CSS_SELECTOR, "strong.status-delivered")
        assert d.find_element(By.ID, "lot-delivered").text.strip() in ("1", "١")
        shot(d, f"flows-lot-trail-{lang}")
    finally:
        d.quit()


def household_file(family):
    """A household file of two households whose heads look like the same man (a duplicate pair
    for the review queue) and a third with an unknown sex code."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["household", "commune", "douar", "housing_damage", "consent_purpose", "legal_basis",
                "consent_channel", "given_name_ar", "given_name_lat", "family_name_lat", "sex",
                "birth_date", "relation", "schooling", "cin", "phone"])
    w.writerow(["H1", COMMUNE, "Ighil", "total", "registration", "consent", "in_person", "", "Lahcen",
                family, "m", "1971-05-04", "head", "", "", ""])
    w.writerow(["H1", "", "", "", "", "", "", "", "Itto", family, "f", "1975-02-11", "spouse", "", "", ""])
    w.writerow(["H2", COMMUNE, "Azrou", "partial", "registration", "consent", "paper", "", "Lahcen",
                family, "m", "1971-05-04", "head", "", "", ""])
    w.writerow(["H3", COMMUNE, "", "none", "registration", "consent", "paper", "", "Omar",
                family, "x", "1990-01-01", "head", "", "", ""])
    return out.getvalue()


@pytest.mark.parametrize("lang", LANGS)
def test_a_household_file_imported_after_its_dry_run_and_a_duplicate_decided(demo, lang, tmp_path):
    base, logins, _ = demo
    coordinator = logins["coordinator"]
    family = "Ait " + "".join(random.choice("bdfghklmnrstz") + random.choice("aeiou") for _ in range(4)).title()
    path = tmp_path / "foyers.csv"
    path.write_text(household_file(family), encoding="utf-8")
    d = chrome()
    try:
        home(d, base, coordinator, lang)
        click(d, "#households-link")
        wait(d, "#import-households").click()
        wait(d, "#upload-form")
        d.find_element(By.ID, "file").send_keys(str(path))
        click(d, "#check-file")
        # The dry run: two valid households, one refused with the reason in the reader's language.
        wait(d, "#report-counts")
        assert d.find_element(By.ID, "households-valid").text.strip() in ("2", "٢")
        assert d.find_element(By.ID, "households-invalid").text.strip() in ("1", "١")
        reason = d.find_element(By.CSS_SELECTOR, "#invalid-rows tbody tr td:nth-child(3)").get_attribute("textContent")
        assert reason == {"ar": "قيمة غير معروفة: استعمل أحد الرموز المقترحة.",
                          "fr": "Valeur inconnue\u00a0: utilisez l’un des codes prévus."}[lang], reason
        shot(d, f"flows-import-dry-run-{lang}")
        click(d, "#mode-valid")
        click(d, "#import")
        wait(d, "#done")
        shot(d, f"flows-import-done-{lang}")

        # The two look-alike heads are a pair in the duplicates review queue.
        click(d, f'a[href$="/duplicates"]')
        wait(d, "#find-duplicates").click()
        wait(d, "#search-form")
        pairs = [p for p in d.find_elements(By.CSS_SELECTOR, "section.pair") if family in p.text]
        assert pairs, "the look-alike pair is in the queue"
        pair = pairs[0].get_attribute("id").removeprefix("pair-")
        shot(d, f"flows-duplicates-{lang}")
        click(d, f"#different-{pair}")
        WebDriverWait(d, 10).until(lambda x: "done=different_people" in x.current_url)
        wait(d, "#done")
        assert not d.find_elements(By.ID, f"pair-{pair}"), "a decided pair leaves the queue"
    finally:
        d.quit()


@pytest.mark.parametrize("lang", LANGS)
def test_a_consent_withdrawn_and_the_export_printed(demo, lang):
    base, logins, _ = demo
    coordinator = logins["coordinator"]
    d = chrome()
    try:
        home(d, base, coordinator, lang)
        click(d, "#households-link")
        # A household that still has a consent to withdraw.
        links = [a.get_attribute("href") for a in
                 wait(d, "#households").find_elements(By.CSS_SELECTOR, 'tbody a[href*="/households/"]')]
        for href in links:
            d.get(href)
            wait(d, "#access-log")
            if d.find_elements(By.CSS_SELECTOR, "#purpose option"):
                break
        else:
            raise AssertionError("a household with a consent on the first page")
        household = d.current_url.split("?")[0]
        purposes = len(d.find_elements(By.CSS_SELECTOR, "#purpose option"))
        click(d, "#withdraw-consent")
        wait(d, "#done")
        assert len(d.find_elements(By.CSS_SELECTOR, "#purpose option")) == purposes - 1
        # The access log and the deliveries read in the reader's language.
        # (what was read and why: the reader's name is a name, in whatever script it was given)
        log = " ".join(td.get_attribute("textContent") for td in
                       d.find_elements(By.CSS_SELECTOR, "#read-list td:nth-child(3), #read-list td:nth-child(4)"))
        if lang == "ar":
            assert no_latin(log), log
        else:
            assert "suivi du dossier" in log and "case_review" not in log, log
        shot(d, f"flows-consent-withdrawn-{lang}")
        click(d, "#export-link")
        wait(d, "#read-list")
        assert d.current_url.startswith(household + "/export")
        export = d.find_element(By.TAG_NAME, "main").text
        assert {"ar": "حق الأسرة في الاطلاع", "fr": "droit d'accès du foyer"}[lang] in export
        shot(d, f"flows-subject-export-{lang}")
    finally:
        d.quit()
