#!/usr/bin/env bash
# Re-vendor the country outlines used by the offline maps from the npm registry.
set -euo pipefail
dest="$(cd "$(dirname "$0")/.." && pwd)/src/newsint/export/data/world-atlas"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent world-atlas@2.0.2 >/dev/null && tar xzf world-atlas-2.0.2.tgz)
cp "$work/package/countries-50m.json" "$work/package/LICENSE" "$dest/"
echo "updated $dest"
