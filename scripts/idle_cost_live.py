#!/usr/bin/env python3
"""Idle cost of a whole room: five consoles on one sitting, each in its own
pseudo-terminal — the facilitator (`run`), note-takers for groups A, B and C
(`notes`) and the shared display (`display`) — with the exchange block
running and nobody typing.

Runs the release binary on a temporary copy of the bundled sitting, starts
the block in the facilitator, waits for every console to show it, lets them
settle for 2 s, then for DURATION seconds (default 60) counts the CPU time
each process used (/proc/PID/stat, user + system) and the bytes each wrote
to its terminal. Extra arguments (e.g. `--poll 1`) are given to every
console. Prints one line per console and the total.

Usage: cargo build --release && python3 scripts/idle_cost_live.py [DURATION] [ARGS...]
"""

import fcntl
import os
import pty
import select
import shutil
import struct
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("BUNKAKAI_BIN") or os.path.join(ROOT, "target", "release", "bunkakai")

# The CPU readings are the single-console script's.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from idle_cost import cpu_seconds, drop_cached, run_seconds  # noqa: E402


class Console:
    """One console in a pty: its pid, its fd and the bytes read so far."""

    def __init__(self, name, args, cols, rows, env):
        self.name = name
        self.data = b""
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            # The size is set before exec: the console reads it at start.
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.execve(BIN, [BIN] + args, env)
        self.written = 0

    def pump(self, timeout=0.0):
        r, _, _ = select.select([self.fd], [], [], timeout)
        if r:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return 0
            self.data += chunk
            self.data = self.data[-65536:]
            return len(chunk)
        return 0

    def wait_for(self, needle, timeout=20):
        deadline = time.monotonic() + timeout
        while needle.encode() not in self.data:
            if time.monotonic() > deadline:
                raise SystemExit(f"{self.name}: timed out waiting for {needle!r}: {self.data[-800:]!r}")
            self.pump(0.05)


def main():
    duration = float(sys.argv[1]) if len(sys.argv) > 1 else 60.0
    extra = sys.argv[2:]
    if not os.path.exists(BIN):
        raise SystemExit("build first: cargo build --release")
    tmp = tempfile.mkdtemp()
    consoles = []
    try:
        os.makedirs(os.path.join(tmp, "jichitai-09"))
        shutil.copy(os.path.join(ROOT, "sessions", "jichitai-09", "session.json"),
                    os.path.join(tmp, "jichitai-09", "session.json"))
        drop_cached(BIN)
        env = dict(os.environ, TERM="xterm-256color", LANG="ja_JP.UTF-8",
                   BUNKAKAI_LOG_DIR=os.path.join(tmp, "logs"))
        common = ["--sessions", tmp] + extra
        fac = Console("run", ["--lang", "en", "run", "jichitai-09"] + common, 100, 30, env)
        consoles.append(fac)
        fac.wait_for("quit")
        for g in "ABC":
            c = Console(f"notes {g}", ["notes", "jichitai-09", "--group", g] + common, 100, 30, env)
            consoles.append(c)
            c.wait_for("F1")
        disp = Console("display", ["--lang", "en", "display", "jichitai-09"] + common, 120, 35, env)
        consoles.append(disp)
        disp.wait_for("Block 1/3")
        os.write(fac.fd, b"n")
        fac.wait_for("Block 2/3")
        os.write(fac.fd, b" ")
        fac.wait_for("Running")
        disp.wait_for("In progress")
        settle_end = time.monotonic() + 2
        while time.monotonic() < settle_end:
            for c in consoles:
                c.pump(0.02)
        cpu0 = {c.pid: cpu_seconds(c.pid) for c in consoles}
        run0 = {c.pid: run_seconds(c.pid) for c in consoles}
        t0 = time.monotonic()
        end = t0 + duration
        while time.monotonic() < end:
            r, _, _ = select.select([c.fd for c in consoles], [], [], max(0, end - time.monotonic()))
            for c in consoles:
                if c.fd in r:
                    c.written += c.pump(0)
        elapsed = time.monotonic() - t0
        total_cpu, total_run, total_bytes = 0.0, 0.0, 0
        label = " ".join(extra) if extra else "change events"
        print(f"five consoles, block running, {label}, {elapsed:.1f} s")
        for c in consoles:
            cpu = cpu_seconds(c.pid) - cpu0[c.pid]
            run = run_seconds(c.pid) - run0[c.pid]
            total_cpu += cpu
            total_run += run
            total_bytes += c.written
            print(f"  {c.name:<10} cpu {cpu:.3f} s = {100 * cpu / elapsed:.3f} % "
                  f"(scheduler {100 * run / elapsed:.4f} %)   "
                  f"output {c.written / elapsed:.1f} bytes/s")
        print(f"  {'total':<10} cpu {total_cpu:.3f} s = {100 * total_cpu / elapsed:.3f} % of one core "
              f"(scheduler {100 * total_run / elapsed:.4f} %)   "
              f"output {total_bytes / elapsed:.1f} bytes/s")
    finally:
        for c in consoles:
            try:
                os.kill(c.pid, 15)
                os.waitpid(c.pid, 0)
            except OSError:
                pass
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
