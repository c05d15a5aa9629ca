#!/usr/bin/env bash
# Builds the Motcua Counter application image from app/target (app.jar + lib/), on Linux or on a Windows runner
# (Git Bash). Called by `./mvnw verify` (packaging/pom.xml, phase package); by hand:
#   packaging/build-image.sh OUT_DIR
# Environment: MOTCUA_VERSION (the image's version, digits and dots), TESSDATA_SOURCE (folder holding vie and eng
# .traineddata; default Debian's), UPDATE_KEYS (folder of update-signing public keys to bundle), SKIP_AOT=true.
#
# 1. jlink: a runtime with the modules jdeps finds plus those loaded as services (locales, PKCS#11, charsets),
#    JavaFX's modules, and JavaFX's native libraries copied into it (never unpacked to ~/.openjfx/cache).
# 2. The jars without their native payloads, their entries stored (the installer's compression packs them better);
#    this platform's SQLite, JNA (and on Windows Tesseract/Leptonica) libraries in app/native, loaded from there
#    (packaging/src/build/Natives.java).
# 3. Tesseract's vie and eng (MRZ) models, checked against packaging/tessdata.sha256; the configuration
#    template; trust anchors.
# 4. jpackage --type app-image with two launchers: MotcuaCounter (the window) and motcua (the command line).
# 5. Linux: bin/MotcuaCounter and bin/motcua are src/linux/launcher.sh (jpackage's launcher queries dpkg at each start).
# 6. Two AOT caches (JDK 25 -XX:AOTCacheOutput): the window's, trained by starting it to its sign-in screen, and the
#    command line's, trained on `motcua --help`; each named in its launcher's .cfg (they replace the JDK's default CDS
#    archive, which is left out).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="${1:?usage: build-image.sh OUT_DIR}"
mkdir -p "$out" && out="$(cd "$out" && pwd)"
version="${MOTCUA_VERSION:-0.1.0}"
version="${version%%-*}" # jpackage takes digits and dots only (0.1.0-SNAPSHOT: 0.1.0)

case "$(uname -s)" in
  Linux) platform=linux-x86-64; fxclassifier=linux; exe=""; runtime_natives=lib ;;
  MINGW* | MSYS* | CYGWIN*) platform=windows-x86-64; fxclassifier=win; exe=".exe"; runtime_natives=bin ;;
  *) echo "build-image: unsupported system $(uname -s)" >&2; exit 1 ;;
esac

jdk=""
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/jpackage$exe" ] \
     && "$candidate/bin/java$exe" -version 2>&1 | grep -q 'version "2[5-9]'; then
    jdk="$candidate"; break
  fi
done
[ -n "$jdk" ] || { echo "build-image: a JDK 25 with jlink and jpackage is needed (set JAVA_HOME)" >&2; exit 1; }
java="$jdk/bin/java$exe"

app="$root/app/target"
[ -f "$app/app.jar" ] || { echo "build-image: build the app first (app/target/app.jar)" >&2; exit 1; }
work="$out/work"
rm -rf "$work" "$out/MotcuaCounter"
mkdir -p "$work/input/native" "$work/input/tessdata" "$work/input/config" "$work/input/trust/update"

