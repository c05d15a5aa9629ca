#!/bin/bash
# Motcua Counter's launcher on Linux (bin/MotcuaCounter, bin/motcua; /usr/bin/motcua links here). It runs the bundled
# Java with this launcher's .cfg (lib/app/NAME.cfg: class path, main class, Java options), as jpackage's own launcher
# does, without what that one does first on every start: asking rpm and dpkg which package owns it (`dpkg -S`, twice,
# ~0.5 s of each start). Put in place by packaging/build-image.sh (decision 0903); Windows keeps jpackage's .exe.
# GTK's accessibility bridge registers on the session bus at each start (~70 ms before the sign-in screen) for nothing:
# JavaFX exposes no accessibility tree on Linux (decision 0903). Set NO_AT_BRIDGE=0 to have it back.
export NO_AT_BRIDGE="${NO_AT_BRIDGE:-1}"
self="$(readlink -f "$0")"
root="${self%/bin/*}"
APPDIR="$root/lib/app"
classpath="" main="" options=()
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    app.classpath=*) classpath="${classpath:+$classpath:}${line#app.classpath=}" ;;
    app.mainclass=*) main="${line#app.mainclass=}" ;;
    java-options=*) options+=("${line#java-options=}") ;;
  esac
done < "$APPDIR/${self##*/}.cfg"
exec "$root/lib/runtime/bin/java" "${options[@]//\$APPDIR/$APPDIR}" "-Djpackage.app-path=$self" \
  -cp "${classpath//\$APPDIR/$APPDIR}" "$main" "$@"
