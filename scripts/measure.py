#!/usr/bin/env python3
"""Measures sco-dash from outside the process, side by side with a floor program.

Starts the release binary and `examples/floor.rs` (a bare ratatui program drawing one
bordered CJK paragraph) in a pseudo-terminal of 120x40, alternately, acting as the terminal:
it answers the queries a terminal answers (device attributes, background colour, cursor
position) at once, timestamps every byte, and reports medians:

  spawn -> first byte, spawn -> first frame complete (its last byte before the output goes
  quiet), key -> first byte and -> frame complete for `j`, a tab switch and a search
  keystroke, bytes per key, and peak RSS (VmHWM). Each figure is also given as a ratio to
  the floor's, so the figures hold across machines.

Also the start-up in a terminal that answers nothing (the "silent terminal" case): how long
the first frame waits for answers that never come. The test suite only checks that it comes.

Run on the embedded data and on a data folder 100 times larger:

    python3 scripts/measure.py            # builds what it needs with cargo, then measures
    python3 scripts/measure.py --rounds 5 --no-build

Not run by `cargo test`: these are measurements, not checks.
"""

import argparse
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RELEASE = os.path.join(ROOT, "target", "release")
QUIET = 0.12  # seconds without output that end a frame
SIZE = (40, 120)


def spawn(argv, env_extra=None):
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[0], SIZE[1], 0, 0))
    env = dict(os.environ, TERM="xterm-256color", COLORTERM="truecolor", LANG="C.UTF-8")
    env.pop("NO_COLOR", None)
    if env_extra:
        env.update(env_extra)

    def child_setup():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    started = time.perf_counter()
    process = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=env,
        preexec_fn=child_setup, close_fds=True,
    )
    os.close(slave)
    return process, master, started


class Terminal:
    """The reading side: timestamps output and answers queries as a terminal would."""

    def __init__(self, master, answering=True):
        self.master = master
        self.answering = answering
        self.chunks = []  # (time, bytes)
        self.pending = b""

    def answer(self, data):
        if not self.answering:
            return
        self.pending = (self.pending + data)[-64:]
        # In the order the queries came, as a terminal answers them.
        due = []
        for query, reply in ((b"\x1b[c", b"\x1b[?62;22c"), (b"\x1b[0c", b"\x1b[?62;22c"),
                             (b"\x1b]11;?", b"\x1b]11;rgb:0000/0000/0000\x1b\\"),
                             (b"\x1b[6n", b"\x1b[2;2R")):
            at = data.find(query)
            if at >= 0:
                due.append((at, reply))
        replies = b"".join(reply for _, reply in sorted(due))
        if replies:
            os.write(self.master, replies)

    def read_until_quiet(self, quiet=QUIET, limit=10.0):
        """Reads until no byte came for `quiet` seconds; the chunks read."""
        got = []
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([self.master], [], [], quiet)
            if not ready:
                if got:
                    break
                continue
            try:
                data = os.read(self.master, 65536)
            except OSError:
                break
            if not data:
                break
            now = time.perf_counter()
            got.append((now, data))
            self.answer(data)
        self.chunks.extend(got)
        return got


def peak_rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def press(term, key):
    """Sends a key; (first byte, frame complete, bytes) in ms and bytes."""
    sent = time.perf_counter()
    os.write(term.master, key)
    got = term.read_until_quiet()
    if not got:
        return None
    return ((got[0][0] - sent) * 1000, (got[-1][0] - sent) * 1000, sum(len(d) for _, d in got))


def run_once(argv, keys, answering=True):
    process, master, started = spawn(argv)
    term = Terminal(master, answering)
    first = term.read_until_quiet(limit=20.0)
    result = {}
    if first:
        result["spawn->first byte"] = (first[0][0] - started) * 1000
        result["spawn->frame"] = (first[-1][0] - started) * 1000
        result["first frame bytes"] = sum(len(d) for _, d in first)
    for name, setup, key in keys:
        for step in setup:
            os.write(master, step)
            term.read_until_quiet()
        measured = press(term, key)
        if measured:
            result[f"{name}: key->first byte"] = measured[0]
            result[f"{name}: key->frame"] = measured[1]
            result[f"{name}: bytes"] = measured[2]
    result["peak RSS KiB"] = peak_rss_kib(process.pid)
    os.write(master, b"\x1b")
    time.sleep(0.05)
    os.write(master, b"q")
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
    os.close(master)
    return result


DASH_KEYS = [
    # (name, keys that set the scene, the key measured)
    ("j", [b"5"], b"j"),
    ("tab switch", [], b"4"),
    ("search keystroke", [b"3", b"/"], b"l"),
]
FLOOR_KEYS = [("j", [], b"j"), ("tab switch", [], b"4"), ("search keystroke", [], b"l")]


def medians(runs):
    keys = sorted({k for run in runs for k in run})
    return {k: statistics.median([run[k] for run in runs if k in run]) for k in keys}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--scale", type=int, default=100)
    args = parser.parse_args()
    if not args.no_build:
        subprocess.run(
            ["cargo", "build", "--release", "--bin", "sco-dash",
             "--example", "floor", "--example", "scale_data"],
            cwd=ROOT, check=True,
        )
    big = f"/tmp/sco-dash-measure-{args.scale}x"
    subprocess.run(
        [os.path.join(RELEASE, "examples", "scale_data"), big, str(args.scale)],
        check=True, stderr=subprocess.DEVNULL,
    )
    dash = os.path.join(RELEASE, "sco-dash")
    floor = os.path.join(RELEASE, "examples", "floor")
    cases = [
        # (name, command, keys measured, whether the terminal answers the queries)
        ("floor", [floor], FLOOR_KEYS, True),
        ("sco-dash (embedded)", [dash], DASH_KEYS, True),
        (f"sco-dash ({args.scale}x)", [dash, "--data", big], DASH_KEYS, True),
        ("sco-dash (embedded, silent terminal)", [dash], [], False),
    ]
    runs = {name: [] for name, _, _, _ in cases}
    for _ in range(args.rounds):
        for name, argv, keys, answering in cases:
            runs[name].append(run_once(argv, keys, answering))
    results = {name: medians(r) for name, r in runs.items()}
    floor_result = results["floor"]
    print(f"medians of {args.rounds} rounds, 120x40, {os.cpu_count()} cores; ratio = / floor")
    for name, result in results.items():
        print(f"\n{name}")
        for key, value in result.items():
            unit = "" if "bytes" in key or "KiB" in key else " ms"
            ratio = ""
            if name != "floor" and key in floor_result and floor_result[key]:
                ratio = f"  ({value / floor_result[key]:.2f}x)"
            shown = f"{value:.2f}" if unit else f"{value:.0f}"
            print(f"  {key:<34} {shown}{unit}{ratio}")


if __name__ == "__main__":
    sys.exit(main())
