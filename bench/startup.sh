#!/usr/bin/env bash
# Start-up and memory of the installed image against the development run (./motcua from the Maven class path),
# measured in the same run, on one Xvfb display. Not part of ./test.
#   bench/startup.sh [IMAGE] [RUNS]      IMAGE default packaging/target/image/MotcuaCounter, RUNS default 10
# Prints medians: `motcua version` (CLI) and window to its first usable screen (sign-in, decision 1301: drawn, with
# the counter open behind it), for ./motcua, the image without its AOT caches (-XX:AOTMode=off) and the image as
# installed; the window's resident memory once signed in with 50 dossiers listed (BENCH_DOSSIERS), and the .deb's size.
set -euo pipefail
cd "$(dirname "$0")/.."
image="${1:-packaging/target/image/MotcuaCounter}"
runs="${2:-10}"
dossiers="${BENCH_DOSSIERS:-50}"
work="$(mktemp -d)"
trap 'kill "${xvfb:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
Xvfb :77 -screen 0 1280x1024x24 >/dev/null 2>&1 & xvfb=$!
export DISPLAY=:77 MOTCUA_DATA_DIR="$work/data" MOTCUA_OCR_WORKERS=0
./motcua version >/dev/null # builds the development jar if needed, migrates nothing

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
ms() { echo $(( $(date +%s%N) / 1000000 )); }

cli() { # label, JAVA_TOOL_OPTIONS, command...
  local label="$1" opts="$2"; shift 2
  for _ in $(seq "$runs"); do
    local t0; t0=$(ms); JAVA_TOOL_OPTIONS="$opts" "$@" version >/dev/null 2>&1; echo $(( $(ms) - t0 ))
  done | median | xargs printf "%-34s %6s ms\n" "$label"
}
window() { # label, JAVA_TOOL_OPTIONS, launcher: median ms from the process start to its usable sign-in screen
  local label="$1" opts="$2" launcher="$3"
  for i in $(seq "$runs"); do
    local report="$work/w$i.txt"
    JAVA_TOOL_OPTIONS="$opts -Dmotcua.startup.report=$report -Dmotcua.startup.exit=true" "$launcher" >/dev/null 2>&1
    awk '/^usable / {print $2}' "$report"
  done | median | xargs printf "%-34s %6s ms\n" "$label"
}

echo "load: $(cut -d' ' -f1-3 /proc/loadavg), $runs runs each, medians"
cli "cli  ./motcua (Maven class path)" "" ./motcua
cli "cli  image, AOT off" "-XX:AOTMode=off" "$image/bin/motcua"
cli "cli  image (AOT cache)" "" "$image/bin/motcua"
window "window ./motcua (Maven class path)" "" ./motcua
window "window image, AOT off" "-XX:AOTMode=off" "$image/bin/MotcuaCounter"
window "window image (AOT cache)" "" "$image/bin/MotcuaCounter"

# resident memory of the window with $dossiers dossiers received (through the command line, one JVM each)
convert=/usr/bin/convert
"$convert" -size 1240x1754 xc:white -font DejaVu-Sans -pointsize 40 -annotate +100+200 "Trang bench" "$work/page.png"
for i in $(seq "$dossiers"); do
  "$image/bin/motcua" receive --procedure 1.004873 --name "Nguyen Van Bench" --id 001190012345 \
    --birth-date 1990-04-02 --sex nu --page 1="$work/page.png" >/dev/null 2>&1 \
    || { echo "bench: motcua receive failed" >&2; exit 1; }
done
# the window opens on its first screen (decision 1301: no account yet, so the first administrator's); the benchmark
# signs in there as a clerk would, with the keyboard (xdotool: name, display name, password twice), and reads the
# memory once the home list is shown
# (StartupProbe's "listed MS ROWS" line); every wait is bounded, and a window that never lists is reported, not waited on
report="$work/rss.txt"
JAVA_TOOL_OPTIONS="-Dmotcua.startup.report=$report" "$image/bin/MotcuaCounter" >/dev/null 2>&1 & pid=$!
for _ in $(seq 120); do grep -q '^usable ' "$report" 2>/dev/null && break; sleep 0.5; done
secret="mat-khau-bench-$RANDOM-$RANDOM"
if wid=$(timeout 20 xdotool search --sync --onlyvisible --pid "$pid" 2>/dev/null | head -1) && [ -n "$wid" ]; then
  xdotool windowfocus --sync "$wid" 2>/dev/null || true
  sleep 0.5   # the name field takes the focus on the pulse after the screen shows
  xdotool type --delay 15 "quantri"; xdotool key Tab; xdotool type --delay 15 "Quan tri bench"; xdotool key Tab
  xdotool type --delay 15 "$secret"
  xdotool key Tab; xdotool type --delay 15 "$secret"; xdotool key Return
fi
for _ in $(seq 120); do grep -q '^listed ' "$report" 2>/dev/null && break; sleep 0.5; done
listed=$(awk '/^listed / {print $3}' "$report" 2>/dev/null)
sleep 2
if [ -n "$listed" ]; then shown="$listed dossiers listed after the sign-in"
else shown="NOT signed in: at the sign-in screen, $dossiers received"; fi
printf "%-34s %6s MB (%s)\n" "window RSS, image" "$(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 ))" "$shown"
kill "$pid"; wait "$pid" 2>/dev/null || true
deb=$(ls installer/target/installers/motcua-counter_*_amd64.deb 2>/dev/null | head -1 || true)
if [ -n "$deb" ]; then
  printf "%-34s %6s MB\n" ".deb with the OCR models" "$(awk -v b="$(stat -c %s "$deb")" 'BEGIN {printf "%.1f", b / 1e6}')"
fi
