#!/usr/bin/env bash
# Re-vendor the web workbench's map libraries from the npm registry into
# src/newsint/web/static/vendor/ (served as static files: the workbench needs no network).
#
#   scripts/vendor-web-assets.sh
#
# `npm pack` checks each tarball against the registry's integrity hash; the versions are
# pinned here and written, with the SHA-256 of every vendored file, to vendor/VENDOR.txt.
set -euo pipefail
LEAFLET=leaflet@1.9.4
CLUSTER=leaflet.markercluster@1.5.3

root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/src/newsint/web/static/vendor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fetch() {  # fetch PACKAGE@VERSION -> extracted into $work/<name>/package
    local spec=$1 name=${1%@*}
    mkdir -p "$work/$name"
    (cd "$work/$name" && npm pack --silent "$spec" >/dev/null && tar xzf ./*.tgz)
}

fetch "$LEAFLET"
fetch "$CLUSTER"

rm -rf "$dest/leaflet" "$dest/leaflet.markercluster"
mkdir -p "$dest/leaflet/images" "$dest/leaflet.markercluster"
src="$work/leaflet/package"
cp "$src/dist/leaflet.js" "$src/dist/leaflet.css" "$src/LICENSE" "$dest/leaflet/"
cp "$src/dist/images/"*.png "$dest/leaflet/images/"
src="$work/leaflet.markercluster/package"
cp "$src/dist/leaflet.markercluster.js" "$src/dist/MarkerCluster.css" \
   "$src/dist/MarkerCluster.Default.css" "$src/MIT-LICENCE.txt" "$dest/leaflet.markercluster/"

{
    echo "Vendored unchanged from the npm registry by scripts/vendor-web-assets.sh."
    echo "packages: $LEAFLET (BSD-2-Clause), $CLUSTER (MIT)"
    echo
    (cd "$dest" && find leaflet leaflet.markercluster -type f | sort | xargs sha256sum)
} > "$dest/VENDOR.txt"
echo "updated $dest"
