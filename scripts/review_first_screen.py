#!/usr/bin/env python3
# Time from starting `bunkakai review` in a private tmux server (80x24) until
# the sitting list is on screen (the first screen), and until every notes
# file is read (the list's legend stops saying it is reading), RUNS runs
# (default 9), medians:
#   python3 scripts/review_first_screen.py BIN ARCHIVE_DIR
# BUNKAKAI_CACHE_DIR is passed on when set (the search cache gives the list
# its note counts before the notes files are read).
import os, subprocess, time, sys, statistics
B = sys.argv[1]; arch = sys.argv[2]
runs = int(os.environ.get("RUNS", "9"))
cache = os.environ.get("BUNKAKAI_CACHE_DIR")
env = f"BUNKAKAI_CACHE_DIR={cache} " if cache is not None else ""
first, whole = [], []
for i in range(runs):
    name = f"rfs{i}"
    t0 = time.perf_counter()
    subprocess.run(["tmux", "-L", "rfs", "new", "-d", "-s", name, "-x", "80", "-y", "24",
                    f"LANG=ja_JP.UTF-8 {env}BUNKAKAI_LOG_DIR=/tmp/rfs-log {B} --sessions {arch} review"])
    shown = None
    while True:
        out = subprocess.run(["tmux", "-L", "rfs", "capture-pane", "-p", "-t", name],
                             capture_output=True, text=True).stdout
        now = time.perf_counter() - t0
        if shown is None and ("jichitai-100" in out or "第100回" in out):
            shown = now
            if i == 0:
                print(out)
        if shown is not None and "末尾の ! =" in out:
            whole.append(now)
            break
        if now > 20:
            whole.append(float("nan"))
            break
        time.sleep(0.005)
    first.append(shown if shown is not None else float("nan"))
    if i == 0:
        print(out)
    subprocess.run(["tmux", "-L", "rfs", "kill-session", "-t", name])
print("first screen ms:", [round(t * 1000) for t in first], "median", round(statistics.median(first) * 1000))
print("notes read ms:  ", [round(t * 1000) for t in whole], "median", round(statistics.median(whole) * 1000))
print("load average:", open("/proc/loadavg").read().split()[:3])
