"""Owns: the Python baseline of the record-linkage benchmark — the `recordlinkage` package
(PyPI) in a standard setup on the same fields as `twiza link dedupe`: light cleaning, blocking
passes, field comparisons and a classification rule of its own. Writes `id_a,id_b` pairs.

Setup (fixed, never tuned against the truth):
- cleaning: names lower-cased and trimmed (Arabic kept: recordlinkage's `clean` would delete
  it); dates read as YYYY-MM-DD or DD/MM/YYYY into one form; phones reduced to their last nine
  digits; national ids upper-cased without spaces;
- indexing (union of blocking passes, recordlinkage.Index), `--blocking standard`: national id;
  phone; family name + birth date; given name + birth date; given name + family name + birth
  year. `--blocking wide` reaches further, like twiza's passes (a wrong birth date or a name
  variant still meets): national id; phone; family name + birth year; given name + family
  name; given name + birth date; family name + birth date;
- `--pairs FILE` skips indexing and compares the candidate pairs twiza's blocking proposes
  (`twiza link dedupe --candidates FILE`, row positions `a,b`): the same pairs for both engines;
- comparisons (recordlinkage.Compare, both cores): Jaro-Winkler >= 0.85 on given name, family
  name and douar; exact on birth date, national id, phone, commune and sex;
- classification: the rule of recordlinkage's own quick-start — a pair is a match when more
  than half of the eight comparisons agree (sum >= 5); `--classifier ecm` uses the package's
  unsupervised ECM (Fellegi–Sunter) classifier instead.
"""

import argparse
import time

import pandas as pd
import recordlinkage


def load(path):
    df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    df = df.set_index("id")
    for col in ["given_name", "family_name", "commune", "douar"]:
        df[col] = df[col].str.lower().str.strip()
    iso = pd.to_datetime(df["birth_date"], format="%Y-%m-%d", errors="coerce")
    dmy = pd.to_datetime(df["birth_date"], format="%d/%m/%Y", errors="coerce")
    df["birth_date"] = iso.fillna(dmy).dt.strftime("%Y-%m-%d")
    df["birth_year"] = df["birth_date"].str[:4]
    df["phone"] = df["phone"].str.replace(r"\D", "", regex=True).str[-9:]
    df["national_id"] = df["national_id"].str.upper().str.replace(" ", "", regex=False)
    return df


def index(df, blocking):
    indexer = recordlinkage.Index()
    indexer.block("national_id")
    indexer.block("phone")
    indexer.block(["family_name", "birth_date"])
    indexer.block(["given_name", "birth_date"])
    if blocking == "standard":
        indexer.block(["given_name", "family_name", "birth_year"])
    else:
        indexer.block(["family_name", "birth_year"])
        indexer.block(["given_name", "family_name"])
    return indexer.index(df)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", required=True)
    ap.add_argument("--output", required=True)
    ap.add_argument("--classifier", choices=["sum", "ecm"], default="sum")
    ap.add_argument("--blocking", choices=["standard", "wide"], default="standard")
    ap.add_argument("--pairs", help="candidate pairs a,b (row positions) instead of indexing")
    args = ap.parse_args()

    t0 = time.time()
    df = load(args.input)
    t1 = time.time()
    if args.pairs:
        rows = pd.read_csv(args.pairs, dtype="int64")
        candidates = pd.MultiIndex(levels=[df.index, df.index],
                                   codes=[rows["a"].to_numpy(), rows["b"].to_numpy()],
                                   names=["id_1", "id_2"], verify_integrity=False)
        del rows
        args.blocking = "twiza's"
    else:
        candidates = index(df, args.blocking)
    t2 = time.time()

    compare = recordlinkage.Compare(n_jobs=2)
    compare.string("given_name", "given_name", method="jarowinkler", threshold=0.85, label="given")
    compare.string("family_name", "family_name", method="jarowinkler", threshold=0.85,
                   label="family")
    compare.exact("birth_date", "birth_date", label="birth_date")
    compare.exact("national_id", "national_id", label="national_id")
    compare.exact("phone", "phone", label="phone")
    compare.exact("commune", "commune", label="commune")
    compare.string("douar", "douar", method="jarowinkler", threshold=0.85, label="douar")
    compare.exact("sex", "sex", label="sex")
    features = compare.compute(candidates, df)
    t3 = time.time()

    if args.classifier == "sum":
        matches = features.index[features.sum(axis=1) >= 5]
    else:
        ecm = recordlinkage.ECMClassifier(binarize=0.5)
        matches = ecm.fit_predict(features)
    t4 = time.time()

    out = pd.DataFrame({"id_a": matches.get_level_values(0), "id_b": matches.get_level_values(1)})
    out.to_csv(args.output, index=False)
    print(f"recordlinkage ({args.blocking} blocking, {args.classifier}): {len(df)} records, {len(candidates)} candidate pairs, "
          f"{len(matches)} matches; load {t1 - t0:.1f} s, index {t2 - t1:.1f} s, "
          f"compare {t3 - t2:.1f} s, classify {t4 - t3:.1f} s", flush=True)


if __name__ == "__main__":
    main()
