"""The 3W export of `twiza demo` against libhxl: `hxlvalidate` with the schema beside this file
(required columns, numbers, dates, allowed statuses), the rows read back through libhxl's own
parser, and a tampered copy that must fail the same validation."""

import csv
import io
import json
import os
import pathlib
import socket
import subprocess
import tempfile
import time
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
