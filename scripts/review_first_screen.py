#!/usr/bin/env python3
# Time from starting `bunkakai review` in a private tmux server (80x24) until
# the sitting list is on screen, 5 runs:
#   python3 scripts/review_first_screen.py BIN ARCHIVE_DIR
import subprocess, time, sys, statistics
B=sys.argv[1]; arch=sys.argv[2]
ts=[]
for i in range(5):
    name=f"i14r{i}"
    t0=time.perf_counter()
    subprocess.run(["tmux","-L","i14","new","-d","-s",name,"-x","80","-y","24",f"LANG=ja_JP.UTF-8 BUNKAKAI_LOG_DIR=/tmp/i14/log {B} --sessions {arch} review"])
    while True:
        out=subprocess.run(["tmux","-L","i14","capture-pane","-p","-t",name],capture_output=True,text=True).stdout
        if "jichitai-100" in out or "第100回" in out or "100" in out and "分" in out:
            ts.append(time.perf_counter()-t0); break
        if time.perf_counter()-t0>10: ts.append(float('nan')); break
        time.sleep(0.005)
    if i==0: print(out)
    subprocess.run(["tmux","-L","i14","kill-session","-t",name])
print("first screen ms:", [round(t*1000) for t in ts], "median", round(statistics.median(ts)*1000))
