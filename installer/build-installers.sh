#!/usr/bin/env bash
# Builds what IT staff install from the application image that packaging/build-image.sh made:
#   Linux:   motcua-counter_VERSION_amd64.deb (jpackage + fakeroot) and MotcuaCounter-VERSION-linux-x86-64.zip
#   Windows: MotcuaCounter-VERSION.msi (jpackage + WiX, installer/windows/) and MotcuaCounter-VERSION-windows-x86-64.zip
# Usage: installer/build-installers.sh IMAGE_PARENT OUT_DIR   (IMAGE_PARENT holds MotcuaCounter/)
# Environment: MOTCUA_VERSION (digits and dots), INSTALLER_TYPES (default: deb zip on Linux, msi zip on Windows).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
images="$(cd "${1:?usage: build-installers.sh IMAGE_PARENT OUT_DIR}" && pwd)"
out="${2:?usage: build-installers.sh IMAGE_PARENT OUT_DIR}"
mkdir -p "$out" && out="$(cd "$out" && pwd)"
version="${MOTCUA_VERSION:-0.1.0}"
version="${version%%-*}" # jpackage takes digits and dots only (0.1.0-SNAPSHOT: 0.1.0)
image="$images/MotcuaCounter"
[ -d "$image" ] || { echo "build-installers: no application image in $images" >&2; exit 1; }

case "$(uname -s)" in
  Linux) platform=linux-x86-64; exe=""; types="${INSTALLER_TYPES:-deb zip}" ;;
  MINGW* | MSYS* | CYGWIN*) platform=windows-x86-64; exe=".exe"; types="${INSTALLER_TYPES:-msi zip}" ;;
  *) echo "build-installers: unsupported system $(uname -s)" >&2; exit 1 ;;
esac
jdk=""
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/jpackage$exe" ]; then jdk="$candidate"; break; fi
done
[ -n "$jdk" ] || { echo "build-installers: a JDK 25 with jpackage is needed (set JAVA_HOME)" >&2; exit 1; }

common=(--app-image "$image" --name MotcuaCounter --app-version "$version" --vendor "Motcua Counter"
  --description "Motcua Counter: one-stop (mot cua) dossier reception" --dest "$out")

for type in $types; do
  case "$type" in
    deb)
      echo "build-installers: .deb"
      # Tesseract's library comes from Debian (the models are in the image); fonts for the window's Vietnamese text.
      # No --linux-shortcut: it would pull in xdg-utils; postinst writes the menu entry itself.
      # xz -9 (dpkg-deb reads the level from the environment; jpackage passes none): 64 MB window instead of 8 MB
      DPKG_DEB_COMPRESSOR_TYPE=xz DPKG_DEB_COMPRESSOR_LEVEL=9 \
        "$jdk/bin/jpackage" --type deb "${common[@]}" --linux-package-name motcua-counter --install-dir /opt \
          --linux-app-category office --linux-deb-maintainer "it@motcua.example" \
          --linux-package-deps "tesseract-ocr, fonts-dejavu-core" --resource-dir "$here/linux"
      ls -la "$out"/motcua-counter_*.deb
      ;;
    msi)
      echo "build-installers: .msi"
      # per-machine, stable upgrade code, ProgramData configuration written from msiexec properties (main.wxs)
      # per-machine (jpackage's default without --win-per-user-install); never change the upgrade code
      "$jdk/bin/jpackage$exe" --type msi "${common[@]}" --win-upgrade-uuid 6f1c2b7e-4a53-4f0e-9d61-2c8f3b1e7a90 \
        --win-menu --win-menu-group "Motcua Counter" --win-shortcut --resource-dir "$here/windows"
      ;;
    zip)
      echo "build-installers: portable zip"
      name="MotcuaCounter-$version-$platform"
      stage="$out/zip-stage"; rm -rf "$stage"; mkdir -p "$stage"
      cp -a "$image" "$stage/MotcuaCounter"
      cp "$here/PORTABLE.txt" "$stage/MotcuaCounter/PORTABLE.txt"
      # a checksum manifest of every file, so IT staff can check a copy carried on a USB stick
      (cd "$stage/MotcuaCounter" && find . -type f ! -name SHA256SUMS -print0 | sort -z \
        | xargs -0 "$jdk/bin/java$exe" "$here/../packaging/src/build/Sha256.java" --list > SHA256SUMS)
      rm -f "$out/$name.zip"
      if [ "$platform" = windows-x86-64 ]; then
        (cd "$stage" && powershell -NoProfile -Command "Compress-Archive -Path MotcuaCounter -DestinationPath '$out/$name.zip'")
      else
        (cd "$stage" && zip -q -r -y "$out/$name.zip" MotcuaCounter) # keeps the launchers' execute bits
      fi
      rm -rf "$stage"
      ls -la "$out/$name.zip"
      ;;
    *) echo "build-installers: unknown type $type" >&2; exit 1 ;;
  esac
done