fxjars=$(ls "$app"/lib/javafx-*-"$fxclassifier".jar)
appjars=$(ls "$app"/lib/*.jar | grep -v '/javafx-')

echo "build-image: jars without native payloads, natives for $platform"
# shellcheck disable=SC2086
"$java" "$here/src/build/Natives.java" strip "$platform" "$work/input" "$work/input/native" "$app/app.jar" $appjars

echo "build-image: modules"
sep=":"; [ "$platform" = windows-x86-64 ] && sep=";"
# shellcheck disable=SC2086
found=$("$jdk/bin/jdeps$exe" --ignore-missing-deps --multi-release 25 --print-module-deps \
  --module-path "$(echo $fxjars | tr ' ' "$sep")" --class-path "$(echo $appjars | tr ' ' "$sep")" \
  "$app/app.jar" $appjars | tail -1)
# loaded as services or by name, which jdeps cannot see: Vietnamese formats, USB signing tokens (SunPKCS11),
# legacy Windows code pages, JNA's and sqlite-jdbc's use of sun.misc
services="jdk.localedata,jdk.crypto.cryptoki,jdk.charsets,jdk.unsupported"
modules="$found,javafx.controls,javafx.swing,$services"
echo "  $modules"

echo "build-image: jlink"
# Uncompressed modules: the .deb's xz then packs the runtime into 26 MB instead of 44 MB (already-deflated classes do
# not compress again), and classes need no inflating at start.
# Java debug attributes always; native symbols too where objcopy is there (Linux)
strip=(--strip-debug)
if command -v objcopy >/dev/null 2>&1; then
  strip=(--strip-java-debug-attributes --strip-native-debug-symbols exclude-debuginfo-files)
fi
"$jdk/bin/jlink$exe" --module-path "$(echo $fxjars | tr ' ' "$sep")" --add-modules "$modules" \
  --include-locales=en,vi "${strip[@]}" --no-header-files --no-man-pages --compress=zip-0 \
  --output "$work/runtime"
# shellcheck disable=SC2086
"$java" "$here/src/build/Natives.java" extract "$platform" "$work/runtime/$runtime_natives" $fxjars

echo "build-image: Tesseract models"
tessdata="${TESSDATA_SOURCE:-/usr/share/tesseract-ocr/5/tessdata}"
while read -r sum name; do
  [ -f "$tessdata/$name" ] || { echo "build-image: $tessdata/$name is missing (apt-get install tesseract-ocr-vie)" >&2; exit 1; }
  cp "$tessdata/$name" "$work/input/tessdata/$name"
  actual=$("$java" "$here/src/build/Sha256.java" "$work/input/tessdata/$name")
  [ "$actual" = "$sum" ] || { echo "build-image: $name has SHA-256 $actual, expected $sum" >&2; exit 1; }
done < <(sed 's/#.*//; /^\s*$/d' "$here/tessdata.sha256")

echo "build-image: configuration template and trust anchors"
cp "$root/app/src/main/resources/config/motcua.properties" "$work/input/config/motcua.properties"
cp "$here/trust/README.md" "$work/input/trust/README.md"
if [ -n "${UPDATE_KEYS:-}" ]; then cp "$UPDATE_KEYS"/*.pem "$work/input/trust/update/"; fi

echo "build-image: jpackage app image"
options=(--enable-native-access=javafx.graphics,ALL-UNNAMED -Dfile.encoding=UTF-8 -Dmotcua.app.dir=\$APPDIR
  -Djava.net.useSystemProxies=true -Dorg.sqlite.lib.path=\$APPDIR/native -Djna.boot.library.path=\$APPDIR/native
  -Djna.library.path=\$APPDIR/native -Djna.nounpack=true
  --add-exports=javafx.base/com.sun.javafx.runtime=ALL-UNNAMED)
# The window's heap (decision 0904): its live set is ~80 MB after 50 receptions; a 512 MB ceiling leaves room for an
# 80 MP import, and G1 gives committed memory back (a periodic collection when idle, little free heap kept).
window_options=(-Xmx512m -XX:G1PeriodicGCInterval=3000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30)
# glibc keeps what native code freed (JavaFX's textures, Tesseract's buffers) in its arenas: the JVM hands it back every
# 2 s (391-395 MB after 50 receptions instead of 415-429; decision 0904). Windows' heap has no such trim.
if [ "$platform" = linux-x86-64 ]; then window_options+=(-XX:TrimNativeHeapInterval=2000); fi
cli="$work/motcua.properties"
{
  echo "java-options=${options[*]} -Djava.awt.headless=true"
  [ "$platform" = windows-x86-64 ] && echo "win-console=true"
} > "$cli"
"$jdk/bin/jpackage$exe" --type app-image --name MotcuaCounter --app-version "$version" \
  --vendor "Motcua Counter" --input "$work/input" --main-jar app.jar --main-class vn.motcua.counter.Launcher \
  --runtime-image "$work/runtime" --java-options "${options[*]} ${window_options[*]}" --add-launcher "motcua=$cli" \
  --dest "$out"

image="$out/MotcuaCounter"
case "$platform" in
  linux-x86-64) appdir="$image/lib/app"; bin="$image/bin" ;;
  windows-x86-64) appdir="$image/app"; bin="$image" ;;
esac

if [ "$platform" = linux-x86-64 ]; then
  # jpackage's Linux launcher asks rpm and dpkg which package owns it on every start (~0.5 s); this script reads the
  # same .cfg and runs the same Java (decision 0903)
  for launcher in MotcuaCounter motcua; do
    cp "$here/src/linux/launcher.sh" "$bin/$launcher" && chmod 755 "$bin/$launcher"
  done
  rm "$image/lib/libapplauncher.so" # only jpackage's launcher loads it (decision 0904)
fi

if [ "${SKIP_AOT:-false}" != true ]; then
  echo "build-image: AOT cache (training run)"
  train="$work/train"; rm -rf "$train"; mkdir -p "$train"
  window=("$bin/MotcuaCounter$exe")
  if [ "$platform" = linux-x86-64 ] && [ -z "${DISPLAY:-}" ]; then
    window=(xvfb-run -a -s "-screen 0 1280x1024x24" "${window[@]}")
  fi
  # start the window on a fresh data folder (migrations, sample catalogue) to its sign-in screen, close
  MOTCUA_DATA_DIR="$train/data" MOTCUA_OCR_WORKERS=0 JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$appdir/motcua.aot \
-Dmotcua.startup.report=$train/window.txt -Dmotcua.startup.exit=true" "${window[@]}" > "$train/window.log" 2>&1 \
    || { cat "$train/window.log" >&2; exit 1; }
  grep -q usable "$train/window.txt" || { echo "build-image: the window did not come up" >&2; exit 1; }
  [ -f "$appdir/motcua.aot" ] || { echo "build-image: no AOT cache was written" >&2; exit 1; }
  # the command line has a cache of its own: the window's loads its ~8,500 classes at every start (AOT-linked classes
  # are loaded up front), which made `motcua version` slower than with no cache at all (decision 0903). Trained on
  # --help, which builds every command's model; picocli's own classes (Java 5 class files) cannot be cached.
  MOTCUA_DATA_DIR="$train/data" JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$appdir/motcua-cli.aot" \
    "$bin/motcua$exe" --help > "$train/cli.log" 2>&1 || { cat "$train/cli.log" >&2; exit 1; }
  [ -f "$appdir/motcua-cli.aot" ] || { cat "$train/cli.log" >&2; echo "build-image: no command-line AOT cache" >&2; exit 1; }
  sed -i '/^\[JavaOptions\]/a java-options=-XX:AOTCache=$APPDIR/motcua.aot' "$appdir/MotcuaCounter.cfg"
  sed -i '/^\[JavaOptions\]/a java-options=-XX:AOTCache=$APPDIR/motcua-cli.aot' "$appdir/motcua.cfg"
  echo "  window usable after $(awk '/^usable / {print $2}' "$train/window.txt") ms in the training run ($(tail -n +2 "$train/window.txt" | tr '\n' ' '))"
fi
rm -rf "$work"
du -sh "$image"
