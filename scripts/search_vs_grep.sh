#!/usr/bin/env bash
# `bunkakai search` against `grep -rc` of the same literal over the same
# files, in the same run, on the 100,000-note benchmark archive.
#
#   scripts/search_vs_grep.sh GEN_ARCHIVE_PY [WORKDIR]
#
# GEN_ARCHIVE_PY is the archive generator (100 sittings x 10 groups x 100
# notes, ~49 MB of JSON; it plants 連携 in most notes, ドローン配送 in 25 and
# never writes 量子暗号). The archive and the cache are made in WORKDIR
# (default: a fresh temporary folder), never in the repository.
# Uses hyperfine when installed (apt install hyperfine), else timed loops.
set -euo pipefail
gen=${1:?usage: search_vs_grep.sh GEN_ARCHIVE_PY [WORKDIR]}
work=${2:-$(mktemp -d)}
bin=${BUNKAKAI_BIN:-target/release/bunkakai}
[ -x "$bin" ] || cargo build --release --locked
arch="$work/arch"
[ -d "$arch" ] || python3 "$gen" "$arch" >/dev/null
export BUNKAKAI_CACHE_DIR="$work/cache"
export LANG=ja_JP.UTF-8
echo "archive: $(find "$arch" -name '*.json' | wc -l) files, $(du -sh "$arch" | cut -f1); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# The first search builds the cache; every later one reuses it.
/usr/bin/time -f "cache build (first search): %e s, peak RSS %M KB" \
    "$bin" --sessions "$arch" search 量子暗号 >/dev/null || true
for word in 連携 ドローン配送 量子暗号; do
    echo "== $word: $("$bin" --sessions "$arch" search "$word" --color never | wc -l) hits, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    /usr/bin/time -f "peak RSS %M KB" "$bin" --sessions "$arch" search "$word" --color never >/dev/null || true
    if command -v hyperfine >/dev/null; then
        # Both commands in the same run, one after the other; medians printed.
        # The coloured output (a terminal, --color always) is timed beside them.
        hyperfine -N --warmup 3 --runs "${RUNS:-30}" -i --style none \
            --export-json "$work/hf.json" \
            "$bin --sessions $arch search $word --color never" \
            "grep -rc --include=*.json $word $arch" \
            "$bin --sessions $arch search $word --color always" >/dev/null
        python3 - "$work/hf.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    c = r['command'].split()
    print(f"  median {r['median']*1000:6.1f} ms  (user {r['user']*1000:.1f} ms, sys {r['system']*1000:.1f} ms)  {c[0].rsplit('/',1)[-1]} {' '.join(c[-2:]) if c[-2] == '--color' else ''}")
PY
    else
        for cmd in "$bin --sessions $arch search $word --color never" \
                   "grep -rc --include=*.json $word $arch"; do
            python3 - "$cmd" <<'PY'
import subprocess, sys, time, statistics
cmd = sys.argv[1].split()
ts = []
for _ in range(30):
    t = time.perf_counter(); subprocess.run(cmd, stdout=subprocess.DEVNULL); ts.append(time.perf_counter() - t)
print(f"  median {statistics.median(ts)*1000:6.1f} ms  {cmd[0].rsplit('/',1)[-1]}")
PY
        done
    fi
done
