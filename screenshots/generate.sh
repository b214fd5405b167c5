#!/usr/bin/env bash
# Regenerates screenshots/ with sco-dash's own `snapshot` command.
# tests/screenshots.rs fails when these files no longer match what the app draws.
# `shot TAB "KEYS" [light]` writes TAB.svg, or TAB-light.svg in the light theme.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
shot() {
    local theme="${3:-dark}" file="screenshots/$1.svg"
    [ "$theme" = dark ] || file="screenshots/$1-$theme.svg"
    ./target/debug/sco-dash snapshot --tab "$1" --size 120x40 --keys "$2" --theme "$theme" --format svg > "$file"
}
shot overview ""
shot outcomes "jjjjj"
shot initiatives "jjjjjj"
shot timeline "<End>kkkkkkkkkkkkkkkkkk"
shot meetings "jjjjjjjjjjjjj"
shot results ""
shot overview "" light
shot initiatives "jjjjjj" light
shot meetings "jjjjjjjjjjjjj" light
