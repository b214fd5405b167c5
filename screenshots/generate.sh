#!/usr/bin/env bash
# Regenerates screenshots/ with sco-dash's own `snapshot` command.
# tests/screenshots.rs fails when these files no longer match what the app draws.
# `shot TAB[:SUFFIX] "KEYS" [light] [en] [WxH]` writes TAB.svg (TAB-SUFFIX.svg when a suffix
# is given, for a second shot of a tab), TAB-light.svg in the light theme, and with `en` the
# English screen as TAB-en.svg or TAB-light-en.svg; 120x40 unless a size is given.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
shot() {
    local tab="${1%%:*}" name="${1/:/-}" keys="$2" theme=dark lang=zh size=120x40
    shift 2
    for option in "$@"; do
        case "$option" in
            light) theme=light; name="$name-light" ;;
            en) lang=en; name="$name-en" ;;
            *x*) size="$option" ;;
        esac
    done
    ./target/debug/sco-dash snapshot --tab "$tab" --size "$size" --keys "$keys" --theme "$theme" \
        --lang "$lang" --format svg > "screenshots/$name.svg"
}
shot overview ""
shot outcomes "jjjjj"
shot initiatives "jjjjjj"
shot timeline "<End>kkkkkkkkkkkkkkkkkk"
shot meetings "jjjjjjjjjjjjj"
shot results ""
shot voices "jjjjjjjjjjjjjjjjjjjjjjjjj"
shot overview "" light
shot initiatives "jjjjjj" light
shot meetings "jjjjjjjjjjjjj" light
shot overview "" en
shot meetings "jjjjjjjjjjjjj" en
shot voices "jjjjjjjjjjjjjjjjjjjjjjjjj" en
shot initiatives "jjjjjj" light en
shot meetings:map "jjjjjjjjjm"
shot meetings:map "jjjjjjjjjjjjjm" en 160x45
shot timeline:axis "<End>kkkkkkkkkkkkkkkkkkkkkkkz" 160x45
shot timeline:axis "<End>kkkkkkkkkkkkkkkkkkkkkkkz++" en 160x45
shot initiatives:chart "jjjjjjjjb"
shot meetings:chart "jjjjjjjjjjjjjb" en
