#!/usr/bin/env bash
# Regenerates screenshots/ with sco-dash's own `snapshot` command.
# tests/screenshots.rs fails when these files no longer match what the app draws.
# `shot TAB[:SUFFIX] "KEYS" [light] [en|ru] [WxH]` writes TAB.svg (TAB-SUFFIX.svg when a
# suffix is given, for a second shot of a tab), TAB-light.svg in the light theme, and with `en`
# or `ru` the English or Russian screen as TAB-en.svg, TAB-light-ru.svg; 120x40 unless a size is
# given.
# `tour SECONDS [light] [en|ru] [bilingual] [WxH]` writes tour.svg (with the same suffixes): the
# tour as one animated SVG, a step every SECONDS; `bilingual` goes round again in Chinese (after
# Chinese, in English).
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
            ru) lang=ru; name="$name-ru" ;;
            *x*) size="$option" ;;
        esac
    done
    ./target/debug/sco-dash snapshot --tab "$tab" --size "$size" --keys "$keys" --theme "$theme" \
        --lang "$lang" --format svg > "screenshots/$name.svg"
}
tour() {
    local seconds="$1" name=tour theme=dark lang=zh size=120x40 passes=""
    shift
    for option in "$@"; do
        case "$option" in
            light) theme=light; name="$name-light" ;;
            en) lang=en; name="$name-en" ;;
            ru) lang=ru; name="$name-ru" ;;
            bilingual) passes=--bilingual ;;
            *x*) size="$option" ;;
        esac
    done
    # shellcheck disable=SC2086 # $passes is one word or none
    ./target/debug/sco-dash snapshot --tour "$seconds" $passes --size "$size" --theme "$theme" \
        --lang "$lang" --format svg > "screenshots/$name.svg"
}
tour 3 bilingual
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
shot overview "" ru
shot initiatives "jjjjjj" light en
shot meetings:map "jjjjjjjjjm"
shot meetings:map "jjjjjjjjjjjjjm" en 160x45
shot timeline:axis "<End>kkkkkkkkkkkkkkkkkkkkkkkz" 160x45
shot timeline:axis "<End>kkkkkkkkkkkkkkkkkkkkkkkz++" en 160x45
shot initiatives:chart "jjjjjjjjb"
shot meetings:chart "jjjjjjjjjjjjjb" en
