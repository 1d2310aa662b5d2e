"""Sums up the audit the browser tests made of every page they visited (conftest.py's `audit`):
how many pages, in which languages, the heaviest, and any serious or critical accessibility
violation or page over 30 KB — which fails the run, even if a test swallowed its assertion."""

import json
import sys

BUDGET = 30 * 1024


def main(path):
    with open(path) as f:
        pages = [json.loads(line) for line in f if line.strip()]
    if not pages:
        print(f"no page was audited ({path} is empty)")
        return 1
    grave = [p for p in pages if any(v["impact"] in ("serious", "critical") for v in p["violations"])]
    heavy = [p for p in pages if p["bytes"] > BUDGET]
    langs = sorted({p["lang"] for p in pages})
    heaviest = max(pages, key=lambda p: p["bytes"])
    print(f"{len(pages)} page states audited in {', '.join(langs)}; heaviest {heaviest['bytes']} bytes "
          f"compressed ({heaviest['url']}, {heaviest['lang']}); minor or moderate findings: "
          f"{sum(len(p['violations']) for p in pages) - sum(len(p['violations']) for p in grave)}")
    for p in grave:
        print(f"VIOLATION {p['url']} ({p['lang']}): {p['violations']}")
    for p in heavy:
        print(f"OVER BUDGET {p['url']} ({p['lang']}): {p['bytes']} bytes")
    return 1 if grave or heavy else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
