#!/usr/bin/env python3
"""Idle cost of the facilitator console, measured in a real pseudo-terminal.

Runs the release binary on a temporary copy of the bundled sitting in a
100x30 pty, starts the first block, then for DURATION seconds (default 60)
counts the CPU time the process used (/proc/PID/stat) and the bytes it wrote
to the terminal. Also measures the time from spawn to the first complete
frame, and the peak RSS (VmHWM). Prints one figure per line.

The binary's pages are first dropped from the page cache, so that every run
reads it the way a console started after a reboot does: how a file came into
the cache changes how much of it a process maps (a file just copied or
linked sits in large pages, and faulting one in maps more of it), which
moved the peak RSS by up to 0.7 MiB between otherwise equal runs.

Usage: cargo build --release && python3 scripts/idle_cost.py [DURATION]
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
COLS, ROWS = 100, 30
TICK = os.sysconf("SC_CLK_TCK")


def drop_cached(path):
    """Asks the kernel to forget the cached pages of `path` (written back
    first: dirty pages would stay)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def run_seconds(pid):
    """CPU time of the process's live threads as the scheduler counts it
    (/proc/PID/task/*/sched, microsecond resolution): the tick counts of
    /proc/PID/stat are 10 ms steps, too coarse for an idle console."""
    total = 0.0
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/sched") as f:
                for line in f:
                    if line.startswith("se.sum_exec_runtime"):
                        total += float(line.split(":")[1]) / 1000
        except OSError:
            pass
    return total


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def peak_rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def read_until(fd, needle, timeout):
    """Reads from the pty until `needle` was seen; returns all bytes read."""
    data = b""
    deadline = time.monotonic() + timeout
    while needle not in data:
        left = deadline - time.monotonic()
        if left <= 0:
            raise SystemExit(f"timed out waiting for {needle!r}")
        r, _, _ = select.select([fd], [], [], left)
        if r:
            data += os.read(fd, 65536)
    return data


def main():
    duration = float(sys.argv[1]) if len(sys.argv) > 1 else 60.0
    if not os.path.exists(BIN):
        raise SystemExit("build first: cargo build --release")
    tmp = tempfile.mkdtemp()
    try:
        shutil.copytree(os.path.join(ROOT, "sessions", "jichitai-09"),
                        os.path.join(tmp, "jichitai-09"))
        env = dict(os.environ, TERM="xterm-256color", LANG="C",
                   BUNKAKAI_LOG_DIR=os.path.join(tmp, "logs"))
        drop_cached(BIN)
        start = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:
            # The size is set before exec: the console reads it at start.
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
            os.execve(BIN, [BIN, "--lang", "en", "--sessions", tmp, "run", "jichitai-09"], env)
        # The status line is the last thing drawn: the first frame is complete.
        read_until(fd, b"quit", 10)
        first_frame = time.monotonic() - start
        os.write(fd, b" ")
        read_until(fd, b"Running", 10)
        # Let the start settle (the notes are read once at start-up).
        settle_end = time.monotonic() + 2
        while time.monotonic() < settle_end:
            r, _, _ = select.select([fd], [], [], 0.1)
            if r:
                os.read(fd, 65536)
        cpu0, run0, t0, written = cpu_seconds(pid), run_seconds(pid), time.monotonic(), 0
        end = t0 + duration
        while time.monotonic() < end:
            r, _, _ = select.select([fd], [], [], max(0, end - time.monotonic()))
            if r:
                written += len(os.read(fd, 65536))
        elapsed = time.monotonic() - t0
        cpu = cpu_seconds(pid) - cpu0
        run = run_seconds(pid) - run0
        rss = peak_rss_kib(pid)
        os.write(fd, b"q")
        os.waitpid(pid, 0)
        print(f"window            {COLS}x{ROWS}, block running, {elapsed:.1f} s")
        print(f"cpu (ticks)       {cpu:.3f} s = {100 * cpu / elapsed:.3f} % of one core")
        print(f"cpu (scheduler)   {1000 * run:.1f} ms = {100 * run / elapsed:.4f} % of one core")
        print(f"terminal output   {written} bytes = {written / elapsed:.1f} bytes/s")
        print(f"first frame       {1000 * first_frame:.1f} ms after spawn")
        print(f"peak rss          {rss / 1024:.1f} MiB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
