"""The 3W export of `twiza demo` against libhxl: `hxlvalidate` with the schema beside this file
(required columns, numbers, dates, allowed statuses), the rows read back through libhxl's own
parser, and a tampered copy that must fail the same validation. Then every HXL dataset the open
data catalogue (`/open-data/catalogue.json`) lists: downloaded, validated by `hxlvalidate`, its
hashtags parsed, its required hashtags present, every row read and its figures numbers."""

import csv
import io
import json
import os
import pathlib
import socket
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request

import hxl
import pytest

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BIN = os.environ.get("TWIZA_BIN", str(ROOT / "target" / "debug" / "twiza"))
HXLVALIDATE = str(pathlib.Path(os.sys.executable).parent / "hxlvalidate")
SCHEMA = HERE / "schema.csv"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def demo():
    data_dir = pathlib.Path(tempfile.mkdtemp(prefix="twiza-hxl-"))
    port = free_port()
    log_file = open(data_dir / "server.log", "w")
    server = subprocess.Popen([BIN, "demo", "--listen", f"127.0.0.1:{port}", "--data-dir", str(data_dir)],
                              stdout=log_file, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
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
    with urllib.request.urlopen(url, timeout=30) as r:
        return r.read()


@pytest.fixture(scope="session")
def export(demo):
    base, data_dir = demo
    incidents = json.loads(get(base + "/api/v1/incidents"))
    assert incidents, "the demo declares an incident"
    incident = incidents[0]["id"]
    path = data_dir / "3w.csv"
    path.write_bytes(get(f"{base}/api/v1/incidents/{incident}/exports/3w.csv"))
    return base, incident, path


def hxlvalidate(path):
    return subprocess.run([HXLVALIDATE, "--schema", str(SCHEMA), str(path)],
                          capture_output=True, text=True, timeout=120)


def test_the_export_validates(export):
    _, _, path = export
    result = hxlvalidate(path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_libhxl_reads_every_pledge(export):
    base, incident, path = export
    source = hxl.data(str(path), hxl.InputOptions(allow_local=True))
    tags = [c.display_tag for c in source.columns]
    for tag in ["#org", "#sector", "#adm1+code", "#adm2+code", "#adm3+code", "#loc+name",
                "#activity", "#status", "#date+start", "#reached+hh", "#targeted+hh"]:
        assert tag in tags
    rows = list(source)
    pledges, after = [], 0
    while True:
        page = json.loads(get(f"{base}/api/v1/incidents/{incident}/pledges?limit=500&after={after}"))
        if not page:
            break
        pledges += [p for p in page if p["status"] != "cancelled"]
        after = page[-1]["id"]
    assert len(rows) == len(pledges) > 100
    assert {r.get("#adm2+code") for r in rows} >= {"07.041", "07.161", "09.541"}
    reached = sum(int(r.get("#reached")) for r in rows)
    delivered = sum(p["households"] for p in pledges if p["status"] == "delivered")
    assert reached == delivered > 0


def test_a_tampered_export_fails(export, tmp_path):
    _, _, path = export
    text = path.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    targeted = rows[1].index("#targeted+hh")
    rows[2][targeted] = "ten"
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    bad = tmp_path / "bad.csv"
    bad.write_text(out.getvalue(), encoding="utf-8")
    assert hxlvalidate(bad).returncode != 0


# The hashtags each open dataset must carry, by the last part of its name.
OPEN_REQUIRED = {
    "coverage": ["#adm1+code", "#adm2+code", "#adm3+code", "#loc+name", "#population+hh",
                 "#indicator+needs+num", "#inneed+hh", "#targeted+hh", "#reached+hh"],
    "3w": ["#org", "#sector", "#adm1+code", "#adm2+code", "#adm3+code", "#activity", "#status",
           "#date+start", "#reached+hh", "#targeted+hh"],
    "deliveries": ["#date", "#adm1+code", "#adm2+code", "#adm3+code", "#org",
                   "#indicator+deliveries+num", "#reached+hh"],
    "donations": ["#date", "#activity+code", "#org", "#modality", "#indicator+donations+num",
                  "#value+received+mad"],
    "expenses": ["#date", "#activity+code", "#org", "#meta+category",
                 "#indicator+expenses+num", "#value+spent+mad"],
}

# Hashtags whose values are numbers (empty allowed: a douar has no census figure of its own).
NUMERIC = ("#population", "#indicator", "#inneed", "#targeted", "#reached", "#value")


@pytest.fixture(scope="session")
def open_datasets(demo):
    base, data_dir = demo
    catalogue = json.loads(get(base + "/open-data/catalogue.json"))
    found = []
    for dataset in catalogue["datasets"]:
        for resource in dataset["resources"]:
            if not resource["hxl"]:
                continue
            path = data_dir / (dataset["name"] + ".csv")
            path.write_bytes(get(urllib.parse.urljoin(base, resource["url"])))
            found.append((dataset["name"], path))
    return found


def test_the_catalogue_lists_every_kind_of_hxl_dataset(open_datasets):
    kinds = {name.rsplit("-", 1)[1] for name, _ in open_datasets}
    assert kinds == set(OPEN_REQUIRED), kinds


def test_every_open_hxl_dataset_validates_with_libhxl(open_datasets):
    rows_by_kind = {}
    for name, path in open_datasets:
        kind = name.rsplit("-", 1)[1]
        result = subprocess.run([HXLVALIDATE, str(path)], capture_output=True, text=True,
                                timeout=120)
        assert result.returncode == 0, name + ": " + result.stdout + result.stderr
        source = hxl.data(str(path), hxl.InputOptions(allow_local=True))
        tags = [c.display_tag for c in source.columns]
        for tag in OPEN_REQUIRED[kind]:
            assert tag in tags, f"{name}: {tag} missing from {tags}"
        rows = list(source)
        with open(path, encoding="utf-8", newline="") as f:
            lines = list(csv.reader(f))
        assert len(rows) == len(lines) - 2, name
        for row in rows:
            for tag, value in zip(tags, row.values):
                if tag.startswith(NUMERIC) and value != "":
                    float(value)
        rows_by_kind[kind] = rows_by_kind.get(kind, 0) + len(rows)
    # The demo's incident has needs, pledges and its campaigns donations: those hold rows.
    for kind in ["coverage", "3w", "donations"]:
        assert rows_by_kind.get(kind, 0) > 0, kind
