#!/usr/bin/env python3
# Time per key typed into the review's `/` search box, measured from outside
# in a private tmux server (80x24): the review is started, left to read the
# whole archive, `/` is pressed, then each word is typed a character at a
# time and erased; each key is timed from `tmux send-keys` until the search
# line on screen shows the new text (the search runs before that frame is
# drawn). The figure includes tmux's own round trip and the polling, so it
# is an upper bound of the review's work per key.
#   python3 scripts/review_keystroke.py BIN ARCHIVE_DIR [WORD...]
import os, subprocess, time, sys, statistics
B = sys.argv[1]; arch = sys.argv[2]
words = sys.argv[3:] or ["連携", "ドローン配送", "量子暗号"]
cache = os.environ.get("BUNKAKAI_CACHE_DIR")
env = f"BUNKAKAI_CACHE_DIR={cache} " if cache is not None else ""
T = ["tmux", "-L", "rks"]
def screen():
    return subprocess.run(T + ["capture-pane", "-p", "-t", "k"], capture_output=True, text=True).stdout
def wait(pred, limit=20):
    t0 = time.perf_counter()
    while True:
        out = screen()
        if pred(out):
            return out
        if time.perf_counter() - t0 > limit:
            raise SystemExit("timed out:\n" + out)
        time.sleep(0.002)
subprocess.run(T + ["new", "-d", "-s", "k", "-x", "80", "-y", "24",
                    f"LANG=ja_JP.UTF-8 {env}BUNKAKAI_LOG_DIR=/tmp/rks-log {B} --sessions {arch} review"])
wait(lambda o: "末尾の ! =" in o)
subprocess.run(T + ["send-keys", "-t", "k", "/"])
wait(lambda o: o.splitlines()[1].startswith("検索:") if len(o.splitlines()) > 1 else False)
def line(o):
    return o.splitlines()[1].rstrip()
all_keys = []
for word in words:
    times = []
    for i in range(len(word)):
        text = word[: i + 1]
        t0 = time.perf_counter()
        subprocess.run(T + ["send-keys", "-t", "k", "-l", word[i]])
        out = wait(lambda o: line(o) == f"検索: {text}")
        times.append(time.perf_counter() - t0)
    hits = out.splitlines()[0].strip()
    for i in range(len(word), 0, -1):
        text = word[: i - 1]
        t0 = time.perf_counter()
        subprocess.run(T + ["send-keys", "-t", "k", "BSpace"])
        wait(lambda o: line(o) == f"検索: {text}".rstrip())
        times.append(time.perf_counter() - t0)
    all_keys += times
    print(f"{word}: [{hits}] per key ms {[round(t * 1000) for t in times]} median {round(statistics.median(times) * 1000)}")
print(f"all keys: median {round(statistics.median(all_keys) * 1000)} ms, slowest {round(max(all_keys) * 1000)} ms")
subprocess.run(T + ["kill-session", "-t", "k"])
# The same round trip to a program that does nothing but echo (`cat`): what
# tmux and the polling add to each figure above.
subprocess.run(T + ["new", "-d", "-s", "k", "-x", "80", "-y", "24", "cat"])
wait(lambda o: True)
echo = []
for i, c in enumerate("連携ドローン配送量子暗号"):
    t0 = time.perf_counter()
    subprocess.run(T + ["send-keys", "-t", "k", "-l", c])
    wait(lambda o, n=i + 1: len(o.splitlines()[0].strip()) >= n if o.splitlines() else False)
    echo.append(time.perf_counter() - t0)
print(f"tmux round trip to cat: median {round(statistics.median(echo) * 1000)} ms")
subprocess.run(T + ["kill-server"])
print("load average:", open("/proc/loadavg").read().split()[:3])
