#!/usr/bin/env bash
# Start-up before and after a change, interleaved (one run of each in turn, RUNS rounds), so that the load of the shared
# machine falls on both alike. Not part of ./test.
#   bench/startup-compare.sh BEFORE_IMAGE AFTER_IMAGE [RUNS]     images: .../MotcuaCounter; RUNS default 7
#   BEFORE_DEV / AFTER_DEV: folders holding a ./motcua with its app/target, to compare the development starts too.
# Prints, per case, the medians of wall time and of CPU time (user + system, steadier under load) and after/before.
set -euo pipefail
before="${1:?usage: startup-compare.sh BEFORE_IMAGE AFTER_IMAGE [RUNS]}"
after="${2:?usage: startup-compare.sh BEFORE_IMAGE AFTER_IMAGE [RUNS]}"
runs="${3:-7}"
work="$(mktemp -d)"
trap 'kill "${xvfb:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
Xvfb :79 -screen 0 1280x1024x24 >/dev/null 2>&1 & xvfb=$!
export DISPLAY=:79 MOTCUA_OCR_WORKERS=0

cases=()   # name|kind|launcher
cases+=("cli  image|cli|$before/bin/motcua" "cli  image|cli|$after/bin/motcua")
cases+=("window image|window|$before/bin/MotcuaCounter" "window image|window|$after/bin/MotcuaCounter")
if [ -n "${BEFORE_DEV:-}" ] && [ -n "${AFTER_DEV:-}" ]; then
  cases+=("cli  ./motcua|cli|$BEFORE_DEV/motcua" "cli  ./motcua|cli|$AFTER_DEV/motcua")
  cases+=("window ./motcua|window|$BEFORE_DEV/motcua" "window ./motcua|window|$AFTER_DEV/motcua")
fi

one() { # index kind launcher: appends "wall cpu" (ms) to $work/INDEX
  local i="$1" kind="$2" launcher="$3" data="$work/data$1"
  if [ "$kind" = cli ]; then
    MOTCUA_DATA_DIR="$data" /usr/bin/time -f "%e %U %S" -o "$work/t" "$launcher" version >/dev/null 2>&1
    awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' "$work/t" >> "$work/$i"
  else   # launch to the usable report written (StartupProbe writes it then), timed from here: builds whose probes
    # differ compare alike (before 2026-12-06 the probe's Linux clock was up to 1 s long); CPU of the whole run
    rm -f "$work/r"
    local t0; t0=$(date +%s%N)
    MOTCUA_DATA_DIR="$data" JAVA_TOOL_OPTIONS="-Dmotcua.startup.report=$work/r -Dmotcua.startup.exit=true" \
      /usr/bin/time -f "%e %U %S" -o "$work/t" "$launcher" >/dev/null 2>&1
    if grep -q '^usable ' "$work/r" 2>/dev/null; then
      echo "$(( ($(stat -c %.9Y "$work/r" | tr -d .) - t0) / 1000000 )) $(awk '{printf "%d", ($2 + $3) * 1000}' "$work/t")" \
        >> "$work/$i"
    else
      echo "startup-compare: $launcher did not report a usable window" >&2
    fi
  fi
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

# a first, untimed start of each: a new data folder's keys, migrations and sample catalogue are not start-up
for i in "${!cases[@]}"; do IFS='|' read -r _ kind launcher <<< "${cases[$i]}"; one "$i" "$kind" "$launcher"; : > "$work/$i"; done
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $runs rounds"
for _ in $(seq "$runs"); do
  for i in "${!cases[@]}"; do IFS='|' read -r _ kind launcher <<< "${cases[$i]}"; one "$i" "$kind" "$launcher"; done
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-16s %22s %22s %16s\n" "" "before wall / CPU ms" "after wall / CPU ms" "after/before"
for ((i = 0; i < ${#cases[@]}; i += 2)); do
  name="${cases[$i]%%|*}"
  bw=$(cut -d' ' -f1 "$work/$i" | median); bc=$(cut -d' ' -f2 "$work/$i" | median)
  aw=$(cut -d' ' -f1 "$work/$((i + 1))" | median); ac=$(cut -d' ' -f2 "$work/$((i + 1))" | median)
  printf "%-16s %22s %22s %16s\n" "$name" "$bw / $bc" "$aw / $ac" \
    "$(awk -v a="$aw" -v b="$bw" -v c="$ac" -v d="$bc" 'BEGIN {printf "%.2f / %.2f", a / b, c / d}')"
done
