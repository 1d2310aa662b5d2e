"""The IATI activity files of `twiza demo` against the official IATI 2.03 activities schema
(lxml): every verified association's published file validates, its activities' identifiers
start with its reporting organisation's identifier, its transactions are in MAD, and a
tampered copy (an element out of the schema's order) fails the same validation."""

import copy
import json
import os
import pathlib
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

import pytest
from lxml import etree

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BIN = os.environ.get("TWIZA_BIN", str(ROOT / "target" / "debug" / "twiza"))
SCHEMA_DIR = pathlib.Path(os.environ.get("IATI_SCHEMA_DIR", ROOT.parent / "shared" / "standards" / "iati-2.03"))


@pytest.fixture(scope="session")
def schema():
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "iati-activities-schema.xsd")))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def demo():
    data_dir = pathlib.Path(tempfile.mkdtemp(prefix="twiza-iati-"))
    port = free_port()
    log_file = open(data_dir / "server.log", "w")
    server = subprocess.Popen([BIN, "demo", "--listen", f"127.0.0.1:{port}", "--data-dir", str(data_dir)],
                              stdout=log_file, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("twiza demo did not start: " + (data_dir / "server.log").read_text())
            time.sleep(0.2)
        yield base, data_dir
    finally:
        server.terminate()
        server.wait(timeout=30)
        log_file.close()


def get(url):
    with urllib.request.urlopen(url, timeout=60) as r:
        return r.status, r.headers.get("content-type"), r.read()


@pytest.fixture(scope="session")
def published(demo):
    """Every verified association's file, downloaded: {org id: path}."""
    base, data_dir = demo
    orgs, page = [], 1
    while True:
        _, _, body = get(f"{base}/api/v1/organizations?per_page=100&page={page}")
        listing = json.loads(body)
        orgs += [o["id"] for o in listing["items"]]
        if len(orgs) >= listing["total"] or not listing["items"]:
            break
        page += 1
    assert orgs, "the demo has verified associations"
    files = {}
    for org in orgs:
        try:
            status, content_type, body = get(f"{base}/open-data/iati/{org}.xml")
        except urllib.error.HTTPError as e:
            assert e.code == 404, f"association {org}: {e.code}"
            continue
        assert status == 200 and content_type.startswith("application/xml")
        path = data_dir / f"iati-{org}.xml"
        path.write_bytes(body)
        files[org] = path
    artifacts = os.environ.get("TWIZA_ARTIFACTS")
    if artifacts:
        pathlib.Path(artifacts).mkdir(parents=True, exist_ok=True)
        for org, path in files.items():
            (pathlib.Path(artifacts) / path.name).write_bytes(path.read_bytes())
    return files


def extra_files():
    return [pathlib.Path(p) for p in os.environ.get("IATI_FILES", "").split() if p]


def test_every_verified_demo_association_publishes_a_file(published):
    assert len(published) >= 2, published


def test_the_published_files_validate_against_the_iati_203_schema(published, schema):
    for path in list(published.values()) + extra_files():
        doc = etree.parse(str(path))
        assert schema.validate(doc), f"{path.name}: {schema.error_log}"
        assert doc.getroot().get("version") == "2.03"


def test_activities_have_stable_identifiers_and_mad_transactions(published):
    activities = 0
    transactions = 0
    for path in published.values():
        doc = etree.parse(str(path))
        for activity in doc.getroot().iterfind("iati-activity"):
            activities += 1
            reporting = activity.find("reporting-org").get("ref")
            identifier = activity.findtext("iati-identifier")
            assert identifier.startswith(reporting + "-"), identifier
            assert identifier.rsplit("-", 1)[1][0] in "CP", identifier
            langs = {n.get("{http://www.w3.org/XML/1998/namespace}lang") for n in activity.find("title")}
            assert langs == {"ar", "fr"}
            for value in activity.iterfind("transaction/value"):
                transactions += 1
                assert value.get("currency") == "MAD"
                assert float(value.text) > 0
    assert activities > 0 and transactions > 0


def test_a_tampered_file_fails_the_schema(published, schema):
    path = next(iter(published.values()))
    doc = etree.parse(str(path))
    bad = copy.deepcopy(doc)
    activity = bad.getroot().find("iati-activity")
    # The identifier must come first; moving it last breaks the schema's sequence.
    identifier = activity.find("iati-identifier")
    activity.remove(identifier)
    activity.append(identifier)
    assert not schema.validate(bad)
