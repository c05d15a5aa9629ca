#!/usr/bin/env bash
# Takes the README screenshots from the running application under Xvfb (packages: xvfb xauth imagemagick xdotool
# xclip poppler-utils). Seeds a throwaway data folder with demo dossiers through the real services, then drives the window.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=docs/screenshots
data=$(mktemp -d)
./mvnw -B -q -DskipTests package -pl app -am
./mvnw -B -q test-compile -pl app -am -Dmaven.test.skip.exec=true
java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
$java --enable-native-access=ALL-UNNAMED -cp "app/target/test-classes:app/target/classes:app/target/lib/*" \
  vn.motcua.counter.demo.DemoDossiers "$data"

export MOTCUA_DATA_DIR="$data"
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  set -e
  ./motcua & app=$!
  sleep 8
  win=$(xdotool search --sync --name "Motcua Counter" | head -1)
  xdotool windowmove "$win" 0 0 windowsize "$win" 1280 800
  sleep 1
  /usr/bin/import -window root '"$out"'/home.png
  xdotool key --window "$win" ctrl+r; sleep 3
  /usr/bin/import -window root '"$out"'/report.png
  xdotool key Escape; sleep 1
  # xdotool cannot type every Vietnamese letter under Xvfb; paste them, as an input method commits them.
  paste() { printf "%s" "$1" | xclip -selection clipboard; xdotool key ctrl+v; }
  # An organisation, identified by its tax code, with the person who came to the counter.
  xdotool key --window "$win" ctrl+n; sleep 1
  xdotool key shift+Tab Down Down Tab
  paste "Công ty TNHH Hạt Điều Bình Phước"; xdotool key Tab
  xdotool type --delay 20 "0100233488-001"; xdotool key Tab
  paste "Lê Thị Thu Hà"; xdotool key Tab
  paste "Khu công nghiệp Đồng Xoài, Bình Phước"; xdotool key Tab
  xdotool type --delay 20 "02713888999"
  xdotool mousemove 870 154 click 1
  paste "bản sao từ bản chính"; xdotool key Return; sleep 1
  /usr/bin/import -window root '"$out"'/new-dossier-organisation.png
  xdotool key Escape; sleep 1; xdotool key Tab space; sleep 1  # "Đóng, không lưu"
  xdotool key --window "$win" ctrl+n; sleep 1
  paste "Nguyễn Thị Mai"; xdotool key Tab
  xdotool type --delay 20 "001190012345"; xdotool key Tab
  xdotool type --delay 20 "02/04/1990"; xdotool key Tab Tab
  paste "Số 5 phố Hàng Bài, Hoàn Kiếm"; xdotool key Tab
  xdotool type --delay 20 "0912345678"
  # The returning-applicant panel takes Tab stops of its own: go to the procedure filter directly.
  xdotool mousemove 870 154 click 1
  xdotool type --delay 20 "khai sinh"; xdotool key Return; sleep 1
  xdotool key F8; sleep 15  # scans into the first component
  xdotool mousemove 762 440 click 1; sleep 1  # selects its first page for the page tools
  /usr/bin/import -window root '"$out"'/new-dossier.png
  kill $app
'
# the newest receipt (form 01) among the stored PDFs; electronic copies are PDFs too
receipt=$(ls -t "$data"/files/*/* | while read -r f; do
  head -c 4 "$f" | grep -q "%PDF" && pdftotext -l 1 "$f" - 2>/dev/null | grep -q "Mẫu số 01" && echo "$f" && break
done)
pdftoppm -r 80 -png -singlefile "$receipt" "$out"/receipt
rm -rf "$data"
