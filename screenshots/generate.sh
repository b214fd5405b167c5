#!/usr/bin/env bash
# Regenerates screenshots/ with sco-dash's own `snapshot` command.
# tests/screenshots.rs fails when these files no longer match what the app draws.
# `shot TAB "KEYS" [light] [en]` writes TAB.svg, TAB-light.svg in the light theme, and with
# `en` the English screen as TAB-en.svg or TAB-light-en.svg.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
shot() {
    local tab="$1" name="$1" keys="$2" theme=dark lang=zh
    shift 2
    for option in "$@"; do
        case "$option" in
            light) theme=light; name="$name-light" ;;
            en) lang=en; name="$name-en" ;;
        esac
    done
    ./target/debug/sco-dash snapshot --tab "$tab" --size 120x40 --keys "$keys" --theme "$theme" \
        --lang "$lang" --format svg > "screenshots/$name.svg"
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
shot overview "" en
shot meetings "jjjjjjjjjjjjj" en
shot initiatives "jjjjjj" light en
