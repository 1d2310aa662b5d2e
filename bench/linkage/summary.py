"""Owns: the benchmark's summary — F1 of each engine's pairs against the generated truth, wall
time and peak memory from `/usr/bin/time -v` (the median wall time and the highest peak of an
engine's runs, every run's wall time listed), one line per engine and the speed ratios."""

import argparse
import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "linkage"))
from linkage_eval import cluster_truth, quality, read_pairs  # noqa: E402


def time_v(path):
    text = Path(path).read_text()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return seconds, rss_kb / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--people", required=True)
    ap.add_argument("--engine", nargs=3, action="append",
                    metavar=("NAME", "PAIRS", "TIME_V[,TIME_V...]"), required=True)
    args = ap.parse_args()
    truth = cluster_truth(args.people)
    walls = {}
    for name, pairs, timings in args.engine:
        q = quality(read_pairs(pairs), truth)
        runs = [time_v(t) for t in timings.split(",")]
        wall = statistics.median(w for w, _ in runs)
        rss = max(r for _, r in runs)
        walls[name] = wall
        each = ", ".join(f"{w:.2f}" for w, _ in runs)
        print(f"{name:>18}: {wall:8.2f} s wall (median of {len(runs)}: {each}), peak RSS "
              f"{rss:7.0f} MiB, precision {q['precision']:.4f} recall {q['recall']:.4f} "
              f"F1 {q['f1']:.4f} ({q['found']} pairs, {q['true']} true)")
    names = list(walls)
    for other in names[1:]:
        print(f"speed ratio (median wall time of {other} / {names[0]}): "
              f"{walls[other] / walls[names[0]]:.1f}x")


if __name__ == "__main__":
    main()
