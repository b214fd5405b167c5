#!/usr/bin/env bash
# Regenerates screenshots/ with sco-dash's own `snapshot` command.
# tests/screenshots.rs fails when these files no longer match what the app draws.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release
shot() { ./target/release/sco-dash snapshot --tab "$1" --size 120x40 --keys "$2" --format svg > "screenshots/$1.svg"; }
shot overview ""
shot outcomes "jjjjj"
shot initiatives "jjjjjj"
shot timeline "<End>kkkkkkkkkkkkkkkkkk"
shot meetings "jjjjjjjjjjjjj"
shot results ""
